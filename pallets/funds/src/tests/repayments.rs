//! After the fact: disallowed expenses, repayment obligations, applications barred until repaid.

use crate::{mock::*, *};
use frame_support::{assert_noop, assert_ok};
use sp_core::H256;
use sp_runtime::DispatchError::BadOrigin;

const FINDING: H256 = H256::repeat_byte(0xa7);

/// An allocation of 1,000 disbursed in full with an expense of 600 (ledger entry 2).
fn spent() -> AllocationId {
	let a = funded(1_000, 1_000);
	assert_ok!(Funds::record_expense(
		RuntimeOrigin::signed(SME),
		a,
		600,
		0,
		H256::zero(),
		H256::zero(),
		None
	));
	assert!(matches!(Ledger::<Test>::get(a, 2).unwrap().movement, Movement::Spent { .. }));
	a
}

fn disallow(who: u64, a: AllocationId, entry: u32, amount: Fen) -> sp_runtime::DispatchResult {
	Funds::disallow(RuntimeOrigin::signed(who), a, entry, amount, FINDING, hour(500))
}

fn repay(a: AllocationId, amount: Fen) -> sp_runtime::DispatchResult {
	Funds::record_repayment(RuntimeOrigin::signed(MANAGER), a, amount, H256::repeat_byte(3))
}

#[test]
fn an_auditor_disallows_spent_money_which_is_owed_until_repaid() {
	ExtBuilder::default().build_and_execute(|| {
		let a = spent();
		assert_ok!(disallow(AUDITOR, a, 2, 400));
		assert_eq!(
			last_event(),
			Event::ExpenseDisallowed {
				allocation: a,
				entry: 2,
				amount: 400,
				by: 2,
				reason: FINDING,
				due: hour(500)
			}
		);
		// The money stays spent; it is owed back.
		let allocation = Allocations::<Test>::get(a).unwrap();
		assert_eq!((allocation.spent, allocation.entries), (600, 4));
		assert_eq!(
			Obligations::<Test>::get(a),
			Some(Obligation { enterprise: 10, disallowed: 400, repaid: 0, due: hour(500) })
		);
		assert_eq!(Owed::<Test>::get(10), Some(400));
		// The rest of the expense, not more.
		assert_noop!(disallow(FINANCE, a, 2, 201), Error::<Test>::ExceedsExpense);
		assert_ok!(disallow(FINANCE, a, 2, 200));
		assert_eq!(Owed::<Test>::get(10), Some(600));
		// Owing, the enterprise applies for nothing new.
		let next = program();
		assert_noop!(apply(SME, next, 1), Error::<Test>::OutstandingRepayment);
		// Repaid in two transfers, recorded by the manager, also after the program closed.
		assert_ok!(repay(a, 250));
		assert_eq!(last_event(), Event::Repaid { allocation: a, amount: 250, outstanding: 350 });
		// Paid awards are evaluated before their program closes.
		assert_ok!(Funds::evaluate(RuntimeOrigin::signed(MANAGER), a, 80, H256::zero()));
		assert_ok!(Funds::close_program(RuntimeOrigin::signed(MANAGER), 0, H256::zero()));
		assert_noop!(repay(a, 351), Error::<Test>::ExceedsOwed);
		assert_ok!(repay(a, 350));
		assert_eq!(Owed::<Test>::get(10), None);
		assert_eq!(Obligations::<Test>::get(a).unwrap().outstanding(), 0);
		assert_ok!(apply(SME, next, 1));
		let kinds: Vec<_> = (0..Allocations::<Test>::get(a).unwrap().entries)
			.map(|i| Ledger::<Test>::get(a, i).unwrap().movement)
			.filter(|m| matches!(m, Movement::Disallowed { .. } | Movement::Repaid { .. }))
			.collect();
		assert_eq!(kinds.len(), 4);
	});
}

#[test]
fn disallowance_fails_for_others_non_expenses_and_past_dates() {
	use regchain_primitives::{testing::TestMembership, Division};
	ExtBuilder::default().build_and_execute(|| {
		let a = spent();
		for who in [MANAGER, SME, OUTSIDER] {
			assert_noop!(disallow(who, a, 2, 1), BadOrigin);
		}
		// Entry 1 is the disbursement; 9 does not exist.
		assert_noop!(disallow(AUDITOR, a, 1, 1), Error::<Test>::NotAnExpense);
		assert_noop!(disallow(AUDITOR, a, 9, 1), Error::<Test>::NotAnExpense);
		assert_noop!(disallow(AUDITOR, a, 2, 0), Error::<Test>::ZeroAmount);
		assert_noop!(disallow(AUDITOR, 7, 2, 1), Error::<Test>::AllocationNotFound);
		assert_noop!(
			Funds::disallow(RuntimeOrigin::signed(AUDITOR), a, 2, 1, FINDING, hour(1)),
			Error::<Test>::InvalidDue
		);
		// A district audit office outside Shanghai.
		TestMembership::set_jurisdiction(2, Division(110000));
		assert_noop!(disallow(AUDITOR, a, 2, 1), Error::<Test>::OutsideJurisdiction);
		// Only the program's manager records repayments, of what is owed.
		assert_noop!(repay(a, 1), Error::<Test>::ExceedsOwed);
		assert_ok!(disallow(FINANCE, a, 2, 10));
		assert_noop!(
			Funds::record_repayment(RuntimeOrigin::signed(OTHER_MANAGER), a, 1, H256::zero()),
			Error::<Test>::NotManager
		);
		assert_noop!(
			Funds::record_repayment(RuntimeOrigin::signed(FINANCE), a, 1, H256::zero()),
			BadOrigin
		);
		assert_noop!(repay(a, 0), Error::<Test>::ZeroAmount);
	});
}
