//! Applications: apply, approve or reject.

use super::*;

impl<T: Config> Pallet<T> {
	pub(crate) fn do_apply(
		applicant: OrgId,
		program_id: ProgramId,
		requested: Fen,
		document: H256,
		project: H256,
	) -> DispatchResult {
		let program = Self::program(program_id)?;
		ensure!(program.status == ProgramStatus::Open, Error::<T>::ProgramClosed);
		let now = Self::now();
		ensure!(program.apply_from <= now && now < program.apply_until, Error::<T>::OutsideWindow);
		ensure!(!requested.is_zero(), Error::<T>::ZeroAmount);
		// Before the appropriation the budget is not known yet: the cap per applicant bounds the
		// request then.
		ensure!(program.budget.is_zero() || requested <= program.budget, Error::<T>::ExceedsBudget);
		Self::ensure_eligible(program_id, applicant, requested)?;
		Freezes::<AccountRecords<T>>::ensure_not_frozen(applicant)?;
		let barred =
			<T::Standing as regchain_primitives::CreditStanding>::barred_from_funding(applicant);
		ensure!(barred.is_none(), Error::<T>::ApplicantListed);
		Self::ensure_nothing_owed(applicant)?;
		ensure!(!Projects::<T>::contains_key(project), Error::<T>::DuplicateProject);
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
		Projects::<T>::insert(project, application);
		ApplicationProjects::<T>::insert(application, project);
		Self::deposit_event(Event::Applied {
			application,
			program: program_id,
			applicant,
			requested,
		});
		Ok(())
	}

	/// The program's eligibility, checked in the guide's order: kind, division, roles, then
	/// the cap on what one applicant is granted (already granted plus `requested`). A program
	/// without terms takes any enterprise.
	fn ensure_eligible(program: ProgramId, applicant: OrgId, requested: Fen) -> DispatchResult {
		let eligibility = ProgramTerms::<T>::get(program)
			.map_or_else(Eligibility::any_enterprise, |terms| terms.eligibility);
		let kind = T::Membership::kind(applicant).ok_or(Error::<T>::OrganizationNotFound)?;
		ensure!(eligibility.kinds.contains(kind), Error::<T>::IneligibleKind);
		if !eligibility.regions.is_empty() {
			let region =
				T::Membership::region(applicant).ok_or(Error::<T>::OrganizationNotFound)?;
			ensure!(
				eligibility.regions.iter().any(|division| division.covers(&region)),
				Error::<T>::IneligibleRegion
			);
		}
		let roles = T::Membership::roles(applicant).unwrap_or_default();
		ensure!(eligibility.roles.iter().all(|role| roles.contains(role)), Error::<T>::MissingRole);
		Self::ensure_within_cap(&eligibility, program, applicant, requested)
	}

	/// `amount` more for `applicant` stays within the program's cap per applicant.
	fn ensure_within_cap(
		eligibility: &Eligibility,
		program: ProgramId,
		applicant: OrgId,
		amount: Fen,
	) -> DispatchResult {
		if let Some(cap) = eligibility.max_per_applicant {
			let granted = Self::add(Awarded::<T>::get(program, applicant), amount)?;
			ensure!(granted <= cap, Error::<T>::ExceedsPerApplicant);
		}
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

	/// Approves an application for `amount`: its allocation is opened, published for the
	/// program's publicity days before it may be paid.
	pub(crate) fn do_approve(manager: OrgId, id: AllocationId, amount: Fen) -> DispatchResult {
		let (mut application, mut program) = Self::decidable(manager, id)?;
		Self::ensure_running(&program)?;
		ensure!(!amount.is_zero(), Error::<T>::ZeroAmount);
		ensure!(amount <= application.requested, Error::<T>::ExceedsRequest);
		ensure!(!program.budget.is_zero(), Error::<T>::NotAppropriated);
		let approved = Self::add(program.approved, amount)?;
		ensure!(approved <= program.budget, Error::<T>::ExceedsBudget);
		let now = Self::now();
		let (program_id, enterprise) = (application.program, application.applicant);
		let until = match ProgramTerms::<T>::get(program_id) {
			Some(terms) => {
				Self::ensure_within_cap(&terms.eligibility, program_id, enterprise, amount)?;
				let days = Moment::from(terms.publicity_days);
				let until = days
					.checked_mul(regchain_primitives::time::DAY)
					.and_then(|length| now.checked_add(length))
					.ok_or(Error::<T>::Overflow)?;
				ensure!(until < program.ends_at, Error::<T>::PublicityBeyondEnd);
				let granted = Self::add(Awarded::<T>::get(program_id, enterprise), amount)?;
				Awarded::<T>::insert(program_id, enterprise, granted);
				let publicity = Publicity { until, objections: 0, unanswered: 0, withdrawn: false };
				Publicities::<T>::insert(id, publicity);
				until
			},
			None => now,
		};
		let mut allocation = Allocation {
			program: program_id,
			enterprise,
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
		AllocationsByProgram::<T>::insert(program_id, id, ());
		AllocationsByEnterprise::<T>::insert(enterprise, id, ());
		Programs::<T>::insert(program_id, program);
		Self::deposit_event(Event::Approved {
			allocation: id,
			program: program_id,
			enterprise,
			amount,
			until,
		});
		Applications::<T>::insert(id, application);
		Ok(())
	}

	/// Rejects an application, with the hash of the reason; its project may apply again.
	pub(crate) fn do_reject(manager: OrgId, id: AllocationId, reason: H256) -> DispatchResult {
		let (mut application, _) = Self::decidable(manager, id)?;
		application.status = ApplicationStatus::Rejected { reason };
		Applications::<T>::insert(id, application);
		Self::release_project(id);
		Self::deposit_event(Event::ApplicationRejected { application: id, reason });
		Ok(())
	}

	/// Frees the project key of an application that is no longer live (rejected, or its award
	/// withdrawn): the project may apply again, here or elsewhere.
	pub(crate) fn release_project(id: AllocationId) {
		if let Some(project) = ApplicationProjects::<T>::get(id) {
			if Projects::<T>::get(project) == Some(id) {
				Projects::<T>::remove(project);
			}
		}
	}
}
