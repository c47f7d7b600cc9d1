//! The tax bureau's freeze and voiding.

use super::*;

impl<T: Config> Pallet<T> {
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
