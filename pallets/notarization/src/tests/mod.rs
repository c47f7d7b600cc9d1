//! The pallet's tests, by call family.

mod certification;
mod invariants;
mod merkle;
mod notarize;
mod queries;
mod supervision;
