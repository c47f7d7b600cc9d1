mod disputes;
mod invariants;
mod licensing;
mod queries;
mod registration;
mod supervision;
mod transfers;
