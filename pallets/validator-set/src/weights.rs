
//! Weights for `pallet_validator_set`; replaced by `scripts/benchmark-pallets.sh` with measured
//! figures. Until then: the storage accesses of each call at the runtime's database weights,
//! plus 50 µs of execution and the largest proof the call can need.

#![cfg_attr(rustfmt, rustfmt_skip)]
#![allow(unused_parens)]
#![allow(unused_imports)]
#![allow(missing_docs)]

use frame_support::{traits::Get, weights::{Weight, constants::RocksDbWeight}};
use core::marker::PhantomData;

/// The weight of each call of `pallet_validator_set`.
pub trait WeightInfo {
	fn add_validator() -> Weight;
	fn remove_validator() -> Weight;
	fn announce_maintenance() -> Weight;
	fn end_maintenance() -> Weight;
	fn bar() -> Weight;
	fn lift_bar() -> Weight;
	fn set_min_validators() -> Weight;
}

/// Weights with the runtime's database weights.
pub struct SubstrateWeight<T>(PhantomData<T>);
impl<T: frame_system::Config> WeightInfo for SubstrateWeight<T> {
	fn add_validator() -> Weight {
		Weight::from_parts(50_000_000, 8000).saturating_add(T::DbWeight::get().reads_writes(5, 2))
	}
	fn remove_validator() -> Weight {
		Weight::from_parts(50_000_000, 8000).saturating_add(T::DbWeight::get().reads_writes(4, 3))
	}
	fn announce_maintenance() -> Weight {
		Weight::from_parts(50_000_000, 8000).saturating_add(T::DbWeight::get().reads_writes(4, 2))
	}
	fn end_maintenance() -> Weight {
		Weight::from_parts(50_000_000, 4000).saturating_add(T::DbWeight::get().reads_writes(2, 2))
	}
	fn bar() -> Weight {
		Weight::from_parts(50_000_000, 8000).saturating_add(T::DbWeight::get().reads_writes(4, 4))
	}
	fn lift_bar() -> Weight {
		Weight::from_parts(50_000_000, 4000).saturating_add(T::DbWeight::get().reads_writes(1, 1))
	}
	fn set_min_validators() -> Weight {
		Weight::from_parts(50_000_000, 8000).saturating_add(T::DbWeight::get().reads_writes(3, 1))
	}
}

/// The same, with RocksDB's weights, for tests.
impl WeightInfo for () {
	fn add_validator() -> Weight {
		Weight::from_parts(50_000_000, 8000).saturating_add(RocksDbWeight::get().reads_writes(5, 2))
	}
	fn remove_validator() -> Weight {
		Weight::from_parts(50_000_000, 8000).saturating_add(RocksDbWeight::get().reads_writes(4, 3))
	}
	fn announce_maintenance() -> Weight {
		Weight::from_parts(50_000_000, 8000).saturating_add(RocksDbWeight::get().reads_writes(4, 2))
	}
	fn end_maintenance() -> Weight {
		Weight::from_parts(50_000_000, 4000).saturating_add(RocksDbWeight::get().reads_writes(2, 2))
	}
	fn bar() -> Weight {
		Weight::from_parts(50_000_000, 8000).saturating_add(RocksDbWeight::get().reads_writes(4, 4))
	}
	fn lift_bar() -> Weight {
		Weight::from_parts(50_000_000, 4000).saturating_add(RocksDbWeight::get().reads_writes(1, 1))
	}
	fn set_min_validators() -> Weight {
		Weight::from_parts(50_000_000, 8000).saturating_add(RocksDbWeight::get().reads_writes(3, 1))
	}
}
