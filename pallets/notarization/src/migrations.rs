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
//!
//! ## v2 → v3: one certification per court
//! Version 2 held one certification per digest, whichever court came first; version 3 files
//! each under the office that gave it ([`Certifications`]) and counts each record's admitted
//! certifications ([`Admissions`]). The migration moves every certification to its office's
//! key and counts the admitted ones: certifications are a court's acts, hundreds on a pilot
//! chain, read into memory and rewritten in one block.
//! Run it with [`MigrateV2ToV3`].

use crate::pallet::*;
use frame_support::{
	migrations::VersionedMigration, pallet_prelude::*, traits::UncheckedOnRuntimeUpgrade,
};
use regchain_primitives::migrations::index_every;

/// The layout of version 2.
pub mod v2 {
	use crate::{pallet::Pallet, types::*};
	use frame_support::{pallet_prelude::*, storage_alias};
	use sp_core::H256;

	/// Certifications by record and digest: one per digest, whoever gave it.
	#[storage_alias]
	pub type Certifications<T: crate::Config> =
		StorageDoubleMap<Pallet<T>, Twox64Concat, RecordId, Blake2_128Concat, H256, Certification>;
}

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

/// Files every certification under its office and counts admissions. Unversioned: use
/// [`MigrateV2ToV3`].
pub struct UncheckedMigrateV2ToV3<T>(core::marker::PhantomData<T>);

impl<T: Config> UncheckedOnRuntimeUpgrade for UncheckedMigrateV2ToV3<T> {
	fn on_runtime_upgrade() -> Weight {
		// Drained into memory first: the new keys share the old ones' prefix, so writing while
		// walking would visit them again.
		let old: alloc::vec::Vec<_> = v2::Certifications::<T>::drain().collect();
		let mut writes = old.len() as u64;
		for (id, digest, certification) in &old {
			if matches!(certification.status, crate::types::CertificationStatus::Admitted { .. }) {
				Admissions::<T>::mutate(id, |count| {
					*count = Some(count.unwrap_or(0).saturating_add(1))
				});
				writes = writes.saturating_add(1);
			}
			Certifications::<T>::insert((*id, *digest, certification.office), certification);
		}
		T::DbWeight::get().reads_writes(old.len() as u64, writes.saturating_add(old.len() as u64))
	}
}

/// The v2 → v3 migration, run only when the stored version is 2; it then sets it to 3.
pub type MigrateV2ToV3<T> = VersionedMigration<
	2,
	3,
	UncheckedMigrateV2ToV3<T>,
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

	#[test]
	fn every_certification_is_filed_under_its_office_and_admissions_counted() {
		use regchain_primitives::testing::day;
		ExtBuilder::default().build().execute_with(|| {
			StorageVersion::new(2).put::<Pallet<Test>>();
			let digest = |n: u8| H256::repeat_byte(n);
			let certification = |office, status| Certification {
				office,
				certificate: H256::repeat_byte(9),
				issued_on: day(0),
				at: day(1),
				status,
			};
			let admitted = CertificationStatus::Admitted { case: H256::repeat_byte(7), at: day(2) };
			v2::Certifications::<Test>::insert(0, digest(1), certification(3, admitted));
			v2::Certifications::<Test>::insert(0, digest(2), certification(4, admitted));
			v2::Certifications::<Test>::insert(
				1,
				digest(3),
				certification(3, CertificationStatus::Certified),
			);
			MigrateV2ToV3::<Test>::on_runtime_upgrade();
			assert_eq!(Pallet::<Test>::on_chain_storage_version(), 3);
			assert_eq!(v2::Certifications::<Test>::get(0, digest(1)), None, "the old key is gone");
			assert_eq!(
				Certifications::<Test>::get((0, digest(1), 3)),
				Some(certification(3, admitted))
			);
			assert_eq!(
				Certifications::<Test>::get((0, digest(2), 4)),
				Some(certification(4, admitted))
			);
			assert_eq!(
				Certifications::<Test>::get((1, digest(3), 3)),
				Some(certification(3, CertificationStatus::Certified))
			);
			assert_eq!(Certifications::<Test>::iter().count(), 3);
			assert_eq!(Admissions::<Test>::get(0), Some(2));
			assert_eq!(Admissions::<Test>::get(1), None);
		});
	}
}
