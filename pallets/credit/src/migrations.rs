//! Storage migrations of the credit pallet.
//!
//! ## v1 → v2: each lender's latest access
//! Version 2 indexes each lender's newest entry of each SME's access log ([`LatestAccesses`]),
//! so that the query gateway checks a lender's declared access in one read instead of walking
//! the newest entries of the log (where 100 accesses of another lender hid it). The migration
//! walks the logs once, in one block: a chain upgrading from version 1 holds the accesses of
//! its pilot (two reads per entry, a write per entry newer than the one indexed before it).
//! [`FinancingConsents`] starts empty: its purpose, `InvoiceFinancing`, is new in version 2.
//!
//! Run it with [`MigrateV1ToV2`] in the runtime's `Migrations`; it does nothing unless the
//! stored version is 1, and sets it to 2.

use crate::pallet::*;
use frame_support::{
	migrations::VersionedMigration, pallet_prelude::*, traits::UncheckedOnRuntimeUpgrade,
};

/// Indexes each lender's newest access to each SME. Unversioned: use [`MigrateV1ToV2`].
pub struct UncheckedMigrateV1ToV2<T>(core::marker::PhantomData<T>);

impl<T: Config> UncheckedOnRuntimeUpgrade for UncheckedMigrateV1ToV2<T> {
	fn on_runtime_upgrade() -> Weight {
		// The log is a double map (`index_every` walks maps): the same walk, by hand. It meets
		// a log's entries in hash order, so it keeps the highest number per lender.
		let (mut read, mut written) = (0u64, 0u64);
		for (sme, index, access) in Accesses::<T>::iter() {
			read = read.saturating_add(2);
			if LatestAccesses::<T>::get(sme, access.lender).is_none_or(|l| l < index) {
				LatestAccesses::<T>::insert(sme, access.lender, index);
				written = written.saturating_add(1);
			}
		}
		T::DbWeight::get().reads_writes(read, written)
	}
}

/// The v1 → v2 migration, run only when the stored version is 1; it then sets it to 2.
pub type MigrateV1ToV2<T> = VersionedMigration<
	1,
	2,
	UncheckedMigrateV1ToV2<T>,
	Pallet<T>,
	<T as frame_system::Config>::DbWeight,
>;

#[cfg(test)]
mod tests {
	use super::*;
	use crate::{mock::*, types::*};
	use frame_support::traits::{GetStorageVersion, OnRuntimeUpgrade};

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
			MigrateV1ToV2::<Test>::on_runtime_upgrade();
			assert_eq!(Pallet::<Test>::on_chain_storage_version(), 2);
			assert_eq!(LatestAccesses::<Test>::get(3, 5), Some(2));
			assert_eq!(LatestAccesses::<Test>::get(3, 6), Some(120));
			assert_eq!(LatestAccesses::<Test>::get(4, 5), Some(0));
			assert_eq!(LatestAccesses::<Test>::get(4, 6), None);
			// Run again at version 2: nothing changes.
			LatestAccesses::<Test>::remove(4, 5);
			MigrateV1ToV2::<Test>::on_runtime_upgrade();
			assert_eq!(LatestAccesses::<Test>::get(4, 5), None);
		});
	}
}
