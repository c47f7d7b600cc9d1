//! Courts and notary offices certify notarized digests, mark them admitted or challenged in
//! cases, and withdraw their certifications.

use crate::{mock::*, *};
use frame_support::{assert_noop, assert_ok};
use sp_core::H256;

fn certify(
	who: u64,
	id: RecordId,
	digest: H256,
	index: u32,
	proof: Proof,
	issued_on: regchain_primitives::time::Moment,
) -> sp_runtime::DispatchResult {
	Notarization::certify(
		RuntimeOrigin::signed(who),
		id,
		digest,
		index,
		proof,
		H256::repeat_byte(0xce),
		issued_on,
	)
}

#[test]
fn a_court_certifies_a_single_digest() {
	ExtBuilder::default().build_and_execute(|| {
		let id = notarized(1);
		TestClock::set(day(5));
		assert_ok!(certify(COURT, id, digest(1), 0, Proof::default(), day(4)));
		assert_eq!(
			Certifications::<Test>::get((id, digest(1), 1)),
			Some(Certification {
				office: 1,
				certificate: H256::repeat_byte(0xce),
				issued_on: day(4),
				at: day(5),
				status: CertificationStatus::Certified,
			})
		);
		assert_eq!(
			last_event(),
			Event::Certified {
				id,
				digest: digest(1),
				office: 1,
				certificate: H256::repeat_byte(0xce)
			}
		);
	});
}

#[test]
fn an_office_certifies_one_digest_of_a_batch_by_its_proof() {
	ExtBuilder::default().build_and_execute(|| {
		let items = digests(7);
		let id = batch(&items);
		let proof = merkle::proof(HashAlgorithm::Sm3, &items, 6).unwrap();
		assert_ok!(certify(NOTARY_OFFICE, id, items[6], 6, bounded(proof.clone()), day(1)));
		assert_eq!(Certifications::<Test>::get((id, items[6], 2)).unwrap().office, 2);
		// Another digest of the same batch is certified on its own.
		let proof3 = merkle::proof(HashAlgorithm::Sm3, &items, 3).unwrap();
		assert_ok!(certify(COURT, id, items[3], 3, bounded(proof3), day(1)));
		// A wrong proof changes nothing.
		assert_noop!(
			certify(COURT, id, items[5], 5, bounded(proof), day(1)),
			Error::<Test>::InvalidProof
		);
		assert_noop!(
			certify(COURT, id, digest(0xaa), 6, Proof::default(), day(1)),
			Error::<Test>::InvalidProof
		);
	});
}

#[test]
fn certify_fails_for_what_the_record_does_not_hold() {
	ExtBuilder::default().build_and_execute(|| {
		let id = notarized(1);
		assert_noop!(
			certify(COURT, id, digest(2), 0, Proof::default(), day(1)),
			Error::<Test>::NotInRecord
		);
		assert_noop!(
			certify(COURT, id, digest(1), 1, Proof::default(), day(1)),
			Error::<Test>::NotInRecord
		);
		assert_noop!(
			certify(COURT, id, digest(1), 0, bounded(vec![H256::zero()]), day(1)),
			Error::<Test>::NotInRecord
		);
		assert_noop!(
			certify(COURT, 9, digest(1), 0, Proof::default(), day(1)),
			Error::<Test>::RecordNotFound
		);
	});
}

#[test]
fn an_office_certifies_a_digest_once_and_not_for_a_date_after_today() {
	ExtBuilder::default().build_and_execute(|| {
		let id = notarized(1);
		assert_noop!(
			certify(COURT, id, digest(1), 0, Proof::default(), day(1) + 1),
			Error::<Test>::IssuedInFuture
		);
		certified(id, 1);
		assert_noop!(
			certify(COURT, id, digest(1), 0, Proof::default(), day(1)),
			Error::<Test>::AlreadyCertified
		);
	});
}

#[test]
fn only_courts_and_notary_offices_with_the_role_certify() {
	ExtBuilder::default().build_and_execute(|| {
		let id = notarized(1);
		for who in [PLAIN_COURT, TAX, ALICE_CO, OUTSIDER] {
			assert_noop!(
				certify(who, id, digest(1), 0, Proof::default(), day(1)),
				sp_runtime::DispatchError::BadOrigin
			);
		}
	});
}

#[test]
fn the_certifying_office_marks_admission_and_challenge() {
	ExtBuilder::default().build_and_execute(|| {
		let id = notarized(1);
		certified(id, 1);
		let case = H256::repeat_byte(0xca);
		TestClock::set(day(2));
		assert_ok!(Notarization::mark_challenged(
			RuntimeOrigin::signed(COURT),
			id,
			digest(1),
			case
		));
		assert_eq!(
			Certifications::<Test>::get((id, digest(1), 1)).unwrap().status,
			CertificationStatus::Challenged { case, at: day(2) }
		);
		assert_eq!(last_event(), Event::Challenged { id, digest: digest(1), case });
		assert_noop!(
			Notarization::mark_challenged(RuntimeOrigin::signed(COURT), id, digest(1), case),
			Error::<Test>::Unchanged
		);
		TestClock::set(day(3));
		assert_ok!(Notarization::mark_admitted(RuntimeOrigin::signed(COURT), id, digest(1), case));
		assert_eq!(
			Certifications::<Test>::get((id, digest(1), 1)).unwrap().status,
			CertificationStatus::Admitted { case, at: day(3) }
		);
		assert_eq!(last_event(), Event::Admitted { id, digest: digest(1), case });
		assert_noop!(
			Notarization::mark_admitted(RuntimeOrigin::signed(COURT), id, digest(1), case),
			Error::<Test>::Unchanged
		);
	});
}

#[test]
fn each_office_changes_only_its_own_certification() {
	ExtBuilder::default().build_and_execute(|| {
		let id = notarized(1);
		let case = H256::repeat_byte(0xca);
		assert_noop!(
			Notarization::mark_admitted(RuntimeOrigin::signed(COURT), id, digest(1), case),
			Error::<Test>::CertificationNotFound
		);
		certified(id, 1);
		assert_noop!(
			Notarization::mark_admitted(RuntimeOrigin::signed(NOTARY_OFFICE), id, digest(1), case),
			Error::<Test>::CertificationNotFound
		);
		assert_noop!(
			Notarization::withdraw_certification(
				RuntimeOrigin::signed(NOTARY_OFFICE),
				id,
				digest(1),
				case
			),
			Error::<Test>::CertificationNotFound
		);
		assert_noop!(
			Notarization::mark_challenged(RuntimeOrigin::signed(ALICE_CO), id, digest(1), case),
			sp_runtime::DispatchError::BadOrigin
		);
	});
}

#[test]
fn several_courts_certify_one_digest_and_none_blocks_another() {
	ExtBuilder::default().build_and_execute(|| {
		let id = notarized(1);
		let reason = H256::repeat_byte(0x3e);
		certified(id, 1);
		// The first court withdraws at once: before version 3 that was the last word on the
		// digest for every court.
		assert_ok!(Notarization::withdraw_certification(
			RuntimeOrigin::signed(COURT),
			id,
			digest(1),
			reason
		));
		assert_ok!(certify(NOTARY_OFFICE, id, digest(1), 0, Proof::default(), day(1)));
		let case = H256::repeat_byte(0xca);
		assert_ok!(Notarization::mark_admitted(
			RuntimeOrigin::signed(NOTARY_OFFICE),
			id,
			digest(1),
			case
		));
		let statuses: Vec<_> = Notarization::verify_digest(HashAlgorithm::Sha256, digest(1))
			.unwrap()
			.certifications
			.into_iter()
			.map(|c| (c.office, c.status))
			.collect();
		assert_eq!(
			statuses,
			vec![
				(1, CertificationStatus::Withdrawn { reason, at: day(1) }),
				(2, CertificationStatus::Admitted { case, at: day(1) }),
			]
		);
		// The record stands admitted for the domains that cite it, until that admission ends.
		use regchain_primitives::EvidenceRecords;
		assert_eq!(Admissions::<Test>::get(id), Some(1));
		assert!(Notarization::evidence(id).unwrap().admitted);
		assert_ok!(Notarization::mark_challenged(
			RuntimeOrigin::signed(NOTARY_OFFICE),
			id,
			digest(1),
			case
		));
		assert_eq!(Admissions::<Test>::get(id), None);
		assert!(!Notarization::evidence(id).unwrap().admitted);
		// Paged by (digest, office): one page after the first court's holds the second's.
		let page = Notarization::certifications(id, Some((digest(1), 1)), 10);
		assert_eq!(
			page.iter().map(|(d, c)| (*d, c.office)).collect::<Vec<_>>(),
			vec![(digest(1), 2)]
		);
		assert_eq!(Notarization::certifications(id, None, 1).len(), 1);
	});
}

#[test]
fn a_court_certifies_only_within_its_jurisdiction() {
	ExtBuilder::default().build_and_execute(|| {
		let id = notarized(1);
		// Enterprises of the mock are in Shanghai; a Guangdong court does not certify theirs.
		TestMembership::set_jurisdiction(2, regchain_primitives::Division(440000));
		assert_noop!(
			certify(NOTARY_OFFICE, id, digest(1), 0, Proof::default(), day(1)),
			Error::<Test>::OutsideJurisdiction
		);
		TestMembership::set_jurisdiction(2, regchain_primitives::Division(310000));
		assert_ok!(certify(NOTARY_OFFICE, id, digest(1), 0, Proof::default(), day(1)));
	});
}

#[test]
fn a_withdrawn_certification_stays_on_record_and_changes_no_more() {
	ExtBuilder::default().build_and_execute(|| {
		let id = notarized(1);
		certified(id, 1);
		let reason = H256::repeat_byte(0x3e);
		TestClock::set(day(4));
		assert_ok!(Notarization::withdraw_certification(
			RuntimeOrigin::signed(COURT),
			id,
			digest(1),
			reason
		));
		let certification = Certifications::<Test>::get((id, digest(1), 1)).unwrap();
		assert_eq!(certification.status, CertificationStatus::Withdrawn { reason, at: day(4) });
		assert_eq!(certification.office, 1);
		assert_eq!(last_event(), Event::CertificationWithdrawn { id, digest: digest(1), reason });
		for call in [
			Notarization::withdraw_certification(
				RuntimeOrigin::signed(COURT),
				id,
				digest(1),
				reason,
			),
			Notarization::mark_admitted(RuntimeOrigin::signed(COURT), id, digest(1), reason),
		] {
			assert_eq!(call, Err(Error::<Test>::Withdrawn.into()));
		}
		// Nor does this court certify it anew: its withdrawal is its last word on it.
		assert_noop!(
			certify(COURT, id, digest(1), 0, Proof::default(), day(4)),
			Error::<Test>::AlreadyCertified
		);
	});
}
