//! One call freezes the records of several domains, one call lifts them, and the close lifts
//! what is left.

use crate::{mock::*, *};
use frame_support::{assert_noop, assert_ok};
use regchain_primitives::{Division, FreezableRecords, Freeze};

#[test]
fn one_call_freezes_six_domains_each_in_its_regulators_name_and_one_lifts_them() {
	ExtBuilder::default().build_and_execute(|| {
		let id = joint_case();
		assert_ok!(Supervision::freeze_records(RuntimeOrigin::signed(MARKET), id, doc(0xf0)));
		assert_eq!(last_event(), Event::RecordsFrozen { case: id, count: 6, reason: doc(0xf0) });
		let by = |record| TestRecords::frozen(record).map(|f: Freeze| f.by as u64);
		assert_eq!(by(FUND), Some(FINANCE));
		assert_eq!(by(INVOICE), Some(TAX));
		assert_eq!(by(ATTESTATION), Some(CREDIT));
		assert_eq!(by(EVIDENCE), Some(COURT));
		assert_eq!(by(BATCH), Some(MARKET));
		assert_eq!(by(WORK), Some(IP_OFFICE));
		assert_eq!(Cases::<Test>::get(id).unwrap().freezes.len(), 6);
		assert!(!TestRecords::is_frozen(OTHERS));

		assert_noop!(
			Supervision::freeze_records(RuntimeOrigin::signed(MARKET), id, doc(0xf0)),
			Error::<Test>::NothingToFreeze
		);
		assert_ok!(Supervision::unfreeze_records(RuntimeOrigin::signed(MARKET), id));
		assert_eq!(last_event(), Event::RecordsUnfrozen { case: id, count: 6 });
		assert!(ALL_SIX.iter().all(|r| !TestRecords::is_frozen(*r)));
		assert!(Cases::<Test>::get(id).unwrap().freezes.is_empty());
		assert_noop!(
			Supervision::unfreeze_records(RuntimeOrigin::signed(MARKET), id),
			Error::<Test>::NothingToLift
		);
	});
}

#[test]
fn a_record_no_agency_of_the_case_regulates_is_refused_and_nothing_is_frozen() {
	ExtBuilder::default().build_and_execute(|| {
		let id = case_about_acme(&[BATCH, FUND]);
		assert_noop!(
			Supervision::freeze_records(RuntimeOrigin::signed(MARKET), id, doc(1)),
			Error::<Test>::OutsideRemit
		);
		assert!(!TestRecords::is_frozen(BATCH));
	});
}

#[test]
fn a_record_its_domain_froze_already_is_refused_by_the_domain() {
	ExtBuilder::default().build_and_execute(|| {
		let id = case_about_acme(&[BATCH, FUND]);
		assert_ok!(Supervision::join_case(RuntimeOrigin::signed(FINANCE), id));
		assert_ok!(TestRecords::freeze(FUND, FINANCE as OrgId, doc(2)));
		assert_noop!(
			Supervision::freeze_records(RuntimeOrigin::signed(MARKET), id, doc(1)),
			sp_runtime::DispatchError::Other("AlreadyFrozen")
		);
		assert!(!TestRecords::is_frozen(BATCH));
	});
}

#[test]
fn a_joined_agency_outside_its_jurisdiction_stops_the_freeze_in_its_domain() {
	ExtBuilder::default().build_and_execute(|| {
		let id = case_about_acme(&[BATCH, FUND]);
		assert_ok!(Supervision::join_case(RuntimeOrigin::signed(FINANCE), id));
		TestMembership::set_jurisdiction(FINANCE as OrgId, Division(110000));
		assert_noop!(
			Supervision::freeze_records(RuntimeOrigin::signed(MARKET), id, doc(1)),
			sp_runtime::DispatchError::Other("OutsideJurisdiction")
		);
	});
}

#[test]
fn only_the_lead_freezes_and_lifts() {
	ExtBuilder::default().build_and_execute(|| {
		let id = joint_case();
		assert_noop!(
			Supervision::freeze_records(RuntimeOrigin::signed(TAX), id, doc(1)),
			Error::<Test>::NotLead
		);
		assert_ok!(Supervision::freeze_records(RuntimeOrigin::signed(MARKET), id, doc(1)));
		assert_noop!(
			Supervision::unfreeze_records(RuntimeOrigin::signed(TAX), id),
			Error::<Test>::NotLead
		);
		assert_noop!(
			Supervision::freeze_records(RuntimeOrigin::signed(MARKET), 7, doc(1)),
			Error::<Test>::CaseNotFound
		);
	});
}

#[test]
fn a_record_added_later_is_frozen_by_the_next_call_and_lifted_with_the_rest() {
	ExtBuilder::default().build_and_execute(|| {
		let id = case_about_acme(&[BATCH]);
		assert_ok!(Supervision::freeze_records(RuntimeOrigin::signed(MARKET), id, doc(1)));
		assert_ok!(Supervision::join_case(RuntimeOrigin::signed(COURT), id));
		assert_ok!(Supervision::add_records(
			RuntimeOrigin::signed(COURT),
			id,
			records(&[EVIDENCE])
		));
		assert_ok!(Supervision::freeze_records(RuntimeOrigin::signed(MARKET), id, doc(2)));
		assert_eq!(last_event(), Event::RecordsFrozen { case: id, count: 1, reason: doc(2) });
		assert!(TestRecords::is_frozen(EVIDENCE));
		assert_ok!(Supervision::unfreeze_records(RuntimeOrigin::signed(MARKET), id));
		assert_eq!(last_event(), Event::RecordsUnfrozen { case: id, count: 2 });
	});
}

#[test]
fn a_freeze_lifted_or_replaced_in_its_domain_is_left_alone() {
	ExtBuilder::default().build_and_execute(|| {
		let id = case_about_acme(&[BATCH]);
		assert_ok!(Supervision::join_case(RuntimeOrigin::signed(TAX), id));
		assert_ok!(Supervision::add_records(RuntimeOrigin::signed(TAX), id, records(&[INVOICE])));
		assert_ok!(Supervision::freeze_records(RuntimeOrigin::signed(MARKET), id, doc(1)));
		// The tax bureau lifts the invoice's freeze in its own domain and freezes it again for
		// another matter: the case's lift leaves that freeze alone.
		TestRecords::lift(INVOICE);
		TestClock::set(day(2));
		assert_ok!(TestRecords::freeze(INVOICE, TAX as OrgId, doc(3)));
		assert_ok!(Supervision::unfreeze_records(RuntimeOrigin::signed(MARKET), id));
		assert_eq!(last_event(), Event::RecordsUnfrozen { case: id, count: 1 });
		assert!(!TestRecords::is_frozen(BATCH));
		assert_eq!(TestRecords::frozen(INVOICE).map(|f| f.reason), Some(doc(3)));
	});
}

#[test]
fn closing_a_case_lifts_what_it_still_holds_frozen() {
	ExtBuilder::default().build_and_execute(|| {
		let id = joint_case();
		assert_ok!(Supervision::freeze_records(RuntimeOrigin::signed(MARKET), id, doc(1)));
		assert_noop!(
			Supervision::close_case(RuntimeOrigin::signed(TAX), id, doc(9)),
			Error::<Test>::NotLead
		);
		assert_ok!(Supervision::close_case(RuntimeOrigin::signed(MARKET), id, doc(9)));
		assert_eq!(last_event(), Event::CaseClosed { case: id, conclusion: doc(9), lifted: 6 });
		assert!(ALL_SIX.iter().all(|r| !TestRecords::is_frozen(*r)));
		let case = Cases::<Test>::get(id).unwrap();
		assert_eq!(case.status, CaseStatus::Closed { at: day(1), conclusion: doc(9) });
		assert!(case.freezes.is_empty());
		for agency in case.agencies {
			assert!(!OpenCasesByAgency::<Test>::contains_key(agency, id));
		}
		assert_noop!(
			Supervision::freeze_records(RuntimeOrigin::signed(MARKET), id, doc(1)),
			Error::<Test>::CaseClosed
		);
		assert_noop!(
			Supervision::close_case(RuntimeOrigin::signed(MARKET), id, doc(9)),
			Error::<Test>::CaseClosed
		);
	});
}

#[test]
fn a_freeze_whose_agency_may_no_longer_lift_it_is_lifted_by_another_regulator_of_the_case() {
	ExtBuilder::default().build_and_execute(|| {
		let id = case_about_acme(&[BATCH, FUND]);
		assert_ok!(Supervision::join_case(RuntimeOrigin::signed(FINANCE), id));
		assert_ok!(Supervision::freeze_records(RuntimeOrigin::signed(MARKET), id, doc(1)));
		assert_eq!(TestRecords::frozen(FUND).map(|f| f.by as u64), Some(FINANCE));
		// The finance bureau's jurisdiction moves away: alone, the case cannot lift its freeze.
		TestMembership::set_jurisdiction(FINANCE as OrgId, Division(110000));
		assert_noop!(
			Supervision::unfreeze_records(RuntimeOrigin::signed(MARKET), id),
			sp_runtime::DispatchError::Other("OutsideJurisdiction")
		);
		// Another finance bureau of the case lifts it.
		assert_ok!(Supervision::join_case(RuntimeOrigin::signed(FINANCE_2), id));
		assert_ok!(Supervision::unfreeze_records(RuntimeOrigin::signed(MARKET), id));
		assert_eq!(last_event(), Event::RecordsUnfrozen { case: id, count: 2 });
		assert!(!TestRecords::is_frozen(FUND) && !TestRecords::is_frozen(BATCH));
	});
}
