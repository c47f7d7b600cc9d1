//! Programs: creation with their terms, appropriation, closing.

use super::*;

impl<T: Config> Pallet<T> {
	pub(crate) fn do_create_program(
		manager: OrgId,
		policy: H256,
		categories: Categories,
		schedule: Schedule,
		eligibility: Eligibility,
		publicity_days: Option<u16>,
		rules: PaymentRules,
	) -> DispatchResult {
		let Schedule { apply_from, apply_until, ends_at } = schedule;
		ensure!(categories.0 != 0, Error::<T>::NoCategories);
		ensure!(
			apply_from < apply_until && apply_until <= ends_at && ends_at > Self::now(),
			Error::<T>::InvalidSchedule
		);
		let applicants = [OrgKind::Enterprise, OrgKind::FinancialInstitution];
		ensure!(
			!eligibility.kinds.is_empty()
				&& eligibility.kinds.iter().all(|kind| applicants.contains(&kind))
				&& eligibility.max_per_applicant != Some(0),
			Error::<T>::InvalidEligibility
		);
		let publicity_days = publicity_days.unwrap_or(crate::MIN_PUBLICITY_DAYS);
		ensure!(
			(crate::MIN_PUBLICITY_DAYS..=crate::MAX_PUBLICITY_DAYS).contains(&publicity_days),
			Error::<T>::InvalidPublicity
		);
		Self::ensure_valid_rules(&rules, categories)?;
		let program = NextProgramId::<T>::get();
		NextProgramId::<T>::put(program.checked_add(1).ok_or(Error::<T>::Overflow)?);
		Programs::<T>::insert(
			program,
			Program {
				manager,
				policy,
				budget: 0,
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
		ProgramTerms::<T>::insert(program, Terms { eligibility, publicity_days, rules });
		Self::deposit_event(Event::ProgramCreated { program, manager, policy });
		Ok(())
	}

	/// The finance bureau appropriates (or changes) a program's budget, within its
	/// jurisdiction over the program's manager.
	pub(crate) fn do_set_budget(finance: OrgId, id: ProgramId, budget: Fen) -> DispatchResult {
		let mut program = Self::program(id)?;
		T::Membership::ensure_jurisdiction(finance, program.manager).map_err(Error::<T>::from)?;
		ensure!(program.status == ProgramStatus::Open, Error::<T>::ProgramClosed);
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
		ensure!(Unevaluated::<T>::get(id) == 0, Error::<T>::EvaluationsMissing);
		program.status = ProgramStatus::Closed { statement };
		Programs::<T>::insert(id, program);
		Self::deposit_event(Event::ProgramClosed { program: id, statement });
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

/// A program's dates: applications from `apply_from` until `apply_until`, the end at
/// `ends_at`.
pub(crate) struct Schedule {
	pub apply_from: Moment,
	pub apply_until: Moment,
	pub ends_at: Moment,
}
