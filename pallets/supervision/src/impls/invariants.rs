//! `try_state`: the invariants the crate docs list, each checked by name.

use crate::{pallet::*, types::*};
use frame_support::ensure;
use regchain_primitives::{CreditStanding, OrgId};

impl<T: Config> Pallet<T> {
	/// Checks the invariants the crate docs list; names the one that broke.
	pub fn do_try_state() -> Result<(), sp_runtime::TryRuntimeError> {
		let next = NextCaseId::<T>::get();
		for (id, case) in Cases::<T>::iter() {
			ensure!(id < next, "a case id at or above NextCaseId");
			ensure!(case.steps <= MAX_STEPS, "a case history past MAX_STEPS");
			ensure!(case.statements <= MAX_STATEMENTS, "statements past MAX_STATEMENTS");
			let stored = Steps::<T>::iter_prefix(id).count() as u32;
			ensure!(stored == case.steps, "a case history not of its step count");
			ensure!(case.steps == 0 || Steps::<T>::contains_key(id, case.steps - 1), "a gap");
			ensure!(CasesBySubject::<T>::contains_key(case.subject, id), "a case not indexed");
			ensure!(case.agencies.first() == Some(&case.lead), "a lead not first");
			for (i, a) in case.agencies.iter().enumerate() {
				ensure!(!case.agencies[..i].contains(a), "an agency twice");
				let indexed = OpenCasesByAgency::<T>::contains_key(a, id);
				ensure!(indexed == case.is_open(), "an agency index not of the case's status");
			}
			for (i, r) in case.records.iter().enumerate() {
				ensure!(!case.records[..i].contains(r), "a record twice");
			}
			for made in case.freezes.iter() {
				ensure!(case.records.contains(&made.record), "a case freeze of no case record");
			}
			ensure!(case.is_open() || case.freezes.is_empty(), "a closed case holding a freeze");
			if let Some(a) = case.penalty.as_ref().and_then(|p| p.appeal.as_ref().map(|a| (p, a))) {
				ensure!(a.1.at <= a.0.appeal_until, "an appeal after its period");
			}
		}
		let mut subjects = alloc::collections::BTreeSet::new();
		for (subject, id, ()) in CasesBySubject::<T>::iter() {
			let found = Cases::<T>::get(id).is_some_and(|c| c.subject == subject);
			ensure!(found, "a subject index entry of no such case");
			subjects.insert(subject);
		}
		for subject in subjects {
			for listing in <T::Discipline as CreditStanding>::listings(subject) {
				let Some(case) = listing.case else { continue };
				let matches = Cases::<T>::get(case).is_some_and(|c| {
					c.subject == subject
						&& c.penalty.is_some_and(|p| {
							p.listing == Some(listing.attestation) && p.stands() && !p.repaired()
						})
				});
				ensure!(matches, "a listing of a case whose penalty does not stand listed");
			}
		}
		for (agency, id, ()) in OpenCasesByAgency::<T>::iter() {
			let found = Cases::<T>::get(id).is_some_and(|c| c.agencies.contains(&agency));
			ensure!(found, "an agency index entry of no such case");
		}
		let mut open = alloc::collections::BTreeMap::<OrgId, u32>::new();
		for case in Cases::<T>::iter_values().filter(Case::is_open) {
			*open.entry(case.subject).or_default() += 1;
		}
		let counted: alloc::collections::BTreeMap<OrgId, u32> =
			OpenCaseCount::<T>::iter().collect();
		ensure!(open == counted, "an open-case count not of the subject's open cases");
		Self::plans_try_state()
	}

	/// The inspection plans' invariants.
	fn plans_try_state() -> Result<(), sp_runtime::TryRuntimeError> {
		let next = NextPlanId::<T>::get();
		let pending = PendingAnchors::<T>::get();
		ensure!(pending.windows(2).all(|w| w[0].0 <= w[1].0), "pending anchors out of order");
		let mut pending_of: alloc::collections::BTreeMap<OrgId, u32> = Default::default();
		for (id, plan) in Plans::<T>::iter() {
			if plan.anchor.is_none() {
				*pending_of.entry(plan.lead).or_default() += 1;
			}
			ensure!(id < next, "a plan id at or above NextPlanId");
			ensure!(
				plan.participants.first().map(|p| p.agency) == Some(plan.lead),
				"a plan's lead not first"
			);
			for (i, p) in plan.participants.iter().enumerate() {
				ensure!(
					!plan.participants[..i].iter().any(|q| q.agency == p.agency),
					"a participant twice"
				);
				ensure!(
					PlansByAgency::<T>::contains_key(p.agency, id),
					"a participant not indexed"
				);
				ensure!(
					!p.excluded || p.secret.is_none(),
					"an agency excluded although it revealed"
				);
			}
			let waiting = pending.iter().any(|(_, p)| *p == id);
			ensure!(
				waiting == plan.anchor.is_none(),
				"a plan without its anchor not waiting for it"
			);
			ensure!(
				Population::<T>::iter_prefix(id).count() as u32 == plan.population
					&& plan.population <= MAX_POPULATION,
				"a population not of its count"
			);
			if plan.records.is_some_and(|set| set.indexed()) {
				let mut read: alloc::vec::Vec<OrgId> =
					Population::<T>::iter_prefix_values(id).map(|(org, _)| org).collect();
				read.sort();
				let listed: alloc::vec::Vec<OrgId> = InPopulation::<T>::iter_key_prefix(id)
					.collect::<alloc::collections::BTreeSet<_>>()
					.into_iter()
					.collect();
				ensure!(read == listed, "a record set's population not as marked");
			} else {
				ensure!(
					InPopulation::<T>::iter_key_prefix(id).next().is_none(),
					"a population marked outside a record set"
				);
			}
			ensure!(
				Inspectors::<T>::iter_prefix(id).count() as u32 == plan.inspectors
					&& plan.inspectors <= MAX_INSPECTORS,
				"a pool not of its count"
			);
			let mut results = 0u32;
			let mut targets = 0u32;
			for (_, target) in Targets::<T>::iter_prefix(id) {
				targets += 1;
				results += u32::from(target.result.is_some());
				for (i, inspector) in target.inspectors.iter().enumerate() {
					ensure!(*inspector < plan.inspectors, "an inspector outside the pool");
					ensure!(!target.inspectors[..i].contains(inspector), "an inspector twice");
					ensure!(!target.recused.contains(inspector), "a recused inspector assigned");
				}
			}
			ensure!(
				targets == plan.targets && targets <= MAX_TARGETS,
				"targets not of their count"
			);
			ensure!(results == plan.results, "results not of their count");
			let drawn = matches!(plan.status, PlanStatus::Drawn | PlanStatus::Closed);
			ensure!(drawn || targets == 0, "targets of a plan not drawn");
			ensure!(
				plan.status != PlanStatus::Drawn || plan.seed.is_some(),
				"a drawn plan without its seed"
			);
			let drawing = matches!(plan.status, PlanStatus::Drawing { .. });
			ensure!(drawing || !Leaders::<T>::contains_key(id), "leaders of a plan not drawing");
		}
		for (agency, id, ()) in PlansByAgency::<T>::iter() {
			let found = Plans::<T>::get(id).is_some_and(|p| p.has_participant(agency));
			ensure!(found, "a plan index entry of no such participant");
		}
		let counted: alloc::collections::BTreeMap<OrgId, u32> =
			PendingPlansOf::<T>::iter().collect();
		ensure!(counted == pending_of, "a pending-plan count not of the agency's pending plans");
		for (plan, index, case) in FindingCases::<T>::iter() {
			let target = Targets::<T>::get(plan, index).ok_or("a finding's case of no target")?;
			let findings =
				matches!(target.result.map(|r| r.outcome), Some(Outcome::Findings { .. }));
			let about = Cases::<T>::get(case).is_some_and(|c| c.subject == target.org);
			ensure!(findings && about, "a finding's case not about the target's findings");
		}
		Ok(())
	}
}
