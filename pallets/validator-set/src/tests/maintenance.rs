//! `announce_maintenance` and `end_maintenance`.

use super::*;

#[test]
fn a_validator_announces_maintenance_and_returns() {
	ExtBuilder::default().build_and_execute(|| {
		assert_ok!(ValidatorSet::announce_maintenance(signed(2)));
		assert_eq!(Maintenance::<Test>::get(2), Some(1));
		assert_eq!(ValidatorSet::producing_count(), 3);
		assert_eq!(last_event(), Event::MaintenanceAnnounced { who: 2 });
		// Still approved: it comes back without governance.
		assert_eq!(validators(), vec![1, 2, 3, 4]);

		assert_ok!(ValidatorSet::end_maintenance(signed(2)));
		assert!(!Maintenance::<Test>::contains_key(2));
		assert_eq!(ValidatorSet::producing_count(), 4);
		assert_eq!(last_event(), Event::MaintenanceEnded { who: 2 });
	});
}

#[test]
fn announce_maintenance_fails_for_non_validators_and_unsigned_origins() {
	ExtBuilder::default().build_and_execute(|| {
		assert_noop!(ValidatorSet::announce_maintenance(signed(5)), Error::<Test>::NotValidator);
		assert_noop!(ValidatorSet::announce_maintenance(root()), DispatchError::BadOrigin);
	});
}

#[test]
fn announce_maintenance_fails_twice() {
	ExtBuilder::default().build_and_execute(|| {
		assert_ok!(ValidatorSet::announce_maintenance(signed(2)));
		assert_noop!(
			ValidatorSet::announce_maintenance(signed(2)),
			Error::<Test>::AlreadyInMaintenance
		);
	});
}

#[test]
fn announce_maintenance_never_undercuts_the_minimum() {
	ExtBuilder::default().build_and_execute(|| {
		assert_ok!(ValidatorSet::announce_maintenance(signed(1)));
		assert_ok!(ValidatorSet::announce_maintenance(signed(2)));
		assert_noop!(
			ValidatorSet::announce_maintenance(signed(3)),
			Error::<Test>::TooFewValidators
		);
	});
}

#[test]
fn end_maintenance_fails_when_none_was_announced() {
	ExtBuilder::default().build_and_execute(|| {
		assert_noop!(ValidatorSet::end_maintenance(signed(2)), Error::<Test>::NotInMaintenance);
		assert_noop!(ValidatorSet::end_maintenance(root()), DispatchError::BadOrigin);
	});
}

#[test]
fn the_minimum_is_checked_against_the_validators_that_will_really_produce() {
	ExtBuilder::default().with_validators(vec![1, 2, 3, 4], 3).build_and_execute(|| {
		// Validator 1's agency lapses: it is still approved but will not produce. Before, the
		// set of four still counted it and let 2 go to maintenance, leaving two producers.
		lapse(1);
		assert_eq!(ValidatorSet::producing(), vec![2, 3, 4]);
		assert_noop!(
			ValidatorSet::announce_maintenance(signed(2)),
			Error::<Test>::TooFewValidators
		);
		assert_noop!(ValidatorSet::remove_validator(root(), 3), Error::<Test>::TooFewValidators);
		// Removing the one that does not produce costs nothing.
		assert_ok!(ValidatorSet::remove_validator(root(), 1));
		// Nor does a validator without session keys count.
		set_keys(4, false);
		assert_eq!(ValidatorSet::producing_count(), 2);
		assert_noop!(ValidatorSet::set_min_validators(root(), 3), Error::<Test>::TooFewValidators);
		set_keys(4, true);
	});
}
