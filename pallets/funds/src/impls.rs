//! What the calls do, the statements of the runtime API, and the storage invariants.

use crate::{pallet::*, types::*};
use alloc::{collections::BTreeMap, vec::Vec};
use core::marker::PhantomData;
use frame_support::{ensure, pallet_prelude::*};
use regchain_primitives::{
	paging, time::Moment, Claim, Fen, Freeze, FreezeDomain, Freezes, InvoiceClaims, Membership,
	OrgId,
};
use sp_core::H256;
use sp_runtime::traits::Zero;

type ProgramOf = Program<Moment>;

impl<T: Config> Pallet<T> {
	fn add(a: Fen, b: Fen) -> Result<Fen, DispatchError> {
		Ok(a.checked_add(b).ok_or(Error::<T>::Overflow)?)
	}

	/// Now, in on-chain time.
	pub(crate) fn now() -> Moment {
		regchain_primitives::time::now::<T::UnixTime>()
	}

	fn program(id: ProgramId) -> Result<ProgramOf, DispatchError> {
		Ok(Programs::<T>::get(id).ok_or(Error::<T>::ProgramNotFound)?)
	}

	fn allocation(id: AllocationId) -> Result<Allocation, DispatchError> {
		Ok(Allocations::<T>::get(id).ok_or(Error::<T>::AllocationNotFound)?)
	}

	/// The program, if `manager` manages it and it is open.
	fn managed(manager: OrgId, id: ProgramId) -> Result<ProgramOf, DispatchError> {
		let program = Self::program(id)?;
		ensure!(program.manager == manager, Error::<T>::NotManager);
		ensure!(program.status == ProgramStatus::Open, Error::<T>::ProgramClosed);
		Ok(program)
	}

	fn ensure_running(program: &ProgramOf) -> DispatchResult {
		ensure!(program.status == ProgramStatus::Open, Error::<T>::ProgramClosed);
		ensure!(Self::now() < program.ends_at, Error::<T>::ProgramEnded);
		Ok(())
	}

	/// Refuses a change of a frozen allocation, or of any of a frozen account's.
	fn ensure_not_frozen(id: AllocationId, allocation: &Allocation) -> DispatchResult {
		Freezes::<AllocationRecords<T>>::ensure_not_frozen(id)?;
		Ok(Freezes::<AccountRecords<T>>::ensure_not_frozen(allocation.enterprise)?)
	}

	/// Appends a movement to an allocation's ledger (the caller stores the allocation).
	fn push(id: AllocationId, allocation: &mut Allocation, movement: Movement) -> DispatchResult {
		let index = allocation.entries;
		allocation.entries = index.checked_add(1).ok_or(Error::<T>::Overflow)?;
		Ledger::<T>::insert(id, index, LedgerEntry { at: Self::now(), movement });
		Ok(())
	}

	pub(crate) fn do_create_program(
		manager: OrgId,
		policy: H256,
		budget: Fen,
		categories: Categories,
		apply_from: Moment,
		apply_until: Moment,
		ends_at: Moment,
	) -> DispatchResult {
		ensure!(!budget.is_zero(), Error::<T>::ZeroAmount);
		ensure!(categories.0 != 0, Error::<T>::NoCategories);
		ensure!(
			apply_from < apply_until && apply_until <= ends_at && ends_at > Self::now(),
			Error::<T>::InvalidSchedule
		);
		let program = NextProgramId::<T>::get();
		NextProgramId::<T>::put(program.checked_add(1).ok_or(Error::<T>::Overflow)?);
		Programs::<T>::insert(
			program,
			Program {
				manager,
				policy,
				budget,
				categories,
				apply_from,
				apply_until,
				ends_at,
				status: ProgramStatus::Open,
				approved: 0,
				disbursed: 0,
				spent: 0,
				clawed_back: 0,
			},
		);
		Self::deposit_event(Event::ProgramCreated { program, manager, budget, policy });
		Ok(())
	}

	pub(crate) fn do_set_budget(manager: OrgId, id: ProgramId, budget: Fen) -> DispatchResult {
		let mut program = Self::managed(manager, id)?;
		ensure!(!budget.is_zero(), Error::<T>::ZeroAmount);
		ensure!(budget >= program.approved, Error::<T>::BudgetBelowApproved);
		program.budget = budget;
		Programs::<T>::insert(id, program);
		Self::deposit_event(Event::BudgetChanged { program: id, budget });
		Ok(())
	}

	/// Closes a program, by its manager or by a regulator of the manager's jurisdiction.
	pub(crate) fn do_close_program(
		closer: Closer,
		id: ProgramId,
		statement: H256,
	) -> DispatchResult {
		let mut program = match closer {
			Closer::Manager(manager) => Self::managed(manager, id)?,
			Closer::Regulator(regulator) => {
				let program = Self::program(id)?;
				T::Membership::ensure_jurisdiction(regulator, program.manager)
					.map_err(Error::<T>::from)?;
				program
			},
		};
		ensure!(program.status == ProgramStatus::Open, Error::<T>::ProgramClosed);
		program.status = ProgramStatus::Closed { statement };
		Programs::<T>::insert(id, program);
		Self::deposit_event(Event::ProgramClosed { program: id, statement });
		Ok(())
	}

	pub(crate) fn do_apply(
		applicant: OrgId,
		program_id: ProgramId,
		requested: Fen,
		document: H256,
	) -> DispatchResult {
		let program = Self::program(program_id)?;
		ensure!(program.status == ProgramStatus::Open, Error::<T>::ProgramClosed);
		let now = Self::now();
		ensure!(program.apply_from <= now && now < program.apply_until, Error::<T>::OutsideWindow);
		ensure!(!requested.is_zero(), Error::<T>::ZeroAmount);
		ensure!(requested <= program.budget, Error::<T>::ExceedsBudget);
		Freezes::<AccountRecords<T>>::ensure_not_frozen(applicant)?;
		let barred =
			<T::Standing as regchain_primitives::CreditStanding>::barred_from_funding(applicant);
		ensure!(barred.is_none(), Error::<T>::ApplicantListed);
		let application = NextApplicationId::<T>::get();
		NextApplicationId::<T>::put(application.checked_add(1).ok_or(Error::<T>::Overflow)?);
		Applications::<T>::insert(
			application,
			Application {
				program: program_id,
				applicant,
				requested,
				document,
				status: ApplicationStatus::Pending,
			},
		);
		Self::deposit_event(Event::Applied {
			application,
			program: program_id,
			applicant,
			requested,
		});
		Ok(())
	}

	/// A pending application that `manager` may decide: in its program, not its own.
	fn decidable(
		manager: OrgId,
		id: AllocationId,
	) -> Result<(Application, ProgramOf), DispatchError> {
		let application = Applications::<T>::get(id).ok_or(Error::<T>::ApplicationNotFound)?;
		ensure!(application.status == ApplicationStatus::Pending, Error::<T>::NotPending);
		let program = Self::managed(manager, application.program)?;
		// Roles by kind keep enterprises from managing funds; this keeps any manager from
		// deciding its own organization's application, whatever the consortium allows.
		ensure!(application.applicant != manager, Error::<T>::OwnApplication);
		Ok((application, program))
	}

	/// Approves an application for `amount`: its allocation is opened.
	pub(crate) fn do_approve(manager: OrgId, id: AllocationId, amount: Fen) -> DispatchResult {
		let (mut application, mut program) = Self::decidable(manager, id)?;
		Self::ensure_running(&program)?;
		ensure!(!amount.is_zero(), Error::<T>::ZeroAmount);
		ensure!(amount <= application.requested, Error::<T>::ExceedsRequest);
		let approved = Self::add(program.approved, amount)?;
		ensure!(approved <= program.budget, Error::<T>::ExceedsBudget);
		let mut allocation = Allocation {
			program: application.program,
			enterprise: application.applicant,
			approved: amount,
			disbursed: 0,
			spent: 0,
			clawed_back: 0,
			entries: 0,
		};
		Self::push(id, &mut allocation, Movement::Approved { amount })?;
		program.approved = approved;
		application.status = ApplicationStatus::Approved;
		Allocations::<T>::insert(id, allocation);
		AllocationsByProgram::<T>::insert(application.program, id, ());
		AllocationsByEnterprise::<T>::insert(application.applicant, id, ());
		Programs::<T>::insert(application.program, program);
		Self::deposit_event(Event::Approved {
			allocation: id,
			program: application.program,
			enterprise: application.applicant,
			amount,
		});
		Applications::<T>::insert(id, application);
		Ok(())
	}

	/// Rejects an application, with the hash of the reason.
	pub(crate) fn do_reject(manager: OrgId, id: AllocationId, reason: H256) -> DispatchResult {
		let (mut application, _) = Self::decidable(manager, id)?;
		application.status = ApplicationStatus::Rejected { reason };
		Applications::<T>::insert(id, application);
		Self::deposit_event(Event::ApplicationRejected { application: id, reason });
		Ok(())
	}

	pub(crate) fn do_disburse(
		manager: OrgId,
		id: AllocationId,
		amount: Fen,
		transfer: H256,
	) -> DispatchResult {
		let mut allocation = Self::allocation(id)?;
		let mut program = Self::managed(manager, allocation.program)?;
		Self::ensure_running(&program)?;
		Self::ensure_not_frozen(id, &allocation)?;
		ensure!(!amount.is_zero(), Error::<T>::ZeroAmount);
		let disbursed = Self::add(allocation.disbursed, amount)?;
		ensure!(disbursed <= allocation.approved, Error::<T>::ExceedsApproved);
		program.disbursed = Self::add(program.disbursed, amount)?;
		allocation.disbursed = disbursed;
		Self::push(id, &mut allocation, Movement::Disbursed { amount, transfer })?;
		Allocations::<T>::insert(id, allocation);
		Programs::<T>::insert(allocation.program, program);
		Self::deposit_event(Event::Disbursed { allocation: id, amount, transfer });
		Ok(())
	}

	pub(crate) fn do_record_expense(
		enterprise: OrgId,
		id: AllocationId,
		movement: Movement,
	) -> DispatchResult {
		let Movement::Spent { amount, category, invoice, .. } = movement else {
			return Err(DispatchError::Other("only an expense is recorded as one"));
		};
		let mut allocation = Self::allocation(id)?;
		ensure!(allocation.enterprise == enterprise, Error::<T>::NotRecipient);
		let mut program = Self::program(allocation.program)?;
		Self::ensure_running(&program)?;
		Self::ensure_not_frozen(id, &allocation)?;
		ensure!(!amount.is_zero(), Error::<T>::ZeroAmount);
		ensure!(program.categories.contains(category), Error::<T>::IneligibleCategory);
		let spent = Self::add(allocation.spent, amount)?;
		ensure!(
			Self::add(spent, allocation.clawed_back)? <= allocation.disbursed,
			Error::<T>::ExceedsDisbursed
		);
		program.spent = Self::add(program.spent, amount)?;
		if let Some(invoice) = invoice {
			let claim = Claim::new(crate::FUND_EXPENSE, id.into());
			T::Invoices::claim(invoice, enterprise, amount, claim)?;
		}
		allocation.spent = spent;
		Self::push(id, &mut allocation, movement)?;
		Allocations::<T>::insert(id, allocation);
		Programs::<T>::insert(allocation.program, program);
		Self::deposit_event(Event::ExpenseRecorded { allocation: id, amount, category, invoice });
		Ok(())
	}

	pub(crate) fn do_freeze(
		regulator: OrgId,
		target: FreezeTarget,
		reason: H256,
	) -> DispatchResult {
		match target {
			FreezeTarget::Allocation(id) => {
				Freezes::<AllocationRecords<T>>::freeze(regulator, id, reason).map(|_| ())
			},
			FreezeTarget::Account(org) => {
				Freezes::<AccountRecords<T>>::freeze(regulator, org, reason).map(|_| ())
			},
		}
	}

	pub(crate) fn do_unfreeze(regulator: OrgId, target: FreezeTarget) -> DispatchResult {
		match target {
			FreezeTarget::Allocation(id) => {
				Freezes::<AllocationRecords<T>>::unfreeze(regulator, id).map(|_| ())
			},
			FreezeTarget::Account(org) => {
				Freezes::<AccountRecords<T>>::unfreeze(regulator, org).map(|_| ())
			},
		}
	}

	pub(crate) fn do_claw_back(
		regulator: OrgId,
		id: AllocationId,
		amount: Fen,
		reason: H256,
	) -> DispatchResult {
		let mut allocation = Self::allocation(id)?;
		T::Membership::ensure_jurisdiction(regulator, allocation.enterprise)
			.map_err(Error::<T>::from)?;
		let mut program = Self::program(allocation.program)?;
		ensure!(!amount.is_zero(), Error::<T>::ZeroAmount);
		ensure!(allocation.unspent().unwrap_or_default() >= amount, Error::<T>::ExceedsUnspent);
		allocation.clawed_back = Self::add(allocation.clawed_back, amount)?;
		program.clawed_back = Self::add(program.clawed_back, amount)?;
		Self::push(id, &mut allocation, Movement::ClawedBack { amount, reason })?;
		Allocations::<T>::insert(id, allocation);
		Programs::<T>::insert(allocation.program, program);
		Self::deposit_event(Event::ClawedBack { allocation: id, amount, reason });
		Ok(())
	}

	/// Runtime API: up to `limit` (at most [`paging::QUERY_LIMIT`]) allocations of an enterprise's
	/// special account, after `start_after`.
	pub fn enterprise_statement(
		org: OrgId,
		start_after: Option<AllocationId>,
		limit: u32,
	) -> Vec<(AllocationId, Allocation)> {
		let ids =
			paging::keys_after::<AllocationsByEnterprise<T>, _, _, _>(org, start_after, limit);
		Self::with_allocations(ids)
	}

	/// Runtime API: a program and up to `limit` of its allocations, after `start_after`.
	pub fn program_statement(
		id: ProgramId,
		start_after: Option<AllocationId>,
		limit: u32,
	) -> Option<(ProgramOf, Vec<(AllocationId, Allocation)>)> {
		let program = Programs::<T>::get(id)?;
		let ids = paging::keys_after::<AllocationsByProgram<T>, _, _, _>(id, start_after, limit);
		Some((program, Self::with_allocations(ids)))
	}

	fn with_allocations(ids: Vec<AllocationId>) -> Vec<(AllocationId, Allocation)> {
		ids.into_iter().filter_map(|id| Allocations::<T>::get(id).map(|a| (id, a))).collect()
	}

	/// Runtime API: an allocation and up to `limit` entries of its ledger from entry `from`.
	pub fn allocation_history(
		id: AllocationId,
		from: u32,
		limit: u32,
	) -> Option<(Allocation, Vec<LedgerEntry<Moment>>)> {
		let allocation = Allocations::<T>::get(id)?;
		let end = paging::page_end(from, limit, allocation.entries);
		let entries = (from..end).filter_map(|i| Ledger::<T>::get(id, i)).collect();
		Some((allocation, entries))
	}

	/// Up to `limit` (at most [`paging::QUERY_LIMIT`]) of the frozen allocations, after
	/// `start_after`, each with its enterprise and freeze.
	pub fn frozen_allocations(
		start_after: Option<AllocationId>,
		limit: u32,
	) -> Vec<regchain_primitives::FrozenRecord> {
		Freezes::<AllocationRecords<T>>::listing(start_after, limit)
	}

	/// Up to `limit` (at most [`paging::QUERY_LIMIT`]) of the frozen special accounts, after
	/// `start_after`.
	pub fn frozen_accounts(
		start_after: Option<OrgId>,
		limit: u32,
	) -> Vec<regchain_primitives::FrozenRecord> {
		Freezes::<AccountRecords<T>>::listing(start_after, limit)
	}

	/// The storage invariants of the module doc; run after every test and by `try-runtime`.
	pub fn do_try_state() -> Result<(), sp_runtime::TryRuntimeError> {
		Freezes::<AllocationRecords<T>>::check()?;
		Freezes::<AccountRecords<T>>::check()?;
		let mut sums: BTreeMap<ProgramId, [Fen; 4]> = BTreeMap::new();
		for (id, allocation) in Allocations::<T>::iter() {
			let mut totals = [0 as Fen; 4];
			let mut frozen = false;
			for index in 0..allocation.entries {
				let entry = Ledger::<T>::get(id, index).ok_or("a ledger entry is missing")?;
				let (slot, amount) = match entry.movement {
					Movement::Approved { amount } => (0, amount),
					Movement::Disbursed { amount, .. } => (1, amount),
					Movement::Spent { amount, .. } => (2, amount),
					Movement::ClawedBack { amount, .. } => (3, amount),
					Movement::Frozen | Movement::Unfrozen => {
						frozen = entry.movement == Movement::Frozen;
						continue;
					},
				};
				totals[slot] = totals[slot].checked_add(amount).ok_or("ledger overflow")?;
			}
			ensure!(
				Ledger::<T>::get(id, allocation.entries).is_none(),
				"a ledger entry beyond the count"
			);
			ensure!(
				totals
					== [
						allocation.approved,
						allocation.disbursed,
						allocation.spent,
						allocation.clawed_back
					],
				"allocation totals differ from its ledger"
			);
			ensure!(
				frozen == FrozenAllocations::<T>::contains_key(id),
				"an allocation's freeze differs from its ledger"
			);
			ensure!(
				allocation
					.spent
					.checked_add(allocation.clawed_back)
					.is_some_and(|used| { used <= allocation.disbursed })
					&& allocation.disbursed <= allocation.approved,
				"spent + clawed back ≤ disbursed ≤ approved is broken"
			);
			ensure!(
				AllocationsByProgram::<T>::contains_key(allocation.program, id)
					&& AllocationsByEnterprise::<T>::contains_key(allocation.enterprise, id),
				"an allocation is not indexed"
			);
			let sum = sums.entry(allocation.program).or_default();
			for (s, t) in sum.iter_mut().zip(totals) {
				*s = s.checked_add(t).ok_or("program totals overflow")?;
			}
		}
		for (id, program) in Programs::<T>::iter() {
			let sum = sums.remove(&id).unwrap_or_default();
			ensure!(
				sum == [program.approved, program.disbursed, program.spent, program.clawed_back],
				"program totals differ from its allocations"
			);
			ensure!(program.approved <= program.budget, "approvals exceed the budget");
		}
		ensure!(sums.is_empty(), "an allocation of no program");
		ensure!(
			AllocationsByProgram::<T>::iter_keys().count() == Allocations::<T>::iter_keys().count(),
			"the program index has extra entries"
		);
		// Applications agree with allocations: approved ones have the allocation of their id,
		// for the same program and enterprise; no other has one.
		for (id, application) in Applications::<T>::iter() {
			match (application.status, Allocations::<T>::get(id)) {
				(ApplicationStatus::Approved, Some(allocation)) => ensure!(
					allocation.program == application.program
						&& allocation.enterprise == application.applicant,
					"an allocation differs from its application"
				),
				(ApplicationStatus::Approved, None) => {
					return Err("an approved application has no allocation".into())
				},
				(_, Some(_)) => return Err("an unapproved application has an allocation".into()),
				(_, None) => {},
			}
		}
		ensure!(
			Allocations::<T>::iter_keys().all(|id| Applications::<T>::contains_key(id)),
			"an allocation has no application"
		);
		// The per-enterprise index lists exactly each enterprise's allocations.
		for (enterprise, id, ()) in AllocationsByEnterprise::<T>::iter() {
			ensure!(
				Allocations::<T>::get(id).is_some_and(|a| a.enterprise == enterprise),
				"the enterprise index names a foreign or missing allocation"
			);
		}
		ensure!(
			AllocationsByEnterprise::<T>::iter_keys().count()
				== Allocations::<T>::iter_keys().count(),
			"the enterprise index has extra entries"
		);
		Ok(())
	}
}

/// Who closes a program: its manager, or a regulator.
pub(crate) enum Closer {
	/// The program's manager.
	Manager(OrgId),
	/// A regulator (finance bureau or auditor).
	Regulator(OrgId),
}

/// An allocation as a record under the one freeze of `regchain-primitives` (domain
/// [`FUND_ALLOCATION`](crate::FUND_ALLOCATION)): a freeze and its lifting are lines of the
/// allocation's ledger.
pub struct AllocationRecords<T>(PhantomData<T>);

impl<T: Config> FreezeDomain for AllocationRecords<T> {
	const DOMAIN: regchain_primitives::ClaimDomain = crate::FUND_ALLOCATION;
	const SUPERVISION: regchain_primitives::Domain = regchain_primitives::Domain::Funds;
	type Key = AllocationId;
	type Map = FrozenAllocations<T>;
	type Error = Error<T>;
	type Clock = T::UnixTime;

	fn subject(id: AllocationId) -> Result<OrgId, DispatchError> {
		Ok(Pallet::<T>::allocation(id)?.enterprise)
	}

	fn ensure_authority(regulator: OrgId, subject: OrgId) -> DispatchResult {
		Ok(T::Membership::ensure_jurisdiction(regulator, subject).map_err(Error::<T>::from)?)
	}

	fn on_frozen(id: AllocationId, freeze: &Freeze) -> DispatchResult {
		let mut allocation = Pallet::<T>::allocation(id)?;
		Pallet::<T>::push(id, &mut allocation, Movement::Frozen)?;
		Allocations::<T>::insert(id, allocation);
		let target = FreezeTarget::Allocation(id);
		Pallet::<T>::deposit_event(Event::Frozen { target, by: freeze.by, reason: freeze.reason });
		Ok(())
	}

	fn on_unfrozen(id: AllocationId, by: OrgId) -> DispatchResult {
		let mut allocation = Pallet::<T>::allocation(id)?;
		Pallet::<T>::push(id, &mut allocation, Movement::Unfrozen)?;
		Allocations::<T>::insert(id, allocation);
		Pallet::<T>::deposit_event(Event::Unfrozen { target: FreezeTarget::Allocation(id), by });
		Ok(())
	}
}

/// An enterprise's whole special account as a record under the one freeze (domain
/// [`FUND_ACCOUNT`](crate::FUND_ACCOUNT)): every allocation of the enterprise, and its
/// applications, stop.
pub struct AccountRecords<T>(PhantomData<T>);

impl<T: Config> FreezeDomain for AccountRecords<T> {
	const DOMAIN: regchain_primitives::ClaimDomain = crate::FUND_ACCOUNT;
	const SUPERVISION: regchain_primitives::Domain = regchain_primitives::Domain::Funds;
	type Key = OrgId;
	type Map = FrozenAccounts<T>;
	type Error = Error<T>;
	type Clock = T::UnixTime;

	/// Every member has a special account: it is about the member.
	fn subject(org: OrgId) -> Result<OrgId, DispatchError> {
		ensure!(T::Membership::region(org).is_some(), Error::<T>::OrganizationNotFound);
		Ok(org)
	}

	fn ensure_authority(regulator: OrgId, subject: OrgId) -> DispatchResult {
		Ok(T::Membership::ensure_jurisdiction(regulator, subject).map_err(Error::<T>::from)?)
	}

	fn on_frozen(org: OrgId, freeze: &Freeze) -> DispatchResult {
		let target = FreezeTarget::Account(org);
		Pallet::<T>::deposit_event(Event::Frozen { target, by: freeze.by, reason: freeze.reason });
		Ok(())
	}

	fn on_unfrozen(org: OrgId, by: OrgId) -> DispatchResult {
		Pallet::<T>::deposit_event(Event::Unfrozen { target: FreezeTarget::Account(org), by });
		Ok(())
	}
}
