//! Statements the runtime API serves.

use super::*;

impl<T: Config> Pallet<T> {
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

	/// Runtime API: a program, its terms, and up to `limit` of its awards after
	/// `start_after`, as published (公示).
	pub fn program_awards(
		id: ProgramId,
		start_after: Option<AllocationId>,
		limit: u32,
	) -> Option<(ProgramOf, Option<Terms>, Vec<Award>)> {
		let program = Programs::<T>::get(id)?;
		let ids = paging::keys_after::<AllocationsByProgram<T>, _, _, _>(id, start_after, limit);
		let awards = Self::with_allocations(ids)
			.into_iter()
			.map(|(allocation, a)| Self::award(allocation, &a))
			.collect();
		Some((program, ProgramTerms::<T>::get(id), awards))
	}

	/// An award as the public sees it.
	fn award(id: AllocationId, allocation: &Allocation) -> Award {
		Award {
			allocation: id,
			enterprise: allocation.enterprise,
			approved: allocation.approved,
			disbursed: allocation.disbursed,
			publicity: Publicities::<T>::get(id),
			spent: allocation.spent,
			own: Fundings::<T>::get(id).own,
			confirmed: Fundings::<T>::get(id).confirmed,
			evaluation: Self::decisive_evaluation(id),
		}
	}

	/// Runtime API: up to `limit` of an enterprise's awards after `start_after`, each with its
	/// program, as published (公示) and evaluated — the public's view of one enterprise.
	pub fn enterprise_awards(
		org: OrgId,
		start_after: Option<AllocationId>,
		limit: u32,
	) -> Vec<(ProgramId, Award)> {
		let ids =
			paging::keys_after::<AllocationsByEnterprise<T>, _, _, _>(org, start_after, limit);
		Self::with_allocations(ids)
			.into_iter()
			.map(|(id, a)| (a.program, Self::award(id, &a)))
			.collect()
	}

	/// Runtime API: an award's agreement (milestones, targets), its acceptances and own
	/// money, and its evaluations (the recipient's, the manager's, the third party's, in this
	/// order).
	pub fn award_progress(
		id: AllocationId,
	) -> Option<(Option<Agreement>, Funding, Vec<(Evaluator, Evaluation)>)> {
		Allocations::<T>::contains_key(id).then(|| {
			let evaluations = [Evaluator::Recipient, Evaluator::Manager, Evaluator::ThirdParty]
				.into_iter()
				.filter_map(|who| Evaluations::<T>::get(id, who).map(|e| (who, e)))
				.collect();
			(Agreements::<T>::get(id), Fundings::<T>::get(id), evaluations)
		})
	}

	/// Runtime API: an allocation's repayment obligation.
	pub fn obligation(allocation: AllocationId) -> Option<Obligation> {
		Obligations::<T>::get(allocation)
	}

	/// Runtime API: the objections to an award (at most [`crate::MAX_OBJECTIONS`]), each with
	/// its objector and the manager's answer.
	pub fn objections(allocation: AllocationId) -> Vec<(OrgId, Objection)> {
		Objections::<T>::iter_prefix(allocation).take(usize::from(crate::MAX_OBJECTIONS)).collect()
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
}

impl<T: Config> Pallet<T> {
	/// The enterprises holding allocations of `program`, after allocation `after`, at most
	/// `limit` allocations read, in the index's order (an enterprise once per allocation): a
	/// random inspection's population by program (`RecordSet::FundProgram`).
	pub fn recipients(
		program: ProgramId,
		after: Option<AllocationId>,
		limit: u32,
	) -> Vec<(AllocationId, OrgId)> {
		let ids: Vec<AllocationId> = match after {
			Some(after) => {
				let from = AllocationsByProgram::<T>::hashed_key_for(program, after);
				AllocationsByProgram::<T>::iter_key_prefix_from(program, from)
					.take(limit as usize)
					.collect()
			},
			None => {
				AllocationsByProgram::<T>::iter_key_prefix(program).take(limit as usize).collect()
			},
		};
		ids.into_iter()
			.filter_map(|id| Allocations::<T>::get(id).map(|a| (id, a.enterprise)))
			.collect()
	}
}
