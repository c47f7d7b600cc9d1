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
				severity: Severity::Serious,
				listing: Some(1000),
			}
		);
		let penalty = Cases::<Test>::get(id).unwrap().penalty.unwrap();
		assert_eq!(penalty.decided_at, day(1));
		assert_eq!(penalty.appeal_until, day(61));
		assert!(penalty.stands());
		assert_noop!(decide(MARKET), Error::<Test>::AlreadyDecided);
	});
}

#[test]
fn a_penalty_lists_the_enterprise_for_its_publication_period_in_the_deciding_agencys_name() {
	use regchain_primitives::{CreditStanding, DisciplineKind, Listing};
	ExtBuilder::default().build_and_execute(|| {
		// A fund misuse, seriously penalized by the finance bureau: barred from funding for
		// three years.
		let id = case_about_acme(&[FUND]);
		assert_ok!(Supervision::join_case(RuntimeOrigin::signed(FINANCE), id));
		assert_ok!(Supervision::decide_penalty(
			RuntimeOrigin::signed(FINANCE),
			id,
			doc(0xd0),
			1,
			Severity::Serious,
		));
		let listing = Listing {
			attestation: 1000,
			kind: DisciplineKind::SpecialFundMisuse,
			serious: true,
			by: FINANCE as OrgId,
			case: Some(id),
			until: day(1 + 3 * 365),
		};
		assert_eq!(TestStanding::listings(ACME as OrgId), vec![listing]);
		assert_eq!(TestStanding::barred_from_funding(ACME as OrgId), Some(listing));
		assert_eq!(Cases::<Test>::get(id).unwrap().penalty.unwrap().listing, Some(1000));

		// Another violation, ordinarily penalized: an administrative penalty for a year.
		let other = Supervision::open_case(
			RuntimeOrigin::signed(MARKET),
			ACME as OrgId,
			Violation::CounterfeitGoods,
			doc(1),
			evidence(&[]),
			records(&[BATCH]),
		);
		assert_ok!(other);
		assert_ok!(Supervision::decide_penalty(
			RuntimeOrigin::signed(MARKET),
			id + 1,
			doc(0xd1),
			1,
			Severity::Ordinary,
		));
		let second = TestStanding::listings(ACME as OrgId)[1];
		assert_eq!(
			(second.kind, second.serious, second.until),
			(DisciplineKind::AdministrativePenalty, false, day(366))
		);
	});
}

#[test]
fn an_overturned_penalty_is_delisted_and_an_upheld_one_stays_listed() {
	use regchain_primitives::CreditStanding;
	ExtBuilder::default().build_and_execute(|| {
		let decided = |records_: &[regchain_primitives::RecordRef]| {
			let id = case_about_acme(records_);
			assert_ok!(Supervision::decide_penalty(
				RuntimeOrigin::signed(MARKET),
				id,
				doc(0xd0),
				1,
				Severity::Ordinary,
			));
			assert_ok!(Supervision::appeal(
				RuntimeOrigin::signed(ACME),
				id,
				doc(0xa0),
				evidence(&[])
			));
			id
		};
		let upheld = decided(&[FUND]);
		let overturned = decided(&[BATCH]);
		assert_eq!(TestStanding::listings(ACME as OrgId).len(), 2);
		assert_ok!(Supervision::uphold_penalty(RuntimeOrigin::signed(MARKET), upheld, doc(1)));
		assert_ok!(Supervision::overturn_penalty(
			RuntimeOrigin::signed(MARKET),
			overturned,
			doc(2)
		));
		let left: Vec<_> =
			TestStanding::listings(ACME as OrgId).into_iter().map(|l| l.case).collect();
		assert_eq!(left, vec![Some(upheld)]);
	});
}
