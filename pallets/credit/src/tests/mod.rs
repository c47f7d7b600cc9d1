mod attestations;
mod claim_types;
mod consent;
mod disputes;
mod financing;
mod invariants;
mod queries;
mod supervision;
