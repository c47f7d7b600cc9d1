//! The pallet's tests, one file per call family.

mod buyer;
mod claims;
mod issue;
mod issuers;
mod queries;
mod reversal;
mod supervision;
