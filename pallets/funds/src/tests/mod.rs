//! The pallet's tests, one file per call family.

mod applications;
mod expenses;
mod programs;
mod publicity;
mod repayments;
mod statements;
mod supervision;
