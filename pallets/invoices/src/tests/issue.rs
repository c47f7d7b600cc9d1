//! Issuing blue invoices: numbers, hash chain, tax, limits, and every refusal.

use crate::{mock::*, *};
use frame_support::{assert_noop, assert_ok};
use sp_core::H256;
use sp_runtime::DispatchError::BadOrigin;

fn issue(who: u64, buyer: Buyer, lines: Vec<LineInput>) -> sp_runtime::DispatchResult {
	issue_typed(who, InvoiceType::Special, buyer, lines)
}

fn issue_typed(
	who: u64,
	invoice_type: InvoiceType,
	buyer: Buyer,
	lines: Vec<LineInput>,
) -> sp_runtime::DispatchResult {
	Invoices::issue(RuntimeOrigin::signed(who), invoice_type, buyer, lines, H256::repeat_byte(1))
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
				invoice_type: InvoiceType::Special,
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
		// A row a rate, in the order of the return; the exemption last.
		let rows: Vec<_> = Totals::<Test>::get(10, 202611)
			.output
			.iter()
			.map(|r| (r.rate, r.sums.special, r.sums.ordinary))
			.collect();
		assert_eq!(
			rows,
			vec![
				(R13, one(30_000, 3_900), Sum::default()),
				(TaxRate::BasisPoints(900), one(998, 90), Sum::default()),
				(TaxRate::Exempt, one(50, 0), Sum::default()),
			]
		);
		assert_eq!(Totals::<Test>::get(10, 202611).input.len(), 0);
		assert_eq!(Totals::<Test>::get(20, 202611), PeriodTotals::default());
		// The next invoice links to this one.
		let second = issue_to_buyer(100);
		assert_eq!(second.seq, 1);
		let next = IssuedInvoices::<Test>::get(10, 1).unwrap();
		assert_eq!(next.prev_hash, invoice.content_hash);
		assert_eq!(output_of(10, 202611, R13).special, Sum { count: 2, net: 30_100, tax: 3_913 });
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
		Issuers::<Test>::insert(10, IssuerLimits { per_invoice: None, per_month: Fen::MAX });
		// A line of `amount` fen: `amount` thousandths at 1,000 fen a unit.
		let fen_line = |amount: Fen, rate| LineInput {
			quantity: amount,
			unit_price: 1_000 * PRICE_SCALE,
			..line(1, 1, rate)
		};
		assert_noop!(
			issue(SELLER, Buyer::Member(20), vec![line(0, 100, 1)]),
			Error::<Test>::ZeroAmount
		);
		assert_noop!(
			issue(SELLER, Buyer::Member(20), vec![line(1, 0, 1)]),
			Error::<Test>::ZeroAmount
		);
		assert_noop!(
			issue(
				SELLER,
				Buyer::Member(20),
				vec![LineInput { quantity: u64::MAX, unit_price: u64::MAX, ..line(1, 1, 1) }]
			),
			Error::<Test>::Overflow
		);
		// Each line fits; their sum does not.
		assert_noop!(
			issue(
				SELLER,
				Buyer::Member(20),
				vec![fen_line(Fen::MAX / 2, 6), fen_line(Fen::MAX / 2 + 2, 6)]
			),
			Error::<Test>::Overflow
		);
		// Net fits, net plus tax does not.
		assert_noop!(
			issue(SELLER, Buyer::Member(20), vec![fen_line(Fen::MAX - 10, 1)]),
			Error::<Test>::Overflow
		);
	});
}

#[test]
fn issue_fails_over_the_per_invoice_limit_of_the_net_amount() {
	ExtBuilder::default().build_and_execute(|| {
		// 1,000,000 fen net, 1,130,000 with the tax: the limit counts the net amount.
		assert_ok!(issue(SELLER, Buyer::Member(20), vec![line(1, 1_000_000, 1)]));
		assert_noop!(
			issue(SELLER, Buyer::Member(20), vec![line(1, 1_000_001, 6)]),
			Error::<Test>::ExceedsInvoiceLimit
		);
	});
}

#[test]
fn issue_fails_over_the_monthly_limit_until_the_next_month() {
	ExtBuilder::default().build_and_execute(|| {
		// Net amounts of both types count, whatever the tax: 5 × 1,000,000 fen at 13 %.
		for n in 0..5 {
			let invoice_type =
				if n % 2 == 0 { InvoiceType::Special } else { InvoiceType::Ordinary };
			let buyer = Buyer::Member(20);
			assert_ok!(issue_typed(SELLER, invoice_type, buyer, vec![line(1, 1_000_000, 1)]));
		}
		assert_noop!(
			issue(SELLER, Buyer::Member(20), vec![line(1, 1, 6)]),
			Error::<Test>::ExceedsMonthlyLimit
		);
		set_time(DECEMBER_2026);
		assert_ok!(issue(SELLER, Buyer::Member(20), vec![line(1, 1_000_000, 6)]));
		assert_eq!(output_of(10, 202612, TaxRate::Exempt).special.count, 1);
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
		Issuers::<Test>::insert(30, IssuerLimits { per_invoice: Some(1_000), per_month: 1_000 });
		assert_noop!(
			Invoices::do_issue(
				(30, 30),
				InvoiceType::Special,
				Buyer::Member(20),
				vec![line(1, 100, 1)],
				H256::zero()
			),
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
			IssuerLimits { per_invoice: Some(50_000_000), per_month: 900_000_000 },
		);
		assert_eq!(
			Invoices::limits_in_force(10),
			Some(IssuerLimits { per_invoice: Some(10_000_000), per_month: 250_000_000 })
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

#[test]
fn an_ordinary_invoice_goes_to_a_person_who_gave_a_commitment_or_none() {
	ExtBuilder::default().build_and_execute(|| {
		let commitment = Some(H256::repeat_byte(0x5a));
		for buyer in [Buyer::Person { commitment }, Buyer::Person { commitment: None }] {
			assert_ok!(issue_typed(SELLER, InvoiceType::Ordinary, buyer, vec![line(2, 3_000, 1)]));
		}
		let invoice = IssuedInvoices::<Test>::get(10, 0).unwrap();
		assert_eq!(invoice.invoice_type, InvoiceType::Ordinary);
		assert_eq!(invoice.buyer, Buyer::Person { commitment });
		assert_eq!(invoice.member_buyer(), None);
		// Counted as the seller's ordinary output, nobody's input.
		let out = output_of(10, 202611, R13);
		assert_eq!(
			(out.ordinary, out.special),
			(Sum { count: 2, net: 12_000, tax: 1_560 }, Sum::default())
		);
		assert_eq!(Totals::<Test>::iter().count(), 1);
		// A special invoice to a person is refused, before anything else is looked at.
		assert_noop!(
			issue(SELLER, Buyer::Person { commitment: None }, vec![line(1, 100, 99)]),
			Error::<Test>::SpecialToPerson
		);
		// The hash covers the type: the same invoice as special would not verify.
		let special = Invoice { invoice_type: InvoiceType::Special, ..invoice.clone() };
		assert_ne!(special.compute_hash(10, 0), invoice.content_hash);
		assert_eq!(invoice.preimage, Preimage::V2);
	});
}

#[test]
fn a_period_holds_at_most_sixteen_rates() {
	ExtBuilder::default().build_and_execute(|| {
		// Sixteen rates in the seller's rows already (written directly: the table has six).
		let rows = (1..=MAX_RATE_ROWS as u16)
			.map(|bp| RateRow { rate: TaxRate::BasisPoints(bp), sums: OutputSums::default() });
		let mut totals = PeriodTotals::default();
		totals.output = Rows::truncate_from(rows.collect());
		let mut full = totals.clone();
		full.output.sort_by_key(|r| r.rate.return_order());
		Totals::<Test>::insert(10, 202611, full.clone());
		assert_noop!(
			issue(SELLER, Buyer::Member(20), vec![line(1, 100, 1)]),
			Error::<Test>::TooManyRates
		);
		Totals::<Test>::remove(10, 202611);
	});
}

#[test]
fn lines_carry_their_classification_a_precise_price_a_discount_and_tax_computed_back() {
	ExtBuilder::default().build_and_execute(|| {
		// 1,234.5 kWh at 0.617 yuan, tax included at 13 %, less a 1.69 yuan discount:
		// 761.69 − 1.69 = 760.00 → 672.57 + 87.43.
		let power = LineInput {
			quantity: 1_234_500,
			unit_price: 61_700_000,
			tax_included: true,
			discount: 169,
			..line(1, 1, 1)
		};
		assert_ok!(issue(SELLER_CLERK, Buyer::Member(20), vec![power]));
		let invoice = IssuedInvoices::<Test>::get(10, 0).unwrap();
		let stored = &invoice.lines[0];
		assert_eq!(
			(stored.classification, stored.unit_price, stored.discount),
			(POWER, 61_700_000, 169)
		);
		assert_eq!((stored.net, stored.tax), (67_257, 8_743));
		assert_eq!((invoice.net, invoice.tax), (67_257, 8_743));
		// The clerk who signed is recorded, and hashed.
		assert_eq!(invoice.clerk, Some(SELLER_CLERK));
		let other_clerk = Invoice { clerk: Some(SELLER), ..invoice.clone() };
		assert_ne!(other_clerk.compute_hash(10, 0), invoice.content_hash);
		// A code of 18 digits, a discount of the whole line: refused with their errors.
		let short = LineInput { classification: POWER / 10, ..line(1, 100, 1) };
		assert_noop!(
			issue(SELLER, Buyer::Member(20), vec![short]),
			Error::<Test>::InvalidClassification
		);
		let all = LineInput { discount: 100, ..line(1, 100, 1) };
		assert_noop!(issue(SELLER, Buyer::Member(20), vec![all]), Error::<Test>::DiscountTooLarge);
	});
}

#[test]
fn without_a_per_invoice_cap_only_the_month_limits_and_the_bureau_adjusts_it_within_the_month() {
	ExtBuilder::default().build_and_execute(|| {
		let tax = RuntimeOrigin::signed(TAX);
		let uncapped = IssuerLimits { per_invoice: None, per_month: 3_000_000 };
		assert_ok!(Invoices::set_issuer_limits(tax.clone(), 10, Some(uncapped)));
		assert_ok!(issue(SELLER, Buyer::Member(20), vec![line(1, 2_500_000, 1)]));
		assert_noop!(
			issue(SELLER, Buyer::Member(20), vec![line(1, 500_001, 1)]),
			Error::<Test>::ExceedsMonthlyLimit
		);
		// Raised within the month: what was used still counts.
		let raised = IssuerLimits { per_invoice: None, per_month: 4_000_000 };
		assert_ok!(Invoices::set_issuer_limits(tax, 10, Some(raised)));
		assert_ok!(issue(SELLER, Buyer::Member(20), vec![line(1, 1_500_000, 1)]));
		assert_noop!(
			issue(SELLER, Buyer::Member(20), vec![line(1, 1, 1)]),
			Error::<Test>::ExceedsMonthlyLimit
		);
	});
}
