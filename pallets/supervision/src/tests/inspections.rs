//! Random inspections (双随机、一公开): a plan, the commit–reveal draw that anyone recomputes,
//! inspectors without conflicts, results, and every refusal by name.

use crate::{mock::*, *};
use frame_support::{assert_noop, assert_ok, traits::Hooks};
use regchain_primitives::{
	inspection,
	testing::{TestOrg, TestStanding},
	time::Moment,
	DisciplineKind, Division, Listing, OrgKind, Role,
};
use sp_core::H256;

pub(super) const SHANGHAI: Division = Division(310_000);
/// Market regulation's inspectors (its own account and two officers) and customs'.
pub(super) const MARKET_OFFICERS: [u64; 3] = [MARKET, 101, 102];
pub(super) const CUSTOMS_OFFICERS: [u64; 2] = [201, 202];
/// The enterprises of the population besides Acme and Other Co.
pub(super) const FIRST_CO: u64 = 300;

pub(super) fn secret(agency: u64) -> H256 {
	H256::repeat_byte(agency as u8)
}

/// Market regulation and customs hold `Inspector` (the agencies that may, in law), with their
/// officers; `more`
/// enterprises join Acme and Other Co in Shanghai.
pub(super) fn inspectors_and_population(more: u64) {
	for (agency, officers) in [(MARKET, &MARKET_OFFICERS[1..]), (CUSTOMS, &CUSTOMS_OFFICERS[..])] {
		TestMembership::grant_role(agency as OrgId, Role::Inspector);
		for officer in officers {
			TestMembership::add_account_of(agency as OrgId, *officer);
		}
	}
	for n in 0..more {
		let id = FIRST_CO + n;
		TestMembership::add(TestOrg::new(id as OrgId, OrgKind::Enterprise, &[], &[id]));
	}
}

/// `who` opens a plan over the enterprises of `region` (holding `records`, if any) drawing
/// `sample`: commits until day `commit`, reveals until the day after, results by day 30.
pub(super) fn open_plan_as(
	who: u64,
	region: Division,
	records: Option<regchain_primitives::RecordSet>,
	sample: SampleSize,
	commit: u64,
) -> sp_runtime::DispatchResult {
	Supervision::open_plan(
		RuntimeOrigin::signed(who),
		region,
		OrgKind::Enterprise,
		None,
		records,
		sample,
		doc(0x11),
		day(commit),
		day(commit + 1),
		day(30),
	)
}

/// Market regulation opens a plan over Shanghai's enterprises drawing `sample`: commits until
/// day 2, reveals until day 3, results by day 30.
pub(super) fn open(sample: SampleSize) -> PlanId {
	let id = NextPlanId::<Test>::get();
	assert_ok!(open_plan_as(MARKET, SHANGHAI, None, sample, 2));
	id
}

/// The plan with customs joined, both committed, both pools enlisted and the
/// population read.
pub(super) fn prepared(sample: SampleSize) -> PlanId {
	let id = open(sample);
	prepare(id);
	id
}

/// Customs joins plan `id`, both agencies commit and enlist, the population is read.
pub(super) fn prepare(id: PlanId) {
	assert_ok!(Supervision::join_plan(RuntimeOrigin::signed(CUSTOMS), id));
	for agency in [MARKET, CUSTOMS] {
		let commitment = inspection::commitment(id, agency as OrgId, &secret(agency));
		assert_ok!(Supervision::commit(RuntimeOrigin::signed(agency), id, commitment));
	}
	let market = MARKET_OFFICERS.to_vec().try_into().unwrap();
	assert_ok!(Supervision::enlist_inspectors(RuntimeOrigin::signed(MARKET), id, market));
	let customs = CUSTOMS_OFFICERS.to_vec().try_into().unwrap();
	assert_ok!(Supervision::enlist_inspectors(RuntimeOrigin::signed(CUSTOMS), id, customs));
	read_all(id);
}

pub(super) fn read_all(id: PlanId) {
	while Plans::<Test>::get(id).unwrap().enumeration != Enumeration::Complete {
		assert_ok!(Supervision::read_population(RuntimeOrigin::signed(MARKET), id));
	}
}

/// The next block starts at `moment`: its `on_initialize` sees the time and anchors the plans
/// due, the previous block's hash being `0xab…`.
pub(super) fn next_block_at(moment: Moment) {
	TestClock::set(moment);
	let number = System::block_number() + 1;
	System::set_block_number(number);
	System::set_parent_hash(H256::repeat_byte(0xab));
	Supervision::on_initialize(number);
}

/// Both agencies reveal; the draw runs to its end.
pub(super) fn revealed_and_drawn(id: PlanId) {
	next_block_at(day(2));
	for agency in [MARKET, CUSTOMS] {
		assert_ok!(Supervision::reveal(RuntimeOrigin::signed(agency), id, secret(agency)));
	}
	TestClock::set(day(3));
	while !matches!(Plans::<Test>::get(id).unwrap().status, PlanStatus::Drawn | PlanStatus::Lapsed)
	{
		assert_ok!(Supervision::draw(RuntimeOrigin::signed(CUSTOMS), id));
	}
}

/// The draw recomputed from what the runtime API publishes: the seed from the anchor and the
/// secrets, each member's key from its weight, the largest keys first.
pub(super) fn recomputed(id: PlanId) -> Vec<OrgId> {
	let view = Supervision::plan_view(id).unwrap();
	let (_, anchor) = view.plan.anchor.unwrap();
	let seed = inspection::seed(id, &anchor, &view.plan.secrets());
	assert_eq!(Some(seed), view.plan.seed);
	let mut population = Vec::new();
	let mut from = 0;
	loop {
		let page = Supervision::plan_population(id, from, 100);
		if page.is_empty() {
			break;
		}
		from += page.len() as u32;
		population.extend(page);
	}
	let mut keyed: Vec<(u64, OrgId)> =
		population.iter().map(|(org, w)| (inspection::key(&seed, *org, *w), *org)).collect();
	keyed.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
	let k = inspection::sample_size(view.plan.sample, view.plan.population, MAX_TARGETS);
	keyed.into_iter().take(k as usize).map(|(_, org)| org).collect()
}

#[test]
fn a_plan_draws_its_targets_and_inspectors_as_anyone_recomputes_them() {
	ExtBuilder::default().build_and_execute(|| {
		inspectors_and_population(40);
		let id = prepared(SampleSize::Count(5));
		let plan = Plans::<Test>::get(id).unwrap();
		assert_eq!((plan.population, plan.inspectors), (42, 5));
		assert_eq!(plan.anchor, None);
		next_block_at(day(2));
		let anchor = Some((1, H256::repeat_byte(0xab)));
		assert_eq!(Plans::<Test>::get(id).unwrap().anchor, anchor);
		assert_eq!(
			last_event(),
			Event::Anchored { plan: id, block: 1, hash: H256::repeat_byte(0xab) }
		);
		assert!(PendingAnchors::<Test>::get().is_empty());
		revealed_and_drawn(id);
		let plan = Plans::<Test>::get(id).unwrap();
		assert_eq!((plan.status, plan.targets), (PlanStatus::Drawn, 5));
		let targets = Supervision::plan_targets(id);
		assert_eq!(targets.iter().map(|t| t.org).collect::<Vec<_>>(), recomputed(id));
		for (index, target) in targets.iter().enumerate() {
			assert_eq!(target.inspectors.len(), 2);
			assert_ne!(target.inspectors[0], target.inspectors[1]);
			// The inspectors, as anyone recomputes them from the seed.
			let seed = plan.seed.unwrap();
			let (first, next) =
				inspection::next_inspector(&seed, index as u32, 0, 5, |_| true).unwrap();
			let (second, _) =
				inspection::next_inspector(&seed, index as u32, next, 5, |i| i != first).unwrap();
			assert_eq!(target.inspectors.to_vec(), vec![first, second]);
		}
		System::assert_has_event(
			Event::Drawn { plan: id, seed: plan.seed.unwrap(), targets: 5 }.into(),
		);
	});
}

#[test]
fn a_listed_enterprise_under_an_open_case_weighs_more() {
	ExtBuilder::default().build_and_execute(|| {
		inspectors_and_population(0);
		let listing = |serious| Listing {
			attestation: 1,
			kind: DisciplineKind::AdministrativePenalty,
			serious,
			by: TAX as OrgId,
			case: None,
			until: day(400),
		};
		TestStanding::add(ACME as OrgId, listing(true));
		case_about_acme(&[FUND]);
		TestStanding::add(OTHER_CO as OrgId, listing(false));
		let id = open(SampleSize::Count(1));
		read_all(id);
		let mut population = Supervision::plan_population(id, 0, 10);
		population.sort();
		assert_eq!(population, vec![(ACME as OrgId, 4), (OTHER_CO as OrgId, 2)]);
	});
}

#[test]
fn a_large_population_is_read_and_drawn_in_pages() {
	ExtBuilder::default().build_and_execute(|| {
		inspectors_and_population(DRAW_PAGE as u64 + 98);
		let id = prepared(SampleSize::PerMille(50));
		let plan = Plans::<Test>::get(id).unwrap();
		assert_eq!(plan.population, DRAW_PAGE + 100);
		next_block_at(day(2));
		for agency in [MARKET, CUSTOMS] {
			assert_ok!(Supervision::reveal(RuntimeOrigin::signed(agency), id, secret(agency)));
		}
		TestClock::set(day(3));
		assert_ok!(Supervision::draw(RuntimeOrigin::signed(MARKET), id));
		assert_eq!(last_event(), Event::DrawProgressed { plan: id, keyed: DRAW_PAGE });
		assert_eq!(
			Plans::<Test>::get(id).unwrap().status,
			PlanStatus::Drawing { keyed: DRAW_PAGE }
		);
		assert_ok!(Supervision::draw(RuntimeOrigin::signed(MARKET), id));
		// 5 % of 600, rounded up.
		let targets: Vec<OrgId> = Supervision::plan_targets(id).iter().map(|t| t.org).collect();
		assert_eq!(targets.len(), 30);
		assert_eq!(targets, recomputed(id));
		assert_noop!(
			Supervision::draw(RuntimeOrigin::signed(MARKET), id),
			Error::<Test>::AlreadyDrawn
		);
	});
}

#[test]
fn an_agency_that_withholds_its_reveal_is_excluded_and_named_and_its_inspectors_are_out() {
	ExtBuilder::default().build_and_execute(|| {
		inspectors_and_population(20);
		let id = prepared(SampleSize::Count(6));
		// The finance bureau witnesses the draw.
		TestClock::set(day(1) + 1);
		assert_ok!(Supervision::join_plan(RuntimeOrigin::signed(FINANCE), id));
		let commitment = inspection::commitment(id, FINANCE as OrgId, &secret(FINANCE));
		assert_ok!(Supervision::commit(RuntimeOrigin::signed(FINANCE), id, commitment));
		next_block_at(day(2));
		// Customs withholds its secret.
		for agency in [MARKET, FINANCE] {
			assert_ok!(Supervision::reveal(RuntimeOrigin::signed(agency), id, secret(agency)));
		}
		TestClock::set(day(3));
		assert_ok!(Supervision::draw(RuntimeOrigin::signed(MARKET), id));
		System::assert_has_event(
			Event::AgencyExcluded { plan: id, agency: CUSTOMS as OrgId }.into(),
		);
		let plan = Plans::<Test>::get(id).unwrap();
		assert!(plan.participants.iter().any(|p| p.agency == CUSTOMS as OrgId && p.excluded));
		assert_eq!(plan.secrets(), vec![secret(MARKET), secret(FINANCE)]);
		// Only market regulation's inspectors (pool positions 0–2) are assigned.
		for target in Supervision::plan_targets(id) {
			assert!(target.inspectors.iter().all(|i| *i < 3), "{:?}", target.inspectors);
		}
	});
}

#[test]
fn with_fewer_than_two_secrets_the_plan_lapses() {
	ExtBuilder::default().build_and_execute(|| {
		inspectors_and_population(5);
		let id = prepared(SampleSize::Count(2));
		next_block_at(day(2));
		assert_ok!(Supervision::reveal(RuntimeOrigin::signed(MARKET), id, secret(MARKET)));
		TestClock::set(day(3));
		assert_ok!(Supervision::draw(RuntimeOrigin::signed(MARKET), id));
		assert_eq!(last_event(), Event::PlanLapsed { plan: id, revealed: 1 });
		assert_eq!(Plans::<Test>::get(id).unwrap().status, PlanStatus::Lapsed);
		assert!(Supervision::plan_targets(id).is_empty());
		assert_noop!(
			Supervision::draw(RuntimeOrigin::signed(MARKET), id),
			Error::<Test>::AlreadyDrawn
		);
		assert_ok!(Supervision::close_plan(RuntimeOrigin::signed(MARKET), id, doc(1)));
	});
}

#[test]
fn a_recused_inspector_is_replaced_by_the_next_of_the_same_sequence_and_results_are_recorded() {
	ExtBuilder::default().build_and_execute(|| {
		inspectors_and_population(10);
		let id = prepared(SampleSize::Count(3));
		revealed_and_drawn(id);
		let target = Targets::<Test>::get(id, 0).unwrap();
		let pool = Supervision::plan_inspectors(id, 0, 10);
		let account = |i: u32| pool[i as usize].account;
		let (first, second) = (target.inspectors[0], target.inspectors[1]);
		let outsider = (0..5).find(|i| *i != first && *i != second).unwrap();
		assert_noop!(
			Supervision::recuse(RuntimeOrigin::signed(account(outsider)), id, 0),
			Error::<Test>::NotAssigned
		);
		assert_ok!(Supervision::recuse(RuntimeOrigin::signed(account(first)), id, 0));
		let seed = Plans::<Test>::get(id).unwrap().seed.unwrap();
		let (expected, _) = inspection::next_inspector(&seed, 0, target.next_attempt, 5, |i| {
			i != first && i != second
		})
		.unwrap();
		let after = Targets::<Test>::get(id, 0).unwrap();
		assert_eq!(after.inspectors.to_vec(), vec![second, expected]);
		assert_eq!(after.recused.to_vec(), vec![first]);
		assert_eq!(
			last_event(),
			Event::InspectorAssigned { plan: id, target: 0, org: target.org, inspector: expected }
		);
		// A recused inspector records nothing; an assigned one does, once.
		let findings = Outcome::Findings { report: doc(0x77) };
		assert_noop!(
			Supervision::record_result(RuntimeOrigin::signed(account(first)), id, 0, findings),
			Error::<Test>::NotAssigned
		);
		assert_ok!(Supervision::record_result(
			RuntimeOrigin::signed(account(second)),
			id,
			0,
			findings
		));
		assert_eq!(
			last_event(),
			Event::ResultRecorded {
				plan: id,
				target: 0,
				org: target.org,
				outcome: findings,
				late: false
			}
		);
		assert_noop!(
			Supervision::record_result(
				RuntimeOrigin::signed(account(expected)),
				id,
				0,
				Outcome::Passed
			),
			Error::<Test>::AlreadyRecorded
		);
		assert_noop!(
			Supervision::recuse(RuntimeOrigin::signed(account(second)), id, 0),
			Error::<Test>::AlreadyRecorded
		);
		assert_noop!(
			Supervision::close_plan(RuntimeOrigin::signed(MARKET), id, doc(1)),
			Error::<Test>::ResultsPending
		);
		// Past the deadline a result is late; the lead closes; nothing is recorded after.
		TestClock::set(day(31));
		let second_of_1 = Targets::<Test>::get(id, 1).unwrap().inspectors[0];
		assert_ok!(Supervision::record_result(
			RuntimeOrigin::signed(account(second_of_1)),
			id,
			1,
			Outcome::NotFound
		));
		assert!(Targets::<Test>::get(id, 1).unwrap().result.unwrap().late);
		assert_eq!(Supervision::plan_view(id).unwrap().overdue, 1);
		assert_noop!(
			Supervision::close_plan(RuntimeOrigin::signed(TAX), id, doc(1)),
			Error::<Test>::NotLead
		);
		assert_ok!(Supervision::close_plan(RuntimeOrigin::signed(MARKET), id, doc(1)));
		let inspector_of_2 = Targets::<Test>::get(id, 2).unwrap().inspectors[0];
		assert_noop!(
			Supervision::record_result(
				RuntimeOrigin::signed(account(inspector_of_2)),
				id,
				2,
				Outcome::Passed
			),
			Error::<Test>::PlanClosed
		);
	});
}

#[test]
fn an_organization_is_not_inspected_twice_in_a_row_by_the_same_inspector() {
	ExtBuilder::default().build_and_execute(|| {
		inspectors_and_population(0);
		// Two plans in a row over the same two enterprises, both drawn.
		let first = prepared(SampleSize::Count(2));
		revealed_and_drawn(first);
		let before: Vec<Target> = Supervision::plan_targets(first);
		System::set_block_number(10);
		TestClock::set(day(5));
		let id = NextPlanId::<Test>::get();
		assert_ok!(open_plan_as(MARKET, SHANGHAI, None, SampleSize::Count(2), 6));
		prepare(id);
		next_block_at(day(6));
		for agency in [MARKET, CUSTOMS] {
			assert_ok!(Supervision::reveal(RuntimeOrigin::signed(agency), id, secret(agency)));
		}
		TestClock::set(day(7));
		assert_ok!(Supervision::draw(RuntimeOrigin::signed(MARKET), id));
		let pool = Supervision::plan_inspectors(id, 0, 10);
		for target in Supervision::plan_targets(id) {
			let earlier = before.iter().find(|t| t.org == target.org).unwrap();
			for i in target.inspectors.iter() {
				assert!(!earlier.inspectors.contains(i), "inspector {i} again for {}", target.org);
			}
			let accounts: Vec<u64> =
				target.inspectors.iter().map(|i| pool[*i as usize].account).collect();
			assert_eq!(LastInspectors::<Test>::get(target.org).unwrap().to_vec(), accounts);
		}
	});
}

#[test]
fn every_refusal_of_a_plan_names_its_reason() {
	ExtBuilder::default().build_and_execute(|| {
		inspectors_and_population(3);
		let plan = |who: u64, region, kind, times: (Moment, Moment, Moment)| {
			Supervision::open_plan(
				RuntimeOrigin::signed(who),
				region,
				kind,
				None,
				None,
				SampleSize::Count(1),
				doc(1),
				times.0,
				times.1,
				times.2,
			)
		};
		let good = (day(2), day(3), day(30));
		// A district's bureau inspects its district only.
		TestMembership::set_jurisdiction(TAX as OrgId, Division(310_115));
		assert_noop!(
			plan(TAX, SHANGHAI, OrgKind::Enterprise, good),
			Error::<Test>::OutsideJurisdiction
		);
		TestMembership::set_jurisdiction(TAX as OrgId, Division::NATIONAL);
		// The tax bureau does not inspect in law: it joins market regulation's plans.
		assert_noop!(plan(TAX, SHANGHAI, OrgKind::Enterprise, good), Error::<Test>::NotInspector);
		assert_noop!(
			plan(MARKET, SHANGHAI, OrgKind::Agency(regchain_primitives::AgencyKind::Court), good),
			Error::<Test>::InvalidPopulation
		);
		assert_noop!(
			plan(MARKET, SHANGHAI, OrgKind::Enterprise, (day(3), day(2), day(30))),
			Error::<Test>::InvalidTimetable
		);
		assert_noop!(
			plan(MARKET, SHANGHAI, OrgKind::Enterprise, (day(2), day(3), day(400))),
			Error::<Test>::InvalidTimetable
		);
		assert_noop!(
			plan(MARKET, SHANGHAI, OrgKind::Enterprise, (day(32), day(33), day(60))),
			Error::<Test>::InvalidTimetable
		);
		let id = open(SampleSize::Count(1));
		let c = inspection::commitment(id, TAX as OrgId, &secret(TAX));
		assert_noop!(
			Supervision::commit(RuntimeOrigin::signed(TAX), id, c),
			Error::<Test>::NotPlanAgency
		);
		assert_noop!(
			Supervision::join_plan(RuntimeOrigin::signed(MARKET), id),
			Error::<Test>::AlreadyJoined
		);
		assert_noop!(
			Supervision::join_plan(RuntimeOrigin::signed(MARKET), 99),
			Error::<Test>::PlanNotFound
		);
		// Inspectors: of an agency holding the role, its own accounts, once.
		assert_ok!(Supervision::join_plan(RuntimeOrigin::signed(FINANCE), id));
		let enlist = |who: u64, accounts: Vec<u64>| {
			Supervision::enlist_inspectors(
				RuntimeOrigin::signed(who),
				id,
				accounts.try_into().unwrap(),
			)
		};
		assert_noop!(enlist(FINANCE, vec![FINANCE]), Error::<Test>::NotInspector);
		assert_noop!(enlist(MARKET, vec![201]), Error::<Test>::NotInspector);
		assert_noop!(enlist(MARKET, vec![101, 101]), Error::<Test>::AlreadyEnlisted);
		assert_noop!(enlist(MARKET, vec![]), Error::<Test>::EmptyInspectors);
		let market = inspection::commitment(id, MARKET as OrgId, &secret(MARKET));
		assert_ok!(Supervision::commit(RuntimeOrigin::signed(MARKET), id, market));
		assert_noop!(
			Supervision::reveal(RuntimeOrigin::signed(MARKET), id, secret(MARKET)),
			Error::<Test>::CommitPeriodNotOver
		);
		next_block_at(day(2));
		assert_noop!(
			Supervision::join_plan(RuntimeOrigin::signed(TAX), id),
			Error::<Test>::CommitPeriodOver
		);
		assert_noop!(
			Supervision::commit(RuntimeOrigin::signed(MARKET), id, market),
			Error::<Test>::CommitPeriodOver
		);
		assert_noop!(enlist(MARKET, vec![101]), Error::<Test>::CommitPeriodOver);
		assert_noop!(
			Supervision::read_population(RuntimeOrigin::signed(MARKET), id),
			Error::<Test>::CommitPeriodOver
		);
		assert_noop!(
			Supervision::reveal(RuntimeOrigin::signed(MARKET), id, secret(TAX)),
			Error::<Test>::RevealMismatch
		);
		assert_noop!(
			Supervision::reveal(RuntimeOrigin::signed(FINANCE), id, secret(FINANCE)),
			Error::<Test>::CommitmentNotFound
		);
		assert_ok!(Supervision::reveal(RuntimeOrigin::signed(MARKET), id, secret(MARKET)));
		assert_noop!(
			Supervision::reveal(RuntimeOrigin::signed(MARKET), id, secret(MARKET)),
			Error::<Test>::AlreadyRevealed
		);
		assert_noop!(
			Supervision::draw(RuntimeOrigin::signed(MARKET), id),
			Error::<Test>::RevealPeriodNotOver
		);
		assert_noop!(
			Supervision::record_result(RuntimeOrigin::signed(MARKET), id, 0, Outcome::Passed),
			Error::<Test>::PlanNotDrawn
		);
		TestClock::set(day(3));
		assert_noop!(
			Supervision::reveal(RuntimeOrigin::signed(MARKET), id, secret(MARKET)),
			Error::<Test>::RevealPeriodOver
		);
		// Its population never read to the end, the plan lapses.
		assert_ok!(Supervision::draw(RuntimeOrigin::signed(MARKET), id));
		assert_eq!(Plans::<Test>::get(id).unwrap().status, PlanStatus::Lapsed);
	});
}
