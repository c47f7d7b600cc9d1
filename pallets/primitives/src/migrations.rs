//! Pieces of storage migrations that more than one pallet needs.
//!
//! A new index (records by owner, members by region …) comes with a migration that writes the
//! index entry of every record a chain already holds. The walk and the weight it reports are
//! the same whatever the index: [`index_every`].

use frame_support::{
	storage::IterableStorageMap,
	traits::Get,
	weights::{RuntimeDbWeight, Weight},
};

/// Walks every entry of the map `M` and lets `index` write its index entry, if it has one
/// (`index` returns whether it wrote). Returns the weight: one read per entry, one write per
/// entry indexed, at the database weights `DbWeight`.
///
/// One block's work: for indexes of records a pilot chain holds (thousands, not millions), a
/// larger chain would need a multi-block migration instead.
pub fn index_every<M, K, V, DbWeight>(mut index: impl FnMut(K, V) -> bool) -> Weight
where
	M: IterableStorageMap<K, V>,
	K: codec::FullCodec,
	V: codec::FullCodec,
	DbWeight: Get<RuntimeDbWeight>,
{
	let (mut read, mut written) = (0u64, 0u64);
	for (key, value) in M::iter() {
		read = read.saturating_add(1);
		if index(key, value) {
			written = written.saturating_add(1);
		}
	}
	DbWeight::get().reads_writes(read, written)
}
