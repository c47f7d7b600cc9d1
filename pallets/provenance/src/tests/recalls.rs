//! Recalls that reach every item of a batch or a class in one call, the custodians to notify,
//! and the shared freeze.

use crate::{mock::*, *};
use frame_support::{assert_noop, assert_ok};
use regchain_primitives::{
	testing::assert_frozen_listing, Division, FreezableRecords, Freezes, RecordRef,
};
use sp_core::H256;

#[test]
fn a_class_recall_is_one_call_and_reaches_every_item_wherever_it_is() {
	ExtBuilder::default().build_and_execute(|| {
		let (class, first) = class_and_batch();
		let second = batch_of(class);
		let mut n = 0;
		for batch in [first, second] {
			for _ in 0..4 {
				assert_ok!(Provenance::register_items(
					RuntimeOrigin::signed(MAKER),
					batch,
					codes(n, n + 200),
					FACTORY
				));
				n += 200;
			}
		}
		hand_over(&units(0, 150), MAKER, CARRIER, DEPOT);
		hand_over(&units(800, 810), MAKER, SHOP, SHELF);
		let events_before = frame_system::Pallet::<Test>::events().len();
		assert_ok!(Provenance::recall_class(
			RuntimeOrigin::signed(MARKET),
			class,
			H256::repeat_byte(1)
		));
		assert_eq!(
			last_event(),
			Event::Recalled { recall: 0, scope: RecallScope::Class(class), by: 1 }
		);
		assert_eq!(frame_system::Pallet::<Test>::events().len(), events_before + 1);
		// Every one of the 1,600 items is recalled, none was touched.
		for n in [0, 149, 150, 799, 800, 1599] {
			assert_eq!(status(unit(n)).recall.map(|(id, _)| id), Some(0), "unit {n}");
			assert_eq!(
				Items::<Test>::get(unit(n)).unwrap().events,
				if n < 150 || (800..810).contains(&n) { 3 } else { 1 }
			);
		}
		// The custodians to notify.
		let mut batches = Provenance::batches_of_class(class, None, 100);
		batches.sort();
		assert_eq!(batches, vec![first, second]);
		assert_eq!(holders(first), vec![(10, 650), (20, 150)]);
		assert_eq!(holders(second), vec![(10, 790), (30, 10)]);
		// Recalled items move back to the manufacturer or are destroyed, nothing else.
		assert_noop!(
			Provenance::offer(RuntimeOrigin::signed(CARRIER), units(0, 1), 30, H256::zero()),
			Error::<Test>::Recalled
		);
		assert_noop!(
			Provenance::put_on_sale(RuntimeOrigin::signed(SHOP), units(800, 801)),
			Error::<Test>::Recalled
		);
		hand_over(&units(0, 1), CARRIER, MAKER, FACTORY);
		assert_ok!(Provenance::destroy(RuntimeOrigin::signed(SHOP), units(800, 810), H256::zero()));
		assert_eq!(holders(second), vec![(10, 790)]);
		// No new batch of a recalled class, and no second recall.
		assert_noop!(
			Provenance::register_batch(
				RuntimeOrigin::signed(MAKER),
				class,
				H256::zero(),
				TestClock::get()
			),
			Error::<Test>::Recalled
		);
		assert_noop!(
			Provenance::recall_class(RuntimeOrigin::signed(MARKET), class, H256::zero()),
			Error::<Test>::AlreadyRecalled
		);
	});
}

#[test]
fn a_batch_recall_is_market_regulations_within_its_jurisdiction() {
	ExtBuilder::default().build_and_execute(|| {
		let batch = batch_with(0, 2);
		assert_noop!(
			Provenance::recall_batch(RuntimeOrigin::signed(CUSTOMS), batch, H256::zero()),
			sp_runtime::DispatchError::BadOrigin
		);
		assert_noop!(
			Provenance::recall_batch(RuntimeOrigin::signed(MARKET), 5, H256::zero()),
			Error::<Test>::BatchNotFound
		);
		TestMembership::set_jurisdiction(1, Division(440000));
		assert_noop!(
			Provenance::recall_batch(RuntimeOrigin::signed(MARKET), batch, H256::zero()),
			Error::<Test>::OutsideJurisdiction
		);
		TestMembership::set_jurisdiction(1, Division(310000));
		assert_ok!(Provenance::recall_batch(
			RuntimeOrigin::signed(MARKET),
			batch,
			H256::repeat_byte(2)
		));
		assert_eq!(Recalls::<Test>::get(0).unwrap().scope, RecallScope::Batch(batch));
		assert_noop!(
			Provenance::recall_batch(RuntimeOrigin::signed(MARKET), batch, H256::zero()),
			Error::<Test>::AlreadyRecalled
		);
		assert_noop!(
			Provenance::register_items(RuntimeOrigin::signed(MAKER), batch, codes(5, 6), FACTORY),
			Error::<Test>::Recalled
		);
	});
}

#[test]
fn a_frozen_batch_does_not_move_until_unfrozen() {
	ExtBuilder::default().build_and_execute(|| {
		let batch = batch_with(0, 2);
		assert_ok!(Provenance::freeze(RuntimeOrigin::signed(MARKET), batch, H256::repeat_byte(3)));
		assert_eq!(last_event(), Event::Frozen { batch, by: 1, reason: H256::repeat_byte(3) });
		let record = RecordRef::new(PROVENANCE, batch.into());
		type Shared = Freezes<Provenance>;
		assert_eq!(<Shared as FreezableRecords>::frozen(record).map(|f| f.by), Some(1));
		assert_eq!(<Shared as FreezableRecords>::subject(record), Some(10));
		assert_noop!(
			<Shared as FreezableRecords>::freeze(record, 1, H256::zero()),
			Error::<Test>::AlreadyFrozen
		);
		assert_noop!(
			Provenance::offer(RuntimeOrigin::signed(MAKER), units(0, 1), 20, H256::zero()),
			Error::<Test>::Frozen
		);
		assert_noop!(
			Provenance::destroy(RuntimeOrigin::signed(MAKER), units(0, 1), H256::zero()),
			Error::<Test>::Frozen
		);
		assert_noop!(
			Provenance::freeze(RuntimeOrigin::signed(MARKET), batch, H256::zero()),
			Error::<Test>::AlreadyFrozen
		);
		assert_noop!(
			Provenance::freeze(RuntimeOrigin::signed(MAKER), batch, H256::zero()),
			sp_runtime::DispatchError::BadOrigin
		);
		assert_ok!(Provenance::unfreeze(RuntimeOrigin::signed(MARKET), batch));
		assert_eq!(last_event(), Event::Unfrozen { batch, by: 1 });
		assert_noop!(
			Provenance::unfreeze(RuntimeOrigin::signed(MARKET), batch),
			Error::<Test>::NotFrozen
		);
		assert_ok!(Provenance::offer(RuntimeOrigin::signed(MAKER), units(0, 1), 20, H256::zero()));
	});
}

#[test]
fn the_frozen_batches_are_listed_with_their_manufacturer_and_freeze() {
	ExtBuilder::default().build_and_execute(|| {
		let (class, first) = class_and_batch();
		let batches = [first, batch_of(class), batch_of(class)];
		assert_frozen_listing(Provenance::frozen_batches, &[]);
		for batch in &batches[..2] {
			assert_ok!(Provenance::freeze(RuntimeOrigin::signed(MARKET), *batch, H256::zero()));
		}
		let entry = |batch: BatchId| {
			let maker = Batches::<Test>::get(batch).unwrap().manufacturer;
			(batch.into(), maker, FrozenBatches::<Test>::get(batch).unwrap())
		};
		assert_frozen_listing(Provenance::frozen_batches, &[entry(batches[0]), entry(batches[1])]);
		assert_ok!(Provenance::unfreeze(RuntimeOrigin::signed(MARKET), batches[1]));
		assert_frozen_listing(Provenance::frozen_batches, &[entry(batches[0])]);
	});
}

#[test]
fn an_offer_pending_when_its_batch_is_recalled_is_accepted_by_its_maker_only() {
	ExtBuilder::default().build_and_execute(|| {
		let batch = batch_with(0, 3);
		// A carrier holds one unit; the maker offers two to the shop.
		hand_over(&units(2, 3), MAKER, CARRIER, DEPOT);
		assert_ok!(Provenance::offer(RuntimeOrigin::signed(MAKER), units(0, 2), 30, H256::zero()));
		assert_ok!(Provenance::recall_batch(
			RuntimeOrigin::signed(MARKET),
			batch,
			H256::repeat_byte(3)
		));
		// The finding: the shop took recalled goods into stock through an older offer.
		assert_noop!(
			Provenance::accept(RuntimeOrigin::signed(SHOP), units(0, 2), SHELF, H256::zero()),
			Error::<Test>::Recalled
		);
		assert_ok!(Provenance::reject(RuntimeOrigin::signed(SHOP), units(0, 2), H256::zero()));
		// Going back to the maker stays open.
		assert_ok!(Provenance::offer(
			RuntimeOrigin::signed(CARRIER),
			units(2, 3),
			10,
			H256::zero()
		));
		assert_ok!(Provenance::accept(
			RuntimeOrigin::signed(MAKER),
			units(2, 3),
			FACTORY,
			H256::zero()
		));
	});
}

#[test]
fn a_recall_dates_its_makers_latest_and_a_class_lists_its_makers() {
	ExtBuilder::default().build_and_execute(|| {
		let (class, first) = class_and_batch();
		let second = batch_of(class);
		assert_eq!(Provenance::latest_recall(MAKER as u32), None);
		let start = TestClock::get();
		assert_ok!(Provenance::recall_batch(RuntimeOrigin::signed(MARKET), first, H256::zero()));
		assert_eq!(Provenance::latest_recall(MAKER as u32), Some(start));
		TestClock::advance(3_600_000);
		assert_ok!(Provenance::recall_class(RuntimeOrigin::signed(MARKET), class, H256::zero()));
		assert_eq!(Provenance::latest_recall(MAKER as u32), Some(start + 3_600_000));
		assert_eq!(Provenance::latest_recall(OTHER_MAKER as u32), None);
		// The makers of the class's batches, a page at a time.
		let all = Provenance::makers(class, None, 10);
		let mut ids: Vec<_> = all.iter().map(|(b, _)| *b).collect();
		ids.sort();
		assert_eq!(ids, vec![first, second]);
		assert!(all.iter().all(|(_, maker)| *maker == MAKER as u32));
		let page = Provenance::makers(class, None, 1);
		assert_eq!(page.len(), 1);
		assert_eq!(Provenance::makers(class, Some(page[0].0), 10).len(), 1);
		assert!(Provenance::makers(class + 1, None, 10).is_empty());
		// A maker's date is the latest of its recalls: the invariant sees a wrong one.
		LatestRecalls::<Test>::insert(MAKER as u32, start);
		assert_eq!(
			Provenance::do_try_state(),
			Err("a maker's latest recall is not its goods' latest".into())
		);
		LatestRecalls::<Test>::insert(MAKER as u32, start + 3_600_000);
	});
}
