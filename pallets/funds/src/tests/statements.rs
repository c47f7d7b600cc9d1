//! The statements of the runtime API and the invariants.

use crate::{mock::*, *};
use frame_support::assert_ok;
use sp_core::H256;

#[test]
fn statements_cover_an_enterprise_a_program_and_an_allocation() {
	ExtBuilder::default().build_and_execute(|| {
		let p = program();
		let a = allocation(p, 500);
		end_publicity(a);
		let q = program();
		let b = allocation(q, 700);
		end_publicity(b);
		assert_ok!(Funds::disburse(RuntimeOrigin::signed(MANAGER), a, 300, H256::zero()));
		assert_ok!(Funds::record_expense(
			RuntimeOrigin::signed(SME),
			a,
			120,
			1,
			H256::zero(),
			H256::zero(),
			None
		));

		let mut statement = Funds::enterprise_statement(10, None, 10);
		statement.sort_by_key(|(id, _)| *id);
		assert_eq!(
			statement.iter().map(|(id, x)| (*id, x.approved)).collect::<Vec<_>>(),
			vec![(a, 500), (b, 700)]
		);
		let first = Funds::enterprise_statement(10, None, 1);
		let rest = Funds::enterprise_statement(10, Some(first[0].0), 10);
		assert_eq!(first.len() + rest.len(), 2);
		assert_ne!(first[0].0, rest[0].0);
		assert!(Funds::enterprise_statement(20, None, 10).is_empty());

		let (program, allocations) = Funds::program_statement(p, None, 10).unwrap();
		assert_eq!((program.approved, program.disbursed, program.spent), (500, 300, 120));
		assert_eq!(allocations, vec![(a, Allocations::<Test>::get(a).unwrap())]);
		assert!(Funds::program_statement(9, None, 10).is_none());

		let (allocation, ledger) = Funds::allocation_history(a, 0, 10).unwrap();
		assert_eq!(allocation.spent, 120);
		let moves: Vec<_> = ledger.iter().map(|e| e.movement).collect();
		assert!(matches!(
			moves[..],
			[
				Movement::Approved { amount: 500 },
				Movement::Disbursed { amount: 300, .. },
				Movement::Spent { amount: 120, category: 1, .. }
			]
		));
		assert_eq!(Funds::allocation_history(a, 1, 1).unwrap().1.len(), 1);
		assert!(Funds::allocation_history(a, u32::MAX, u32::MAX).unwrap().1.is_empty());
	});
}

#[test]
fn the_invariants_catch_totals_that_differ_from_the_records() {
	ExtBuilder::default().build().execute_with(|| {
		let a = funded(1_000, 500);
		assert_ok!(Funds::do_try_state());
		Allocations::<Test>::mutate(a, |x| x.as_mut().unwrap().spent = 1);
		assert_eq!(Funds::do_try_state(), Err("allocation totals differ from its ledger".into()));
		Allocations::<Test>::mutate(a, |x| x.as_mut().unwrap().spent = 0);
		Programs::<Test>::mutate(0, |x| x.as_mut().unwrap().disbursed = 499);
		assert_eq!(Funds::do_try_state(), Err("program totals differ from its allocations".into()));
		Programs::<Test>::mutate(0, |x| x.as_mut().unwrap().disbursed = 500);
		Programs::<Test>::mutate(0, |x| x.as_mut().unwrap().budget = 999);
		assert_eq!(Funds::do_try_state(), Err("approvals exceed the budget".into()));
		Programs::<Test>::mutate(0, |x| x.as_mut().unwrap().budget = 1_000_000);
		Ledger::<Test>::remove(a, 1);
		assert_eq!(Funds::do_try_state(), Err("a ledger entry is missing".into()));
	});
}

#[test]
fn the_invariants_catch_money_moved_in_publicity_and_keys_or_grants_astray() {
	ExtBuilder::default().build().execute_with(|| {
		let a = funded(1_000, 500);
		assert_ok!(Funds::do_try_state());
		// The award's publicity said later than the disbursement.
		Publicities::<Test>::mutate(a, |p| p.as_mut().unwrap().until = hour(2));
		assert_eq!(
			Funds::do_try_state(),
			Err("money moved before the award's publicity ended".into())
		);
		Publicities::<Test>::mutate(a, |p| p.as_mut().unwrap().until = hour(1));
		Publicities::<Test>::mutate(a, |p| p.as_mut().unwrap().unanswered = 1);
		assert_eq!(
			Funds::do_try_state(),
			Err("an award's objection counts differ from its objections".into())
		);
		Publicities::<Test>::mutate(a, |p| p.as_mut().unwrap().unanswered = 0);
		Awarded::<Test>::insert(0, 10, 999);
		assert_eq!(
			Funds::do_try_state(),
			Err("an applicant's grant differs from its awards".into())
		);
		Awarded::<Test>::insert(0, 10, 1_000);
		Projects::<Test>::remove(project(a));
		assert_eq!(
			Funds::do_try_state(),
			Err("a live application's key does not name it, or a dead one's does".into())
		);
	});
}
