//! The buyer's answer — receipt confirmed or rejected — and its use confirmation.

use super::*;

impl<T: Config> Pallet<T> {
	/// The blue invoice `id`, if `buyer` is its buyer and it still awaits the buyer's answer.
	pub(crate) fn awaiting_answer(
		buyer: OrgId,
		id: InvoiceRef,
	) -> Result<InvoiceOf<T>, DispatchError> {
		let invoice = Self::get(id)?;
		Self::ensure_buyer(&invoice, buyer)?;
		ensure!(
			invoice.kind == InvoiceKind::Blue && invoice.status == InvoiceStatus::Issued,
			Error::<T>::NotAwaitingBuyer
		);
		Ok(invoice)
	}

	/// The buyer confirms receipt of an invoice; nothing is counted yet.
	pub(crate) fn do_confirm(buyer: OrgId, id: InvoiceRef) -> DispatchResult {
		let mut invoice = Self::awaiting_answer(buyer, id)?;
		Self::record(id, Change::Confirmed, 1)?;
		invoice.status = InvoiceStatus::Confirmed;
		IssuedInvoices::<T>::insert(id.issuer, id.seq, invoice);
		Self::deposit_event(Event::InvoiceConfirmed { invoice: id });
		Ok(())
	}

	/// The buyer confirms its use of a special invoice received: it counts in the column of
	/// that use of the buyer's input this period.
	pub(crate) fn do_confirm_use(
		buyer: OrgId,
		id: InvoiceRef,
		input_use: InputUse,
	) -> DispatchResult {
		let mut invoice = Self::get(id)?;
		Self::ensure_buyer(&invoice, buyer)?;
		ensure!(invoice.invoice_type == InvoiceType::Special, Error::<T>::NotSpecial);
		ensure!(
			invoice.kind == InvoiceKind::Blue && invoice.status == InvoiceStatus::Confirmed,
			Error::<T>::NotReceived
		);
		ensure!(invoice.input_use.is_none(), Error::<T>::UseAlreadyConfirmed);
		ensure!(invoice.abnormal.is_none(), Error::<T>::Abnormal);
		Self::ensure_no_request(id)?;
		let period = Self::current_period();
		let mut totals = Totals::<T>::get(buyer, period);
		let column = Column::Input(InputColumn::Use(input_use));
		// What red invoices took off it before is not the buyer's to count.
		Self::count(&mut totals, column, &Self::remaining_now(id, &invoice)?, true)?;
		Self::record(id, Change::UseConfirmed(input_use), 1)?;
		Totals::<T>::insert(buyer, period, totals);
		invoice.input_use = Some(input_use);
		invoice.buyer_period = Some(period);
		IssuedInvoices::<T>::insert(id.issuer, id.seq, invoice);
		Self::deposit_event(Event::UseConfirmed { invoice: id, input_use, period });
		Ok(())
	}

	/// The buyer rejects an invoice, with the hash of its reasons.
	pub(crate) fn do_reject(buyer: OrgId, id: InvoiceRef, reason: H256) -> DispatchResult {
		let mut invoice = Self::awaiting_answer(buyer, id)?;
		Self::record(id, Change::Rejected, 1)?;
		invoice.status = InvoiceStatus::Rejected { reason };
		IssuedInvoices::<T>::insert(id.issuer, id.seq, invoice);
		Self::deposit_event(Event::InvoiceRejected { invoice: id, reason });
		Ok(())
	}
}
