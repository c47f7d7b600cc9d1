//! Sale, and the flags of suspected clones and reports.

use crate::{mock::*, *};
use frame_support::{assert_noop, assert_ok};
use sp_core::H256;

fn on_the_shelf(from: u32, to: u32) -> BatchId {
	let batch = batch_with(from, to);
	hand_over(&units(from, to), MAKER, SHOP, SHELF);
	assert_ok!(Provenance::put_on_sale(RuntimeOrigin::signed(SHOP), units(from, to)));
	batch
}

#[test]
fn a_retailer_sells_what_it_put_on_sale_once() {
	ExtBuilder::default().build_and_execute(|| {
		let batch = on_the_shelf(0, 2);
		assert_eq!(last_event(), Event::PutOnSale { by: 30, count: 2 });
		assert_ok!(Provenance::sell(
			RuntimeOrigin::signed(SHOP),
			units(0, 1),
			H256::repeat_byte(7)
		));
		assert_eq!(last_event(), Event::Sold { by: 30, count: 1 });
		assert_eq!(status(unit(0)).status, Status::Sold);
		assert_eq!(Batches::<Test>::get(batch).unwrap().sold, 1);
		assert_eq!(holders(batch), vec![(30, 1)]);
		assert_noop!(
			Provenance::sell(RuntimeOrigin::signed(SHOP), units(0, 1), H256::zero()),
			Error::<Test>::AlreadySold
		);
		assert_noop!(
			Provenance::offer(RuntimeOrigin::signed(SHOP), units(0, 1), 20, H256::zero()),
			Error::<Test>::AlreadySold
		);
		assert_noop!(
			Provenance::sell(RuntimeOrigin::signed(OTHER_SHOP), units(1, 2), H256::zero()),
			Error::<Test>::NotCustodian
		);
		assert_noop!(
			Provenance::sell(RuntimeOrigin::signed(MAKER), units(1, 2), H256::zero()),
			sp_runtime::DispatchError::BadOrigin
		);
	});
}

#[test]
fn only_units_in_stock_go_on_sale_and_only_units_on_sale_are_sold() {
	ExtBuilder::default().build_and_execute(|| {
		batch_with(0, 2);
		hand_over(&units(0, 2), MAKER, SHOP, SHELF);
		assert_noop!(
			Provenance::sell(RuntimeOrigin::signed(SHOP), units(0, 1), H256::zero()),
			Error::<Test>::NotOnSale
		);
		assert_ok!(Provenance::register_containers(
			RuntimeOrigin::signed(OTHER_SHOP),
			list(&[case_code(0)]),
			1,
			SHELF
		));
		assert_noop!(
			Provenance::put_on_sale(
				RuntimeOrigin::signed(OTHER_SHOP),
				list(&[case_of(OTHER_SHOP, 0)])
			),
			Error::<Test>::NotAUnit
		);
		assert_ok!(Provenance::put_on_sale(RuntimeOrigin::signed(SHOP), units(0, 1)));
		assert_noop!(
			Provenance::put_on_sale(RuntimeOrigin::signed(SHOP), units(0, 1)),
			Error::<Test>::NotInStock
		);
		assert_noop!(
			Provenance::offer(RuntimeOrigin::signed(SHOP), units(0, 1), 20, H256::zero()),
			Error::<Test>::NotInStock
		);
	});
}

#[test]
fn a_scan_its_custody_cannot_explain_reports_a_suspected_clone() {
	ExtBuilder::default().build_and_execute(|| {
		on_the_shelf(0, 2);
		// The shop scans its own unit: explained.
		assert_ok!(Provenance::scan(RuntimeOrigin::signed(SHOP), unit(0), SHELF));
		assert_eq!(last_event(), Event::Scanned { item: unit(0), by: 30 });
		assert_eq!(Items::<Test>::get(unit(0)).unwrap().suspicion, Suspicion::None);
		// Another retailer scans the same code elsewhere: the code was copied.
		assert_ok!(Provenance::scan(RuntimeOrigin::signed(OTHER_SHOP), unit(0), DEPOT));
		let reason = CloneReason::ScannedOutOfCustody;
		assert_eq!(last_event(), Event::CloneSuspected { item: unit(0), by: 31, reason });
		assert_eq!(status(unit(0)).item.suspicion, Suspicion::Reported);
		// Sold, then scanned again.
		assert_ok!(Provenance::sell(RuntimeOrigin::signed(SHOP), units(1, 2), H256::zero()));
		assert_ok!(Provenance::scan(RuntimeOrigin::signed(SHOP), unit(1), SHELF));
		let reason = CloneReason::ScannedAfterItsEnd;
		assert_eq!(last_event(), Event::CloneSuspected { item: unit(1), by: 30, reason });
		assert_noop!(
			Provenance::scan(RuntimeOrigin::signed(PLAIN), unit(0), SHELF),
			Error::<Test>::NotParticipant
		);
		assert_noop!(
			Provenance::scan(RuntimeOrigin::signed(SHOP), unit(77), SHELF),
			Error::<Test>::ItemNotFound
		);
	});
}

#[test]
fn market_regulation_confirms_or_clears_a_reported_clone_and_the_public_is_told_which() {
	ExtBuilder::default().build_and_execute(|| {
		on_the_shelf(0, 2);
		let finding = H256::repeat_byte(0xf1);
		let confirm =
			|who, item| Provenance::confirm_clone(RuntimeOrigin::signed(who), item, finding);
		let clear =
			|who, item| Provenance::clear_suspicion(RuntimeOrigin::signed(who), item, finding);
		// Nothing reported: nothing to rule on.
		assert_noop!(clear(MARKET, unit(0)), Error::<Test>::NotReported);
		// A rival retailer's scan reports the shop's genuine unit; the public sees "reported".
		assert_ok!(Provenance::scan(RuntimeOrigin::signed(OTHER_SHOP), unit(0), DEPOT));
		let public = |item| ItemVerification::from(status(item)).suspicion;
		assert_eq!(public(unit(0)), Suspicion::Reported);
		// Only market regulation rules, within its jurisdiction over the custodian.
		assert_noop!(clear(CUSTOMS, unit(0)), sp_runtime::DispatchError::BadOrigin);
		assert_noop!(clear(OTHER_SHOP, unit(0)), sp_runtime::DispatchError::BadOrigin);
		TestMembership::set_jurisdiction(1, regchain_primitives::Division(440000));
		assert_noop!(clear(MARKET, unit(0)), Error::<Test>::OutsideJurisdiction);
		TestMembership::set_jurisdiction(1, regchain_primitives::Division::NATIONAL);
		assert_ok!(clear(MARKET, unit(0)));
		assert_eq!(last_event(), Event::SuspicionCleared { item: unit(0), by: 1, finding });
		assert_eq!(public(unit(0)), Suspicion::Cleared);
		let item = Items::<Test>::get(unit(0)).unwrap();
		let ruling = History::<Test>::get(unit(0), item.events - 1).unwrap();
		assert_eq!(
			(ruling.kind, ruling.actor, ruling.document),
			(EventKind::SuspicionCleared, 1, finding)
		);
		assert_noop!(clear(MARKET, unit(0)), Error::<Test>::NotReported);
		// A new unexplained scan reports it again; a confirmed clone stays confirmed.
		assert_ok!(Provenance::scan(RuntimeOrigin::signed(OTHER_SHOP), unit(1), DEPOT));
		assert_ok!(confirm(MARKET, unit(1)));
		assert_eq!(last_event(), Event::CloneConfirmed { item: unit(1), by: 1, finding });
		assert_ok!(Provenance::scan(RuntimeOrigin::signed(OTHER_SHOP), unit(1), DEPOT));
		assert_eq!(public(unit(1)), Suspicion::Confirmed);
		assert_noop!(confirm(MARKET, unit(1)), Error::<Test>::NotReported);
		assert_ok!(Provenance::scan(RuntimeOrigin::signed(OTHER_SHOP), unit(0), DEPOT));
		assert_eq!(public(unit(0)), Suspicion::Reported);
		assert_noop!(confirm(MARKET, unit(9)), Error::<Test>::ItemNotFound);
	});
}

#[test]
fn a_suspicion_reads_as_the_bool_it_replaced() {
	use codec::{Decode, Encode};
	assert_eq!(Suspicion::decode(&mut &false.encode()[..]), Ok(Suspicion::None));
	assert_eq!(Suspicion::decode(&mut &true.encode()[..]), Ok(Suspicion::Reported));
}

#[test]
fn any_member_reports_a_suspected_counterfeit() {
	ExtBuilder::default().build_and_execute(|| {
		batch_with(0, 1);
		assert_ok!(Provenance::report(RuntimeOrigin::signed(PLAIN), unit(0), H256::repeat_byte(8)));
		assert_ok!(Provenance::report(
			RuntimeOrigin::signed(MARKET),
			unit(0),
			H256::repeat_byte(9)
		));
		assert_eq!(last_event(), Event::Reported { item: unit(0), by: 1 });
		assert_eq!(status(unit(0)).item.reports, 2);
		assert_noop!(
			Provenance::report(RuntimeOrigin::signed(OUTSIDER), unit(0), H256::zero()),
			sp_runtime::DispatchError::BadOrigin
		);
		assert_noop!(
			Provenance::report(RuntimeOrigin::signed(PLAIN), unit(5), H256::zero()),
			Error::<Test>::ItemNotFound
		);
	});
}

#[test]
fn the_public_view_tells_genuine_maker_retailer_and_recall_but_no_supply_chain_business() {
	ExtBuilder::default().build_and_execute(|| {
		let batch = batch_with(0, 3);
		// In the supply chain: no retailer named, no location, no counts.
		hand_over(&units(0, 1), MAKER, CARRIER, DEPOT);
		let moving = ItemVerification::from(status(unit(0)));
		assert_eq!(moving.status, Status::InStock);
		assert_eq!(moving.retailer, None);
		assert_eq!(moving.manufacturer, Some(10));
		assert_eq!(moving.produced_on, Some(Batches::<Test>::get(batch).unwrap().produced_on));
		assert!(moving.class.is_some_and(|(_, c)| c.owner == 10));
		// On the shelf, and once sold: the retailer it should be bought from.
		hand_over(&units(1, 3), MAKER, SHOP, SHELF);
		assert_ok!(Provenance::put_on_sale(RuntimeOrigin::signed(SHOP), units(1, 3)));
		assert_ok!(Provenance::sell(RuntimeOrigin::signed(SHOP), units(2, 3), H256::zero()));
		let on_sale = ItemVerification::from(status(unit(1)));
		assert_eq!((on_sale.status, on_sale.retailer), (Status::OnSale, Some(30)));
		let sold = ItemVerification::from(status(unit(2)));
		assert_eq!((sold.status, sold.retailer), (Status::Sold, Some(30)));
		// Recalled and reported: the consumer is told.
		assert_ok!(Provenance::report(RuntimeOrigin::signed(SHOP), unit(1), H256::zero()));
		assert_ok!(Provenance::recall_batch(
			RuntimeOrigin::signed(MARKET),
			batch,
			H256::repeat_byte(4)
		));
		let recalled = ItemVerification::from(status(unit(1)));
		assert_eq!(recalled.recall.map(|(_, r)| r.reason), Some(H256::repeat_byte(4)));
		assert_eq!(recalled.reports, 1);
		assert_eq!(recalled.suspicion, Suspicion::None);
		// A container is verified too: no class, no maker.
		assert_ok!(Provenance::register_containers(
			RuntimeOrigin::signed(SHOP),
			list(&[case_code(0)]),
			1,
			SHELF
		));
		let container = ItemVerification::from(status(case_of(SHOP, 0)));
		assert_eq!((container.class, container.manufacturer), (None, None));
	});
}
