//! Credit repair (信用修复): the subject applies once the minimum publication has passed and
//! its rectification is reported; the deciding agency grants (the listing ends) or refuses.

use crate::{mock::*, *};
use frame_support::{assert_noop, assert_ok};
use regchain_primitives::CreditStanding;

/// A case about Acme with a penalty of `severity` decided by market regulation on day 1.
fn penalized(severity: Severity) -> CaseId {
	let id = case_about_acme(&[FUND]);
	assert_ok!(Supervision::decide_penalty(
		RuntimeOrigin::signed(MARKET),
		id,
		doc(0xd0),
		1,
		severity
	));
	id
}

fn apply(id: CaseId) -> sp_runtime::DispatchResult {
	Supervision::apply_for_repair(RuntimeOrigin::signed(ACME), id, doc(0x70), evidence(&[1]))
}

#[test]
fn repair_opens_after_the_minimum_publication_and_a_grant_ends_the_listing() {
	ExtBuilder::default().build_and_execute(|| {
		let id = penalized(Severity::Ordinary);
		assert_ok!(Supervision::close_case(RuntimeOrigin::signed(MARKET), id, doc(9)));
		TestClock::set(day(90));
		assert_noop!(apply(id), Error::<Test>::RepairTooEarly);
		TestClock::set(day(91));
		assert_noop!(
			Supervision::apply_for_repair(
				RuntimeOrigin::signed(OTHER_CO),
				id,
				doc(1),
				evidence(&[])
			),
			Error::<Test>::NotSubject
		);
		// A closed case takes the application: repair comes after the case.
		assert_ok!(apply(id));
		assert_eq!(last_event(), Event::RepairApplied { case: id, statement: doc(0x70) });
		assert_noop!(apply(id), Error::<Test>::RepairPending);
		assert_noop!(
			Supervision::grant_repair(RuntimeOrigin::signed(FINANCE), id, doc(0x71)),
			Error::<Test>::NotDecidingAgency
		);
		assert_eq!(Supervision::published_penalties(ACME as OrgId, None, 100).len(), 1);
		assert_ok!(Supervision::grant_repair(RuntimeOrigin::signed(MARKET), id, doc(0x71)));
		assert_eq!(
			last_event(),
			Event::RepairGranted { case: id, reasons: doc(0x71), lenders_told: 0 }
		);
		assert!(!TestStanding::is_listed(ACME as OrgId));
		assert!(Supervision::published_penalties(ACME as OrgId, None, 100).is_empty());
		let penalty = Cases::<Test>::get(id).unwrap().penalty.unwrap();
		assert!(penalty.repaired() && penalty.stands());
		assert_noop!(apply(id), Error::<Test>::NotListed);
		assert_noop!(
			Supervision::grant_repair(RuntimeOrigin::signed(MARKET), id, doc(0x71)),
			Error::<Test>::RepairNotFound
		);
	});
}

#[test]
fn a_serious_penalty_is_repaired_after_a_year_and_a_refused_repair_is_applied_for_again() {
	ExtBuilder::default().build_and_execute(|| {
		let id = penalized(Severity::Serious);
		TestClock::set(day(365));
		assert_noop!(apply(id), Error::<Test>::RepairTooEarly);
		TestClock::set(day(366));
		assert_ok!(apply(id));
		assert_ok!(Supervision::refuse_repair(RuntimeOrigin::signed(MARKET), id, doc(0x72)));
		assert_eq!(last_event(), Event::RepairRefused { case: id, reasons: doc(0x72) });
		assert!(TestStanding::is_listed(ACME as OrgId));
		assert_ok!(apply(id));
	});
}

#[test]
fn repair_waits_for_the_rectification_and_needs_a_listing() {
	ExtBuilder::default().build_and_execute(|| {
		let id = case_about_acme(&[FUND]);
		assert_noop!(apply(id), Error::<Test>::PenaltyNotFound);
		assert_ok!(Supervision::order_rectification(
			RuntimeOrigin::signed(MARKET),
			id,
			doc(7),
			day(30)
		));
		assert_ok!(Supervision::decide_penalty(
			RuntimeOrigin::signed(MARKET),
			id,
			doc(0xd0),
			1,
			Severity::Ordinary
		));
		TestClock::set(day(100));
		assert_noop!(apply(id), Error::<Test>::RectificationNotReported);
		assert_ok!(Supervision::report_rectification(
			RuntimeOrigin::signed(ACME),
			id,
			doc(8),
			evidence(&[])
		));
		assert_noop!(
			Supervision::apply_for_repair(RuntimeOrigin::signed(ACME), id, doc(1), evidence(&[2])),
			Error::<Test>::NotOwnEvidence
		);
		assert_ok!(apply(id));
		// Past its publication, a penalty lists no one: nothing to repair.
		let other = penalized(Severity::Ordinary);
		TestClock::set(day(100 + 366));
		assert_noop!(apply(other), Error::<Test>::NotListed);
	});
}

#[test]
fn the_invariants_catch_a_listing_whose_case_penalty_does_not_stand_listed() {
	ExtBuilder::default().build().execute_with(|| {
		let id = penalized(Severity::Ordinary);
		assert_ok!(Supervision::do_try_state());
		// A listing naming the case that its penalty does not hold.
		let listing = TestStanding::listings(ACME as OrgId)[0];
		let stray = regchain_primitives::Listing { attestation: 4242, ..listing };
		TestStanding::add(ACME as OrgId, stray);
		assert_eq!(
			Supervision::do_try_state(),
			Err("a listing of a case whose penalty does not stand listed".into())
		);
		assert_ok!(<TestStanding as regchain_primitives::DisciplineRecords>::delist(4242, doc(0)));
		assert_ok!(Supervision::do_try_state());
		// The penalty overturned, its listing must be gone too.
		Cases::<Test>::mutate(id, |c| {
			let penalty = c.as_mut().unwrap().penalty.as_mut().unwrap();
			let at = penalty.decided_at;
			let ruling = Some((Ruling::Overturned, at, doc(2)));
			penalty.appeal = Some(Appeal { at, grounds: doc(1), ruling_due: at, ruling });
		});
		assert_eq!(
			Supervision::do_try_state(),
			Err("a listing of a case whose penalty does not stand listed".into())
		);
	});
}
