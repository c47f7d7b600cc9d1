//! IP offices freeze works within their jurisdiction, through the shared freeze of
//! `regchain-primitives`.

use crate::{mock::*, *};
use frame_support::{assert_noop, assert_ok};
use regchain_primitives::{
	testing::assert_frozen_listing, Division, FreezableRecords, Freeze, Freezes, RecordRef,
};
use sp_core::H256;

const REASON: H256 = H256::repeat_byte(0x0f);

#[test]
fn a_frozen_work_is_not_transferred_offered_licensed_or_decided() {
	ExtBuilder::default().build_and_execute(|| {
		let work = registered(1);
		let offer = offered(ALICE_CO, work, terms(LicenceKind::Reprint, false, None));
		let dispute = disputed(BOB_CO, work, DisputeKind::Ownership);
		TestClock::set(day(2));
		// An IP office without the examiner role still freezes: it is a regulatory act.
		assert_ok!(IpRights::freeze(RuntimeOrigin::signed(PLAIN_OFFICE), work, REASON));
		assert_eq!(
			FrozenWorks::<Test>::get(work),
			Some(Freeze { by: 2, at: day(2), reason: REASON })
		);
		assert_eq!(last_event(), Event::Frozen { work, by: 2, reason: REASON });
		assert_noop!(
			IpRights::publish_offer(
				RuntimeOrigin::signed(ALICE_CO),
				work,
				terms(LicenceKind::Reprint, false, None)
			),
			Error::<Test>::Frozen
		);
		assert_noop!(
			IpRights::take_licence(RuntimeOrigin::signed(CAROL_CO), offer, H256::zero()),
			Error::<Test>::Frozen
		);
		assert_noop!(
			IpRights::uphold_dispute(RuntimeOrigin::signed(OFFICE), dispute, REASON),
			Error::<Test>::Frozen
		);
		assert_ok!(IpRights::withdraw_dispute(RuntimeOrigin::signed(BOB_CO), dispute));
		assert_noop!(
			IpRights::transfer(RuntimeOrigin::signed(ALICE_CO), work, 30, REASON),
			Error::<Test>::Frozen
		);
		// Withdrawing an offer only narrows what the owner grants.
		assert_ok!(IpRights::withdraw_offer(RuntimeOrigin::signed(ALICE_CO), offer));
		assert_ok!(IpRights::unfreeze(RuntimeOrigin::signed(OFFICE), work));
		assert_eq!(last_event(), Event::Unfrozen { work, by: 1 });
		assert_eq!(FrozenWorks::<Test>::get(work), None);
		assert_ok!(IpRights::transfer(RuntimeOrigin::signed(ALICE_CO), work, 30, REASON));
	});
}

#[test]
fn freeze_refusals() {
	ExtBuilder::default().build_and_execute(|| {
		let work = registered(1);
		assert_noop!(
			IpRights::freeze(RuntimeOrigin::signed(OFFICE), 5, REASON),
			Error::<Test>::WorkNotFound
		);
		assert_noop!(
			IpRights::unfreeze(RuntimeOrigin::signed(OFFICE), work),
			Error::<Test>::NotFrozen
		);
		for who in [COURT, ALICE_CO, OUTSIDER] {
			assert_noop!(
				IpRights::freeze(RuntimeOrigin::signed(who), work, REASON),
				sp_runtime::DispatchError::BadOrigin
			);
		}
		assert_ok!(IpRights::freeze(RuntimeOrigin::signed(OFFICE), work, REASON));
		assert_noop!(
			IpRights::freeze(RuntimeOrigin::signed(OFFICE), work, REASON),
			Error::<Test>::AlreadyFrozen
		);
	});
}

#[test]
fn an_office_freezes_only_within_its_jurisdiction() {
	ExtBuilder::default().build_and_execute(|| {
		let work = registered(1);
		TestMembership::set_jurisdiction(2, Division(440000));
		assert_noop!(
			IpRights::freeze(RuntimeOrigin::signed(PLAIN_OFFICE), work, REASON),
			Error::<Test>::OutsideJurisdiction
		);
		TestMembership::set_jurisdiction(2, Division(310000));
		assert_ok!(IpRights::freeze(RuntimeOrigin::signed(PLAIN_OFFICE), work, REASON));
		TestMembership::set_jurisdiction(2, Division(440000));
		assert_noop!(
			IpRights::unfreeze(RuntimeOrigin::signed(PLAIN_OFFICE), work),
			Error::<Test>::OutsideJurisdiction
		);
	});
}

#[test]
fn the_shared_freeze_reaches_works_with_the_calls_checks_and_events() {
	ExtBuilder::default().build_and_execute(|| {
		type Shared = Freezes<IpRights>;
		let work = registered(1);
		let record = RecordRef::new(IP_RIGHTS, work);
		assert!(Shared::keeps(IP_RIGHTS));
		assert!(!Shared::keeps(*b"nota"));
		assert_eq!(<Shared as FreezableRecords>::subject(record), Some(10));
		assert_eq!(<Shared as FreezableRecords>::subject(RecordRef::new(*b"nota", work)), None);
		assert_noop!(
			<Shared as FreezableRecords>::freeze(RecordRef::new(IP_RIGHTS, 99), 1, REASON),
			Error::<Test>::WorkNotFound
		);
		assert_ok!(<Shared as FreezableRecords>::freeze(record, 1, REASON));
		assert_eq!(last_event(), Event::Frozen { work, by: 1, reason: REASON });
		let freeze = Freeze { by: 1, at: day(1), reason: REASON };
		assert_eq!(<Shared as FreezableRecords>::frozen(record), Some(freeze));
		assert_noop!(
			<Shared as FreezableRecords>::freeze(record, 1, REASON),
			Error::<Test>::AlreadyFrozen
		);
		assert_ok!(<Shared as FreezableRecords>::unfreeze(record, 1));
		assert_eq!(last_event(), Event::Unfrozen { work, by: 1 });
		assert_eq!(<Shared as FreezableRecords>::frozen(record), None);
	});
}

#[test]
fn the_frozen_works_are_listed_with_their_owner_and_freeze() {
	ExtBuilder::default().build_and_execute(|| {
		let works: Vec<_> = (1..=3).map(registered).collect();
		assert_frozen_listing(IpRights::frozen_works, &[]);
		for work in &works[1..] {
			assert_ok!(IpRights::freeze(RuntimeOrigin::signed(OFFICE), *work, REASON));
		}
		let entry = |work| {
			let owner = Works::<Test>::get(work).unwrap().owner;
			(work, owner, FrozenWorks::<Test>::get(work).unwrap())
		};
		assert_frozen_listing(IpRights::frozen_works, &[entry(works[1]), entry(works[2])]);
		assert_ok!(IpRights::unfreeze(RuntimeOrigin::signed(OFFICE), works[2]));
		assert_frozen_listing(IpRights::frozen_works, &[entry(works[1])]);
	});
}
