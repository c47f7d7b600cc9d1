//! Red letters (红冲): at once, or by a request of either party (红字确认单) that the other
//! confirms, refuses or lets lapse, the tax bureau settling; in full or in part.

use crate::{mock::*, *};
use frame_support::{assert_noop, assert_ok};
use regchain_primitives::{testing::TestInvoiceReversals, ClaimReversal};
use sp_core::H256;
use sp_runtime::DispatchError::BadOrigin;

const RED: InvoiceRef = InvoiceRef { issuer: 10, seq: 1 };

fn reverse(id: InvoiceRef) -> sp_runtime::DispatchResult {
	let reason = RedReason::InvoicingError;
	Invoices::reverse(RuntimeOrigin::signed(SELLER), id, reason, vec![], H256::repeat_byte(2))
}

fn red_line(line: u8, quantity: u64, net: Fen) -> RedLineInput {
	RedLineInput { line, quantity, net }
}

/// The buyer asks to reduce `id` for `reason` by `lines`.
fn request(
	id: InvoiceRef,
	reason: RedReason,
	lines: Vec<RedLineInput>,
) -> sp_runtime::DispatchResult {
	Invoices::request_reversal(RuntimeOrigin::signed(BUYER), id, reason, lines, H256::zero())
}

/// A special invoice of two lines at 13 %, 10 units at 1 yuan and 2 at 5 yuan (net 1,000 fen
/// and tax 130 each), received and deducted by the buyer.
fn two_lines() -> InvoiceRef {
	let seq = ChainHeads::<Test>::get(10).next_seq;
	assert_ok!(Invoices::issue(
		RuntimeOrigin::signed(SELLER),
		InvoiceType::Special,
		Buyer::Member(20),
		vec![line(10, 100, 1), line(2, 500, 1)],
		H256::repeat_byte(1),
	));
	let id = InvoiceRef { issuer: 10, seq };
	assert_ok!(Invoices::confirm(RuntimeOrigin::signed(BUYER), id));
	assert_ok!(Invoices::confirm_use(RuntimeOrigin::signed(BUYER), id, InputUse::Deduct));
	id
}

fn status(id: InvoiceRef) -> InvoiceStatus {
	IssuedInvoices::<Test>::get(id.issuer, id.seq).unwrap().status
}

fn changes(id: InvoiceRef) -> Vec<Change> {
	InvoiceHistory::<Test>::get(id.issuer, id.seq).iter().map(|e| e.change).collect()
}

#[test]
fn an_unreceived_invoice_is_reversed_at_once() {
	ExtBuilder::default().build_and_execute(|| {
		let id = issue_to_buyer(1_000);
		set_time(DECEMBER_2026);
		assert_ok!(reverse(id));
		assert_eq!(last_event(), Event::InvoiceReversed { invoice: id, red: 1 });
		let red = IssuedInvoices::<Test>::get(10, 1).unwrap();
		assert_eq!(red.kind, InvoiceKind::Red { original: 0 });
		assert_eq!((red.net, red.tax, red.lines.len()), (1_000, 130, 1));
		assert_eq!(red.clerk, Some(SELLER));
		assert_eq!(red.status, InvoiceStatus::Effective { period: 202612 });
		assert_eq!(red.prev_hash, IssuedInvoices::<Test>::get(10, 0).unwrap().content_hash);
		assert_eq!(status(id), InvoiceStatus::Reversed { red: 1 });
		assert_eq!(
			Reduced::<Test>::get(10, 0).unwrap().to_vec(),
			vec![Reduction { quantity: 1_000, net: 1_000, tax: 130 }]
		);
		// November's output stands; December's red column offsets it.
		assert_eq!(output_of(10, 202611, R13).special, one(1_000, 130));
		assert_eq!(output_of(10, 202612, R13).special_red, one(1_000, 130));
		assert_eq!(Totals::<Test>::get(20, 202612), PeriodTotals::default());
		assert!(InvoicesByBuyer::<Test>::contains_key(20, RED));
		assert!(RedRequests::<Test>::iter().next().is_none());
	});
}

#[test]
fn rejected_ordinary_outside_and_consumer_invoices_are_reversed_at_once() {
	ExtBuilder::default().build_and_execute(|| {
		let id = issue_to_buyer(1_000);
		assert_ok!(Invoices::reject(RuntimeOrigin::signed(BUYER), id, H256::zero()));
		assert_ok!(reverse(id));
		assert_eq!(status(id), InvoiceStatus::Reversed { red: 1 });
		for (invoice_type, buyer) in [
			(InvoiceType::Ordinary, Buyer::External(CreditCode::sample(55))),
			(InvoiceType::Ordinary, Buyer::Person { commitment: None }),
		] {
			let seq = ChainHeads::<Test>::get(10).next_seq;
			assert_ok!(Invoices::issue(
				RuntimeOrigin::signed(SELLER),
				invoice_type,
				buyer,
				vec![line(1, 100, 1)],
				H256::zero()
			));
			assert_ok!(reverse(InvoiceRef { issuer: 10, seq }));
			assert_eq!(
				status(InvoiceRef { issuer: 10, seq }),
				InvoiceStatus::Reversed { red: seq + 1 }
			);
		}
		// The red invoices of ordinary ones are ordinary, in their own column.
		assert_eq!(output_of(10, 202611, R13).ordinary_red, Sum { count: 2, net: 200, tax: 26 });
	});
}

#[test]
fn an_outside_buyers_special_invoice_awaits_the_tax_bureau_for_it() {
	ExtBuilder::default().build_and_execute(|| {
		assert_ok!(Invoices::issue(
			RuntimeOrigin::signed(SELLER),
			InvoiceType::Special,
			Buyer::External(CreditCode::sample(55)),
			vec![line(1, 100, 1)],
			H256::zero()
		));
		let id = InvoiceRef { issuer: 10, seq: 0 };
		assert_ok!(reverse(id));
		assert_eq!(status(id), InvoiceStatus::Issued);
		// No member answers for the outside buyer; the bureau does (it confirmed in its own
		// e-tax bureau), and the seller's clerk who asked issues the red invoice.
		for who in [BUYER, SELLER, OTHER] {
			assert_noop!(
				Invoices::confirm_reversal(RuntimeOrigin::signed(who), id),
				Error::<Test>::NotOtherParty
			);
		}
		assert_noop!(Invoices::settle_reversal(RuntimeOrigin::signed(SELLER), id, None), BadOrigin);
		assert_ok!(Invoices::settle_reversal(RuntimeOrigin::signed(TAX), id, None));
		assert_eq!(status(id), InvoiceStatus::Reversed { red: 1 });
		assert_eq!(IssuedInvoices::<Test>::get(10, 1).unwrap().clerk, Some(SELLER));
	});
}

#[test]
fn a_received_invoice_is_reversed_only_when_the_buyer_confirms() {
	ExtBuilder::default().build_and_execute(|| {
		let id = deducted(1_000);
		// Requested in the last hour of November, confirmed in December (within 72 hours).
		set_time(DECEMBER_2026 - 3_600_000);
		assert_ok!(reverse(id));
		let deadline = DECEMBER_2026 - 3_600_000 + ANSWER_WINDOW;
		assert_eq!(
			last_event(),
			Event::RedRequested {
				invoice: id,
				by: Party::Seller,
				reason: RedReason::InvoicingError,
				net: 1_000,
				tax: 130,
				deadline
			}
		);
		// Nothing is numbered or counted while the request runs.
		assert_eq!(ChainHeads::<Test>::get(10).next_seq, 1);
		assert_eq!(status(id), InvoiceStatus::Confirmed);
		assert_eq!(RedRequests::<Test>::get(10, 0).unwrap().deadline, deadline);
		set_time(DECEMBER_2026);
		assert_ok!(Invoices::confirm_reversal(RuntimeOrigin::signed(BUYER), id));
		assert_eq!(last_event(), Event::InvoiceReversed { invoice: id, red: 1 });
		assert_eq!(status(id), InvoiceStatus::Reversed { red: 1 });
		// The seller's clerk who asked issued it.
		assert_eq!(IssuedInvoices::<Test>::get(10, 1).unwrap().clerk, Some(SELLER));
		assert_eq!(output_of(10, 202612, R13).special_red.tax, 130);
		// The buyer's deduction of November stands; December's red input offsets it.
		assert_eq!(input_of(20, 202611, R13).deducted.tax, 130);
		assert_eq!(input_of(20, 202612, R13).red, one(1_000, 130));
		assert_eq!(
			changes(id),
			vec![
				Change::Issued,
				Change::Confirmed,
				Change::UseConfirmed(InputUse::Deduct),
				Change::RedRequested { by: Party::Seller },
				Change::Reversed { red: 1 }
			]
		);
		assert!(RedRequests::<Test>::get(10, 0).is_none());
	});
}

#[test]
fn a_partial_red_letter_raised_by_the_buyer_is_confirmed_by_the_seller() {
	ExtBuilder::default().build_and_execute(|| {
		let id = two_lines();
		// Five of the ten units of line 0 come back.
		assert_ok!(request(id, RedReason::SalesReturn, vec![red_line(0, 5_000, 500)]));
		assert_eq!(
			last_event(),
			Event::RedRequested {
				invoice: id,
				by: Party::Buyer,
				reason: RedReason::SalesReturn,
				net: 500,
				tax: 65,
				deadline: NOVEMBER_2026 + ANSWER_WINDOW
			}
		);
		// The buyer cannot confirm its own request; the seller's other clerk does.
		assert_noop!(
			Invoices::confirm_reversal(RuntimeOrigin::signed(BUYER), id),
			Error::<Test>::NotOtherParty
		);
		assert_ok!(Invoices::confirm_reversal(RuntimeOrigin::signed(SELLER_CLERK), id));
		let red = InvoiceRef { issuer: 10, seq: 1 };
		let stored = IssuedInvoices::<Test>::get(10, 1).unwrap();
		assert_eq!((stored.net, stored.tax, stored.clerk), (500, 65, Some(SELLER_CLERK)));
		assert_eq!(stored.lines[0].quantity, 5_000);
		assert_eq!(stored.lines[0].classification, POWER);
		assert_eq!(
			System::events().iter().rev().nth(0).map(|e| e.event.clone()),
			Some(RuntimeEvent::Invoices(Event::RedInvoiceIssued {
				red,
				original: 0,
				net: 500,
				tax: 65,
				remaining: 1_695,
				content_hash: stored.content_hash
			}))
		);
		// The invoice stands for what remains.
		assert_eq!(status(id), InvoiceStatus::Confirmed);
		assert_eq!(
			Reduced::<Test>::get(10, 0).unwrap().to_vec(),
			vec![Reduction { quantity: 5_000, net: 500, tax: 65 }, Reduction::default()]
		);
		assert_eq!(output_of(10, 202611, R13).special_red, one(500, 65));
		assert_eq!(input_of(20, 202611, R13).red, one(500, 65));
		// No more than what remains of a line: the five units left, at most 500 fen.
		assert_noop!(
			request(id, RedReason::SalesReturn, vec![red_line(0, 6_000, 500)]),
			Error::<Test>::ExceedsRemaining
		);
		assert_noop!(
			request(id, RedReason::SalesReturn, vec![red_line(0, 5_000, 501)]),
			Error::<Test>::ExceedsRemaining
		);
		// An allowance of a third on line 1: its tax rounded half up (43.29 → 43).
		assert_ok!(request(id, RedReason::SalesAllowance, vec![red_line(1, 0, 333)]));
		assert_ok!(Invoices::confirm_reversal(RuntimeOrigin::signed(SELLER), id));
		assert_eq!(IssuedInvoices::<Test>::get(10, 2).unwrap().tax, 43);
		// The rest, at once-requested in full: the last red takes exactly what remains.
		assert_ok!(reverse(id));
		assert_ok!(Invoices::confirm_reversal(RuntimeOrigin::signed(BUYER), id));
		let last = IssuedInvoices::<Test>::get(10, 3).unwrap();
		assert_eq!((last.net, last.tax), (500 + 667, 65 + 87));
		assert_eq!(status(id), InvoiceStatus::Reversed { red: 3 });
		assert_eq!(output_of(10, 202611, R13).special_red, Sum { count: 3, net: 2_000, tax: 260 });
		assert_eq!(input_of(20, 202611, R13).red, Sum { count: 3, net: 2_000, tax: 260 });
		assert_noop!(reverse(id), Error::<Test>::NotReversible);
	});
}

#[test]
fn red_lines_must_fit_the_invoice_and_the_reason() {
	ExtBuilder::default().build_and_execute(|| {
		let id = two_lines();
		for (reason, lines) in [
			// An invoicing error reverses everything.
			(RedReason::InvoicingError, vec![red_line(0, 0, 100)]),
			// A return names the quantity returned, an allowance none.
			(RedReason::SalesReturn, vec![red_line(0, 0, 100)]),
			(RedReason::SalesAllowance, vec![red_line(0, 1_000, 100)]),
			// A line the invoice does not have, a line twice, nothing reduced.
			(RedReason::ServiceStopped, vec![red_line(2, 0, 100)]),
			(RedReason::ServiceStopped, vec![red_line(0, 0, 100), red_line(0, 0, 100)]),
			(RedReason::ServiceStopped, vec![red_line(1, 1_000, 0)]),
		] {
			assert_noop!(request(id, reason, lines), Error::<Test>::InvalidRedLine);
		}
		let too_many = (0..=MAX_LINES as u8).map(|i| red_line(i, 0, 1)).collect();
		assert_noop!(
			request(id, RedReason::ServiceStopped, too_many),
			Error::<Test>::InvalidRedLine
		);
		assert_noop!(
			request(id, RedReason::ServiceStopped, vec![red_line(1, 0, 1_001)]),
			Error::<Test>::ExceedsRemaining
		);
	});
}

#[test]
fn only_the_other_party_answers_and_a_refused_request_leaves_the_invoice() {
	ExtBuilder::default().build_and_execute(|| {
		let id = confirmed(1_000);
		assert_ok!(reverse(id));
		for who in [SELLER, SELLER_CLERK, OTHER] {
			assert_noop!(
				Invoices::confirm_reversal(RuntimeOrigin::signed(who), id),
				Error::<Test>::NotOtherParty
			);
			assert_noop!(
				Invoices::refuse_reversal(RuntimeOrigin::signed(who), id, H256::zero()),
				Error::<Test>::NotOtherParty
			);
		}
		assert_noop!(Invoices::confirm_reversal(RuntimeOrigin::signed(OUTSIDER), id), BadOrigin);
		let reason = H256::repeat_byte(3);
		assert_ok!(Invoices::refuse_reversal(RuntimeOrigin::signed(BUYER), id, reason));
		assert_eq!(last_event(), Event::ReversalRefused { invoice: id, by: 20, reason });
		assert_eq!(status(id), InvoiceStatus::Confirmed);
		assert_eq!(ChainHeads::<Test>::get(10).next_seq, 1);
		assert_noop!(
			Invoices::confirm_reversal(RuntimeOrigin::signed(BUYER), id),
			Error::<Test>::NoRequest
		);
		// The buyer asks in its turn; the seller refuses.
		assert_ok!(request(id, RedReason::InvoicingError, vec![]));
		assert_ok!(Invoices::refuse_reversal(RuntimeOrigin::signed(SELLER), id, reason));
		assert_eq!(last_event(), Event::ReversalRefused { invoice: id, by: 10, reason });
		assert_eq!(changes(id).last(), Some(&Change::RequestRefused));
		assert_eq!(Totals::<Test>::get(10, 202611).output[0].sums.special_red, Sum::default());
	});
}

#[test]
fn who_may_raise_a_request() {
	ExtBuilder::default().build_and_execute(|| {
		let id = issue_to_buyer(1_000);
		Issuers::<Test>::insert(20, IssuerLimits { per_invoice: Some(1), per_month: 1 });
		// The seller only reverses its own; the buyer requests only what it received.
		assert_noop!(
			Invoices::reverse(
				RuntimeOrigin::signed(BUYER),
				id,
				RedReason::InvoicingError,
				vec![],
				H256::zero()
			),
			Error::<Test>::NotIssuer
		);
		assert_noop!(
			Invoices::reverse(
				RuntimeOrigin::signed(OTHER),
				id,
				RedReason::InvoicingError,
				vec![],
				H256::zero()
			),
			BadOrigin
		);
		assert_noop!(request(id, RedReason::InvoicingError, vec![]), Error::<Test>::NotRequestable);
		assert_noop!(
			Invoices::request_reversal(
				RuntimeOrigin::signed(OTHER),
				id,
				RedReason::InvoicingError,
				vec![],
				H256::zero()
			),
			Error::<Test>::NotBuyer
		);
		assert_noop!(reverse(InvoiceRef { issuer: 10, seq: 9 }), Error::<Test>::InvoiceNotFound);
	});
}

#[test]
fn nothing_is_reversed_twice_and_one_request_at_a_time() {
	ExtBuilder::default().build_and_execute(|| {
		let id = issue_to_buyer(1_000);
		assert_ok!(reverse(id));
		assert_noop!(reverse(id), Error::<Test>::NotReversible);
		assert_noop!(reverse(RED), Error::<Test>::NotReversible);
		let voided = issue_to_buyer(1_000);
		assert_ok!(Invoices::void(RuntimeOrigin::signed(TAX), voided, H256::zero()));
		assert_noop!(reverse(voided), Error::<Test>::NotReversible);
		let pending = confirmed(1_000);
		assert_ok!(reverse(pending));
		assert_noop!(reverse(pending), Error::<Test>::RequestPending);
		assert_noop!(
			request(pending, RedReason::InvoicingError, vec![]),
			Error::<Test>::RequestPending
		);
		// An invoice a red invoice reduced in part is no longer voided: its red counts.
		let partial = issue_to_buyer(1_000);
		assert_ok!(Invoices::reverse(
			RuntimeOrigin::signed(SELLER),
			partial,
			RedReason::SalesAllowance,
			vec![red_line(0, 0, 100)],
			H256::zero()
		));
		assert_eq!(status(partial), InvoiceStatus::Issued);
		assert_noop!(
			Invoices::void(RuntimeOrigin::signed(TAX), partial, H256::zero()),
			Error::<Test>::NotVoidable
		);
	});
}

#[test]
fn a_claimed_and_financed_invoice_is_reduced_and_its_holders_are_told() {
	ExtBuilder::default().build_and_execute(|| {
		let id = deducted(1_000);
		let financing = Claim::new(*b"cred", 7);
		assert_ok!(Invoices::reimburse(RuntimeOrigin::signed(BUYER), id));
		assert_ok!(<Invoices as InvoiceClaims>::claim_receivable(id, 10, financing));
		TestInvoiceReversals::take();
		// Half the amount is allowed back after the reimbursement.
		assert_ok!(request(id, RedReason::SalesAllowance, vec![red_line(0, 0, 500)]));
		assert_ok!(Invoices::confirm_reversal(RuntimeOrigin::signed(SELLER), id));
		let reimbursement = Claim::new(REIMBURSEMENT, 20);
		let reversal = ClaimReversal { red: RED, reduced: 565, remaining: 565 };
		assert_eq!(
			TestInvoiceReversals::take(),
			vec![(id, reimbursement, reversal), (id, financing, reversal)]
		);
		let told: Vec<_> = System::events()
			.into_iter()
			.filter_map(|e| match e.event {
				RuntimeEvent::Invoices(Event::ClaimReduced {
					claim, reduced, remaining, ..
				}) => Some((claim, reduced, remaining)),
				_ => None,
			})
			.collect();
		assert_eq!(told, vec![(reimbursement, 565, 565), (financing, 565, 565)]);
		// The claim stays recorded, the buyer's deduction is offset by the red input.
		let stored = IssuedInvoices::<Test>::get(10, 0).unwrap();
		assert_eq!(stored.claim, Some(reimbursement));
		assert_eq!(input_of(20, 202611, R13).red, one(500, 65));
		// The rest too: the holders hear that nothing remains.
		assert_ok!(reverse(id));
		assert_ok!(Invoices::confirm_reversal(RuntimeOrigin::signed(BUYER), id));
		let red = InvoiceRef { issuer: 10, seq: 2 };
		let rest = ClaimReversal { red, reduced: 565, remaining: 0 };
		assert_eq!(
			TestInvoiceReversals::take(),
			vec![(id, reimbursement, rest), (id, financing, rest)]
		);
		assert_eq!(status(id), InvoiceStatus::Reversed { red: 2 });
	});
}

#[test]
fn a_reduced_invoice_is_claimed_for_what_remains_only() {
	ExtBuilder::default().build_and_execute(|| {
		let id = confirmed(1_000);
		assert_ok!(request(id, RedReason::SalesAllowance, vec![red_line(0, 0, 400)]));
		// A request locks it until answered.
		assert_noop!(
			<Invoices as InvoiceClaims>::claim(id, 20, 1, Claim::new(*b"fund", 1)),
			Error::<Test>::RequestPending
		);
		assert_ok!(Invoices::confirm_reversal(RuntimeOrigin::signed(SELLER), id));
		// 1,130 less 452: 678 remain.
		assert_noop!(
			<Invoices as InvoiceClaims>::claim(id, 20, 679, Claim::new(*b"fund", 1)),
			Error::<Test>::AmountNotCovered
		);
		assert_ok!(<Invoices as InvoiceClaims>::claim(id, 20, 678, Claim::new(*b"fund", 1)));
	});
}

#[test]
fn a_use_confirmed_after_a_partial_red_counts_what_remains() {
	ExtBuilder::default().build_and_execute(|| {
		let id = issue_to_buyer(1_000);
		// Not received yet: the seller's allowance takes effect at once.
		assert_ok!(Invoices::reverse(
			RuntimeOrigin::signed(SELLER),
			id,
			RedReason::SalesAllowance,
			vec![red_line(0, 0, 300)],
			H256::zero()
		));
		assert_eq!(Totals::<Test>::get(20, 202611), PeriodTotals::default());
		assert_ok!(Invoices::confirm(RuntimeOrigin::signed(BUYER), id));
		assert_ok!(Invoices::confirm_use(RuntimeOrigin::signed(BUYER), id, InputUse::Deduct));
		assert_eq!(input_of(20, 202611, R13).deducted, one(700, 91));
		// Found abnormal, what remains is transferred out; cleared, it comes back.
		assert_ok!(Invoices::mark_abnormal(RuntimeOrigin::signed(TAX), id, H256::zero()));
		assert_eq!(input_of(20, 202611, R13).transferred_out, one(700, 91));
		assert_ok!(Invoices::clear_abnormal(RuntimeOrigin::signed(TAX), id));
		assert_eq!(input_of(20, 202611, R13).restored, one(700, 91));
		// A further red offsets the deduction in the buyer's red input.
		assert_ok!(request(id, RedReason::SalesAllowance, vec![red_line(0, 0, 200)]));
		assert_ok!(Invoices::confirm_reversal(RuntimeOrigin::signed(SELLER), id));
		assert_eq!(input_of(20, 202611, R13).red, one(200, 26));
		assert_ok!(Invoices::do_try_state());
	});
}

#[test]
fn a_request_on_an_invoice_frozen_or_found_abnormal_meanwhile_is_not_confirmed() {
	ExtBuilder::default().build_and_execute(|| {
		let id = confirmed(1_000);
		assert_ok!(reverse(id));
		// The tax bureau opens an audit while the buyer has not answered yet.
		assert_ok!(Invoices::freeze(RuntimeOrigin::signed(TAX), id, H256::repeat_byte(9)));
		assert_noop!(
			Invoices::confirm_reversal(RuntimeOrigin::signed(BUYER), id),
			Error::<Test>::Frozen
		);
		assert_ok!(Invoices::unfreeze(RuntimeOrigin::signed(TAX), id));
		assert_ok!(Invoices::mark_abnormal(RuntimeOrigin::signed(TAX), id, H256::zero()));
		assert_noop!(
			Invoices::confirm_reversal(RuntimeOrigin::signed(BUYER), id),
			Error::<Test>::Abnormal
		);
		assert_ok!(Invoices::clear_abnormal(RuntimeOrigin::signed(TAX), id));
		assert_ok!(Invoices::confirm_reversal(RuntimeOrigin::signed(BUYER), id));
		assert_eq!(status(id), InvoiceStatus::Reversed { red: 1 });
		// A frozen or abnormal invoice is not reduced at all.
		let flagged = issue_to_buyer(1_000);
		assert_ok!(Invoices::freeze(RuntimeOrigin::signed(TAX), flagged, H256::zero()));
		assert_noop!(reverse(flagged), Error::<Test>::Frozen);
		let abnormal = issue_to_buyer(1_000);
		assert_ok!(Invoices::mark_abnormal(RuntimeOrigin::signed(TAX), abnormal, H256::zero()));
		assert_noop!(reverse(abnormal), Error::<Test>::Abnormal);
	});
}

#[test]
fn the_tax_bureau_settles_a_stuck_request_either_way() {
	ExtBuilder::default().build_and_execute(|| {
		let id = confirmed(1_000);
		assert_ok!(request(id, RedReason::SalesReturn, vec![red_line(0, 1_000, 1_000)]));
		let reason = H256::repeat_byte(4);
		assert_ok!(Invoices::settle_reversal(RuntimeOrigin::signed(TAX), id, Some(reason)));
		assert_eq!(last_event(), Event::ReversalRefused { invoice: id, by: 1, reason });
		assert_eq!(status(id), InvoiceStatus::Confirmed);
		// Asked again, the seller silent: the bureau confirms, its own account issuing (代开).
		assert_ok!(request(id, RedReason::SalesReturn, vec![red_line(0, 1_000, 1_000)]));
		assert_ok!(Invoices::settle_reversal(RuntimeOrigin::signed(TAX), id, None));
		assert_eq!(status(id), InvoiceStatus::Reversed { red: 1 });
		assert_eq!(IssuedInvoices::<Test>::get(10, 1).unwrap().clerk, Some(TAX));
		assert_noop!(
			Invoices::settle_reversal(RuntimeOrigin::signed(TAX), id, None),
			Error::<Test>::NoRequest
		);
	});
}

#[test]
fn a_full_history_never_takes_an_answer_away() {
	ExtBuilder::default().build_and_execute(|| {
		let id = confirmed(1_000);
		let reason = H256::repeat_byte(3);
		// Request and refuse until the seller runs out of room; every refusal gets through,
		// even with flags set and cleared while the buyer had not answered yet.
		let mut rounds = 0u32;
		loop {
			match reverse(id) {
				Ok(()) => {},
				Err(e) => {
					assert_eq!(e, Error::<Test>::HistoryFull.into());
					break;
				},
			}
			let _ = Invoices::freeze(RuntimeOrigin::signed(TAX), id, H256::repeat_byte(9));
			let _ = Invoices::unfreeze(RuntimeOrigin::signed(TAX), id);
			assert_ok!(Invoices::refuse_reversal(RuntimeOrigin::signed(BUYER), id, reason));
			rounds += 1;
		}
		assert!(rounds >= 2, "several rounds fit");
		assert_eq!(status(id), InvoiceStatus::Confirmed);
		// The buyer's last answer is the history's last word.
		assert_eq!(changes(id).last(), Some(&Change::RequestRefused));
	});
}

#[test]
fn the_last_request_that_fits_can_still_be_confirmed() {
	ExtBuilder::default().build_and_execute(|| {
		let id = confirmed(1_000);
		let reason = H256::repeat_byte(3);
		while reverse(id).is_ok() {
			// After a refusal, another request (itself, an answer, a final change) would not fit.
			if InvoiceHistory::<Test>::get(10, 0).len() + 1 + 3 > MAX_HISTORY as usize {
				assert_ok!(Invoices::confirm_reversal(RuntimeOrigin::signed(BUYER), id));
				assert_eq!(status(id), InvoiceStatus::Reversed { red: 1 });
				return;
			}
			assert_ok!(Invoices::refuse_reversal(RuntimeOrigin::signed(BUYER), id, reason));
		}
		panic!("the last request that fit was not found");
	});
}

#[test]
fn an_unanswered_request_lapses_after_72_hours_and_the_invoice_stands() {
	ExtBuilder::default().build_and_execute(|| {
		let id = confirmed(1_000);
		assert_ok!(reverse(id));
		// Before the deadline, nobody can call it lapsed; the buyer can still answer.
		set_time(NOVEMBER_2026 + ANSWER_WINDOW - 1);
		assert_noop!(
			Invoices::lapse_reversal(RuntimeOrigin::signed(SELLER), id),
			Error::<Test>::ReversalNotDue
		);
		// At the deadline, answers come too late; any member records the lapse.
		set_time(NOVEMBER_2026 + ANSWER_WINDOW);
		assert_noop!(
			Invoices::confirm_reversal(RuntimeOrigin::signed(BUYER), id),
			Error::<Test>::ReversalLapsed
		);
		assert_noop!(
			Invoices::refuse_reversal(RuntimeOrigin::signed(BUYER), id, H256::zero()),
			Error::<Test>::ReversalLapsed
		);
		assert_noop!(
			Invoices::settle_reversal(RuntimeOrigin::signed(TAX), id, None),
			Error::<Test>::ReversalLapsed
		);
		assert_noop!(Invoices::lapse_reversal(RuntimeOrigin::signed(99), id), BadOrigin);
		assert_ok!(Invoices::lapse_reversal(RuntimeOrigin::signed(TAX), id));
		assert_eq!(last_event(), Event::ReversalLapsed { invoice: id });
		assert_eq!(status(id), InvoiceStatus::Confirmed);
		assert_eq!(changes(id).last(), Some(&Change::RequestLapsed));
		assert_noop!(
			Invoices::lapse_reversal(RuntimeOrigin::signed(SELLER), id),
			Error::<Test>::NoRequest
		);
		// Nothing was numbered or counted; either party may ask again.
		assert_eq!(ChainHeads::<Test>::get(10).next_seq, 1);
		assert_eq!(output_of(10, 202611, R13).special_red, Sum::default());
		assert_ok!(request(id, RedReason::InvoicingError, vec![]));
	});
}

#[test]
fn a_suspended_party_still_answers_within_the_window() {
	use regchain_primitives::testing::TestMembership;
	ExtBuilder::default().build_and_execute(|| {
		let id = confirmed(1_000);
		assert_ok!(reverse(id));
		TestMembership::set_active(20, false);
		// Its other calls are a member's: refused.
		assert_noop!(Invoices::confirm(RuntimeOrigin::signed(BUYER), id), BadOrigin);
		assert_ok!(Invoices::confirm_reversal(RuntimeOrigin::signed(BUYER), id));
		assert_eq!(last_event(), Event::InvoiceReversed { invoice: id, red: RED.seq });
	});
}

#[test]
fn a_reversal_of_an_invoice_received_but_not_deducted_leaves_the_buyers_input() {
	ExtBuilder::default().build_and_execute(|| {
		let id = confirmed(1_000);
		assert_ok!(reverse(id));
		assert_ok!(Invoices::confirm_reversal(RuntimeOrigin::signed(BUYER), id));
		assert_eq!(IssuedInvoices::<Test>::get(10, 1).unwrap().buyer_period, None);
		assert_eq!(Totals::<Test>::get(20, 202611), PeriodTotals::default());
		assert_eq!(output_of(10, 202611, R13).special_red, one(1_000, 130));
		// A use confirmed not to deduct is not reduced either.
		let not_deducted = confirmed(500);
		assert_ok!(Invoices::confirm_use(
			RuntimeOrigin::signed(BUYER),
			not_deducted,
			InputUse::NotDeduct
		));
		assert_ok!(reverse(not_deducted));
		assert_ok!(Invoices::confirm_reversal(RuntimeOrigin::signed(BUYER), not_deducted));
		let input = input_of(20, 202611, R13);
		assert_eq!((input.not_deducted, input.red), (one(500, 65), Sum::default()));
	});
}
