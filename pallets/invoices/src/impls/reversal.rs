//! Red-letter reversal: request, the buyer's answer, lapse.

use super::*;

/// A red invoice awaiting its buyer: the original's reference, the original, the red invoice.
type Pending<T> = (InvoiceRef, InvoiceOf<T>, InvoiceOf<T>);

impl<T: Config> Pallet<T> {
	pub(crate) fn do_reverse(
		(clerk, seller): (T::AccountId, OrgId),
		id: InvoiceRef,
		document: H256,
	) -> DispatchResult {
		ensure!(id.issuer == seller, Error::<T>::NotIssuer);
		let mut original = Self::get(id)?;
		ensure!(original.is_valid_blue(), Error::<T>::NotReversible);
		ensure!(original.claim.is_none(), Error::<T>::AlreadyClaimed);
		ensure!(!ReceivableClaims::<T>::contains_key(id), Error::<T>::AlreadyClaimed);
		ensure!(original.abnormal.is_none(), Error::<T>::Abnormal);
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
			(clerk, seller),
			(kind, original.invoice_type),
			original.buyer,
			Lines::new(),
			(original.net, original.tax),
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
	/// seller's output (and the buyer's input, if it had deducted the original) this period.
	pub(crate) fn take_effect(
		id: InvoiceRef,
		mut original: InvoiceOf<T>,
		red_id: InvoiceRef,
		mut red: InvoiceOf<T>,
	) -> DispatchResult {
		let period = Self::current_period();
		let mut seller_totals = Totals::<T>::get(id.issuer, period);
		let column = Column::Output { invoice_type: original.invoice_type, red: true };
		Self::count(&mut seller_totals, column, &original.lines, true)?;
		let buyer_totals = match (original.is_deducted(), original.member_buyer()) {
			(true, Some(buyer)) => {
				let mut totals = Totals::<T>::get(buyer, period);
				let column = Column::Input(InputColumn::Red);
				Self::count(&mut totals, column, &original.lines, true)?;
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

	/// Red invoice `red` awaiting its buyer's answer, with the original it would reverse; the
	/// deadline is not checked (the buyer's answers and the lapse differ on it).
	fn awaiting_buyer(red_id: InvoiceRef, red: InvoiceOf<T>) -> Result<Pending<T>, DispatchError> {
		let InvoiceKind::Red { original: seq } = red.kind else {
			return Err(Error::<T>::NotAwaitingReversal.into());
		};
		ensure!(red.status == InvoiceStatus::AwaitingBuyer, Error::<T>::NotAwaitingReversal);
		let id = InvoiceRef { issuer: red_id.issuer, seq };
		Ok((id, Self::get(id)?, red))
	}

	/// The buyer's answer is due: `buyer` is the red invoice's buyer and its time has not run out.
	fn answerable(buyer: OrgId, red_id: InvoiceRef) -> Result<Pending<T>, DispatchError> {
		let red = Self::get(red_id)?;
		Self::ensure_buyer(&red, buyer)?;
		let pending = Self::awaiting_buyer(red_id, red)?;
		ensure!(!Self::reversal_lapsed(red_id), Error::<T>::ReversalLapsed);
		Ok(pending)
	}

	/// The reversal ends without effect (refused or lapsed): the original stands, confirmed; the
	/// red invoice keeps its number with `status`, and both histories say why.
	fn keep_original(
		(id, mut original, mut red): Pending<T>,
		red_id: InvoiceRef,
		change: Change,
		status: InvoiceStatus,
	) -> DispatchResult {
		Self::record(id, change.clone(), 1)?;
		Self::record(red_id, change, 0)?;
		ReversalDeadlines::<T>::remove(red_id.issuer, red_id.seq);
		original.status = InvoiceStatus::Confirmed;
		red.status = status;
		IssuedInvoices::<T>::insert(id.issuer, id.seq, original);
		IssuedInvoices::<T>::insert(red_id.issuer, red_id.seq, red);
		Ok(())
	}

	/// The buyer confirms a red invoice awaiting it: the original is reversed.
	pub(crate) fn do_confirm_reversal(buyer: OrgId, red_id: InvoiceRef) -> DispatchResult {
		let (id, original, red) = Self::answerable(buyer, red_id)?;
		// The tax bureau audits the original: no reversal may take it out of reach.
		Freezes::<Self>::ensure_not_frozen(id)?;
		ReversalDeadlines::<T>::remove(red_id.issuer, red_id.seq);
		Self::take_effect(id, original, red_id, red)
	}

	/// The buyer refuses a red invoice awaiting it, for `reason`.
	pub(crate) fn do_refuse_reversal(
		buyer: OrgId,
		red_id: InvoiceRef,
		reason: H256,
	) -> DispatchResult {
		let (id, original, red) = Self::answerable(buyer, red_id)?;
		let change = Change::ReversalRefused { red: red_id.seq };
		Self::keep_original(
			(id, original, red),
			red_id,
			change,
			InvoiceStatus::Refused { reason },
		)?;
		Self::deposit_event(Event::ReversalRefused { red: red_id, reason });
		Ok(())
	}

	/// Whether the buyer's time to answer red invoice `red` is over (its deadline reached).
	pub(crate) fn reversal_lapsed(red: InvoiceRef) -> bool {
		ReversalDeadlines::<T>::get(red.issuer, red.seq)
			.is_some_and(|deadline| Self::now() >= deadline)
	}

	/// A reversal unanswered past its deadline lapses: the original stands, confirmed.
	pub(crate) fn do_lapse_reversal(red_id: InvoiceRef) -> DispatchResult {
		let (id, original, red) = Self::awaiting_buyer(red_id, Self::get(red_id)?)?;
		ensure!(Self::reversal_lapsed(red_id), Error::<T>::ReversalNotDue);
		let change = Change::ReversalLapsed { red: red_id.seq };
		Self::keep_original((id, original, red), red_id, change, InvoiceStatus::Lapsed)?;
		Self::deposit_event(Event::ReversalLapsed { red: red_id });
		Ok(())
	}
}
