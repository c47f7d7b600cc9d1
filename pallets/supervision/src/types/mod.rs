//! The supervision pallet's stored records and call arguments: of cases, and of random
//! inspections.

mod cases;
mod inspections;

pub use cases::*;
pub use inspections::*;
