//! Performance evaluation (绩效评价): the recipient's self-evaluation, the manager's and a
//! third party's, against the agreement's targets; a program closes once every award that
//! received money has a decisive one.

use super::*;

/// The organizations the caller is, as each origin that may evaluate admits it: the
/// recipient (an applicant), the manager (a fund manager), a third party (a regulator).
pub(crate) struct Evaluators {
	pub enterprise: Option<OrgId>,
	pub manager: Option<OrgId>,
	pub regulator: Option<OrgId>,
}

impl Evaluators {
	/// Whether no origin admitted the caller.
	pub(crate) fn is_empty(&self) -> bool {
		self.enterprise.is_none() && self.manager.is_none() && self.regulator.is_none()
	}
}

impl<T: Config> Pallet<T> {
	pub(crate) fn do_evaluate(
		evaluators: Evaluators,
		id: AllocationId,
		score: u8,
		report: H256,
	) -> DispatchResult {
		let allocation = Self::allocation(id)?;
		let manager = Self::program(allocation.program)?.manager;
		// The finance bureau may be both a program's manager and a regulator: for its own
		// program it evaluates as the manager, never as a third party.
		let (evaluator, by) = if evaluators.enterprise == Some(allocation.enterprise) {
			(Evaluator::Recipient, allocation.enterprise)
		} else if evaluators.manager == Some(manager) {
			(Evaluator::Manager, manager)
		} else if let Some(regulator) = evaluators.regulator.filter(|r| *r != manager) {
			T::Membership::ensure_jurisdiction(regulator, allocation.enterprise)
				.map_err(Error::<T>::from)?;
			(Evaluator::ThirdParty, regulator)
		} else {
			return Err(Error::<T>::NotEvaluator.into());
		};
		ensure!(score <= 100, Error::<T>::InvalidScore);
		ensure!(!allocation.disbursed.is_zero(), Error::<T>::NothingPaid);
		ensure!(!Evaluations::<T>::contains_key(id, evaluator), Error::<T>::AlreadyEvaluated);
		if evaluator != Evaluator::Recipient && Self::decisive_evaluation(id).is_none() {
			Unevaluated::<T>::try_mutate(allocation.program, |n| {
				*n = n.checked_sub(1).ok_or(Error::<T>::Overflow)?;
				Ok::<_, DispatchError>(())
			})?;
		}
		let grade = Grade::of(score);
		let evaluation = Evaluation { by, score, grade, report, at: Self::now() };
		Evaluations::<T>::insert(id, evaluator, evaluation);
		Self::deposit_event(Event::Evaluated {
			allocation: id,
			evaluator,
			by,
			score,
			grade,
			report,
		});
		Ok(())
	}

	/// The award's decisive evaluation: the third party's, else the manager's.
	pub(crate) fn decisive_evaluation(id: AllocationId) -> Option<Evaluation> {
		Evaluations::<T>::get(id, Evaluator::ThirdParty)
			.or_else(|| Evaluations::<T>::get(id, Evaluator::Manager))
	}

	/// The first payment of an award makes it one to evaluate before its program closes.
	pub(crate) fn note_first_payment(program: ProgramId) -> DispatchResult {
		Unevaluated::<T>::try_mutate(program, |n| {
			*n = n.checked_add(1).ok_or(Error::<T>::Overflow)?;
			Ok(())
		})
	}
}
