//! Notarizing digests and anchoring batches.

use crate::{mock::*, *};
use frame_support::{assert_noop, assert_ok};
use sp_core::H256;

#[test]
fn notarize_stores_the_digest_with_its_time_and_block() {
	ExtBuilder::default().build_and_execute(|| {
		System::set_block_number(7);
		TestClock::set(day(3));
		let case = Some(H256::repeat_byte(0xca));
		assert_ok!(Notarization::notarize(
			RuntimeOrigin::signed(BOB_CO),
			HashAlgorithm::Blake2b256,
			digest(1),
			EvidenceType::WebPage,
			H256::repeat_byte(0xee),
			case,
		));
		let record = Records::<Test>::get(0).expect("stored");
		assert_eq!(
			record,
			Record {
				owner: 20,
				anchor: Anchor::Digest { algorithm: HashAlgorithm::Blake2b256, digest: digest(1) },
				evidence_type: EvidenceType::WebPage,
				metadata: H256::repeat_byte(0xee),
				case,
				at: day(3),
				block: 7,
			}
		);
		assert_eq!(Digests::<Test>::get((HashAlgorithm::Blake2b256, digest(1))), Some(0));
		assert_eq!(NextRecordId::<Test>::get(), 1);
		assert_eq!(
			last_event(),
			Event::Notarized {
				id: 0,
				owner: 20,
				algorithm: HashAlgorithm::Blake2b256,
				digest: digest(1)
			}
		);
	});
}

#[test]
fn notarize_fails_for_a_digest_already_notarized_by_anyone() {
	ExtBuilder::default().build_and_execute(|| {
		notarized(1);
		assert_noop!(
			Notarization::notarize(
				RuntimeOrigin::signed(BOB_CO),
				HashAlgorithm::Sha256,
				digest(1),
				EvidenceType::Image,
				H256::zero(),
				None,
			),
			Error::<Test>::AlreadyNotarized
		);
		// The query names the original.
		let original = Notarization::verify_digest(HashAlgorithm::Sha256, digest(1)).unwrap();
		assert_eq!((original.id, original.record.owner), (0, 10));
	});
}

#[test]
fn the_same_bytes_under_another_algorithm_are_another_fingerprint() {
	ExtBuilder::default().build_and_execute(|| {
		notarized(1);
		assert_ok!(Notarization::notarize(
			RuntimeOrigin::signed(ALICE_CO),
			HashAlgorithm::Sm3,
			digest(1),
			EvidenceType::Contract,
			H256::zero(),
			None,
		));
		assert_eq!(Digests::<Test>::get((HashAlgorithm::Sm3, digest(1))), Some(1));
	});
}

#[test]
fn only_members_notarize() {
	ExtBuilder::default().build_and_execute(|| {
		assert_noop!(
			Notarization::notarize(
				RuntimeOrigin::signed(OUTSIDER),
				HashAlgorithm::Sha256,
				digest(1),
				EvidenceType::Document,
				H256::zero(),
				None,
			),
			sp_runtime::DispatchError::BadOrigin
		);
	});
}

#[test]
fn anchor_batch_stores_the_root_and_its_size() {
	ExtBuilder::default().build_and_execute(|| {
		let items = digests(5);
		let root = merkle::root(HashAlgorithm::Sm3, &items);
		let id = batch(&items);
		let record = Records::<Test>::get(id).unwrap();
		assert_eq!(record.anchor, Anchor::Batch { algorithm: HashAlgorithm::Sm3, root, leaves: 5 });
		assert_eq!(record.owner, 10);
		assert_eq!(Roots::<Test>::get(root), Some(id));
		assert_eq!(
			last_event(),
			Event::BatchAnchored { id, owner: 10, algorithm: HashAlgorithm::Sm3, root, leaves: 5 }
		);
	});
}

#[test]
fn anchor_batch_fails_when_empty_or_anchored_already() {
	ExtBuilder::default().build_and_execute(|| {
		let anchor = |root: H256, leaves| {
			Notarization::anchor_batch(
				RuntimeOrigin::signed(BOB_CO),
				HashAlgorithm::Sha256,
				root,
				leaves,
				EvidenceType::Document,
				H256::zero(),
				None,
			)
		};
		assert_noop!(anchor(H256::repeat_byte(1), 0), Error::<Test>::EmptyBatch);
		let items = digests(3);
		batch(&items);
		assert_noop!(
			anchor(merkle::root(HashAlgorithm::Sm3, &items), 3),
			Error::<Test>::AlreadyNotarized
		);
	});
}

#[test]
fn record_ids_run_on_across_digests_and_batches() {
	ExtBuilder::default().build_and_execute(|| {
		assert_eq!(notarized(1), 0);
		assert_eq!(batch(&digests(2)), 1);
		assert_eq!(notarized(2), 2);
		assert_eq!(NextRecordId::<Test>::get(), 3);
	});
}

#[test]
fn a_batch_owner_indexes_its_digest_and_a_later_single_record_is_not_the_original() {
	ExtBuilder::default().build_and_execute(|| {
		let items = digests(5);
		let id = batch(&items);
		let proof = |index| bounded(merkle::proof(HashAlgorithm::Sm3, &items, index).unwrap());
		let index = |who, digest, at, proof| {
			Notarization::index_batch_digest(RuntimeOrigin::signed(who), id, digest, at, proof)
		};
		// A rival who saw item 2 notarizes it singly, after the batch.
		let rival = NextRecordId::<Test>::get();
		assert_ok!(Notarization::notarize(
			RuntimeOrigin::signed(BOB_CO),
			HashAlgorithm::Sm3,
			items[2],
			EvidenceType::Image,
			H256::zero(),
			None,
		));
		assert_eq!(Notarization::verify_digest(HashAlgorithm::Sm3, items[2]).unwrap().id, rival);
		// Only the batch's owner indexes, with a proof the chain checks.
		assert_noop!(index(BOB_CO, items[2], 2, proof(2)), Error::<Test>::NotRecordOwner);
		assert_noop!(index(ALICE_CO, items[2], 3, proof(2)), Error::<Test>::InvalidProof);
		assert_ok!(index(ALICE_CO, items[2], 2, proof(2)));
		assert_eq!(last_event(), Event::BatchDigestIndexed { id, digest: items[2], index: 2 });
		assert_noop!(index(ALICE_CO, items[2], 2, proof(2)), Error::<Test>::AlreadyIndexed);
		// Found by itself: the batch first, the rival's record named as later.
		let answer = Notarization::verify_digest(HashAlgorithm::Sm3, items[2]).unwrap();
		assert_eq!((answer.id, answer.batch_index, answer.later), (id, Some(2), Some(rival)));
		// An indexed digest is not notarized singly afterwards.
		assert_ok!(index(ALICE_CO, items[4], 4, proof(4)));
		assert_noop!(
			Notarization::notarize(
				RuntimeOrigin::signed(BOB_CO),
				HashAlgorithm::Sm3,
				items[4],
				EvidenceType::Image,
				H256::zero(),
				None,
			),
			Error::<Test>::AlreadyNotarized
		);
		// A batch is not the original of a digest notarized singly before it.
		assert_ok!(Notarization::notarize(
			RuntimeOrigin::signed(BOB_CO),
			HashAlgorithm::Sm3,
			digest(9),
			EvidenceType::Image,
			H256::zero(),
			None,
		));
		let pair = [digest(9), digest(8)];
		let later_batch = batch(&pair);
		let first = bounded(merkle::proof(HashAlgorithm::Sm3, &pair, 0).unwrap());
		assert_noop!(
			Notarization::index_batch_digest(
				RuntimeOrigin::signed(ALICE_CO),
				later_batch,
				digest(9),
				0,
				first
			),
			Error::<Test>::NotEarlier
		);
		// A single record is no batch.
		assert_noop!(
			Notarization::index_batch_digest(
				RuntimeOrigin::signed(BOB_CO),
				rival,
				items[2],
				0,
				Proof::default()
			),
			Error::<Test>::NotABatch
		);
	});
}
