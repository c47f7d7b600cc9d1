//! Pieces of storage migrations that more than one pallet needs.
//!
//! ## Migrations that walk every record run over as many blocks as they need
//! A new index (records by owner, members by region …) or a new key layout comes with a
//! migration that visits every record a chain already holds. In one block, a chain of millions
//! of records would stall on the upgrade: the block would take minutes and miss its slot. So
//! such a migration is a [`Walk`] — what to do with one entry of one map, and what that costs —
//! run by [`SteppedWalk`] as a multi-block migration of `pallet-migrations`: each block migrates
//! the entries its weight allows and keeps, as its cursor, the raw storage key of the last one;
//! the next block goes on after it. Meanwhile the runtime takes no transactions (the chain is
//! upgrading: `frame_system`'s `MultiBlockMigrator`), and reads of the pallet may see the new
//! index part-built. The storage version moves to the new one when the last walk of a version
//! change ends, so every walk checks it and a chain already there skips it.
//!
//! A layout change of the values (block numbers become dates, a claim gains its domain) is a
//! walk too: its entries are read through a `storage_alias` of the map with the old value type
//! and written back in the new one, under the same key. A walk that dates block numbers dates
//! them from the block it runs in (`BlockDating`): blocks keep coming every slot while it runs,
//! so its dates agree with the first block's but for slots no validator filled.

use alloc::vec::Vec;
use codec::{Decode, Encode, MaxEncodedLen};
use frame_support::{
	migrations::{SteppedMigration, SteppedMigrationError},
	storage::PrefixIterator,
	traits::{ConstU32, GetStorageVersion, PalletInfoAccess, StorageVersion},
	weights::{Weight, WeightMeter},
	BoundedVec,
};
use scale_info::TypeInfo;

/// The longest raw storage key a walk's cursor holds: a map's 32-byte prefix and keys hashed
/// with `Blake2_128Concat` (16 bytes and the key) — an n-map of three keys with a 32-byte one
/// among them takes 120.
pub const MAX_CURSOR_LEN: u32 = 256;
/// Where a walk stopped: the raw storage key of the last entry it migrated.
pub type RawCursor = BoundedVec<u8, ConstU32<MAX_CURSOR_LEN>>;
/// The longest name of a migration.
pub const MAX_MIGRATION_NAME: u32 = 64;

/// A multi-block migration's identifier: its name (which says the pallet, the versions and
/// what it does), kept by `pallet-migrations` once it ran so it never runs twice.
#[derive(Clone, PartialEq, Eq, Encode, Decode, MaxEncodedLen, TypeInfo, Debug)]
pub struct MigrationName(pub BoundedVec<u8, ConstU32<MAX_MIGRATION_NAME>>);

/// One map walked entry by entry: a multi-block migration's body, run by [`SteppedWalk`].
pub trait Walk {
	/// The migration's unique name, at most [`MAX_MIGRATION_NAME`] bytes: pallet, versions, what.
	const NAME: &'static [u8];
	/// One entry, decoded.
	type Entry;
	/// The entries after the raw storage key `after` (the map's `iter_from`), or all of them
	/// (its `iter`).
	fn entries(after: Option<Vec<u8>>) -> PrefixIterator<Self::Entry>;
	/// The most the migration of one entry weighs: reading it and what `migrate` reads and
	/// writes.
	fn weight_per_entry() -> Weight;
	/// Migrates one entry.
	fn migrate(entry: Self::Entry);
	/// What is left once every entry is migrated (a single value beside the map), and its
	/// weight; nothing by default.
	fn finish() {}
	/// The weight of [`Walk::finish`].
	fn finish_weight() -> Weight {
		Weight::zero()
	}
}

/// The walk `W` as a multi-block migration of pallet `P` from storage version `FROM` to `TO`:
/// it runs only while the stored version is `FROM`; the last walk of the change (`LAST`) then
/// stores `TO`. A version change with several maps to walk lists a walk per map, the last one
/// `LAST`, in order in the runtime's multi-block migrations.
pub struct SteppedWalk<W, P, const FROM: u16, const TO: u16, const LAST: bool>(
	core::marker::PhantomData<(W, P)>,
);

impl<W, P, const FROM: u16, const TO: u16, const LAST: bool> SteppedMigration
	for SteppedWalk<W, P, FROM, TO, LAST>
where
	W: Walk,
	P: GetStorageVersion + PalletInfoAccess,
{
	type Cursor = RawCursor;
	type Identifier = MigrationName;

	fn id() -> MigrationName {
		// A longer name would be cut and could equal another's, which would then never run:
		// refused when the runtime is compiled.
		const { assert!(W::NAME.len() <= MAX_MIGRATION_NAME as usize, "migration name too long") };
		MigrationName(BoundedVec::truncate_from(W::NAME.to_vec()))
	}

	fn step(
		cursor: Option<RawCursor>,
		meter: &mut WeightMeter,
	) -> Result<Option<RawCursor>, SteppedMigrationError> {
		let per_entry = W::weight_per_entry();
		// The version's read, at an entry's weight (more than one read).
		if meter.try_consume(per_entry).is_err() {
			return Err(SteppedMigrationError::InsufficientWeight { required: per_entry });
		}
		if P::on_chain_storage_version() != StorageVersion::new(FROM) {
			return Ok(None);
		}
		let mut entries = W::entries(cursor.map(BoundedVec::into_inner));
		let mut migrated = 0u32;
		loop {
			if meter.try_consume(per_entry).is_err() {
				if migrated == 0 {
					let required = per_entry.saturating_add(per_entry);
					return Err(SteppedMigrationError::InsufficientWeight { required });
				}
				let last = entries.last_raw_key().to_vec();
				return RawCursor::try_from(last)
					.map(Some)
					.map_err(|_| SteppedMigrationError::Failed);
			}
			let Some(entry) = entries.next() else {
				if meter.try_consume(W::finish_weight()).is_err() {
					// The next block finds no entry after the last and finishes.
					let last = entries.last_raw_key().to_vec();
					return RawCursor::try_from(last)
						.map(Some)
						.map_err(|_| SteppedMigrationError::Failed);
				}
				W::finish();
				if LAST {
					StorageVersion::new(TO).put::<P>();
				}
				return Ok(None);
			};
			W::migrate(entry);
			migrated = migrated.saturating_add(1);
		}
	}
}

/// Runs the multi-block migrations `M` (one, or a tuple run in order) to their end with
/// `per_block` of weight a step, as `pallet-migrations` would (without its history, and
/// without the transactions paused between): the steps they took, one or more each. For tests
/// of migrations.
#[cfg(feature = "std")]
pub fn run_to_end<M: frame_support::migrations::SteppedMigrations>(
	per_block: Weight,
) -> Result<u32, SteppedMigrationError> {
	let mut blocks = 0u32;
	for n in 0..M::len() {
		let mut cursor = None;
		loop {
			blocks = blocks.saturating_add(1);
			let mut meter = WeightMeter::with_limit(per_block);
			cursor = M::nth_transactional_step(n, cursor, &mut meter)
				.ok_or(SteppedMigrationError::Failed)??;
			if cursor.is_none() {
				break;
			}
		}
	}
	Ok(blocks)
}
