//! Disputes on notarized evidence, decided by the IP office.

use crate::{mock::*, *};
use frame_support::{assert_noop, assert_ok};
use regchain_primitives::Division;
use sp_core::H256;

const STATEMENT: H256 = H256::repeat_byte(0x5a);
const DECISION: H256 = H256::repeat_byte(0xde);

fn file(
	who: u64,
	work: WorkId,
	kind: DisputeKind,
	records: &[u64],
) -> frame_support::dispatch::DispatchResult {
	IpRights::file_dispute(RuntimeOrigin::signed(who), work, kind, evidence(records), STATEMENT)
}

#[test]
fn a_member_files_an_ownership_claim_and_the_office_upholds_it() {
	ExtBuilder::default().build_and_execute(|| {
		let work = registered(1);
		let offer = offered(ALICE_CO, work, terms(LicenceKind::Reprint, false, None));
		let licence = licensed(CAROL_CO, offer);
		assert_ok!(file(BOB_CO, work, DisputeKind::Ownership, &[0, 1]));
		assert_eq!(
			last_event(),
			Event::DisputeFiled { dispute: 0, work, claimant: 20, kind: DisputeKind::Ownership }
		);
		let stored = Disputes::<Test>::get(0).unwrap();
		assert_eq!(stored.evidence.to_vec(), vec![0, 1]);
		assert_eq!((stored.filed_at, stored.status), (day(1), DisputeStatus::Open));
		assert_eq!(OpenDisputes::<Test>::get(work).to_vec(), vec![(0, 20)]);

		TestClock::set(day(5));
		assert_ok!(IpRights::uphold_dispute(RuntimeOrigin::signed(OFFICE), 0, DECISION));
		assert_eq!(last_event(), Event::DisputeUpheld { dispute: 0, by: 1, decision: DECISION });
		assert_eq!(
			Disputes::<Test>::get(0).unwrap().status,
			DisputeStatus::Upheld { by: 1, at: day(5), decision: DECISION }
		);
		assert!(OpenDisputes::<Test>::get(work).is_empty());
		// The work passed to Bob's company; Alice's offers closed; Carol's licence stands.
		assert_eq!(Works::<Test>::get(work).unwrap().owner, 20);
		assert!(WorksByOwner::<Test>::contains_key(20, work));
		assert_eq!(Offers::<Test>::get(offer).unwrap().status, OfferStatus::Closed { at: day(5) });
		assert!(Licences::<Test>::get(licence).unwrap().is_valid(day(5)));
		assert_noop!(
			IpRights::uphold_dispute(RuntimeOrigin::signed(OFFICE), 0, DECISION),
			Error::<Test>::DisputeClosed
		);
	});
}

#[test]
fn an_upheld_infringement_claim_ends_the_respondents_licences() {
	ExtBuilder::default().build_and_execute(|| {
		let work = registered(1);
		let reprint = offered(ALICE_CO, work, terms(LicenceKind::Reprint, false, None));
		let commercial = offered(ALICE_CO, work, terms(LicenceKind::Commercial, false, None));
		let bobs = [licensed(BOB_CO, reprint), licensed(BOB_CO, commercial)];
		let carols = licensed(CAROL_CO, reprint);
		assert_ok!(file(ALICE_CO, work, DisputeKind::Infringement { respondent: 20 }, &[3]));
		TestClock::set(day(4));
		assert_ok!(IpRights::uphold_dispute(RuntimeOrigin::signed(OFFICE), 0, DECISION));
		for licence in bobs {
			assert_eq!(Licences::<Test>::get(licence).unwrap().revoked, Some(day(4)));
			assert!(System::events()
				.iter()
				.any(|r| r.event == RuntimeEvent::IpRights(Event::LicenceRevoked { licence })));
		}
		assert_eq!(
			IpRights::licence_check(work, BOB_CO, LicenceKind::Reprint),
			LicenceCheck::NotLicensed
		);
		assert!(Licences::<Test>::get(carols).unwrap().is_valid(day(4)));
		assert_eq!(Works::<Test>::get(work).unwrap().owner, 10);
	});
}

#[test]
fn a_rejected_or_withdrawn_dispute_changes_nothing_else() {
	ExtBuilder::default().build_and_execute(|| {
		let work = registered(1);
		let first = disputed(BOB_CO, work, DisputeKind::Ownership);
		let second = disputed(CAROL_CO, work, DisputeKind::Ownership);
		TestClock::set(day(2));
		assert_ok!(IpRights::reject_dispute(RuntimeOrigin::signed(OFFICE), first, DECISION));
		assert_eq!(
			last_event(),
			Event::DisputeRejected { dispute: first, by: 1, reason: DECISION }
		);
		assert_eq!(
			Disputes::<Test>::get(first).unwrap().status,
			DisputeStatus::Rejected { by: 1, at: day(2), reason: DECISION }
		);
		assert_noop!(
			IpRights::withdraw_dispute(RuntimeOrigin::signed(BOB_CO), second),
			Error::<Test>::NotClaimant
		);
		assert_ok!(IpRights::withdraw_dispute(RuntimeOrigin::signed(CAROL_CO), second));
		assert_eq!(last_event(), Event::DisputeWithdrawn { dispute: second });
		assert_noop!(
			IpRights::withdraw_dispute(RuntimeOrigin::signed(CAROL_CO), second),
			Error::<Test>::DisputeClosed
		);
		assert_noop!(
			IpRights::withdraw_dispute(RuntimeOrigin::signed(CAROL_CO), 9),
			Error::<Test>::DisputeNotFound
		);
		assert_eq!(Works::<Test>::get(work).unwrap().owner, 10);
		assert!(OpenDisputes::<Test>::get(work).is_empty());
	});
}

#[test]
fn a_dispute_cites_existing_evidence_and_a_real_claim() {
	ExtBuilder::default().build_and_execute(|| {
		let work = registered(1);
		assert_noop!(file(BOB_CO, 3, DisputeKind::Ownership, &[0]), Error::<Test>::WorkNotFound);
		assert_noop!(file(BOB_CO, work, DisputeKind::Ownership, &[]), Error::<Test>::NoEvidence);
		assert_noop!(
			file(BOB_CO, work, DisputeKind::Ownership, &[0, 7]),
			Error::<Test>::EvidenceNotFound
		);
		assert_noop!(
			file(ALICE_CO, work, DisputeKind::Ownership, &[0]),
			Error::<Test>::AlreadyOwner
		);
		assert_noop!(
			file(BOB_CO, work, DisputeKind::Infringement { respondent: 20 }, &[0]),
			Error::<Test>::SelfAccused
		);
		assert_noop!(
			file(BOB_CO, work, DisputeKind::Infringement { respondent: 55 }, &[0]),
			Error::<Test>::OrganizationNotFound
		);
		assert_noop!(
			file(OUTSIDER, work, DisputeKind::Ownership, &[0]),
			sp_runtime::DispatchError::BadOrigin
		);
	});
}

#[test]
fn a_claimant_disputes_a_work_once_at_a_time_and_a_work_has_few_open_disputes() {
	ExtBuilder::default().build_and_execute(|| {
		let work = registered(1);
		disputed(BOB_CO, work, DisputeKind::Ownership);
		assert_noop!(
			file(BOB_CO, work, DisputeKind::Infringement { respondent: 30 }, &[0]),
			Error::<Test>::AlreadyDisputed
		);
		disputed(CAROL_CO, work, DisputeKind::Ownership);
		disputed(ALICE_CO, work, DisputeKind::Infringement { respondent: 30 });
		disputed(COURT, work, DisputeKind::Ownership);
		assert_eq!(OpenDisputes::<Test>::get(work).len() as u32, MAX_OPEN_DISPUTES);
		TestMembership::add(regchain_primitives::testing::TestOrg::new(
			40,
			regchain_primitives::OrgKind::Enterprise,
			&[],
			&[40],
		));
		assert_noop!(file(40, work, DisputeKind::Ownership, &[4]), Error::<Test>::TooManyDisputes);
	});
}

#[test]
fn only_an_ip_office_within_its_jurisdiction_decides() {
	ExtBuilder::default().build_and_execute(|| {
		let work = registered(1);
		let dispute = disputed(BOB_CO, work, DisputeKind::Ownership);
		for who in [PLAIN_OFFICE, COURT, ALICE_CO, BOB_CO, OUTSIDER] {
			assert_noop!(
				IpRights::uphold_dispute(RuntimeOrigin::signed(who), dispute, DECISION),
				sp_runtime::DispatchError::BadOrigin
			);
			assert_noop!(
				IpRights::reject_dispute(RuntimeOrigin::signed(who), dispute, DECISION),
				sp_runtime::DispatchError::BadOrigin
			);
		}
		// Alice's company is in Shanghai; the office is narrowed to Guangdong.
		TestMembership::set_jurisdiction(1, Division(440000));
		assert_noop!(
			IpRights::uphold_dispute(RuntimeOrigin::signed(OFFICE), dispute, DECISION),
			Error::<Test>::OutsideJurisdiction
		);
		assert_noop!(
			IpRights::reject_dispute(RuntimeOrigin::signed(OFFICE), dispute, DECISION),
			Error::<Test>::OutsideJurisdiction
		);
		assert_noop!(
			IpRights::reject_dispute(RuntimeOrigin::signed(OFFICE), 8, DECISION),
			Error::<Test>::DisputeNotFound
		);
		TestMembership::set_jurisdiction(1, Division(310000));
		assert_ok!(IpRights::uphold_dispute(RuntimeOrigin::signed(OFFICE), dispute, DECISION));
	});
}

#[test]
fn an_ownership_claim_of_a_departed_claimant_is_not_upheld() {
	ExtBuilder::default().build_and_execute(|| {
		let work = registered(1);
		let dispute = disputed(BOB_CO, work, DisputeKind::Ownership);
		TestMembership::set_active(20, false);
		assert_noop!(
			IpRights::uphold_dispute(RuntimeOrigin::signed(OFFICE), dispute, DECISION),
			Error::<Test>::OrganizationNotFound
		);
		assert_ok!(IpRights::reject_dispute(RuntimeOrigin::signed(OFFICE), dispute, DECISION));
	});
}

#[test]
fn a_work_under_dispute_is_not_licensed_exclusively() {
	ExtBuilder::default().build_and_execute(|| {
		let work = registered(1);
		let exclusive = offered(ALICE_CO, work, terms(LicenceKind::Commercial, true, None));
		let plain = offered(ALICE_CO, work, terms(LicenceKind::Reprint, false, None));
		let dispute = disputed(BOB_CO, work, DisputeKind::Ownership);
		assert_noop!(
			IpRights::take_licence(RuntimeOrigin::signed(CAROL_CO), exclusive, H256::zero()),
			Error::<Test>::UnderDispute
		);
		// A plain licence is still taken.
		licensed(CAROL_CO, plain);
		assert_ok!(IpRights::withdraw_dispute(RuntimeOrigin::signed(BOB_CO), dispute));
		licensed(CAROL_CO, exclusive);
	});
}

#[test]
fn a_claim_cites_the_claimants_own_evidence_or_evidence_a_court_admitted() {
	ExtBuilder::default().build_and_execute(|| {
		let work = registered(1);
		// Carol's notarization proves nothing of Bob's claim until a court admits it.
		assert_noop!(
			file(BOB_CO, work, DisputeKind::Ownership, &[0, 2]),
			Error::<Test>::EvidenceNotAdmissible
		);
		TestEvidence::set_admitted(2, true);
		assert_ok!(file(BOB_CO, work, DisputeKind::Ownership, &[0, 2]));
		assert_ok!(file(CAROL_CO, work, DisputeKind::Infringement { respondent: 20 }, &[2, 4]));
	});
}

#[test]
fn a_rejected_claimant_waits_before_claiming_again_and_claims_no_more_after_two_rejections() {
	ExtBuilder::default().build_and_execute(|| {
		let work = registered(1);
		let reject = |dispute| {
			assert_ok!(IpRights::reject_dispute(RuntimeOrigin::signed(OFFICE), dispute, DECISION));
		};
		reject(disputed(BOB_CO, work, DisputeKind::Ownership));
		assert_eq!(
			RejectedClaims::<Test>::get((work, 20)),
			Some(Rejections { count: 1, last: day(1) })
		);
		// Refiled at once, even as another kind of claim: refused until 30 days have passed.
		TestClock::set(day(31) - 1);
		assert_noop!(
			file(BOB_CO, work, DisputeKind::Infringement { respondent: 30 }, &[0]),
			Error::<Test>::RefilingTooSoon
		);
		// Others claim meanwhile; withdrawn claims are no rejections.
		let carols = disputed(CAROL_CO, work, DisputeKind::Ownership);
		assert_ok!(IpRights::withdraw_dispute(RuntimeOrigin::signed(CAROL_CO), carols));
		assert_eq!(RejectedClaims::<Test>::get((work, 30)), None);
		TestClock::set(day(31));
		let second = disputed(BOB_CO, work, DisputeKind::Ownership);
		reject(second);
		TestClock::set(day(400));
		assert_noop!(
			file(BOB_CO, work, DisputeKind::Ownership, &[0]),
			Error::<Test>::ClaimantBarred
		);
		// The bar is on this work only.
		let other = registered(2);
		assert_ok!(file(BOB_CO, other, DisputeKind::Ownership, &[0]));
	});
}

#[test]
fn an_upheld_infringement_frees_the_exclusive_horizon_and_bars_the_infringer() {
	ExtBuilder::default().build_and_execute(|| {
		let work = registered(1);
		let long = OfferTerms {
			licence_term: 3_650 * regchain_primitives::time::DAY,
			..terms(LicenceKind::Reprint, false, None)
		};
		// The infringer holds a ten-year licence that would hold back any exclusive licence;
		// Carol's runs 30 days.
		let bobs = licensed(BOB_CO, offered(ALICE_CO, work, long));
		let plain = offered(ALICE_CO, work, terms(LicenceKind::Reprint, false, None));
		TestClock::set(day(2));
		let carols = licensed(CAROL_CO, plain);
		let carols_end = Licences::<Test>::get(carols).unwrap().until;
		assert_ok!(file(ALICE_CO, work, DisputeKind::Infringement { respondent: 20 }, &[3]));
		assert_ok!(IpRights::uphold_dispute(RuntimeOrigin::signed(OFFICE), 0, DECISION));
		assert_eq!(Licences::<Test>::get(bobs).unwrap().revoked, Some(day(2)));
		assert_eq!(LicenceHorizon::<Test>::get((work, LicenceKind::Reprint)), carols_end);
		assert_eq!(BarredLicensees::<Test>::get(work, 20), Some(0));
		assert!(System::events().iter().any(|r| r.event
			== RuntimeEvent::IpRights(Event::LicenseeBarred { work, licensee: 20, dispute: 0 })));
		// Once Carol's licence ends, an exclusive licence is taken: ten years sooner.
		TestClock::set(carols_end);
		let exclusive = offered(ALICE_CO, work, terms(LicenceKind::Reprint, true, None));
		TestMembership::add(regchain_primitives::testing::TestOrg::new(
			40,
			regchain_primitives::OrgKind::Enterprise,
			&[],
			&[40],
		));
		// The infringer takes no new licence of the work, of any kind.
		let commercial = offered(ALICE_CO, work, terms(LicenceKind::Commercial, false, None));
		assert_noop!(
			IpRights::take_licence(RuntimeOrigin::signed(BOB_CO), commercial, H256::zero()),
			Error::<Test>::LicenseeBarred
		);
		licensed(40, exclusive);
		// Only the owner lifts the bar, once.
		assert_noop!(
			IpRights::lift_licence_bar(RuntimeOrigin::signed(CAROL_CO), work, 20),
			Error::<Test>::NotOwner
		);
		assert_noop!(
			IpRights::lift_licence_bar(RuntimeOrigin::signed(ALICE_CO), work, 30),
			Error::<Test>::NotBarred
		);
		assert_ok!(IpRights::lift_licence_bar(RuntimeOrigin::signed(ALICE_CO), work, 20));
		assert_eq!(last_event(), Event::LicenceBarLifted { work, licensee: 20 });
		licensed(BOB_CO, commercial);
	});
}
