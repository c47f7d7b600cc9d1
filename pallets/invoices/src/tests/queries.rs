//! The runtime API's queries and the invariants that guard the ledger.

use crate::{mock::*, *};
use frame_support::assert_ok;
use sp_core::H256;

#[test]
fn queries_return_invoices_with_history_and_page_through_them() {
	ExtBuilder::default().build_and_execute(|| {
		for _ in 0..5 {
			issue_to_buyer(100);
		}
		let record = Invoices::invoice_record(InvoiceRef { issuer: 10, seq: 2 }).unwrap();
		assert_eq!(record.id, InvoiceRef { issuer: 10, seq: 2 });
		assert_eq!(record.history.len(), 1);
		assert_eq!(Invoices::invoice_record(InvoiceRef { issuer: 10, seq: 5 }), None);
		let seqs = |from, limit| -> Vec<u32> {
			Invoices::invoices_of(10, from, limit).iter().map(|r| r.id.seq).collect()
		};
		assert_eq!(seqs(0, 2), vec![0, 1]);
		assert_eq!(seqs(3, 10), vec![3, 4]);
		assert_eq!(seqs(9, 10), Vec::<u32>::new());
		assert_eq!(seqs(u32::MAX, u32::MAX), Vec::<u32>::new());
		let first = Invoices::received_by(20, None, 3);
		assert_eq!(first.len(), 3);
		let rest = Invoices::received_by(20, first.last().copied(), 10);
		assert_eq!(rest.len(), 2);
		assert!(rest.iter().all(|r| !first.contains(r)));
		assert!(Invoices::received_by(30, None, 10).is_empty());
	});
}

#[test]
fn an_issuers_invoices_are_listed_by_tax_period() {
	ExtBuilder::default().build_and_execute(|| {
		// Two in November 2026, three in December, one in January 2027.
		issue_to_buyer(100);
		issue_to_buyer(100);
		set_time(DECEMBER_2026);
		for _ in 0..3 {
			issue_to_buyer(100);
		}
		set_time(DECEMBER_2026 + 31 * 24 * 3_600 * 1_000);
		issue_to_buyer(100);
		let seqs = |from, to, after, limit| -> Vec<(u32, Period)> {
			Invoices::issued_in(10, from, to, after, limit)
				.iter()
				.map(|r| (r.id.seq, r.invoice.period))
				.collect()
		};
		assert_eq!(seqs(202611, 202611, None, 100), vec![(0, 202611), (1, 202611)]);
		assert_eq!(seqs(202612, 202612, None, 100), vec![(2, 202612), (3, 202612), (4, 202612)]);
		// Across the year, two at a time: the cursor is the last number of the page.
		assert_eq!(seqs(202612, 202701, None, 2), vec![(2, 202612), (3, 202612)]);
		assert_eq!(seqs(202612, 202701, Some(3), 2), vec![(4, 202612), (5, 202701)]);
		assert_eq!(seqs(202612, 202701, Some(5), 2), vec![]);
		// A cursor before the range starts at the range.
		assert_eq!(seqs(202701, 202712, Some(0), 10), vec![(5, 202701)]);
		// Periods with no invoice, a reversed range, another issuer: nothing.
		assert_eq!(seqs(202510, 202610, None, 100), vec![]);
		assert_eq!(seqs(202702, 202712, None, 100), vec![]);
		assert_eq!(seqs(202612, 202611, None, 100), vec![]);
		assert!(Invoices::issued_in(30, 202611, 202712, None, 100).is_empty());
		assert_eq!(seqs(202611, 202712, Some(u32::MAX), 100), vec![]);
		// The page is cut to the query limit.
		assert_eq!(seqs(0, u32::MAX, None, u32::MAX).len(), 6);
	});
}

#[test]
fn the_invariants_catch_an_altered_invoice_a_gap_and_wrong_totals() {
	ExtBuilder::default().build().execute_with(|| {
		issue_to_buyer(100);
		issue_to_buyer(200);
		assert_ok!(Invoices::do_try_state());
		// An altered amount no longer matches its hash.
		IssuedInvoices::<Test>::mutate(10, 0, |i| i.as_mut().unwrap().net = 99);
		assert_eq!(Invoices::do_try_state(), Err("invoice hash mismatch".into()));
		IssuedInvoices::<Test>::mutate(10, 0, |i| i.as_mut().unwrap().net = 100);
		assert_ok!(Invoices::do_try_state());
		// Totals that differ from the invoices.
		Totals::<Test>::mutate(10, 202611, |t| t.output[0].sums.special.tax += 1);
		assert_eq!(
			Invoices::do_try_state(),
			Err("period totals differ from their invoices".into())
		);
		Totals::<Test>::mutate(10, 202611, |t| t.output[0].sums.special.tax -= 1);
		// A deduction counted in the wrong column.
		let used = deducted(300);
		Totals::<Test>::mutate(20, 202611, |t| {
			let sums = &mut t.input[0].sums;
			(sums.deducted, sums.refund) = (sums.refund, sums.deducted);
		});
		assert_eq!(
			Invoices::do_try_state(),
			Err("period totals differ from their invoices".into())
		);
		Totals::<Test>::mutate(20, 202611, |t| {
			let sums = &mut t.input[0].sums;
			(sums.deducted, sums.refund) = (sums.refund, sums.deducted);
		});
		assert_ok!(Invoices::do_try_state());
		// A use on an ordinary invoice; a transfer out of an invoice never deducted.
		IssuedInvoices::<Test>::mutate(10, used.seq, |i| {
			i.as_mut().unwrap().invoice_type = InvoiceType::Ordinary
		});
		let broken = Invoices::do_try_state();
		IssuedInvoices::<Test>::mutate(10, used.seq, |i| {
			i.as_mut().unwrap().invoice_type = InvoiceType::Special
		});
		// (The type is hashed: the hash breaks first.)
		assert_eq!(broken, Err("invoice hash mismatch".into()));
		let abnormal = Some(Abnormal { reason: H256::zero(), transferred: true });
		IssuedInvoices::<Test>::mutate(10, 0, |i| i.as_mut().unwrap().abnormal = abnormal);
		assert_eq!(
			Invoices::do_try_state(),
			Err("input transferred out of an invoice never deducted".into())
		);
		IssuedInvoices::<Test>::mutate(10, 0, |i| i.as_mut().unwrap().abnormal = None);
		// A finding the history does not record.
		IssuedInvoices::<Test>::mutate(10, used.seq, |i| {
			i.as_mut().unwrap().abnormal =
				Some(Abnormal { reason: H256::zero(), transferred: false })
		});
		assert_eq!(
			Invoices::do_try_state(),
			Err("the abnormal finding differs from the history".into())
		);
		IssuedInvoices::<Test>::mutate(10, used.seq, |i| i.as_mut().unwrap().abnormal = None);
		assert_ok!(Invoices::do_try_state());
		// A missing invoice.
		let removed = IssuedInvoices::<Test>::take(10, 0).unwrap();
		assert_eq!(Invoices::do_try_state(), Err("gap in an issuer's chain".into()));
		IssuedInvoices::<Test>::insert(10, 0, removed);
		// Reductions the red invoices in force do not sum to.
		assert_ok!(reverse_all(InvoiceRef { issuer: 10, seq: 1 }));
		assert_ok!(Invoices::do_try_state());
		Reduced::<Test>::mutate(10, 1, |r| r.as_mut().unwrap()[0].tax -= 1);
		assert_eq!(Invoices::do_try_state(), Err("reductions differ from the red invoices".into()));
		// A request against an invoice reversed already.
		Reduced::<Test>::mutate(10, 1, |r| r.as_mut().unwrap()[0].tax += 1);
		assert_ok!(Invoices::do_try_state());
		let request = RedRequest::<u64> {
			raised_by: Party::Buyer,
			clerk: Some(BUYER),
			reason: RedReason::InvoicingError,
			lines: Default::default(),
			document: H256::zero(),
			deadline: 0,
			numbered: None,
		};
		RedRequests::<Test>::insert(10, 1, request);
		assert_eq!(
			Invoices::do_try_state(),
			Err("a request against an invoice not in force".into())
		);
		RedRequests::<Test>::remove(10, 1);
	});
}
