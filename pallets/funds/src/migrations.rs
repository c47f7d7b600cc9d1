//! Storage migrations of the special-funds pallet.
//!
//! ## v1 → v2: windows and ledgers are dated
//! Version 1 kept programs' application windows and ends, and the ledger entries' times, as
//! block numbers; version 2 keeps them as moments of on-chain time (see
//! [`regchain_primitives::time`]). Each block number is dated by [`BlockDating`] from the
//! current block and time, `BlockTime` per block: a window that was to close 1,000 blocks from
//! now closes 1,000 block times from now; a movement 10 blocks ago is dated 10 block times ago.
//!
//! Run it with [`MigrateV1ToV2`] in the runtime's `Migrations`; it does nothing unless the
//! stored version is 1, and sets it to 2.

use crate::{pallet::*, types::*};
use frame_support::{
	migrations::VersionedMigration, pallet_prelude::*, traits::UncheckedOnRuntimeUpgrade,
};
use frame_system::pallet_prelude::BlockNumberFor;
use regchain_primitives::time::BlockDating;
use sp_runtime::Saturating;

/// Rewrites every program's window and end, and every ledger entry's time, from a block number
/// to a moment. Unversioned: use [`MigrateV1ToV2`].
pub struct UncheckedMigrateV1ToV2<T, BlockTime>(core::marker::PhantomData<(T, BlockTime)>);

impl<T: Config, BlockTime: Get<u64>> UncheckedOnRuntimeUpgrade
	for UncheckedMigrateV1ToV2<T, BlockTime>
{
	fn on_runtime_upgrade() -> Weight {
		let dating = BlockDating::of_chain::<T, T::UnixTime>(BlockTime::get());
		let date = |b: BlockNumberFor<T>| dating.date::<T>(b);
		let mut count = 0u64;
		Programs::<T>::translate::<Program<BlockNumberFor<T>>, _>(|_, old| {
			count.saturating_inc();
			Some(Program {
				apply_from: date(old.apply_from),
				apply_until: date(old.apply_until),
				ends_at: date(old.ends_at),
				manager: old.manager,
				policy: old.policy,
				budget: old.budget,
				categories: old.categories,
				status: old.status,
				approved: old.approved,
				disbursed: old.disbursed,
				spent: old.spent,
				clawed_back: old.clawed_back,
			})
		});
		Ledger::<T>::translate::<LedgerEntry<BlockNumberFor<T>>, _>(|_, _, old| {
			count.saturating_inc();
			Some(LedgerEntry { at: date(old.at), movement: old.movement })
		});
		// The time and block number, then every program and entry read and written.
		T::DbWeight::get().reads_writes(count.saturating_add(2), count)
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

#[cfg(test)]
mod tests {
	use super::*;
	use crate::mock::*;
	use frame_support::{storage::unhashed, traits::OnRuntimeUpgrade};
	use regchain_primitives::testing::{assert_migrated_once, TestBlockTime as BlockTime};

	/// A program's window and end and a ledger entry written as block numbers in the version-1
	/// layout come out as the dates those blocks fall on; nothing else changes.
	#[test]
	fn v1_windows_and_ledger_entries_in_blocks_become_dates() {
		ExtBuilder::default().build_and_execute(|| {
			let p = program();
			let a = allocation(p, 1_000);
			System::set_block_number(100);
			let now = TestClock::get();
			let before = Programs::<Test>::get(p).unwrap();
			let old = Program::<u64> {
				apply_from: 90,
				apply_until: 200,
				ends_at: 1_100,
				..before.clone()
			};
			unhashed::put_raw(&Programs::<Test>::hashed_key_for(p), &old.encode());
			let entry = Ledger::<Test>::get(a, 0).unwrap();
			let old_entry = LedgerEntry::<u64> { at: 95, movement: entry.movement };
			unhashed::put_raw(&Ledger::<Test>::hashed_key_for(a, 0), &old_entry.encode());
			let entries = Ledger::<Test>::iter_prefix(a).count();
			StorageVersion::new(1).put::<Funds>();

			MigrateV1ToV2::<Test, BlockTime>::on_runtime_upgrade();

			assert_eq!(Funds::on_chain_storage_version(), StorageVersion::new(2));
			let after = Programs::<Test>::get(p).unwrap();
			assert_eq!(
				(after.apply_from, after.apply_until, after.ends_at),
				(now - 10 * 6_000, now + 100 * 6_000, now + 1_000 * 6_000)
			);
			assert_eq!(
				Program { apply_from: 0, apply_until: 0, ends_at: 0, ..after },
				Program { apply_from: 0, apply_until: 0, ends_at: 0, ..before }
			);
			assert_eq!(
				Ledger::<Test>::get(a, 0),
				Some(LedgerEntry { at: now - 5 * 6_000, movement: entry.movement })
			);
			assert_eq!(Ledger::<Test>::iter_prefix(a).count(), entries);
			assert_migrated_once::<MigrateV1ToV2<Test, BlockTime>, Test>();
		});
	}
}
