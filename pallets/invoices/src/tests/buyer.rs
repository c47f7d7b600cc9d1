//! The buyer's answer: confirming or rejecting an invoice.

use crate::{mock::*, *};
use frame_support::{assert_noop, assert_ok};
use sp_core::H256;
use sp_runtime::DispatchError::BadOrigin;

#[test]
fn the_buyer_confirms_and_its_input_counts_in_the_month_of_confirmation() {
	ExtBuilder::default().build_and_execute(|| {
		let id = issue_to_buyer(1_000);
		set_time(DECEMBER_2026);
		assert_ok!(Invoices::confirm(RuntimeOrigin::signed(BUYER), id));
		assert_eq!(last_event(), Event::InvoiceConfirmed { invoice: id });
		let invoice = IssuedInvoices::<Test>::get(10, 0).unwrap();
		assert_eq!(invoice.status, InvoiceStatus::Confirmed);
		assert_eq!(invoice.buyer_period, Some(202612));
		assert_eq!(Totals::<Test>::get(20, 202612).input, Sum { count: 1, net: 1_000, tax: 130 });
		assert_eq!(Totals::<Test>::get(10, 202611).output, Sum { count: 1, net: 1_000, tax: 130 });
		let history: Vec<_> = InvoiceHistory::<Test>::get(10, 0).iter().map(|e| e.change).collect();
		assert_eq!(history, vec![Change::Issued, Change::Confirmed]);
	});
}

#[test]
fn the_buyer_rejects_with_a_reason_and_nothing_is_counted() {
	ExtBuilder::default().build_and_execute(|| {
		let id = issue_to_buyer(1_000);
		let reason = H256::repeat_byte(9);
		assert_ok!(Invoices::reject(RuntimeOrigin::signed(BUYER), id, reason));
		assert_eq!(last_event(), Event::InvoiceRejected { invoice: id, reason });
		assert_eq!(
			IssuedInvoices::<Test>::get(10, 0).unwrap().status,
			InvoiceStatus::Rejected { reason }
		);
		assert_eq!(Totals::<Test>::get(20, 202611).input, Sum::default());
	});
}

#[test]
fn confirm_and_reject_fail_for_anyone_but_the_buyer() {
	ExtBuilder::default().build_and_execute(|| {
		let id = issue_to_buyer(1_000);
		for who in [SELLER, OTHER, TAX] {
			assert_noop!(
				Invoices::confirm(RuntimeOrigin::signed(who), id),
				Error::<Test>::NotBuyer
			);
			assert_noop!(
				Invoices::reject(RuntimeOrigin::signed(who), id, H256::zero()),
				Error::<Test>::NotBuyer
			);
		}
		assert_noop!(Invoices::confirm(RuntimeOrigin::signed(OUTSIDER), id), BadOrigin);
		TestMembership::set_active(20, false);
		assert_noop!(Invoices::confirm(RuntimeOrigin::signed(BUYER), id), BadOrigin);
	});
}

#[test]
fn confirm_and_reject_fail_for_unknown_and_answered_invoices() {
	ExtBuilder::default().build_and_execute(|| {
		let missing = InvoiceRef { issuer: 10, seq: 5 };
		assert_noop!(
			Invoices::confirm(RuntimeOrigin::signed(BUYER), missing),
			Error::<Test>::InvoiceNotFound
		);
		let id = confirmed(1_000);
		assert_noop!(
			Invoices::confirm(RuntimeOrigin::signed(BUYER), id),
			Error::<Test>::NotAwaitingBuyer
		);
		assert_noop!(
			Invoices::reject(RuntimeOrigin::signed(BUYER), id, H256::zero()),
			Error::<Test>::NotAwaitingBuyer
		);
		let rejected = issue_to_buyer(1_000);
		assert_ok!(Invoices::reject(RuntimeOrigin::signed(BUYER), rejected, H256::zero()));
		assert_noop!(
			Invoices::confirm(RuntimeOrigin::signed(BUYER), rejected),
			Error::<Test>::NotAwaitingBuyer
		);
	});
}

#[test]
fn a_red_invoice_is_not_confirmed_with_confirm() {
	ExtBuilder::default().build_and_execute(|| {
		let id = confirmed(1_000);
		assert_ok!(Invoices::reverse(RuntimeOrigin::signed(SELLER), id, H256::zero()));
		let red = InvoiceRef { issuer: 10, seq: 1 };
		assert_noop!(
			Invoices::confirm(RuntimeOrigin::signed(BUYER), red),
			Error::<Test>::NotAwaitingBuyer
		);
	});
}
