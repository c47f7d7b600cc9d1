//! Red-letter reversal (红冲) and the buyer's confirmation of it (红字确认单).

use crate::{mock::*, *};
use frame_support::{assert_noop, assert_ok};
use sp_core::H256;
use sp_runtime::DispatchError::BadOrigin;

const RED: InvoiceRef = InvoiceRef { issuer: 10, seq: 1 };

fn reverse(id: InvoiceRef) -> sp_runtime::DispatchResult {
	Invoices::reverse(RuntimeOrigin::signed(SELLER), id, H256::repeat_byte(2))
}

#[test]
fn an_unconfirmed_invoice_is_reversed_at_once() {
	ExtBuilder::default().build_and_execute(|| {
		let id = issue_to_buyer(1_000);
		set_time(DECEMBER_2026);
		assert_ok!(reverse(id));
		assert_eq!(last_event(), Event::InvoiceReversed { invoice: id, red: 1 });
		let red = IssuedInvoices::<Test>::get(10, 1).unwrap();
		assert_eq!(red.kind, InvoiceKind::Red { original: 0 });
		assert_eq!((red.net, red.tax), (1_000, 130));
		assert_eq!(red.status, InvoiceStatus::Effective { period: 202612 });
		assert_eq!(red.prev_hash, IssuedInvoices::<Test>::get(10, 0).unwrap().content_hash);
		assert_eq!(
			IssuedInvoices::<Test>::get(10, 0).unwrap().status,
			InvoiceStatus::Reversed { red: 1 }
		);
		// November's output stands; December's red column offsets it.
		assert_eq!(output_of(10, 202611, R13).special, one(1_000, 130));
		assert_eq!(output_of(10, 202612, R13).special_red, one(1_000, 130));
		assert_eq!(red.invoice_type, InvoiceType::Special);
		assert_eq!(Totals::<Test>::get(20, 202612), PeriodTotals::default());
		assert!(InvoicesByBuyer::<Test>::contains_key(20, RED));
	});
}

#[test]
fn rejected_and_external_invoices_are_reversed_at_once() {
	ExtBuilder::default().build_and_execute(|| {
		let id = issue_to_buyer(1_000);
		assert_ok!(Invoices::reject(RuntimeOrigin::signed(BUYER), id, H256::zero()));
		assert_ok!(reverse(id));
		assert_eq!(
			IssuedInvoices::<Test>::get(10, 0).unwrap().status,
			InvoiceStatus::Reversed { red: 1 }
		);
		assert_ok!(Invoices::issue(
			RuntimeOrigin::signed(SELLER),
			InvoiceType::Special,
			Buyer::External(CreditCode::sample(55)),
			vec![line(1, 100, 1)],
			H256::zero()
		));
		assert_ok!(reverse(InvoiceRef { issuer: 10, seq: 2 }));
		assert_eq!(
			IssuedInvoices::<Test>::get(10, 2).unwrap().status,
			InvoiceStatus::Reversed { red: 3 }
		);
		// A consumer's ordinary invoice too; the red one is ordinary, in its own column.
		assert_ok!(Invoices::issue(
			RuntimeOrigin::signed(SELLER),
			InvoiceType::Ordinary,
			Buyer::Person { commitment: None },
			vec![line(1, 100, 1)],
			H256::zero()
		));
		assert_ok!(reverse(InvoiceRef { issuer: 10, seq: 4 }));
		assert_eq!(
			IssuedInvoices::<Test>::get(10, 5).unwrap().status,
			InvoiceStatus::Effective { period: 202611 }
		);
		assert_eq!(output_of(10, 202611, R13).ordinary_red, one(100, 13));
	});
}

#[test]
fn a_confirmed_invoice_is_reversed_only_when_the_buyer_confirms() {
	ExtBuilder::default().build_and_execute(|| {
		let id = deducted(1_000);
		// Requested in the last hour of November, confirmed in December (within 72 hours).
		set_time(DECEMBER_2026 - 3_600_000);
		assert_ok!(reverse(id));
		assert_eq!(
			last_event(),
			Event::RedInvoiceIssued {
				red: RED,
				original: 0,
				awaiting_buyer: true,
				content_hash: IssuedInvoices::<Test>::get(10, 1).unwrap().content_hash
			}
		);
		assert_eq!(
			IssuedInvoices::<Test>::get(10, 0).unwrap().status,
			InvoiceStatus::ReversalPending { red: 1 }
		);
		assert_eq!(
			IssuedInvoices::<Test>::get(10, 1).unwrap().status,
			InvoiceStatus::AwaitingBuyer
		);
		assert_eq!(output_of(10, 202611, R13).special_red, Sum::default());
		set_time(DECEMBER_2026);
		assert_ok!(Invoices::confirm_reversal(RuntimeOrigin::signed(BUYER), RED));
		assert_eq!(last_event(), Event::InvoiceReversed { invoice: id, red: 1 });
		assert_eq!(
			IssuedInvoices::<Test>::get(10, 0).unwrap().status,
			InvoiceStatus::Reversed { red: 1 }
		);
		assert_eq!(output_of(10, 202612, R13).special_red.tax, 130);
		// The buyer's deduction of November stands; December's red input offsets it.
		assert_eq!(input_of(20, 202611, R13).deducted.tax, 130);
		assert_eq!(input_of(20, 202612, R13).red, one(1_000, 130));
		let history: Vec<_> = InvoiceHistory::<Test>::get(10, 0).iter().map(|e| e.change).collect();
		assert_eq!(
			history,
			vec![
				Change::Issued,
				Change::Confirmed,
				Change::UseConfirmed(InputUse::Deduct),
				Change::ReversalRequested { red: 1 },
				Change::Reversed { red: 1 }
			]
		);
	});
}

#[test]
fn the_buyer_refuses_a_reversal_and_the_original_stands() {
	ExtBuilder::default().build_and_execute(|| {
		let id = confirmed(1_000);
		assert_ok!(reverse(id));
		let reason = H256::repeat_byte(3);
		assert_ok!(Invoices::refuse_reversal(RuntimeOrigin::signed(BUYER), RED, reason));
		assert_eq!(last_event(), Event::ReversalRefused { red: RED, reason });
		assert_eq!(IssuedInvoices::<Test>::get(10, 0).unwrap().status, InvoiceStatus::Confirmed);
		assert_eq!(
			IssuedInvoices::<Test>::get(10, 1).unwrap().status,
			InvoiceStatus::Refused { reason }
		);
		// The refused red invoice keeps its number; the seller may try again.
		assert_ok!(reverse(id));
		assert_eq!(
			IssuedInvoices::<Test>::get(10, 0).unwrap().status,
			InvoiceStatus::ReversalPending { red: 2 }
		);
	});
}

#[test]
fn reverse_fails_for_another_issuers_invoice_and_without_the_role() {
	ExtBuilder::default().build_and_execute(|| {
		let id = issue_to_buyer(1_000);
		Issuers::<Test>::insert(20, IssuerLimits { per_invoice: Some(1), per_month: 1 });
		assert_noop!(
			Invoices::reverse(RuntimeOrigin::signed(BUYER), id, H256::zero()),
			Error::<Test>::NotIssuer
		);
		assert_noop!(Invoices::reverse(RuntimeOrigin::signed(OTHER), id, H256::zero()), BadOrigin);
		assert_noop!(reverse(InvoiceRef { issuer: 10, seq: 9 }), Error::<Test>::InvoiceNotFound);
	});
}

#[test]
fn nothing_is_reversed_twice_and_red_voided_or_pending_invoices_are_not_reversed() {
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
		assert_noop!(reverse(pending), Error::<Test>::NotReversible);
	});
}

#[test]
fn reverse_fails_after_reimbursement_and_under_audit() {
	ExtBuilder::default().build_and_execute(|| {
		let id = confirmed(1_000);
		assert_ok!(Invoices::reimburse(RuntimeOrigin::signed(BUYER), id));
		assert_noop!(reverse(id), Error::<Test>::AlreadyClaimed);
		let flagged = issue_to_buyer(1_000);
		assert_ok!(Invoices::freeze(RuntimeOrigin::signed(TAX), flagged, H256::zero()));
		assert_noop!(reverse(flagged), Error::<Test>::Frozen);
	});
}

#[test]
fn settling_a_reversal_fails_for_others_and_for_red_invoices_not_awaiting() {
	ExtBuilder::default().build_and_execute(|| {
		let id = confirmed(1_000);
		assert_ok!(reverse(id));
		for who in [SELLER, OTHER] {
			assert_noop!(
				Invoices::confirm_reversal(RuntimeOrigin::signed(who), RED),
				Error::<Test>::NotBuyer
			);
			assert_noop!(
				Invoices::refuse_reversal(RuntimeOrigin::signed(who), RED, H256::zero()),
				Error::<Test>::NotBuyer
			);
		}
		assert_noop!(Invoices::confirm_reversal(RuntimeOrigin::signed(OUTSIDER), RED), BadOrigin);
		// A blue invoice is no reversal.
		assert_noop!(
			Invoices::confirm_reversal(RuntimeOrigin::signed(BUYER), id),
			Error::<Test>::NotAwaitingReversal
		);
		assert_ok!(Invoices::confirm_reversal(RuntimeOrigin::signed(BUYER), RED));
		assert_noop!(
			Invoices::confirm_reversal(RuntimeOrigin::signed(BUYER), RED),
			Error::<Test>::NotAwaitingReversal
		);
		assert_noop!(
			Invoices::refuse_reversal(RuntimeOrigin::signed(BUYER), RED, H256::zero()),
			Error::<Test>::NotAwaitingReversal
		);
		assert_noop!(
			Invoices::confirm_reversal(
				RuntimeOrigin::signed(BUYER),
				InvoiceRef { issuer: 10, seq: 7 }
			),
			Error::<Test>::InvoiceNotFound
		);
	});
}

#[test]
fn a_pending_reversal_of_an_invoice_flagged_meanwhile_cannot_be_confirmed() {
	ExtBuilder::default().build_and_execute(|| {
		let id = confirmed(1_000);
		assert_ok!(reverse(id));
		// The tax bureau opens an audit while the buyer has not answered yet.
		assert_ok!(Invoices::freeze(RuntimeOrigin::signed(TAX), id, H256::repeat_byte(9)));
		assert_noop!(
			Invoices::confirm_reversal(RuntimeOrigin::signed(BUYER), RED),
			Error::<Test>::Frozen
		);
		assert_eq!(
			IssuedInvoices::<Test>::get(10, 0).unwrap().status,
			InvoiceStatus::ReversalPending { red: 1 }
		);
		// Refusing stays possible; once the audit is over, a new reversal can be confirmed.
		assert_ok!(Invoices::unfreeze(RuntimeOrigin::signed(TAX), id));
		assert_ok!(Invoices::confirm_reversal(RuntimeOrigin::signed(BUYER), RED));
		assert_eq!(
			IssuedInvoices::<Test>::get(10, 0).unwrap().status,
			InvoiceStatus::Reversed { red: 1 }
		);
	});
}

#[test]
fn a_full_history_never_takes_the_buyers_answer_away() {
	ExtBuilder::default().build_and_execute(|| {
		let id = confirmed(1_000);
		let reason = H256::repeat_byte(3);
		// Request and refuse until the seller runs out of room; every refusal gets through,
		// even with flags set and cleared while the buyer had not answered yet.
		let mut rounds = 0u32;
		loop {
			let next_red = InvoiceRef { issuer: 10, seq: rounds + 1 };
			match reverse(id) {
				Ok(()) => {},
				Err(e) => {
					assert_eq!(e, Error::<Test>::HistoryFull.into());
					break;
				},
			}
			let _ = Invoices::freeze(RuntimeOrigin::signed(TAX), id, H256::repeat_byte(9));
			let _ = Invoices::unfreeze(RuntimeOrigin::signed(TAX), id);
			assert_ok!(Invoices::refuse_reversal(RuntimeOrigin::signed(BUYER), next_red, reason));
			rounds += 1;
		}
		assert!(rounds >= 2, "several rounds fit");
		assert_eq!(IssuedInvoices::<Test>::get(10, 0).unwrap().status, InvoiceStatus::Confirmed);
		// The buyer's last answer is the history's last word.
		let last = InvoiceHistory::<Test>::get(10, 0).last().map(|e| e.change);
		assert_eq!(last, Some(Change::ReversalRefused { red: rounds }));
	});
}

#[test]
fn the_last_reversal_that_fits_can_still_be_confirmed() {
	ExtBuilder::default().build_and_execute(|| {
		let id = confirmed(1_000);
		let reason = H256::repeat_byte(3);
		let mut seq = 1;
		while reverse(id).is_ok() {
			let red = InvoiceRef { issuer: 10, seq };
			// After a refusal, another request (itself, an answer, a final change) would not fit.
			if InvoiceHistory::<Test>::get(10, 0).len() + 1 + 3 > MAX_HISTORY as usize {
				// The last request that fit: the buyer may confirm it.
				assert_ok!(Invoices::confirm_reversal(RuntimeOrigin::signed(BUYER), red));
				assert_eq!(
					IssuedInvoices::<Test>::get(10, 0).unwrap().status,
					InvoiceStatus::Reversed { red: seq }
				);
				return;
			}
			assert_ok!(Invoices::refuse_reversal(RuntimeOrigin::signed(BUYER), red, reason));
			seq += 1;
		}
		panic!("the last request that fit was not found");
	});
}

#[test]
fn an_unanswered_reversal_lapses_after_72_hours_and_the_original_stands() {
	ExtBuilder::default().build_and_execute(|| {
		let id = confirmed(1_000);
		assert_ok!(reverse(id));
		assert_eq!(ReversalDeadlines::<Test>::get(10, 1), Some(NOVEMBER_2026 + ANSWER_WINDOW));
		// Before the deadline, nobody can call it lapsed; the buyer can still answer.
		set_time(NOVEMBER_2026 + ANSWER_WINDOW - 1);
		assert_noop!(
			Invoices::lapse_reversal(RuntimeOrigin::signed(SELLER), RED),
			Error::<Test>::ReversalNotDue
		);
		// At the deadline, the buyer's answer comes too late; any member records the lapse.
		set_time(NOVEMBER_2026 + ANSWER_WINDOW);
		assert_noop!(
			Invoices::confirm_reversal(RuntimeOrigin::signed(BUYER), RED),
			Error::<Test>::ReversalLapsed
		);
		assert_noop!(
			Invoices::refuse_reversal(RuntimeOrigin::signed(BUYER), RED, H256::zero()),
			Error::<Test>::ReversalLapsed
		);
		assert_noop!(Invoices::lapse_reversal(RuntimeOrigin::signed(99), RED), BadOrigin);
		assert_ok!(Invoices::lapse_reversal(RuntimeOrigin::signed(TAX), RED));
		assert_eq!(last_event(), Event::ReversalLapsed { red: RED });
		assert_eq!(IssuedInvoices::<Test>::get(10, 0).unwrap().status, InvoiceStatus::Confirmed);
		assert_eq!(IssuedInvoices::<Test>::get(10, 1).unwrap().status, InvoiceStatus::Lapsed);
		assert_eq!(ReversalDeadlines::<Test>::get(10, 1), None);
		assert_noop!(
			Invoices::lapse_reversal(RuntimeOrigin::signed(SELLER), RED),
			Error::<Test>::NotAwaitingReversal
		);
		// The seller may request again; nothing was counted.
		assert_eq!(output_of(10, 202611, R13).special_red, Sum::default());
		assert_ok!(reverse(id));
		assert_eq!(
			IssuedInvoices::<Test>::get(10, 0).unwrap().status,
			InvoiceStatus::ReversalPending { red: 2 }
		);
	});
}

#[test]
fn a_suspended_buyer_still_answers_a_reversal_within_its_window() {
	use regchain_primitives::testing::TestMembership;
	ExtBuilder::default().build_and_execute(|| {
		let id = confirmed(1_000);
		assert_ok!(reverse(id));
		TestMembership::set_active(20, false);
		// Its other calls are a member's: refused.
		assert_noop!(Invoices::confirm(RuntimeOrigin::signed(BUYER), id), BadOrigin);
		assert_ok!(Invoices::confirm_reversal(RuntimeOrigin::signed(BUYER), RED));
		assert_eq!(last_event(), Event::InvoiceReversed { invoice: id, red: RED.seq });
	});
}

#[test]
fn a_reversal_of_an_invoice_received_but_not_deducted_leaves_the_buyers_input() {
	ExtBuilder::default().build_and_execute(|| {
		let id = confirmed(1_000);
		assert_ok!(reverse(id));
		assert_ok!(Invoices::confirm_reversal(RuntimeOrigin::signed(BUYER), RED));
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
		assert_ok!(Invoices::confirm_reversal(
			RuntimeOrigin::signed(BUYER),
			InvoiceRef { issuer: 10, seq: 3 }
		));
		let input = input_of(20, 202611, R13);
		assert_eq!((input.not_deducted, input.red), (one(500, 65), Sum::default()));
	});
}
