//! PROVISIONAL: replaced by `scripts/benchmark-pallets.sh` output before the pallet is used.
#![allow(unused_parens, unused_imports, missing_docs)]

use core::marker::PhantomData;
use frame_support::{traits::Get, weights::Weight};

/// Weight functions needed for `pallet_consortium`.
pub trait WeightInfo {
	fn register_agency() -> Weight;
	fn register_organization() -> Weight;
	fn add_account() -> Weight;
	fn remove_account() -> Weight;
	fn renew() -> Weight;
	fn suspend() -> Weight;
	fn resume() -> Weight;
	fn revoke() -> Weight;
	fn grant_role() -> Weight;
	fn revoke_role() -> Weight;
}

impl WeightInfo for () {
	fn register_agency() -> Weight {
		Weight::zero()
	}
	fn register_organization() -> Weight {
		Weight::zero()
	}
	fn add_account() -> Weight {
		Weight::zero()
	}
	fn remove_account() -> Weight {
		Weight::zero()
	}
	fn renew() -> Weight {
		Weight::zero()
	}
	fn suspend() -> Weight {
		Weight::zero()
	}
	fn resume() -> Weight {
		Weight::zero()
	}
	fn revoke() -> Weight {
		Weight::zero()
	}
	fn grant_role() -> Weight {
		Weight::zero()
	}
	fn revoke_role() -> Weight {
		Weight::zero()
	}
}

/// PROVISIONAL
pub struct SubstrateWeight<T>(PhantomData<T>);
impl<T: frame_system::Config> WeightInfo for SubstrateWeight<T> {
	fn register_agency() -> Weight {
		Weight::zero()
	}
	fn register_organization() -> Weight {
		Weight::zero()
	}
	fn add_account() -> Weight {
		Weight::zero()
	}
	fn remove_account() -> Weight {
		Weight::zero()
	}
	fn renew() -> Weight {
		Weight::zero()
	}
	fn suspend() -> Weight {
		Weight::zero()
	}
	fn resume() -> Weight {
		Weight::zero()
	}
	fn revoke() -> Weight {
		Weight::zero()
	}
	fn grant_role() -> Weight {
		Weight::zero()
	}
	fn revoke_role() -> Weight {
		Weight::zero()
	}
}
