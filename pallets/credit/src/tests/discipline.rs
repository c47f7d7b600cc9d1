//! Joint discipline: listings kept with the discipline claim types' attestations, read through
//! `CreditStanding`, written by a supervision decision through `DisciplineRecords`.

use crate::{mock::*, *};
use frame_support::{assert_noop, assert_ok};
use regchain_primitives::{
	time::DAY, CreditStanding, DisciplineKind, DisciplineRecords, FreezableRecords, Listing,
	RecordRef,
};
use sp_core::H256;

#[test]
fn the_catalogue_names_the_claim_type_of_each_discipline_kind_once() {
	ExtBuilder::default().build_and_execute(|| {
		tax_grade();
		let penalty = discipline(DisciplineKind::AdministrativePenalty);
		let court = discipline(DisciplineKind::CourtEnforcement);
		// A second claim type of the same name does not take the kind over.
		discipline(DisciplineKind::CourtEnforcement);
		assert_eq!(
			DisciplineClaimTypes::<Test>::get(DisciplineKind::AdministrativePenalty),
			Some(penalty)
		);
		assert_eq!(
			DisciplineClaimTypes::<Test>::get(DisciplineKind::CourtEnforcement),
			Some(court)
		);
		assert_eq!(DisciplineClaimTypes::<Test>::get(DisciplineKind::SpecialFundMisuse), None);
	});
}

#[test]
fn a_courts_defaulter_listing_is_a_serious_listing_until_it_ends() {
	ExtBuilder::default().build_and_execute(|| {
		let court = discipline(DisciplineKind::CourtEnforcement);
		let now = TestClock::get();
		assert_ok!(Credit::attest(
			RuntimeOrigin::signed(COURT),
			10,
			court,
			H256::repeat_byte(9),
			None,
			now,
			now + 30 * DAY,
			Default::default(),
		));
		let listing = Listing {
			attestation: 0,
			kind: DisciplineKind::CourtEnforcement,
			serious: true,
			by: 3,
			case: None,
			until: now + 30 * DAY,
		};
		assert_eq!(<Credit as CreditStanding>::listings(10), vec![listing]);
		assert_eq!(<Credit as CreditStanding>::barred_from_funding(10), Some(listing));
		assert!(!<Credit as CreditStanding>::is_listed(20));
		// Its period over, it no longer counts.
		TestClock::set(now + 30 * DAY);
		assert!(<Credit as CreditStanding>::listings(10).is_empty());
	});
}

#[test]
fn an_ordinary_attestation_lists_no_one_and_a_revoked_listing_ends() {
	ExtBuilder::default().build_and_execute(|| {
		let grade = tax_grade();
		graded(grade, 4);
		assert!(Listings::<Test>::get(10).is_none());
		let court = discipline(DisciplineKind::CourtEnforcement);
		let now = TestClock::get();
		assert_ok!(Credit::attest(
			RuntimeOrigin::signed(COURT),
			10,
			court,
			H256::repeat_byte(9),
			None,
			now,
			now + 30 * DAY,
			Default::default(),
		));
		assert_ok!(Credit::revoke(RuntimeOrigin::signed(COURT), 1, H256::repeat_byte(7)));
		assert!(Listings::<Test>::get(10).is_none());
		assert!(!<Credit as CreditStanding>::is_listed(10));
	});
}

#[test]
fn a_decision_lists_an_enterprise_in_the_deciding_agencys_name_and_delisting_ends_it() {
	ExtBuilder::default().build_and_execute(|| {
		discipline(DisciplineKind::AdministrativePenalty);
		let until = TestClock::get() + 365 * DAY;
		let listed = <Credit as DisciplineRecords>::list(
			10,
			2,
			DisciplineKind::AdministrativePenalty,
			false,
			7,
			H256::repeat_byte(0xd0),
			until,
		);
		assert_eq!(listed, Ok(Some(0)));
		let attestation = Attestations::<Test>::get(0).unwrap();
		assert_eq!((attestation.subject, attestation.attester), (10, 2));
		assert_eq!(attestation.data, H256::repeat_byte(0xd0));
		assert!(CurrentAttestations::<Test>::contains_key(10, 0));
		let listing = <Credit as CreditStanding>::listings(10)[0];
		assert_eq!((listing.case, listing.serious, listing.until), (Some(7), false, until));
		// An ordinary penalty is published but bars no funding.
		assert_eq!(<Credit as CreditStanding>::barred_from_funding(10), None);

		assert_ok!(<Credit as DisciplineRecords>::delist(0, H256::repeat_byte(0xe1)));
		assert!(matches!(
			Attestations::<Test>::get(0).unwrap().status,
			AttestationStatus::Revoked { .. }
		));
		assert!(!<Credit as CreditStanding>::is_listed(10));
		assert_noop!(
			<Credit as DisciplineRecords>::delist(0, H256::repeat_byte(0xe1)),
			Error::<Test>::NotActive
		);
	});
}

#[test]
fn listing_refusals() {
	ExtBuilder::default().build_and_execute(|| {
		let list = |subject, until| {
			<Credit as DisciplineRecords>::list(
				subject,
				2,
				DisciplineKind::SpecialFundMisuse,
				true,
				1,
				H256::zero(),
				until,
			)
		};
		let later = TestClock::get() + DAY;
		assert_noop!(list(10, later), Error::<Test>::ClaimTypeNotFound);
		discipline(DisciplineKind::SpecialFundMisuse);
		// Credit attests enterprises only: a bank is not listed here.
		assert_eq!(list(4, later), Ok(None));
		assert_noop!(list(10, TestClock::get()), Error::<Test>::InvalidPeriod);
		for _ in 0..MAX_LISTINGS {
			assert!(list(10, later).unwrap().is_some());
		}
		assert_noop!(list(10, later), Error::<Test>::TooManyListings);
		// Listings whose period is over make room.
		TestClock::set(later);
		assert!(list(10, later + DAY).unwrap().is_some());
		assert_eq!(Listings::<Test>::get(10).unwrap().len(), 1);
	});
}

#[test]
fn a_frozen_listing_is_not_delisted() {
	ExtBuilder::default().build_and_execute(|| {
		discipline(DisciplineKind::AdministrativePenalty);
		let until = TestClock::get() + DAY;
		let kind = DisciplineKind::AdministrativePenalty;
		let id = <Credit as DisciplineRecords>::list(10, 2, kind, true, 1, H256::zero(), until)
			.unwrap()
			.unwrap();
		assert_ok!(<regchain_primitives::Freezes<Credit> as FreezableRecords>::freeze(
			RecordRef::new(CREDIT, id),
			1,
			H256::zero()
		));
		assert_noop!(
			<Credit as DisciplineRecords>::delist(id, H256::zero()),
			Error::<Test>::Frozen
		);
	});
}

#[test]
fn a_repair_ends_the_listing_and_tells_the_lenders_whose_access_covered_it() {
	use frame_system::Pallet as System;
	ExtBuilder::default().build_and_execute(|| {
		let penalty = discipline(DisciplineKind::AdministrativePenalty);
		let grade = tax_grade();
		let until = TestClock::get() + 365 * DAY;
		let kind = DisciplineKind::AdministrativePenalty;
		let id = <Credit as DisciplineRecords>::list(10, 2, kind, false, 1, H256::zero(), until)
			.unwrap()
			.unwrap();
		// The lender (5) read the listing's claim type; its latest access covers it.
		let grant = consent(mock::only(&[penalty, grade], false));
		assert_ok!(Credit::declare_access(
			RuntimeOrigin::signed(LENDER),
			grant,
			mock::only(&[penalty], false),
			Purpose::PreLoanReview
		));
		System::<Test>::reset_events();
		assert_eq!(<Credit as DisciplineRecords>::repair(id, H256::repeat_byte(0x7e)), Ok(1));
		let events: Vec<_> = System::<Test>::events()
			.into_iter()
			.filter_map(|r| match r.event {
				RuntimeEvent::Credit(e) => Some(e),
				_ => None,
			})
			.collect();
		assert!(
			events.contains(&Event::Repaired { attestation: id, reason: H256::repeat_byte(0x7e) })
		);
		assert!(events.contains(&Event::RepairNotified { attestation: id, lender: 5, notice: 0 }));
		// The lender's notice log says which SME's listing ended, and under which access it
		// had read it.
		let at = TestClock::get();
		let notice = RepairNotice { sme: 10, attestation: id, claim_type: penalty, access: 0, at };
		assert_eq!(Credit::repair_notices(5, 0, 10), vec![notice]);
		assert_eq!(RepairNoticeCount::<Test>::get(5), 1);
		assert!(!<Credit as CreditStanding>::is_listed(10));
		assert!(matches!(
			Attestations::<Test>::get(id).unwrap().status,
			AttestationStatus::Revoked { .. }
		));
	});
}

#[test]
fn a_lender_whose_access_did_not_cover_the_listing_is_not_told() {
	use frame_system::Pallet as System;
	ExtBuilder::default().build_and_execute(|| {
		discipline(DisciplineKind::AdministrativePenalty);
		let grade = tax_grade();
		let until = TestClock::get() + 365 * DAY;
		let kind = DisciplineKind::AdministrativePenalty;
		let id = <Credit as DisciplineRecords>::list(10, 2, kind, false, 1, H256::zero(), until)
			.unwrap()
			.unwrap();
		let grant = consent(mock::only(&[grade], false));
		assert_ok!(Credit::declare_access(
			RuntimeOrigin::signed(LENDER),
			grant,
			mock::only(&[grade], false),
			Purpose::PreLoanReview
		));
		System::<Test>::reset_events();
		assert_eq!(<Credit as DisciplineRecords>::repair(id, H256::zero()), Ok(0));
		assert!(!System::<Test>::events()
			.into_iter()
			.any(|r| matches!(r.event, RuntimeEvent::Credit(Event::RepairNotified { .. }))));
		assert!(Credit::repair_notices(5, 0, 10).is_empty());
	});
}

#[test]
fn a_listing_is_valid_no_longer_than_the_law_publishes_its_kind() {
	ExtBuilder::default().build_and_execute(|| {
		let court = discipline(DisciplineKind::CourtEnforcement);
		let now = TestClock::get();
		let attest = |until| {
			Credit::attest(
				RuntimeOrigin::signed(COURT),
				10,
				court,
				H256::repeat_byte(9),
				None,
				now,
				until,
				Default::default(),
			)
		};
		// A defaulter listing: five years at most.
		assert_noop!(attest(now + 5 * 365 * DAY + 1), Error::<Test>::PublicationTooLong);
		assert_ok!(attest(now + 5 * 365 * DAY));
		// A penalty decided in a case: one year ordinary, three serious.
		let kind = DisciplineKind::AdministrativePenalty;
		discipline(kind);
		let list = |serious, until| {
			<Credit as DisciplineRecords>::list(10, 2, kind, serious, 1, H256::zero(), until)
		};
		assert_noop!(list(false, now + 365 * DAY + 1), Error::<Test>::PublicationTooLong);
		assert_ok!(list(false, now + 365 * DAY));
		assert_noop!(list(true, now + 3 * 365 * DAY + 1), Error::<Test>::PublicationTooLong);
		assert_ok!(list(true, now + 3 * 365 * DAY));
	});
}

#[test]
fn the_history_marks_a_record_past_its_publication_period() {
	ExtBuilder::default().build_and_execute(|| {
		discipline(DisciplineKind::AdministrativePenalty);
		let grade = tax_grade();
		let now = TestClock::get();
		let kind = DisciplineKind::AdministrativePenalty;
		let listing =
			<Credit as DisciplineRecords>::list(10, 2, kind, false, 1, H256::zero(), now + DAY)
				.unwrap()
				.unwrap();
		assert_ok!(Credit::attest(
			RuntimeOrigin::signed(2),
			10,
			grade,
			H256::repeat_byte(1),
			Some(4),
			now,
			now + DAY,
			Default::default(),
		));
		let grade_id = listing + 1;
		let published = |id| {
			let entry = Credit::attestation_of(id).unwrap();
			(entry.published, entry.published_until)
		};
		assert_eq!(published(listing), (true, now + DAY));
		assert_eq!(published(grade_id), (true, now + DAY + 5 * 365 * DAY));
		// A repair ends a listing's publication at once; the grade (a "D") stays published five
		// years after it stops counting.
		TestClock::set(now + DAY / 2);
		assert_ok!(<Credit as DisciplineRecords>::repair(listing, H256::zero()));
		assert_eq!(published(listing), (false, now + DAY / 2));
		TestClock::set(now + DAY + 5 * 365 * DAY - 1);
		assert_eq!(published(grade_id).0, true);
		TestClock::set(now + DAY + 5 * 365 * DAY);
		assert_eq!(published(grade_id).0, false);
		// The chain keeps both: the history serves them, marked.
		let mut history: Vec<_> =
			Credit::attestation_history(10, None, 10).iter().map(|e| (e.id, e.published)).collect();
		history.sort();
		assert_eq!(history, vec![(listing, false), (grade_id, false)]);
	});
}
