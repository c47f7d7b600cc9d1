//! Regulators: freezing, unfreezing and claw-backs.

use crate::{mock::*, *};
use frame_support::{assert_noop, assert_ok};
use regchain_primitives::{
	testing::TestMembership, FreezableRecords, Freezes, Membership, RecordRef,
};
use sp_core::H256;
use sp_runtime::DispatchError::BadOrigin;

const DECISION: H256 = H256::repeat_byte(0xd5);

/// The organization `who` acts for.
fn org(who: u64) -> OrgId {
	<TestMembership as Membership<u64>>::member(&who).unwrap().org
}

#[test]
fn regulators_freeze_and_unfreeze_an_allocation_in_its_ledger() {
	ExtBuilder::default().build_and_execute(|| {
		let a = funded(1_000, 500);
		let target = FreezeTarget::Allocation(a);
		assert_ok!(Funds::freeze(RuntimeOrigin::signed(AUDITOR), target, DECISION));
		let auditor = org(AUDITOR);
		assert_eq!(last_event(), Event::Frozen { target, by: auditor, reason: DECISION });
		assert_eq!(
			FrozenAllocations::<Test>::get(a).map(|f| (f.by, f.reason)),
			Some((auditor, DECISION))
		);
		assert_noop!(
			Funds::freeze(RuntimeOrigin::signed(FINANCE), target, H256::zero()),
			Error::<Test>::AlreadyFrozen
		);
		assert_ok!(Funds::unfreeze(RuntimeOrigin::signed(FINANCE), target));
		let finance = org(FINANCE);
		assert_eq!(last_event(), Event::Unfrozen { target, by: finance });
		assert!(!FrozenAllocations::<Test>::contains_key(a));
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
		assert_ok!(Funds::freeze(RuntimeOrigin::signed(FINANCE), target, H256::zero()));
		assert!(FrozenAccounts::<Test>::contains_key(10));
		assert_noop!(
			Funds::freeze(RuntimeOrigin::signed(FINANCE), target, H256::zero()),
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
				assert_noop!(
					Funds::freeze(RuntimeOrigin::signed(who), target, H256::zero()),
					BadOrigin
				);
				assert_noop!(Funds::unfreeze(RuntimeOrigin::signed(who), target), BadOrigin);
			}
			assert_noop!(
				Funds::claw_back(RuntimeOrigin::signed(who), a, 1, H256::zero()),
				BadOrigin
			);
		}
		assert_noop!(
			Funds::freeze(
				RuntimeOrigin::signed(FINANCE),
				FreezeTarget::Allocation(7),
				H256::zero()
			),
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
		assert_ok!(Funds::freeze(
			RuntimeOrigin::signed(FINANCE),
			FreezeTarget::Allocation(a),
			H256::zero()
		));
		// Paid awards are evaluated before their program closes.
		assert_ok!(Funds::evaluate(RuntimeOrigin::signed(MANAGER), a, 80, H256::zero()));
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
			Funds::freeze(finance.clone(), FreezeTarget::Allocation(id), H256::zero()),
			Error::<Test>::OutsideJurisdiction
		);
		assert_noop!(
			Funds::freeze(finance.clone(), FreezeTarget::Account(10), H256::zero()),
			Error::<Test>::OutsideJurisdiction
		);
		assert_noop!(
			Funds::claw_back(finance.clone(), id, 100, H256::zero()),
			Error::<Test>::OutsideJurisdiction
		);
		// An unknown organization is named as such.
		assert_noop!(
			Funds::freeze(finance.clone(), FreezeTarget::Account(77), H256::zero()),
			Error::<Test>::OrganizationNotFound
		);
		// The manager (the science commission, national in the mock) is outside Minhang too.
		TestMembership::set_jurisdiction(3, Division(310000));
		assert_noop!(
			Funds::close_program(finance.clone(), 0, H256::zero()),
			Error::<Test>::OutsideJurisdiction
		);
		TestMembership::set_jurisdiction(1, Division(310000));
		assert_ok!(Funds::freeze(finance, FreezeTarget::Allocation(id), H256::zero()));
	});
}

#[test]
fn the_shared_freeze_reaches_allocations_and_accounts_as_the_call_does() {
	ExtBuilder::default().build_and_execute(|| {
		let a = funded(1_000, 500);
		let finance = org(FINANCE);
		type Allocs = Freezes<AllocationRecords<Test>>;
		type Accounts = Freezes<AccountRecords<Test>>;
		let allocation = RecordRef::new(FUND_ALLOCATION, a.into());
		let disburse =
			|who, amount| Funds::disburse(RuntimeOrigin::signed(who), a, amount, H256::zero());
		let account = RecordRef::new(FUND_ACCOUNT, 10);
		assert!(Allocs::keeps(FUND_ALLOCATION) && !Allocs::keeps(FUND_ACCOUNT));
		// Both kinds as one, as the runtime composes every kind: each call goes by the tag.
		type Both = (Allocs, Accounts);
		assert!(Both::keeps(FUND_ALLOCATION) && Both::keeps(FUND_ACCOUNT));
		assert_eq!(Both::supervision(FUND_ACCOUNT), Some(regchain_primitives::Domain::Funds));
		assert_eq!(Both::supervision(*b"none"), None);
		assert_eq!(<Both as FreezableRecords>::subject(account), Some(10));
		assert_eq!(
			<Both as FreezableRecords>::freeze(RecordRef::new(*b"none", 1), finance, DECISION),
			Err(regchain_primitives::freeze::NO_SUCH_DOMAIN)
		);
		assert_eq!(<Allocs as FreezableRecords>::subject(allocation), Some(10));
		assert_eq!(<Accounts as FreezableRecords>::subject(account), Some(10));
		assert_eq!(<Accounts as FreezableRecords>::subject(allocation), None);
		assert_noop!(
			<Accounts as FreezableRecords>::freeze(
				RecordRef::new(FUND_ACCOUNT, 77),
				finance,
				DECISION
			),
			Error::<Test>::OrganizationNotFound
		);
		assert_ok!(<Allocs as FreezableRecords>::freeze(allocation, finance, DECISION));
		let target = FreezeTarget::Allocation(a);
		assert_eq!(last_event(), Event::Frozen { target, by: finance, reason: DECISION });
		assert_eq!(Ledger::<Test>::get(a, 2).map(|e| e.movement), Some(Movement::Frozen));
		assert_noop!(disburse(MANAGER, 1), Error::<Test>::Frozen);
		assert_ok!(<Both as FreezableRecords>::freeze(account, finance, DECISION));
		assert_ok!(<Both as FreezableRecords>::unfreeze(allocation, finance));
		assert_eq!(Ledger::<Test>::get(a, 3).map(|e| e.movement), Some(Movement::Unfrozen));
		assert_noop!(disburse(MANAGER, 1), Error::<Test>::Frozen);
		assert_noop!(
			<Accounts as FreezableRecords>::freeze(account, finance, DECISION),
			Error::<Test>::AlreadyFrozen
		);
		assert_ok!(<Accounts as FreezableRecords>::unfreeze(account, finance));
		assert_eq!(
			last_event(),
			Event::Unfrozen { target: FreezeTarget::Account(10), by: finance }
		);
		assert_ok!(disburse(MANAGER, 1));
	});
}
