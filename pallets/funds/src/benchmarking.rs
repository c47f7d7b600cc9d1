//! Benchmarks of every call, each on its most expensive path (an expense justified by an
//! invoice, freezing an allocation rather than an account).

use super::*;
use crate::pallet::{
	Agreements, Allocations, Applications, Evaluations, FrozenAccounts, FrozenAllocations,
	Fundings, NextProgramId, Objections, Obligations, Programs, Publicities, Unevaluated,
};
use frame_benchmarking::v2::*;
use frame_support::traits::EnsureOrigin;
use regchain_primitives::time::DAY;
use regchain_primitives::{member_origin, Division, InvoiceClaims, Membership, OrgKind, Role};
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

/// The costliest eligibility to check: seven divisions that do not match before the
/// nationwide one that does, and a cap per applicant.
fn eligibility() -> Eligibility {
	let mut regions: alloc::vec::Vec<Division> = (0..7).map(|n| Division(110_101 + n)).collect();
	regions.push(Division::NATIONAL);
	Eligibility {
		regions: regions.try_into().expect("eight divisions fit"),
		max_per_applicant: Some(BUDGET),
		..Eligibility::any_enterprise()
	}
}

/// The costliest rules to check, paid in advance: a co-funding share and a cap on each of 8
/// categories (0–7).
fn rules() -> PaymentRules {
	rules_paid(PaymentForm::Advance)
}

/// The same, paid as `payment` says.
fn rules_paid(payment: PaymentForm) -> PaymentRules {
	let caps: alloc::vec::Vec<CategoryCap> =
		(0..8).map(|category| CategoryCap { category, percent: 100 }).collect();
	PaymentRules {
		payment,
		co_funding: 50,
		caps: caps.try_into().expect("eight caps fit"),
		bank_confirms_from: Some(0),
	}
}

/// A program of `manager` with [`eligibility`] and [`rules`], its budget appropriated.
fn program_of<T: Config>(manager: OrgId) -> ProgramId {
	program_paid::<T>(manager, rules())
}

/// The same program, paid as `rules` say.
fn program_paid<T: Config>(manager: OrgId, rules: PaymentRules) -> ProgramId {
	let id = NextProgramId::<T>::get();
	let now = Pallet::<T>::now();
	let schedule = crate::impls::Schedule {
		apply_from: now,
		apply_until: now.saturating_add(1_000 * DAY),
		ends_at: now.saturating_add(2_000 * DAY),
	};
	Pallet::<T>::do_create_program(
		manager,
		H256::zero(),
		Categories(u32::MAX),
		schedule,
		eligibility(),
		None,
		rules,
	)
	.expect("benchmark program is valid");
	Programs::<T>::mutate(id, |p| p.as_mut().map(|p| p.budget = BUDGET));
	id
}

/// A project key of its own for each application.
fn key(application: AllocationId) -> H256 {
	H256::from_low_u64_be(u64::from(application) + 1)
}

fn applied<T: Config>(program: ProgramId, enterprise: OrgId) -> AllocationId {
	let id = crate::pallet::NextApplicationId::<T>::get();
	Pallet::<T>::do_apply(enterprise, program, BUDGET / 2, H256::zero(), key(id)).expect("applies");
	id
}

/// An award of half the budget from `manager`'s program to `enterprise`, in its publicity.
fn awarded<T: Config>(manager: OrgId, enterprise: OrgId) -> AllocationId {
	awarded_in::<T>(program_of::<T>(manager), manager, enterprise)
}

/// The same, in `program`.
fn awarded_in<T: Config>(program: ProgramId, manager: OrgId, enterprise: OrgId) -> AllocationId {
	let id = applied::<T>(program, enterprise);
	Pallet::<T>::do_approve(manager, id, BUDGET / 2).expect("approves");
	id
}

/// Ends an award's publicity now; the enterprise names its special account's bank, and its
/// own money then matches any payment.
fn published<T: Config>(id: AllocationId) {
	Publicities::<T>::mutate(id, |p| p.as_mut().map(|p| p.until = Pallet::<T>::now()));
	let enterprise = Allocations::<T>::get(id).expect("awarded").enterprise;
	if !crate::pallet::AccountBanks::<T>::contains_key(enterprise) {
		let bank = T::Membership::make_member(
			&account("special account bank", enterprise, 0),
			OrgKind::FinancialInstitution,
			None,
		);
		Pallet::<T>::do_designate_bank(enterprise, bank).expect("names its bank");
	}
	Pallet::<T>::do_contribute(enterprise, id, BUDGET, H256::zero()).expect("contributes");
}

/// An award of a program paid by milestones, past its publicity, with an agreement of eight
/// milestones of 1,000 and eight targets.
fn agreed<T: Config>(manager: OrgId, enterprise: OrgId) -> AllocationId {
	let program = program_paid::<T>(manager, rules_paid(PaymentForm::Milestones));
	let id = awarded_in::<T>(program, manager, enterprise);
	published::<T>(id);
	Pallet::<T>::do_record_agreement(manager, id, agreement::<T>()).expect("agrees");
	id
}

/// An agreement of eight milestones of 1,000, a day apart, and eight targets.
fn agreement<T: Config>() -> Agreement {
	let now = Pallet::<T>::now();
	let milestones: alloc::vec::Vec<Milestone> =
		(1..=8).map(|n| Milestone { amount: 1_000, due: now + n * DAY }).collect();
	let targets: alloc::vec::Vec<Target> =
		(0..8).map(|n| Target { indicator: H256::repeat_byte(n), value: 1_000 }).collect();
	Agreement {
		document: H256::zero(),
		milestones: milestones.try_into().expect("eight fit"),
		targets: targets.try_into().expect("eight fit"),
	}
}

/// The same award past its publicity, of which `disbursed` is disbursed.
fn allocated<T: Config>(manager: OrgId, enterprise: OrgId, disbursed: Fen) -> AllocationId {
	let id = awarded::<T>(manager, enterprise);
	published::<T>(id);
	if disbursed > 0 {
		Pallet::<T>::do_disburse(manager, id, disbursed, H256::zero()).expect("disburses");
	}
	id
}

/// An allocation of a program of `manager`, disbursed, with an expense of 1,000 at ledger
/// entry 2.
fn spent_of<T: Config>(manager: OrgId) -> Result<AllocationId, BenchmarkError> {
	let enterprise = member::<T>("spender", None)?;
	let allocation = allocated::<T>(manager, enterprise, 1_000);
	let movement = Movement::Spent {
		amount: 1_000,
		category: 0,
		counterparty: H256::zero(),
		document: H256::zero(),
		invoice: None,
	};
	Pallet::<T>::do_record_expense(enterprise, allocation, movement)
		.map_err(|_| BenchmarkError::Weightless)?;
	Ok(allocation)
}

/// The same, of a new manager's program.
fn spent<T: Config>() -> Result<AllocationId, BenchmarkError> {
	spent_of::<T>(member::<T>("manager", Some(Role::FundManager))?)
}

#[benchmarks]
mod benchmarks {
	use super::*;

	#[benchmark]
	fn create_program() -> Result<(), BenchmarkError> {
		let (origin, manager) = caller::<T, T::ManagerOrigin>()?;
		let now = Pallet::<T>::now();
		let (from, until, end) = (now, now + 10 * DAY, now + 20 * DAY);
		let terms = eligibility();
		#[extrinsic_call]
		_(
			origin as T::RuntimeOrigin,
			H256::zero(),
			Categories(u32::MAX),
			from,
			until,
			end,
			terms,
			Some(30),
			rules(),
		);
		assert_eq!(Programs::<T>::get(0).map(|p| p.manager), Some(manager));
		Ok(())
	}

	#[benchmark]
	fn set_budget() -> Result<(), BenchmarkError> {
		let (origin, _) = caller::<T, T::FinanceOrigin>()?;
		let program = program_of::<T>(member::<T>("manager", Some(Role::FundManager))?);
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
		_(origin as T::RuntimeOrigin, program, BUDGET, H256::zero(), key(0));
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

	/// The costliest form: by milestones (the agreement read), the first payment (the award
	/// now awaits evaluation), at the co-funding ratio.
	#[benchmark]
	fn disburse() -> Result<(), BenchmarkError> {
		let (origin, manager) = caller::<T, T::ManagerOrigin>()?;
		let allocation = agreed::<T>(manager, member::<T>("sme", None)?);
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, allocation, 1_000, H256::zero());
		assert_eq!(Allocations::<T>::get(allocation).map(|a| a.disbursed), Some(1_000));
		assert_eq!(Unevaluated::<T>::get(Allocations::<T>::get(allocation).unwrap().program), 1);
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

	#[benchmark]
	fn object() -> Result<(), BenchmarkError> {
		let (origin, objector) = caller::<T, T::ObjectorOrigin>()?;
		let manager = member::<T>("manager", Some(Role::FundManager))?;
		let allocation = awarded::<T>(manager, member::<T>("sme", None)?);
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, allocation, H256::zero(), H256::zero());
		assert!(Objections::<T>::contains_key(allocation, objector));
		Ok(())
	}

	/// Upheld: the award is withdrawn and its project key freed.
	#[benchmark]
	fn answer_objection() -> Result<(), BenchmarkError> {
		let (origin, manager) = caller::<T, T::ManagerOrigin>()?;
		let allocation = awarded::<T>(manager, member::<T>("sme", None)?);
		let objector = member::<T>("competitor", None)?;
		Pallet::<T>::do_object(objector, allocation, H256::zero(), H256::zero())
			.map_err(|_| BenchmarkError::Weightless)?;
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, allocation, objector, H256::zero(), true);
		assert_eq!(Publicities::<T>::get(allocation).map(|p| p.withdrawn), Some(true));
		Ok(())
	}

	/// The expense's second disallowance: its obligation and what the enterprise owes grow.
	#[benchmark]
	fn disallow() -> Result<(), BenchmarkError> {
		let (origin, regulator) = caller::<T, T::RegulatorOrigin>()?;
		let allocation = spent::<T>()?;
		Pallet::<T>::do_disallow(
			regulator,
			allocation,
			2,
			1,
			H256::zero(),
			Pallet::<T>::now() + DAY,
		)
		.map_err(|_| BenchmarkError::Weightless)?;
		let due = Pallet::<T>::now() + DAY;
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, allocation, 2, 1, H256::zero(), due);
		assert_eq!(Obligations::<T>::get(allocation).map(|o| o.disallowed), Some(2));
		Ok(())
	}

	/// A partial repayment: the obligation and what the enterprise owes shrink.
	#[benchmark]
	fn record_repayment() -> Result<(), BenchmarkError> {
		let (origin, manager) = caller::<T, T::ManagerOrigin>()?;
		let allocation = spent_of::<T>(manager)?;
		let (_, regulator) = caller::<T, T::RegulatorOrigin>()?;
		Pallet::<T>::do_disallow(
			regulator,
			allocation,
			2,
			2,
			H256::zero(),
			Pallet::<T>::now() + DAY,
		)
		.map_err(|_| BenchmarkError::Weightless)?;
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, allocation, 1, H256::zero());
		assert_eq!(Obligations::<T>::get(allocation).map(|o| o.repaid), Some(1));
		Ok(())
	}

	/// Eight milestones and eight targets.
	#[benchmark]
	fn record_agreement() -> Result<(), BenchmarkError> {
		let (origin, manager) = caller::<T, T::ManagerOrigin>()?;
		let program = program_paid::<T>(manager, rules_paid(PaymentForm::Milestones));
		let allocation = awarded_in::<T>(program, manager, member::<T>("sme", None)?);
		published::<T>(allocation);
		let Agreement { document, milestones, targets } = agreement::<T>();
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, allocation, document, milestones, targets);
		assert!(Agreements::<T>::contains_key(allocation));
		Ok(())
	}

	/// A milestone of an agreement of eight.
	#[benchmark]
	fn accept() -> Result<(), BenchmarkError> {
		let (origin, manager) = caller::<T, T::ManagerOrigin>()?;
		let allocation = agreed::<T>(manager, member::<T>("sme", None)?);
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, allocation, 1_000, H256::zero());
		assert_eq!(Fundings::<T>::get(allocation).released, 1_000);
		Ok(())
	}

	#[benchmark]
	fn contribute() -> Result<(), BenchmarkError> {
		let (origin, enterprise) = caller::<T, T::EnterpriseOrigin>()?;
		let manager = member::<T>("manager", Some(Role::FundManager))?;
		let allocation = allocated::<T>(manager, enterprise, 0);
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, allocation, 1_000, H256::zero());
		assert_eq!(Fundings::<T>::get(allocation).own, BUDGET + 1_000);
		Ok(())
	}

	/// A third party's: every evaluating origin tried, the jurisdiction read, the program's
	/// count of unevaluated awards lowered.
	#[benchmark]
	fn evaluate() -> Result<(), BenchmarkError> {
		let (origin, regulator) = caller::<T, T::RegulatorOrigin>()?;
		let manager = member::<T>("manager", Some(Role::FundManager))?;
		let allocation = allocated::<T>(manager, member::<T>("sme", None)?, 1_000);
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, allocation, 95, H256::zero());
		let evaluation = Evaluations::<T>::get(allocation, Evaluator::ThirdParty);
		assert_eq!(evaluation.map(|e| (e.by, e.grade)), Some((regulator, Grade::Excellent)));
		Ok(())
	}

	#[benchmark]
	fn designate_bank() -> Result<(), BenchmarkError> {
		let (origin, enterprise) = caller::<T, T::EnterpriseOrigin>()?;
		let bank =
			T::Membership::make_member(&account("bank", 0, 0), OrgKind::FinancialInstitution, None);
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, bank);
		assert_eq!(crate::pallet::AccountBanks::<T>::get(enterprise), Some(bank));
		Ok(())
	}

	/// A tranche received: the award's confirmed money grows.
	#[benchmark]
	fn confirm_movement() -> Result<(), BenchmarkError> {
		let (origin, bank) = caller::<T, T::BankOrigin>()?;
		let manager = member::<T>("manager", Some(Role::FundManager))?;
		let enterprise = member::<T>("sme", None)?;
		Pallet::<T>::do_designate_bank(enterprise, bank).map_err(|_| BenchmarkError::Weightless)?;
		let allocation = allocated::<T>(manager, enterprise, 1_000);
		let entry = Allocations::<T>::get(allocation).map(|a| a.entries - 1).unwrap_or_default();
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, allocation, entry);
		assert_eq!(Fundings::<T>::get(allocation).confirmed, 1_000);
		Ok(())
	}

	impl_benchmark_test_suite!(
		Pallet,
		crate::mock::ExtBuilder::default().build(),
		crate::mock::Test
	);
}
