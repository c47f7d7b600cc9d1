//! `try_state` sees a broken index or count: each check fires on the corruption it names.

use crate::{mock::*, *};
use frame_support::assert_ok;

#[test]
fn the_invariants_catch_a_missing_owner_index_and_a_wrong_admission_count() {
	ExtBuilder::default().build().execute_with(|| {
		let id = notarized(1);
		assert_ok!(Notarization::do_try_state());
		let owner = Records::<Test>::get(id).unwrap().owner;
		RecordsByOwner::<Test>::remove(owner, id);
		assert_eq!(
			Notarization::do_try_state(),
			Err("a record missing from its owner's index".into())
		);
		RecordsByOwner::<Test>::insert(owner, id, ());
		// An admission counted that no court's certification stands behind.
		Admissions::<Test>::insert(id, 1);
		assert_eq!(
			Notarization::do_try_state(),
			Err("a record's admissions differ from its admitted certifications".into())
		);
		Admissions::<Test>::remove(id);
		assert_ok!(Notarization::do_try_state());
	});
}
