//! Fund programs: creation, budget, closing.

use crate::{mock::*, *};
use frame_support::{assert_noop, assert_ok};
use sp_core::H256;
use sp_runtime::DispatchError::BadOrigin;

#[test]
fn a_fund_manager_creates_a_program() {
	ExtBuilder::default().build_and_execute(|| {
		let id = program();
		assert_eq!(id, 0);
		let p = Programs::<Test>::get(0).unwrap();
		assert_eq!(
			(p.manager, p.budget, p.categories, p.status),
			(3, 1_000_000, ELIGIBLE, ProgramStatus::Open)
		);
		assert_eq!((p.apply_from, p.apply_until, p.ends_at), (hour(1), hour(100), hour(200)));
		assert_eq!(
			last_event(),
			Event::ProgramCreated {
				program: 0,
				manager: 3,
				budget: 1_000_000,
				policy: H256::repeat_byte(1)
			}
		);
		assert_eq!(program(), 1);
	});
}

#[test]
fn create_program_fails_for_others_and_for_bad_programs() {
	ExtBuilder::default().build_and_execute(|| {
		let create = |who, budget, categories, from, until, end| {
			Funds::create_program(
				RuntimeOrigin::signed(who),
				H256::zero(),
				budget,
				categories,
				hour(from),
				hour(until),
				hour(end),
			)
		};
		for who in [FINANCE, AUDITOR, SME, OUTSIDER] {
			assert_noop!(create(who, 1, ELIGIBLE, 1, 2, 3), BadOrigin);
		}
		assert_noop!(create(MANAGER, 0, ELIGIBLE, 1, 2, 3), Error::<Test>::ZeroAmount);
		assert_noop!(create(MANAGER, 1, Categories(0), 1, 2, 3), Error::<Test>::NoCategories);
		assert_noop!(create(MANAGER, 1, ELIGIBLE, 2, 2, 3), Error::<Test>::InvalidSchedule);
		assert_noop!(create(MANAGER, 1, ELIGIBLE, 1, 4, 3), Error::<Test>::InvalidSchedule);
		run_to(5);
		assert_noop!(create(MANAGER, 1, ELIGIBLE, 1, 2, 5), Error::<Test>::InvalidSchedule);
		NextProgramId::<Test>::put(ProgramId::MAX);
		assert_noop!(create(MANAGER, 1, ELIGIBLE, 1, 2, 6), Error::<Test>::Overflow);
		NextProgramId::<Test>::put(0);
	});
}

#[test]
fn the_manager_changes_the_budget_but_never_below_approvals() {
	ExtBuilder::default().build_and_execute(|| {
		let p = program();
		allocation(p, 400_000);
		assert_ok!(Funds::set_budget(RuntimeOrigin::signed(MANAGER), p, 400_000));
		assert_eq!(last_event(), Event::BudgetChanged { program: p, budget: 400_000 });
		assert_eq!(Programs::<Test>::get(p).unwrap().budget, 400_000);
		assert_noop!(
			Funds::set_budget(RuntimeOrigin::signed(MANAGER), p, 399_999),
			Error::<Test>::BudgetBelowApproved
		);
		assert_noop!(
			Funds::set_budget(RuntimeOrigin::signed(MANAGER), p, 0),
			Error::<Test>::ZeroAmount
		);
		assert_noop!(
			Funds::set_budget(RuntimeOrigin::signed(OTHER_MANAGER), p, 500_000),
			Error::<Test>::NotManager
		);
		assert_noop!(Funds::set_budget(RuntimeOrigin::signed(FINANCE), p, 500_000), BadOrigin);
		assert_noop!(
			Funds::set_budget(RuntimeOrigin::signed(MANAGER), 9, 500_000),
			Error::<Test>::ProgramNotFound
		);
	});
}

#[test]
fn the_manager_or_a_regulator_closes_a_program_once() {
	ExtBuilder::default().build_and_execute(|| {
		let statement = H256::repeat_byte(8);
		for closer in [MANAGER, FINANCE, AUDITOR] {
			let p = program();
			assert_ok!(Funds::close_program(RuntimeOrigin::signed(closer), p, statement));
			assert_eq!(last_event(), Event::ProgramClosed { program: p, statement });
			assert_eq!(
				Programs::<Test>::get(p).unwrap().status,
				ProgramStatus::Closed { statement }
			);
			assert_noop!(
				Funds::close_program(RuntimeOrigin::signed(FINANCE), p, statement),
				Error::<Test>::ProgramClosed
			);
			assert_noop!(
				Funds::set_budget(RuntimeOrigin::signed(MANAGER), p, 5),
				Error::<Test>::ProgramClosed
			);
		}
	});
}

#[test]
fn close_program_fails_for_other_managers_and_non_regulators() {
	ExtBuilder::default().build_and_execute(|| {
		let p = program();
		assert_noop!(
			Funds::close_program(RuntimeOrigin::signed(OTHER_MANAGER), p, H256::zero()),
			Error::<Test>::NotManager
		);
		for who in [SME, OUTSIDER] {
			assert_noop!(
				Funds::close_program(RuntimeOrigin::signed(who), p, H256::zero()),
				BadOrigin
			);
		}
		assert_noop!(
			Funds::close_program(RuntimeOrigin::signed(FINANCE), 7, H256::zero()),
			Error::<Test>::ProgramNotFound
		);
	});
}
