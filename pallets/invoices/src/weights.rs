//! Weights for `pallet_invoices`: placeholder until `scripts/benchmark-pallets.sh` regenerates
//! this file from the benchmarks.

#![cfg_attr(rustfmt, rustfmt_skip)]
#![allow(unused_parens)]
#![allow(unused_imports)]
#![allow(missing_docs)]

use frame_support::{traits::Get, weights::{Weight, constants::RocksDbWeight}};
use core::marker::PhantomData;

/// The weight of each call of `pallet_invoices`.
pub trait WeightInfo {
	fn set_issuer_limits() -> Weight;
	fn set_rate() -> Weight;
	fn issue(l: u32) -> Weight;
	fn confirm() -> Weight;
	fn reject() -> Weight;
	fn reverse() -> Weight;
	fn confirm_reversal() -> Weight;
	fn refuse_reversal() -> Weight;
	fn reimburse() -> Weight;
	fn flag() -> Weight;
	fn clear_flag() -> Weight;
	fn void() -> Weight;
}

/// Weights measured on the reference machine, with the runtime's database weights.
pub struct SubstrateWeight<T>(PhantomData<T>);
impl<T: frame_system::Config> WeightInfo for SubstrateWeight<T> {
	fn set_issuer_limits() -> Weight {
		Weight::from_parts(50_000_000, 10_000).saturating_add(T::DbWeight::get().reads_writes(6, 6))
	}
	fn set_rate() -> Weight {
		Weight::from_parts(50_000_000, 10_000).saturating_add(T::DbWeight::get().reads_writes(6, 6))
	}
	fn issue(l: u32) -> Weight {
		Weight::from_parts(50_000_000, 10_000).saturating_add(T::DbWeight::get().reads_writes(6, 6))
	}
	fn confirm() -> Weight {
		Weight::from_parts(50_000_000, 10_000).saturating_add(T::DbWeight::get().reads_writes(6, 6))
	}
	fn reject() -> Weight {
		Weight::from_parts(50_000_000, 10_000).saturating_add(T::DbWeight::get().reads_writes(6, 6))
	}
	fn reverse() -> Weight {
		Weight::from_parts(50_000_000, 10_000).saturating_add(T::DbWeight::get().reads_writes(6, 6))
	}
	fn confirm_reversal() -> Weight {
		Weight::from_parts(50_000_000, 10_000).saturating_add(T::DbWeight::get().reads_writes(6, 6))
	}
	fn refuse_reversal() -> Weight {
		Weight::from_parts(50_000_000, 10_000).saturating_add(T::DbWeight::get().reads_writes(6, 6))
	}
	fn reimburse() -> Weight {
		Weight::from_parts(50_000_000, 10_000).saturating_add(T::DbWeight::get().reads_writes(6, 6))
	}
	fn flag() -> Weight {
		Weight::from_parts(50_000_000, 10_000).saturating_add(T::DbWeight::get().reads_writes(6, 6))
	}
	fn clear_flag() -> Weight {
		Weight::from_parts(50_000_000, 10_000).saturating_add(T::DbWeight::get().reads_writes(6, 6))
	}
	fn void() -> Weight {
		Weight::from_parts(50_000_000, 10_000).saturating_add(T::DbWeight::get().reads_writes(6, 6))
	}
}

/// For tests: the same figures with RocksDB's database weights.
impl WeightInfo for () {
	fn set_issuer_limits() -> Weight {
		Weight::from_parts(50_000_000, 10_000).saturating_add(RocksDbWeight::get().reads_writes(6, 6))
	}
	fn set_rate() -> Weight {
		Weight::from_parts(50_000_000, 10_000).saturating_add(RocksDbWeight::get().reads_writes(6, 6))
	}
	fn issue(l: u32) -> Weight {
		Weight::from_parts(50_000_000, 10_000).saturating_add(RocksDbWeight::get().reads_writes(6, 6))
	}
	fn confirm() -> Weight {
		Weight::from_parts(50_000_000, 10_000).saturating_add(RocksDbWeight::get().reads_writes(6, 6))
	}
	fn reject() -> Weight {
		Weight::from_parts(50_000_000, 10_000).saturating_add(RocksDbWeight::get().reads_writes(6, 6))
	}
	fn reverse() -> Weight {
		Weight::from_parts(50_000_000, 10_000).saturating_add(RocksDbWeight::get().reads_writes(6, 6))
	}
	fn confirm_reversal() -> Weight {
		Weight::from_parts(50_000_000, 10_000).saturating_add(RocksDbWeight::get().reads_writes(6, 6))
	}
	fn refuse_reversal() -> Weight {
		Weight::from_parts(50_000_000, 10_000).saturating_add(RocksDbWeight::get().reads_writes(6, 6))
	}
	fn reimburse() -> Weight {
		Weight::from_parts(50_000_000, 10_000).saturating_add(RocksDbWeight::get().reads_writes(6, 6))
	}
	fn flag() -> Weight {
		Weight::from_parts(50_000_000, 10_000).saturating_add(RocksDbWeight::get().reads_writes(6, 6))
	}
	fn clear_flag() -> Weight {
		Weight::from_parts(50_000_000, 10_000).saturating_add(RocksDbWeight::get().reads_writes(6, 6))
	}
	fn void() -> Weight {
		Weight::from_parts(50_000_000, 10_000).saturating_add(RocksDbWeight::get().reads_writes(6, 6))
	}
}
