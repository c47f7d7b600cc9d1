//! The stored records: issuers' limits, buyers, invoices, chains, totals and histories.

use super::{Lines, Period, MAX_HISTORY};
use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use frame_support::{pallet_prelude::ConstU32, BoundedVec};
use regchain_primitives::{time::Moment, Claim, CreditCode, Fen, InvoiceRef, OrgId};
use scale_info::TypeInfo;
use sp_core::H256;

/// What a taxpayer may invoice, set by the tax bureau; amounts are gross (tax included).
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	Debug,
)]
pub struct IssuerLimits {
	/// The largest gross amount of one invoice (单张限额), in fen.
	pub per_invoice: Fen,
	/// The largest gross amount invoiced in one tax period (月度限额), in fen.
	pub per_month: Fen,
}

impl IssuerLimits {
	/// Limits are usable when one invoice can be issued and fits the month.
	pub fn is_valid(&self) -> bool {
		self.per_invoice > 0 && self.per_invoice <= self.per_month
	}
}

/// Who buys: a member organization, which then confirms, rejects and reimburses on chain, or
/// an outside taxpayer known only by its credit code.
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	Debug,
)]
pub enum Buyer {
	/// An active member organization.
	Member(OrgId),
	/// A taxpayer outside the consortium. A code that belongs to an active member is recorded
	/// as that member instead.
	External(CreditCode),
}

/// A normal (blue) invoice, or a red one that cancels a blue one of the same seller in full.
/// Partial credit notes are not supported: a partly wrong invoice is reversed and reissued.
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	Debug,
)]
pub enum InvoiceKind {
	/// A normal invoice.
	Blue,
	/// A red-letter invoice (红字发票) reversing the seller's invoice number `original`.
	Red {
		/// The sequence number of the reversed invoice.
		original: u32,
	},
}

/// Where an invoice stands. Blue invoices move among the first six, red ones among the last
/// three.
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	Debug,
)]
pub enum InvoiceStatus {
	/// Issued, not yet confirmed by the buyer. Invoices to outside buyers stay here.
	Issued,
	/// The buyer confirmed receipt; its input tax counts in the period of confirmation.
	Confirmed,
	/// The buyer rejected it; the seller is expected to reverse it.
	Rejected {
		/// Hash of the buyer's reason.
		reason: H256,
	},
	/// A red invoice reversing it awaits the buyer's confirmation.
	ReversalPending {
		/// The red invoice's sequence number.
		red: u32,
	},
	/// Cancelled by a red invoice.
	Reversed {
		/// The red invoice's sequence number.
		red: u32,
	},
	/// Voided by the tax bureau; it counts in no totals.
	Voided {
		/// Hash of the tax bureau's reason.
		reason: H256,
	},
	/// Red: awaiting the buyer's confirmation (红字信息确认单).
	AwaitingBuyer,
	/// Red: in force; the original is reversed. It reduces the seller's output tax (and the
	/// buyer's input tax, if the buyer had confirmed the original) in `period`.
	Effective {
		/// The tax period the reversal took effect in.
		period: Period,
	},
	/// Red: refused by the buyer; the original stands.
	Refused {
		/// Hash of the buyer's reason.
		reason: H256,
	},
	/// Red: the buyer did not answer in time; the original stands.
	Lapsed,
}

/// An invoice. Its `content_hash` covers everything the seller stated and the chain computed —
/// issuer, number, kind, buyer, lines, totals, document, the previous invoice's hash, block
/// and period ([`Invoice::compute_hash`]) — but not the fields that change later. (Not named
/// `hash`: Polkadot.js gives every decoded value a `.hash` of its own encoding.)
#[derive(
	Clone, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, Debug,
)]
pub struct Invoice<BlockNumber> {
	/// Blue or red.
	pub kind: InvoiceKind,
	/// The buyer.
	pub buyer: Buyer,
	/// The lines; empty for a red invoice, which reverses all of its original's.
	pub lines: Lines,
	/// Sum of the lines' net amounts, in fen.
	pub net: Fen,
	/// Sum of the lines' tax, in fen.
	pub tax: Fen,
	/// Hash of the full invoice document (PDF / OFD), kept off chain.
	pub document: H256,
	/// Hash of the seller's previous invoice (zero for the first): the chain that makes a
	/// missing or altered invoice detectable.
	pub prev_hash: H256,
	/// This invoice's hash ([`compute_hash`](Invoice::compute_hash)).
	pub content_hash: H256,
	/// The block of issue. A block number, not a date: it is part of the hash chain, which
	/// anchors the invoice in the ledger; the date of issue is the first history entry's.
	pub issued_at: BlockNumber,
	/// The tax period of issue.
	pub period: Period,
	/// Where it stands.
	pub status: InvoiceStatus,
	/// The period the buyer's input tax was counted in: the period of the buyer's confirmation
	/// for a blue invoice, of the reversal for a red one that reduces it.
	pub buyer_period: Option<Period>,
	/// What it justified, once; it can justify nothing else.
	pub claim: Option<Claim>,
}

impl<BlockNumber: Encode> Invoice<BlockNumber> {
	/// The hash anyone can recompute from the stored fields to verify an issuer's sequence:
	/// BLAKE2-256 of the SCALE encoding of `(b"regchain/invoice", issuer, seq, kind, buyer,
	/// lines, net, tax, document, prev_hash, issued_at, period)`.
	pub fn compute_hash(&self, issuer: OrgId, seq: u32) -> H256 {
		let preimage = (
			b"regchain/invoice",
			issuer,
			seq,
			&self.kind,
			&self.buyer,
			&self.lines,
			self.net,
			self.tax,
			&self.document,
			&self.prev_hash,
			&self.issued_at,
			self.period,
		);
		H256(preimage.using_encoded(sp_io::hashing::blake2_256))
	}

	/// The gross amount, tax included.
	pub fn gross(&self) -> Option<Fen> {
		self.net.checked_add(self.tax)
	}

	/// Whether it is a blue invoice that still counts: not voided, reversed or being reversed.
	pub fn is_valid_blue(&self) -> bool {
		self.kind == InvoiceKind::Blue
			&& matches!(
				self.status,
				InvoiceStatus::Issued | InvoiceStatus::Confirmed | InvoiceStatus::Rejected { .. }
			)
	}
}

/// The head of an issuer's chain of invoices.
#[derive(
	Clone,
	Copy,
	Default,
	PartialEq,
	Eq,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	Debug,
)]
pub struct ChainHead {
	/// The number the next invoice gets; also how many the issuer has issued (0-based, gap
	/// free).
	pub next_seq: u32,
	/// The hash of the last invoice (zero before the first).
	pub last_hash: H256,
}

/// A count of invoices and their amounts.
#[derive(
	Clone,
	Copy,
	Default,
	PartialEq,
	Eq,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	Debug,
)]
pub struct Sum {
	/// How many invoices.
	pub count: u32,
	/// Their net amounts, in fen.
	pub net: Fen,
	/// Their tax, in fen.
	pub tax: Fen,
}

impl Sum {
	/// Adds one invoice; `None` on overflow.
	pub fn add(&mut self, net: Fen, tax: Fen) -> Option<()> {
		*self = Sum {
			count: self.count.checked_add(1)?,
			net: self.net.checked_add(net)?,
			tax: self.tax.checked_add(tax)?,
		};
		Some(())
	}

	/// Takes one invoice out; `None` if it was not in.
	pub fn remove(&mut self, net: Fen, tax: Fen) -> Option<()> {
		*self = Sum {
			count: self.count.checked_sub(1)?,
			net: self.net.checked_sub(net)?,
			tax: self.tax.checked_sub(tax)?,
		};
		Some(())
	}

	/// Net plus tax.
	pub fn gross(&self) -> Option<Fen> {
		self.net.checked_add(self.tax)
	}
}

/// A taxpayer's totals for one period, kept as invoices come and go. Output tax due is
/// `output.tax − output_credit.tax`, deductible input tax `input.tax − input_credit.tax`.
#[derive(
	Clone,
	Copy,
	Default,
	PartialEq,
	Eq,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	Debug,
)]
pub struct PeriodTotals {
	/// Blue invoices it issued in the period, unless voided.
	pub output: Sum,
	/// Red invoices of its own that took effect in the period.
	pub output_credit: Sum,
	/// Blue invoices it confirmed as buyer in the period, unless voided.
	pub input: Sum,
	/// Red invoices that took effect in the period against invoices it had confirmed.
	pub input_credit: Sum,
}

/// A change in an invoice's life, as kept in its history.
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	Debug,
)]
pub enum Change {
	/// Issued (blue or red).
	Issued,
	/// Confirmed by the buyer.
	Confirmed,
	/// Rejected by the buyer.
	Rejected,
	/// The seller issued red invoice `red` against it, awaiting the buyer.
	ReversalRequested {
		/// The red invoice.
		red: u32,
	},
	/// The buyer refused the reversal by red invoice `red`.
	ReversalRefused {
		/// The red invoice.
		red: u32,
	},
	/// Reversed (on a blue invoice: by red invoice `red`; on a red one: it took effect).
	Reversed {
		/// The red invoice.
		red: u32,
	},
	/// Claimed as a reimbursement or a fund expense.
	Claimed(Claim),
	/// Frozen by the tax bureau for audit (the one freeze).
	Frozen,
	/// The freeze was lifted.
	Unfrozen,
	/// Voided by the tax bureau.
	Voided,
	/// The reversal by red invoice `red` lapsed unanswered.
	ReversalLapsed {
		/// The red invoice.
		red: u32,
	},
}

/// One entry of an invoice's history.
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	Debug,
)]
pub struct HistoryEntry<Time> {
	/// When it changed (the first entry's is the invoice's date of issue).
	pub at: Time,
	/// What changed.
	pub change: Change,
}

/// An invoice's history, oldest first.
pub type History<Time> = BoundedVec<HistoryEntry<Time>, ConstU32<MAX_HISTORY>>;

/// What anyone holding a printed invoice learns by checking it (its QR code carries the
/// issuer's credit code, the number and the content hash): whether the chain holds an invoice
/// with that number and hash, and where it stands — only what is printed on the invoice plus
/// its status, never the buyer's other invoices or the issuer's chain.
#[derive(Clone, PartialEq, Eq, Encode, Decode, TypeInfo, Debug)]
pub struct InvoiceCheck {
	/// Blue or red.
	pub kind: InvoiceKind,
	/// Where it stands: a reversed or rejected invoice is no longer valid.
	pub status: InvoiceStatus,
	/// Net amount, in fen, to compare with the printed one.
	pub net: Fen,
	/// Tax, in fen.
	pub tax: Fen,
	/// The tax period of issue.
	pub period: Period,
	/// The date of issue (on-chain time).
	pub issued_on: Moment,
}

/// An invoice with its number and history, as the runtime API returns it.
#[derive(Clone, PartialEq, Eq, Encode, Decode, TypeInfo, Debug)]
pub struct InvoiceRecord<BlockNumber> {
	/// Its number.
	pub id: InvoiceRef,
	/// The invoice.
	pub invoice: Invoice<BlockNumber>,
	/// Its history, oldest first.
	pub history: History<Moment>,
	/// The tax bureau's freeze while it audits the invoice.
	pub frozen: Option<regchain_primitives::Freeze>,
}
