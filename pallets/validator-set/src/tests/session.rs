//! What `pallet-session` is told at each new session.

use super::*;
use pallet_session::SessionManager;

fn plan() -> Option<Vec<u64>> {
	<ValidatorSet as SessionManager<u64>>::new_session(1)
}

#[test]
fn sessions_get_the_approved_validators() {
	ExtBuilder::default().build_and_execute(|| {
		assert_eq!(plan(), Some(vec![1, 2, 3, 4]));
		assert_ok!(ValidatorSet::add_validator(root(), 5));
		assert_ok!(ValidatorSet::remove_validator(root(), 1));
		assert_eq!(plan(), Some(vec![2, 3, 4, 5]));
	});
}

#[test]
fn a_session_whose_validators_do_not_change_announces_no_change() {
	ExtBuilder::default().build_and_execute(|| {
		// The session starting has the approved set already: no new set, so GRANDPA keeps its
		// authority set (a returned set counts as a change even when equal).
		TestSession::set(vec![1, 2, 3, 4]);
		assert_eq!(plan(), None);
		// A change is planned again.
		assert_ok!(ValidatorSet::add_validator(root(), 5));
		assert_eq!(plan(), Some(vec![1, 2, 3, 4, 5]));
		TestSession::set(vec![1, 2, 3, 4, 5]);
		assert_eq!(plan(), None);
	});
}

#[test]
fn validators_in_maintenance_or_barred_are_left_out() {
	ExtBuilder::default().build_and_execute(|| {
		assert_ok!(ValidatorSet::announce_maintenance(signed(2)));
		assert_ok!(ValidatorSet::bar(root(), 4));
		assert_eq!(plan(), Some(vec![1, 3]));
		assert_ok!(ValidatorSet::end_maintenance(signed(2)));
		assert_eq!(plan(), Some(vec![1, 2, 3]));
	});
}

#[test]
fn validators_whose_agency_lapsed_are_left_out() {
	ExtBuilder::default().build_and_execute(|| {
		lapse(3);
		assert_eq!(plan(), Some(vec![1, 2, 4]));
	});
}

#[test]
fn the_set_is_kept_if_no_validator_is_a_member_any_more() {
	// A state the runtime prevents (agencies' terms do not lapse, and the consortium refuses
	// to suspend or revoke below the minimum), so the invariants are not checked: planning
	// must stay safe all the same.
	ExtBuilder::default().build().execute_with(|| {
		(1..=4).for_each(lapse);
		assert_eq!(plan(), Some(vec![1, 2, 3, 4]));
	});
}

#[test]
fn the_invariants_catch_a_duplicate_a_barred_validator_and_a_zero_minimum() {
	ExtBuilder::default().build().execute_with(|| {
		assert_ok!(ValidatorSet::do_try_state());
		let validators = Validators::<Test>::get();
		let mut twice = validators.clone();
		twice.try_push(1).unwrap();
		Validators::<Test>::put(twice);
		assert_eq!(ValidatorSet::do_try_state(), Err("a validator is listed twice".into()));
		Validators::<Test>::put(validators);
		Barred::<Test>::insert(2, 1);
		assert_eq!(
			ValidatorSet::do_try_state(),
			Err("a barred account is an approved validator".into())
		);
		Barred::<Test>::remove(2);
		MinValidators::<Test>::put(0);
		assert_eq!(ValidatorSet::do_try_state(), Err("the minimum is zero".into()));
		MinValidators::<Test>::put(2);
		assert_ok!(ValidatorSet::do_try_state());
	});
}
