mod aggregation;
mod custody;
mod recalls;
mod registration;
mod retail_and_clones;
