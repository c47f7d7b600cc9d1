//! Red letters (红字发票): the seller's reversal, a request by either party, its answer or the
//! tax bureau's settlement, its lapse, and what a red invoice in force does.
//!
//! The rules, as the fully digitalized e-invoice practices them:
//! - a red invoice takes lines off its original, each at most what remains of the line (what
//!   the red invoices in force took is kept in [`Reduced`]); none named, it takes all that
//!   remains;
//! - the seller issues it at once when nobody deducts the invoice on the other side without
//!   answering: an ordinary invoice to an outside buyer or a person, or an invoice its member
//!   buyer has not received;
//! - otherwise a request (红字确认单) is raised — by the seller, or by a member buyer that
//!   received the invoice — and the other party confirms it within the answer window, when
//!   the red invoice is issued, or refuses it; an outside buyer of a special invoice confirms
//!   in its own e-tax bureau, and the tax bureau confirms here for it; the bureau also settles
//!   a request the parties are stuck on, either way; unanswered, the request lapses;
//! - a request locks the invoice (no use confirmation, claim, pledge, voiding or second
//!   request) until it ends, which it does within the window;
//! - a red invoice in force counts against the seller's output of its period, and, if the
//!   buyer had deducted the original, against the buyer's input of that period (the transfer
//!   out the buyer owes, 进项转出);
//! - a claimed or financed invoice is reduced like any other: the claim's domain is told
//!   ([`InvoiceReversals`]) with what was taken and what remains; the claim stays recorded.

use super::*;
use regchain_primitives::{ClaimReversal, InvoiceReversals};

/// Who answers a red-letter request: an account of one of the parties' organizations, or the
/// tax bureau's.
pub(crate) enum Answerer<AccountId> {
	/// The account and its organization.
	Party(AccountId, OrgId),
	/// The bureau's account and the bureau.
	Bureau(AccountId, OrgId),
}

impl<T: Config> Pallet<T> {
	/// The weight of a call that may issue a red invoice: `base`, and the claim holders told —
	/// at most two, the buyer's claim and the seller's pledge.
	pub fn red_weight(base: Weight) -> Weight {
		base.saturating_add(T::ClaimHolders::weight().saturating_mul(2))
	}

	/// The most state one red invoice adds — the invoice, its history, the original's
	/// reductions — for the byte quota of the call that issues it, which may be short: a
	/// confirmation, or a reversal naming no lines.
	pub fn red_state_bytes() -> u32 {
		let bytes = InvoiceOf::<T>::max_encoded_len()
			.saturating_add(History::<Moment>::max_encoded_len())
			.saturating_add(Reductions::max_encoded_len());
		u32::try_from(bytes).unwrap_or(u32::MAX)
	}

	/// Whether reducing `invoice` needs the other side's answer: a member buyer that received
	/// it, or an outside buyer of a special invoice (through the tax bureau).
	fn needs_answer(invoice: &InvoiceOf<T>) -> bool {
		match invoice.buyer {
			Buyer::Member(_) => invoice.status == InvoiceStatus::Confirmed,
			Buyer::External(_) => invoice.invoice_type == InvoiceType::Special,
			Buyer::Person { .. } => false,
		}
	}

	/// The red lines a request of `reason` and `lines` against invoice `id` would issue now,
	/// the reductions after it and whether nothing would remain.
	fn red_lines_of(
		id: InvoiceRef,
		invoice: &InvoiceOf<T>,
		reason: RedReason,
		lines: &[RedLineInput],
	) -> Result<(Lines, Reductions, bool), DispatchError> {
		ensure!(lines.len() <= MAX_LINES as usize, Error::<T>::InvalidRedLine);
		let done = Reduced::<T>::get(id.issuer, id.seq).unwrap_or_default();
		red_lines(&invoice.lines, &done, reason, lines).map_err(|e| {
			match e {
				RedError::InvalidLine | RedError::NothingRemains => Error::<T>::InvalidRedLine,
				RedError::ExceedsRemaining => Error::<T>::ExceedsRemaining,
				RedError::Overflow => Error::<T>::Overflow,
			}
			.into()
		})
	}

	/// What every reduction needs of the invoice — a blue one in force, no request pending,
	/// neither abnormal nor frozen — and the red lines it would issue.
	fn reducible(
		id: InvoiceRef,
		invoice: &InvoiceOf<T>,
		reason: RedReason,
		lines: &[RedLineInput],
	) -> Result<Lines, DispatchError> {
		ensure!(invoice.is_valid_blue(), Error::<T>::NotReversible);
		ensure!(!RedRequests::<T>::contains_key(id.issuer, id.seq), Error::<T>::RequestPending);
		ensure!(invoice.abnormal.is_none(), Error::<T>::Abnormal);
		Freezes::<Self>::ensure_not_frozen(id)?;
		Ok(Self::red_lines_of(id, invoice, reason, lines)?.0)
	}

	/// The seller reduces its invoice: at once, or by a request to the other side.
	pub(crate) fn do_reverse(
		(clerk, seller): (T::AccountId, OrgId),
		id: InvoiceRef,
		reason: RedReason,
		lines: Vec<RedLineInput>,
		document: H256,
	) -> DispatchResult {
		ensure!(id.issuer == seller, Error::<T>::NotIssuer);
		let invoice = Self::get(id)?;
		let red = Self::reducible(id, &invoice, reason, &lines)?;
		let request = RedRequest {
			raised_by: Party::Seller,
			clerk: Some(clerk.clone()),
			reason,
			lines: BoundedVec::truncate_from(lines),
			document,
			deadline: 0,
			numbered: None,
		};
		if Self::needs_answer(&invoice) {
			Self::raise(id, request, &red)
		} else {
			Self::issue_red(id, invoice, request, clerk)
		}
	}

	/// The buyer of an invoice it received asks the seller to reduce it.
	pub(crate) fn do_request_reversal(
		(clerk, buyer): (T::AccountId, OrgId),
		id: InvoiceRef,
		reason: RedReason,
		lines: Vec<RedLineInput>,
		document: H256,
	) -> DispatchResult {
		let invoice = Self::get(id)?;
		Self::ensure_buyer(&invoice, buyer)?;
		let red = Self::reducible(id, &invoice, reason, &lines)?;
		ensure!(invoice.status == InvoiceStatus::Confirmed, Error::<T>::NotRequestable);
		let request = RedRequest {
			raised_by: Party::Buyer,
			clerk: Some(clerk),
			reason,
			lines: BoundedVec::truncate_from(lines),
			document,
			deadline: 0,
			numbered: None,
		};
		Self::raise(id, request, &red)
	}

	/// Records a request, which the other side answers before its deadline.
	fn raise(id: InvoiceRef, mut request: RedRequest<T::AccountId>, red: &Lines) -> DispatchResult {
		let (net, tax) = sums(red).ok_or(Error::<T>::Overflow)?;
		// Room for the request, its answer and the final change.
		Self::record(id, Change::RedRequested { by: request.raised_by }, 2)?;
		request.deadline = Self::now().saturating_add(T::ReversalAnswerWindow::get());
		let (by, reason, deadline) = (request.raised_by, request.reason, request.deadline);
		RedRequests::<T>::insert(id.issuer, id.seq, request);
		Self::deposit_event(Event::RedRequested { invoice: id, by, reason, net, tax, deadline });
		Ok(())
	}

	/// The red invoice of `request` against `original`, issued by `clerk` and in force (or,
	/// for a request of before spec 124, the red invoice numbered with it, put in force).
	fn issue_red(
		id: InvoiceRef,
		original: InvoiceOf<T>,
		request: RedRequest<T::AccountId>,
		clerk: T::AccountId,
	) -> DispatchResult {
		let (lines, reduced, all) =
			Self::red_lines_of(id, &original, request.reason, &request.lines)?;
		let (red_id, red) = match request.numbered {
			Some(seq) => {
				let red_id = InvoiceRef { issuer: id.issuer, seq };
				(red_id, Self::get(red_id)?)
			},
			None => {
				let amounts = sums(&lines).ok_or(Error::<T>::Overflow)?;
				Self::append(
					(clerk, id.issuer),
					(InvoiceKind::Red { original: id.seq }, original.invoice_type),
					original.buyer,
					lines,
					amounts,
					request.document,
				)?
			},
		};
		Self::take_effect(id, original, (red_id, red), reduced, all)
	}

	/// A red invoice takes effect: it counts against the seller's output (and the buyer's
	/// input, if it had deducted the original) this period, its lines are taken off the
	/// original — reversed once nothing remains — and the claims on the original are told.
	fn take_effect(
		id: InvoiceRef,
		mut original: InvoiceOf<T>,
		(red_id, mut red): (InvoiceRef, InvoiceOf<T>),
		reduced: Reductions,
		all: bool,
	) -> DispatchResult {
		let period = Self::current_period();
		let lines = Self::counted_lines(red_id.issuer, &red).ok_or(Error::<T>::InvoiceNotFound)?;
		let amounts = Self::amounts(&lines)?;
		let mut seller_totals = Totals::<T>::get(id.issuer, period);
		let column = Column::Output { invoice_type: original.invoice_type, red: true };
		Self::count(&mut seller_totals, column, &amounts, true)?;
		let buyer_totals = match (original.is_deducted(), original.member_buyer()) {
			(true, Some(buyer)) => {
				let mut totals = Totals::<T>::get(buyer, period);
				Self::count(&mut totals, Column::Input(InputColumn::Red), &amounts, true)?;
				red.buyer_period = Some(period);
				Some((buyer, totals))
			},
			_ => None,
		};
		Self::record(id, Change::Reversed { red: red_id.seq }, if all { 0 } else { 1 })?;
		Self::record(red_id, Change::Reversed { red: red_id.seq }, 0)?;
		Totals::<T>::insert(id.issuer, period, seller_totals);
		if let Some((buyer, totals)) = buyer_totals {
			Totals::<T>::insert(buyer, period, totals);
		}
		let gross = original.gross().ok_or(Error::<T>::Overflow)?;
		let remaining = gross_after(gross, &reduced).ok_or(Error::<T>::Overflow)?;
		let (net, tax) = sums(&lines).ok_or(Error::<T>::Overflow)?;
		Reduced::<T>::insert(id.issuer, id.seq, reduced);
		if all {
			original.status = InvoiceStatus::Reversed { red: red_id.seq };
		}
		red.status = InvoiceStatus::Effective { period };
		let content_hash = red.content_hash;
		let claims = [original.claim, ReceivableClaims::<T>::get(id)];
		IssuedInvoices::<T>::insert(id.issuer, id.seq, original);
		IssuedInvoices::<T>::insert(red_id.issuer, red_id.seq, red);
		Self::deposit_event(Event::RedInvoiceIssued {
			red: red_id,
			original: id.seq,
			net,
			tax,
			remaining,
			content_hash,
		});
		if all {
			Self::deposit_event(Event::InvoiceReversed { invoice: id, red: red_id.seq });
		}
		let reduced = net.checked_add(tax).ok_or(Error::<T>::Overflow)?;
		for claim in claims.into_iter().flatten() {
			T::ClaimHolders::reversed(id, claim, ClaimReversal { red: red_id, reduced, remaining });
			Self::deposit_event(Event::ClaimReduced { invoice: id, claim, reduced, remaining });
		}
		Ok(())
	}

	/// An answer to the request against `id`: a confirmation (`refusal` none) issues its red
	/// invoice, a refusal ends it.
	pub(crate) fn do_answer(
		answerer: Answerer<T::AccountId>,
		id: InvoiceRef,
		refusal: Option<H256>,
	) -> DispatchResult {
		let request = RedRequests::<T>::get(id.issuer, id.seq).ok_or(Error::<T>::NoRequest)?;
		let original = Self::get(id)?;
		let (account, org) = match answerer {
			Answerer::Party(account, org) => {
				let other = match request.raised_by {
					Party::Seller => original.member_buyer(),
					Party::Buyer => Some(id.issuer),
				};
				ensure!(other == Some(org), Error::<T>::NotOtherParty);
				(account, org)
			},
			Answerer::Bureau(account, bureau) => (account, bureau),
		};
		ensure!(Self::now() < request.deadline, Error::<T>::ReversalLapsed);
		if let Some(reason) = refusal {
			Self::end_request(
				id,
				&request,
				Change::RequestRefused,
				InvoiceStatus::Refused { reason },
			)?;
			Self::deposit_event(Event::ReversalRefused { invoice: id, by: org, reason });
			return Ok(());
		}
		// An invoice the tax bureau audits or found abnormal meanwhile is not reduced.
		ensure!(original.abnormal.is_none(), Error::<T>::Abnormal);
		Freezes::<Self>::ensure_not_frozen(id)?;
		RedRequests::<T>::remove(id.issuer, id.seq);
		// The seller's clerk who raised it issues the red invoice; on a buyer's request, the
		// seller's account that confirms it, or the bureau's that settles it (代开).
		let clerk = match (request.raised_by, &request.clerk) {
			(Party::Seller, Some(clerk)) => clerk.clone(),
			_ => account,
		};
		Self::issue_red(id, original, request, clerk)
	}

	/// A request ends without a red invoice: recorded in the invoice's history (and a red
	/// invoice numbered with it before spec 124 takes `legacy`).
	fn end_request(
		id: InvoiceRef,
		request: &RedRequest<T::AccountId>,
		change: Change,
		legacy: InvoiceStatus,
	) -> DispatchResult {
		Self::record(id, change, 1)?;
		if let Some(seq) = request.numbered {
			let red_id = InvoiceRef { issuer: id.issuer, seq };
			let mut red = Self::get(red_id)?;
			Self::record(red_id, change, 0)?;
			red.status = legacy;
			IssuedInvoices::<T>::insert(id.issuer, seq, red);
		}
		RedRequests::<T>::remove(id.issuer, id.seq);
		Ok(())
	}

	/// A request unanswered past its deadline lapses: the invoice stands.
	pub(crate) fn do_lapse_reversal(id: InvoiceRef) -> DispatchResult {
		let request = RedRequests::<T>::get(id.issuer, id.seq).ok_or(Error::<T>::NoRequest)?;
		ensure!(Self::now() >= request.deadline, Error::<T>::ReversalNotDue);
		Self::end_request(id, &request, Change::RequestLapsed, InvoiceStatus::Lapsed)?;
		Self::deposit_event(Event::ReversalLapsed { invoice: id });
		Ok(())
	}
}

/// The net amount and tax of `lines`.
fn sums(lines: &[Line]) -> Option<(Fen, Fen)> {
	lines.iter().try_fold((0 as Fen, 0 as Fen), |(n, t), l| {
		Some((n.checked_add(l.net)?, t.checked_add(l.tax)?))
	})
}
