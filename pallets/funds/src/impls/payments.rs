//! How awards are paid: agreements with milestones, acceptances releasing tranches, spending
//! verified after the fact, the enterprise's own share.

use super::*;

impl<T: Config> Pallet<T> {
	/// The program's payment rules (a program without terms pays in advance, no share, no
	/// caps).
	pub(crate) fn rules(program: ProgramId) -> PaymentRules {
		ProgramTerms::<T>::get(program).map(|terms| terms.rules).unwrap_or_default()
	}

	/// Rules a program may set: a share the enterprise can meet, caps on its own categories,
	/// one per category, of 1–100 %.
	pub(crate) fn ensure_valid_rules(
		rules: &PaymentRules,
		categories: Categories,
	) -> DispatchResult {
		ensure!(rules.co_funding <= crate::MAX_CO_FUNDING, Error::<T>::InvalidRules);
		let mut capped = Categories::default();
		for cap in &rules.caps {
			ensure!(
				categories.contains(cap.category)
					&& !capped.contains(cap.category)
					&& (1..=100).contains(&cap.percent),
				Error::<T>::InvalidRules
			);
			capped.0 |= 1u32 << cap.category;
		}
		Ok(())
	}

	pub(crate) fn do_record_agreement(
		manager: OrgId,
		id: AllocationId,
		agreement: Agreement,
	) -> DispatchResult {
		let allocation = Self::allocation(id)?;
		let program = Self::managed(manager, allocation.program)?;
		Self::ensure_payable(id)?;
		ensure!(!Agreements::<T>::contains_key(id), Error::<T>::AgreementExists);
		ensure!(allocation.disbursed.is_zero(), Error::<T>::AlreadyPaid);
		let staged = Self::rules(allocation.program).payment == PaymentForm::Milestones;
		ensure!(staged != agreement.milestones.is_empty(), Error::<T>::InvalidAgreement);
		let mut total: Fen = 0;
		let mut after = Self::now();
		for milestone in &agreement.milestones {
			// A milestone is accepted, and its tranche paid, while the program runs.
			ensure!(
				!milestone.amount.is_zero()
					&& milestone.due > after
					&& milestone.due < program.ends_at,
				Error::<T>::InvalidAgreement
			);
			after = milestone.due;
			total = Self::add(total, milestone.amount)?;
		}
		ensure!(total <= allocation.approved, Error::<T>::InvalidAgreement);
		let (document, milestones, targets) =
			(agreement.document, agreement.milestones.len(), agreement.targets.len());
		Agreements::<T>::insert(id, agreement);
		Self::deposit_event(Event::AgreementRecorded {
			allocation: id,
			document,
			milestones: milestones as u32,
			targets: targets as u32,
		});
		Ok(())
	}

	pub(crate) fn do_accept(
		manager: OrgId,
		id: AllocationId,
		amount: Fen,
		report: H256,
	) -> DispatchResult {
		let mut allocation = Self::allocation(id)?;
		let program = Self::managed(manager, allocation.program)?;
		Self::ensure_running(&program)?;
		Self::ensure_payable(id)?;
		ensure!(!amount.is_zero(), Error::<T>::ZeroAmount);
		let mut funding = Fundings::<T>::get(id);
		let released = Self::add(funding.released, amount)?;
		let milestone = match Self::rules(allocation.program).payment {
			PaymentForm::Advance => return Err(Error::<T>::NotStaged.into()),
			PaymentForm::Milestones => {
				let agreement = Agreements::<T>::get(id).ok_or(Error::<T>::NoAgreement)?;
				let index = funding.accepted;
				let milestone = agreement
					.milestones
					.get(usize::from(index))
					.ok_or(Error::<T>::NoMilestoneLeft)?;
				ensure!(amount <= milestone.amount, Error::<T>::ExceedsMilestone);
				funding.accepted = index.checked_add(1).ok_or(Error::<T>::Overflow)?;
				Some(index)
			},
			PaymentForm::AfterTheFact => {
				let disallowed = Obligations::<T>::get(id).map_or(0, |o| o.disallowed);
				let verifiable = allocation.spent.saturating_sub(disallowed);
				ensure!(released <= verifiable, Error::<T>::ExceedsVerified);
				ensure!(released <= allocation.approved, Error::<T>::ExceedsApproved);
				None
			},
		};
		funding.released = released;
		Self::push(id, &mut allocation, Movement::Accepted { amount, report })?;
		Fundings::<T>::insert(id, funding);
		Allocations::<T>::insert(id, allocation);
		Self::deposit_event(Event::Accepted { allocation: id, milestone, amount, report });
		Ok(())
	}

	pub(crate) fn do_contribute(
		enterprise: OrgId,
		id: AllocationId,
		amount: Fen,
		proof: H256,
	) -> DispatchResult {
		let mut allocation = Self::allocation(id)?;
		ensure!(allocation.enterprise == enterprise, Error::<T>::NotRecipient);
		Self::ensure_running(&Self::program(allocation.program)?)?;
		ensure!(
			!Publicities::<T>::get(id).is_some_and(|p| p.withdrawn),
			Error::<T>::AwardWithdrawn
		);
		ensure!(!amount.is_zero(), Error::<T>::ZeroAmount);
		let mut funding = Fundings::<T>::get(id);
		funding.own = Self::add(funding.own, amount)?;
		let (entry, movement) = (allocation.entries, Movement::Contributed { amount, proof });
		Self::push(id, &mut allocation, movement)?;
		Fundings::<T>::insert(id, funding);
		let rules = Self::rules(allocation.program);
		Self::await_bank(id, entry, enterprise, &rules, &movement)?;
		Allocations::<T>::insert(id, allocation);
		Self::deposit_event(Event::Contributed { allocation: id, amount, proof });
		Ok(())
	}

	/// The most of an award its payment form lets be paid now: all of it in advance; the
	/// advance and the accepted milestones' tranches by milestones; the verified spending
	/// after the fact.
	pub(crate) fn payable(
		id: AllocationId,
		allocation: &Allocation,
		rules: &PaymentRules,
	) -> Result<Fen, DispatchError> {
		let released = Fundings::<T>::get(id).released;
		Ok(match rules.payment {
			PaymentForm::Advance => allocation.approved,
			PaymentForm::Milestones => {
				let agreement = Agreements::<T>::get(id).ok_or(Error::<T>::NoAgreement)?;
				let staged = agreement
					.milestones
					.iter()
					.try_fold(0 as Fen, |sum, m| sum.checked_add(m.amount))
					.ok_or(Error::<T>::Overflow)?;
				let advance =
					allocation.approved.checked_sub(staged).ok_or(Error::<T>::Overflow)?;
				Self::add(advance, released)?
			},
			PaymentForm::AfterTheFact => released,
		})
	}

	/// Paying `disbursed` in all keeps the enterprise's own share of its own money plus the
	/// grant paid at the program's co-funding ratio: `own ≥ ratio × (own + disbursed)`.
	pub(crate) fn ensure_co_funded(
		id: AllocationId,
		rules: &PaymentRules,
		disbursed: Fen,
	) -> DispatchResult {
		if rules.co_funding == 0 {
			return Ok(());
		}
		let own = u128::from(Fundings::<T>::get(id).own);
		let ratio = u128::from(rules.co_funding);
		// own / (own + disbursed) ≥ ratio / 100, without division: no overflow in u128 for
		// amounts of u64 fen.
		ensure!(
			own * 100u128.saturating_sub(ratio) >= ratio * u128::from(disbursed),
			Error::<T>::CoFundingShort
		);
		Ok(())
	}

	/// An expense of `amount` in `category` stays within the program's cap on it, if any;
	/// returns the category's new total to store.
	pub(crate) fn capped_spending(
		id: AllocationId,
		allocation: &Allocation,
		rules: &PaymentRules,
		category: Category,
		amount: Fen,
	) -> Result<Option<Fen>, DispatchError> {
		let Some(cap) = rules.caps.iter().find(|cap| cap.category == category) else {
			return Ok(None);
		};
		let spent = Self::add(CategorySpent::<T>::get(id, category), amount)?;
		let limit = u128::from(allocation.approved) * u128::from(cap.percent) / 100;
		ensure!(u128::from(spent) <= limit, Error::<T>::ExceedsCategoryCap);
		Ok(Some(spent))
	}
}
