//! Registering a work: fingerprints, authors' signed declarations, priority.

use crate::{mock::*, *};
use frame_support::{assert_noop, assert_ok};
use sp_core::H256;
use sp_runtime::testing::TestSignature;

fn register(who: u64, n: u8, authors: Declarations<u64, TestSignature>) -> DispatchResult {
	IpRights::register_work(
		RuntimeOrigin::signed(who),
		fingerprint(n),
		Fingerprints::default(),
		WorkType::Article,
		METADATA,
		authors,
	)
}

use frame_support::dispatch::DispatchResult;

#[test]
fn a_member_registers_a_work_signed_by_its_authors() {
	ExtBuilder::default().build_and_execute(|| {
		let authors = [(WRITER, 6_000), (PAINTER, 4_000)];
		assert_ok!(register(ALICE_CO, 1, declarations(fingerprint(1), 10, &authors)));
		let work = Works::<Test>::get(0).expect("stored");
		assert_eq!(work.fingerprint, fingerprint(1));
		assert_eq!(work.owner, 10);
		assert_eq!(work.registered_at, day(1));
		assert_eq!(work.block, 1);
		assert_eq!(
			work.authors.to_vec(),
			vec![Author { key: WRITER, share: 6_000 }, Author { key: PAINTER, share: 4_000 }]
		);
		assert_eq!(WorkByFingerprint::<Test>::get(fingerprint(1)), Some(0));
		assert!(WorksByOwner::<Test>::contains_key(10, 0));
		assert!(WorksByAuthor::<Test>::contains_key(WRITER, 0));
		assert!(WorksByAuthor::<Test>::contains_key(PAINTER, 0));
		assert_eq!(AuthorNonces::<Test>::get(WRITER), 1);
		assert_eq!(AuthorNonces::<Test>::get(PAINTER), 1);
		assert_eq!(
			last_event(),
			Event::WorkRegistered { id: 0, fingerprint: fingerprint(1), owner: 10 }
		);
	});
}

#[test]
fn further_fingerprints_are_stored_as_given_and_signed() {
	ExtBuilder::default().build_and_execute(|| {
		let extra: Fingerprints = vec![Fingerprint {
			scheme: FingerprintScheme::Iscc,
			value: b"ISCC:KACYPXW445FTYNJ3".to_vec().try_into().unwrap(),
		}]
		.try_into()
		.unwrap();
		let authors = [(WRITER, 10_000)];
		let message = IpRights::declaration(
			fingerprint(1),
			&extra,
			WorkType::Image,
			METADATA,
			10,
			&authors,
			0,
		);
		let declaration = Declaration {
			key: WRITER,
			share: 10_000,
			nonce: 0,
			signature: TestSignature(WRITER, message),
		};
		// The signature covers the further fingerprints: dropping them breaks it.
		assert_noop!(
			IpRights::register_work(
				RuntimeOrigin::signed(ALICE_CO),
				fingerprint(1),
				Fingerprints::default(),
				WorkType::Image,
				METADATA,
				vec![declaration.clone()].try_into().unwrap(),
			),
			Error::<Test>::InvalidAuthorSignature
		);
		assert_ok!(IpRights::register_work(
			RuntimeOrigin::signed(ALICE_CO),
			fingerprint(1),
			extra.clone(),
			WorkType::Image,
			METADATA,
			vec![declaration].try_into().unwrap(),
		));
		assert_eq!(Works::<Test>::get(0).unwrap().extra, extra);
	});
}

#[test]
fn the_first_registrant_holds_priority() {
	ExtBuilder::default().build_and_execute(|| {
		registered(1);
		TestClock::set(day(3));
		assert_noop!(
			register(BOB_CO, 1, declarations(fingerprint(1), 20, &[(PAINTER, 10_000)])),
			Error::<Test>::AlreadyRegistered
		);
		let (id, original) = IpRights::work_by_fingerprint(fingerprint(1)).unwrap();
		assert_eq!((id, original.owner, original.registered_at), (0, 10, day(1)));
	});
}

#[test]
fn shares_must_be_positive_distinct_and_whole() {
	ExtBuilder::default().build_and_execute(|| {
		let f = fingerprint(1);
		assert_noop!(register(ALICE_CO, 1, Default::default()), Error::<Test>::NoAuthors);
		assert_noop!(
			register(ALICE_CO, 1, declarations(f, 10, &[(WRITER, 6_000), (PAINTER, 3_999)])),
			Error::<Test>::SharesDoNotSum
		);
		assert_noop!(
			register(ALICE_CO, 1, declarations(f, 10, &[(WRITER, 6_000), (PAINTER, 4_001)])),
			Error::<Test>::SharesDoNotSum
		);
		assert_noop!(
			register(ALICE_CO, 1, declarations(f, 10, &[(WRITER, 10_000), (PAINTER, 0)])),
			Error::<Test>::ZeroShare
		);
		assert_noop!(
			register(ALICE_CO, 1, declarations(f, 10, &[(WRITER, 5_000), (WRITER, 5_000)])),
			Error::<Test>::DuplicateAuthor
		);
		assert_noop!(
			IpRights::register_work(
				RuntimeOrigin::signed(ALICE_CO),
				H256::zero(),
				Fingerprints::default(),
				WorkType::Article,
				METADATA,
				declarations(H256::zero(), 10, &[(WRITER, 10_000)]),
			),
			Error::<Test>::EmptyFingerprint
		);
	});
}

#[test]
fn a_bad_or_borrowed_signature_is_refused() {
	ExtBuilder::default().build_and_execute(|| {
		let f = fingerprint(1);
		let authors = [(WRITER, 5_000), (PAINTER, 5_000)];
		// The painter's signature made by someone else.
		let mut forged = declarations(f, 10, &authors);
		forged[1].signature = signed(f, 10, &authors, EDITOR, 0);
		assert_noop!(register(ALICE_CO, 1, forged), Error::<Test>::InvalidAuthorSignature);
		// Signed for Bob's company: Alice's cannot use it.
		assert_noop!(
			register(ALICE_CO, 1, declarations(f, 20, &authors)),
			Error::<Test>::InvalidAuthorSignature
		);
		// Signed for other shares.
		let mut reshared = declarations(f, 10, &[(WRITER, 9_000), (PAINTER, 1_000)]);
		reshared[0].share = 5_000;
		reshared[1].share = 5_000;
		assert_noop!(register(ALICE_CO, 1, reshared), Error::<Test>::InvalidAuthorSignature);
		// Signed for another fingerprint.
		assert_noop!(
			register(ALICE_CO, 1, declarations(fingerprint(2), 10, &authors)),
			Error::<Test>::InvalidAuthorSignature
		);
		// Signed on another chain (another genesis hash).
		let mut elsewhere = declarations(f, 10, &authors);
		frame_system::BlockHash::<Test>::insert(0, H256::repeat_byte(0x99));
		assert_noop!(
			register(ALICE_CO, 1, elsewhere.clone()),
			Error::<Test>::InvalidAuthorSignature
		);
		elsewhere = declarations(f, 10, &authors);
		assert_ok!(register(ALICE_CO, 1, elsewhere));
	});
}

#[test]
fn a_replayed_declaration_is_refused() {
	ExtBuilder::default().build_and_execute(|| {
		let authors = [(WRITER, 10_000)];
		let first = declarations(fingerprint(1), 10, &authors);
		assert_ok!(register(ALICE_CO, 1, first.clone()));
		// The same signed declaration again: its nonce counted once.
		assert_noop!(register(ALICE_CO, 1, first), Error::<Test>::InvalidNonce);
		// A declaration with a nonce ahead of the author's.
		let mut ahead = declarations(fingerprint(2), 10, &authors);
		ahead[0].nonce = 5;
		ahead[0].signature = signed(fingerprint(2), 10, &authors, WRITER, 5);
		assert_noop!(register(ALICE_CO, 2, ahead), Error::<Test>::InvalidNonce);
		assert_ok!(register(ALICE_CO, 2, declarations(fingerprint(2), 10, &authors)));
		assert_eq!(AuthorNonces::<Test>::get(WRITER), 2);
	});
}

#[test]
fn only_members_register() {
	ExtBuilder::default().build_and_execute(|| {
		assert_noop!(
			register(OUTSIDER, 1, declarations(fingerprint(1), 99, &[(WRITER, 10_000)])),
			sp_runtime::DispatchError::BadOrigin
		);
		// Agencies own reports too.
		assert_ok!(register(COURT, 1, declarations(fingerprint(1), 3, &[(WRITER, 10_000)])));
	});
}
