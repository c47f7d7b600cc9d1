//! `try_state` sees broken custody, holdings or indexes: each check fires on the corruption
//! it names.

use crate::{mock::*, *};
use frame_support::assert_ok;

#[test]
fn the_invariants_catch_wrong_holdings_a_miscounted_container_and_a_missing_class_index() {
	ExtBuilder::default().build().execute_with(|| {
		let batch = batch_with(0, 2);
		assert_ok!(Provenance::register_containers(
			RuntimeOrigin::signed(MAKER),
			list(&[case_code(0)]),
			1,
			FACTORY
		));
		assert_ok!(Provenance::pack(RuntimeOrigin::signed(MAKER), case(0), units(0, 2)));
		assert_ok!(Provenance::do_try_state());
		// The maker's holdings of the batch counted one unit too many.
		Holdings::<Test>::insert(batch, MAKER as OrgId, 3);
		assert_eq!(
			Provenance::do_try_state(),
			Err("the holdings are not the held units of each batch".into())
		);
		Holdings::<Test>::insert(batch, MAKER as OrgId, 2);
		// The case says it holds one unit where two are packed in it.
		Items::<Test>::mutate(case(0), |c| c.as_mut().unwrap().contents = 1);
		assert_eq!(Provenance::do_try_state(), Err("a container's contents miscounted".into()));
		Items::<Test>::mutate(case(0), |c| c.as_mut().unwrap().contents = 2);
		// The owner's index loses its class.
		ClassesByOwner::<Test>::remove(MAKER as OrgId, 0);
		assert_eq!(
			Provenance::do_try_state(),
			Err("a class missing from its owner's index".into())
		);
		ClassesByOwner::<Test>::insert(MAKER as OrgId, 0, ());
		assert_ok!(Provenance::do_try_state());
	});
}
