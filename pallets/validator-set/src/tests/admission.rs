//! `add_validator`, `remove_validator`, `bar`, `lift_bar`, `set_min_validators`.

use super::*;

#[test]
fn genesis_sets_validators_and_minimum() {
	ExtBuilder::default().build_and_execute(|| {
		assert_eq!(validators(), vec![1, 2, 3, 4]);
		assert_eq!(MinValidators::<Test>::get(), 2);
		assert_eq!(ValidatorSet::producing_count(), 4);
	});
}

#[test]
fn governance_adds_an_agency_validator_with_keys() {
	ExtBuilder::default().build_and_execute(|| {
		assert_ok!(ValidatorSet::add_validator(root(), 5));
		assert_eq!(validators(), vec![1, 2, 3, 4, 5]);
		assert_eq!(last_event(), Event::ValidatorAdded { who: 5 });
	});
}

#[test]
fn add_validator_is_refused_to_anyone_but_governance() {
	ExtBuilder::default().build_and_execute(|| {
		assert_noop!(ValidatorSet::add_validator(signed(1), 5), DispatchError::BadOrigin);
	});
}

#[test]
fn add_validator_fails_for_an_approved_validator() {
	ExtBuilder::default().build_and_execute(|| {
		assert_noop!(ValidatorSet::add_validator(root(), 2), Error::<Test>::AlreadyValidator);
	});
}

#[test]
fn add_validator_fails_for_non_agencies() {
	ExtBuilder::default().build_and_execute(|| {
		// 30 is an enterprise with keys, 99 no member at all.
		assert_noop!(ValidatorSet::add_validator(root(), 30), Error::<Test>::NotAgency);
		assert_noop!(ValidatorSet::add_validator(root(), 99), Error::<Test>::NotAgency);
		lapse(5);
		assert_noop!(ValidatorSet::add_validator(root(), 5), Error::<Test>::NotAgency);
	});
}

#[test]
fn add_validator_fails_without_session_keys() {
	ExtBuilder::default().build_and_execute(|| {
		assert_noop!(ValidatorSet::add_validator(root(), 20), Error::<Test>::NoSessionKeys);
	});
}

#[test]
fn add_validator_fails_when_the_set_is_full() {
	ExtBuilder::default().build_and_execute(|| {
		assert_ok!(ValidatorSet::add_validator(root(), 5));
		assert_ok!(ValidatorSet::add_validator(root(), 6));
		assert_noop!(ValidatorSet::add_validator(root(), 7), Error::<Test>::TooManyValidators);
	});
}

#[test]
fn governance_removes_a_validator() {
	ExtBuilder::default().build_and_execute(|| {
		assert_ok!(ValidatorSet::remove_validator(root(), 2));
		assert_eq!(validators(), vec![1, 3, 4]);
		assert_eq!(last_event(), Event::ValidatorRemoved { who: 2 });
	});
}

#[test]
fn remove_validator_is_refused_to_anyone_but_governance() {
	ExtBuilder::default().build_and_execute(|| {
		assert_noop!(ValidatorSet::remove_validator(signed(2), 2), DispatchError::BadOrigin);
	});
}

#[test]
fn remove_validator_fails_for_unknown_accounts() {
	ExtBuilder::default().build_and_execute(|| {
		assert_noop!(ValidatorSet::remove_validator(root(), 5), Error::<Test>::NotValidator);
	});
}

#[test]
fn remove_validator_never_undercuts_the_minimum() {
	ExtBuilder::default().build_and_execute(|| {
		assert_ok!(ValidatorSet::remove_validator(root(), 1));
		assert_ok!(ValidatorSet::remove_validator(root(), 2));
		assert_noop!(ValidatorSet::remove_validator(root(), 3), Error::<Test>::TooFewValidators);
	});
}

#[test]
fn removing_a_validator_in_maintenance_costs_no_producer() {
	ExtBuilder::default().build_and_execute(|| {
		assert_ok!(ValidatorSet::remove_validator(root(), 1));
		assert_ok!(ValidatorSet::announce_maintenance(signed(2)));
		// Producing: 3 and 4, the minimum; 2 produces nothing already.
		assert_ok!(ValidatorSet::remove_validator(root(), 2));
		assert!(!Maintenance::<Test>::contains_key(2));
		assert_eq!(validators(), vec![3, 4]);
	});
}

#[test]
fn governance_bars_a_validator_which_cannot_come_back() {
	ExtBuilder::default().build_and_execute(|| {
		assert_ok!(ValidatorSet::bar(root(), 3));
		assert_eq!(validators(), vec![1, 2, 4]);
		assert_eq!(Barred::<Test>::get(3), Some(1));
		assert_eq!(last_event(), Event::ValidatorBarred { who: 3 });
		assert_noop!(ValidatorSet::add_validator(root(), 3), Error::<Test>::Barred);
	});
}

#[test]
fn bar_is_refused_to_anyone_but_governance() {
	ExtBuilder::default().build_and_execute(|| {
		assert_noop!(ValidatorSet::bar(signed(1), 3), DispatchError::BadOrigin);
	});
}

#[test]
fn bar_fails_for_non_validators_and_below_the_minimum() {
	ExtBuilder::default().with_validators(vec![1, 2], 2).build_and_execute(|| {
		assert_noop!(ValidatorSet::bar(root(), 5), Error::<Test>::NotValidator);
		assert_noop!(ValidatorSet::bar(root(), 1), Error::<Test>::TooFewValidators);
	});
}

#[test]
fn lifting_a_bar_allows_adding_again() {
	ExtBuilder::default().build_and_execute(|| {
		assert_ok!(ValidatorSet::bar(root(), 3));
		assert_ok!(ValidatorSet::lift_bar(root(), 3));
		assert_eq!(last_event(), Event::BarLifted { who: 3 });
		assert!(!Barred::<Test>::contains_key(3));
		assert_ok!(ValidatorSet::add_validator(root(), 3));
	});
}

#[test]
fn lift_bar_is_refused_to_anyone_but_governance_and_for_unbarred_accounts() {
	ExtBuilder::default().build_and_execute(|| {
		assert_ok!(ValidatorSet::bar(root(), 3));
		assert_noop!(ValidatorSet::lift_bar(signed(3), 3), DispatchError::BadOrigin);
		assert_noop!(ValidatorSet::lift_bar(root(), 4), Error::<Test>::NotBarred);
	});
}

#[test]
fn governance_sets_the_minimum() {
	ExtBuilder::default().build_and_execute(|| {
		assert_ok!(ValidatorSet::set_min_validators(root(), 4));
		assert_eq!(MinValidators::<Test>::get(), 4);
		assert_eq!(last_event(), Event::MinValidatorsSet { min: 4 });
		assert_noop!(ValidatorSet::remove_validator(root(), 1), Error::<Test>::TooFewValidators);
	});
}

#[test]
fn set_min_validators_refuses_zero_more_than_produce_and_other_origins() {
	ExtBuilder::default().build_and_execute(|| {
		assert_noop!(ValidatorSet::set_min_validators(signed(1), 3), DispatchError::BadOrigin);
		assert_noop!(ValidatorSet::set_min_validators(root(), 0), Error::<Test>::MinimumZero);
		assert_ok!(ValidatorSet::announce_maintenance(signed(1)));
		assert_noop!(ValidatorSet::set_min_validators(root(), 4), Error::<Test>::TooFewValidators);
	});
}

#[test]
fn governance_adds_at_most_two_validators_per_session() {
	ExtBuilder::default().build_and_execute(|| {
		assert_ok!(ValidatorSet::add_validator(root(), 5));
		assert_ok!(ValidatorSet::remove_validator(root(), 5));
		assert_ok!(ValidatorSet::add_validator(root(), 6));
		// Removing one does not make room: two new nodes that never come up would be two
		// silent GRANDPA voters.
		assert_noop!(ValidatorSet::add_validator(root(), 7), Error::<Test>::TooManyAdditions);
		assert_eq!(AddedThisSession::<Test>::get(), 2);
		<ValidatorSet as pallet_session::SessionManager<u64>>::new_session(1);
		assert_eq!(AddedThisSession::<Test>::get(), 0);
		assert_ok!(ValidatorSet::add_validator(root(), 7));
	});
}
