//! Classes, batches, units and containers.

use crate::{mock::*, *};
use frame_support::{assert_noop, assert_ok};
use sp_core::H256;

fn sku() -> Sku {
	b"TEA-250G".to_vec().try_into().unwrap()
}

#[test]
fn a_manufacturer_registers_a_class_with_a_unique_valid_gtin() {
	ExtBuilder::default().build_and_execute(|| {
		let gtin = Some(Gtin(4_006_381_333_931));
		assert_ok!(Provenance::register_class(
			RuntimeOrigin::signed(MAKER),
			sku(),
			gtin,
			H256::zero()
		));
		assert_eq!(last_event(), Event::ClassRegistered { class: 0, owner: 10, gtin });
		assert_eq!(Classes::<Test>::get(0).unwrap().owner, 10);
		assert_eq!(ClassByGtin::<Test>::get(Gtin(4_006_381_333_931)), Some(0));
		assert_noop!(
			Provenance::register_class(
				RuntimeOrigin::signed(OTHER_MAKER),
				sku(),
				gtin,
				H256::zero()
			),
			Error::<Test>::GtinTaken
		);
		assert_noop!(
			Provenance::register_class(
				RuntimeOrigin::signed(MAKER),
				sku(),
				Some(Gtin(4_006_381_333_932)),
				H256::zero()
			),
			Error::<Test>::InvalidGtin
		);
		for who in [CARRIER, SHOP, MARKET, PLAIN, OUTSIDER] {
			assert_noop!(
				Provenance::register_class(RuntimeOrigin::signed(who), sku(), None, H256::zero()),
				sp_runtime::DispatchError::BadOrigin
			);
		}
	});
}

#[test]
fn only_the_class_owner_registers_batches_produced_by_now() {
	ExtBuilder::default().build_and_execute(|| {
		let (class, batch) = class_and_batch();
		assert_eq!(last_event(), Event::BatchRegistered { batch, class, manufacturer: 10 });
		assert!(BatchesByClass::<Test>::contains_key(class, batch));
		assert_noop!(
			Provenance::register_batch(
				RuntimeOrigin::signed(OTHER_MAKER),
				class,
				H256::zero(),
				TestClock::get()
			),
			Error::<Test>::NotClassOwner
		);
		assert_noop!(
			Provenance::register_batch(
				RuntimeOrigin::signed(MAKER),
				7,
				H256::zero(),
				TestClock::get()
			),
			Error::<Test>::ClassNotFound
		);
		assert_noop!(
			Provenance::register_batch(
				RuntimeOrigin::signed(MAKER),
				class,
				H256::zero(),
				TestClock::get() + 1
			),
			Error::<Test>::ProducedInFuture
		);
	});
}

#[test]
fn units_are_registered_once_held_by_their_manufacturer() {
	ExtBuilder::default().build_and_execute(|| {
		let (_, batch) = class_and_batch();
		let max = codes(0, MAX_ITEMS_PER_CALL);
		assert_ok!(Provenance::register_items(RuntimeOrigin::signed(MAKER), batch, max, FACTORY));
		assert_eq!(last_event(), Event::ItemsRegistered { batch, count: MAX_ITEMS_PER_CALL });
		assert_eq!(Batches::<Test>::get(batch).unwrap().items, MAX_ITEMS_PER_CALL);
		assert_eq!(holders(batch), vec![(10, MAX_ITEMS_PER_CALL)]);
		let s = status(unit(0));
		assert_eq!((s.custodian, s.location, s.status), (10, FACTORY, Status::InStock));
		assert_eq!(kinds(unit(0)), vec![EventKind::Produced]);
		// A duplicate, alone or within a list, changes nothing.
		assert_noop!(
			Provenance::register_items(
				RuntimeOrigin::signed(MAKER),
				batch,
				codes(255, 257),
				FACTORY
			),
			Error::<Test>::ItemExists
		);
		assert_noop!(
			Provenance::register_items(
				RuntimeOrigin::signed(MAKER),
				batch,
				list(&[code(900), code(900)]),
				FACTORY
			),
			Error::<Test>::ItemExists
		);
		assert_noop!(
			Provenance::register_items(
				RuntimeOrigin::signed(MAKER),
				batch,
				codes(300, 301),
				Gln(1_234_567_890_127)
			),
			Error::<Test>::InvalidLocation
		);
		assert_noop!(
			Provenance::register_items(RuntimeOrigin::signed(MAKER), batch, list(&[]), FACTORY),
			Error::<Test>::NoItems
		);
		assert_noop!(
			Provenance::register_items(
				RuntimeOrigin::signed(OTHER_MAKER),
				batch,
				codes(300, 301),
				FACTORY
			),
			Error::<Test>::NotManufacturer
		);
		assert_noop!(
			Provenance::register_items(RuntimeOrigin::signed(MAKER), 9, codes(300, 301), FACTORY),
			Error::<Test>::BatchNotFound
		);
	});
}

#[test]
fn a_rival_registering_a_makers_codes_first_takes_nothing_of_the_makers() {
	ExtBuilder::default().build_and_execute(|| {
		// The rival's own class (0) and batch, then the maker's class (1).
		assert_ok!(Provenance::register_class(
			RuntimeOrigin::signed(OTHER_MAKER),
			sku(),
			None,
			H256::zero()
		));
		assert_ok!(Provenance::register_batch(
			RuntimeOrigin::signed(OTHER_MAKER),
			0,
			H256::zero(),
			TestClock::get()
		));
		let (class, batch) = class_and_batch();
		// The rival registers the maker's printed codes as its own units and, as a carrier's
		// would, as containers: each is an item of the rival's scope.
		assert_ok!(Provenance::register_items(
			RuntimeOrigin::signed(OTHER_MAKER),
			0,
			codes(0, 2),
			FACTORY
		));
		assert_ok!(Provenance::register_containers(
			RuntimeOrigin::signed(CARRIER),
			codes(0, 2),
			1,
			DEPOT
		));
		// The maker registers them all the same, under its class.
		assert_ok!(Provenance::register_items(
			RuntimeOrigin::signed(MAKER),
			batch,
			codes(0, 2),
			FACTORY
		));
		let ours = item_id(CodeScope::Class(class), &code(0));
		let theirs = item_id(CodeScope::Class(0), &code(0));
		let carriers = item_id(CodeScope::Packer(CARRIER as OrgId), &code(0));
		assert_eq!(Items::<Test>::get(ours).unwrap().kind, ItemKind::Unit { batch });
		assert_eq!(Items::<Test>::get(theirs).unwrap().kind, ItemKind::Unit { batch: 0 });
		assert_eq!(Items::<Test>::get(carriers).unwrap().kind, ItemKind::Container { level: 1 });
		assert_eq!(status(ours).custodian, MAKER as OrgId);
		// Within its own scope a code is still registered once.
		assert_noop!(
			Provenance::register_items(RuntimeOrigin::signed(MAKER), batch, codes(1, 2), FACTORY),
			Error::<Test>::ItemExists
		);
	});
}

/// The id is the documented hash, so clients compute it without the chain.
#[test]
fn an_item_id_is_the_hash_of_the_tag_the_scope_and_the_code() {
	let code = H256::repeat_byte(7);
	let mut bytes = b"regchain/item".to_vec();
	bytes.extend([0, 3, 0, 0, 0]);
	bytes.extend(code.as_bytes());
	assert_eq!(item_id(CodeScope::Class(3), &code), H256(sp_io::hashing::blake2_256(&bytes)));
	bytes[13] = 1;
	assert_eq!(item_id(CodeScope::Packer(3), &code), H256(sp_io::hashing::blake2_256(&bytes)));
}

#[test]
fn supply_chain_members_register_containers_of_level_one_or_two() {
	ExtBuilder::default().build_and_execute(|| {
		assert_ok!(Provenance::register_containers(
			RuntimeOrigin::signed(CARRIER),
			list(&[case_code(0)]),
			2,
			DEPOT
		));
		assert_eq!(last_event(), Event::ContainersRegistered { by: 20, level: 2, count: 1 });
		assert_eq!(
			Items::<Test>::get(case_of(CARRIER, 0)).unwrap().kind,
			ItemKind::Container { level: 2 }
		);
		for level in [0, 3] {
			assert_noop!(
				Provenance::register_containers(
					RuntimeOrigin::signed(CARRIER),
					list(&[case_code(1)]),
					level,
					DEPOT
				),
				Error::<Test>::InvalidLevel
			);
		}
		assert_noop!(
			Provenance::register_containers(
				RuntimeOrigin::signed(PLAIN),
				list(&[case_code(1)]),
				1,
				DEPOT
			),
			Error::<Test>::NotParticipant
		);
		assert_noop!(
			Provenance::register_containers(
				RuntimeOrigin::signed(CARRIER),
				list(&[case_code(0)]),
				1,
				DEPOT
			),
			Error::<Test>::ItemExists
		);
	});
}

#[test]
fn classes_of_pages_an_organizations_products_with_their_recalls() {
	ExtBuilder::default().build_and_execute(|| {
		for who in [MAKER, OTHER_MAKER, MAKER] {
			assert_ok!(Provenance::register_class(
				RuntimeOrigin::signed(who),
				sku(),
				None,
				H256::zero()
			));
		}
		let ids = |owner, start, limit| -> Vec<ClassId> {
			Provenance::classes_of(owner, start, limit).into_iter().map(|(id, _)| id).collect()
		};
		// In storage order; two pages of 1 hold both, each once.
		let mut all = ids(10, None, 100);
		all.sort();
		assert_eq!(all, vec![0, 2]);
		let first = ids(10, None, 1);
		let mut both = [first.clone(), ids(10, first.last().copied(), 1)].concat();
		both.sort();
		assert_eq!(both, vec![0, 2]);
		assert_eq!(ids(11, None, 100), vec![1]);
		assert!(ids(30, None, 100).is_empty());
		assert_eq!(ClassesByOwner::<Test>::iter_key_prefix(10).count(), 2);
	});
}
