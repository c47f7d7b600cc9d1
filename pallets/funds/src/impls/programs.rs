//! Programs: creation, budget, closing.

use super::*;

impl<T: Config> Pallet<T> {
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
}

/// Who closes a program: its manager, or a regulator.
pub(crate) enum Closer {
	/// The program's manager.
	Manager(OrgId),
	/// A regulator (finance bureau or auditor).
	Regulator(OrgId),
}
