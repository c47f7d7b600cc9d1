//! The invoices' stored types, the tax arithmetic and the tax period calendar.

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use frame_support::{pallet_prelude::ConstU32, BoundedVec};
use regchain_primitives::{Claim, CreditCode, Fen, InvoiceRef, OrgId};
use scale_info::TypeInfo;
use sp_core::H256;

/// The most lines one invoice may have: a VAT invoice prints eight and carries the rest on its
/// attached list (销货清单); 32 covers the lists seen in practice while bounding storage.
pub const MAX_LINES: u32 = 32;
/// The most status changes kept for one invoice (see [`HistoryEntry`]).
pub const MAX_HISTORY: u32 = 16;

/// A tax period: a calendar month in China Standard Time, written `YYYYMM` (`202611`).
pub type Period = u32;
/// Identifies a VAT rate in the tax bureau's table (e.g. `1` = 13 %).
pub type RateCode = u8;
/// The lines of an invoice.
pub type Lines = BoundedVec<Line, ConstU32<MAX_LINES>>;

/// One basis point is 1/10,000; 13 % is 1,300.
pub const BASIS_POINTS: u64 = 10_000;
/// Quantities are stated in thousandths of a unit, so 2.5 kg is `2_500`.
pub const QUANTITY_SCALE: u64 = 1_000;

/// A VAT rate. A zero rate (零税率, exports) and an exemption (免税) both levy no tax but are
/// different things in law and on the tax return, so they are kept apart.
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
	serde::Serialize,
	serde::Deserialize,
)]
pub enum TaxRate {
	/// A rate in basis points (13 % = 1,300); at most 10,000.
	BasisPoints(u16),
	/// Exempt from VAT.
	Exempt,
}

impl TaxRate {
	/// Whether the rate is at most 100 %.
	pub fn is_valid(&self) -> bool {
		match self {
			TaxRate::BasisPoints(bp) => u64::from(*bp) <= BASIS_POINTS,
			TaxRate::Exempt => true,
		}
	}

	/// The tax on `net` fen. **Rounding rule**: tax is computed per line and rounded half up
	/// to the fen (四舍五入), as the tax bureau's invoicing systems do; `None` on overflow.
	pub fn tax_on(&self, net: Fen) -> Option<Fen> {
		match self {
			TaxRate::Exempt => Some(0),
			TaxRate::BasisPoints(bp) => div_round_half_up(
				u128::from(net).checked_mul(u128::from(*bp))?,
				u128::from(BASIS_POINTS),
			),
		}
	}
}

/// `n / d` rounded half up, if it fits in [`Fen`].
fn div_round_half_up(n: u128, d: u128) -> Option<Fen> {
	let q = n.checked_add(d / 2)? / d;
	Fen::try_from(q).ok()
}

/// China's VAT rates in 2026, the table a network starts with: general rates 13 % (goods),
/// 9 % (transport, construction, farm produce), 6 % (modern services), the 3 % collection rate
/// of small-scale taxpayers, the zero rate (exports) and exemption, as codes 1 to 6.
pub fn vat_rates_2026() -> alloc::vec::Vec<(RateCode, TaxRate)> {
	alloc::vec![
		(1, TaxRate::BasisPoints(1_300)),
		(2, TaxRate::BasisPoints(900)),
		(3, TaxRate::BasisPoints(600)),
		(4, TaxRate::BasisPoints(300)),
		(5, TaxRate::BasisPoints(0)),
		(6, TaxRate::Exempt),
	]
}

/// A scheduled change of a rate code: from block `from` on, the code means `rate`, or is
/// withdrawn if `None`. Invoices keep the rate they were issued with.
#[derive(
	Clone, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, Debug,
)]
pub struct RateChange<BlockNumber> {
	/// The first block the change applies to.
	pub from: BlockNumber,
	/// The rate from then on; `None` withdraws the code.
	pub rate: Option<TaxRate>,
}

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

/// A line as the seller submits it.
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
pub struct LineInput {
	/// Hash of the line's description (goods or service name, specification, unit), which
	/// stays off chain with the invoice document.
	pub description: H256,
	/// Quantity in thousandths of a unit ([`QUANTITY_SCALE`]); not zero.
	pub quantity: u64,
	/// Unit price before tax, in fen; not zero.
	pub unit_price: Fen,
	/// The VAT rate code, as the table stands at the block of issue.
	pub rate: RateCode,
}

/// A stored line, with the amounts the chain computed.
#[derive(
	Clone, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, Debug,
)]
pub struct Line {
	/// As submitted.
	pub description: H256,
	/// As submitted, in thousandths.
	pub quantity: u64,
	/// As submitted, in fen.
	pub unit_price: Fen,
	/// The rate code as submitted.
	pub rate_code: RateCode,
	/// The rate that code meant at the block of issue.
	pub rate: TaxRate,
	/// `quantity × unit_price`, rounded half up to the fen.
	pub net: Fen,
	/// VAT on `net`, rounded half up to the fen.
	pub tax: Fen,
}

/// Why a line's amounts cannot be computed.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum LineError {
	/// A zero quantity or price, or an amount that rounds to zero.
	Zero,
	/// An amount beyond [`Fen`].
	Overflow,
}

impl Line {
	/// Computes a line's net amount and tax at `rate`.
	pub fn compute(input: &LineInput, rate: TaxRate) -> Result<Self, LineError> {
		if input.quantity == 0 || input.unit_price == 0 {
			return Err(LineError::Zero);
		}
		let product = u128::from(input.quantity)
			.checked_mul(u128::from(input.unit_price))
			.ok_or(LineError::Overflow)?;
		let net =
			div_round_half_up(product, u128::from(QUANTITY_SCALE)).ok_or(LineError::Overflow)?;
		if net == 0 {
			return Err(LineError::Zero);
		}
		let tax = rate.tax_on(net).ok_or(LineError::Overflow)?;
		Ok(Line {
			description: input.description,
			quantity: input.quantity,
			unit_price: input.unit_price,
			rate_code: input.rate,
			rate,
			net,
			tax,
		})
	}
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
	/// The block of issue.
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
	/// Set while the tax bureau audits it (hash of the reason).
	pub audit_flag: Option<H256>,
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
	/// Flagged for audit by the tax bureau.
	Flagged,
	/// The audit flag was cleared.
	FlagCleared,
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
pub struct HistoryEntry<BlockNumber> {
	/// The block of the change.
	pub at: BlockNumber,
	/// What changed.
	pub change: Change,
}

/// An invoice's history, oldest first.
pub type History<BlockNumber> = BoundedVec<HistoryEntry<BlockNumber>, ConstU32<MAX_HISTORY>>;

/// An invoice with its number and history, as the runtime API returns it.
#[derive(Clone, PartialEq, Eq, Encode, Decode, TypeInfo, Debug)]
pub struct InvoiceRecord<BlockNumber> {
	/// Its number.
	pub id: InvoiceRef,
	/// The invoice.
	pub invoice: Invoice<BlockNumber>,
	/// Its history, oldest first.
	pub history: History<BlockNumber>,
}

/// The tax period of a Unix time in milliseconds: its calendar month in China Standard Time
/// (UTC+8), as `YYYYMM`.
pub fn period_of(unix_ms: u64) -> Period {
	const CST_OFFSET_S: u64 = 8 * 3600;
	let days = (unix_ms / 1000).saturating_add(CST_OFFSET_S) / 86_400;
	// Civil-from-days (Howard Hinnant's algorithm), on days since 1970-01-01 ≥ 0.
	let z = days + 719_468;
	let era = z / 146_097;
	let doe = z - era * 146_097;
	let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365;
	let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	let mp = (5 * doy + 2) / 153;
	let month = if mp < 10 { mp + 3 } else { mp - 9 };
	let year = yoe + era * 400 + u64::from(month <= 2);
	Period::try_from(year.saturating_mul(100).saturating_add(month)).unwrap_or(Period::MAX)
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn periods_follow_the_calendar_in_china_standard_time() {
		assert_eq!(period_of(0), 197001);
		// 2026-11-30T15:59:59Z is 23:59:59 in Beijing: still November.
		assert_eq!(period_of(1_796_054_399_000), 202611);
		// One second later it is 1 December in Beijing.
		assert_eq!(period_of(1_796_054_400_000), 202612);
		// 2024-02-29T12:00:00Z, a leap day.
		assert_eq!(period_of(1_709_208_000_000), 202402);
		// 2000-03-01T00:00:00+08:00.
		assert_eq!(period_of(951_840_000_000), 200003);
		assert_eq!(period_of(u64::MAX), Period::MAX);
	}

	#[test]
	fn tax_is_rounded_half_up_per_line() {
		let rate = TaxRate::BasisPoints(1_300);
		assert_eq!(rate.tax_on(100), Some(13));
		// 0.13 × 35 = 4.55 → 5; 0.13 × 34 = 4.42 → 4.
		assert_eq!(rate.tax_on(35), Some(5));
		assert_eq!(rate.tax_on(34), Some(4));
		assert_eq!(TaxRate::BasisPoints(0).tax_on(1_000), Some(0));
		assert_eq!(TaxRate::Exempt.tax_on(1_000), Some(0));
		assert_eq!(TaxRate::BasisPoints(10_000).tax_on(Fen::MAX), Some(Fen::MAX));
		assert!(!TaxRate::BasisPoints(10_001).is_valid());
	}

	#[test]
	fn line_amounts_round_to_the_fen_and_refuse_zero_and_overflow() {
		let input = |quantity, unit_price| LineInput {
			description: H256::zero(),
			quantity,
			unit_price,
			rate: 1,
		};
		let nine = TaxRate::BasisPoints(900);
		// 2.5 units at 3.99 yuan: 997.5 fen → 998, tax 89.82 → 90.
		let line = Line::compute(&input(2_500, 399), nine).unwrap();
		assert_eq!((line.net, line.tax), (998, 90));
		assert_eq!(Line::compute(&input(0, 399), nine), Err(LineError::Zero));
		assert_eq!(Line::compute(&input(1, 0), nine), Err(LineError::Zero));
		// A thousandth of a unit at 0.04 yuan rounds to nothing.
		assert_eq!(Line::compute(&input(1, 4), nine), Err(LineError::Zero));
		assert_eq!(Line::compute(&input(u64::MAX, Fen::MAX), nine), Err(LineError::Overflow));
		assert_eq!(
			Line::compute(&input(1_000, Fen::MAX), TaxRate::BasisPoints(10_000)).map(|l| l.tax),
			Ok(Fen::MAX)
		);
	}
}
