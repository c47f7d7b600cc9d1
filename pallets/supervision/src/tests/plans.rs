//! Random inspections beyond the region: populations by record set (a program's recipients, a
//! class's makers, the larger invoicers of a period), a recent recall's weight, the pending
//! places an agency holds, and cases opened on findings.

use super::inspections::*;
use crate::{mock::*, *};
use frame_support::{assert_noop, assert_ok};
use regchain_primitives::{
	testing::{TestOrg, TestPopulation},
	time::DAY,
	Division, OrgKind, RecordSet, Role,
};

/// Market regulation opens a plan over `region`'s enterprises holding records of `set`.
fn open_over(region: Division, set: RecordSet) -> PlanId {
	let id = NextPlanId::<Test>::get();
	assert_ok!(open_plan_as(MARKET, region, Some(set), SampleSize::Count(2), 2));
	id
}

/// The population as the runtime API pages it, sorted.
fn population_of(id: PlanId) -> Vec<(OrgId, u8)> {
	let mut population = Vec::new();
	loop {
		let page = Supervision::plan_population(id, population.len() as u32, 100);
		if page.is_empty() {
			break;
		}
		population.extend(page);
	}
	population.sort();
	population
}

#[test]
fn a_programs_recipients_are_read_from_its_index_each_once() {
	ExtBuilder::default().build_and_execute(|| {
		inspectors_and_population(300);
		// 250 recipients, Acme with three allocations, the tax bureau (no enterprise) with one.
		let co = |n: u64| (FIRST_CO + n) as OrgId;
		let mut holders: Vec<OrgId> = (0..250).map(co).collect();
		holders.insert(10, ACME as OrgId);
		holders.insert(220, ACME as OrgId);
		holders.push(ACME as OrgId);
		holders.push(TAX as OrgId);
		let set = RecordSet::FundProgram(7);
		TestPopulation::set_records(set, &holders);
		let id = open_over(SHANGHAI, set);
		assert_eq!(Plans::<Test>::get(id).unwrap().enumeration, Enumeration::ReadingRecords(None));
		// A page is 200 records: two pages and the end.
		assert_ok!(Supervision::read_population(RuntimeOrigin::signed(MARKET), id));
		assert_eq!(
			last_event(),
			Event::PopulationRead { plan: id, added: 200, total: 200, complete: false }
		);
		assert_eq!(
			Plans::<Test>::get(id).unwrap().enumeration,
			Enumeration::ReadingRecords(Some(200))
		);
		assert_ok!(Supervision::read_population(RuntimeOrigin::signed(MARKET), id));
		assert_eq!(
			last_event(),
			Event::PopulationRead { plan: id, added: 51, total: 251, complete: true }
		);
		let mut expected: Vec<(OrgId, u8)> = (0..250).map(|n| (co(n), 1)).collect();
		expected.push((ACME as OrgId, 1));
		expected.sort();
		assert_eq!(population_of(id), expected);
		assert_noop!(
			Supervision::read_population(RuntimeOrigin::signed(MARKET), id),
			Error::<Test>::PopulationComplete
		);
		// Every member is marked once; a mark too many is seen.
		assert_eq!(InPopulation::<Test>::iter_prefix(id).count(), 251);
		InPopulation::<Test>::insert(id, TAX as OrgId, ());
		assert_eq!(
			Supervision::do_try_state(),
			Err("a record set's population not as marked".into())
		);
		InPopulation::<Test>::remove(id, TAX as OrgId);
	});
}

#[test]
fn a_holder_outside_the_region_is_not_of_the_population() {
	ExtBuilder::default().build_and_execute(|| {
		inspectors_and_population(3);
		let set = RecordSet::ProductClass(4);
		TestPopulation::set_records(set, &[ACME as OrgId, OTHER_CO as OrgId]);
		// Every enterprise of the test book is registered with the city (310000), none in Xuhui.
		let xuhui = open_over(Division(310_104), set);
		read_all(xuhui);
		assert_eq!(Plans::<Test>::get(xuhui).unwrap().population, 0);
		let shanghai = open_over(SHANGHAI, set);
		read_all(shanghai);
		assert_eq!(population_of(shanghai), vec![(ACME as OrgId, 1), (OTHER_CO as OrgId, 1)]);
	});
}

#[test]
fn the_larger_invoicers_of_a_period_are_the_regions_members_above_the_amount() {
	ExtBuilder::default().build_and_execute(|| {
		inspectors_and_population(3);
		let (co, next) = ((FIRST_CO) as OrgId, (FIRST_CO + 1) as OrgId);
		TestPopulation::set_invoiced(ACME as OrgId, 202_611, 1_000_001);
		TestPopulation::set_invoiced(co, 202_611, 1_000_000);
		TestPopulation::set_invoiced(next, 202_610, 5_000_000);
		let set = RecordSet::InvoicedAbove { period: 202_611, amount: 1_000_000 };
		let id = open_over(SHANGHAI, set);
		assert_eq!(Plans::<Test>::get(id).unwrap().enumeration, Enumeration::Reading(None));
		read_all(id);
		// Above the amount, in that period: Acme alone.
		assert_eq!(population_of(id), vec![(ACME as OrgId, 1)]);
		assert_eq!(InPopulation::<Test>::iter_prefix(id).count(), 0);
	});
}

#[test]
fn a_set_of_nothing_is_refused() {
	ExtBuilder::default().build_and_execute(|| {
		inspectors_and_population(0);
		for set in [
			RecordSet::FundProgram(99),
			RecordSet::ProductClass(99),
			RecordSet::InvoicedAbove { period: 202_613, amount: 0 },
		] {
			assert_noop!(
				open_plan_as(MARKET, SHANGHAI, Some(set), SampleSize::Count(1), 2),
				Error::<Test>::InvalidPopulation
			);
		}
	});
}

#[test]
fn a_recall_within_a_year_weighs_like_an_open_case_and_not_on_top_of_it() {
	ExtBuilder::default().build_and_execute(|| {
		inspectors_and_population(2);
		let (recalled, old) = (FIRST_CO as OrgId, (FIRST_CO + 1) as OrgId);
		let now = TestClock::get();
		TestPopulation::set_recall(recalled, now - 364 * DAY);
		TestPopulation::set_recall(old, now - 366 * DAY);
		TestPopulation::set_recall(ACME as OrgId, now);
		case_about_acme(&[FUND]);
		let id = open(SampleSize::Count(1));
		read_all(id);
		assert_eq!(
			population_of(id),
			vec![(ACME as OrgId, 2), (OTHER_CO as OrgId, 1), (recalled, 2), (old, 1)]
		);
	});
}

#[test]
fn an_agency_holds_at_most_four_pending_places_and_gets_them_back_at_the_anchor() {
	ExtBuilder::default().build_and_execute(|| {
		inspectors_and_population(0);
		for _ in 0..MAX_PENDING_PER_AGENCY {
			open(SampleSize::Count(1));
		}
		assert_eq!(PendingPlansOf::<Test>::get(MARKET as OrgId), Some(MAX_PENDING_PER_AGENCY));
		assert_noop!(
			open_plan_as(MARKET, SHANGHAI, None, SampleSize::Count(1), 2),
			Error::<Test>::TooManyPendingPlans
		);
		// Customs still opens its own.
		TestMembership::grant_role(CUSTOMS as OrgId, Role::Inspector);
		assert_ok!(open_plan_as(CUSTOMS, SHANGHAI, None, SampleSize::Count(1), 2));
		// The anchors free the places.
		next_block_at(day(2));
		assert_eq!(PendingPlansOf::<Test>::get(MARKET as OrgId), None);
		assert_eq!(PendingPlansOf::<Test>::iter().count(), 0);
		assert_ok!(open_plan_as(MARKET, SHANGHAI, None, SampleSize::Count(1), 5));
		assert_eq!(PendingPlansOf::<Test>::get(MARKET as OrgId), Some(1));
		// A count not of the agency's pending plans is seen.
		PendingPlansOf::<Test>::insert(MARKET as OrgId, 2);
		assert_eq!(
			Supervision::do_try_state(),
			Err("a pending-plan count not of the agency's pending plans".into())
		);
		PendingPlansOf::<Test>::insert(MARKET as OrgId, 1);
	});
}

/// A drawn plan of three targets; target 0's result records findings, target 1 passed.
fn plan_with_findings() -> PlanId {
	inspectors_and_population(10);
	let id = prepared(SampleSize::Count(3));
	revealed_and_drawn(id);
	let pool = Supervision::plan_inspectors(id, 0, 10);
	for (index, outcome) in [(0, Outcome::Findings { report: doc(0x77) }), (1, Outcome::Passed)] {
		let target = Targets::<Test>::get(id, index).unwrap();
		let inspector = pool[target.inspectors[0] as usize].account;
		assert_ok!(Supervision::record_result(
			RuntimeOrigin::signed(inspector),
			id,
			index,
			outcome
		));
	}
	id
}

fn from_finding(who: u64, plan: PlanId, target: u32) -> sp_runtime::DispatchResult {
	Supervision::open_case_from_finding(
		RuntimeOrigin::signed(who),
		plan,
		target,
		Violation::Other,
		doc(0xb1),
		evidence(&[]),
		records(&[]),
	)
}

#[test]
fn a_finding_opens_a_case_about_its_target_once() {
	ExtBuilder::default().build_and_execute(|| {
		let id = plan_with_findings();
		let org = Targets::<Test>::get(id, 0).unwrap().org;
		let case = NextCaseId::<Test>::get();
		// Customs took part: it follows up, with no record named yet.
		assert_ok!(from_finding(CUSTOMS, id, 0));
		assert_eq!(last_event(), Event::CaseFromFinding { case, plan: id, target: 0 });
		System::assert_has_event(
			Event::CaseOpened {
				case,
				subject: org,
				lead: CUSTOMS as OrgId,
				violation: Violation::Other,
			}
			.into(),
		);
		let opened = Cases::<Test>::get(case).unwrap();
		assert_eq!((opened.subject, opened.lead, opened.records.len()), (org, CUSTOMS as OrgId, 0));
		assert_eq!(
			Steps::<Test>::get(case, 1).map(|s| s.action),
			Some(Action::Finding { plan: id, target: 0, report: doc(0x77) })
		);
		assert_eq!(FindingCases::<Test>::get(id, 0), Some(case));
		assert_eq!(OpenCaseCount::<Test>::get(org), Some(1));
		// Records join it later, as any case's.
		assert_noop!(from_finding(MARKET, id, 0), Error::<Test>::FindingCaseOpened);
	});
}

#[test]
fn a_case_from_a_finding_is_refused_by_name() {
	ExtBuilder::default().build_and_execute(|| {
		let id = plan_with_findings();
		// Not of the plan.
		assert_noop!(from_finding(TAX, id, 0), Error::<Test>::NotPlanAgency);
		assert_noop!(from_finding(MARKET, id + 1, 0), Error::<Test>::PlanNotFound);
		assert_noop!(from_finding(MARKET, id, 3), Error::<Test>::TargetNotFound);
		// Passed, or no result yet: nothing to follow up.
		assert_noop!(from_finding(MARKET, id, 1), Error::<Test>::NoFindings);
		assert_noop!(from_finding(MARKET, id, 2), Error::<Test>::NoFindings);
		// An agency of the plan without jurisdiction over the target.
		TestMembership::set_jurisdiction(CUSTOMS as OrgId, Division(110_000));
		assert_noop!(from_finding(CUSTOMS, id, 0), Error::<Test>::OutsideJurisdiction);
		// A finding's case recorded of another target is seen.
		TestMembership::set_jurisdiction(CUSTOMS as OrgId, Division::NATIONAL);
		assert_ok!(from_finding(MARKET, id, 0));
		let case = FindingCases::<Test>::get(id, 0).unwrap();
		FindingCases::<Test>::insert(id, 1, case);
		assert_eq!(
			Supervision::do_try_state(),
			Err("a finding's case not about the target's findings".into())
		);
		FindingCases::<Test>::remove(id, 1);
	});
}

#[test]
fn an_unrelated_organization_is_never_marked() {
	ExtBuilder::default().build_and_execute(|| {
		inspectors_and_population(0);
		TestMembership::add(TestOrg::new(500, OrgKind::FinancialInstitution, &[], &[500]));
		let set = RecordSet::FundProgram(3);
		TestPopulation::set_records(set, &[500, ACME as OrgId]);
		let id = open_over(SHANGHAI, set);
		read_all(id);
		// The bank holds a record but is no enterprise: out, and unmarked.
		assert_eq!(population_of(id), vec![(ACME as OrgId, 1)]);
		assert!(!InPopulation::<Test>::contains_key(id, 500));
	});
}
