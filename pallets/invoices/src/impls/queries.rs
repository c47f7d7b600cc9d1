//! Queries the runtime API serves.

use super::*;

impl<T: Config> Pallet<T> {
	/// Runtime API: an invoice with its history.
	pub fn invoice_record(
		id: InvoiceRef,
	) -> Option<InvoiceRecord<BlockNumberFor<T>, T::AccountId>> {
		IssuedInvoices::<T>::get(id.issuer, id.seq).map(|invoice| InvoiceRecord {
			id,
			invoice,
			history: InvoiceHistory::<T>::get(id.issuer, id.seq),
			frozen: FrozenInvoices::<T>::get(id),
			request: RedRequests::<T>::get(id.issuer, id.seq),
			reduced: Reduced::<T>::get(id.issuer, id.seq),
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
			invoice_type: invoice.invoice_type,
			status: invoice.status,
			abnormal: invoice.abnormal.is_some(),
			net: invoice.net,
			tax: invoice.tax,
			period: invoice.period,
			issued_on: Self::issued_on(issuer, seq),
		})
	}

	/// The chain's genesis hash: the ledger a printed invoice names.
	fn genesis() -> H256 {
		let hash = frame_system::BlockHash::<T>::get(BlockNumberFor::<T>::zero());
		let bytes: &[u8] = hash.as_ref();
		if bytes.len() == 32 {
			H256::from_slice(bytes)
		} else {
			H256(sp_io::hashing::blake2_256(bytes))
		}
	}

	/// The date of issue of invoice `seq` of `issuer`: its history's first entry.
	fn issued_on(issuer: OrgId, seq: u32) -> Moment {
		InvoiceHistory::<T>::get(issuer, seq).first().map(|e| e.at).unwrap_or(0)
	}

	/// Runtime API: the invoice as printed — its parties' credit codes, date, chain and QR
	/// payload — if it exists and its issuer has a credit code.
	pub fn printed(id: InvoiceRef) -> Option<PrintedInvoice<InvoiceOf<T>>> {
		let invoice = IssuedInvoices::<T>::get(id.issuer, id.seq)?;
		let seller = T::Membership::credit_code(id.issuer)?;
		let buyer = match invoice.buyer {
			Buyer::Member(org) => T::Membership::credit_code(org),
			Buyer::External(code) => Some(code),
			Buyer::Person { .. } => None,
		};
		let date = date_of(Self::issued_on(id.issuer, id.seq));
		let chain = Self::genesis();
		let qr = QrPayload {
			chain,
			seller,
			seq: id.seq,
			invoice_type: invoice.invoice_type,
			red: invoice.kind != InvoiceKind::Blue,
			net: invoice.net,
			tax: invoice.tax,
			date,
			content_hash: invoice.content_hash,
		}
		.to_text();
		let (seller, buyer) = (code_text(&seller), buyer.as_ref().map(code_text));
		Some(PrintedInvoice { chain, id, seller, buyer, date, invoice, qr })
	}

	/// Runtime API: the public check of a printed invoice's QR payload, its issuer resolved by
	/// the runtime from the payload's credit code to `issuer`: the invoice's state if this
	/// chain holds invoice `seq` of `issuer` with the payload's hash, and every other field of
	/// the payload (type, kind, amounts, date) is the invoice's; `None` otherwise.
	pub fn check_printed(issuer: OrgId, payload: &QrPayload) -> Option<InvoiceCheck> {
		if payload.chain != Self::genesis() {
			return None;
		}
		let check = Self::check(issuer, payload.seq, payload.content_hash)?;
		let same = check.invoice_type == payload.invoice_type
			&& (check.kind != InvoiceKind::Blue) == payload.red
			&& (check.net, check.tax) == (payload.net, payload.tax)
			&& date_of(check.issued_on) == payload.date;
		same.then_some(check)
	}

	/// Runtime API: up to `limit` (at most [`paging::QUERY_LIMIT`]) invoices of `issuer` from number
	/// `from` on.
	pub fn invoices_of(
		issuer: OrgId,
		from: u32,
		limit: u32,
	) -> Vec<InvoiceRecord<BlockNumberFor<T>, T::AccountId>> {
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
	) -> Vec<InvoiceRecord<BlockNumberFor<T>, T::AccountId>> {
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
		Totals::<T>::get(issuer, period).invoiced_net()
	}
}
