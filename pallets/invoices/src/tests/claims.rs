//! The claim lock: reimbursement (报销) and fund expenses, each invoice once.

use crate::{mock::*, *};
use frame_support::{assert_noop, assert_ok};
use sp_core::H256;
use sp_runtime::DispatchError::BadOrigin;

const EXPENSE: Claim = Claim::new(*b"fund", 4);

#[test]
fn the_buyer_reimburses_a_confirmed_invoice_once() {
	ExtBuilder::default().build_and_execute(|| {
		let id = confirmed(1_000);
		assert_ok!(Invoices::reimburse(RuntimeOrigin::signed(BUYER), id));
		assert_eq!(
			last_event(),
			Event::InvoiceClaimed {
				invoice: id,
				claim: Claim::new(REIMBURSEMENT, 20),
				amount: 1_130
			}
		);
		assert_eq!(
			IssuedInvoices::<Test>::get(10, 0).unwrap().claim,
			Some(Claim::new(REIMBURSEMENT, 20))
		);
		assert_noop!(
			Invoices::reimburse(RuntimeOrigin::signed(BUYER), id),
			Error::<Test>::AlreadyClaimed
		);
	});
}

#[test]
fn an_invoice_used_for_a_fund_expense_cannot_be_reimbursed_and_the_reverse() {
	ExtBuilder::default().build_and_execute(|| {
		let id = confirmed(1_000);
		assert_ok!(<Invoices as InvoiceClaims>::claim(id, 20, 1_000, EXPENSE));
		assert_eq!(
			last_event(),
			Event::InvoiceClaimed { invoice: id, claim: EXPENSE, amount: 1_000 }
		);
		assert_noop!(
			Invoices::reimburse(RuntimeOrigin::signed(BUYER), id),
			Error::<Test>::AlreadyClaimed
		);
		assert_noop!(
			<Invoices as InvoiceClaims>::claim(id, 20, 1, Claim::new(*b"fund", 9)),
			Error::<Test>::AlreadyClaimed
		);
		let other = confirmed(1_000);
		assert_ok!(Invoices::reimburse(RuntimeOrigin::signed(BUYER), other));
		assert_noop!(
			<Invoices as InvoiceClaims>::claim(other, 20, 1, EXPENSE),
			Error::<Test>::AlreadyClaimed
		);
	});
}

#[test]
fn a_claim_fails_when_the_invoice_does_not_cover_the_amount() {
	ExtBuilder::default().build_and_execute(|| {
		let id = confirmed(1_000);
		assert_noop!(
			<Invoices as InvoiceClaims>::claim(id, 20, 1_131, EXPENSE),
			Error::<Test>::AmountNotCovered
		);
		assert_ok!(<Invoices as InvoiceClaims>::claim(id, 20, 1_130, EXPENSE));
	});
}

#[test]
fn a_claim_fails_for_anyone_but_the_buyer() {
	ExtBuilder::default().build_and_execute(|| {
		let id = confirmed(1_000);
		assert_noop!(
			Invoices::reimburse(RuntimeOrigin::signed(SELLER), id),
			Error::<Test>::NotBuyer
		);
		assert_noop!(
			Invoices::reimburse(RuntimeOrigin::signed(OTHER), id),
			Error::<Test>::NotBuyer
		);
		assert_noop!(
			<Invoices as InvoiceClaims>::claim(id, 30, 1, EXPENSE),
			Error::<Test>::NotBuyer
		);
		assert_noop!(Invoices::reimburse(RuntimeOrigin::signed(OUTSIDER), id), BadOrigin);
		assert_noop!(
			Invoices::reimburse(RuntimeOrigin::signed(BUYER), InvoiceRef { issuer: 10, seq: 3 }),
			Error::<Test>::InvoiceNotFound
		);
	});
}

#[test]
fn a_claim_fails_for_unconfirmed_rejected_reversed_voided_and_red_invoices() {
	ExtBuilder::default().build_and_execute(|| {
		let issued = issue_to_buyer(1_000);
		assert_noop!(
			Invoices::reimburse(RuntimeOrigin::signed(BUYER), issued),
			Error::<Test>::NotConfirmed
		);
		assert_ok!(Invoices::reject(RuntimeOrigin::signed(BUYER), issued, H256::zero()));
		assert_noop!(
			Invoices::reimburse(RuntimeOrigin::signed(BUYER), issued),
			Error::<Test>::NotConfirmed
		);
		assert_ok!(reverse_all(issued));
		assert_noop!(
			Invoices::reimburse(RuntimeOrigin::signed(BUYER), issued),
			Error::<Test>::NotValid
		);
		let red = InvoiceRef { issuer: 10, seq: 1 };
		assert_noop!(
			Invoices::reimburse(RuntimeOrigin::signed(BUYER), red),
			Error::<Test>::NotValid
		);
		let pending = confirmed(1_000);
		assert_ok!(reverse_all(pending));
		assert_noop!(
			Invoices::reimburse(RuntimeOrigin::signed(BUYER), pending),
			Error::<Test>::RequestPending
		);
		assert_noop!(
			<Invoices as InvoiceClaims>::claim_receivable(pending, 10, FINANCING),
			Error::<Test>::RequestPending
		);
		let voided = confirmed(1_000);
		assert_ok!(Invoices::void(RuntimeOrigin::signed(TAX), voided, H256::zero()));
		assert_noop!(
			Invoices::reimburse(RuntimeOrigin::signed(BUYER), voided),
			Error::<Test>::NotValid
		);
	});
}

#[test]
fn a_claim_fails_while_the_invoice_is_under_audit() {
	ExtBuilder::default().build_and_execute(|| {
		let id = confirmed(1_000);
		assert_ok!(Invoices::freeze(RuntimeOrigin::signed(TAX), id, H256::zero()));
		assert_noop!(Invoices::reimburse(RuntimeOrigin::signed(BUYER), id), Error::<Test>::Frozen);
		assert_ok!(Invoices::unfreeze(RuntimeOrigin::signed(TAX), id));
		assert_ok!(Invoices::reimburse(RuntimeOrigin::signed(BUYER), id));
	});
}

const FINANCING: Claim = Claim::new(*b"cred", 7);

#[test]
fn the_seller_pledges_a_confirmed_invoice_for_one_financing_and_the_buyer_still_claims_it() {
	ExtBuilder::default().build_and_execute(|| {
		let id = confirmed(1_000);
		assert_ok!(<Invoices as InvoiceClaims>::claim_receivable(id, 10, FINANCING));
		assert_eq!(last_event(), Event::ReceivablePledged { invoice: id, claim: FINANCING });
		assert_eq!(ReceivableClaims::<Test>::get(id), Some(FINANCING));
		assert_noop!(
			<Invoices as InvoiceClaims>::claim_receivable(id, 10, Claim::new(*b"cred", 8)),
			Error::<Test>::AlreadyClaimed
		);
		// The buyer's side is its own lock.
		assert_ok!(Invoices::reimburse(RuntimeOrigin::signed(BUYER), id));
	});
}

#[test]
fn a_receivable_is_pledged_only_by_its_issuer_once_confirmed_and_not_under_audit() {
	ExtBuilder::default().build_and_execute(|| {
		let id = confirmed(1_000);
		assert_noop!(
			<Invoices as InvoiceClaims>::claim_receivable(id, 20, FINANCING),
			Error::<Test>::NotIssuer
		);
		let unknown = InvoiceRef { issuer: 10, seq: 99 };
		assert_noop!(
			<Invoices as InvoiceClaims>::claim_receivable(unknown, 10, FINANCING),
			Error::<Test>::InvoiceNotFound
		);
		let pending = issue_to_buyer(1_000);
		assert_noop!(
			<Invoices as InvoiceClaims>::claim_receivable(pending, 10, FINANCING),
			Error::<Test>::NotConfirmed
		);
		assert_ok!(Invoices::freeze(RuntimeOrigin::signed(TAX), id, H256::zero()));
		assert_noop!(
			<Invoices as InvoiceClaims>::claim_receivable(id, 10, FINANCING),
			Error::<Test>::Frozen
		);
		assert_ok!(Invoices::void(RuntimeOrigin::signed(TAX), id, H256::zero()));
		assert_noop!(
			<Invoices as InvoiceClaims>::claim_receivable(id, 10, FINANCING),
			Error::<Test>::NotValid
		);
	});
}

#[test]
fn optional_changes_stop_when_the_history_is_full_but_voiding_still_fits() {
	ExtBuilder::default().build_and_execute(|| {
		let id = confirmed(1_000);
		// Issued, Confirmed, six flag / clear pairs and the reimbursement: one place left.
		for _ in 0..6 {
			assert_ok!(Invoices::freeze(RuntimeOrigin::signed(TAX), id, H256::zero()));
			assert_ok!(Invoices::unfreeze(RuntimeOrigin::signed(TAX), id));
		}
		assert_ok!(Invoices::reimburse(RuntimeOrigin::signed(BUYER), id));
		assert_eq!(InvoiceHistory::<Test>::get(10, 0).len(), MAX_HISTORY as usize - 1);
		assert_noop!(
			Invoices::freeze(RuntimeOrigin::signed(TAX), id, H256::zero()),
			Error::<Test>::HistoryFull
		);
		assert_ok!(Invoices::void(RuntimeOrigin::signed(TAX), id, H256::zero()));
		assert_eq!(InvoiceHistory::<Test>::get(10, 0).len(), MAX_HISTORY as usize);
	});
}

#[test]
fn a_released_receivable_can_be_reversed_and_pledged_again_and_only_its_financing_releases_it() {
	ExtBuilder::default().build_and_execute(|| {
		let id = confirmed(1_000);
		assert_ok!(<Invoices as InvoiceClaims>::claim_receivable(id, 10, FINANCING));
		// Another financing's release, or one of an invoice never pledged, changes nothing.
		let other = Claim::new(*b"cred", 8);
		assert!(!<Invoices as InvoiceClaims>::release_receivable(id, other));
		assert_eq!(ReceivableClaims::<Test>::get(id), Some(FINANCING));
		let never = confirmed(500);
		assert!(!<Invoices as InvoiceClaims>::release_receivable(never, FINANCING));

		assert!(<Invoices as InvoiceClaims>::release_receivable(id, FINANCING));
		assert_eq!(last_event(), Event::ReceivableReleased { invoice: id, claim: FINANCING });
		assert_eq!(ReceivableClaims::<Test>::get(id), None);
		// Released once: a second release finds nothing.
		assert!(!<Invoices as InvoiceClaims>::release_receivable(id, FINANCING));
		// The invoice is the seller's again: another financing, or a red letter.
		assert_ok!(<Invoices as InvoiceClaims>::claim_receivable(id, 10, other));
		assert!(<Invoices as InvoiceClaims>::release_receivable(id, other));
		assert_ok!(reverse_all(id));
	});
}
