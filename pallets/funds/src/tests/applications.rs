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
		assert_ok!(apply(SME, p, 300_000));
		assert_eq!(
			last_event(),
			Event::Applied { application: 0, program: p, applicant: 10, requested: 300_000 }
		);
		assert_eq!(Applications::<Test>::get(0).unwrap().status, ApplicationStatus::Pending);
		assert_eq!(Projects::<Test>::get(project(0)), Some(0));
		assert_ok!(Funds::approve(RuntimeOrigin::signed(MANAGER), 0, 250_000));
		// Published for the default 7 days before it may be paid.
		let until = hour(1) + 7 * regchain_primitives::time::DAY;
		assert_eq!(
			last_event(),
			Event::Approved { allocation: 0, program: p, enterprise: 10, amount: 250_000, until }
		);
		assert_eq!(
			Publicities::<Test>::get(0),
			Some(Publicity { until, objections: 0, unanswered: 0, withdrawn: false })
		);
		assert_eq!(Awarded::<Test>::get(p, 10), 250_000);
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
		assert_ok!(apply(SME, p, 300_000));
		let reason = H256::repeat_byte(4);
		assert_ok!(Funds::reject_application(RuntimeOrigin::signed(MANAGER), 0, reason));
		assert_eq!(last_event(), Event::ApplicationRejected { application: 0, reason });
		assert_eq!(
			Applications::<Test>::get(0).unwrap().status,
			ApplicationStatus::Rejected { reason }
		);
		// A rejected project may apply again, here or elsewhere.
		assert_eq!(Projects::<Test>::get(project(0)), None);
		let again = Funds::apply(RuntimeOrigin::signed(SME), p, 1, H256::zero(), project(0));
		assert_ok!(again);
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
		for who in [MANAGER, FINANCE, OUTSIDER] {
			assert_noop!(apply(who, p, 1), BadOrigin);
		}
		// A bank passes the origin; this program is for enterprises.
		assert_noop!(apply(BANK, p, 1), Error::<Test>::IneligibleKind);
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
			ELIGIBLE,
			hour(150),
			hour(160),
			hour(170),
			Eligibility::any_enterprise(),
			None,
			Default::default(),
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
		assert_ok!(apply(SME, p, 700_000));
		assert_ok!(apply(OTHER_SME, p, 700_000));
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
		assert_ok!(apply(SME, p, 700_000));
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
		// An award published now would be paid only after the program's end.
		run_to(400 - 168);
		assert_noop!(
			Funds::approve(RuntimeOrigin::signed(MANAGER), 0, 1),
			Error::<Test>::PublicityBeyondEnd
		);
		run_to(400);
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
			40,
			regchain_primitives::OrgKind::Enterprise,
			&[regchain_primitives::Role::FundManager],
			&[40],
		));
		assert_ok!(Funds::create_program(
			RuntimeOrigin::signed(40),
			H256::repeat_byte(1),
			ELIGIBLE,
			hour(1),
			hour(100),
			hour(400),
			Eligibility::any_enterprise(),
			None,
			Default::default(),
		));
		assert_ok!(Funds::set_budget(RuntimeOrigin::signed(FINANCE), 0, 1_000));
		assert_ok!(apply(40, 0, 500));
		assert_noop!(
			Funds::approve(RuntimeOrigin::signed(40), 0, 500),
			Error::<Test>::OwnApplication
		);
		assert_noop!(
			Funds::reject_application(RuntimeOrigin::signed(40), 0, H256::zero()),
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
		assert_ok!(apply(SME, p, 1_000));
		TestStanding::add(10, listing(true, hour(50)));
		assert_noop!(apply(SME, p, 1_000), Error::<Test>::ApplicantListed);
		TestClock::set(hour(50));
		assert_ok!(apply(SME, p, 1_000));
	});
}

#[test]
fn apply_checks_the_programs_eligibility_and_names_the_failed_condition() {
	use regchain_primitives::{Division, OrgKind, OrgKinds, Role, Roles};
	ExtBuilder::default().build_and_execute(|| {
		// The test registry's enterprises and bank are registered in Shanghai (310000): a
		// Pudong program is not for them; a Beijing-or-Shanghai program for manufacturers,
		// enterprises or banks, 300,000 at most each, is.
		let pudong = program_with(Eligibility {
			regions: vec![Division(310115)].try_into().unwrap(),
			..Eligibility::any_enterprise()
		});
		assert_noop!(apply(SME, pudong, 1), Error::<Test>::IneligibleRegion);
		let mut roles = Roles::default();
		roles.insert(Role::Manufacturer);
		let p = program_with(Eligibility {
			regions: vec![Division(110000), Division(310000)].try_into().unwrap(),
			kinds: OrgKinds::of(&[OrgKind::Enterprise, OrgKind::FinancialInstitution]),
			roles,
			max_per_applicant: Some(300_000),
		});
		assert_noop!(apply(SME, p, 1), Error::<Test>::MissingRole);
		assert_noop!(apply(BANK, p, 1), Error::<Test>::MissingRole);
		TestMembership::grant_role(10, Role::Manufacturer);
		assert_noop!(apply(SME, p, 300_001), Error::<Test>::ExceedsPerApplicant);
		assert_ok!(apply(SME, p, 200_000));
		assert_ok!(Funds::approve(RuntimeOrigin::signed(MANAGER), 0, 200_000));
		assert_eq!(Applications::<Test>::get(0).map(|a| a.program), Some(p));
		// What it was granted counts: 100,000 more at most, at application and at approval.
		assert_noop!(apply(SME, p, 100_001), Error::<Test>::ExceedsPerApplicant);
		assert_ok!(apply(SME, p, 100_000));
		assert_ok!(apply(SME, p, 100_000));
		assert_ok!(Funds::approve(RuntimeOrigin::signed(MANAGER), 1, 100_000));
		assert_noop!(
			Funds::approve(RuntimeOrigin::signed(MANAGER), 2, 1),
			Error::<Test>::ExceedsPerApplicant
		);
		assert_eq!(Awarded::<Test>::get(p, 10), 300_000);
	});
}

#[test]
fn one_project_applies_once_across_programs_until_its_application_is_rejected() {
	ExtBuilder::default().build_and_execute(|| {
		let (p, q) = (program(), program());
		let key = H256::repeat_byte(0x77);
		let apply_with = |who, program| {
			Funds::apply(RuntimeOrigin::signed(who), program, 1_000, H256::zero(), key)
		};
		assert_ok!(apply_with(SME, p));
		assert_eq!(ApplicationProjects::<Test>::get(0), Some(key));
		// The same project, to another program or by another enterprise: refused; the first is
		// named by the key.
		assert_noop!(apply_with(SME, q), Error::<Test>::DuplicateProject);
		assert_noop!(apply_with(OTHER_SME, q), Error::<Test>::DuplicateProject);
		assert_eq!(Projects::<Test>::get(key), Some(0));
		// Approved, the key stays taken.
		assert_ok!(Funds::approve(RuntimeOrigin::signed(MANAGER), 0, 1_000));
		assert_noop!(apply_with(SME, q), Error::<Test>::DuplicateProject);
	});
}
