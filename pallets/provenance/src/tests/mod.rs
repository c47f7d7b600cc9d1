mod aggregation;
mod custody;
mod invariants;
mod recalls;
mod registration;
mod retail_and_clones;
