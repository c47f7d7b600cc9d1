//! The stored records: issuers' limits, buyers, invoices, chains, totals and histories.

#[cfg(doc)]
use super::LegacyLine;
use super::{
	Line, Lines, Party, Period, RateAmount, RedRequest, Reductions, TaxRate, MAX_HISTORY,
	MAX_RATE_ROWS,
};
use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use frame_support::{pallet_prelude::ConstU32, BoundedVec};
use regchain_primitives::{time::Moment, Claim, CreditCode, Fen, InvoiceRef, OrgId};
use scale_info::TypeInfo;
use sp_core::H256;

/// What a taxpayer may invoice, set by the tax bureau (授信额度 / 赋额) and adjusted by it at any
/// time, within the month too (a raise counts at once against what the month already used);
/// amounts are net, before VAT, as the tax bureau grants them.
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
	/// The largest net amount of one invoice (单张限额), in fen, if the bureau caps invoices at
	/// all: the fully digitalized invoices have no cap of their own, only the month's.
	pub per_invoice: Option<Fen>,
	/// The largest net amount invoiced in one tax period (月度限额), in fen: blue invoices
	/// issued in the period, unless voided.
	pub per_month: Fen,
}

impl IssuerLimits {
	/// Limits are usable when one invoice can be issued and fits the month.
	pub fn is_valid(&self) -> bool {
		self.per_month > 0 && self.per_invoice.is_none_or(|p| p > 0 && p <= self.per_month)
	}
}

/// Who buys: a member organization, which then confirms, rejects and reimburses on chain, an
/// outside taxpayer known only by its credit code, or a consumer.
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
	/// A natural person (the invoice prints the name "个人"), buying as a consumer: only an
	/// ordinary invoice is issued to a person. No name or identity number is on chain; a buyer
	/// who wants to find its invoices later gives the seller `commitment`, the BLAKE2-256 hash
	/// of a salt it keeps and its identity number, which nobody can reverse without the salt.
	Person {
		/// The buyer's salted commitment, if it gave one.
		commitment: Option<H256>,
	},
}

/// The two VAT invoices of the fully digitalized e-invoice (数电票): only a special invoice's
/// tax is deductible as the buyer's input.
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
pub enum InvoiceType {
	/// 增值税专用发票: issued to a taxpayer (a member or an outside one), whose use
	/// confirmation may deduct its tax.
	Special,
	/// 普通发票: to anyone, consumers included; its tax is never the buyer's input.
	Ordinary,
}

/// What the buyer of a special invoice confirms using it for (用途确认, in the tax period of the
/// confirmation), once: only `Deduct` counts its tax as the buyer's input.
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
pub enum InputUse {
	/// 抵扣: its tax is deducted from the buyer's output tax.
	Deduct,
	/// 不抵扣: not deducted (goods for exempt sales, collective welfare …).
	NotDeduct,
	/// 退税: used for an export tax refund.
	Refund,
}

/// The tax bureau's finding that an invoice is abnormal (异常凭证, 国家税务总局公告2019年第38号):
/// it is neither deducted nor claimed until the bureau clears it.
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
pub struct Abnormal {
	/// Hash of the bureau's finding.
	pub reason: H256,
	/// Whether the buyer had deducted it, so that its input was transferred out (进项转出) in
	/// the period of the finding — and is counted again in the period it is cleared.
	pub transferred: bool,
}

/// What an invoice's content hash covers: invoices keep the preimage they were issued with, so
/// that an upgrade never breaks an issuer's hash chain.
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
pub enum Preimage {
	/// Invoices stored before spec 123 (storage version 4 and before): all special, lines in
	/// their layout then ([`LegacyLine`]), no clerk.
	V1,
	/// Since spec 123: the type follows the kind, the clerk the document.
	V2,
}

/// A normal (blue) invoice, or a red one that reduces a blue one of the same seller, in full
/// or in part.
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
	/// A red-letter invoice (红字发票) reducing the seller's invoice number `original`.
	Red {
		/// The sequence number of the reversed invoice.
		original: u32,
	},
}

/// Where an invoice stands. Blue invoices move among the first six, red ones among the last
/// four.
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
	/// Issued, not yet confirmed by the buyer. Invoices to outside buyers and persons stay here.
	Issued,
	/// The buyer confirmed receipt (a special invoice's use is confirmed apart).
	Confirmed,
	/// The buyer rejected it; the seller is expected to reverse it.
	Rejected {
		/// Hash of the buyer's reason.
		reason: H256,
	},
	/// Before spec 124 only (storage version 5; the v6 migration moved every one to a
	/// [`RedRequest`]): a red invoice reversing it awaited the buyer's confirmation.
	ReversalPending {
		/// The red invoice's sequence number.
		red: u32,
	},
	/// Cancelled by red invoices: nothing of it remains (`red`, the last).
	Reversed {
		/// The red invoice's sequence number.
		red: u32,
	},
	/// Voided by the tax bureau; it counts in no totals.
	Voided {
		/// Hash of the tax bureau's reason.
		reason: H256,
	},
	/// Red, numbered before spec 124 with its request ([`RedRequest::numbered`]): awaiting
	/// the answer. Red invoices are issued in force since.
	AwaitingBuyer,
	/// Red: in force; its lines are taken off the original. It reduces the seller's output tax
	/// (and the buyer's input tax, if the buyer had deducted the original) in `period`.
	Effective {
		/// The tax period the reversal took effect in.
		period: Period,
	},
	/// Red, numbered before spec 124: the request was refused; the original stands.
	Refused {
		/// Hash of the buyer's reason.
		reason: H256,
	},
	/// Red, numbered before spec 124: the request lapsed; the original stands.
	Lapsed,
}

/// An invoice. Its `content_hash` covers everything the seller stated and the chain computed —
/// issuer, number, kind, type, buyer, lines, totals, document, the previous invoice's hash,
/// block and period ([`Invoice::compute_hash`]) — but not the fields that change later. (Not named
/// `hash`: Polkadot.js gives every decoded value a `.hash` of its own encoding.)
#[derive(
	Clone, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, Debug,
)]
pub struct Invoice<BlockNumber, AccountId> {
	/// Blue or red.
	pub kind: InvoiceKind,
	/// Special or ordinary; a red invoice has its original's.
	pub invoice_type: InvoiceType,
	/// The buyer.
	pub buyer: Buyer,
	/// The lines. A red invoice's are what it takes off its original's (positive amounts);
	/// empty for a red invoice of before spec 124, which reversed all of them.
	pub lines: Lines,
	/// Sum of the lines' net amounts, in fen.
	pub net: Fen,
	/// Sum of the lines' tax, in fen.
	pub tax: Fen,
	/// Hash of the full invoice document (PDF / OFD), kept off chain.
	pub document: H256,
	/// The account that issued it (开票人), of the issuer's organization; `None` for invoices
	/// stored before spec 123, which did not record it.
	pub clerk: Option<AccountId>,
	/// Hash of the seller's previous invoice (zero for the first): the chain that makes a
	/// missing or altered invoice detectable.
	pub prev_hash: H256,
	/// This invoice's hash ([`compute_hash`](Invoice::compute_hash)).
	pub content_hash: H256,
	/// What the hash covers.
	pub preimage: Preimage,
	/// The block of issue. A block number, not a date: it is part of the hash chain, which
	/// anchors the invoice in the ledger; the date of issue is the first history entry's.
	pub issued_at: BlockNumber,
	/// The tax period of issue.
	pub period: Period,
	/// Where it stands.
	pub status: InvoiceStatus,
	/// The period the buyer's use of a blue special invoice was confirmed in (`input_use`), or
	/// the period a red invoice reduced the buyer's deducted input in.
	pub buyer_period: Option<Period>,
	/// The buyer's use of a blue special invoice, confirmed once.
	pub input_use: Option<InputUse>,
	/// What it justified, once; it can justify nothing else.
	pub claim: Option<Claim>,
	/// The tax bureau's finding that it is abnormal, until cleared.
	pub abnormal: Option<Abnormal>,
}

impl<BlockNumber: Encode, AccountId: Encode> Invoice<BlockNumber, AccountId> {
	/// The hash anyone can recompute from the stored fields to verify an issuer's sequence:
	/// BLAKE2-256 of the SCALE encoding of
	/// - [`Preimage::V2`]: `(b"regchain/invoice/2", issuer, seq, kind, invoice_type, buyer,
	///   lines, net, tax, document, clerk, prev_hash, issued_at, period)`;
	/// - [`Preimage::V1`] (invoices stored before spec 123): `(b"regchain/invoice", issuer,
	///   seq, kind, buyer, lines in their layout then ([`Line::legacy`]), net, tax, document,
	///   prev_hash, issued_at, period)`.
	pub fn compute_hash(&self, issuer: OrgId, seq: u32) -> H256 {
		let tail = (&self.prev_hash, &self.issued_at, self.period);
		let hash = match self.preimage {
			Preimage::V1 => {
				let lines: alloc::vec::Vec<_> = self.lines.iter().map(Line::legacy).collect();
				let body = (&self.buyer, lines, self.net, self.tax, &self.document);
				(b"regchain/invoice", issuer, seq, &self.kind, body, tail)
					.using_encoded(sp_io::hashing::blake2_256)
			},
			Preimage::V2 => {
				let body = (&self.buyer, &self.lines, self.net, self.tax, &self.document);
				let head = (b"regchain/invoice/2", issuer, seq, &self.kind, &self.invoice_type);
				(head, body, &self.clerk, tail).using_encoded(sp_io::hashing::blake2_256)
			},
		};
		H256(hash)
	}

	/// The member organization that buys, if the buyer is one.
	pub fn member_buyer(&self) -> Option<OrgId> {
		match self.buyer {
			Buyer::Member(org) => Some(org),
			_ => None,
		}
	}

	/// Whether its buyer's input counts it now: a special invoice whose deduction the buyer
	/// confirmed and that was not transferred out as abnormal.
	pub fn is_deducted(&self) -> bool {
		self.input_use == Some(InputUse::Deduct) && !self.abnormal.is_some_and(|a| a.transferred)
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

/// The amounts of one VAT rate in a taxpayer's period, by column (`C`: [`OutputSums`] or
/// [`InputSums`]).
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
pub struct RateRow<C> {
	/// The rate (not the code: a code may change its rate; the return asks for the rate).
	pub rate: TaxRate,
	/// The columns.
	pub sums: C,
}

/// A taxpayer's rows of one period, one a rate, in the order of the VAT return
/// ([`TaxRate::return_order`]).
pub type Rows<C> = BoundedVec<RateRow<C>, ConstU32<MAX_RATE_ROWS>>;

/// A seller's output of one rate in a period: the columns of the VAT return's sales schedule
/// (附列资料（一）) for invoices issued.
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
pub struct OutputSums {
	/// Blue special invoices issued in the period (开具增值税专用发票), unless voided.
	pub special: Sum,
	/// Blue ordinary invoices issued in the period (开具其他发票), unless voided.
	pub ordinary: Sum,
	/// Red invoices against special invoices that took effect in the period.
	pub special_red: Sum,
	/// Red invoices against ordinary invoices that took effect in the period.
	pub ordinary_red: Sum,
}

/// A buyer's input of one rate in a period: the VAT return's input schedule (附列资料（二）).
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
pub struct InputSums {
	/// Special invoices it confirmed for deduction in the period (抵扣).
	pub deducted: Sum,
	/// Special invoices it confirmed not to deduct (不抵扣).
	pub not_deducted: Sum,
	/// Special invoices it confirmed for an export refund (退税).
	pub refund: Sum,
	/// Red invoices that took effect in the period against invoices it had deducted.
	pub red: Sum,
	/// Deducted invoices found abnormal in the period: input transferred out (进项转出).
	pub transferred_out: Sum,
	/// Invoices transferred out and cleared by the tax bureau in the period: deducted again.
	pub restored: Sum,
}

/// A taxpayer's totals for one period, kept as invoices move, a row a rate. Output tax due is
/// the sum over the rows of `special.tax + ordinary.tax − special_red.tax − ordinary_red.tax`;
/// deductible input tax is `deducted.tax − red.tax − transferred_out.tax + restored.tax`.
#[derive(
	Clone,
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
	/// As seller.
	pub output: Rows<OutputSums>,
	/// As buyer.
	pub input: Rows<InputSums>,
}

/// The row of `rate` in `rows`, added (in return order) if missing; `None` when the rows are
/// full.
pub fn row_of<C: Default>(rows: &mut Rows<C>, rate: TaxRate) -> Option<&mut C> {
	let key = rate.return_order();
	let at = match rows.binary_search_by_key(&key, |r| r.rate.return_order()) {
		Ok(at) => at,
		Err(at) => {
			rows.try_insert(at, RateRow { rate, sums: C::default() }).ok()?;
			at
		},
	};
	rows.get_mut(at).map(|r| &mut r.sums)
}

/// A column of the totals an invoice counts in.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Column {
	/// The seller's output: a blue invoice of the type, or (`red`) a red one against it.
	Output {
		/// The invoice's type.
		invoice_type: InvoiceType,
		/// Whether a red invoice.
		red: bool,
	},
	/// The buyer's input, by use.
	Input(InputColumn),
}

/// A column of the buyer's input.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum InputColumn {
	/// Confirmed for this use.
	Use(InputUse),
	/// A red invoice against a deducted one.
	Red,
	/// Transferred out as abnormal.
	TransferredOut,
	/// Counted again once cleared.
	Restored,
}

/// Why an invoice cannot be counted.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum TotalsError {
	/// A rate row more than [`MAX_RATE_ROWS`].
	TooManyRates,
	/// An amount beyond [`Fen`], or a removal of what was not counted.
	Overflow,
}

/// The columns of one side of the totals.
pub trait ColumnSums: Default + PartialEq {
	/// The sum of `column`, if it is on this side.
	fn column(&mut self, column: Column) -> Option<&mut Sum>;
}

impl ColumnSums for OutputSums {
	fn column(&mut self, column: Column) -> Option<&mut Sum> {
		match column {
			Column::Output { invoice_type: InvoiceType::Special, red: false } => {
				Some(&mut self.special)
			},
			Column::Output { invoice_type: InvoiceType::Ordinary, red: false } => {
				Some(&mut self.ordinary)
			},
			Column::Output { invoice_type: InvoiceType::Special, red: true } => {
				Some(&mut self.special_red)
			},
			Column::Output { invoice_type: InvoiceType::Ordinary, red: true } => {
				Some(&mut self.ordinary_red)
			},
			Column::Input(_) => None,
		}
	}
}

impl ColumnSums for InputSums {
	fn column(&mut self, column: Column) -> Option<&mut Sum> {
		let Column::Input(input) = column else { return None };
		Some(match input {
			InputColumn::Use(InputUse::Deduct) => &mut self.deducted,
			InputColumn::Use(InputUse::NotDeduct) => &mut self.not_deducted,
			InputColumn::Use(InputUse::Refund) => &mut self.refund,
			InputColumn::Red => &mut self.red,
			InputColumn::TransferredOut => &mut self.transferred_out,
			InputColumn::Restored => &mut self.restored,
		})
	}
}

/// Adds (or, with `add` false, removes) one invoice of amounts `amounts` to `column` of
/// `rows`, a rate at a time; a row left empty by a removal is dropped.
fn count_rows<C: ColumnSums>(
	rows: &mut Rows<C>,
	column: Column,
	amounts: &[RateAmount],
	add: bool,
) -> Result<(), TotalsError> {
	for a in amounts {
		let sums = row_of(rows, a.rate).ok_or(TotalsError::TooManyRates)?;
		let sum = sums.column(column).ok_or(TotalsError::Overflow)?;
		let done = if add { sum.add(a.net, a.tax) } else { sum.remove(a.net, a.tax) };
		done.ok_or(TotalsError::Overflow)?;
	}
	rows.retain(|r| r.sums != C::default());
	Ok(())
}

impl PeriodTotals {
	/// What the taxpayer invoiced in the period, net of tax: the blue invoices its limits count.
	pub fn issued_net(&self) -> Option<Fen> {
		self.output.iter().try_fold(0 as Fen, |sum, r| {
			sum.checked_add(r.sums.special.net)?.checked_add(r.sums.ordinary.net)
		})
	}

	/// What the taxpayer invoiced in the period net of tax and of its red invoices that took
	/// effect in it (never below zero).
	pub fn invoiced_net(&self) -> Fen {
		self.output.iter().fold(0 as Fen, |sum, r| {
			let s = &r.sums;
			let blue = s.special.net.saturating_add(s.ordinary.net);
			let red = s.special_red.net.saturating_add(s.ordinary_red.net);
			sum.saturating_add(blue).saturating_sub(red)
		})
	}

	/// Counts an invoice of `amounts` ([`by_rate`](super::by_rate) of its lines) in `column` (or, with `add`
	/// false, takes it out): each of its rates in that rate's row, the invoice once per row.
	pub fn count(
		&mut self,
		column: Column,
		amounts: &[RateAmount],
		add: bool,
	) -> Result<(), TotalsError> {
		match column {
			Column::Output { .. } => count_rows(&mut self.output, column, amounts, add),
			Column::Input(_) => count_rows(&mut self.input, column, amounts, add),
		}
	}
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
	/// Before spec 124: the seller issued red invoice `red` against it, awaiting the buyer.
	ReversalRequested {
		/// The red invoice.
		red: u32,
	},
	/// The buyer refused the reversal by red invoice `red`.
	ReversalRefused {
		/// The red invoice.
		red: u32,
	},
	/// Reduced (on a blue invoice: by red invoice `red`, in full or in part; on a red one: it
	/// took effect).
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
	/// The buyer confirmed its use of a special invoice.
	UseConfirmed(InputUse),
	/// The tax bureau found it abnormal; `transferred` if the buyer's deducted input was
	/// transferred out in the period of this change.
	MarkedAbnormal {
		/// Whether input was transferred out.
		transferred: bool,
	},
	/// The tax bureau cleared it; `restored` if the input transferred out counts again in the
	/// period of this change.
	AbnormalCleared {
		/// Whether input was restored.
		restored: bool,
	},
	/// A red-letter request was raised against it by `by` ([`RedRequest`]).
	RedRequested {
		/// The party that raised it.
		by: Party,
	},
	/// The request was refused, by the other party or the tax bureau.
	RequestRefused,
	/// The request lapsed unanswered.
	RequestLapsed,
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
	/// Special or ordinary.
	pub invoice_type: InvoiceType,
	/// Where it stands: a reversed or rejected invoice is no longer valid.
	pub status: InvoiceStatus,
	/// Whether the tax bureau found it abnormal (and has not cleared it).
	pub abnormal: bool,
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
pub struct InvoiceRecord<BlockNumber, AccountId> {
	/// Its number.
	pub id: InvoiceRef,
	/// The invoice.
	pub invoice: Invoice<BlockNumber, AccountId>,
	/// Its history, oldest first.
	pub history: History<Moment>,
	/// The tax bureau's freeze while it audits the invoice.
	pub frozen: Option<regchain_primitives::Freeze>,
	/// The red-letter request awaiting an answer, if any.
	pub request: Option<RedRequest<AccountId>>,
	/// What red invoices in force took off each line, if any took something.
	pub reduced: Option<Reductions>,
}
