//! Storage migrations of the credit pallet.
//!
//! ## v1 → v2: each lender's latest access
//! Version 2 indexes each lender's newest entry of each SME's access log ([`LatestAccesses`]),
//! so that the query gateway checks a lender's declared access in one read instead of walking
//! the newest entries of the log (where 100 accesses of another lender hid it). The migration
//! walks the logs once, over as many blocks as they take (two reads per entry, a write per
//! entry newer than the one indexed before it): see [`regchain_primitives::migrations`].
//! [`FinancingConsents`] starts empty: its purpose, `InvoiceFinancing`, is new in version 2.
//!
//! Run it with [`MigrateV1ToV2`] in the runtime's multi-block migrations; it does nothing
//! unless the stored version is 1, and sets it to 2.

use crate::{pallet::*, types::Access};
use alloc::vec::Vec;
use frame_support::{pallet_prelude::*, storage::PrefixIterator};
use regchain_primitives::{
	migrations::{SteppedWalk, Walk},
	OrgId,
};

/// Indexes each lender's newest access to each SME, one access-log entry at a time. Unversioned:
/// use [`MigrateV1ToV2`].
pub struct IndexLatestAccesses<T>(core::marker::PhantomData<T>);

impl<T: Config> Walk for IndexLatestAccesses<T> {
	const NAME: &'static [u8] = b"regchain credit v1-v2: LatestAccesses";
	type Entry = (OrgId, u32, Access);

	fn entries(after: Option<Vec<u8>>) -> PrefixIterator<Self::Entry> {
		after.map_or_else(Accesses::<T>::iter, Accesses::<T>::iter_from)
	}

	fn weight_per_entry() -> Weight {
		T::DbWeight::get().reads_writes(2, 1)
	}

	/// Entries come in hash order, not by number: it keeps the highest number per lender.
	fn migrate((sme, index, access): Self::Entry) {
		if LatestAccesses::<T>::get(sme, access.lender).is_none_or(|l| l < index) {
			LatestAccesses::<T>::insert(sme, access.lender, index);
		}
	}
}

/// The v1 → v2 migration, a multi-block one: it runs only when the stored version is 1, and
/// then sets it to 2.
pub type MigrateV1ToV2<T> = SteppedWalk<IndexLatestAccesses<T>, Pallet<T>, 1, 2, true>;

#[cfg(test)]
mod tests {
	use super::*;
	use crate::{mock::*, types::*};
	use frame_support::traits::GetStorageVersion;
	use regchain_primitives::migrations::run_to_end;

	#[test]
	fn each_lenders_newest_access_is_indexed() {
		ExtBuilder::default().build().execute_with(|| {
			StorageVersion::new(1).put::<Pallet<Test>>();
			let scope = Scope { claim_types: ClaimTypeScope::All, figures: false };
			// SME 3's log: lender 5 at 0 and 2, lender 6 at 1 and 3..=120; SME 4's: lender 5.
			let log = |sme: u32, index: u32, lender: u32| {
				let access = Access {
					lender,
					grant: 0,
					scope: scope.clone(),
					purpose: Purpose::PreLoanReview,
					at: 0,
				};
				Accesses::<Test>::insert(sme, index, access);
			};
			log(3, 0, 5);
			log(3, 1, 6);
			log(3, 2, 5);
			for index in 3..=120 {
				log(3, index, 6);
			}
			log(4, 0, 5);
			assert_eq!(run_to_end::<MigrateV1ToV2<Test>>(Weight::MAX), Ok(1));
			assert_eq!(Pallet::<Test>::on_chain_storage_version(), 2);
			assert_eq!(LatestAccesses::<Test>::get(3, 5), Some(2));
			assert_eq!(LatestAccesses::<Test>::get(3, 6), Some(120));
			assert_eq!(LatestAccesses::<Test>::get(4, 5), Some(0));
			assert_eq!(LatestAccesses::<Test>::get(4, 6), None);
			// Run again at version 2: nothing changes.
			LatestAccesses::<Test>::remove(4, 5);
			assert_eq!(run_to_end::<MigrateV1ToV2<Test>>(Weight::MAX), Ok(1));
			assert_eq!(LatestAccesses::<Test>::get(4, 5), None);
		});
	}
}
