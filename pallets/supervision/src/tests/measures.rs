//! Orders to rectify and penalty decisions.

use crate::{mock::*, *};
use frame_support::{assert_noop, assert_ok};

#[test]
fn an_agency_orders_rectification_by_a_deadline_and_the_subject_reports_it() {
	ExtBuilder::default().build_and_execute(|| {
		let id = case_about_acme(&[FUND]);
		let order = |who: u64, deadline| {
			Supervision::order_rectification(RuntimeOrigin::signed(who), id, doc(7), deadline)
		};
		assert_noop!(order(TAX, day(30)), Error::<Test>::NotCaseAgency);
		assert_noop!(order(MARKET, day(1)), Error::<Test>::InvalidDeadline);
		assert_noop!(
			Supervision::report_rectification(
				RuntimeOrigin::signed(ACME),
				id,
				doc(8),
				evidence(&[])
			),
			Error::<Test>::RectificationNotFound
		);
		assert_ok!(order(MARKET, day(30)));
		assert_eq!(
			last_event(),
			Event::RectificationOrdered {
				case: id,
				by: MARKET as OrgId,
				requirement: doc(7),
				deadline: day(30)
			}
		);
		assert_noop!(order(MARKET, day(40)), Error::<Test>::AlreadyOrdered);

		let report = |who: u64, ev: &[u64]| {
			Supervision::report_rectification(RuntimeOrigin::signed(who), id, doc(8), evidence(ev))
		};
		assert_noop!(report(OTHER_CO, &[]), Error::<Test>::NotSubject);
		assert_noop!(report(ACME, &[2]), Error::<Test>::NotOwnEvidence);
		assert_noop!(report(ACME, &[50]), Error::<Test>::EvidenceNotFound);
		TestClock::set(day(20));
		assert_ok!(report(ACME, &[1, 3]));
		assert_eq!(
			last_event(),
			Event::RectificationReported { case: id, report: doc(8), late: false }
		);
		let rectification = Cases::<Test>::get(id).unwrap().rectification.unwrap();
		assert_eq!(rectification.reported, Some((day(20), doc(8))));
		assert_noop!(report(ACME, &[]), Error::<Test>::AlreadyReported);
	});
}

#[test]
fn a_report_after_the_deadline_is_recorded_as_late() {
	ExtBuilder::default().build_and_execute(|| {
		let id = case_about_acme(&[FUND]);
		assert_ok!(Supervision::order_rectification(
			RuntimeOrigin::signed(MARKET),
			id,
			doc(7),
			day(10)
		));
		TestClock::set(day(11));
		assert_ok!(Supervision::report_rectification(
			RuntimeOrigin::signed(ACME),
			id,
			doc(8),
			evidence(&[])
		));
		assert_eq!(
			last_event(),
			Event::RectificationReported { case: id, report: doc(8), late: true }
		);
	});
}

#[test]
fn an_agency_of_the_case_decides_one_penalty() {
	ExtBuilder::default().build_and_execute(|| {
		let id = case_about_acme(&[FUND]);
		let decide = |who: u64| {
			Supervision::decide_penalty(
				RuntimeOrigin::signed(who),
				id,
				doc(0xd0),
				50_000_00,
				Severity::Serious,
			)
		};
		assert_noop!(decide(FINANCE), Error::<Test>::NotCaseAgency);
		assert_ok!(Supervision::join_case(RuntimeOrigin::signed(FINANCE), id));
		assert_ok!(decide(FINANCE));
		assert_eq!(
			last_event(),
			Event::PenaltyDecided {
				case: id,
				by: FINANCE as OrgId,
				subject: ACME as OrgId,
				decision: doc(0xd0),
				amount: 50_000_00,
				severity: Severity::Serious
			}
		);
		let penalty = Cases::<Test>::get(id).unwrap().penalty.unwrap();
		assert_eq!(penalty.decided_at, day(1));
		assert_eq!(penalty.appeal_until, day(61));
		assert!(penalty.stands());
		assert_noop!(decide(MARKET), Error::<Test>::AlreadyDecided);
	});
}
