//! Two-step custody: offers, acceptance (shipment by a carrier), rejection, withdrawal; customs
//! and inspections within jurisdiction; corrections.

use crate::{mock::*, *};
use frame_support::{assert_noop, assert_ok};
use regchain_primitives::Division;
use sp_core::H256;

#[test]
fn custody_moves_only_when_the_receiver_accepts_and_a_carrier_ships() {
	ExtBuilder::default().build_and_execute(|| {
		let batch = batch_with(0, 3);
		let two = units(0, 2);
		let (waybill, receipt) = (H256::repeat_byte(0x0b), H256::repeat_byte(0x0c));
		assert_ok!(Provenance::offer(RuntimeOrigin::signed(MAKER), two.clone(), 20, waybill));
		assert_eq!(last_event(), Event::Offered { from: 10, to: 20, count: 2 });
		// Offered, still the manufacturer's: it cannot offer it twice or sell it.
		assert_eq!(status(unit(0)).custodian, 10);
		assert_noop!(
			Provenance::offer(RuntimeOrigin::signed(MAKER), units(0, 1), 30, H256::zero()),
			Error::<Test>::OfferPending
		);
		assert_noop!(
			Provenance::accept(RuntimeOrigin::signed(SHOP), units(0, 1), SHELF, H256::zero()),
			Error::<Test>::NotReceiver
		);
		assert_noop!(
			Provenance::accept(RuntimeOrigin::signed(CARRIER), units(2, 3), DEPOT, H256::zero()),
			Error::<Test>::NoOffer
		);
		assert_ok!(Provenance::accept(RuntimeOrigin::signed(CARRIER), two, DEPOT, receipt));
		assert_eq!(last_event(), Event::Accepted { to: 20, count: 2, shipped: true });
		assert_eq!(status(unit(0)).custodian, 20);
		assert_eq!(status(unit(0)).location, DEPOT);
		assert_eq!(holders(batch), vec![(10, 1), (20, 2)]);
		assert_eq!(
			kinds(unit(0)),
			vec![
				EventKind::Produced,
				EventKind::Offered { to: 20 },
				EventKind::Shipped { from: 10 }
			]
		);
		// Each custody event keeps its actor, place, time and document.
		let shipped = History::<Test>::get(unit(0), 2).unwrap();
		assert_eq!(
			(shipped.actor, shipped.location, shipped.at),
			(20, Some(DEPOT), TestClock::get())
		);
		assert_eq!(shipped.document, receipt);
		assert_eq!(History::<Test>::get(unit(0), 1).unwrap().document, waybill);
		// The carrier delivers to the shop: received, not shipped.
		hand_over(&units(0, 1), CARRIER, SHOP, SHELF);
		assert_eq!(kinds(unit(0)).last(), Some(&EventKind::Received { from: 20 }));
		assert_eq!(holders(batch), vec![(10, 1), (20, 1), (30, 1)]);
	});
}

#[test]
fn an_offer_is_made_by_the_custodian_to_another_participant_and_can_be_refused_or_withdrawn() {
	ExtBuilder::default().build_and_execute(|| {
		batch_with(0, 2);
		assert_noop!(
			Provenance::offer(RuntimeOrigin::signed(CARRIER), units(0, 1), 30, H256::zero()),
			Error::<Test>::NotCustodian
		);
		assert_noop!(
			Provenance::offer(RuntimeOrigin::signed(MAKER), units(0, 1), 10, H256::zero()),
			Error::<Test>::OwnOrganization
		);
		assert_noop!(
			Provenance::offer(RuntimeOrigin::signed(MAKER), units(0, 1), 40, H256::zero()),
			Error::<Test>::NotParticipant
		);
		assert_noop!(
			Provenance::offer(RuntimeOrigin::signed(MAKER), units(5, 6), 20, H256::zero()),
			Error::<Test>::ItemNotFound
		);
		assert_noop!(
			Provenance::offer(RuntimeOrigin::signed(OUTSIDER), units(0, 1), 20, H256::zero()),
			sp_runtime::DispatchError::BadOrigin
		);
		assert_ok!(Provenance::offer(RuntimeOrigin::signed(MAKER), units(0, 2), 20, H256::zero()));
		assert_ok!(Provenance::reject(
			RuntimeOrigin::signed(CARRIER),
			units(0, 1),
			H256::repeat_byte(3)
		));
		assert_eq!(last_event(), Event::Rejected { by: 20, count: 1 });
		assert_eq!(Items::<Test>::get(unit(0)).unwrap().offered_to, None);
		assert_noop!(
			Provenance::withdraw_offers(RuntimeOrigin::signed(MAKER), units(0, 1)),
			Error::<Test>::NoOffer
		);
		assert_noop!(
			Provenance::withdraw_offers(RuntimeOrigin::signed(CARRIER), units(1, 2)),
			Error::<Test>::NotCustodian
		);
		assert_ok!(Provenance::withdraw_offers(RuntimeOrigin::signed(MAKER), units(1, 2)));
		assert_noop!(
			Provenance::accept(RuntimeOrigin::signed(CARRIER), units(1, 2), DEPOT, H256::zero()),
			Error::<Test>::NoOffer
		);
		assert_eq!(status(unit(1)).custodian, 10);
	});
}

#[test]
fn customs_and_inspectors_act_within_their_jurisdiction() {
	ExtBuilder::default().build_and_execute(|| {
		batch_with(0, 2);
		assert_ok!(Provenance::clear_customs(
			RuntimeOrigin::signed(CUSTOMS),
			units(0, 1),
			H256::repeat_byte(4)
		));
		assert_eq!(last_event(), Event::CustomsCleared { by: 2, count: 1 });
		assert_ok!(Provenance::inspect(
			RuntimeOrigin::signed(MARKET),
			units(0, 2),
			false,
			H256::repeat_byte(5)
		));
		assert_eq!(kinds(unit(0)).last(), Some(&EventKind::Inspected { passed: false }));
		assert_noop!(
			Provenance::clear_customs(RuntimeOrigin::signed(MARKET), units(0, 1), H256::zero()),
			sp_runtime::DispatchError::BadOrigin
		);
		assert_noop!(
			Provenance::inspect(RuntimeOrigin::signed(MAKER), units(0, 1), true, H256::zero()),
			sp_runtime::DispatchError::BadOrigin
		);
		TestMembership::set_jurisdiction(2, Division(440000));
		assert_noop!(
			Provenance::clear_customs(RuntimeOrigin::signed(CUSTOMS), units(0, 1), H256::zero()),
			Error::<Test>::OutsideJurisdiction
		);
	});
}

#[test]
fn a_wrong_event_is_answered_by_its_actor_never_deleted() {
	ExtBuilder::default().build_and_execute(|| {
		batch_with(0, 1);
		hand_over(&units(0, 1), MAKER, CARRIER, DEPOT);
		// Event 2 is the carrier's shipment at the wrong depot.
		assert_noop!(
			Provenance::correct(RuntimeOrigin::signed(MAKER), unit(0), 2, H256::zero()),
			Error::<Test>::NotActor
		);
		assert_noop!(
			Provenance::correct(RuntimeOrigin::signed(CARRIER), unit(0), 9, H256::zero()),
			Error::<Test>::EventNotFound
		);
		assert_ok!(Provenance::correct(
			RuntimeOrigin::signed(CARRIER),
			unit(0),
			2,
			H256::repeat_byte(6)
		));
		assert_eq!(last_event(), Event::Corrected { item: unit(0), of: 2 });
		let history = Provenance::history(unit(0), 0, 100);
		assert_eq!(history.len(), 4);
		assert_eq!(history[2].1.kind, EventKind::Shipped { from: 10 });
		assert_eq!(history[3].1.kind, EventKind::Correction { of: 2 });
		assert_eq!(Provenance::history(unit(0), 3, 100).len(), 1);
	});
}

#[test]
fn a_receiver_that_lost_its_supply_chain_role_cannot_accept() {
	ExtBuilder::default().build_and_execute(|| {
		batch_with(0, 1);
		assert_ok!(Provenance::offer(RuntimeOrigin::signed(MAKER), units(0, 1), 20, H256::zero()));
		TestMembership::revoke_role(20, regchain_primitives::Role::Logistics);
		assert_noop!(
			Provenance::accept(RuntimeOrigin::signed(CARRIER), units(0, 1), DEPOT, H256::zero()),
			Error::<Test>::NotParticipant
		);
	});
}
