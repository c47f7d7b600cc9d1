//! Benchmarks of every call, each on its most expensive path (an expense justified by an
//! invoice, freezing an allocation rather than an account).

use super::*;
use crate::pallet::{
	Allocations, Applications, FrozenAccounts, FrozenAllocations, NextProgramId, Programs,
};
use frame_benchmarking::v2::*;
use frame_support::traits::EnsureOrigin;
use regchain_primitives::time::DAY;
use regchain_primitives::{member_origin, InvoiceClaims, Membership, OrgKind, Role};
use sp_core::H256;

const BUDGET: Fen = 1_000_000_000;

/// The origin `O` stands for, and its organization.
fn caller<T: Config, O: EnsureOrigin<T::RuntimeOrigin, Success = (T::AccountId, OrgId)>>(
) -> Result<(T::RuntimeOrigin, OrgId), BenchmarkError> {
	member_origin::<O, _, _>().map_err(|_| BenchmarkError::Weightless)
}

/// A new enterprise member, holding `role`.
fn member<T: Config>(name: &'static str, role: Option<Role>) -> Result<OrgId, BenchmarkError> {
	Ok(T::Membership::make_member(&account(name, 0, 0), OrgKind::Enterprise, role))
}

fn program_of<T: Config>(manager: OrgId) -> ProgramId {
	let id = NextProgramId::<T>::get();
	Pallet::<T>::do_create_program(
		manager,
		H256::zero(),
		BUDGET,
		Categories(u32::MAX),
		Pallet::<T>::now(),
		Pallet::<T>::now().saturating_add(1_000 * DAY),
		Pallet::<T>::now().saturating_add(2_000 * DAY),
	)
	.expect("benchmark program is valid");
	id
}

fn applied<T: Config>(program: ProgramId, enterprise: OrgId) -> AllocationId {
	let id = crate::pallet::NextApplicationId::<T>::get();
	Pallet::<T>::do_apply(enterprise, program, BUDGET / 2, H256::zero()).expect("applies");
	id
}

/// An allocation of half the budget from `manager`'s program to `enterprise`, of which
/// `disbursed` is disbursed.
fn allocated<T: Config>(manager: OrgId, enterprise: OrgId, disbursed: Fen) -> AllocationId {
	let id = applied::<T>(program_of::<T>(manager), enterprise);
	Pallet::<T>::do_approve(manager, id, BUDGET / 2).expect("approves");
	if disbursed > 0 {
		Pallet::<T>::do_disburse(manager, id, disbursed, H256::zero()).expect("disburses");
	}
	id
}

#[benchmarks]
mod benchmarks {
	use super::*;

	#[benchmark]
	fn create_program() -> Result<(), BenchmarkError> {
		let (origin, manager) = caller::<T, T::ManagerOrigin>()?;
		let now = Pallet::<T>::now();
		let (from, until, end) = (now, now + 10 * DAY, now + 20 * DAY);
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, H256::zero(), BUDGET, Categories(1), from, until, end);
		assert_eq!(Programs::<T>::get(0).map(|p| p.manager), Some(manager));
		Ok(())
	}

	#[benchmark]
	fn set_budget() -> Result<(), BenchmarkError> {
		let (origin, manager) = caller::<T, T::ManagerOrigin>()?;
		let program = program_of::<T>(manager);
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, program, BUDGET * 2);
		assert_eq!(Programs::<T>::get(program).map(|p| p.budget), Some(BUDGET * 2));
		Ok(())
	}

	#[benchmark]
	fn close_program() -> Result<(), BenchmarkError> {
		// The manager's path: the regulator origin is tried first.
		let (origin, manager) = caller::<T, T::ManagerOrigin>()?;
		let program = program_of::<T>(manager);
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, program, H256::zero());
		assert!(matches!(
			Programs::<T>::get(program).map(|p| p.status),
			Some(ProgramStatus::Closed { .. })
		));
		Ok(())
	}

	#[benchmark]
	fn apply() -> Result<(), BenchmarkError> {
		let (origin, enterprise) = caller::<T, T::EnterpriseOrigin>()?;
		let program = program_of::<T>(member::<T>("manager", Some(Role::FundManager))?);
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, program, BUDGET, H256::zero());
		assert_eq!(Applications::<T>::get(0).map(|a| a.applicant), Some(enterprise));
		Ok(())
	}

	#[benchmark]
	fn approve() -> Result<(), BenchmarkError> {
		let (origin, manager) = caller::<T, T::ManagerOrigin>()?;
		let application = applied::<T>(program_of::<T>(manager), member::<T>("sme", None)?);
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, application, BUDGET / 2);
		assert!(Allocations::<T>::get(application).is_some());
		Ok(())
	}

	#[benchmark]
	fn reject_application() -> Result<(), BenchmarkError> {
		let (origin, manager) = caller::<T, T::ManagerOrigin>()?;
		let application = applied::<T>(program_of::<T>(manager), member::<T>("sme", None)?);
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, application, H256::zero());
		assert!(matches!(
			Applications::<T>::get(application).map(|a| a.status),
			Some(ApplicationStatus::Rejected { .. })
		));
		Ok(())
	}

	#[benchmark]
	fn disburse() -> Result<(), BenchmarkError> {
		let (origin, manager) = caller::<T, T::ManagerOrigin>()?;
		let allocation = allocated::<T>(manager, member::<T>("sme", None)?, 0);
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, allocation, 1_000, H256::zero());
		assert_eq!(Allocations::<T>::get(allocation).map(|a| a.disbursed), Some(1_000));
		Ok(())
	}

	#[benchmark]
	fn record_expense() -> Result<(), BenchmarkError> {
		let (origin, enterprise) = caller::<T, T::EnterpriseOrigin>()?;
		let manager = member::<T>("manager", Some(Role::FundManager))?;
		let allocation = allocated::<T>(manager, enterprise, 1_000);
		let seller = member::<T>("seller", Some(Role::InvoiceIssuer))?;
		let invoice = T::Invoices::make_claimable(seller, enterprise, 1_000);
		#[extrinsic_call]
		_(
			origin as T::RuntimeOrigin,
			allocation,
			1_000,
			0,
			H256::zero(),
			H256::zero(),
			Some(invoice),
		);
		assert_eq!(Allocations::<T>::get(allocation).map(|a| a.spent), Some(1_000));
		Ok(())
	}

	#[benchmark]
	fn freeze() -> Result<(), BenchmarkError> {
		let (origin, _) = caller::<T, T::RegulatorOrigin>()?;
		let manager = member::<T>("manager", Some(Role::FundManager))?;
		let allocation = allocated::<T>(manager, member::<T>("sme", None)?, 0);
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, FreezeTarget::Allocation(allocation), H256::zero());
		assert!(FrozenAllocations::<T>::contains_key(allocation));
		assert!(FrozenAccounts::<T>::iter().next().is_none());
		Ok(())
	}

	#[benchmark]
	fn unfreeze() -> Result<(), BenchmarkError> {
		let (origin, regulator) = caller::<T, T::RegulatorOrigin>()?;
		let manager = member::<T>("manager", Some(Role::FundManager))?;
		let allocation = allocated::<T>(manager, member::<T>("sme", None)?, 0);
		Pallet::<T>::do_freeze(regulator, FreezeTarget::Allocation(allocation), H256::zero())
			.map_err(|_| BenchmarkError::Weightless)?;
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, FreezeTarget::Allocation(allocation));
		assert!(!FrozenAllocations::<T>::contains_key(allocation));
		Ok(())
	}

	#[benchmark]
	fn claw_back() -> Result<(), BenchmarkError> {
		let (origin, _) = caller::<T, T::RegulatorOrigin>()?;
		let manager = member::<T>("manager", Some(Role::FundManager))?;
		let allocation = allocated::<T>(manager, member::<T>("sme", None)?, 1_000);
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, allocation, 1_000, H256::zero());
		assert_eq!(Allocations::<T>::get(allocation).map(|a| a.clawed_back), Some(1_000));
		Ok(())
	}

	impl_benchmark_test_suite!(
		Pallet,
		crate::mock::ExtBuilder::default().build(),
		crate::mock::Test
	);
}
