//! Opening, joining and adding records to a case.

use crate::{mock::*, *};
use frame_support::{assert_noop, assert_ok};
use regchain_primitives::{Division, RecordRef};

#[test]
fn an_agency_opens_a_case_about_an_organization_within_its_jurisdiction() {
	ExtBuilder::default().build_and_execute(|| {
		let id = case_about_acme(&[FUND, BATCH]);
		let case = Cases::<Test>::get(id).unwrap();
		assert_eq!(case.subject, ACME as OrgId);
		assert_eq!(case.lead, MARKET as OrgId);
		assert_eq!(case.agencies.to_vec(), vec![MARKET as OrgId]);
		assert_eq!(case.records.to_vec(), vec![FUND, BATCH]);
		assert_eq!(case.opened_at, day(1));
		assert_eq!(case.decision_due, day(91));
		assert_eq!(case.steps, 1);
		assert_eq!(
			Steps::<Test>::get(id, 0).unwrap().action,
			Action::Opened { evidence: evidence(&[0]) }
		);
		assert!(CasesBySubject::<Test>::contains_key(ACME as OrgId, id));
		assert!(OpenCasesByAgency::<Test>::contains_key(MARKET as OrgId, id));
		assert_eq!(
			last_event(),
			Event::CaseOpened {
				case: id,
				subject: ACME as OrgId,
				lead: MARKET as OrgId,
				violation: Violation::FundMisuse
			}
		);
	});
}

#[test]
fn opening_refusals() {
	ExtBuilder::default().build_and_execute(|| {
		let open = |who: u64, subject: u64, list: &[RecordRef], ev: &[u64]| {
			Supervision::open_case(
				RuntimeOrigin::signed(who),
				subject as OrgId,
				Violation::TaxViolation,
				doc(1),
				evidence(ev),
				records(list),
			)
		};
		assert_noop!(open(ACME, OTHER_CO, &[OTHERS], &[]), sp_runtime::DispatchError::BadOrigin);
		assert_noop!(open(MARKET, 55, &[FUND], &[]), Error::<Test>::OrganizationNotFound);
		TestMembership::set_jurisdiction(TAX as OrgId, Division(110000));
		assert_noop!(open(TAX, ACME, &[INVOICE], &[]), Error::<Test>::OutsideJurisdiction);
		// Whatever it sends: the jurisdiction is checked first.
		assert_noop!(open(TAX, ACME, &[], &[]), Error::<Test>::OutsideJurisdiction);
		assert_noop!(open(MARKET, MARKET, &[FUND], &[]), Error::<Test>::OwnOrganization);
		assert_noop!(open(MARKET, ACME, &[], &[]), Error::<Test>::EmptyRecords);
		assert_noop!(open(MARKET, ACME, &[FUND, FUND], &[]), Error::<Test>::DuplicateRecord);
		let missing = RecordRef::new(*b"cred", 99);
		assert_noop!(open(MARKET, ACME, &[missing], &[]), Error::<Test>::RecordNotFound);
		let untagged = RecordRef::new(*b"zzzz", 1);
		assert_noop!(open(MARKET, ACME, &[untagged], &[]), Error::<Test>::RecordNotFound);
		assert_noop!(open(MARKET, ACME, &[OTHERS], &[]), Error::<Test>::NotAboutSubject);
		// The tax bureau reads invoices only; the economy commission reads funds only.
		assert_noop!(open(COURT, ACME, &[INVOICE], &[]), Error::<Test>::OutsideRemit);
		assert_noop!(open(ECONOMY, ACME, &[INVOICE], &[]), Error::<Test>::OutsideRemit);
		assert_noop!(open(MARKET, ACME, &[FUND], &[42]), Error::<Test>::EvidenceNotFound);
		assert_ok!(open(ECONOMY, ACME, &[FUND], &[2]));
	});
}

#[test]
fn the_regulators_of_other_domains_join_of_their_own_accord() {
	ExtBuilder::default().build_and_execute(|| {
		let id = case_about_acme(&[FUND]);
		assert_ok!(Supervision::join_case(RuntimeOrigin::signed(FINANCE), id));
		assert_eq!(last_event(), Event::AgencyJoined { case: id, agency: FINANCE as OrgId });
		let case = Cases::<Test>::get(id).unwrap();
		assert_eq!(case.agencies.to_vec(), vec![MARKET as OrgId, FINANCE as OrgId]);
		assert!(OpenCasesByAgency::<Test>::contains_key(FINANCE as OrgId, id));
		assert_eq!(Steps::<Test>::get(id, 1).unwrap().action, Action::Joined);
	});
}

#[test]
fn joining_refusals() {
	ExtBuilder::default().build_and_execute(|| {
		let id = case_about_acme(&[FUND]);
		let join = |who: u64, case| Supervision::join_case(RuntimeOrigin::signed(who), case);
		assert_noop!(join(ACME, id), sp_runtime::DispatchError::BadOrigin);
		assert_noop!(join(TAX, 9), Error::<Test>::CaseNotFound);
		assert_noop!(join(MARKET, id), Error::<Test>::AlreadyJoined);
		assert_noop!(join(ECONOMY, id), Error::<Test>::OutsideRemit);
		TestMembership::set_jurisdiction(TAX as OrgId, Division(110000));
		assert_noop!(join(TAX, id), Error::<Test>::OutsideJurisdiction);
		assert_ok!(Supervision::close_case(RuntimeOrigin::signed(MARKET), id, doc(9)));
		assert_noop!(join(FINANCE, id), Error::<Test>::CaseClosed);
	});
}

#[test]
fn an_agency_of_the_case_adds_records_of_the_domains_it_reads() {
	ExtBuilder::default().build_and_execute(|| {
		let id = case_about_acme(&[FUND]);
		assert_ok!(Supervision::join_case(RuntimeOrigin::signed(TAX), id));
		let add = |who: u64, list: &[RecordRef]| {
			Supervision::add_records(RuntimeOrigin::signed(who), id, records(list))
		};
		assert_noop!(add(COURT, &[EVIDENCE]), Error::<Test>::NotCaseAgency);
		assert_noop!(add(TAX, &[]), Error::<Test>::EmptyRecords);
		assert_noop!(add(TAX, &[FUND]), Error::<Test>::DuplicateRecord);
		assert_noop!(add(TAX, &[WORK]), Error::<Test>::OutsideRemit);
		assert_noop!(add(TAX, &[OTHERS]), Error::<Test>::NotAboutSubject);
		assert_ok!(add(TAX, &[INVOICE]));
		assert_eq!(last_event(), Event::RecordsAdded { case: id, by: TAX as OrgId, count: 1 });
		assert_eq!(Cases::<Test>::get(id).unwrap().records.to_vec(), vec![FUND, INVOICE]);
	});
}

#[test]
fn a_case_names_at_most_max_records() {
	ExtBuilder::default().build_and_execute(|| {
		let many: Vec<RecordRef> =
			(100..100 + MAX_RECORDS as u64).map(|n| RecordRef::new(*b"prov", n)).collect();
		for r in &many {
			TestRecords::add(*r, ACME as OrgId);
		}
		let id = case_about_acme(&many);
		TestRecords::add(RecordRef::new(*b"prov", 1), ACME as OrgId);
		assert_noop!(
			Supervision::add_records(
				RuntimeOrigin::signed(MARKET),
				id,
				records(&[RecordRef::new(*b"prov", 1)])
			),
			Error::<Test>::TooManyRecords
		);
	});
}

#[test]
fn an_agency_puts_documents_on_the_file() {
	ExtBuilder::default().build_and_execute(|| {
		let id = case_about_acme(&[FUND]);
		assert_noop!(
			Supervision::note(RuntimeOrigin::signed(TAX), id, doc(5), evidence(&[])),
			Error::<Test>::NotCaseAgency
		);
		assert_noop!(
			Supervision::note(RuntimeOrigin::signed(MARKET), id, doc(5), evidence(&[77])),
			Error::<Test>::EvidenceNotFound
		);
		assert_ok!(Supervision::note(RuntimeOrigin::signed(MARKET), id, doc(5), evidence(&[2])));
		assert_eq!(last_event(), Event::Noted { case: id, by: MARKET as OrgId, document: doc(5) });
	});
}

#[test]
fn a_full_history_keeps_its_last_place_for_the_close() {
	ExtBuilder::default().build_and_execute(|| {
		let id = case_about_acme(&[FUND]);
		for _ in 1..MAX_STEPS - 1 {
			assert_ok!(Supervision::note(RuntimeOrigin::signed(MARKET), id, doc(5), evidence(&[])));
		}
		assert_noop!(
			Supervision::note(RuntimeOrigin::signed(MARKET), id, doc(5), evidence(&[])),
			Error::<Test>::TooManySteps
		);
		assert_ok!(Supervision::close_case(RuntimeOrigin::signed(MARKET), id, doc(9)));
		assert_eq!(Cases::<Test>::get(id).unwrap().steps, MAX_STEPS);
	});
}
