//! Storage migrations of the provenance pallet.
//!
//! ## v1 → v2: product classes by owner
//! Version 2 indexes every product class under its owner ([`ClassesByOwner`]), so that an
//! organization's products are paged without walking all classes. The migration writes the
//! index entry of every class there is, one read and one write each, over as many blocks as
//! they take: see [`regchain_primitives::migrations`].
//!
//! Run it with [`MigrateV1ToV2`] in the runtime's multi-block migrations; it does nothing
//! unless the stored version is 1, and sets it to 2.
//!
//! ## v2 → v3: each maker's latest recall
//! Version 3 keeps when goods of each maker were last recalled ([`LatestRecalls`]), which a
//! random inspection reads to weigh a recently recalled maker more. The migration walks the
//! recalls once (the recall, its batch or class read; the maker's date read and written):
//! [`MigrateV2ToV3`].

use crate::{pallet::*, types::*};
use alloc::vec::Vec;
use frame_support::{pallet_prelude::*, storage::PrefixIterator};
use regchain_primitives::migrations::{SteppedWalk, Walk};

/// Indexes every class under its owner, a class at a time. Unversioned: use [`MigrateV1ToV2`].
pub struct IndexClassesByOwner<T>(core::marker::PhantomData<T>);

impl<T: Config> Walk for IndexClassesByOwner<T> {
	const NAME: &'static [u8] = b"regchain provenance v1-v2: ClassesByOwner";
	type Entry = (ClassId, ProductClass);

	fn entries(after: Option<Vec<u8>>) -> PrefixIterator<Self::Entry> {
		after.map_or_else(Classes::<T>::iter, Classes::<T>::iter_from)
	}

	fn weight_per_entry() -> Weight {
		T::DbWeight::get().reads_writes(1, 1)
	}

	fn migrate((id, class): Self::Entry) {
		ClassesByOwner::<T>::insert(class.owner, id, ());
	}
}

/// The v1 → v2 migration, a multi-block one: it runs only when the stored version is 1, and
/// then sets it to 2.
pub type MigrateV1ToV2<T> = SteppedWalk<IndexClassesByOwner<T>, Pallet<T>, 1, 2, true>;

/// Dates each maker's latest recall, a recall at a time. Unversioned: use [`MigrateV2ToV3`].
pub struct DateLatestRecalls<T>(core::marker::PhantomData<T>);

impl<T: Config> Walk for DateLatestRecalls<T> {
	const NAME: &'static [u8] = b"regchain provenance v2-v3: LatestRecalls";
	type Entry = (RecallId, Recall);

	fn entries(after: Option<Vec<u8>>) -> PrefixIterator<Self::Entry> {
		after.map_or_else(Recalls::<T>::iter, Recalls::<T>::iter_from)
	}

	fn weight_per_entry() -> Weight {
		T::DbWeight::get().reads_writes(3, 1)
	}

	fn migrate((_, recall): Self::Entry) {
		if let Some(maker) = Pallet::<T>::recalled_maker(&recall.scope) {
			LatestRecalls::<T>::mutate(maker, |latest| {
				*latest = Some(latest.map_or(recall.at, |at| at.max(recall.at)))
			});
		}
	}
}

/// The v2 → v3 migration, a multi-block one after [`MigrateV1ToV2`]: it runs only when the
/// stored version is 2, and then sets it to 3.
pub type MigrateV2ToV3<T> = SteppedWalk<DateLatestRecalls<T>, Pallet<T>, 2, 3, true>;

#[cfg(test)]
mod tests {
	use super::*;
	use crate::mock::*;
	use frame_support::{assert_ok, traits::GetStorageVersion};
	use regchain_primitives::{migrations::run_to_end, testing::TestClock};
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
			assert_eq!(run_to_end::<MigrateV1ToV2<Test>>(Weight::MAX), Ok(1));
			assert_eq!(Pallet::<Test>::on_chain_storage_version(), 2);
			let of = |owner| ClassesByOwner::<Test>::iter_key_prefix(owner).collect::<Vec<_>>();
			let mut sevens = of(7);
			sevens.sort();
			assert_eq!(sevens, vec![0, 2]);
			assert_eq!(of(8), vec![1]);
			// Run again at version 2: nothing changes.
			ClassesByOwner::<Test>::remove(8, 1);
			assert_eq!(run_to_end::<MigrateV1ToV2<Test>>(Weight::MAX), Ok(1));
			assert!(of(8).is_empty());
		});
	}

	#[test]
	fn each_makers_latest_recall_is_dated() {
		ExtBuilder::default().build().execute_with(|| {
			let (class, first) = class_and_batch();
			let (_, other) = class_and_batch();
			let start = TestClock::get();
			let market = RuntimeOrigin::signed(MARKET);
			assert_ok!(Provenance::recall_batch(market.clone(), first, H256::zero()));
			TestClock::advance(60_000);
			assert_ok!(Provenance::recall_class(market.clone(), class, H256::zero()));
			assert_ok!(Provenance::recall_batch(market, other, H256::zero()));
			// The layout of version 2: no dates.
			let _ = LatestRecalls::<Test>::clear(10, None);
			StorageVersion::new(2).put::<Pallet<Test>>();
			assert_eq!(run_to_end::<MigrateV2ToV3<Test>>(Weight::MAX), Ok(1));
			assert_eq!(Pallet::<Test>::on_chain_storage_version(), 3);
			assert_eq!(LatestRecalls::<Test>::get(MAKER as u32), Some(start + 60_000));
			assert_eq!(LatestRecalls::<Test>::iter().count(), 1);
			regchain_primitives::testing::assert_migrated_once::<MigrateV2ToV3<Test>>();
			Pallet::<Test>::do_try_state().unwrap();
		});
	}
}
