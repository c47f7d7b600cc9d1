//! Issuing blue invoices: numbers, hash chain, tax, limits, and every refusal.

use crate::{mock::*, *};
use frame_support::{assert_noop, assert_ok};
use sp_core::H256;
use sp_runtime::DispatchError::BadOrigin;

fn issue(who: u64, buyer: Buyer, lines: Vec<LineInput>) -> sp_runtime::DispatchResult {
	Invoices::issue(RuntimeOrigin::signed(who), buyer, lines, H256::repeat_byte(1))
}

#[test]
fn issue_numbers_computes_tax_chains_and_counts_an_invoice() {
	ExtBuilder::default().build_and_execute(|| {
		// 3 × 100.00 yuan at 13 %, 2.5 units × 3.99 yuan at 9 %, 1 exempt item of 50 fen.
		let lines = vec![
			line(3, 10_000, 1),
			LineInput { quantity: 2_500, ..line(0, 399, 2) },
			line(1, 50, 6),
		];
		assert_ok!(issue(SELLER_CLERK, Buyer::Member(20), lines));
		let invoice = Invoices::invoice_record(InvoiceRef { issuer: 10, seq: 0 }).unwrap().invoice;
		assert_eq!(
			invoice.lines.iter().map(|l| (l.net, l.tax)).collect::<Vec<_>>(),
			vec![(30_000, 3_900), (998, 90), (50, 0)]
		);
		assert_eq!((invoice.net, invoice.tax), (31_048, 3_990));
		assert_eq!(invoice.lines[2].rate, TaxRate::Exempt);
		assert_eq!(invoice.status, InvoiceStatus::Issued);
		assert_eq!(invoice.period, 202611);
		assert_eq!(invoice.prev_hash, H256::zero());
		assert_eq!(invoice.content_hash, invoice.compute_hash(10, 0));
		assert_eq!(
			last_event(),
			Event::InvoiceIssued {
				invoice: InvoiceRef { issuer: 10, seq: 0 },
				buyer: Buyer::Member(20),
				net: 31_048,
				tax: 3_990,
				content_hash: invoice.content_hash,
			}
		);
		assert_eq!(
			ChainHeads::<Test>::get(10),
			ChainHead { next_seq: 1, last_hash: invoice.content_hash }
		);
		assert!(InvoicesByBuyer::<Test>::contains_key(20, InvoiceRef { issuer: 10, seq: 0 }));
		let totals = Totals::<Test>::get(10, 202611);
		assert_eq!(totals.output, Sum { count: 1, net: 31_048, tax: 3_990 });
		// The next invoice links to this one.
		let second = issue_to_buyer(100);
		assert_eq!(second.seq, 1);
		let next = IssuedInvoices::<Test>::get(10, 1).unwrap();
		assert_eq!(next.prev_hash, invoice.content_hash);
		assert_eq!(Totals::<Test>::get(10, 202611).output.count, 2);
	});
}

#[test]
fn a_buyer_named_by_a_members_credit_code_is_recorded_as_that_member() {
	ExtBuilder::default().build_and_execute(|| {
		assert_ok!(issue(SELLER, Buyer::External(CreditCode::sample(20)), vec![line(1, 100, 1)]));
		assert_eq!(IssuedInvoices::<Test>::get(10, 0).unwrap().buyer, Buyer::Member(20));
		// An outside taxpayer stays external, and is indexed nowhere.
		assert_ok!(issue(SELLER, Buyer::External(CreditCode::sample(55)), vec![line(1, 100, 1)]));
		assert_eq!(
			IssuedInvoices::<Test>::get(10, 1).unwrap().buyer,
			Buyer::External(CreditCode::sample(55))
		);
		assert_eq!(InvoicesByBuyer::<Test>::iter().count(), 1);
	});
}

#[test]
fn invoices_keep_the_rate_they_were_issued_with() {
	ExtBuilder::default().build_and_execute(|| {
		assert_ok!(Invoices::set_rate(
			RuntimeOrigin::signed(TAX),
			1,
			Some(TaxRate::BasisPoints(1_000)),
			hour(2)
		));
		assert_ok!(issue(SELLER, Buyer::Member(20), vec![line(1, 100, 1)]));
		set_time(hour(2));
		assert_ok!(issue(SELLER, Buyer::Member(20), vec![line(1, 100, 1)]));
		assert_eq!(IssuedInvoices::<Test>::get(10, 0).unwrap().tax, 13);
		assert_eq!(IssuedInvoices::<Test>::get(10, 1).unwrap().tax, 10);
	});
}

#[test]
fn issue_fails_without_the_role_or_membership() {
	ExtBuilder::default().build_and_execute(|| {
		for who in [OTHER, TAX, OUTSIDER] {
			assert_noop!(issue(who, Buyer::Member(20), vec![line(1, 100, 1)]), BadOrigin);
		}
		TestMembership::set_active(10, false);
		assert_noop!(issue(SELLER, Buyer::Member(20), vec![line(1, 100, 1)]), BadOrigin);
		TestMembership::set_active(10, true);
		TestMembership::revoke_role(10, regchain_primitives::Role::InvoiceIssuer);
		assert_noop!(issue(SELLER, Buyer::Member(20), vec![line(1, 100, 1)]), BadOrigin);
	});
}

#[test]
fn issue_fails_for_an_issuer_without_limits() {
	ExtBuilder::default().build_and_execute(|| {
		assert_noop!(
			issue(BUYER, Buyer::Member(10), vec![line(1, 100, 1)]),
			Error::<Test>::NoLimits
		);
	});
}

#[test]
fn issue_fails_with_no_lines_or_too_many() {
	ExtBuilder::default().build_and_execute(|| {
		assert_noop!(issue(SELLER, Buyer::Member(20), vec![]), Error::<Test>::NoLines);
		let lines = vec![line(1, 1, 1); MAX_LINES as usize + 1];
		assert_noop!(issue(SELLER, Buyer::Member(20), lines), Error::<Test>::TooManyLines);
		assert_ok!(issue(SELLER, Buyer::Member(20), vec![line(1, 1, 1); MAX_LINES as usize]));
	});
}

#[test]
fn issue_fails_for_an_unknown_or_withdrawn_rate() {
	ExtBuilder::default().build_and_execute(|| {
		assert_noop!(
			issue(SELLER, Buyer::Member(20), vec![line(1, 100, 1), line(1, 100, 42)]),
			Error::<Test>::RateNotFound
		);
		assert_ok!(Invoices::set_rate(RuntimeOrigin::signed(TAX), 4, None, hour(2)));
		set_time(hour(2));
		assert_noop!(
			issue(SELLER, Buyer::Member(20), vec![line(1, 100, 4)]),
			Error::<Test>::RateNotFound
		);
	});
}

#[test]
fn issue_fails_for_zero_and_overflowing_amounts() {
	ExtBuilder::default().build_and_execute(|| {
		Issuers::<Test>::insert(10, IssuerLimits { per_invoice: Fen::MAX, per_month: Fen::MAX });
		assert_noop!(
			issue(SELLER, Buyer::Member(20), vec![line(0, 100, 1)]),
			Error::<Test>::ZeroAmount
		);
		assert_noop!(
			issue(SELLER, Buyer::Member(20), vec![line(1, 0, 1)]),
			Error::<Test>::ZeroAmount
		);
		assert_noop!(
			issue(SELLER, Buyer::Member(20), vec![line(2, Fen::MAX, 1)]),
			Error::<Test>::Overflow
		);
		// Each line fits; their sum does not.
		assert_noop!(
			issue(
				SELLER,
				Buyer::Member(20),
				vec![line(1, Fen::MAX / 2, 6), line(1, Fen::MAX / 2 + 2, 6)]
			),
			Error::<Test>::Overflow
		);
		// Net fits, net plus tax does not.
		assert_noop!(
			issue(SELLER, Buyer::Member(20), vec![line(1, Fen::MAX - 10, 1)]),
			Error::<Test>::Overflow
		);
	});
}

#[test]
fn issue_fails_over_the_per_invoice_limit() {
	ExtBuilder::default().build_and_execute(|| {
		// 884,956 fen + 13 % = 1,000,000.28 → 1,000,000: exactly the limit.
		assert_ok!(issue(SELLER, Buyer::Member(20), vec![line(1, 884_956, 1)]));
		assert_noop!(
			issue(SELLER, Buyer::Member(20), vec![line(1, 884_957, 1)]),
			Error::<Test>::ExceedsInvoiceLimit
		);
	});
}

#[test]
fn issue_fails_over_the_monthly_limit_until_the_next_month() {
	ExtBuilder::default().build_and_execute(|| {
		for _ in 0..5 {
			assert_ok!(issue(SELLER, Buyer::Member(20), vec![line(1, 1_000_000, 6)]));
		}
		assert_noop!(
			issue(SELLER, Buyer::Member(20), vec![line(1, 1, 6)]),
			Error::<Test>::ExceedsMonthlyLimit
		);
		set_time(DECEMBER_2026);
		assert_ok!(issue(SELLER, Buyer::Member(20), vec![line(1, 1_000_000, 6)]));
		assert_eq!(Totals::<Test>::get(10, 202612).output.count, 1);
	});
}

#[test]
fn issue_fails_when_buyer_is_seller_or_no_active_member() {
	ExtBuilder::default().build_and_execute(|| {
		assert_noop!(
			issue(SELLER, Buyer::Member(10), vec![line(1, 100, 1)]),
			Error::<Test>::BuyerIsSeller
		);
		assert_noop!(
			issue(SELLER, Buyer::External(CreditCode::sample(10)), vec![line(1, 100, 1)]),
			Error::<Test>::BuyerIsSeller
		);
		assert_noop!(
			issue(SELLER, Buyer::Member(77), vec![line(1, 100, 1)]),
			Error::<Test>::BuyerNotFound
		);
		TestMembership::set_active(20, false);
		assert_noop!(
			issue(SELLER, Buyer::Member(20), vec![line(1, 100, 1)]),
			Error::<Test>::BuyerNotFound
		);
	});
}

#[test]
fn issue_fails_when_the_sequence_is_exhausted() {
	ExtBuilder::default().build_and_execute(|| {
		ChainHeads::<Test>::insert(30, ChainHead { next_seq: u32::MAX, last_hash: H256::zero() });
		Issuers::<Test>::insert(30, IssuerLimits { per_invoice: 1_000, per_month: 1_000 });
		assert_noop!(
			Invoices::do_issue(30, Buyer::Member(20), vec![line(1, 100, 1)], H256::zero()),
			Error::<Test>::SequenceExhausted
		);
		// Leave a chain the invariants can walk.
		ChainHeads::<Test>::remove(30);
	});
}

#[test]
fn a_listed_issuer_issues_within_the_floor_while_its_listing_lasts() {
	use regchain_primitives::testing::{TestClock, TestStanding};
	ExtBuilder::default().build_and_execute(|| {
		// The seller's own limits: 10,000 yuan an invoice, 50,000 a month; the floor, 100,000
		// and 2,500,000, is above them: listed, it keeps its own.
		let now = TestClock::get();
		let listing = regchain_primitives::Listing {
			attestation: 1,
			kind: regchain_primitives::DisciplineKind::AdministrativePenalty,
			serious: false,
			by: 2,
			case: Some(3),
			until: now + 10,
		};
		TestStanding::add(10, listing);
		assert_eq!(Invoices::limits_in_force(10), Issuers::<Test>::get(10));
		// Limits above the floor are held at it while listed.
		Issuers::<Test>::insert(
			10,
			IssuerLimits { per_invoice: 50_000_000, per_month: 900_000_000 },
		);
		assert_eq!(
			Invoices::limits_in_force(10),
			Some(IssuerLimits { per_invoice: 10_000_000, per_month: 250_000_000 })
		);
		// 200,000 yuan: over the floor.
		assert_noop!(
			issue(SELLER_CLERK, Buyer::Member(20), vec![line(1, 20_000_000, 6)]),
			Error::<Test>::ExceedsInvoiceLimit
		);
		TestClock::set(now + 10);
		assert_ok!(issue(SELLER_CLERK, Buyer::Member(20), vec![line(1, 20_000_000, 6)]));
	});
}
