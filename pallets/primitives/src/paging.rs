//! Paged queries for the runtime APIs: one bound on what a query returns, and one way to page
//! through a double map's second keys, so that no front-end ever walks a whole storage map and
//! no query's work grows with the size of the chain.

use alloc::vec::Vec;
use codec::{EncodeLike, FullCodec};
use frame_support::storage::{
	IterableStorageDoubleMap, IterableStorageMap, StorageDoubleMap, StorageMap,
};

/// The most records one runtime-API query returns; a larger `limit` is cut to it.
pub const QUERY_LIMIT: u32 = 100;

/// How many records a query asked for `limit` returns at most.
pub fn page_size(limit: u32) -> u32 {
	limit.min(QUERY_LIMIT)
}

/// The end (exclusive) of the page of `limit` records from index `from` of a list of `len`.
pub fn page_end(from: u32, limit: u32, len: u32) -> u32 {
	from.saturating_add(page_size(limit)).min(len)
}

/// Up to `limit` (at most [`QUERY_LIMIT`]) second keys of the double map `M` under `key1`,
/// after `start_after` (in storage order), or from the first when it is `None`.
pub fn keys_after<M, K1, K2, V>(key1: K1, start_after: Option<K2>, limit: u32) -> Vec<K2>
where
	M: IterableStorageDoubleMap<K1, K2, V> + StorageDoubleMap<K1, K2, V>,
	K1: FullCodec + Clone + EncodeLike<K1>,
	K2: FullCodec + EncodeLike<K2>,
	V: FullCodec,
{
	let take = page_size(limit) as usize;
	match start_after {
		Some(after) => {
			let from = <M as StorageDoubleMap<K1, K2, V>>::hashed_key_for(key1.clone(), after);
			<M as IterableStorageDoubleMap<K1, K2, V>>::iter_key_prefix_from(key1, from)
				.take(take)
				.collect()
		},
		None => {
			<M as IterableStorageDoubleMap<K1, K2, V>>::iter_key_prefix(key1).take(take).collect()
		},
	}
}

/// Up to `limit` (at most [`QUERY_LIMIT`]) entries of the map `M` after the key `start_after`
/// (in storage order), or from the first when it is `None`: for maps whose entries are the
/// list itself (the records in one status, e.g. frozen).
pub fn entries_after<M, K, V>(start_after: Option<K>, limit: u32) -> Vec<(K, V)>
where
	M: IterableStorageMap<K, V> + StorageMap<K, V>,
	K: FullCodec + EncodeLike<K>,
	V: FullCodec,
{
	let take = page_size(limit) as usize;
	match start_after {
		Some(after) => {
			let from = <M as StorageMap<K, V>>::hashed_key_for(after);
			<M as IterableStorageMap<K, V>>::iter_from(from).take(take).collect()
		},
		None => <M as IterableStorageMap<K, V>>::iter().take(take).collect(),
	}
}
