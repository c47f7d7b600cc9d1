//! Queries the runtime API serves.

use super::*;

impl<T: Config> Pallet<T> {
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
}

impl<T: Config> Pallet<T> {
	/// What `issuer` invoiced in `period`, net of tax: its blue invoices less its red ones that
	/// took effect in the period (`RecordSet::InvoicedAbove` of a random inspection).
	pub fn invoiced(issuer: OrgId, period: Period) -> Fen {
		let totals = Totals::<T>::get(issuer, period);
		totals.output.net.saturating_sub(totals.output_credit.net)
	}
}
