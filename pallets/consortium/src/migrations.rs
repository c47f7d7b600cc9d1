//! Storage migrations of the consortium pallet.
//!
//! ## v1 → v2: terms are dates
//! Version 1 kept the end of each organization's term and the council's next review as block
//! numbers; version 2 keeps them as moments of on-chain time (see
//! [`regchain_primitives::time`]). Each block number is dated by [`BlockDating`] from the
//! current block and time, at `BlockTime` per block: a term that was to end 1,000 blocks from
//! now ends 1,000 block times from now. Consents (`valid_until`) were never stored.
//!
//! Run it with [`MigrateV1ToV2`] in the runtime's `Migrations`; it does nothing unless the
//! stored version is 1, and sets it to 2.
//!
//! ## v2 → v3: the region index
//! Version 3 adds [`MembersByRegion`]; [`MigrateV2ToV3`] fills it with every organization that
//! has a credit code. One pass over the organizations in one block: a consortium's members
//! number in the thousands (a read and a write each); a network of hundreds of thousands would
//! need a multi-block migration instead.

use crate::{pallet::*, types::*};
use frame_support::{
	migrations::VersionedMigration, pallet_prelude::*, traits::UncheckedOnRuntimeUpgrade,
};
use frame_system::pallet_prelude::BlockNumberFor;
use regchain_primitives::{migrations::index_every, time::BlockDating, CreditCode, OrgKind, Roles};
use sp_runtime::Saturating;

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
}

/// Rewrites every organization's end of term, and the council's next review, from a block
/// number to a moment. Unversioned: use [`MigrateV1ToV2`].
pub struct UncheckedMigrateV1ToV2<T, BlockTime>(core::marker::PhantomData<(T, BlockTime)>);

impl<T: Config, BlockTime: Get<u64>> UncheckedOnRuntimeUpgrade
	for UncheckedMigrateV1ToV2<T, BlockTime>
{
	fn on_runtime_upgrade() -> Weight {
		let dating = BlockDating::of_chain::<T, T::UnixTime>(BlockTime::get());
		let date = |b: BlockNumberFor<T>| dating.date::<T>(b);
		let mut count = 0u64;
		Organizations::<T>::translate::<v1::Organization<BlockNumberFor<T>>, _>(|_, old| {
			count.saturating_inc();
			Some(Organization {
				kind: old.kind,
				name: old.name,
				credit_code: old.credit_code,
				status: old.status,
				expires_at: date(old.expires_at),
				roles: old.roles,
				accounts: old.accounts,
			})
		});
		let _ = CouncilReviewAt::<T>::translate::<BlockNumberFor<T>, _>(|at| at.map(date));
		// The time and block number, then every organization and the review, read and written.
		T::DbWeight::get().reads_writes(count.saturating_add(3), count.saturating_add(1))
	}
}

/// The v1 → v2 migration, run only when the stored version is 1; it then sets it to 2.
pub type MigrateV1ToV2<T, BlockTime> = VersionedMigration<
	1,
	2,
	UncheckedMigrateV1ToV2<T, BlockTime>,
	Pallet<T>,
	<T as frame_system::Config>::DbWeight,
>;

/// Indexes every organization with a credit code by region. Unversioned: use
/// [`MigrateV2ToV3`].
pub struct UncheckedMigrateV2ToV3<T>(core::marker::PhantomData<T>);

impl<T: Config> UncheckedOnRuntimeUpgrade for UncheckedMigrateV2ToV3<T> {
	fn on_runtime_upgrade() -> Weight {
		index_every::<Organizations<T>, _, _, T::DbWeight>(|id, org| {
			let Some(code) = org.credit_code else { return false };
			MembersByRegion::<T>::insert(region_key(code.division(), id), ());
			true
		})
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
	use crate::mock::*;
	use frame_support::{storage::unhashed, traits::OnRuntimeUpgrade};
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

			MigrateV1ToV2::<Test, BlockTime>::on_runtime_upgrade();

			assert_eq!(Consortium::on_chain_storage_version(), StorageVersion::new(2));
			let after = Organizations::<Test>::get(tax).unwrap();
			assert_eq!(after.expires_at, now() + 1_000 * 6_000);
			assert_eq!(Organization { expires_at: before.expires_at, ..after }, before);
			assert_eq!(CouncilReviewAt::<Test>::get(), Some(now() - 60 * 6_000));
			assert_migrated_once::<MigrateV1ToV2<Test, BlockTime>, Test>();
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

			let organizations = Organizations::<Test>::iter_keys().count() as u64;

			let weight = MigrateV2ToV3::<Test>::on_runtime_upgrade();

			// A read of every organization, a write for the two with a credit code; the
			// version's read and write.
			let db = <Test as frame_system::Config>::DbWeight::get();
			assert_eq!(weight, db.reads_writes(organizations + 1, 2 + 1));
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
			assert_migrated_once::<MigrateV2ToV3<Test>, Test>();
		});
	}
}
