//! Applications and their approval or rejection.

use crate::{mock::*, *};
use frame_support::{assert_noop, assert_ok};
use regchain_primitives::testing::TestMembership;
use sp_core::H256;
use sp_runtime::DispatchError::BadOrigin;

#[test]
fn an_enterprise_applies_and_the_manager_approves_into_an_allocation() {
	ExtBuilder::default().build_and_execute(|| {
		let p = program();
		assert_ok!(Funds::apply(RuntimeOrigin::signed(SME), p, 300_000, H256::repeat_byte(2)));
		assert_eq!(
			last_event(),
			Event::Applied { application: 0, program: p, applicant: 10, requested: 300_000 }
		);
		assert_eq!(Applications::<Test>::get(0).unwrap().status, ApplicationStatus::Pending);
		assert_ok!(Funds::approve(RuntimeOrigin::signed(MANAGER), 0, 250_000));
		assert_eq!(
			last_event(),
			Event::Approved { allocation: 0, program: p, enterprise: 10, amount: 250_000 }
		);
		assert_eq!(Applications::<Test>::get(0).unwrap().status, ApplicationStatus::Approved);
		let a = Allocations::<Test>::get(0).unwrap();
		assert_eq!(
			(a.program, a.enterprise, a.approved, a.disbursed, a.entries),
			(p, 10, 250_000, 0, 1)
		);
		assert_eq!(
			Ledger::<Test>::get(0, 0).unwrap().movement,
			Movement::Approved { amount: 250_000 }
		);
		assert_eq!(Programs::<Test>::get(p).unwrap().approved, 250_000);
		assert!(AllocationsByEnterprise::<Test>::contains_key(10, 0));
		assert!(AllocationsByProgram::<Test>::contains_key(p, 0));
	});
}

#[test]
fn one_special_account_holds_allocations_of_several_programs() {
	ExtBuilder::default().build_and_execute(|| {
		let a = allocation(program(), 100);
		let b = allocation(program(), 200);
		let ids: Vec<_> = AllocationsByEnterprise::<Test>::iter_key_prefix(10).collect();
		assert_eq!(ids.len(), 2);
		assert!(ids.contains(&a) && ids.contains(&b));
		assert_eq!(Allocations::<Test>::get(b).unwrap().program, 1);
	});
}

#[test]
fn the_manager_rejects_with_a_reason() {
	ExtBuilder::default().build_and_execute(|| {
		let p = program();
		assert_ok!(Funds::apply(RuntimeOrigin::signed(SME), p, 300_000, H256::zero()));
		let reason = H256::repeat_byte(4);
		assert_ok!(Funds::reject_application(RuntimeOrigin::signed(MANAGER), 0, reason));
		assert_eq!(last_event(), Event::ApplicationRejected { application: 0, reason });
		assert_eq!(
			Applications::<Test>::get(0).unwrap().status,
			ApplicationStatus::Rejected { reason }
		);
		assert!(Allocations::<Test>::get(0).is_none());
		assert_noop!(
			Funds::approve(RuntimeOrigin::signed(MANAGER), 0, 1),
			Error::<Test>::NotPending
		);
	});
}

#[test]
fn apply_fails_outside_the_window_for_closed_programs_and_frozen_accounts() {
	ExtBuilder::default().build_and_execute(|| {
		let p = program();
		let apply = |who, program, amount| {
			Funds::apply(RuntimeOrigin::signed(who), program, amount, H256::zero())
		};
		for who in [MANAGER, FINANCE, OUTSIDER] {
			assert_noop!(apply(who, p, 1), BadOrigin);
		}
		TestMembership::set_active(10, false);
		assert_noop!(apply(SME, p, 1), BadOrigin);
		TestMembership::set_active(10, true);
		assert_noop!(apply(SME, 5, 1), Error::<Test>::ProgramNotFound);
		assert_noop!(apply(SME, p, 0), Error::<Test>::ZeroAmount);
		assert_noop!(apply(SME, p, 1_000_001), Error::<Test>::ExceedsBudget);
		assert_ok!(Funds::freeze(
			RuntimeOrigin::signed(FINANCE),
			FreezeTarget::Account(10),
			H256::zero()
		));
		assert_noop!(apply(SME, p, 1), Error::<Test>::Frozen);
		run_to(100);
		assert_noop!(apply(OTHER_SME, p, 1), Error::<Test>::OutsideWindow);
		assert_ok!(Funds::create_program(
			RuntimeOrigin::signed(MANAGER),
			H256::zero(),
			5,
			ELIGIBLE,
			hour(150),
			hour(160),
			hour(170)
		));
		assert_noop!(apply(OTHER_SME, 1, 1), Error::<Test>::OutsideWindow);
		assert_ok!(Funds::close_program(RuntimeOrigin::signed(MANAGER), 1, H256::zero()));
		run_to(150);
		assert_noop!(apply(OTHER_SME, 1, 1), Error::<Test>::ProgramClosed);
	});
}

#[test]
fn approvals_never_exceed_the_request_or_the_budget() {
	ExtBuilder::default().build_and_execute(|| {
		let p = program();
		assert_ok!(Funds::apply(RuntimeOrigin::signed(SME), p, 700_000, H256::zero()));
		assert_ok!(Funds::apply(RuntimeOrigin::signed(OTHER_SME), p, 700_000, H256::zero()));
		assert_noop!(
			Funds::approve(RuntimeOrigin::signed(MANAGER), 0, 700_001),
			Error::<Test>::ExceedsRequest
		);
		assert_noop!(
			Funds::approve(RuntimeOrigin::signed(MANAGER), 0, 0),
			Error::<Test>::ZeroAmount
		);
		assert_ok!(Funds::approve(RuntimeOrigin::signed(MANAGER), 0, 700_000));
		assert_noop!(
			Funds::approve(RuntimeOrigin::signed(MANAGER), 1, 300_001),
			Error::<Test>::ExceedsBudget
		);
		assert_ok!(Funds::approve(RuntimeOrigin::signed(MANAGER), 1, 300_000));
		assert_eq!(Programs::<Test>::get(p).unwrap().approved, 1_000_000);
	});
}

#[test]
fn decisions_fail_for_others_unknown_applications_and_ended_or_closed_programs() {
	ExtBuilder::default().build_and_execute(|| {
		let p = program();
		assert_ok!(Funds::apply(RuntimeOrigin::signed(SME), p, 700_000, H256::zero()));
		assert_noop!(
			Funds::approve(RuntimeOrigin::signed(OTHER_MANAGER), 0, 1),
			Error::<Test>::NotManager
		);
		assert_noop!(
			Funds::reject_application(RuntimeOrigin::signed(OTHER_MANAGER), 0, H256::zero()),
			Error::<Test>::NotManager
		);
		assert_noop!(Funds::approve(RuntimeOrigin::signed(SME), 0, 1), BadOrigin);
		assert_noop!(
			Funds::approve(RuntimeOrigin::signed(MANAGER), 3, 1),
			Error::<Test>::ApplicationNotFound
		);
		run_to(200);
		assert_noop!(
			Funds::approve(RuntimeOrigin::signed(MANAGER), 0, 1),
			Error::<Test>::ProgramEnded
		);
		assert_ok!(Funds::close_program(RuntimeOrigin::signed(MANAGER), p, H256::zero()));
		assert_noop!(
			Funds::approve(RuntimeOrigin::signed(MANAGER), 0, 1),
			Error::<Test>::ProgramClosed
		);
	});
}

#[test]
fn a_manager_never_decides_its_own_organizations_application() {
	ExtBuilder::default().build_and_execute(|| {
		// The consortium refuses `FundManager` to enterprises; should an organization both
		// manage a program and apply to it, its own decision is refused all the same.
		TestMembership::add(regchain_primitives::testing::TestOrg::new(
			30,
			regchain_primitives::OrgKind::Enterprise,
			&[regchain_primitives::Role::FundManager],
			&[30],
		));
		assert_ok!(Funds::create_program(
			RuntimeOrigin::signed(30),
			H256::repeat_byte(1),
			1_000,
			ELIGIBLE,
			hour(1),
			hour(100),
			hour(200)
		));
		assert_ok!(Funds::apply(RuntimeOrigin::signed(30), 0, 500, H256::zero()));
		assert_noop!(
			Funds::approve(RuntimeOrigin::signed(30), 0, 500),
			Error::<Test>::OwnApplication
		);
		assert_noop!(
			Funds::reject_application(RuntimeOrigin::signed(30), 0, H256::zero()),
			Error::<Test>::OwnApplication
		);
		assert_eq!(Applications::<Test>::get(0).unwrap().status, ApplicationStatus::Pending);
	});
}

/// A listing of the test kit about enterprise 10 (the SME) until `until`.
fn listing(serious: bool, until: u64) -> regchain_primitives::Listing {
	regchain_primitives::Listing {
		attestation: 1,
		kind: regchain_primitives::DisciplineKind::SpecialFundMisuse,
		serious,
		by: 1,
		case: Some(4),
		until,
	}
}

#[test]
fn an_enterprise_listed_under_joint_discipline_applies_only_once_its_listing_ends() {
	use regchain_primitives::testing::{hour, TestClock, TestStanding};
	ExtBuilder::default().build_and_execute(|| {
		let p = program();
		// An ordinary penalty's listing is published but bars no funding.
		TestStanding::add(10, listing(false, hour(50)));
		assert_ok!(Funds::apply(RuntimeOrigin::signed(SME), p, 1_000, H256::zero()));
		TestStanding::add(10, listing(true, hour(50)));
		assert_noop!(
			Funds::apply(RuntimeOrigin::signed(SME), p, 1_000, H256::zero()),
			Error::<Test>::ApplicantListed
		);
		TestClock::set(hour(50));
		assert_ok!(Funds::apply(RuntimeOrigin::signed(SME), p, 1_000, H256::zero()));
	});
}
