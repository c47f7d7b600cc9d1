//! Storage migrations of the provenance pallet.
//!
//! ## v1 → v2: product classes by owner
//! Version 2 indexes every product class under its owner ([`ClassesByOwner`]), so that an
//! organization's products are paged without walking all classes. The migration writes the
//! index entry of every class there is, in one block: classes are few (one per product line,
//! not per unit), one read and one write each.
//!
//! Run it with [`MigrateV1ToV2`] in the runtime's `Migrations`; it does nothing unless the
//! stored version is 1, and sets it to 2.

use crate::pallet::*;
use frame_support::{
	migrations::VersionedMigration, pallet_prelude::*, traits::UncheckedOnRuntimeUpgrade,
};
use regchain_primitives::migrations::index_every;

/// Indexes every class under its owner. Unversioned: use [`MigrateV1ToV2`].
pub struct UncheckedMigrateV1ToV2<T>(core::marker::PhantomData<T>);

impl<T: Config> UncheckedOnRuntimeUpgrade for UncheckedMigrateV1ToV2<T> {
	fn on_runtime_upgrade() -> Weight {
		index_every::<Classes<T>, _, _, T::DbWeight>(|id, class| {
			ClassesByOwner::<T>::insert(class.owner, id, ());
			true
		})
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
	use sp_core::H256;

	#[test]
	fn every_class_is_indexed_under_its_owner() {
		ExtBuilder::default().build().execute_with(|| {
			StorageVersion::new(1).put::<Pallet<Test>>();
			for (id, owner) in [(0u32, 7u32), (1, 8), (2, 7)] {
				let class = ProductClass {
					owner,
					sku: Default::default(),
					gtin: None,
					metadata: H256::zero(),
					recall: None,
				};
				Classes::<Test>::insert(id, class);
			}
			MigrateV1ToV2::<Test>::on_runtime_upgrade();
			assert_eq!(Pallet::<Test>::on_chain_storage_version(), 2);
			let of = |owner| ClassesByOwner::<Test>::iter_key_prefix(owner).collect::<Vec<_>>();
			let mut sevens = of(7);
			sevens.sort();
			assert_eq!(sevens, vec![0, 2]);
			assert_eq!(of(8), vec![1]);
			// Run again at version 2: nothing changes.
			ClassesByOwner::<Test>::remove(8, 1);
			MigrateV1ToV2::<Test>::on_runtime_upgrade();
			assert!(of(8).is_empty());
		});
	}
}
