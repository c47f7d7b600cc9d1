//! The tax bureau's freeze, voiding and abnormal invoices.

use super::*;

impl<T: Config> Pallet<T> {
	pub(crate) fn do_freeze(bureau: OrgId, id: InvoiceRef, reason: H256) -> DispatchResult {
		Freezes::<Self>::freeze(bureau, id, reason).map(|_| ())
	}

	pub(crate) fn do_unfreeze(bureau: OrgId, id: InvoiceRef) -> DispatchResult {
		Freezes::<Self>::unfreeze(bureau, id).map(|_| ())
	}

	/// Voids an invoice of the current period its buyer has not used: only the seller's output
	/// of this period changes, which nobody has filed yet.
	pub(crate) fn do_void(id: InvoiceRef, reason: H256) -> DispatchResult {
		let mut invoice = Self::get(id)?;
		// A red invoice in force or requested against it has its own period and counts.
		ensure!(
			invoice.is_valid_blue()
				&& invoice.input_use.is_none()
				&& invoice.period == Self::current_period()
				&& !Reduced::<T>::contains_key(id.issuer, id.seq)
				&& !RedRequests::<T>::contains_key(id.issuer, id.seq),
			Error::<T>::NotVoidable
		);
		let mut seller_totals = Totals::<T>::get(id.issuer, invoice.period);
		let column = Column::Output { invoice_type: invoice.invoice_type, red: false };
		Self::count(&mut seller_totals, column, &Self::amounts(&invoice.lines)?, false)?;
		Self::record(id, Change::Voided, 0)?;
		Totals::<T>::insert(id.issuer, invoice.period, seller_totals);
		invoice.status = InvoiceStatus::Voided { reason };
		IssuedInvoices::<T>::insert(id.issuer, id.seq, invoice);
		Self::deposit_event(Event::InvoiceVoided { invoice: id, reason });
		Ok(())
	}
}

impl<T: Config> Pallet<T> {
	/// The tax bureau finds an invoice abnormal: a deducted one's input leaves the buyer's
	/// input of this period (a transfer out), the periods filed stay as they are.
	pub(crate) fn do_mark_abnormal(bureau: OrgId, id: InvoiceRef, reason: H256) -> DispatchResult {
		let mut invoice = Self::get(id)?;
		ensure!(invoice.is_valid_blue(), Error::<T>::NotValid);
		ensure!(invoice.abnormal.is_none(), Error::<T>::AlreadyAbnormal);
		let transferred = invoice.is_deducted();
		let column = Column::Input(InputColumn::TransferredOut);
		let buyer_totals = Self::buyer_transfer(id, &invoice, transferred, column)?;
		Self::record(id, Change::MarkedAbnormal { transferred }, Self::owed(id))?;
		if let Some((buyer, period, totals)) = buyer_totals {
			Totals::<T>::insert(buyer, period, totals);
		}
		invoice.abnormal = Some(Abnormal { reason, transferred });
		IssuedInvoices::<T>::insert(id.issuer, id.seq, invoice);
		Self::deposit_event(Event::MarkedAbnormal { invoice: id, by: bureau, reason, transferred });
		Ok(())
	}

	/// The tax bureau clears an abnormal invoice: input transferred out counts again this
	/// period.
	pub(crate) fn do_clear_abnormal(bureau: OrgId, id: InvoiceRef) -> DispatchResult {
		let mut invoice = Self::get(id)?;
		let abnormal = invoice.abnormal.ok_or(Error::<T>::NotAbnormal)?;
		let restored = abnormal.transferred;
		let column = Column::Input(InputColumn::Restored);
		let buyer_totals = Self::buyer_transfer(id, &invoice, restored, column)?;
		Self::record(id, Change::AbnormalCleared { restored }, Self::owed(id))?;
		if let Some((buyer, period, totals)) = buyer_totals {
			Totals::<T>::insert(buyer, period, totals);
		}
		invoice.abnormal = None;
		IssuedInvoices::<T>::insert(id.issuer, id.seq, invoice);
		Self::deposit_event(Event::AbnormalCleared { invoice: id, by: bureau, restored });
		Ok(())
	}

	/// The buyer's totals of this period with what remains of the invoice counted in
	/// `column`, if `moves`.
	fn buyer_transfer(
		id: InvoiceRef,
		invoice: &InvoiceOf<T>,
		moves: bool,
		column: Column,
	) -> Result<Option<(OrgId, Period, PeriodTotals)>, DispatchError> {
		let (true, Some(buyer)) = (moves, invoice.member_buyer()) else { return Ok(None) };
		let period = Self::current_period();
		let mut totals = Totals::<T>::get(buyer, period);
		Self::count(&mut totals, column, &Self::remaining_now(id, invoice)?, true)?;
		Ok(Some((buyer, period, totals)))
	}
}

/// Invoices under the one freeze of `regchain-primitives` (the tax bureau's audit: a frozen
/// invoice is neither claimed, pledged nor reversed); a freeze and its lifting are changes of
/// the invoice's history. Its [`RecordRef`](regchain_primitives::RecordRef) id is the issuer
/// in the high 32 bits and the sequence number in the low 32.
impl<T: Config> FreezeDomain for Pallet<T> {
	const DOMAIN: regchain_primitives::ClaimDomain = crate::INVOICE;
	const SUPERVISION: regchain_primitives::Domain = regchain_primitives::Domain::Invoices;
	type Key = InvoiceRef;
	type Map = FrozenInvoices<T>;
	type Error = Error<T>;
	type Clock = T::UnixTime;

	fn subject(id: InvoiceRef) -> Result<OrgId, DispatchError> {
		Self::get(id).map(|_| id.issuer)
	}

	fn ensure_authority(bureau: OrgId, issuer: OrgId) -> DispatchResult {
		Ok(T::Membership::ensure_jurisdiction(bureau, issuer).map_err(Error::<T>::from)?)
	}

	fn on_frozen(invoice: InvoiceRef, freeze: &Freeze) -> DispatchResult {
		Self::record(invoice, Change::Frozen, Self::owed(invoice))?;
		Self::deposit_event(Event::Frozen { invoice, by: freeze.by, reason: freeze.reason });
		Ok(())
	}

	fn on_unfrozen(invoice: InvoiceRef, by: OrgId) -> DispatchResult {
		Self::record(invoice, Change::Unfrozen, Self::owed(invoice))?;
		Self::deposit_event(Event::Unfrozen { invoice, by });
		Ok(())
	}
}
