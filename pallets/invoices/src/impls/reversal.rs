//! Red-letter reversal: request, the buyer's answer, lapse.

use super::*;

impl<T: Config> Pallet<T> {
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
	pub(crate) fn take_effect(
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
	pub(crate) fn reversal_lapsed(red: InvoiceRef) -> bool {
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
}
