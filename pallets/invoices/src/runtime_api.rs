//! The invoices' runtime API: what front-ends and the tax bureau read without scanning
//! storage themselves. Served by every node through `state_call`; Polkadot.js exposes it as
//! `api.call.invoicesApi.*` from the runtime metadata.

use crate::types::{
	ChainHead, Invoice, InvoiceCheck, InvoiceRecord, Period, PeriodTotals, PrintedInvoice,
};
use alloc::vec::Vec;
use codec::Codec;
use regchain_primitives::{InvoiceRef, OrgId};
use sp_core::H256;

sp_api::decl_runtime_apis! {
	/// Queries over the invoices pallet. Version 2: history entries are dated in on-chain time
	/// (an invoice's block of issue stays a block number). Version 3 adds `verify`, the public
	/// check of a printed invoice. Version 4 adds `issued_in`, an issuer's invoices by tax
	/// period. Version 5: an invoice's record carries its freeze (the audit flag's place) and
	/// `frozen` lists the frozen invoices. Version 6: invoices carry their type, their buyer's
	/// use and the tax bureau's abnormal finding, the public check their type and the
	/// finding; period totals hold a row a VAT rate, in the order of the VAT return (output by
	/// invoice type, input by use); `printed` exports an invoice as printed with its QR payload
	/// and `verify_printed` checks a payload; lines carry their classification code, a price in
	/// millionths of a fen, tax inclusion and discount, invoices their clerk (the account
	/// type is the API's second parameter). Version 7: an invoice's record carries the red-letter
	/// request pending against it and what red invoices took off each of its lines.
	#[api_version(7)]
	pub trait InvoicesApi<BlockNumber, AccountId> where BlockNumber: Codec, AccountId: Codec {
		/// An invoice by number, with its status history.
		fn invoice(id: InvoiceRef) -> Option<InvoiceRecord<BlockNumber, AccountId>>;
		/// Up to `limit` (at most 100) of an issuer's invoices, from number `from` on, with
		/// their histories.
		fn invoices_of(issuer: OrgId, from: u32, limit: u32) -> Vec<InvoiceRecord<BlockNumber, AccountId>>;
		/// Up to `limit` (at most 100) of an issuer's invoices of the tax periods `from` to `to`
		/// (`YYYYMM`, both included), in number order, after number `start_after` (the last of
		/// the previous page), with their histories.
		fn issued_in(
			issuer: OrgId,
			from: Period,
			to: Period,
			start_after: Option<u32>,
			limit: u32,
		) -> Vec<InvoiceRecord<BlockNumber, AccountId>>;
		/// Up to `limit` (at most 100) numbers of the invoices an organization received as
		/// buyer, after `start_after`, to page through them.
		fn received_by(buyer: OrgId, start_after: Option<InvoiceRef>, limit: u32) -> Vec<InvoiceRef>;
		/// A taxpayer's output and input totals for a period (`YYYYMM`), a row a VAT rate in the
		/// order of the VAT return's schedules (13 % first, the exemption last).
		fn period_totals(org: OrgId, period: Period) -> PeriodTotals;
		/// The head of an issuer's chain: how many invoices it issued and the last one's hash.
		fn chain_head(issuer: OrgId) -> ChainHead;
		/// Is this printed invoice genuine? The invoice numbered `seq` of the issuer registered
		/// under `issuer_code` (its credit code, whatever its status now) if its content hash is
		/// `content_hash`; `None` when no invoice has that number and hash (a forged or altered
		/// invoice, or a wrong code).
		fn verify(issuer_code: Vec<u8>, seq: u32, content_hash: H256) -> Option<InvoiceCheck>;
		/// The invoice as printed (the canonical export): the parties' credit codes, the date
		/// of issue, the chain's genesis hash and the QR payload, with the stored invoice.
		fn printed(id: InvoiceRef) -> Option<PrintedInvoice<Invoice<BlockNumber, AccountId>>>;
		/// Is the invoice whose QR code reads `qr` genuine? Its state, if this chain holds an
		/// invoice with the payload's issuer (by credit code, whatever its status now), number
		/// and hash, and type, kind, amounts and date are the invoice's; `None` otherwise (a
		/// forged or altered invoice, another chain's, or a payload that does not read).
		fn verify_printed(qr: Vec<u8>) -> Option<InvoiceCheck>;
		/// Up to `limit` (at most 100) of the invoices frozen for audit, each with its issuer
		/// and its freeze (the record id: the issuer in the high 32 bits, the number in the
		/// low 32), after `start_after`, in storage order.
		fn frozen(start_after: Option<InvoiceRef>, limit: u32) -> Vec<regchain_primitives::FrozenRecord>;
	}
}
