//! Queries the runtime API serves.

use crate::{pallet::*, types::*};
use alloc::vec::Vec;
use regchain_primitives::{paging, time, DisciplineKind, OrgId};

impl<T: Config> Pallet<T> {
	/// The case `id` with its deadlines missed now.
	pub fn case_view(id: CaseId) -> Option<CaseView> {
		Cases::<T>::get(id).map(|case| Self::view(id, case))
	}

	fn view(id: CaseId, case: Case) -> CaseView {
		let overdue = Self::overdue(&case, Self::now());
		CaseView { id, case, overdue }
	}

	/// The deadlines of an open case missed at `now`.
	pub fn overdue(case: &Case, now: time::Moment) -> Vec<Overdue> {
		let mut missed = Vec::new();
		if !case.is_open() {
			return missed;
		}
		if case.penalty.is_none() && now > case.decision_due {
			missed.push(Overdue::Decision { due: case.decision_due });
		}
		if let Some(r) = &case.rectification {
			if r.reported.is_none() && now > r.deadline {
				missed.push(Overdue::Rectification { due: r.deadline });
			}
		}
		if let Some(a) = case.penalty.as_ref().and_then(|p| p.appeal.as_ref()) {
			if a.ruling.is_none() && now > a.ruling_due {
				missed.push(Overdue::Ruling { due: a.ruling_due });
			}
		}
		missed
	}

	/// Up to `limit` steps of case `id` after step `start_after`.
	pub fn steps(id: CaseId, start_after: Option<u32>, limit: u32) -> Vec<(u32, Step)> {
		let Some(case) = Cases::<T>::get(id) else { return Vec::new() };
		let from = start_after.map_or(0, |s| s.saturating_add(1));
		(from..paging::page_end(from, limit, case.steps))
			.filter_map(|n| Steps::<T>::get(id, n).map(|step| (n, step)))
			.collect()
	}

	/// Up to `limit` cases about `subject` after case `start_after`.
	pub fn cases_of(subject: OrgId, start_after: Option<CaseId>, limit: u32) -> Vec<CaseView> {
		paging::keys_after::<CasesBySubject<T>, _, _, _>(subject, start_after, limit)
			.into_iter()
			.filter_map(Self::case_view)
			.collect()
	}

	/// Up to `limit` open cases `agency` acts in, after case `start_after`.
	pub fn open_cases_of(agency: OrgId, start_after: Option<CaseId>, limit: u32) -> Vec<CaseView> {
		paging::keys_after::<OpenCasesByAgency<T>, _, _, _>(agency, start_after, limit)
			.into_iter()
			.filter_map(Self::case_view)
			.collect()
	}

	/// The penalties about `subject` that stand and are within their publication period now
	/// (公示), among its cases after `start_after` (up to `limit` cases looked at).
	pub fn published_penalties(
		subject: OrgId,
		start_after: Option<CaseId>,
		limit: u32,
	) -> Vec<PublicPenalty> {
		let now = Self::now();
		paging::keys_after::<CasesBySubject<T>, _, _, _>(subject, start_after, limit)
			.into_iter()
			.filter_map(|id| Cases::<T>::get(id).map(|case| (id, case)))
			.filter_map(|(id, case)| {
				let penalty = case.penalty?;
				let published = penalty.stands() && !penalty.repaired();
				(published && now <= Self::published_until(&penalty)).then_some(PublicPenalty {
					case: id,
					subject: case.subject,
					by: penalty.by,
					violation: case.violation,
					decision: penalty.decision,
					amount: penalty.amount,
					severity: penalty.severity,
					decided_at: penalty.decided_at,
				})
			})
			.collect()
	}

	/// Until when a penalty is published: the law's period of an administrative penalty of its
	/// severity from its decision (one year ordinary, three serious:
	/// [`DisciplineKind::max_publication`]); its listing, whatever its kind, ends then too.
	pub fn published_until(penalty: &Penalty) -> time::Moment {
		let serious = penalty.severity == Severity::Serious;
		let period = DisciplineKind::AdministrativePenalty.max_publication(serious);
		penalty.decided_at.saturating_add(period)
	}
}

// Queries (runtime API): random inspections, public (一公开) but for nothing secret — the
// secrets are published once revealed, the commitments before.
impl<T: Config> Pallet<T> {
	/// Plan `id`, with how many results are overdue now.
	pub fn plan_view(id: PlanId) -> Option<PlanView> {
		let plan = Plans::<T>::get(id)?;
		let overdue = if plan.status == PlanStatus::Drawn && Self::now() > plan.results_due {
			Targets::<T>::iter_prefix_values(id).filter(|t| t.result.is_none()).count() as u32
		} else {
			0
		};
		Some(PlanView { id, plan, overdue })
	}

	/// Up to `limit` plans `agency` takes part in, after plan `start_after`.
	pub fn plans_of(agency: OrgId, start_after: Option<PlanId>, limit: u32) -> Vec<PlanView> {
		paging::keys_after::<PlansByAgency<T>, _, _, _>(agency, start_after, limit)
			.into_iter()
			.filter_map(Self::plan_view)
			.collect()
	}

	/// A plan's population from position `from` on, up to `limit`: each organization and its
	/// weight, the draw's input.
	pub fn plan_population(id: PlanId, from: u32, limit: u32) -> Vec<(OrgId, u8)> {
		let count = Plans::<T>::get(id).map_or(0, |p| p.population);
		let end = paging::page_end(from, limit, count);
		(from..end).filter_map(|i| Population::<T>::get(id, i)).collect()
	}

	/// A plan's pool of inspectors from position `from` on, up to `limit`.
	pub fn plan_inspectors(id: PlanId, from: u32, limit: u32) -> Vec<Inspector<T::AccountId>> {
		let count = Plans::<T>::get(id).map_or(0, |p| p.inspectors);
		let end = paging::page_end(from, limit, count);
		(from..end).filter_map(|i| Inspectors::<T>::get(id, i)).collect()
	}

	/// A plan's targets in the order drawn (at most `MAX_TARGETS`), with their inspectors and
	/// results.
	pub fn plan_targets(id: PlanId) -> Vec<Target> {
		let count = Plans::<T>::get(id).map_or(0, |p| p.targets);
		(0..count).filter_map(|i| Targets::<T>::get(id, i)).collect()
	}
}
