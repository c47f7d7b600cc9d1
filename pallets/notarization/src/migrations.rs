//! Storage migrations of the notarization pallet.
//!
//! ## v1 → v2: records by owner
//! Version 2 indexes every record under its owner ([`RecordsByOwner`]), so that an
//! organization's evidence is paged without walking all records. The migration writes the
//! index entry of every record there is, in one block: a chain upgrading from version 1 holds
//! at most the records of its pilot (each is one read and one write; 100,000 records weigh
//! about 1.8 s of the block at this node's database weights, so a larger chain would run it as
//! a multi-block migration instead).
//!
//! Run it with [`MigrateV1ToV2`] in the runtime's `Migrations`; it does nothing unless the
//! stored version is 1, and sets it to 2.

use crate::pallet::*;
use frame_support::{
	migrations::VersionedMigration, pallet_prelude::*, traits::UncheckedOnRuntimeUpgrade,
};
use regchain_primitives::migrations::index_every;

/// Indexes every record under its owner. Unversioned: use [`MigrateV1ToV2`].
pub struct UncheckedMigrateV1ToV2<T>(core::marker::PhantomData<T>);

impl<T: Config> UncheckedOnRuntimeUpgrade for UncheckedMigrateV1ToV2<T> {
	fn on_runtime_upgrade() -> Weight {
		index_every::<Records<T>, _, _, T::DbWeight>(|id, record| {
			RecordsByOwner::<T>::insert(record.owner, id, ());
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
	fn every_record_is_indexed_under_its_owner() {
		ExtBuilder::default().build().execute_with(|| {
			StorageVersion::new(1).put::<Pallet<Test>>();
			for (id, owner) in [(0u64, 7u32), (1, 8), (2, 7)] {
				let record = Record {
					owner,
					anchor: Anchor::Digest {
						algorithm: HashAlgorithm::Sha256,
						digest: H256::repeat_byte(id as u8 + 1),
					},
					evidence_type: EvidenceType::Contract,
					metadata: H256::zero(),
					case: None,
					at: 0,
					block: 1,
				};
				Records::<Test>::insert(id, record);
			}
			MigrateV1ToV2::<Test>::on_runtime_upgrade();
			assert_eq!(Pallet::<Test>::on_chain_storage_version(), 2);
			let of = |owner| RecordsByOwner::<Test>::iter_key_prefix(owner).collect::<Vec<_>>();
			let mut sevens = of(7);
			sevens.sort();
			assert_eq!(sevens, vec![0, 2]);
			assert_eq!(of(8), vec![1]);
			// Run again at version 2: nothing changes.
			RecordsByOwner::<Test>::remove(8, 1);
			MigrateV1ToV2::<Test>::on_runtime_upgrade();
			assert!(of(8).is_empty());
		});
	}
}
