//! Disbursements in tranches and the enterprise's expenses, with and without invoices.

use crate::{mock::*, *};
use frame_support::{assert_noop, assert_ok};
use regchain_primitives::Claim;
use sp_core::H256;
use sp_runtime::{DispatchError, DispatchError::BadOrigin};

fn spend(
	who: u64,
	allocation: AllocationId,
	amount: Fen,
	category: Category,
	invoice: Option<InvoiceRef>,
) -> sp_runtime::DispatchResult {
	Funds::record_expense(
		RuntimeOrigin::signed(who),
		allocation,
		amount,
		category,
		H256::repeat_byte(5),
		H256::repeat_byte(6),
		invoice,
	)
}

#[test]
fn the_manager_disburses_in_tranches_up_to_the_approved_amount() {
	ExtBuilder::default().build_and_execute(|| {
		let a = allocation(program(), 1_000);
		end_publicity(a);
		let transfer = H256::repeat_byte(3);
		assert_ok!(Funds::disburse(RuntimeOrigin::signed(MANAGER), a, 600, transfer));
		assert_eq!(last_event(), Event::Disbursed { allocation: a, amount: 600, transfer });
		assert_ok!(Funds::disburse(RuntimeOrigin::signed(MANAGER), a, 400, transfer));
		assert_eq!(Allocations::<Test>::get(a).unwrap().disbursed, 1_000);
		assert_eq!(Programs::<Test>::get(0).unwrap().disbursed, 1_000);
		assert_eq!(
			Ledger::<Test>::get(a, 2).unwrap().movement,
			Movement::Disbursed { amount: 400, transfer }
		);
		assert_noop!(
			Funds::disburse(RuntimeOrigin::signed(MANAGER), a, 1, transfer),
			Error::<Test>::ExceedsApproved
		);
	});
}

#[test]
fn disburse_fails_for_others_zero_frozen_ended_and_closed() {
	ExtBuilder::default().build_and_execute(|| {
		let a = allocation(program(), 1_000);
		end_publicity(a);
		let disburse =
			|who, amount| Funds::disburse(RuntimeOrigin::signed(who), a, amount, H256::zero());
		assert_noop!(disburse(OTHER_MANAGER, 1), Error::<Test>::NotManager);
		assert_noop!(disburse(FINANCE, 1), BadOrigin);
		assert_noop!(disburse(MANAGER, 0), Error::<Test>::ZeroAmount);
		assert_noop!(
			Funds::disburse(RuntimeOrigin::signed(MANAGER), 9, 1, H256::zero()),
			Error::<Test>::AllocationNotFound
		);
		assert_ok!(Funds::freeze(
			RuntimeOrigin::signed(FINANCE),
			FreezeTarget::Allocation(a),
			H256::zero()
		));
		assert_noop!(disburse(MANAGER, 1), Error::<Test>::Frozen);
		assert_ok!(Funds::unfreeze(RuntimeOrigin::signed(FINANCE), FreezeTarget::Allocation(a)));
		assert_ok!(Funds::freeze(
			RuntimeOrigin::signed(AUDITOR),
			FreezeTarget::Account(10),
			H256::zero()
		));
		assert_noop!(disburse(MANAGER, 1), Error::<Test>::Frozen);
		assert_ok!(Funds::unfreeze(RuntimeOrigin::signed(AUDITOR), FreezeTarget::Account(10)));
		run_to(400);
		assert_noop!(disburse(MANAGER, 1), Error::<Test>::ProgramEnded);
		assert_ok!(Funds::close_program(RuntimeOrigin::signed(MANAGER), 0, H256::zero()));
		assert_noop!(disburse(MANAGER, 1), Error::<Test>::ProgramClosed);
	});
}

#[test]
fn the_enterprise_records_expenses_up_to_what_was_disbursed() {
	ExtBuilder::default().build_and_execute(|| {
		let a = funded(1_000, 600);
		assert_ok!(spend(SME, a, 250, 0, None));
		assert_eq!(
			last_event(),
			Event::ExpenseRecorded { allocation: a, amount: 250, category: 0, invoice: None }
		);
		assert_ok!(spend(SME, a, 350, 1, None));
		let alloc = Allocations::<Test>::get(a).unwrap();
		assert_eq!((alloc.spent, alloc.entries), (600, 4));
		assert_eq!(Programs::<Test>::get(0).unwrap().spent, 600);
		assert_eq!(
			Ledger::<Test>::get(a, 2).unwrap().movement,
			Movement::Spent {
				amount: 250,
				category: 0,
				counterparty: H256::repeat_byte(5),
				document: H256::repeat_byte(6),
				invoice: None
			}
		);
		assert_noop!(spend(SME, a, 1, 0, None), Error::<Test>::ExceedsDisbursed);
	});
}

#[test]
fn an_expense_locks_its_invoice_which_then_justifies_nothing_else() {
	ExtBuilder::default().build_and_execute(|| {
		let a = funded(1_000, 1_000);
		let invoice = TestInvoiceClaims::add(0, 10, 500);
		assert_ok!(spend(SME, a, 400, 0, Some(invoice)));
		assert_eq!(TestInvoiceClaims::claim_of(invoice), Some(Claim::new(FUND_EXPENSE, a.into())));
		assert_eq!(
			last_event(),
			Event::ExpenseRecorded {
				allocation: a,
				amount: 400,
				category: 0,
				invoice: Some(invoice)
			}
		);
		// The same invoice again, in this fund or another: refused by the lock.
		assert_noop!(spend(SME, a, 50, 0, Some(invoice)), DispatchError::Other("AlreadyClaimed"));
		let b = funded(1_000, 1_000);
		assert_noop!(spend(SME, b, 50, 0, Some(invoice)), DispatchError::Other("AlreadyClaimed"));
	});
}

#[test]
fn an_expense_fails_for_reversed_foreign_short_and_unknown_invoices() {
	ExtBuilder::default().build_and_execute(|| {
		let a = funded(1_000, 1_000);
		let reversed = TestInvoiceClaims::add(0, 10, 500);
		TestInvoiceClaims::reverse(reversed);
		assert_noop!(spend(SME, a, 100, 0, Some(reversed)), DispatchError::Other("NotValid"));
		let foreign = TestInvoiceClaims::add(1, 20, 500);
		assert_noop!(spend(SME, a, 100, 0, Some(foreign)), DispatchError::Other("NotBuyer"));
		let short = TestInvoiceClaims::add(2, 10, 99);
		assert_noop!(spend(SME, a, 100, 0, Some(short)), DispatchError::Other("AmountNotCovered"));
		assert_noop!(
			spend(SME, a, 100, 0, Some(InvoiceRef { issuer: 50, seq: 9 })),
			DispatchError::Other("InvoiceNotFound")
		);
		assert_eq!(TestInvoiceClaims::claim_of(short), None);
	});
}

#[test]
fn an_expense_fails_for_others_ineligible_categories_zero_frozen_ended_and_closed() {
	ExtBuilder::default().build_and_execute(|| {
		let a = funded(1_000, 1_000);
		assert_noop!(spend(OTHER_SME, a, 1, 0, None), Error::<Test>::NotRecipient);
		assert_noop!(spend(MANAGER, a, 1, 0, None), BadOrigin);
		assert_noop!(spend(OUTSIDER, a, 1, 0, None), BadOrigin);
		assert_noop!(spend(SME, 9, 1, 0, None), Error::<Test>::AllocationNotFound);
		assert_noop!(spend(SME, a, 1, 2, None), Error::<Test>::IneligibleCategory);
		assert_noop!(spend(SME, a, 1, 200, None), Error::<Test>::IneligibleCategory);
		assert_noop!(spend(SME, a, 0, 0, None), Error::<Test>::ZeroAmount);
		assert_noop!(spend(SME, a, Fen::MAX, 0, None), Error::<Test>::ExceedsDisbursed);
		assert_ok!(Funds::freeze(
			RuntimeOrigin::signed(FINANCE),
			FreezeTarget::Account(10),
			H256::zero()
		));
		assert_noop!(spend(SME, a, 1, 0, None), Error::<Test>::Frozen);
		assert_ok!(Funds::unfreeze(RuntimeOrigin::signed(FINANCE), FreezeTarget::Account(10)));
		run_to(400);
		assert_noop!(spend(SME, a, 1, 0, None), Error::<Test>::ProgramEnded);
		// Paid awards are evaluated before their program closes.
		assert_ok!(Funds::evaluate(RuntimeOrigin::signed(MANAGER), a, 80, H256::zero()));
		assert_ok!(Funds::close_program(RuntimeOrigin::signed(FINANCE), 0, H256::zero()));
		assert_noop!(spend(SME, a, 1, 0, None), Error::<Test>::ProgramClosed);
	});
}

#[test]
fn totals_that_would_overflow_are_refused() {
	ExtBuilder::default().build_and_execute(|| {
		let a = funded(1_000, 1_000);
		assert_ok!(spend(SME, a, 1_000, 0, None));
		// Corrupt the claw-back total to the edge: the sum cannot be represented.
		Allocations::<Test>::mutate(a, |x| x.as_mut().unwrap().clawed_back = Fen::MAX);
		assert_noop!(spend(SME, a, 1, 0, None), Error::<Test>::Overflow);
		Allocations::<Test>::mutate(a, |x| x.as_mut().unwrap().clawed_back = 0);
	});
}

#[test]
fn a_red_invoice_on_an_expenses_invoice_is_told_to_the_fund_manager() {
	use regchain_primitives::{ClaimReversal, InvoiceReversals};
	ExtBuilder::default().build_and_execute(|| {
		let invoice = InvoiceRef { issuer: 50, seq: 0 };
		let red = InvoiceRef { issuer: 50, seq: 1 };
		let reversal = ClaimReversal { red, reduced: 100, remaining: 400 };
		<Funds as InvoiceReversals>::reversed(invoice, Claim::new(FUND_EXPENSE, 3), reversal);
		assert_eq!(
			last_event(),
			Event::ExpenseInvoiceReduced {
				allocation: 3,
				invoice,
				red,
				reduced: 100,
				remaining: 400
			}
		);
	});
}
