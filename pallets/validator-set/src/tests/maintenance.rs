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
