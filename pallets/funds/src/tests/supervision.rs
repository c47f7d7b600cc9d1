//! Regulators: freezing, unfreezing and claw-backs.

use crate::{mock::*, *};
use frame_support::{assert_noop, assert_ok};
use sp_core::H256;
use sp_runtime::DispatchError::BadOrigin;

#[test]
fn regulators_freeze_and_unfreeze_an_allocation_in_its_ledger() {
	ExtBuilder::default().build_and_execute(|| {
		let a = funded(1_000, 500);
		let target = FreezeTarget::Allocation(a);
		assert_ok!(Funds::freeze(RuntimeOrigin::signed(AUDITOR), target));
		assert_eq!(last_event(), Event::Frozen { target });
		assert!(Allocations::<Test>::get(a).unwrap().frozen);
		assert_noop!(
			Funds::freeze(RuntimeOrigin::signed(FINANCE), target),
			Error::<Test>::AlreadyFrozen
		);
		assert_ok!(Funds::unfreeze(RuntimeOrigin::signed(FINANCE), target));
		assert_eq!(last_event(), Event::Unfrozen { target });
		assert_noop!(
			Funds::unfreeze(RuntimeOrigin::signed(FINANCE), target),
			Error::<Test>::NotFrozen
		);
		let moves: Vec<_> = (0..4).map(|i| Ledger::<Test>::get(a, i).unwrap().movement).collect();
		assert_eq!(moves[2..], [Movement::Frozen, Movement::Unfrozen]);
	});
}

#[test]
fn regulators_freeze_a_whole_special_account() {
	ExtBuilder::default().build_and_execute(|| {
		let target = FreezeTarget::Account(10);
		assert_ok!(Funds::freeze(RuntimeOrigin::signed(FINANCE), target));
		assert!(FrozenAccounts::<Test>::contains_key(10));
		assert_noop!(
			Funds::freeze(RuntimeOrigin::signed(FINANCE), target),
			Error::<Test>::AlreadyFrozen
		);
		assert_ok!(Funds::unfreeze(RuntimeOrigin::signed(FINANCE), target));
		assert!(!FrozenAccounts::<Test>::contains_key(10));
		assert_noop!(
			Funds::unfreeze(RuntimeOrigin::signed(FINANCE), target),
			Error::<Test>::NotFrozen
		);
	});
}

#[test]
fn freezing_fails_for_non_regulators_and_unknown_allocations() {
	ExtBuilder::default().build_and_execute(|| {
		let a = funded(1_000, 500);
		for who in [MANAGER, SME, OUTSIDER] {
			for target in [FreezeTarget::Allocation(a), FreezeTarget::Account(10)] {
				assert_noop!(Funds::freeze(RuntimeOrigin::signed(who), target), BadOrigin);
				assert_noop!(Funds::unfreeze(RuntimeOrigin::signed(who), target), BadOrigin);
			}
			assert_noop!(
				Funds::claw_back(RuntimeOrigin::signed(who), a, 1, H256::zero()),
				BadOrigin
			);
		}
		assert_noop!(
			Funds::freeze(RuntimeOrigin::signed(FINANCE), FreezeTarget::Allocation(7)),
			Error::<Test>::AllocationNotFound
		);
	});
}

#[test]
fn regulators_claw_back_unspent_money_even_after_closing() {
	ExtBuilder::default().build_and_execute(|| {
		let a = funded(1_000, 800);
		assert_ok!(Funds::record_expense(
			RuntimeOrigin::signed(SME),
			a,
			300,
			0,
			H256::zero(),
			H256::zero(),
			None
		));
		assert_ok!(Funds::freeze(RuntimeOrigin::signed(FINANCE), FreezeTarget::Allocation(a)));
		assert_ok!(Funds::close_program(RuntimeOrigin::signed(FINANCE), 0, H256::zero()));
		let reason = H256::repeat_byte(7);
		assert_ok!(Funds::claw_back(RuntimeOrigin::signed(AUDITOR), a, 200, reason));
		assert_eq!(last_event(), Event::ClawedBack { allocation: a, amount: 200, reason });
		assert_ok!(Funds::claw_back(RuntimeOrigin::signed(FINANCE), a, 300, reason));
		let alloc = Allocations::<Test>::get(a).unwrap();
		assert_eq!((alloc.spent, alloc.clawed_back, alloc.unspent()), (300, 500, Some(0)));
		assert_eq!(Programs::<Test>::get(0).unwrap().clawed_back, 500);
		assert_noop!(
			Funds::claw_back(RuntimeOrigin::signed(FINANCE), a, 1, reason),
			Error::<Test>::ExceedsUnspent
		);
		assert_noop!(
			Funds::claw_back(RuntimeOrigin::signed(FINANCE), a, 0, reason),
			Error::<Test>::ZeroAmount
		);
		assert_noop!(
			Funds::claw_back(RuntimeOrigin::signed(FINANCE), 9, 1, reason),
			Error::<Test>::AllocationNotFound
		);
	});
}

#[test]
fn clawed_back_money_cannot_be_spent() {
	ExtBuilder::default().build_and_execute(|| {
		let a = funded(1_000, 500);
		assert_ok!(Funds::claw_back(RuntimeOrigin::signed(FINANCE), a, 400, H256::zero()));
		assert_noop!(
			Funds::record_expense(
				RuntimeOrigin::signed(SME),
				a,
				101,
				0,
				H256::zero(),
				H256::zero(),
				None
			),
			Error::<Test>::ExceedsDisbursed
		);
		assert_ok!(Funds::record_expense(
			RuntimeOrigin::signed(SME),
			a,
			100,
			0,
			H256::zero(),
			H256::zero(),
			None
		));
	});
}

#[test]
fn a_regulator_acts_only_within_its_jurisdiction() {
	ExtBuilder::default().build_and_execute(|| {
		use regchain_primitives::{testing::TestMembership, Division};
		let id = funded(1_000, 500);
		// The finance bureau (1) narrowed to Minhang: the Shanghai enterprise is out of reach.
		TestMembership::set_jurisdiction(1, Division(310112));
		let finance = RuntimeOrigin::signed(FINANCE);
		assert_noop!(
			Funds::freeze(finance.clone(), FreezeTarget::Allocation(id)),
			Error::<Test>::OutsideJurisdiction
		);
		assert_noop!(
			Funds::freeze(finance.clone(), FreezeTarget::Account(10)),
			Error::<Test>::OutsideJurisdiction
		);
		assert_noop!(
			Funds::claw_back(finance.clone(), id, 100, H256::zero()),
			Error::<Test>::OutsideJurisdiction
		);
		// An unknown organization is named as such.
		assert_noop!(
			Funds::freeze(finance.clone(), FreezeTarget::Account(77)),
			Error::<Test>::OrganizationNotFound
		);
		// The manager (the science commission, national in the mock) is outside Minhang too.
		TestMembership::set_jurisdiction(3, Division(310000));
		assert_noop!(
			Funds::close_program(finance.clone(), 0, H256::zero()),
			Error::<Test>::OutsideJurisdiction
		);
		TestMembership::set_jurisdiction(1, Division(310000));
		assert_ok!(Funds::freeze(finance, FreezeTarget::Allocation(id)));
	});
}
