//! What the calls do, the claim lock shared with the special funds, the queries of the runtime
//! API, and the storage invariants.

use crate::{pallet::*, types::*};
use alloc::{collections::BTreeMap, vec::Vec};
use frame_support::{ensure, pallet_prelude::*};
use frame_system::pallet_prelude::BlockNumberFor;
use regchain_primitives::{
	paging, time::Moment, Claim, Fen, Freeze, FreezeDomain, Freezes, InvoiceClaims, InvoiceRef,
	Membership, OrgId,
};
use sp_core::H256;
use sp_runtime::traits::Zero;

impl<T: Config> Pallet<T> {
	/// Now, in on-chain time.
	pub(crate) fn now() -> Moment {
		regchain_primitives::time::now::<T::UnixTime>()
	}

	/// The tax period now.
	pub fn current_period() -> Period {
		period_of(Self::now())
	}

	/// What rate `code` means at `at`, if it is in the table then.
	pub fn rate_at(code: RateCode, at: Moment) -> Option<TaxRate> {
		Rates::<T>::get(code).iter().rev().find(|c| c.from <= at).and_then(|c| c.rate)
	}

	/// A tax bureau acts only on taxpayers within its jurisdiction. An unknown organization
	/// passes here, to be refused by the call as unknown (it has no invoices and no limits).
	pub(crate) fn ensure_jurisdiction(bureau: OrgId, taxpayer: OrgId) -> DispatchResult {
		ensure!(
			T::Membership::region(taxpayer).is_none()
				|| T::Membership::has_jurisdiction(bureau, taxpayer),
			Error::<T>::OutsideJurisdiction
		);
		Ok(())
	}

	pub(crate) fn do_set_issuer_limits(
		taxpayer: OrgId,
		limits: Option<IssuerLimits>,
	) -> DispatchResult {
		ensure!(T::Membership::credit_code(taxpayer).is_some(), Error::<T>::NotTaxpayer);
		match limits {
			Some(l) => {
				ensure!(l.is_valid(), Error::<T>::InvalidLimits);
				Issuers::<T>::insert(taxpayer, l);
			},
			None => Issuers::<T>::remove(taxpayer),
		}
		Self::deposit_event(Event::IssuerLimitsSet { taxpayer, limits });
		Ok(())
	}

	pub(crate) fn do_set_rate(
		code: RateCode,
		rate: Option<TaxRate>,
		from: Moment,
	) -> DispatchResult {
		ensure!(rate.is_none_or(|r| r.is_valid()), Error::<T>::InvalidRate);
		let now = Self::now();
		ensure!(from > now, Error::<T>::RetroactiveChange);
		Rates::<T>::try_mutate(code, |changes| -> DispatchResult {
			// Keep the change in effect now and the later ones; a change for the same block
			// replaces the earlier plan.
			let current = changes.iter().rposition(|c| c.from <= now).unwrap_or(0);
			let mut kept: Vec<_> =
				changes.iter().skip(current).filter(|c| c.from != from).cloned().collect();
			let at = kept.partition_point(|c| c.from < from);
			kept.insert(at, RateChange { from, rate });
			*changes = kept.try_into().map_err(|_| Error::<T>::TooManyRateChanges)?;
			Ok(())
		})?;
		Self::deposit_event(Event::RateScheduled { code, rate, from });
		Ok(())
	}

	/// A buyer as it will be recorded: a credit code of an active member becomes that member.
	fn resolve_buyer(seller: OrgId, buyer: Buyer) -> Result<Buyer, DispatchError> {
		let resolved = match buyer {
			Buyer::Member(org) => {
				ensure!(T::Membership::is_active_org(org), Error::<T>::UnknownBuyer);
				buyer
			},
			Buyer::External(code) => {
				T::Membership::org_by_credit_code(&code).map_or(buyer, Buyer::Member)
			},
		};
		ensure!(resolved != Buyer::Member(seller), Error::<T>::BuyerIsSeller);
		Ok(resolved)
	}

	pub(crate) fn do_issue(
		seller: OrgId,
		buyer: Buyer,
		inputs: Vec<LineInput>,
		document: H256,
	) -> DispatchResult {
		ensure!(!inputs.is_empty(), Error::<T>::NoLines);
		ensure!(inputs.len() <= MAX_LINES as usize, Error::<T>::TooManyLines);
		let limits = Issuers::<T>::get(seller).ok_or(Error::<T>::NoLimits)?;
		let buyer = Self::resolve_buyer(seller, buyer)?;
		let now = Self::now();
		let (mut net, mut tax) = (Fen::zero(), Fen::zero());
		let mut lines = Lines::new();
		for input in &inputs {
			let rate = Self::rate_at(input.rate, now).ok_or(Error::<T>::UnknownRate)?;
			let line = Line::compute(input, rate).map_err(|e| match e {
				LineError::Zero => Error::<T>::ZeroAmount,
				LineError::Overflow => Error::<T>::Overflow,
			})?;
			net = net.checked_add(line.net).ok_or(Error::<T>::Overflow)?;
			tax = tax.checked_add(line.tax).ok_or(Error::<T>::Overflow)?;
			lines.try_push(line).map_err(|_| Error::<T>::TooManyLines)?;
		}
		let gross = net.checked_add(tax).ok_or(Error::<T>::Overflow)?;
		ensure!(gross <= limits.per_invoice, Error::<T>::OverInvoiceLimit);
		let period = Self::current_period();
		let mut totals = Totals::<T>::get(seller, period);
		let month = totals.output.gross().and_then(|g| g.checked_add(gross));
		ensure!(
			month.ok_or(Error::<T>::Overflow)? <= limits.per_month,
			Error::<T>::OverMonthlyLimit
		);
		totals.output.add(net, tax).ok_or(Error::<T>::Overflow)?;

		let (invoice, stored) =
			Self::append(seller, InvoiceKind::Blue, buyer, lines, net, tax, document)?;
		Totals::<T>::insert(seller, period, totals);
		let content_hash = stored.content_hash;
		Self::deposit_event(Event::InvoiceIssued { invoice, buyer, net, tax, content_hash });
		Ok(())
	}

	/// Appends an invoice to `issuer`'s chain with the next number, indexes it for a member
	/// buyer and starts its history; returns its number and what was stored.
	fn append(
		issuer: OrgId,
		kind: InvoiceKind,
		buyer: Buyer,
		lines: Lines,
		net: Fen,
		tax: Fen,
		document: H256,
	) -> Result<(InvoiceRef, Invoice<BlockNumberFor<T>>), DispatchError> {
		let head = ChainHeads::<T>::get(issuer);
		let seq = head.next_seq;
		let next_seq = seq.checked_add(1).ok_or(Error::<T>::SequenceExhausted)?;
		let mut invoice = Invoice {
			kind,
			buyer,
			lines,
			net,
			tax,
			document,
			prev_hash: head.last_hash,
			content_hash: H256::zero(),
			issued_at: frame_system::Pallet::<T>::block_number(),
			period: Self::current_period(),
			status: if kind == InvoiceKind::Blue {
				InvoiceStatus::Issued
			} else {
				InvoiceStatus::AwaitingBuyer
			},
			buyer_period: None,
			claim: None,
		};
		invoice.content_hash = invoice.compute_hash(issuer, seq);
		let id = InvoiceRef { issuer, seq };
		ChainHeads::<T>::insert(issuer, ChainHead { next_seq, last_hash: invoice.content_hash });
		if let Buyer::Member(org) = buyer {
			InvoicesByBuyer::<T>::insert(org, id, ());
		}
		IssuedInvoices::<T>::insert(issuer, seq, &invoice);
		InvoiceHistory::<T>::insert(
			issuer,
			seq,
			History::<Moment>::truncate_from(alloc::vec![HistoryEntry {
				at: Self::now(),
				change: Change::Issued
			}]),
		);
		Ok((id, invoice))
	}

	fn get(id: InvoiceRef) -> Result<Invoice<BlockNumberFor<T>>, DispatchError> {
		Ok(IssuedInvoices::<T>::get(id.issuer, id.seq).ok_or(Error::<T>::InvoiceNotFound)?)
	}

	/// Places a change to `invoice` must leave free: two while a reversal awaits the buyer (its
	/// answer and the final change), one otherwise.
	fn owed(invoice: &Invoice<BlockNumberFor<T>>) -> usize {
		if matches!(invoice.status, InvoiceStatus::ReversalPending { .. }) {
			2
		} else {
			1
		}
	}

	fn ensure_buyer(invoice: &Invoice<BlockNumberFor<T>>, org: OrgId) -> DispatchResult {
		ensure!(invoice.buyer == Buyer::Member(org), Error::<T>::NotBuyer);
		Ok(())
	}

	/// Records `change` in an invoice's history, leaving `keep` places free after it for the
	/// changes a party is owed: a final change (reversal, voiding) keeps none, every other
	/// change keeps one for a final change, and while a reversal awaits the buyer, two — its
	/// answer and the final change. So a buyer's answer always fits, whatever happened before;
	/// only new requests (a seller's reversal, a flag) run out of room, with `HistoryFull`.
	fn record(id: InvoiceRef, change: Change, keep: usize) -> DispatchResult {
		InvoiceHistory::<T>::try_mutate(id.issuer, id.seq, |history| {
			ensure!(
				history.len().saturating_add(1).saturating_add(keep) <= MAX_HISTORY as usize,
				Error::<T>::HistoryFull
			);
			let at = Self::now();
			history.try_push(HistoryEntry { at, change }).map_err(|_| Error::<T>::HistoryFull)?;
			Ok(())
		})
	}

	/// The buyer confirms (`reason` is `None`) or rejects an invoice.
	pub(crate) fn do_answer(buyer: OrgId, id: InvoiceRef, reason: Option<H256>) -> DispatchResult {
		let mut invoice = Self::get(id)?;
		Self::ensure_buyer(&invoice, buyer)?;
		ensure!(
			invoice.kind == InvoiceKind::Blue && invoice.status == InvoiceStatus::Issued,
			Error::<T>::NotAwaitingBuyer
		);
		match reason {
			None => {
				let period = Self::current_period();
				let mut totals = Totals::<T>::get(buyer, period);
				totals.input.add(invoice.net, invoice.tax).ok_or(Error::<T>::Overflow)?;
				Self::record(id, Change::Confirmed, 1)?;
				Totals::<T>::insert(buyer, period, totals);
				invoice.status = InvoiceStatus::Confirmed;
				invoice.buyer_period = Some(period);
				Self::deposit_event(Event::InvoiceConfirmed { invoice: id });
			},
			Some(reason) => {
				Self::record(id, Change::Rejected, 1)?;
				invoice.status = InvoiceStatus::Rejected { reason };
				Self::deposit_event(Event::InvoiceRejected { invoice: id, reason });
			},
		}
		IssuedInvoices::<T>::insert(id.issuer, id.seq, invoice);
		Ok(())
	}

	pub(crate) fn do_reverse(seller: OrgId, id: InvoiceRef, document: H256) -> DispatchResult {
		ensure!(id.issuer == seller, Error::<T>::NotIssuer);
		let mut original = Self::get(id)?;
		ensure!(original.is_valid_blue(), Error::<T>::NotReversible);
		ensure!(original.claim.is_none(), Error::<T>::AlreadyClaimed);
		ensure!(!ReceivableClaims::<T>::contains_key(id), Error::<T>::AlreadyClaimed);
		Freezes::<Self>::ensure_not_frozen(id)?;
		let awaiting_buyer = original.status == InvoiceStatus::Confirmed;
		// Room for the request, the buyer's answer and the final change, before anything is
		// appended to the seller's chain.
		let room = if awaiting_buyer { 3 } else { 1 };
		ensure!(
			InvoiceHistory::<T>::decode_len(id.issuer, id.seq).unwrap_or(0).saturating_add(room)
				<= MAX_HISTORY as usize,
			Error::<T>::HistoryFull
		);
		let kind = InvoiceKind::Red { original: id.seq };
		let (red_id, red) = Self::append(
			seller,
			kind,
			original.buyer,
			Lines::new(),
			original.net,
			original.tax,
			document,
		)?;
		Self::deposit_event(Event::RedInvoiceIssued {
			red: red_id,
			original: id.seq,
			awaiting_buyer,
			content_hash: red.content_hash,
		});
		if awaiting_buyer {
			Self::record(id, Change::ReversalRequested { red: red_id.seq }, 2)?;
			let deadline = Self::now().saturating_add(T::ReversalAnswerWindow::get());
			ReversalDeadlines::<T>::insert(red_id.issuer, red_id.seq, deadline);
			original.status = InvoiceStatus::ReversalPending { red: red_id.seq };
			IssuedInvoices::<T>::insert(id.issuer, id.seq, original);
			Ok(())
		} else {
			Self::take_effect(id, original, red_id, red)
		}
	}

	/// A reversal takes effect: the original is reversed, the red invoice counts against the
	/// seller's output (and the buyer's input, if it had confirmed the original) this period.
	fn take_effect(
		id: InvoiceRef,
		mut original: Invoice<BlockNumberFor<T>>,
		red_id: InvoiceRef,
		mut red: Invoice<BlockNumberFor<T>>,
	) -> DispatchResult {
		let period = Self::current_period();
		let (net, tax) = (original.net, original.tax);
		let mut seller_totals = Totals::<T>::get(id.issuer, period);
		seller_totals.output_credit.add(net, tax).ok_or(Error::<T>::Overflow)?;
		let buyer_totals = match (original.buyer_period, original.buyer) {
			(Some(_), Buyer::Member(buyer)) => {
				let mut totals = Totals::<T>::get(buyer, period);
				totals.input_credit.add(net, tax).ok_or(Error::<T>::Overflow)?;
				red.buyer_period = Some(period);
				Some((buyer, totals))
			},
			_ => None,
		};
		Self::record(id, Change::Reversed { red: red_id.seq }, 0)?;
		Self::record(red_id, Change::Reversed { red: red_id.seq }, 0)?;
		Totals::<T>::insert(id.issuer, period, seller_totals);
		if let Some((buyer, totals)) = buyer_totals {
			Totals::<T>::insert(buyer, period, totals);
		}
		original.status = InvoiceStatus::Reversed { red: red_id.seq };
		red.status = InvoiceStatus::Effective { period };
		IssuedInvoices::<T>::insert(id.issuer, id.seq, original);
		IssuedInvoices::<T>::insert(red_id.issuer, red_id.seq, red);
		Self::deposit_event(Event::InvoiceReversed { invoice: id, red: red_id.seq });
		Ok(())
	}

	/// The buyer confirms (`reason` is `None`) or refuses a red invoice awaiting it.
	pub(crate) fn do_settle_reversal(
		buyer: OrgId,
		red_id: InvoiceRef,
		reason: Option<H256>,
	) -> DispatchResult {
		let mut red = Self::get(red_id)?;
		Self::ensure_buyer(&red, buyer)?;
		let InvoiceKind::Red { original: seq } = red.kind else {
			return Err(Error::<T>::NotAwaitingReversal.into());
		};
		ensure!(red.status == InvoiceStatus::AwaitingBuyer, Error::<T>::NotAwaitingReversal);
		ensure!(!Self::reversal_lapsed(red_id), Error::<T>::ReversalLapsed);
		let id = InvoiceRef { issuer: red_id.issuer, seq };
		let mut original = Self::get(id)?;
		ReversalDeadlines::<T>::remove(red_id.issuer, red_id.seq);
		match reason {
			None => {
				// The tax bureau audits the original: no reversal may take it out of reach.
				Freezes::<Self>::ensure_not_frozen(id)?;
				Self::take_effect(id, original, red_id, red)
			},
			Some(reason) => {
				Self::record(id, Change::ReversalRefused { red: red_id.seq }, 1)?;
				Self::record(red_id, Change::ReversalRefused { red: red_id.seq }, 0)?;
				original.status = InvoiceStatus::Confirmed;
				red.status = InvoiceStatus::Refused { reason };
				IssuedInvoices::<T>::insert(id.issuer, id.seq, original);
				IssuedInvoices::<T>::insert(red_id.issuer, red_id.seq, red);
				Self::deposit_event(Event::ReversalRefused { red: red_id, reason });
				Ok(())
			},
		}
	}

	/// Whether the buyer's time to answer red invoice `red` is over (its deadline reached).
	fn reversal_lapsed(red: InvoiceRef) -> bool {
		ReversalDeadlines::<T>::get(red.issuer, red.seq)
			.is_some_and(|deadline| Self::now() >= deadline)
	}

	/// A reversal unanswered past its deadline lapses: the original stands, confirmed.
	pub(crate) fn do_lapse_reversal(red_id: InvoiceRef) -> DispatchResult {
		let mut red = Self::get(red_id)?;
		let InvoiceKind::Red { original: seq } = red.kind else {
			return Err(Error::<T>::NotAwaitingReversal.into());
		};
		ensure!(red.status == InvoiceStatus::AwaitingBuyer, Error::<T>::NotAwaitingReversal);
		ensure!(Self::reversal_lapsed(red_id), Error::<T>::ReversalNotDue);
		let id = InvoiceRef { issuer: red_id.issuer, seq };
		let mut original = Self::get(id)?;
		Self::record(id, Change::ReversalLapsed { red: red_id.seq }, 1)?;
		Self::record(red_id, Change::ReversalLapsed { red: red_id.seq }, 0)?;
		ReversalDeadlines::<T>::remove(red_id.issuer, red_id.seq);
		original.status = InvoiceStatus::Confirmed;
		red.status = InvoiceStatus::Lapsed;
		IssuedInvoices::<T>::insert(id.issuer, id.seq, original);
		IssuedInvoices::<T>::insert(red_id.issuer, red_id.seq, red);
		Self::deposit_event(Event::ReversalLapsed { red: red_id });
		Ok(())
	}

	/// Locks an invoice for `claim` by its buyer, for `amount` (its gross amount if `None`).
	pub(crate) fn do_claim(
		id: InvoiceRef,
		buyer: OrgId,
		amount: Option<Fen>,
		claim: Claim,
	) -> DispatchResult {
		let mut invoice = Self::get(id)?;
		Self::ensure_buyer(&invoice, buyer)?;
		ensure!(invoice.is_valid_blue(), Error::<T>::NotValid);
		ensure!(invoice.status == InvoiceStatus::Confirmed, Error::<T>::NotConfirmed);
		ensure!(invoice.claim.is_none(), Error::<T>::AlreadyClaimed);
		Freezes::<Self>::ensure_not_frozen(id)?;
		let gross = invoice.gross().ok_or(Error::<T>::Overflow)?;
		let amount = amount.unwrap_or(gross);
		ensure!(amount <= gross, Error::<T>::AmountNotCovered);
		Self::record(id, Change::Claimed(claim), 1)?;
		invoice.claim = Some(claim);
		IssuedInvoices::<T>::insert(id.issuer, id.seq, invoice);
		Self::deposit_event(Event::InvoiceClaimed { invoice: id, claim, amount });
		Ok(())
	}

	/// Pledges a receivable: the seller's lock (see [`ReceivableClaims`]).
	pub(crate) fn do_claim_receivable(
		id: InvoiceRef,
		seller: OrgId,
		claim: Claim,
	) -> DispatchResult {
		ensure!(id.issuer == seller, Error::<T>::NotIssuer);
		let invoice = Self::get(id)?;
		ensure!(invoice.is_valid_blue(), Error::<T>::NotValid);
		ensure!(invoice.status == InvoiceStatus::Confirmed, Error::<T>::NotConfirmed);
		Freezes::<Self>::ensure_not_frozen(id)?;
		ensure!(!ReceivableClaims::<T>::contains_key(id), Error::<T>::AlreadyClaimed);
		ReceivableClaims::<T>::insert(id, claim);
		Self::deposit_event(Event::ReceivablePledged { invoice: id, claim });
		Ok(())
	}

	/// Ends a receivable lock that `claim` holds: the financing ended.
	pub(crate) fn do_release_receivable(id: InvoiceRef, claim: Claim) -> bool {
		if ReceivableClaims::<T>::get(id) != Some(claim) {
			return false;
		}
		ReceivableClaims::<T>::remove(id);
		Self::deposit_event(Event::ReceivableReleased { invoice: id, claim });
		true
	}

	pub(crate) fn do_freeze(bureau: OrgId, id: InvoiceRef, reason: H256) -> DispatchResult {
		Freezes::<Self>::freeze(bureau, id, reason).map(|_| ())
	}

	pub(crate) fn do_unfreeze(bureau: OrgId, id: InvoiceRef) -> DispatchResult {
		Freezes::<Self>::unfreeze(bureau, id).map(|_| ())
	}

	pub(crate) fn do_void(id: InvoiceRef, reason: H256) -> DispatchResult {
		let mut invoice = Self::get(id)?;
		ensure!(invoice.is_valid_blue(), Error::<T>::NotVoidable);
		let (net, tax) = (invoice.net, invoice.tax);
		let mut seller_totals = Totals::<T>::get(id.issuer, invoice.period);
		seller_totals.output.remove(net, tax).ok_or(Error::<T>::Overflow)?;
		let buyer_totals = match (invoice.buyer_period, invoice.buyer) {
			(Some(period), Buyer::Member(buyer)) => {
				let mut totals = Totals::<T>::get(buyer, period);
				totals.input.remove(net, tax).ok_or(Error::<T>::Overflow)?;
				Some((buyer, period, totals))
			},
			_ => None,
		};
		Self::record(id, Change::Voided, 0)?;
		Totals::<T>::insert(id.issuer, invoice.period, seller_totals);
		if let Some((buyer, period, totals)) = buyer_totals {
			Totals::<T>::insert(buyer, period, totals);
		}
		invoice.status = InvoiceStatus::Voided { reason };
		IssuedInvoices::<T>::insert(id.issuer, id.seq, invoice);
		Self::deposit_event(Event::InvoiceVoided { invoice: id, reason });
		Ok(())
	}

	/// Runtime API: an invoice with its history.
	pub fn invoice_record(id: InvoiceRef) -> Option<InvoiceRecord<BlockNumberFor<T>>> {
		IssuedInvoices::<T>::get(id.issuer, id.seq).map(|invoice| InvoiceRecord {
			id,
			invoice,
			history: InvoiceHistory::<T>::get(id.issuer, id.seq),
			frozen: FrozenInvoices::<T>::get(id),
		})
	}

	/// Up to `limit` (at most [`paging::QUERY_LIMIT`]) of the invoices frozen for audit, after
	/// `start_after`, each with its issuer and freeze.
	pub fn frozen_invoices(
		start_after: Option<InvoiceRef>,
		limit: u32,
	) -> Vec<regchain_primitives::FrozenRecord> {
		Freezes::<Self>::listing(start_after, limit)
	}

	/// Runtime API: the public check of invoice `seq` of `issuer` against the content hash printed
	/// on it; `None` unless the chain holds that invoice with that hash.
	pub fn check(issuer: OrgId, seq: u32, content_hash: H256) -> Option<InvoiceCheck> {
		let invoice = IssuedInvoices::<T>::get(issuer, seq)?;
		if invoice.content_hash != content_hash {
			return None;
		}
		Some(InvoiceCheck {
			kind: invoice.kind,
			status: invoice.status,
			net: invoice.net,
			tax: invoice.tax,
			period: invoice.period,
			issued_on: InvoiceHistory::<T>::get(issuer, seq).first().map(|e| e.at).unwrap_or(0),
		})
	}

	/// Runtime API: up to `limit` (at most [`paging::QUERY_LIMIT`]) invoices of `issuer` from number
	/// `from` on.
	pub fn invoices_of(
		issuer: OrgId,
		from: u32,
		limit: u32,
	) -> Vec<InvoiceRecord<BlockNumberFor<T>>> {
		let end = paging::page_end(from, limit, ChainHeads::<T>::get(issuer).next_seq);
		(from..end).filter_map(|seq| Self::invoice_record(InvoiceRef { issuer, seq })).collect()
	}

	/// Runtime API: up to `limit` (at most [`paging::QUERY_LIMIT`]) of `issuer`'s invoices of
	/// the tax periods `from` to `to` (`YYYYMM`, both included), in number order, after number
	/// `start_after`. An issuer's numbers follow the clock, so its periods never decrease along
	/// them: the first number of `from` is found by binary search (a read per halving), and
	/// nothing outside the page is read.
	pub fn issued_in(
		issuer: OrgId,
		from: Period,
		to: Period,
		start_after: Option<u32>,
		limit: u32,
	) -> Vec<InvoiceRecord<BlockNumberFor<T>>> {
		let next = ChainHeads::<T>::get(issuer).next_seq;
		let period = |seq| IssuedInvoices::<T>::get(issuer, seq).map(|i| i.period);
		// The first number whose period is `from` or later: `lo` in [0, next].
		let (mut lo, mut hi) = (0u32, next);
		while lo < hi {
			let mid = lo + (hi - lo) / 2;
			if period(mid).is_some_and(|p| p >= from) {
				hi = mid;
			} else {
				lo = mid + 1;
			}
		}
		let first = match start_after {
			Some(after) => lo.max(after.saturating_add(1)),
			None => lo,
		};
		let end = paging::page_end(first, limit, next);
		(first..end)
			.map_while(|seq| {
				let record = Self::invoice_record(InvoiceRef { issuer, seq })?;
				(record.invoice.period <= to).then_some(record)
			})
			.collect()
	}

	/// Runtime API: up to `limit` (at most [`paging::QUERY_LIMIT`]) numbers of invoices `buyer`
	/// received, after `start_after` (in storage order).
	pub fn received_by(
		buyer: OrgId,
		start_after: Option<InvoiceRef>,
		limit: u32,
	) -> Vec<InvoiceRef> {
		paging::keys_after::<InvoicesByBuyer<T>, _, _, _>(buyer, start_after, limit)
	}

	/// One invoice's indexes and history agree with its status: its buyer index entry, a
	/// history that starts with its issue, ends with its final change, records its claim and
	/// flag, and keeps room for a pending reversal's answer.
	fn check_invoice_records(id: InvoiceRef) -> Result<(), sp_runtime::TryRuntimeError> {
		let invoice = IssuedInvoices::<T>::get(id.issuer, id.seq).ok_or("missing invoice")?;
		if let Buyer::Member(buyer) = invoice.buyer {
			ensure!(
				InvoicesByBuyer::<T>::contains_key(buyer, id),
				"a buyer index entry is missing"
			);
		}
		let history = InvoiceHistory::<T>::get(id.issuer, id.seq);
		let changes: Vec<Change> = history.iter().map(|e| e.change).collect();
		ensure!(
			changes.first() == Some(&Change::Issued),
			"a history does not start with its issue"
		);
		let last = changes.last().copied();
		match invoice.status {
			InvoiceStatus::Reversed { red } => ensure!(
				last == Some(Change::Reversed { red }),
				"a reversed invoice's history does not end with the reversal"
			),
			InvoiceStatus::Voided { .. } => ensure!(
				last == Some(Change::Voided),
				"a voided invoice's history does not end with the voiding"
			),
			InvoiceStatus::ReversalPending { red } => {
				ensure!(
					changes.contains(&Change::ReversalRequested { red }),
					"a pending reversal was never requested"
				);
				ensure!(
					changes.len() + 2 <= MAX_HISTORY as usize,
					"a pending reversal has no room for the buyer's answer"
				);
				let red_invoice = IssuedInvoices::<T>::get(id.issuer, red)
					.ok_or("a pending red invoice is missing")?;
				ensure!(
					red_invoice.kind == InvoiceKind::Red { original: id.seq }
						&& red_invoice.status == InvoiceStatus::AwaitingBuyer,
					"a pending reversal's red invoice does not await the buyer"
				);
				ensure!(
					ReversalDeadlines::<T>::contains_key(id.issuer, red),
					"a pending reversal has no deadline"
				);
			},
			_ => {},
		}
		if let Some(claim) = invoice.claim {
			ensure!(changes.contains(&Change::Claimed(claim)), "a claim is not in the history");
		}
		let last_freeze =
			changes.iter().rev().find(|c| matches!(c, Change::Frozen | Change::Unfrozen));
		ensure!(
			Freezes::<Self>::is_frozen(id) == (last_freeze == Some(&Change::Frozen)),
			"the freeze differs from the history"
		);
		Ok(())
	}

	/// The storage invariants of the module doc; run after every test and by `try-runtime`.
	pub fn do_try_state() -> Result<(), sp_runtime::TryRuntimeError> {
		Freezes::<Self>::check()?;
		let mut expected: BTreeMap<(OrgId, Period), PeriodTotals> = BTreeMap::new();
		let mut add = |org, period, pick: fn(&mut PeriodTotals) -> &mut Sum, net, tax| {
			pick(expected.entry((org, period)).or_default()).add(net, tax).ok_or("totals overflow")
		};
		for (issuer, head) in ChainHeads::<T>::iter() {
			let mut prev = H256::zero();
			for seq in 0..head.next_seq {
				let invoice =
					IssuedInvoices::<T>::get(issuer, seq).ok_or("gap in an issuer's chain")?;
				ensure!(invoice.prev_hash == prev, "an invoice does not link to its predecessor");
				ensure!(
					invoice.content_hash == invoice.compute_hash(issuer, seq),
					"invoice hash mismatch"
				);
				prev = invoice.content_hash;
				let (net, tax) = (invoice.net, invoice.tax);
				let buyer = match invoice.buyer {
					Buyer::Member(org) => Some(org),
					Buyer::External(_) => None,
				};
				match (invoice.kind, invoice.status) {
					(InvoiceKind::Blue, InvoiceStatus::Voided { .. }) => {},
					(InvoiceKind::Blue, status) => {
						ensure!(
							!matches!(status, InvoiceStatus::Reversed { .. })
								|| invoice.claim.is_none(),
							"a reversed invoice is claimed"
						);
						add(issuer, invoice.period, |t| &mut t.output, net, tax)?;
						if let (Some(org), Some(period)) = (buyer, invoice.buyer_period) {
							add(org, period, |t| &mut t.input, net, tax)?;
						}
					},
					(InvoiceKind::Red { .. }, InvoiceStatus::Effective { period }) => {
						add(issuer, period, |t| &mut t.output_credit, net, tax)?;
						if let (Some(org), Some(period)) = (buyer, invoice.buyer_period) {
							add(org, period, |t| &mut t.input_credit, net, tax)?;
						}
					},
					_ => {},
				}
			}
			ensure!(head.last_hash == prev, "chain head hash mismatch");
			for seq in 0..head.next_seq {
				Self::check_invoice_records(InvoiceRef { issuer, seq })?;
			}
			ensure!(
				IssuedInvoices::<T>::get(issuer, head.next_seq).is_none(),
				"an invoice beyond the chain head"
			);
		}
		ensure!(
			IssuedInvoices::<T>::iter_keys()
				.all(|(issuer, seq)| seq < ChainHeads::<T>::get(issuer).next_seq),
			"an invoice outside its issuer's chain"
		);
		for (org, period, totals) in Totals::<T>::iter() {
			let want = expected.remove(&(org, period)).unwrap_or_default();
			ensure!(totals == want, "period totals differ from their invoices");
		}
		ensure!(
			expected.values().all(|t| *t == PeriodTotals::default()),
			"invoices counted in no period totals"
		);
		for (issuer, seq, _) in ReversalDeadlines::<T>::iter() {
			ensure!(
				IssuedInvoices::<T>::get(issuer, seq)
					.is_some_and(|i| i.status == InvoiceStatus::AwaitingBuyer),
				"a deadline for a red invoice that awaits nobody"
			);
		}
		for (buyer, id, ()) in InvoicesByBuyer::<T>::iter() {
			ensure!(
				IssuedInvoices::<T>::get(id.issuer, id.seq)
					.is_some_and(|i| i.buyer == Buyer::Member(buyer)),
				"the buyer index names a foreign or missing invoice"
			);
		}
		Ok(())
	}
}

impl<T: Config> InvoiceClaims for Pallet<T> {
	fn claim(invoice: InvoiceRef, buyer: OrgId, amount: Fen, claim: Claim) -> DispatchResult {
		Self::do_claim(invoice, buyer, Some(amount), claim)
	}

	fn claim_receivable(invoice: InvoiceRef, seller: OrgId, claim: Claim) -> DispatchResult {
		Self::do_claim_receivable(invoice, seller, claim)
	}

	fn release_receivable(invoice: InvoiceRef, claim: Claim) -> bool {
		Self::do_release_receivable(invoice, claim)
	}

	#[cfg(feature = "runtime-benchmarks")]
	fn make_claimable(seller: OrgId, buyer: OrgId, amount: Fen) -> InvoiceRef {
		crate::benchmarking::confirmed_invoice::<T>(seller, buyer, amount)
	}
}

/// Invoices under the one freeze of `regchain-primitives` (the tax bureau's audit: a frozen
/// invoice is neither claimed, pledged nor reversed); a freeze and its lifting are changes of
/// the invoice's history. Its [`RecordRef`](regchain_primitives::RecordRef) id is the issuer
/// in the high 32 bits and the sequence number in the low 32.
impl<T: Config> FreezeDomain for Pallet<T> {
	const DOMAIN: regchain_primitives::ClaimDomain = crate::INVOICE;
	type Key = InvoiceRef;
	type Map = FrozenInvoices<T>;
	type Error = Error<T>;
	type Clock = T::UnixTime;

	fn subject(id: InvoiceRef) -> Result<OrgId, DispatchError> {
		Self::get(id).map(|_| id.issuer)
	}

	fn ensure_authority(bureau: OrgId, issuer: OrgId) -> DispatchResult {
		Self::ensure_jurisdiction(bureau, issuer)
	}

	fn on_frozen(invoice: InvoiceRef, freeze: &Freeze) -> DispatchResult {
		Self::record(invoice, Change::Frozen, Self::owed(&Self::get(invoice)?))?;
		Self::deposit_event(Event::Frozen { invoice, by: freeze.by, reason: freeze.reason });
		Ok(())
	}

	fn on_unfrozen(invoice: InvoiceRef, by: OrgId) -> DispatchResult {
		Self::record(invoice, Change::Unfrozen, Self::owed(&Self::get(invoice)?))?;
		Self::deposit_event(Event::Unfrozen { invoice, by });
		Ok(())
	}
}
