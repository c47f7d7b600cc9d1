//! The buyer's answer: confirm or reject.

use super::*;

impl<T: Config> Pallet<T> {
	/// The blue invoice `id`, if `buyer` is its buyer and it still awaits the buyer's answer.
	pub(crate) fn awaiting_answer(
		buyer: OrgId,
		id: InvoiceRef,
	) -> Result<Invoice<BlockNumberFor<T>>, DispatchError> {
		let invoice = Self::get(id)?;
		Self::ensure_buyer(&invoice, buyer)?;
		ensure!(
			invoice.kind == InvoiceKind::Blue && invoice.status == InvoiceStatus::Issued,
			Error::<T>::NotAwaitingBuyer
		);
		Ok(invoice)
	}

	/// The buyer confirms an invoice: it counts as the buyer's input tax of this period.
	pub(crate) fn do_confirm(buyer: OrgId, id: InvoiceRef) -> DispatchResult {
		let mut invoice = Self::awaiting_answer(buyer, id)?;
		let period = Self::current_period();
		let mut totals = Totals::<T>::get(buyer, period);
		totals.input.add(invoice.net, invoice.tax).ok_or(Error::<T>::Overflow)?;
		Self::record(id, Change::Confirmed, 1)?;
		Totals::<T>::insert(buyer, period, totals);
		invoice.status = InvoiceStatus::Confirmed;
		invoice.buyer_period = Some(period);
		IssuedInvoices::<T>::insert(id.issuer, id.seq, invoice);
		Self::deposit_event(Event::InvoiceConfirmed { invoice: id });
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
