//! Publicity (公示): an award is published before it is paid; members object, the fund manager
//! answers each objection, and an upheld one withdraws the award.

use super::*;

impl<T: Config> Pallet<T> {
	/// An award open to objections: in its publicity, not withdrawn.
	fn published(id: AllocationId) -> Result<(Allocation, Publicity), DispatchError> {
		let allocation = Self::allocation(id)?;
		let publicity = Publicities::<T>::get(id).ok_or(Error::<T>::NotInPublicity)?;
		ensure!(!publicity.withdrawn, Error::<T>::AwardWithdrawn);
		ensure!(Self::now() < publicity.until, Error::<T>::NotInPublicity);
		Ok((allocation, publicity))
	}

	pub(crate) fn do_object(
		objector: OrgId,
		id: AllocationId,
		reason: H256,
		evidence: H256,
	) -> DispatchResult {
		let (allocation, mut publicity) = Self::published(id)?;
		let manager = Self::program(allocation.program)?.manager;
		ensure!(objector != allocation.enterprise && objector != manager, Error::<T>::OwnAward);
		ensure!(!Objections::<T>::contains_key(id, objector), Error::<T>::AlreadyObjected);
		ensure!(publicity.objections < crate::MAX_OBJECTIONS, Error::<T>::TooManyObjections);
		publicity.objections = publicity.objections.checked_add(1).ok_or(Error::<T>::Overflow)?;
		publicity.unanswered = publicity.unanswered.checked_add(1).ok_or(Error::<T>::Overflow)?;
		let objection = Objection { reason, evidence, at: Self::now(), answer: None };
		Objections::<T>::insert(id, objector, objection);
		Publicities::<T>::insert(id, publicity);
		Self::deposit_event(Event::Objected { allocation: id, by: objector, reason, evidence });
		Ok(())
	}

	pub(crate) fn do_answer_objection(
		manager: OrgId,
		id: AllocationId,
		objector: OrgId,
		answer: H256,
		upheld: bool,
	) -> DispatchResult {
		let mut allocation = Self::allocation(id)?;
		let mut program = Self::managed(manager, allocation.program)?;
		let mut objection =
			Objections::<T>::get(id, objector).ok_or(Error::<T>::ObjectionNotFound)?;
		ensure!(objection.answer.is_none(), Error::<T>::AlreadyAnswered);
		// An objection exists only with the publicity it was raised in.
		let mut publicity = Publicities::<T>::get(id).ok_or(Error::<T>::ObjectionNotFound)?;
		publicity.unanswered = publicity.unanswered.checked_sub(1).ok_or(Error::<T>::Overflow)?;
		objection.answer = Some(ObjectionAnswer { answer, upheld, at: Self::now() });
		let withdrawn = if upheld && !publicity.withdrawn {
			// Objections are raised only during publicity and nothing is paid while one awaits
			// its answer: the whole award is unpaid (checked all the same).
			let amount = allocation.approved;
			ensure!(allocation.disbursed.is_zero(), Error::<T>::ExceedsUnspent);
			program.approved = program.approved.checked_sub(amount).ok_or(Error::<T>::Overflow)?;
			let granted = Awarded::<T>::get(allocation.program, allocation.enterprise);
			let granted = granted.checked_sub(amount).ok_or(Error::<T>::Overflow)?;
			Awarded::<T>::insert(allocation.program, allocation.enterprise, granted);
			allocation.approved = 0;
			Self::push(id, &mut allocation, Movement::Withdrawn { amount, reason: answer })?;
			publicity.withdrawn = true;
			Allocations::<T>::insert(id, allocation);
			Programs::<T>::insert(allocation.program, program);
			Self::release_project(id);
			Some(amount)
		} else {
			None
		};
		Objections::<T>::insert(id, objector, objection);
		Publicities::<T>::insert(id, publicity);
		Self::deposit_event(Event::ObjectionAnswered { allocation: id, objector, answer, upheld });
		if let Some(amount) = withdrawn {
			Self::deposit_event(Event::AwardWithdrawn { allocation: id, amount });
		}
		Ok(())
	}

	/// Money moves only once the award's publicity is over with every objection answered
	/// (awards of programs without terms were never published).
	pub(crate) fn ensure_payable(id: AllocationId) -> DispatchResult {
		let Some(publicity) = Publicities::<T>::get(id) else { return Ok(()) };
		ensure!(!publicity.withdrawn, Error::<T>::AwardWithdrawn);
		ensure!(Self::now() >= publicity.until, Error::<T>::InPublicity);
		ensure!(publicity.unanswered == 0, Error::<T>::ObjectionsUnanswered);
		Ok(())
	}
}
