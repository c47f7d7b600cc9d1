//! What the calls do, the queries of the runtime API and the storage invariants: one file per
//! call family (cases, inspections), the queries and the invariants.

mod cases;
mod inspections;
mod invariants;
mod queries;

use crate::pallet::*;
use regchain_primitives::time;

impl<T: Config> Pallet<T> {
	/// The chain's time.
	pub(crate) fn now() -> time::Moment {
		time::now::<T::UnixTime>()
	}
}
