//! Storage migrations of the special-funds pallet.
//!
//! ## v1 → v2: windows and ledgers are dated
//! Version 1 kept programs' application windows and ends, and the ledger entries' times, as
//! block numbers; version 2 keeps them as moments of on-chain time (see
//! [`regchain_primitives::time`]). Each block number is dated by [`BlockDating`] from the
//! current block and time, `BlockTime` per block: a window that was to close 1,000 blocks from
//! now closes 1,000 block times from now; a movement 10 blocks ago is dated 10 block times ago.
//!
//! Run it with [`MigrateV1ToV2`] in the runtime's multi-block migrations; it does nothing
//! unless the stored version is 1, and sets it to 2.
//!
//! ## v2 → v3: the one freeze
//! Version 2 kept an allocation's freeze as a flag in the allocation and a special account's as
//! a unit value; version 3 keeps both in maps of [`Freeze`]s, as every domain does
//! ([`regchain_primitives::freeze`]). Version 2 did not record who froze, when or why: a freeze
//! it held is recorded as by the organization `By` (the runtime names the consortium's founding
//! agency), at the migration's time, for the zero reason — the ledger keeps the freeze's real
//! date. Run it with [`MigrateV2ToV3`]; it does nothing unless the stored version is 2.
//!
//! ## v3 → v4: payment rules and evaluations
//! Version 3 kept a program's terms as eligibility and publicity; version 4 adds its payment
//! rules. A program of version 3 was paid in advance, without a co-funding share or category
//! caps, and keeps being so ([`PaymentRules::default`]). Version 4 also counts each program's
//! awards that received money and await a decisive evaluation ([`Unevaluated`]): every paid
//! award of version 3 does (there were no evaluations), so its program closes only once they
//! are evaluated. Run it with [`MigrateV3ToV4`]; it does nothing unless the stored version is 3.

use crate::{pallet::*, types::*};
use alloc::vec::Vec;
use frame_support::{pallet_prelude::*, storage::PrefixIterator};
use frame_system::pallet_prelude::BlockNumberFor;
use regchain_primitives::{
	migrations::{SteppedWalk, Walk},
	time::{BlockDating, Moment},
	Freeze, OrgId,
};

/// The layout of version 1: the same types, dated by block number.
pub mod v1 {
	use super::*;

	/// The programs, in version 1.
	#[frame_support::storage_alias]
	pub type Programs<T: Config> =
		StorageMap<Pallet<T>, Twox64Concat, ProgramId, Program<BlockNumberFor<T>>>;

	/// The ledgers, in version 1.
	#[frame_support::storage_alias]
	pub type Ledger<T: Config> = StorageDoubleMap<
		Pallet<T>,
		Twox64Concat,
		AllocationId,
		Twox64Concat,
		u32,
		LedgerEntry<BlockNumberFor<T>>,
	>;
}

/// The date of `block` from the current block and time, `BlockTime` per block.
fn date<T: Config, BlockTime: Get<u64>>(block: BlockNumberFor<T>) -> Moment {
	BlockDating::date_on_chain::<T, T::UnixTime>(BlockTime::get(), block)
}

/// Rewrites every program's window and end from block numbers to moments, a program at a
/// time. Unversioned: use [`MigrateV1ToV2`].
pub struct DatePrograms<T, BlockTime>(core::marker::PhantomData<(T, BlockTime)>);

impl<T: Config, BlockTime: Get<u64>> Walk for DatePrograms<T, BlockTime> {
	const NAME: &'static [u8] = b"regchain funds v1-v2: programs dated";
	type Entry = (ProgramId, Program<BlockNumberFor<T>>);

	fn entries(after: Option<Vec<u8>>) -> PrefixIterator<Self::Entry> {
		after.map_or_else(v1::Programs::<T>::iter, v1::Programs::<T>::iter_from)
	}

	/// The program, the block number and the time read; the program written.
	fn weight_per_entry() -> Weight {
		T::DbWeight::get().reads_writes(3, 1)
	}

	fn migrate((id, old): Self::Entry) {
		let date = date::<T, BlockTime>;
		let program = Program {
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
		};
		Programs::<T>::insert(id, program);
	}
}

/// Rewrites every ledger entry's time from a block number to a moment, an entry at a time.
/// Unversioned: use [`MigrateV1ToV2`].
pub struct DateLedger<T, BlockTime>(core::marker::PhantomData<(T, BlockTime)>);

impl<T: Config, BlockTime: Get<u64>> Walk for DateLedger<T, BlockTime> {
	const NAME: &'static [u8] = b"regchain funds v1-v2: ledger dated";
	type Entry = (AllocationId, u32, LedgerEntry<BlockNumberFor<T>>);

	fn entries(after: Option<Vec<u8>>) -> PrefixIterator<Self::Entry> {
		after.map_or_else(v1::Ledger::<T>::iter, v1::Ledger::<T>::iter_from)
	}

	/// The entry, the block number and the time read; the entry written.
	fn weight_per_entry() -> Weight {
		T::DbWeight::get().reads_writes(3, 1)
	}

	fn migrate((allocation, n, old): Self::Entry) {
		let entry = LedgerEntry { at: date::<T, BlockTime>(old.at), movement: old.movement };
		Ledger::<T>::insert(allocation, n, entry);
	}
}

/// The v1 → v2 migration, two multi-block walks in this order (programs, then ledgers): they
/// run only while the stored version is 1; the second sets it to 2.
pub type MigrateV1ToV2<T, BlockTime> = (
	SteppedWalk<DatePrograms<T, BlockTime>, Pallet<T>, 1, 2, false>,
	SteppedWalk<DateLedger<T, BlockTime>, Pallet<T>, 1, 2, true>,
);

/// The layout of version 2: freezes as a flag and a unit.
pub mod v2 {
	use super::*;
	use crate::Fen;

	/// An allocation in version 2: as now, with its freeze as a flag before `entries`.
	#[derive(Clone, Copy, PartialEq, Eq, Encode, Decode, Debug)]
	pub struct Allocation {
		pub program: ProgramId,
		pub enterprise: OrgId,
		pub approved: Fen,
		pub disbursed: Fen,
		pub spent: Fen,
		pub clawed_back: Fen,
		pub frozen: bool,
		pub entries: u32,
	}

	/// The allocations, in version 2.
	#[frame_support::storage_alias]
	pub type Allocations<T: Config> = StorageMap<Pallet<T>, Twox64Concat, AllocationId, Allocation>;

	/// The frozen special accounts, in version 2.
	#[frame_support::storage_alias]
	pub type FrozenAccounts<T: Config> = StorageMap<Pallet<T>, Twox64Concat, OrgId, ()>;
}

/// The freeze version 2 held without its author, date or reason.
fn legacy_freeze<T: Config, By: Get<OrgId>>() -> Freeze {
	Freeze { by: By::get(), at: Pallet::<T>::now(), reason: Default::default() }
}

/// Rewrites every allocation without its flag, a frozen one's freeze moved to
/// [`FrozenAllocations`]. Unversioned: use [`MigrateV2ToV3`].
pub struct UnflagAllocations<T, By>(core::marker::PhantomData<(T, By)>);

impl<T: Config, By: Get<OrgId>> Walk for UnflagAllocations<T, By> {
	const NAME: &'static [u8] = b"regchain funds v2-v3: allocation freezes";
	type Entry = (AllocationId, v2::Allocation);

	fn entries(after: Option<Vec<u8>>) -> PrefixIterator<Self::Entry> {
		after.map_or_else(v2::Allocations::<T>::iter, v2::Allocations::<T>::iter_from)
	}

	/// The allocation and the time read; the allocation and its freeze written.
	fn weight_per_entry() -> Weight {
		T::DbWeight::get().reads_writes(2, 2)
	}

	fn migrate((id, old): Self::Entry) {
		let allocation = Allocation {
			program: old.program,
			enterprise: old.enterprise,
			approved: old.approved,
			disbursed: old.disbursed,
			spent: old.spent,
			clawed_back: old.clawed_back,
			entries: old.entries,
		};
		Allocations::<T>::insert(id, allocation);
		if old.frozen {
			FrozenAllocations::<T>::insert(id, legacy_freeze::<T, By>());
		}
	}
}

/// Gives every frozen special account its [`Freeze`]. Unversioned: use [`MigrateV2ToV3`].
pub struct RecordAccountFreezes<T, By>(core::marker::PhantomData<(T, By)>);

impl<T: Config, By: Get<OrgId>> Walk for RecordAccountFreezes<T, By> {
	const NAME: &'static [u8] = b"regchain funds v2-v3: account freezes";
	type Entry = (OrgId, ());

	fn entries(after: Option<Vec<u8>>) -> PrefixIterator<Self::Entry> {
		after.map_or_else(v2::FrozenAccounts::<T>::iter, v2::FrozenAccounts::<T>::iter_from)
	}

	/// The time read; the freeze written.
	fn weight_per_entry() -> Weight {
		T::DbWeight::get().reads_writes(2, 1)
	}

	fn migrate((org, ()): Self::Entry) {
		FrozenAccounts::<T>::insert(org, legacy_freeze::<T, By>());
	}
}

/// The v2 → v3 migration, two multi-block walks (allocations, then accounts): they run only
/// while the stored version is 2; the second sets it to 3.
pub type MigrateV2ToV3<T, By> = (
	SteppedWalk<UnflagAllocations<T, By>, Pallet<T>, 2, 3, false>,
	SteppedWalk<RecordAccountFreezes<T, By>, Pallet<T>, 2, 3, true>,
);

/// The layout of version 3: terms without payment rules.
pub mod v3 {
	use super::*;

	/// A program's terms in version 3.
	#[derive(Clone, PartialEq, Eq, Encode, Decode, Debug)]
	pub struct Terms {
		pub eligibility: Eligibility,
		pub publicity_days: u16,
	}

	/// The terms, in version 3.
	#[frame_support::storage_alias]
	pub type ProgramTerms<T: Config> = StorageMap<Pallet<T>, Twox64Concat, ProgramId, Terms>;
}

/// Gives every program's terms the rules version 3 paid by: in advance, no share, no caps.
/// Unversioned: use [`MigrateV3ToV4`].
pub struct AddPaymentRules<T>(core::marker::PhantomData<T>);

impl<T: Config> Walk for AddPaymentRules<T> {
	const NAME: &'static [u8] = b"regchain funds v3-v4: payment rules";
	type Entry = (ProgramId, v3::Terms);

	fn entries(after: Option<Vec<u8>>) -> PrefixIterator<Self::Entry> {
		after.map_or_else(v3::ProgramTerms::<T>::iter, v3::ProgramTerms::<T>::iter_from)
	}

	/// The terms read and written.
	fn weight_per_entry() -> Weight {
		T::DbWeight::get().reads_writes(1, 1)
	}

	fn migrate((id, old): Self::Entry) {
		let terms = Terms {
			eligibility: old.eligibility,
			publicity_days: old.publicity_days,
			rules: PaymentRules::default(),
		};
		ProgramTerms::<T>::insert(id, terms);
	}
}

/// Counts each program's paid awards as awaiting evaluation. Unversioned: use
/// [`MigrateV3ToV4`].
pub struct CountUnevaluated<T>(core::marker::PhantomData<T>);

impl<T: Config> Walk for CountUnevaluated<T> {
	const NAME: &'static [u8] = b"regchain funds v3-v4: unevaluated";
	type Entry = (AllocationId, Allocation);

	fn entries(after: Option<Vec<u8>>) -> PrefixIterator<Self::Entry> {
		after.map_or_else(Allocations::<T>::iter, Allocations::<T>::iter_from)
	}

	/// The allocation and its program's count read, the count written.
	fn weight_per_entry() -> Weight {
		T::DbWeight::get().reads_writes(2, 1)
	}

	fn migrate((_, allocation): Self::Entry) {
		if allocation.disbursed > 0 {
			Unevaluated::<T>::mutate(allocation.program, |n| *n = n.saturating_add(1));
		}
	}
}

/// The v3 → v4 migration, two multi-block walks (terms, then allocations): they run only
/// while the stored version is 3; the second sets it to 4.
pub type MigrateV3ToV4<T> = (
	SteppedWalk<AddPaymentRules<T>, Pallet<T>, 3, 4, false>,
	SteppedWalk<CountUnevaluated<T>, Pallet<T>, 3, 4, true>,
);

#[cfg(test)]
mod tests {
	use super::*;
	use crate::mock::*;
	use frame_support::{assert_noop, assert_ok, storage::unhashed};
	use regchain_primitives::migrations::run_to_end;
	use regchain_primitives::testing::{assert_migrated_once, TestBlockTime as BlockTime};
	use sp_core::H256;

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

			assert_eq!(run_to_end::<MigrateV1ToV2<Test, BlockTime>>(Weight::MAX), Ok(2));

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
			assert_migrated_once::<MigrateV1ToV2<Test, BlockTime>>();
		});
	}

	/// A frozen and an unfrozen allocation and a frozen account in the version-2 layout come
	/// out with their freezes in the maps of the one freeze, by `By`; nothing else changes.
	#[test]
	fn v2_freeze_flags_become_freezes() {
		ExtBuilder::default().build_and_execute(|| {
			let frozen = funded(1_000, 500);
			let open = funded(1_000, 500);
			let now = TestClock::get();
			let target = FreezeTarget::Allocation(frozen);
			assert_ok!(Funds::freeze(RuntimeOrigin::signed(FINANCE), target, H256::zero()));
			FrozenAllocations::<Test>::remove(frozen);
			for id in [frozen, open] {
				let a = Allocations::<Test>::get(id).unwrap();
				let old = v2::Allocation {
					program: a.program,
					enterprise: a.enterprise,
					approved: a.approved,
					disbursed: a.disbursed,
					spent: a.spent,
					clawed_back: a.clawed_back,
					frozen: id == frozen,
					entries: a.entries,
				};
				unhashed::put_raw(&Allocations::<Test>::hashed_key_for(id), &old.encode());
			}
			unhashed::put_raw(&FrozenAccounts::<Test>::hashed_key_for(10), &().encode());
			let before: Vec<_> =
				[frozen, open].map(|id| (id, Ledger::<Test>::iter_prefix(id).count())).to_vec();
			StorageVersion::new(2).put::<Funds>();

			type By = frame_support::traits::ConstU32<7>;
			assert_eq!(run_to_end::<MigrateV2ToV3<Test, By>>(Weight::MAX), Ok(2));

			assert_eq!(Funds::on_chain_storage_version(), StorageVersion::new(3));
			let legacy = Freeze { by: 7, at: now, reason: Default::default() };
			assert_eq!(FrozenAllocations::<Test>::get(frozen), Some(legacy));
			assert_eq!(FrozenAllocations::<Test>::get(open), None);
			assert_eq!(FrozenAccounts::<Test>::get(10), Some(legacy));
			assert_eq!(Allocations::<Test>::get(open).map(|a| a.approved), Some(1_000));
			let after: Vec<_> =
				[frozen, open].map(|id| (id, Ledger::<Test>::iter_prefix(id).count())).to_vec();
			assert_eq!(after, before);
			assert_migrated_once::<MigrateV2ToV3<Test, By>>();
		});
	}

	/// A program's terms in the version-3 layout come out paid in advance without a share or
	/// caps, and its paid award (not the unpaid one) counts as awaiting evaluation, so that
	/// the program closes only once it is evaluated; nothing else changes.
	#[test]
	fn v3_terms_gain_advance_rules_and_paid_awards_await_evaluation() {
		ExtBuilder::default().build_and_execute(|| {
			let paid = funded(1_000, 500);
			let p = Allocations::<Test>::get(paid).unwrap().program;
			let terms = ProgramTerms::<Test>::get(p).unwrap();
			let old = v3::Terms {
				eligibility: terms.eligibility.clone(),
				publicity_days: terms.publicity_days,
			};
			unhashed::put_raw(&ProgramTerms::<Test>::hashed_key_for(p), &old.encode());
			Unevaluated::<Test>::remove(p);
			let before = Allocations::<Test>::get(paid);
			StorageVersion::new(3).put::<Funds>();

			assert_eq!(run_to_end::<MigrateV3ToV4<Test>>(Weight::MAX), Ok(2));

			assert_eq!(Funds::on_chain_storage_version(), StorageVersion::new(4));
			assert_eq!(
				ProgramTerms::<Test>::get(p),
				Some(Terms { rules: PaymentRules::default(), ..terms })
			);
			assert_eq!(Unevaluated::<Test>::get(p), 1);
			assert_eq!(Allocations::<Test>::get(paid), before);
			assert_noop!(
				Funds::close_program(RuntimeOrigin::signed(MANAGER), p, H256::zero()),
				Error::<Test>::EvaluationsMissing
			);
			assert_migrated_once::<MigrateV3ToV4<Test>>();
		});
	}
}
