//! Tax arithmetic: rates, rate changes and the lines whose amounts the chain computes.

use super::RateCode;
use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use regchain_primitives::Fen;
use scale_info::TypeInfo;
use sp_core::H256;

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

/// A scheduled change of a rate code: from `from` (on-chain time) on, the code means `rate`, or is
/// withdrawn if `None`. Invoices keep the rate they were issued with.
#[derive(
	Clone, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, Debug,
)]
pub struct RateChange<Time> {
	/// When the change takes effect.
	pub from: Time,
	/// The rate from then on; `None` withdraws the code.
	pub rate: Option<TaxRate>,
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

#[cfg(test)]
mod tests {
	use super::*;
	use sp_core::H256;

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
