//! The pallet's tests, one file per call family.

mod applications;
mod banks;
mod evaluations;
mod expenses;
mod payments;
mod programs;
mod publicity;
mod repayments;
mod statements;
mod supervision;
