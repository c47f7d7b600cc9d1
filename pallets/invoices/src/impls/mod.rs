//! What the calls do, the claim lock shared with the special funds, the queries of the runtime
//! API, and the storage invariants.
//!
//! One file per call family, as `tests/` is: `buyer`, `claims`, `invariants`, `issue`, `issuers`,
//! `queries`, `reversal`, `supervision`, and `totals`, the counting rules of the VAT return.

mod buyer;
mod claims;
mod invariants;
mod issue;
mod issuers;
mod queries;
mod reversal;
mod supervision;
mod totals;

pub(crate) use reversal::Answerer;

use crate::{pallet::*, types::*, InvoiceOf};
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

	pub(crate) fn get(id: InvoiceRef) -> Result<InvoiceOf<T>, DispatchError> {
		Ok(IssuedInvoices::<T>::get(id.issuer, id.seq).ok_or(Error::<T>::InvoiceNotFound)?)
	}

	/// Places a change to invoice `id` must leave free: two while a red-letter request awaits
	/// an answer (the answer and the final change), one otherwise.
	pub(crate) fn owed(id: InvoiceRef) -> usize {
		if RedRequests::<T>::contains_key(id.issuer, id.seq) {
			2
		} else {
			1
		}
	}

	/// Fails with `RequestPending` while a red-letter request locks invoice `id`.
	pub(crate) fn ensure_no_request(id: InvoiceRef) -> DispatchResult {
		ensure!(!RedRequests::<T>::contains_key(id.issuer, id.seq), Error::<T>::RequestPending);
		Ok(())
	}

	pub(crate) fn ensure_buyer(invoice: &InvoiceOf<T>, org: OrgId) -> DispatchResult {
		ensure!(invoice.buyer == Buyer::Member(org), Error::<T>::NotBuyer);
		Ok(())
	}

	/// Records `change` in an invoice's history, leaving `keep` places free after it for the
	/// changes a party is owed: a final change (reversal, voiding) keeps none, every other
	/// change keeps one for a final change, and while a red-letter request awaits an answer,
	/// two — the answer and the final change. So an answer always fits, whatever happened
	/// before; only new requests (a reversal, a flag) run out of room, with `HistoryFull`.
	pub(crate) fn record(id: InvoiceRef, change: Change, keep: usize) -> DispatchResult {
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
}
