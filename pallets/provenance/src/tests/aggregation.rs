//! Packing units into cases and cases into pallets: moving a container moves its contents,
//! the holdings follow, unpacking puts items where their container is.

use crate::{mock::*, *};
use frame_support::{assert_noop, assert_ok};
use sp_core::H256;

/// Registers `who`'s containers `ns` of `level`.
fn containers(ns: &[u32], level: u8, who: u64) {
	let codes: Vec<_> = ns.iter().map(|n| case_code(*n)).collect();
	assert_ok!(Provenance::register_containers(
		RuntimeOrigin::signed(who),
		list(&codes),
		level,
		FACTORY
	));
}

#[test]
fn a_pallet_of_cases_moves_every_unit_in_it_in_one_call() {
	ExtBuilder::default().build_and_execute(|| {
		let first = batch_with(0, 4);
		let (class, _) = class_and_batch();
		let second = batch_of(class);
		assert_ok!(Provenance::register_items(
			RuntimeOrigin::signed(MAKER),
			second,
			codes(4, 6),
			FACTORY
		));
		containers(&[0, 1], 1, MAKER);
		containers(&[9], 2, MAKER);
		assert_ok!(Provenance::pack(RuntimeOrigin::signed(MAKER), case(0), units(0, 4)));
		assert_eq!(last_event(), Event::Packed { container: case(0), count: 4 });
		assert_ok!(Provenance::pack(RuntimeOrigin::signed(MAKER), case(1), units_of(class, 4, 6)));
		assert_ok!(Provenance::pack(
			RuntimeOrigin::signed(MAKER),
			case(9),
			list(&[case(0), case(1)])
		));
		assert_eq!(ContainerBatches::<Test>::get(case(9), first), 4);
		assert_eq!(ContainerBatches::<Test>::get(case(9), second), 2);
		// A packed item is moved through its container only.
		assert_noop!(
			Provenance::offer(RuntimeOrigin::signed(MAKER), units(0, 1), 20, H256::zero()),
			Error::<Test>::Packed
		);
		assert_noop!(
			Provenance::offer(RuntimeOrigin::signed(MAKER), list(&[case(0)]), 20, H256::zero()),
			Error::<Test>::Packed
		);
		hand_over(&list(&[case(9)]), MAKER, CARRIER, DEPOT);
		for id in units(0, 4).into_iter().chain(units_of(class, 4, 6)) {
			let s = status(id);
			assert_eq!((s.custodian, s.location), (20, DEPOT), "unit {id}");
		}
		assert_eq!(holders(first), vec![(20, 4)]);
		assert_eq!(holders(second), vec![(20, 2)]);
		// The unit's own history stops at packing; the pallet's carries on from there.
		assert_eq!(kinds(unit(0)).len(), 2);
		assert_eq!(kinds(case(9)).len(), 3);
		// Unpacked at the depot: the case is the carrier's, held there.
		assert_ok!(Provenance::unpack(RuntimeOrigin::signed(CARRIER), case(9), list(&[case(1)])));
		assert_eq!(last_event(), Event::Unpacked { container: case(9), count: 1 });
		assert_eq!(
			Items::<Test>::get(case(1)).unwrap().place,
			Place::Held { custodian: 20, location: DEPOT, status: Status::InStock }
		);
		assert_eq!(ContainerBatches::<Test>::get(case(9), second), 0);
		assert_eq!(Items::<Test>::get(case(9)).unwrap().batches, 1);
		assert_eq!(Items::<Test>::get(case(9)).unwrap().contents, 1);
		assert_eq!(
			kinds(case(1)).last(),
			Some(&EventKind::Unpacked { container: case(9), until: 3 })
		);
	});
}

#[test]
fn packing_follows_levels_custody_and_the_batch_bound() {
	ExtBuilder::default().build_and_execute(|| {
		batch_with(0, 2);
		containers(&[0, 1], 1, MAKER);
		containers(&[9], 2, MAKER);
		containers(&[5], 1, CARRIER);
		assert_noop!(
			Provenance::pack(RuntimeOrigin::signed(MAKER), case(0), list(&[case(9)])),
			Error::<Test>::LevelTooHigh
		);
		assert_noop!(
			Provenance::pack(RuntimeOrigin::signed(MAKER), case(0), list(&[case(1)])),
			Error::<Test>::LevelTooHigh
		);
		assert_noop!(
			Provenance::pack(RuntimeOrigin::signed(MAKER), case_of(CARRIER, 5), units(0, 1)),
			Error::<Test>::NotCustodian
		);
		assert_noop!(
			Provenance::pack(RuntimeOrigin::signed(MAKER), unit(0), units(1, 2)),
			Error::<Test>::NotAContainer
		);
		assert_noop!(
			Provenance::pack(RuntimeOrigin::signed(MAKER), case(0), list(&[unit(0), unit(0)])),
			Error::<Test>::Packed
		);
		assert_noop!(
			Provenance::unpack(RuntimeOrigin::signed(MAKER), case(0), units(0, 1)),
			Error::<Test>::NotInContainer
		);
		// A case holds units of at most MAX_BATCHES_PER_CONTAINER batches.
		let (class, _) = class_and_batch();
		let mut next = 100;
		for _ in 0..MAX_BATCHES_PER_CONTAINER {
			let batch = batch_of(class);
			assert_ok!(Provenance::register_items(
				RuntimeOrigin::signed(MAKER),
				batch,
				codes(next, next + 1),
				FACTORY
			));
			assert_ok!(Provenance::pack(
				RuntimeOrigin::signed(MAKER),
				case(1),
				units_of(class, next, next + 1)
			));
			next += 1;
		}
		let batch = batch_of(class);
		assert_ok!(Provenance::register_items(
			RuntimeOrigin::signed(MAKER),
			batch,
			codes(next, next + 1),
			FACTORY
		));
		assert_noop!(
			Provenance::pack(
				RuntimeOrigin::signed(MAKER),
				case(1),
				units_of(class, next, next + 1)
			),
			Error::<Test>::TooManyBatches
		);
	});
}

#[test]
fn destroying_a_case_ends_everything_in_it() {
	ExtBuilder::default().build_and_execute(|| {
		let batch = batch_with(0, 3);
		containers(&[0], 1, MAKER);
		assert_ok!(Provenance::pack(RuntimeOrigin::signed(MAKER), case(0), units(0, 2)));
		assert_ok!(Provenance::destroy(
			RuntimeOrigin::signed(MAKER),
			list(&[case(0)]),
			H256::zero()
		));
		assert_eq!(last_event(), Event::Destroyed { by: 10, count: 1 });
		assert_eq!(status(unit(0)).status, Status::Destroyed);
		assert_eq!(holders(batch), vec![(10, 1)]);
		assert_noop!(
			Provenance::destroy(RuntimeOrigin::signed(MAKER), list(&[case(0)]), H256::zero()),
			Error::<Test>::ItemDestroyed
		);
	});
}
