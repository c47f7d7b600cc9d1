//! Storage migrations of the consortium pallet.
//!
//! ## v1 → v2: terms are dates
//! Version 1 kept the end of each organization's term and the council's next review as block
//! numbers; version 2 keeps them as moments of on-chain time (see
//! [`regchain_primitives::time`]). Each block number is dated by [`BlockDating`] from the
//! current block and time, at `BlockTime` per block: a term that was to end 1,000 blocks from
//! now ends 1,000 block times from now. Consents (`valid_until`) were never stored.
//!
//! Run it with [`MigrateV1ToV2`] in the runtime's multi-block migrations; it does nothing
//! unless the stored version is 1, and sets it to 2.
//!
//! ## v2 → v3: the region index
//! Version 3 adds [`MembersByRegion`]; [`MigrateV2ToV3`] fills it with every organization that
//! has a credit code, a read and a write each, over as many blocks as they take (a multi-block
//! migration: see [`regchain_primitives::migrations`]).

use crate::{pallet::*, types::*};
use alloc::vec::Vec;
use frame_support::pallet_prelude::*;
use frame_support::storage::PrefixIterator;
use frame_system::pallet_prelude::BlockNumberFor;
use regchain_primitives::{
	migrations::{SteppedWalk, Walk},
	time::{BlockDating, Moment},
	CreditCode, OrgId, OrgKind, Roles,
};

/// The layout of version 1, as far as it differs.
pub mod v1 {
	use super::*;

	/// A member organization, in version 1: its term ends at a block.
	#[derive(Clone, PartialEq, Eq, Encode, Decode, Debug)]
	pub struct Organization<BlockNumber> {
		/// What it is.
		pub kind: OrgKind,
		/// Its registered name.
		pub name: OrgName,
		/// Its Unified Social Credit Code.
		pub credit_code: Option<CreditCode>,
		/// Active, suspended or revoked.
		pub status: OrgStatus,
		/// The first block at which its membership lapsed unless renewed.
		pub expires_at: BlockNumber,
		/// Its roles.
		pub roles: Roles,
		/// How many accounts act for it.
		pub accounts: u32,
	}

	/// The organizations, in version 1.
	#[frame_support::storage_alias]
	pub type Organizations<T: Config> =
		StorageMap<Pallet<T>, Twox64Concat, OrgId, Organization<BlockNumberFor<T>>>;
}

/// Rewrites every organization's end of term, an organization at a time, and then the
/// council's next review, from a block number to a moment. Unversioned: use [`MigrateV1ToV2`].
pub struct DateTerms<T, BlockTime>(core::marker::PhantomData<(T, BlockTime)>);

impl<T: Config, BlockTime: Get<u64>> DateTerms<T, BlockTime> {
	fn date(block: BlockNumberFor<T>) -> Moment {
		BlockDating::date_on_chain::<T, T::UnixTime>(BlockTime::get(), block)
	}
}

impl<T: Config, BlockTime: Get<u64>> Walk for DateTerms<T, BlockTime> {
	const NAME: &'static [u8] = b"regchain consortium v1-v2: terms dated";
	type Entry = (OrgId, v1::Organization<BlockNumberFor<T>>);

	fn entries(after: Option<Vec<u8>>) -> PrefixIterator<Self::Entry> {
		after.map_or_else(v1::Organizations::<T>::iter, v1::Organizations::<T>::iter_from)
	}

	/// The organization, the block number and the time read; the organization written.
	fn weight_per_entry() -> Weight {
		T::DbWeight::get().reads_writes(3, 1)
	}

	fn migrate((id, old): Self::Entry) {
		Organizations::<T>::insert(
			id,
			Organization {
				kind: old.kind,
				name: old.name,
				credit_code: old.credit_code,
				status: old.status,
				expires_at: Self::date(old.expires_at),
				roles: old.roles,
				accounts: old.accounts,
			},
		);
	}

	fn finish() {
		let _ = CouncilReviewAt::<T>::translate::<BlockNumberFor<T>, _>(|at| at.map(Self::date));
	}

	fn finish_weight() -> Weight {
		T::DbWeight::get().reads_writes(3, 1)
	}
}

/// The v1 → v2 migration, a multi-block one: it runs only when the stored version is 1, and
/// then sets it to 2.
pub type MigrateV1ToV2<T, BlockTime> = SteppedWalk<DateTerms<T, BlockTime>, Pallet<T>, 1, 2, true>;

/// Indexes every organization with a credit code by region, an organization at a time.
/// Unversioned: use [`MigrateV2ToV3`].
pub struct IndexMembersByRegion<T>(core::marker::PhantomData<T>);

impl<T: Config> Walk for IndexMembersByRegion<T> {
	const NAME: &'static [u8] = b"regchain consortium v2-v3: MembersByRegion";
	type Entry = (OrgId, Organization);

	fn entries(after: Option<Vec<u8>>) -> PrefixIterator<Self::Entry> {
		after.map_or_else(Organizations::<T>::iter, Organizations::<T>::iter_from)
	}

	fn weight_per_entry() -> Weight {
		T::DbWeight::get().reads_writes(1, 1)
	}

	fn migrate((id, org): Self::Entry) {
		if let Some(code) = org.credit_code {
			MembersByRegion::<T>::insert(region_key(code.division(), id), ());
		}
	}
}

/// The v2 → v3 migration, a multi-block one: it runs only when the stored version is 2, and
/// then sets it to 3.
pub type MigrateV2ToV3<T> = SteppedWalk<IndexMembersByRegion<T>, Pallet<T>, 2, 3, true>;

#[cfg(test)]
mod tests {
	use super::*;
	use crate::mock::*;
	use frame_support::storage::unhashed;
	use regchain_primitives::migrations::run_to_end;
	use regchain_primitives::testing::{assert_migrated_once, TestBlockTime as BlockTime};
	use regchain_primitives::AgencyKind;

	/// Terms written as block numbers in the version-1 layout come out as the dates those
	/// blocks fall on, counted from the current block and time; nothing else changes.
	#[test]
	fn v1_terms_in_blocks_become_dates() {
		ExtBuilder::default().build_and_execute(|| {
			System::set_block_number(100);
			let tax = agency_org(AgencyKind::TaxBureau);
			let before = Organizations::<Test>::get(tax).unwrap();
			// Its term was to end at block 1,100: 1,000 blocks from now.
			let old = v1::Organization {
				kind: before.kind,
				name: before.name.clone(),
				credit_code: before.credit_code.clone(),
				status: before.status,
				expires_at: 1_100u64,
				roles: before.roles,
				accounts: before.accounts,
			};
			unhashed::put_raw(&Organizations::<Test>::hashed_key_for(tax), &old.encode());
			// The council's next review was at block 40, already passed.
			unhashed::put_raw(&CouncilReviewAt::<Test>::hashed_key(), &40u64.encode());
			StorageVersion::new(1).put::<Consortium>();

			assert_eq!(run_to_end::<MigrateV1ToV2<Test, BlockTime>>(Weight::MAX), Ok(1));

			assert_eq!(Consortium::on_chain_storage_version(), StorageVersion::new(2));
			let after = Organizations::<Test>::get(tax).unwrap();
			assert_eq!(after.expires_at, now() + 1_000 * 6_000);
			assert_eq!(Organization { expires_at: before.expires_at, ..after }, before);
			assert_eq!(CouncilReviewAt::<Test>::get(), Some(now() - 60 * 6_000));
			assert_migrated_once::<MigrateV1ToV2<Test, BlockTime>>();
		});
	}

	/// Version 2 had no region index: the migration indexes exactly the members with a credit
	/// code, under their code's division, and the listing then finds them.
	#[test]
	fn v2_members_are_indexed_by_region() {
		ExtBuilder::default().build_and_execute(|| {
			let a = crate::tests::register_enterprise(CODE_A, 100);
			let b = crate::tests::register_enterprise(CODE_B, 101);
			let _ = MembersByRegion::<Test>::clear(u32::MAX, None);
			StorageVersion::new(2).put::<Consortium>();
			let market = agency_org(AgencyKind::MarketRegulation);
			assert!(Consortium::members_overseen(market, None, 10).is_empty());

			let organizations = Organizations::<Test>::iter_keys().count() as u32;

			// Room for the version's read and one organization a block: a block each, and one
			// to find the end.
			let per_block = IndexMembersByRegion::<Test>::weight_per_entry() * 2;
			assert_eq!(run_to_end::<MigrateV2ToV3<Test>>(per_block), Ok(organizations + 1));
			// Too little for one organization: the step refuses, changing nothing.
			let half = IndexMembersByRegion::<Test>::weight_per_entry();
			StorageVersion::new(2).put::<Consortium>();
			assert!(run_to_end::<MigrateV2ToV3<Test>>(half).is_err());
			StorageVersion::new(3).put::<Consortium>();

			assert_eq!(Consortium::on_chain_storage_version(), StorageVersion::new(3));
			let mut keys: Vec<_> = MembersByRegion::<Test>::iter_keys().collect();
			keys.sort();
			let mut expected = [a, b].map(|id| {
				let code = Organizations::<Test>::get(id).unwrap().credit_code.unwrap();
				region_key(code.division(), id)
			});
			expected.sort();
			assert_eq!(keys, expected.to_vec());
			let listed: Vec<_> =
				Consortium::members_overseen(market, None, 10).into_iter().map(|v| v.id).collect();
			assert_eq!(listed.len(), 2);
			assert!(listed.contains(&a) && listed.contains(&b));
			// At version 3 it ends at once, writing nothing.
			MembersByRegion::<Test>::remove(expected[0]);
			assert_eq!(run_to_end::<MigrateV2ToV3<Test>>(per_block), Ok(1));
			assert!(!MembersByRegion::<Test>::contains_key(expected[0]));
			MembersByRegion::<Test>::insert(expected[0], ());
		});
	}
}
