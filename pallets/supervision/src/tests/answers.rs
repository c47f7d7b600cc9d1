//! The subject's statements and appeal, and the ruling on it.

use crate::{mock::*, *};
use frame_support::{assert_noop, assert_ok};

fn penalized_case() -> CaseId {
	let id = case_about_acme(&[FUND]);
	assert_ok!(Supervision::decide_penalty(
		RuntimeOrigin::signed(MARKET),
		id,
		doc(0xd0),
		1_000_00,
		Severity::Ordinary,
	));
	id
}

#[test]
fn the_subject_states_its_case_with_its_own_or_admitted_evidence() {
	ExtBuilder::default().build_and_execute(|| {
		let id = case_about_acme(&[FUND]);
		let state = |who: u64, ev: &[u64]| {
			Supervision::submit_statement(RuntimeOrigin::signed(who), id, doc(0x5a), evidence(ev))
		};
		assert_noop!(state(OUTSIDER, &[]), sp_runtime::DispatchError::BadOrigin);
		assert_noop!(state(OTHER_CO, &[]), Error::<Test>::NotSubject);
		assert_noop!(state(MARKET, &[]), Error::<Test>::NotSubject);
		assert_noop!(state(ACME, &[2]), Error::<Test>::NotOwnEvidence);
		assert_ok!(state(ACME, &[1, 3]));
		assert_eq!(last_event(), Event::Stated { case: id, statement: doc(0x5a) });
		let step = Steps::<Test>::get(id, 1).unwrap();
		assert_eq!(step.by, ACME as OrgId);
		assert_eq!(
			step.action,
			Action::Stated { statement: doc(0x5a), evidence: evidence(&[1, 3]) }
		);
	});
}

#[test]
fn the_subject_states_its_case_at_most_max_statements_times() {
	ExtBuilder::default().build_and_execute(|| {
		let id = case_about_acme(&[FUND]);
		for _ in 0..MAX_STATEMENTS {
			assert_ok!(Supervision::submit_statement(
				RuntimeOrigin::signed(ACME),
				id,
				doc(1),
				evidence(&[])
			));
		}
		assert_noop!(
			Supervision::submit_statement(RuntimeOrigin::signed(ACME), id, doc(1), evidence(&[])),
			Error::<Test>::TooManyStatements
		);
		// The agencies' measures still have room.
		assert_ok!(Supervision::note(RuntimeOrigin::signed(MARKET), id, doc(2), evidence(&[])));
	});
}

#[test]
fn the_subject_appeals_within_the_period_and_the_deciding_agency_upholds() {
	ExtBuilder::default().build_and_execute(|| {
		let id = case_about_acme(&[FUND]);
		let appeal = |who: u64| {
			Supervision::appeal(RuntimeOrigin::signed(who), id, doc(0xa0), evidence(&[1]))
		};
		assert_noop!(appeal(ACME), Error::<Test>::PenaltyNotFound);
		assert_ok!(Supervision::decide_penalty(
			RuntimeOrigin::signed(MARKET),
			id,
			doc(0xd0),
			1_000_00,
			Severity::Ordinary,
		));
		assert_noop!(appeal(OTHER_CO), Error::<Test>::NotSubject);
		TestClock::set(day(30));
		assert_ok!(appeal(ACME));
		assert_eq!(last_event(), Event::Appealed { case: id, grounds: doc(0xa0) });
		assert_noop!(appeal(ACME), Error::<Test>::AlreadyAppealed);
		let a = Cases::<Test>::get(id).unwrap().penalty.unwrap().appeal.unwrap();
		assert_eq!((a.at, a.ruling_due, a.ruling), (day(30), day(90), None));

		assert_noop!(
			Supervision::close_case(RuntimeOrigin::signed(MARKET), id, doc(9)),
			Error::<Test>::AppealPending
		);
		assert_ok!(Supervision::join_case(RuntimeOrigin::signed(FINANCE), id));
		assert_noop!(
			Supervision::uphold_penalty(RuntimeOrigin::signed(FINANCE), id, doc(0xe0)),
			Error::<Test>::NotDecidingAgency
		);
		assert_ok!(Supervision::uphold_penalty(RuntimeOrigin::signed(MARKET), id, doc(0xe0)));
		assert_eq!(last_event(), Event::PenaltyUpheld { case: id, reasons: doc(0xe0) });
		assert_noop!(
			Supervision::overturn_penalty(RuntimeOrigin::signed(MARKET), id, doc(0xe1)),
			Error::<Test>::AlreadyRuled
		);
		let penalty = Cases::<Test>::get(id).unwrap().penalty.unwrap();
		assert!(penalty.stands());
		assert_ok!(Supervision::close_case(RuntimeOrigin::signed(MARKET), id, doc(9)));
	});
}

#[test]
fn an_appeal_after_the_period_is_refused() {
	ExtBuilder::default().build_and_execute(|| {
		let id = penalized_case();
		TestClock::set(day(61) + 1);
		assert_noop!(
			Supervision::appeal(RuntimeOrigin::signed(ACME), id, doc(0xa0), evidence(&[])),
			Error::<Test>::AppealPeriodOver
		);
	});
}

#[test]
fn an_overturned_penalty_no_longer_stands() {
	ExtBuilder::default().build_and_execute(|| {
		let id = penalized_case();
		assert_noop!(
			Supervision::overturn_penalty(RuntimeOrigin::signed(MARKET), id, doc(0xe1)),
			Error::<Test>::AppealNotFound
		);
		assert_ok!(Supervision::appeal(RuntimeOrigin::signed(ACME), id, doc(0xa0), evidence(&[])));
		assert_ok!(Supervision::overturn_penalty(RuntimeOrigin::signed(MARKET), id, doc(0xe1)));
		assert_eq!(last_event(), Event::PenaltyOverturned { case: id, reasons: doc(0xe1) });
		assert!(!Cases::<Test>::get(id).unwrap().penalty.unwrap().stands());
		assert!(Supervision::published_penalties(ACME as OrgId, None, 100).is_empty());
	});
}

#[test]
fn nothing_is_answered_in_a_closed_case() {
	ExtBuilder::default().build_and_execute(|| {
		let id = penalized_case();
		assert_ok!(Supervision::close_case(RuntimeOrigin::signed(MARKET), id, doc(9)));
		assert_noop!(
			Supervision::appeal(RuntimeOrigin::signed(ACME), id, doc(0xa0), evidence(&[])),
			Error::<Test>::CaseClosed
		);
		assert_noop!(
			Supervision::submit_statement(RuntimeOrigin::signed(ACME), id, doc(1), evidence(&[])),
			Error::<Test>::CaseClosed
		);
	});
}

#[test]
fn a_suspended_subject_still_answers_and_a_suspended_agency_no_longer_acts() {
	ExtBuilder::default().build_and_execute(|| {
		let id = penalized_case();
		TestMembership::set_active(ACME as OrgId, false);
		assert_ok!(Supervision::submit_statement(
			RuntimeOrigin::signed(ACME),
			id,
			doc(1),
			evidence(&[1])
		));
		assert_ok!(Supervision::appeal(RuntimeOrigin::signed(ACME), id, doc(0xa0), evidence(&[])));
		TestMembership::set_active(MARKET as OrgId, false);
		assert_noop!(
			Supervision::uphold_penalty(RuntimeOrigin::signed(MARKET), id, doc(2)),
			sp_runtime::DispatchError::BadOrigin
		);
	});
}
