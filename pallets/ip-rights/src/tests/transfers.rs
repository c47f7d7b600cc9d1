//! Transfers of ownership.

use crate::{mock::*, *};
use frame_support::{assert_noop, assert_ok};
use sp_core::H256;

const CONTRACT: H256 = H256::repeat_byte(0xc0);

#[test]
fn an_owner_transfers_a_work_and_its_offers_close() {
	ExtBuilder::default().build_and_execute(|| {
		let work = registered(1);
		let offer = offered(ALICE_CO, work, terms(LicenceKind::Reprint, false, None));
		let licence = licensed(CAROL_CO, offer);
		TestClock::set(day(2));
		assert_ok!(IpRights::transfer(RuntimeOrigin::signed(ALICE_CO), work, 20, CONTRACT));
		assert_eq!(last_event(), Event::Transferred { work, from: 10, to: 20, contract: CONTRACT });
		assert!(System::events()
			.iter()
			.any(|r| r.event == RuntimeEvent::IpRights(Event::OfferClosed { offer })));
		assert_eq!(Works::<Test>::get(work).unwrap().owner, 20);
		assert!(!WorksByOwner::<Test>::contains_key(10, work));
		assert!(WorksByOwner::<Test>::contains_key(20, work));
		assert_eq!(Offers::<Test>::get(offer).unwrap().status, OfferStatus::Closed { at: day(2) });
		assert!(OpenOffers::<Test>::get(work).is_empty());
		// The licence granted stands; the authors stay the authors.
		assert!(Licences::<Test>::get(licence).unwrap().is_valid(day(2)));
		assert!(WorksByAuthor::<Test>::contains_key(WRITER, work));
		// The old owner no longer acts for it.
		assert_noop!(
			IpRights::transfer(RuntimeOrigin::signed(ALICE_CO), work, 30, CONTRACT),
			Error::<Test>::NotOwner
		);
		assert_noop!(
			IpRights::publish_offer(
				RuntimeOrigin::signed(ALICE_CO),
				work,
				terms(LicenceKind::Reprint, false, None)
			),
			Error::<Test>::NotOwner
		);
	});
}

#[test]
fn transfer_refusals() {
	ExtBuilder::default().build_and_execute(|| {
		let work = registered(1);
		let transfer =
			|who, work, to| IpRights::transfer(RuntimeOrigin::signed(who), work, to, CONTRACT);
		assert_noop!(transfer(ALICE_CO, 4, 20), Error::<Test>::WorkNotFound);
		assert_noop!(transfer(BOB_CO, work, 30), Error::<Test>::NotOwner);
		assert_noop!(transfer(ALICE_CO, work, 10), Error::<Test>::AlreadyOwner);
		assert_noop!(transfer(ALICE_CO, work, 77), Error::<Test>::OrganizationNotFound);
		TestMembership::set_active(30, false);
		assert_noop!(transfer(ALICE_CO, work, 30), Error::<Test>::OrganizationNotFound);
		assert_noop!(transfer(OUTSIDER, work, 20), sp_runtime::DispatchError::BadOrigin);
	});
}

#[test]
fn a_work_under_dispute_is_not_transferred() {
	ExtBuilder::default().build_and_execute(|| {
		let work = registered(1);
		let dispute = disputed(BOB_CO, work, DisputeKind::Ownership);
		assert_noop!(
			IpRights::transfer(RuntimeOrigin::signed(ALICE_CO), work, 30, CONTRACT),
			Error::<Test>::UnderDispute
		);
		assert_ok!(IpRights::reject_dispute(RuntimeOrigin::signed(OFFICE), dispute, H256::zero()));
		assert_ok!(IpRights::transfer(RuntimeOrigin::signed(ALICE_CO), work, 30, CONTRACT));
	});
}
