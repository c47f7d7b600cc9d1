//! Benchmarks of every call, with a full validator set (the most expensive list operations).

use super::*;
use crate::Pallet as ValidatorSet;
use frame_benchmarking::v2::*;
use frame_support::traits::{EnsureOrigin, Get};
use frame_system::RawOrigin;
use regchain_primitives::{AgencyKind, Membership, OrgKind};

/// An agency account with session keys.
fn candidate<T: Config>(name: &'static str, i: u32) -> T::AccountId {
	let who: T::AccountId = account(name, i, 0);
	T::Membership::make_member(&who, OrgKind::Agency(AgencyKind::FinanceBureau), None);
	T::BenchmarkHelper::register_keys(&who);
	who
}

/// Fills the set up to `MaxValidators - free` validators, minimum 1, and returns them.
fn fill<T: Config>(free: u32) -> alloc::vec::Vec<T::AccountId> {
	let target = T::MaxValidators::get().saturating_sub(free);
	let mut validators = Validators::<T>::get();
	let mut i = 0;
	while (validators.len() as u32) < target {
		let _ = validators.try_push(candidate::<T>("validator", i));
		i += 1;
	}
	Validators::<T>::put(validators.clone());
	MinValidators::<T>::put(1);
	validators.into_inner()
}

fn governance<T: Config>() -> Result<T::RuntimeOrigin, BenchmarkError> {
	T::GovernanceOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)
}

#[benchmarks]
mod benchmarks {
	use super::*;

	#[benchmark]
	fn add_validator() -> Result<(), BenchmarkError> {
		fill::<T>(1);
		let origin = governance::<T>()?;
		let who = candidate::<T>("new", 0);

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, who.clone());

		assert!(Validators::<T>::get().contains(&who));
		Ok(())
	}

	#[benchmark]
	fn remove_validator() -> Result<(), BenchmarkError> {
		let validators = fill::<T>(0);
		let origin = governance::<T>()?;
		let who = validators.last().cloned().ok_or(BenchmarkError::Weightless)?;

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, who.clone());

		assert!(!Validators::<T>::get().contains(&who));
		Ok(())
	}

	#[benchmark]
	fn announce_maintenance() -> Result<(), BenchmarkError> {
		let validators = fill::<T>(0);
		let who = validators.last().cloned().ok_or(BenchmarkError::Weightless)?;

		#[extrinsic_call]
		_(RawOrigin::Signed(who.clone()));

		assert!(Maintenance::<T>::contains_key(&who));
		Ok(())
	}

	#[benchmark]
	fn end_maintenance() -> Result<(), BenchmarkError> {
		let validators = fill::<T>(0);
		let who = validators.last().cloned().ok_or(BenchmarkError::Weightless)?;
		ValidatorSet::<T>::do_announce_maintenance(who.clone())?;

		#[extrinsic_call]
		_(RawOrigin::Signed(who.clone()));

		assert!(!Maintenance::<T>::contains_key(&who));
		Ok(())
	}

	#[benchmark]
	fn bar() -> Result<(), BenchmarkError> {
		let validators = fill::<T>(0);
		let origin = governance::<T>()?;
		let who = validators.last().cloned().ok_or(BenchmarkError::Weightless)?;

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, who.clone());

		assert!(Barred::<T>::contains_key(&who));
		Ok(())
	}

	#[benchmark]
	fn lift_bar() -> Result<(), BenchmarkError> {
		let origin = governance::<T>()?;
		let who: T::AccountId = account("barred", 0, 0);
		Barred::<T>::insert(&who, frame_system::Pallet::<T>::block_number());

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, who.clone());

		assert!(!Barred::<T>::contains_key(&who));
		Ok(())
	}

	#[benchmark]
	fn set_min_validators() -> Result<(), BenchmarkError> {
		let validators = fill::<T>(0);
		let origin = governance::<T>()?;
		let min = validators.len() as u32;

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, min);

		assert_eq!(MinValidators::<T>::get(), min);
		Ok(())
	}

	impl_benchmark_test_suite!(
		ValidatorSet,
		crate::mock::ExtBuilder::default().build(),
		crate::mock::Test
	);
}
