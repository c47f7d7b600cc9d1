//! Applications: apply, approve or reject.

use super::*;

impl<T: Config> Pallet<T> {
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
}
