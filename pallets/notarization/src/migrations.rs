//! Storage migrations of the notarization pallet.
//!
//! ## v1 → v2: records by owner
//! Version 2 indexes every record under its owner ([`RecordsByOwner`]), so that an
//! organization's evidence is paged without walking all records. The migration writes the
//! index entry of every record there is, one read and one write each, over as many blocks as
//! they take (100,000 records weigh about 1.8 s at this node's database weights): see
//! [`regchain_primitives::migrations`].
//!
//! Run it with [`MigrateV1ToV2`] in the runtime's multi-block migrations; it does nothing
//! unless the stored version is 1, and sets it to 2.
//!
//! ## v2 → v3: one certification per court
//! Version 2 held one certification per digest, whichever court came first; version 3 files
//! each under the office that gave it ([`Certifications`]) and counts each record's admitted
//! certifications ([`Admissions`]). The migration moves every certification to its office's
//! key and counts the admitted ones, over as many blocks as they take. Run it with
//! [`MigrateV2ToV3`], after [`MigrateV1ToV2`].

use crate::{
	pallet::*,
	types::{Certification, CertificationStatus, Record, RecordId},
};
use alloc::vec::Vec;
use codec::Decode;
use frame_support::{
	pallet_prelude::*,
	storage::{PrefixIterator, StoragePrefixedMap},
};
use regchain_primitives::migrations::{SteppedWalk, Walk};
use sp_core::H256;

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

/// Indexes every record under its owner, a record at a time. Unversioned: use
/// [`MigrateV1ToV2`].
pub struct IndexRecordsByOwner<T>(core::marker::PhantomData<T>);

impl<T: Config> Walk for IndexRecordsByOwner<T> {
	const NAME: &'static [u8] = b"regchain notarization v1-v2: RecordsByOwner";
	type Entry = (RecordId, Record);

	fn entries(after: Option<Vec<u8>>) -> PrefixIterator<Self::Entry> {
		after.map_or_else(Records::<T>::iter, Records::<T>::iter_from)
	}

	fn weight_per_entry() -> Weight {
		T::DbWeight::get().reads_writes(1, 1)
	}

	fn migrate((id, record): Self::Entry) {
		RecordsByOwner::<T>::insert(record.owner, id, ());
	}
}

/// The v1 → v2 migration, a multi-block one: it runs only when the stored version is 1, and
/// then sets it to 2.
pub type MigrateV1ToV2<T> = SteppedWalk<IndexRecordsByOwner<T>, Pallet<T>, 1, 2, true>;

/// Files every certification under its office and counts admissions, a certification at a
/// time. Unversioned: use [`MigrateV2ToV3`].
///
/// The new keys share the old ones' prefix and each extends its old key (the office follows
/// the digest), so the walk meets the entries it wrote right after the ones it moved: it knows
/// them by their length and leaves them.
pub struct FileCertificationsByOffice<T>(core::marker::PhantomData<T>);

/// A version-2 key after the map's prefix: the record (`Twox64Concat`: 8 + 8 bytes) and the
/// digest (`Blake2_128Concat`: 16 + 32).
const V2_KEY_LEN: usize = 64;

/// A version-2 certification, or `None` for an entry of version 3.
type V2Entry = Option<(RecordId, H256, Certification)>;

fn decode_v2(key: &[u8], mut value: &[u8]) -> Result<V2Entry, codec::Error> {
	if key.len() != V2_KEY_LEN {
		return Ok(None);
	}
	let id = RecordId::decode(&mut &key[8..16])?;
	let digest = H256::decode(&mut &key[32..64])?;
	Ok(Some((id, digest, Certification::decode(&mut value)?)))
}

impl<T: Config> Walk for FileCertificationsByOffice<T> {
	const NAME: &'static [u8] = b"regchain notarization v2-v3: Certifications";
	type Entry = V2Entry;

	fn entries(after: Option<Vec<u8>>) -> PrefixIterator<Self::Entry> {
		let prefix = v2::Certifications::<T>::final_prefix().to_vec();
		PrefixIterator::new(prefix.clone(), after.unwrap_or(prefix), decode_v2)
	}

	fn weight_per_entry() -> Weight {
		T::DbWeight::get().reads_writes(2, 3)
	}

	fn migrate(entry: Self::Entry) {
		let Some((id, digest, certification)) = entry else { return };
		v2::Certifications::<T>::remove(id, digest);
		if matches!(certification.status, CertificationStatus::Admitted { .. }) {
			Admissions::<T>::mutate(id, |count| {
				*count = Some(count.unwrap_or(0).saturating_add(1))
			});
		}
		Certifications::<T>::insert((id, digest, certification.office), certification);
	}
}

/// The v2 → v3 migration, a multi-block one after [`MigrateV1ToV2`]: it runs only when the
/// stored version is 2, and then sets it to 3.
pub type MigrateV2ToV3<T> = SteppedWalk<FileCertificationsByOffice<T>, Pallet<T>, 2, 3, true>;

#[cfg(test)]
mod tests {
	use super::*;
	use crate::{mock::*, types::*};
	use frame_support::traits::GetStorageVersion;
	use regchain_primitives::migrations::run_to_end;
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
			assert_eq!(run_to_end::<MigrateV1ToV2<Test>>(Weight::MAX), Ok(1));
			assert_eq!(Pallet::<Test>::on_chain_storage_version(), 2);
			let of = |owner| RecordsByOwner::<Test>::iter_key_prefix(owner).collect::<Vec<_>>();
			let mut sevens = of(7);
			sevens.sort();
			assert_eq!(sevens, vec![0, 2]);
			assert_eq!(of(8), vec![1]);
			// Run again at version 2: nothing changes.
			RecordsByOwner::<Test>::remove(8, 1);
			assert_eq!(run_to_end::<MigrateV1ToV2<Test>>(Weight::MAX), Ok(1));
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
			assert_eq!(run_to_end::<MigrateV2ToV3<Test>>(Weight::MAX), Ok(1));
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
