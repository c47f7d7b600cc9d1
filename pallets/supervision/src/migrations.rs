//! Storage migrations of the supervision pallet.
//!
//! ## v1 → v2: open cases counted by subject
//! Version 2 counts the open cases about each organization ([`OpenCaseCount`]), which a random
//! inspection reads to weigh an organization under an open case more, and adds the inspection
//! plans' maps (empty on the upgrade). The migration walks the cases once, over as many blocks
//! as they take (a read and a write per open case): see [`regchain_primitives::migrations`].
//!
//! Run it with [`MigrateV1ToV2`] in the runtime's multi-block migrations; it does nothing
//! unless the stored version is 1, and sets it to 2.

use crate::{pallet::*, types::Case};
use alloc::vec::Vec;
use frame_support::{pallet_prelude::*, storage::PrefixIterator};
use regchain_primitives::migrations::{SteppedWalk, Walk};

/// Counts each subject's open cases, one case at a time. Unversioned: use [`MigrateV1ToV2`].
pub struct CountOpenCases<T>(core::marker::PhantomData<T>);

impl<T: Config> Walk for CountOpenCases<T> {
	const NAME: &'static [u8] = b"regchain supervision v1-v2: OpenCaseCount";
	type Entry = (crate::CaseId, Case);

	fn entries(after: Option<Vec<u8>>) -> PrefixIterator<Self::Entry> {
		after.map_or_else(Cases::<T>::iter, Cases::<T>::iter_from)
	}

	fn weight_per_entry() -> Weight {
		T::DbWeight::get().reads_writes(2, 1)
	}

	fn migrate((_, case): Self::Entry) {
		if case.is_open() {
			OpenCaseCount::<T>::mutate(case.subject, |count| {
				*count = Some(count.unwrap_or(0).saturating_add(1))
			});
		}
	}
}

/// The v1 → v2 migration, a multi-block one: it runs only when the stored version is 1, and
/// then sets it to 2.
pub type MigrateV1ToV2<T> = SteppedWalk<CountOpenCases<T>, Pallet<T>, 1, 2, true>;

#[cfg(test)]
mod tests {
	use super::*;
	use crate::mock::*;
	use frame_support::{assert_ok, traits::GetStorageVersion};
	use regchain_primitives::migrations::run_to_end;

	#[test]
	fn the_open_cases_are_counted_by_subject() {
		ExtBuilder::default().build().execute_with(|| {
			case_about_acme(&[FUND]);
			case_about_acme(&[INVOICE]);
			let closed = case_about_acme(&[BATCH]);
			assert_ok!(Supervision::close_case(RuntimeOrigin::signed(MARKET), closed, doc(9)));
			assert_eq!(OpenCaseCount::<Test>::get(ACME as u32), Some(2));
			// The layout of version 1: no count.
			let _ = OpenCaseCount::<Test>::clear(10, None);
			StorageVersion::new(1).put::<Pallet<Test>>();
			assert_eq!(run_to_end::<MigrateV1ToV2<Test>>(Weight::MAX), Ok(1));
			assert_eq!(Pallet::<Test>::on_chain_storage_version(), 2);
			assert_eq!(OpenCaseCount::<Test>::get(ACME as u32), Some(2));
			regchain_primitives::testing::assert_migrated_once::<MigrateV1ToV2<Test>>();
			Pallet::<Test>::do_try_state().unwrap();
		});
	}
}
