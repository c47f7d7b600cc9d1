//! The buyer's answer: confirming or rejecting an invoice.

use crate::{mock::*, *};
use frame_support::{assert_noop, assert_ok};
use sp_core::H256;
use sp_runtime::DispatchError::BadOrigin;

#[test]
fn receipt_counts_nothing_and_the_use_confirmed_later_counts_in_its_month() {
	ExtBuilder::default().build_and_execute(|| {
		let id = issue_to_buyer(1_000);
		assert_ok!(Invoices::confirm(RuntimeOrigin::signed(BUYER), id));
		assert_eq!(last_event(), Event::InvoiceConfirmed { invoice: id });
		let invoice = IssuedInvoices::<Test>::get(10, 0).unwrap();
		assert_eq!((invoice.status, invoice.buyer_period), (InvoiceStatus::Confirmed, None));
		assert_eq!(Totals::<Test>::get(20, 202611), PeriodTotals::default());
		// The use is confirmed in December: December's input.
		set_time(DECEMBER_2026);
		assert_ok!(Invoices::confirm_use(RuntimeOrigin::signed(BUYER), id, InputUse::Deduct));
		assert_eq!(
			last_event(),
			Event::UseConfirmed { invoice: id, input_use: InputUse::Deduct, period: 202612 }
		);
		let invoice = IssuedInvoices::<Test>::get(10, 0).unwrap();
		assert_eq!(
			(invoice.input_use, invoice.buyer_period),
			(Some(InputUse::Deduct), Some(202612))
		);
		assert_eq!(input_of(20, 202612, R13).deducted, one(1_000, 130));
		assert_eq!(output_of(10, 202611, R13).special, one(1_000, 130));
		let history: Vec<_> = InvoiceHistory::<Test>::get(10, 0).iter().map(|e| e.change).collect();
		assert_eq!(
			history,
			vec![Change::Issued, Change::Confirmed, Change::UseConfirmed(InputUse::Deduct)]
		);
		// Once.
		assert_noop!(
			Invoices::confirm_use(RuntimeOrigin::signed(BUYER), id, InputUse::Refund),
			Error::<Test>::UseAlreadyConfirmed
		);
	});
}

#[test]
fn each_use_has_its_column() {
	ExtBuilder::default().build_and_execute(|| {
		for (net, input_use) in
			[(100, InputUse::Deduct), (200, InputUse::NotDeduct), (300, InputUse::Refund)]
		{
			let id = confirmed(net);
			assert_ok!(Invoices::confirm_use(RuntimeOrigin::signed(BUYER), id, input_use));
		}
		let input = input_of(20, 202611, R13);
		assert_eq!(
			(input.deducted, input.not_deducted, input.refund),
			(one(100, 13), one(200, 26), one(300, 39))
		);
	});
}

#[test]
fn only_the_buyer_of_a_special_invoice_received_confirms_its_use() {
	ExtBuilder::default().build_and_execute(|| {
		let deduct = InputUse::Deduct;
		let issued = issue_to_buyer(1_000);
		let buyer = RuntimeOrigin::signed(BUYER);
		assert_noop!(
			Invoices::confirm_use(buyer.clone(), issued, deduct),
			Error::<Test>::NotReceived
		);
		assert_ok!(Invoices::confirm(buyer.clone(), issued));
		for who in [SELLER, OTHER, TAX] {
			assert_noop!(
				Invoices::confirm_use(RuntimeOrigin::signed(who), issued, deduct),
				Error::<Test>::NotBuyer
			);
		}
		assert_noop!(
			Invoices::confirm_use(RuntimeOrigin::signed(OUTSIDER), issued, deduct),
			BadOrigin
		);
		assert_noop!(
			Invoices::confirm_use(buyer.clone(), InvoiceRef { issuer: 10, seq: 7 }, deduct),
			Error::<Test>::InvoiceNotFound
		);
		// An ordinary invoice's tax is nobody's input.
		assert_ok!(Invoices::issue(
			RuntimeOrigin::signed(SELLER),
			InvoiceType::Ordinary,
			Buyer::Member(20),
			vec![line(1, 100, 1)],
			H256::zero()
		));
		let ordinary = InvoiceRef { issuer: 10, seq: 1 };
		assert_ok!(Invoices::confirm(buyer.clone(), ordinary));
		assert_noop!(
			Invoices::confirm_use(buyer.clone(), ordinary, deduct),
			Error::<Test>::NotSpecial
		);
		// Nor is one a red-letter request locks, or a red invoice's.
		assert_ok!(reverse_all(issued));
		assert_noop!(
			Invoices::confirm_use(buyer.clone(), issued, deduct),
			Error::<Test>::RequestPending
		);
		assert_ok!(Invoices::confirm_reversal(buyer.clone(), issued));
		let red = InvoiceRef { issuer: 10, seq: 2 };
		assert_noop!(
			Invoices::confirm_use(buyer.clone(), issued, deduct),
			Error::<Test>::NotReceived
		);
		assert_noop!(Invoices::confirm_use(buyer, red, deduct), Error::<Test>::NotReceived);
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
		assert_eq!(Totals::<Test>::get(20, 202611), PeriodTotals::default());
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
		let id = issue_to_buyer(1_000);
		assert_ok!(reverse_all(id));
		let red = InvoiceRef { issuer: 10, seq: 1 };
		assert_noop!(
			Invoices::confirm(RuntimeOrigin::signed(BUYER), red),
			Error::<Test>::NotAwaitingBuyer
		);
	});
}
