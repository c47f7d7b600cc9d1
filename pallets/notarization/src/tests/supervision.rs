//! Courts freeze records within their jurisdiction (preservation orders), through the shared
//! freeze of `regchain-primitives`.

use crate::{mock::*, *};
use frame_support::{assert_noop, assert_ok};
use regchain_primitives::{
	testing::assert_frozen_listing, Division, FreezableRecords, Freeze, Freezes, RecordRef,
};
use sp_core::H256;

const REASON: H256 = H256::repeat_byte(0x0f);

#[test]
fn a_court_freezes_a_record_and_its_certifications_stop_changing() {
	ExtBuilder::default().build_and_execute(|| {
		let id = notarized(1);
		certified(id, 1);
		TestClock::set(day(2));
		assert_ok!(Notarization::freeze(RuntimeOrigin::signed(PLAIN_COURT), id, REASON));
		assert_eq!(
			FrozenRecords::<Test>::get(id),
			Some(Freeze { by: 3, at: day(2), reason: REASON })
		);
		assert_eq!(last_event(), Event::Frozen { id, by: 3, reason: REASON });
		assert_noop!(
			Notarization::withdraw_certification(
				RuntimeOrigin::signed(COURT),
				id,
				digest(1),
				REASON
			),
			Error::<Test>::Frozen
		);
		assert_noop!(
			Notarization::mark_admitted(RuntimeOrigin::signed(COURT), id, digest(1), REASON),
			Error::<Test>::Frozen
		);
		let other = notarized(2);
		assert_ok!(Notarization::freeze(RuntimeOrigin::signed(COURT), other, REASON));
		assert_noop!(
			Notarization::certify(
				RuntimeOrigin::signed(COURT),
				other,
				digest(2),
				0,
				Proof::default(),
				H256::zero(),
				day(1)
			),
			Error::<Test>::Frozen
		);
		assert_ok!(Notarization::unfreeze(RuntimeOrigin::signed(PLAIN_COURT), id));
		assert_eq!(FrozenRecords::<Test>::get(id), None);
		assert_eq!(last_event(), Event::Unfrozen { id, by: 3 });
		assert_ok!(Notarization::mark_admitted(
			RuntimeOrigin::signed(COURT),
			id,
			digest(1),
			REASON
		));
	});
}

#[test]
fn freeze_refusals() {
	ExtBuilder::default().build_and_execute(|| {
		let id = notarized(1);
		assert_noop!(
			Notarization::freeze(RuntimeOrigin::signed(COURT), 5, REASON),
			Error::<Test>::RecordNotFound
		);
		assert_noop!(
			Notarization::unfreeze(RuntimeOrigin::signed(COURT), id),
			Error::<Test>::NotFrozen
		);
		for who in [TAX, ALICE_CO, OUTSIDER] {
			assert_noop!(
				Notarization::freeze(RuntimeOrigin::signed(who), id, REASON),
				sp_runtime::DispatchError::BadOrigin
			);
		}
		assert_ok!(Notarization::freeze(RuntimeOrigin::signed(COURT), id, REASON));
		assert_noop!(
			Notarization::freeze(RuntimeOrigin::signed(COURT), id, REASON),
			Error::<Test>::AlreadyFrozen
		);
	});
}

#[test]
fn a_court_freezes_only_within_its_jurisdiction() {
	ExtBuilder::default().build_and_execute(|| {
		// Alice's company is in Shanghai; the court is narrowed to Guangdong.
		let id = notarized(1);
		TestMembership::set_jurisdiction(3, Division(440000));
		assert_noop!(
			Notarization::freeze(RuntimeOrigin::signed(PLAIN_COURT), id, REASON),
			Error::<Test>::OutsideJurisdiction
		);
		TestMembership::set_jurisdiction(3, Division(310000));
		assert_ok!(Notarization::freeze(RuntimeOrigin::signed(PLAIN_COURT), id, REASON));
		TestMembership::set_jurisdiction(3, Division(440000));
		assert_noop!(
			Notarization::unfreeze(RuntimeOrigin::signed(PLAIN_COURT), id),
			Error::<Test>::OutsideJurisdiction
		);
	});
}

#[test]
fn the_shared_freeze_reaches_notarization_records_with_the_calls_checks_and_events() {
	ExtBuilder::default().build_and_execute(|| {
		type Shared = Freezes<Notarization>;
		let id = notarized(1);
		let record = RecordRef::new(NOTARIZATION, id);
		assert!(Shared::keeps(NOTARIZATION));
		assert!(!Shared::keeps(*b"cred"));
		assert_eq!(<Shared as FreezableRecords>::subject(record), Some(10));
		assert_eq!(<Shared as FreezableRecords>::subject(RecordRef::new(*b"cred", id)), None);
		assert_noop!(
			<Shared as FreezableRecords>::freeze(RecordRef::new(NOTARIZATION, 99), 1, REASON),
			Error::<Test>::RecordNotFound
		);
		assert_ok!(<Shared as FreezableRecords>::freeze(record, 1, REASON));
		assert_eq!(last_event(), Event::Frozen { id, by: 1, reason: REASON });
		let freeze = Freeze { by: 1, at: day(1), reason: REASON };
		assert_eq!(<Shared as FreezableRecords>::frozen(record), Some(freeze));
		assert_noop!(
			<Shared as FreezableRecords>::freeze(record, 1, REASON),
			Error::<Test>::AlreadyFrozen
		);
		assert_ok!(<Shared as FreezableRecords>::unfreeze(record, 1));
		assert_eq!(last_event(), Event::Unfrozen { id, by: 1 });
		assert_eq!(<Shared as FreezableRecords>::frozen(record), None);
		assert_noop!(<Shared as FreezableRecords>::unfreeze(record, 1), Error::<Test>::NotFrozen);
	});
}

#[test]
fn the_frozen_records_are_listed_with_their_owner_and_freeze() {
	ExtBuilder::default().build_and_execute(|| {
		let ids: Vec<_> = (1..=3).map(notarized).collect();
		assert_frozen_listing(Notarization::frozen_records, &[]);
		for id in [ids[0], ids[2]] {
			assert_ok!(Notarization::freeze(RuntimeOrigin::signed(PLAIN_COURT), id, REASON));
		}
		let entry = |id| {
			let owner = Records::<Test>::get(id).unwrap().owner;
			(id, owner, FrozenRecords::<Test>::get(id).unwrap())
		};
		assert_frozen_listing(Notarization::frozen_records, &[entry(ids[0]), entry(ids[2])]);
		assert_ok!(Notarization::unfreeze(RuntimeOrigin::signed(PLAIN_COURT), ids[0]));
		assert_frozen_listing(Notarization::frozen_records, &[entry(ids[2])]);
	});
}
