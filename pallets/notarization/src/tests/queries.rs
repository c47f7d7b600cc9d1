//! Public verification through the runtime API's functions.

use crate::{mock::*, *};
use frame_support::assert_ok;
use regchain_primitives::Freeze;
use sp_core::H256;

#[test]
fn verify_digest_answers_who_when_and_the_certification() {
	ExtBuilder::default().build_and_execute(|| {
		assert_eq!(Notarization::verify_digest(HashAlgorithm::Sha256, digest(1)), None);
		let id = notarized(1);
		let answer = Notarization::verify_digest(HashAlgorithm::Sha256, digest(1)).unwrap();
		assert_eq!(answer.id, id);
		assert_eq!((answer.record.owner, answer.record.at, answer.record.block), (10, day(1), 1));
		assert_eq!((answer.certifications, answer.frozen), (vec![], None));
		// Another algorithm's fingerprint of the same bytes is not this one.
		assert_eq!(Notarization::verify_digest(HashAlgorithm::Sm3, digest(1)), None);
		certified(id, 1);
		assert_ok!(Notarization::freeze(RuntimeOrigin::signed(COURT), id, H256::zero()));
		let answer = Notarization::verify_digest(HashAlgorithm::Sha256, digest(1)).unwrap();
		assert_eq!(answer.certifications[0].status, CertificationStatus::Certified);
		assert_eq!(answer.certifications.len(), 1);
		assert_eq!(answer.frozen, Some(Freeze { by: 1, at: day(1), reason: H256::zero() }));
	});
}

#[test]
fn verify_in_batch_proves_a_digest_of_a_batch() {
	ExtBuilder::default().build_and_execute(|| {
		let items = digests(11);
		let id = batch(&items);
		let proof = merkle::proof(HashAlgorithm::Sm3, &items, 10).unwrap();
		let answer =
			Notarization::verify_in_batch(id, HashAlgorithm::Sm3, items[10], 10, proof.clone())
				.unwrap();
		assert_eq!(answer.id, id);
		assert_eq!(answer.record.owner, 10);
		// A wrong digest, algorithm, index or record, or an over-long proof: no answer.
		let verify = |id, algorithm, digest, index, proof: Vec<H256>| {
			Notarization::verify_in_batch(id, algorithm, digest, index, proof)
		};
		assert_eq!(verify(id, HashAlgorithm::Sm3, items[9], 10, proof.clone()), None);
		assert_eq!(verify(id, HashAlgorithm::Sha256, items[10], 10, proof.clone()), None);
		assert_eq!(verify(id, HashAlgorithm::Sm3, items[10], 9, proof.clone()), None);
		assert_eq!(verify(id + 1, HashAlgorithm::Sm3, items[10], 10, proof.clone()), None);
		let long = [proof.clone(), vec![H256::zero(); 40]].concat();
		assert_eq!(verify(id, HashAlgorithm::Sm3, items[10], 10, long), None);
		// A single record is no batch.
		let single = notarized(1);
		assert_eq!(verify(single, HashAlgorithm::Sha256, digest(1), 0, vec![]), None);
	});
}

#[test]
fn a_batch_is_found_by_its_root_and_lists_its_certifications() {
	ExtBuilder::default().build_and_execute(|| {
		let items = digests(4);
		let id = batch(&items);
		let root = merkle::root(HashAlgorithm::Sm3, &items);
		assert_eq!(Notarization::batch_of_root(root).map(|(i, _)| i), Some(id));
		assert_eq!(Notarization::batch_of_root(H256::zero()), None);
		for index in 0..4u32 {
			let proof = merkle::proof(HashAlgorithm::Sm3, &items, index).unwrap();
			assert_ok!(Notarization::certify(
				RuntimeOrigin::signed(COURT),
				id,
				items[index as usize],
				index,
				bounded(proof),
				H256::repeat_byte(index as u8),
				day(1),
			));
		}
		let all = Notarization::certifications(id, None, 10);
		assert_eq!(all.len(), 4);
		let first = Notarization::certifications(id, None, 2);
		let rest = Notarization::certifications(id, Some((first[1].0, first[1].1.office)), 10);
		assert_eq!(first.len() + rest.len(), 4);
		let mut seen: Vec<H256> = first.iter().chain(rest.iter()).map(|(d, _)| *d).collect();
		seen.sort();
		let mut expected = items.clone();
		expected.sort();
		assert_eq!(seen, expected);
	});
}

#[test]
fn records_of_pages_an_organizations_evidence_and_one_event_per_notarization() {
	ExtBuilder::default().build_and_execute(|| {
		let first = notarized(1);
		let items = digests(3);
		let anchored = batch(&items);
		let third = notarized(2);
		// One event for one notarization.
		let notarized_events = System::events()
			.iter()
			.filter(|r| matches!(r.event, RuntimeEvent::Notarization(Event::Notarized { .. })))
			.count();
		assert_eq!(notarized_events, 2);
		let ids = |start, limit| -> Vec<RecordId> {
			Notarization::records_of(10, start, limit).into_iter().map(|(id, _)| id).collect()
		};
		// In storage order; two pages of 2 hold the three, each once.
		let mut all = ids(None, 100);
		all.sort();
		assert_eq!(all, vec![first, anchored, third]);
		let page = ids(None, 2);
		assert_eq!(page.len(), 2);
		let mut both = [page.clone(), ids(page.last().copied(), 2)].concat();
		both.sort();
		assert_eq!(both, vec![first, anchored, third]);
		assert_eq!(Notarization::records_of(10, None, 1)[0].1.owner, 10);
		// Another organization's evidence is not in it.
		assert!(Notarization::records_of(20, None, 100).is_empty());
		assert_ok!(Notarization::notarize(
			RuntimeOrigin::signed(BOB_CO),
			HashAlgorithm::Sha256,
			digest(9),
			EvidenceType::Contract,
			H256::zero(),
			None,
		));
		assert_eq!(Notarization::records_of(20, None, 100).len(), 1);
		assert_eq!(ids(None, 100).len(), 3);
	});
}
