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
/// Unit prices are stated in millionths of a fen (10⁻⁸ yuan), so that real prices fit: 0.617
/// yuan a kWh is `61_700_000`, 100.00 yuan `10_000_000_000`.
pub const PRICE_SCALE: u64 = 1_000_000;
/// The smallest tax classification code (税收分类编码): codes have 19 digits.
pub const CLASSIFICATION_MIN: u64 = 1_000_000_000_000_000_000;
/// One more than the largest tax classification code.
pub const CLASSIFICATION_END: u64 = 10_000_000_000_000_000_000;

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

	/// Where the rate's row stands in the VAT return's sales schedule: rates from the highest
	/// down (13 %, 9 %, 6 %, 5 %, 3 %, 1 %, 0 %), the exemption last.
	pub fn return_order(&self) -> (u8, u16) {
		match self {
			TaxRate::BasisPoints(bp) => (0, u16::MAX - bp),
			TaxRate::Exempt => (1, 0),
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

/// A line as the seller submits it (a row of the invoice, 货物或应税劳务、服务名称 …).
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
	/// The goods' or service's 19-digit tax classification code (税收分类编码), which the tax
	/// bureau reads to check the rate: public on every invoice.
	pub classification: u64,
	/// Quantity in thousandths of a unit ([`QUANTITY_SCALE`]); not zero.
	pub quantity: u64,
	/// Unit price in millionths of a fen ([`PRICE_SCALE`]); not zero. Tax included if
	/// `tax_included`.
	pub unit_price: u64,
	/// Whether the price (and discount) include VAT (含税): the tax is then computed back.
	pub tax_included: bool,
	/// A discount on the line (折扣行: printed below it, at its rate), in fen on the price's
	/// basis; the tax is due on the amount after it. Zero for none.
	pub discount: Fen,
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
	/// As submitted (0 on lines stored before spec 123, which had none).
	pub classification: u64,
	/// As submitted, in thousandths.
	pub quantity: u64,
	/// As submitted, in millionths of a fen.
	pub unit_price: u64,
	/// As submitted.
	pub tax_included: bool,
	/// As submitted, in fen.
	pub discount: Fen,
	/// The rate code as submitted.
	pub rate_code: RateCode,
	/// The rate that code meant at the block of issue.
	pub rate: TaxRate,
	/// The amount before VAT, in fen: `quantity × unit_price − discount` rounded half up to
	/// the fen, or, tax included, that amount less the tax computed back.
	pub net: Fen,
	/// VAT on `net`, rounded half up to the fen; tax included, the amount less `net`.
	pub tax: Fen,
}

/// Why a line's amounts cannot be computed.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum LineError {
	/// A zero quantity or price, or an amount that rounds to zero.
	Zero,
	/// An amount beyond [`Fen`].
	Overflow,
	/// The discount is the line's whole amount or more.
	Discount,
	/// The classification code has not 19 digits.
	Classification,
}

impl Line {
	/// Computes a line's net amount and tax at `rate`. **Rounding rule**: the line's amount
	/// (quantity × price) is rounded half up to the fen; tax excluded, the tax on the amount
	/// after discount is rounded half up; tax included, the net amount is that amount divided
	/// by (1 + rate), rounded half up, and the tax is the rest — so that net + tax is what the
	/// buyer pays, as the tax bureau's invoicing system computes it (价税分离).
	pub fn compute(input: &LineInput, rate: TaxRate) -> Result<Self, LineError> {
		if !(CLASSIFICATION_MIN..CLASSIFICATION_END).contains(&input.classification) {
			return Err(LineError::Classification);
		}
		if input.quantity == 0 || input.unit_price == 0 {
			return Err(LineError::Zero);
		}
		let product = u128::from(input.quantity)
			.checked_mul(u128::from(input.unit_price))
			.ok_or(LineError::Overflow)?;
		let scale = u128::from(QUANTITY_SCALE) * u128::from(PRICE_SCALE);
		let amount = div_round_half_up(product, scale).ok_or(LineError::Overflow)?;
		if amount == 0 {
			return Err(LineError::Zero);
		}
		if input.discount >= amount {
			return Err(LineError::Discount);
		}
		let base = amount - input.discount;
		let (net, tax) = match (input.tax_included, rate) {
			(false, _) | (true, TaxRate::Exempt) => {
				(base, rate.tax_on(base).ok_or(LineError::Overflow)?)
			},
			(true, TaxRate::BasisPoints(bp)) => {
				let net = div_round_half_up(
					u128::from(base)
						.checked_mul(u128::from(BASIS_POINTS))
						.ok_or(LineError::Overflow)?,
					u128::from(BASIS_POINTS) + u128::from(bp),
				)
				.ok_or(LineError::Overflow)?;
				(net, base - net)
			},
		};
		if net == 0 {
			return Err(LineError::Zero);
		}
		Ok(Line {
			description: input.description,
			classification: input.classification,
			quantity: input.quantity,
			unit_price: input.unit_price,
			tax_included: input.tax_included,
			discount: input.discount,
			rate_code: input.rate,
			rate,
			net,
			tax,
		})
	}

	/// The line as lines were encoded before spec 123 (unit price in fen, no classification,
	/// tax excluded, no discount), which the content hash of an invoice stored then covers.
	pub fn legacy(&self) -> LegacyLine {
		LegacyLine {
			description: self.description,
			quantity: self.quantity,
			unit_price: self.unit_price / PRICE_SCALE,
			rate_code: self.rate_code,
			rate: self.rate,
			net: self.net,
			tax: self.tax,
		}
	}
}

/// A line as stored before spec 123 (storage version 4): what [`Preimage::V1`] hashes.
///
/// [`Preimage::V1`]: super::Preimage::V1
#[derive(Clone, PartialEq, Eq, Encode, Decode, Debug)]
pub struct LegacyLine {
	/// The description's hash.
	pub description: H256,
	/// In thousandths.
	pub quantity: u64,
	/// In fen.
	pub unit_price: Fen,
	/// The rate code.
	pub rate_code: RateCode,
	/// The rate then.
	pub rate: TaxRate,
	/// Net, in fen.
	pub net: Fen,
	/// Tax, in fen.
	pub tax: Fen,
}

impl LegacyLine {
	/// The line in the current layout (price in millionths of a fen, no classification).
	pub fn upgrade(self) -> Line {
		Line {
			description: self.description,
			classification: 0,
			quantity: self.quantity,
			unit_price: self.unit_price.saturating_mul(PRICE_SCALE),
			tax_included: false,
			discount: 0,
			rate_code: self.rate_code,
			rate: self.rate,
			net: self.net,
			tax: self.tax,
		}
	}
}

/// An invoice's amounts at one rate: its lines of that rate summed.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub struct RateAmount {
	/// The rate.
	pub rate: TaxRate,
	/// Net, in fen.
	pub net: Fen,
	/// Tax, in fen.
	pub tax: Fen,
}

/// The amounts of `lines` by rate, in the order of the lines' first appearance; `None` on
/// overflow (impossible for stored lines, whose totals fit).
pub fn by_rate(lines: &[Line]) -> Option<alloc::vec::Vec<RateAmount>> {
	let mut out: alloc::vec::Vec<RateAmount> = alloc::vec::Vec::new();
	for line in lines {
		match out.iter_mut().find(|a| a.rate == line.rate) {
			Some(a) => {
				a.net = a.net.checked_add(line.net)?;
				a.tax = a.tax.checked_add(line.tax)?;
			},
			None => out.push(RateAmount { rate: line.rate, net: line.net, tax: line.tax }),
		}
	}
	Some(out)
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
	fn rates_sort_as_the_return_lists_them() {
		let mut rates = [
			TaxRate::Exempt,
			TaxRate::BasisPoints(0),
			TaxRate::BasisPoints(600),
			TaxRate::BasisPoints(1_300),
			TaxRate::BasisPoints(100),
		];
		rates.sort_by_key(TaxRate::return_order);
		assert_eq!(
			rates,
			[
				TaxRate::BasisPoints(1_300),
				TaxRate::BasisPoints(600),
				TaxRate::BasisPoints(100),
				TaxRate::BasisPoints(0),
				TaxRate::Exempt
			]
		);
	}

	/// A line of `quantity` thousandths at `unit_price` fen.
	fn input(quantity: u64, unit_price: u64) -> LineInput {
		LineInput {
			description: H256::zero(),
			classification: 1_100_101_020_000_000_000,
			quantity,
			unit_price: unit_price * PRICE_SCALE,
			tax_included: false,
			discount: 0,
			rate: 1,
		}
	}

	#[test]
	fn line_amounts_round_to_the_fen_and_refuse_zero_and_overflow() {
		let nine = TaxRate::BasisPoints(900);
		// 2.5 units at 3.99 yuan: 997.5 fen → 998, tax 89.82 → 90.
		let line = Line::compute(&input(2_500, 399), nine).unwrap();
		assert_eq!((line.net, line.tax), (998, 90));
		assert_eq!(Line::compute(&input(0, 399), nine), Err(LineError::Zero));
		assert_eq!(Line::compute(&input(1, 0), nine), Err(LineError::Zero));
		// A thousandth of a unit at 0.04 yuan rounds to nothing.
		assert_eq!(Line::compute(&input(1, 4), nine), Err(LineError::Zero));
		assert_eq!(
			Line::compute(&LineInput { unit_price: u64::MAX, ..input(u64::MAX, 1) }, nine),
			Err(LineError::Overflow)
		);
	}

	#[test]
	fn prices_have_decimals_of_a_fen_and_codes_nineteen_digits() {
		// 1,234.5 kWh at 0.617 yuan: 761.6865 yuan → 761.69; 13 % → 99.02.
		let power = LineInput { unit_price: 61_700_000, ..input(1_234_500, 0) };
		let line = Line::compute(&power, TaxRate::BasisPoints(1_300)).unwrap();
		assert_eq!((line.net, line.tax), (76_169, 9_902));
		assert_eq!(line.unit_price, 61_700_000);
		for code in [0, 999_999_999_999_999_999, 10_000_000_000_000_000_000] {
			let bad = LineInput { classification: code, ..input(1_000, 100) };
			assert_eq!(Line::compute(&bad, TaxRate::Exempt), Err(LineError::Classification));
		}
	}

	#[test]
	fn tax_included_amounts_are_split_back_and_discounts_come_off_first() {
		let thirteen = TaxRate::BasisPoints(1_300);
		// 113.00 yuan tax included at 13 %: 100.00 + 13.00.
		let gross = LineInput { tax_included: true, ..input(1_000, 11_300) };
		let line = Line::compute(&gross, thirteen).unwrap();
		assert_eq!((line.net, line.tax), (10_000, 1_300));
		// 10.00 yuan tax included at 6 %: 9.43 + 0.57 (9.4339… rounds to 9.43).
		let line = Line::compute(&gross_of(1_000), TaxRate::BasisPoints(600)).unwrap();
		assert_eq!((line.net, line.tax), (943, 57));
		// Exempt, tax included: all of it is net.
		let line = Line::compute(&gross_of(1_000), TaxRate::Exempt).unwrap();
		assert_eq!((line.net, line.tax), (1_000, 0));
		// A 20.00 yuan discount on 100.00: tax on 80.00.
		let discounted = LineInput { discount: 2_000, ..input(1_000, 10_000) };
		let line = Line::compute(&discounted, thirteen).unwrap();
		assert_eq!((line.net, line.tax, line.discount), (8_000, 1_040, 2_000));
		// Discount and tax included: 113.00 − 11.30 = 101.70 → 90.00 + 11.70.
		let both = LineInput { discount: 1_130, ..gross };
		assert_eq!(Line::compute(&both, thirteen).map(|l| (l.net, l.tax)), Ok((9_000, 1_170)));
		// A discount of the whole line is refused.
		let all = LineInput { discount: 10_000, ..input(1_000, 10_000) };
		assert_eq!(Line::compute(&all, thirteen), Err(LineError::Discount));
	}

	fn gross_of(fen: u64) -> LineInput {
		LineInput { tax_included: true, ..input(1_000, fen) }
	}

	#[test]
	fn a_stored_legacy_line_reads_back_as_it_was() {
		let legacy = LegacyLine {
			description: H256::repeat_byte(1),
			quantity: 2_000,
			unit_price: 5_000,
			rate_code: 1,
			rate: TaxRate::BasisPoints(1_300),
			net: 10_000,
			tax: 1_300,
		};
		let line = legacy.clone().upgrade();
		assert_eq!((line.unit_price, line.classification), (5_000 * PRICE_SCALE, 0));
		assert_eq!(line.legacy(), legacy);
	}
}
