//! Invoices claimed by other domains (reimbursement, fund expenses, receivables), through `InvoiceClaims`.

use super::*;

impl<T: Config> Pallet<T> {
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
		ensure!(invoice.abnormal.is_none(), Error::<T>::Abnormal);
		Freezes::<Self>::ensure_not_frozen(id)?;
		Self::ensure_no_request(id)?;
		// What red invoices took off it is no longer the buyer's to claim.
		let done = Reduced::<T>::get(id.issuer, id.seq).unwrap_or_default();
		let gross = invoice.gross().and_then(|g| gross_after(g, &done));
		let gross = gross.ok_or(Error::<T>::Overflow)?;
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
		ensure!(invoice.abnormal.is_none(), Error::<T>::Abnormal);
		Freezes::<Self>::ensure_not_frozen(id)?;
		Self::ensure_no_request(id)?;
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
