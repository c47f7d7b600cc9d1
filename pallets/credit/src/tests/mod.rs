mod attestations;
mod claim_types;
mod consent;
mod disputes;
mod queries;
mod supervision;
