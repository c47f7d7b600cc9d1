//! The weight of each call of `pallet_notarization`.
//!
//! Provisional: the pallet is not in the runtime yet. `scripts/benchmark-pallets.sh` replaces
//! this file with weights generated from `benchmarking.rs` when it is wired in; until then only
//! the mock uses `()`.

#![allow(missing_docs)]

use frame_support::weights::Weight;

/// The weight of each call of `pallet_notarization`.
pub trait WeightInfo {
	fn notarize() -> Weight;
	fn anchor_batch() -> Weight;
	fn certify(p: u32) -> Weight;
	fn mark_admitted() -> Weight;
	fn mark_challenged() -> Weight;
	fn withdraw_certification() -> Weight;
	fn freeze() -> Weight;
	fn unfreeze() -> Weight;
}

/// No weight: for the tests' mock runtime only.
impl WeightInfo for () {
	fn notarize() -> Weight {
		Weight::zero()
	}
	fn anchor_batch() -> Weight {
		Weight::zero()
	}
	fn certify(_p: u32) -> Weight {
		Weight::zero()
	}
	fn mark_admitted() -> Weight {
		Weight::zero()
	}
	fn mark_challenged() -> Weight {
		Weight::zero()
	}
	fn withdraw_certification() -> Weight {
		Weight::zero()
	}
	fn freeze() -> Weight {
		Weight::zero()
	}
	fn unfreeze() -> Weight {
		Weight::zero()
	}
}
