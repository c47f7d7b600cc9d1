//! Red letters as the fully digitalized e-invoice practices them (红字发票信息确认单): a request
//! by either party, naming the lines it reduces and why, and the arithmetic of what remains of
//! an invoice after the red invoices in force against it.

use super::{Line, Lines, RateAmount, MAX_LINES};
use alloc::vec::Vec;
use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use frame_support::{pallet_prelude::ConstU32, BoundedVec};
use regchain_primitives::{time::Moment, Fen};
use scale_info::TypeInfo;
use sp_core::H256;

/// A party to an invoice.
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
pub enum Party {
	/// The issuer.
	Seller,
	/// The buyer.
	Buyer,
}

/// Why an invoice is reduced: the four reasons of the red-letter form, each with its own rule
/// on what the request may name.
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
pub enum RedReason {
	/// 开票有误: the invoice is wrong; it is reversed in full (no lines named) and issued anew.
	InvoicingError,
	/// 销货退回: goods returned; each line named returns a quantity.
	SalesReturn,
	/// 服务中止: a service stopped; lines with or without a quantity.
	ServiceStopped,
	/// 销售折让: a price allowance; each line named is reduced in amount, its quantity kept.
	SalesAllowance,
}

/// One line a red-letter request reduces.
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
pub struct RedLineInput {
	/// The original line's position (0-based).
	pub line: u8,
	/// The quantity returned, in thousandths; zero for an allowance.
	pub quantity: u64,
	/// The net amount reduced, in fen; its tax is computed at the line's rate, half up, except
	/// that reducing all that remains of the line takes all its remaining tax.
	pub net: Fen,
}

/// The lines of a red-letter request; none means all that remains of the invoice.
pub type RedLines = BoundedVec<RedLineInput, ConstU32<MAX_LINES>>;

/// What the red invoices in force took off one line of an invoice.
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
pub struct Reduction {
	/// Quantity, in thousandths.
	pub quantity: u64,
	/// Net amount, in fen.
	pub net: Fen,
	/// Tax, in fen.
	pub tax: Fen,
}

/// An invoice's reductions, a line each, in the order of its lines.
pub type Reductions = BoundedVec<Reduction, ConstU32<MAX_LINES>>;

/// A red-letter request (红字发票信息确认单) awaiting the other party: one at a time an invoice,
/// which it locks until answered, settled by the tax bureau, or lapsed.
#[derive(
	Clone, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, Debug,
)]
pub struct RedRequest<AccountId> {
	/// Who raised it; the other party answers.
	pub raised_by: Party,
	/// The account that raised it. A seller's clerk issues the red invoice when the buyer or
	/// the bureau confirms; `None` for a request made before spec 124, whose red invoice was
	/// numbered with it (`numbered`).
	pub clerk: Option<AccountId>,
	/// Why.
	pub reason: RedReason,
	/// The lines reduced; none: all that remains.
	pub lines: RedLines,
	/// Hash of the red invoice's document (the form and the parties' evidence), off chain.
	pub document: H256,
	/// When it lapses unanswered (on-chain time).
	pub deadline: Moment,
	/// Before spec 124 a seller's request was a red invoice numbered at once: its number.
	pub numbered: Option<u32>,
}

/// Why a red-letter request cannot be computed against an invoice.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum RedError {
	/// A line named twice or beyond the invoice's, a zero amount, or lines that do not fit the
	/// reason.
	InvalidLine,
	/// More than what remains of a line.
	ExceedsRemaining,
	/// Nothing remains to reduce.
	NothingRemains,
	/// An amount beyond [`Fen`].
	Overflow,
}

/// The red invoice's lines for `request` (reason and lines) against an invoice of `lines`
/// already reduced by `done` (empty: nothing yet), with the reductions after it and whether
/// nothing remains then. A red line copies its original's description, classification, price
/// and rate, with the quantity and amounts reduced (tax excluded, no discount).
pub fn red_lines(
	lines: &[Line],
	done: &[Reduction],
	reason: RedReason,
	request: &[RedLineInput],
) -> Result<(Lines, Reductions, bool), RedError> {
	let mut after: Vec<Reduction> =
		(0..lines.len()).map(|i| done.get(i).copied().unwrap_or_default()).collect();
	let remaining = |i: usize, r: &Reduction| -> Option<Reduction> {
		let line = lines.get(i)?;
		Some(Reduction {
			quantity: line.quantity.checked_sub(r.quantity)?,
			net: line.net.checked_sub(r.net)?,
			tax: line.tax.checked_sub(r.tax)?,
		})
	};
	let mut taken: Vec<(usize, Reduction)> = Vec::new();
	if request.is_empty() {
		for (i, r) in after.iter().enumerate() {
			let rest = remaining(i, r).ok_or(RedError::Overflow)?;
			if rest.net > 0 || rest.tax > 0 {
				taken.push((i, rest));
			}
		}
	} else {
		if reason == RedReason::InvoicingError {
			return Err(RedError::InvalidLine);
		}
		for input in request {
			let i = usize::from(input.line);
			let fits_reason = match reason {
				RedReason::SalesReturn => input.quantity > 0,
				RedReason::SalesAllowance => input.quantity == 0,
				_ => true,
			};
			if !fits_reason || input.net == 0 || taken.iter().any(|(t, _)| *t == i) {
				return Err(RedError::InvalidLine);
			}
			let done = after.get(i).ok_or(RedError::InvalidLine)?;
			let rest = remaining(i, done).ok_or(RedError::Overflow)?;
			if input.net > rest.net || input.quantity > rest.quantity {
				return Err(RedError::ExceedsRemaining);
			}
			let tax = if input.net == rest.net {
				rest.tax
			} else {
				let rate = lines.get(i).ok_or(RedError::InvalidLine)?.rate;
				rate.tax_on(input.net).ok_or(RedError::Overflow)?.min(rest.tax)
			};
			taken.push((i, Reduction { quantity: input.quantity, net: input.net, tax }));
		}
	}
	if taken.is_empty() {
		return Err(RedError::NothingRemains);
	}
	let mut red = Lines::new();
	for (i, take) in &taken {
		let line = lines.get(*i).ok_or(RedError::InvalidLine)?;
		let sum = after.get_mut(*i).ok_or(RedError::InvalidLine)?;
		*sum = Reduction {
			quantity: sum.quantity.checked_add(take.quantity).ok_or(RedError::Overflow)?,
			net: sum.net.checked_add(take.net).ok_or(RedError::Overflow)?,
			tax: sum.tax.checked_add(take.tax).ok_or(RedError::Overflow)?,
		};
		let red_line = Line {
			quantity: take.quantity,
			tax_included: false,
			discount: 0,
			net: take.net,
			tax: take.tax,
			..line.clone()
		};
		red.try_push(red_line).map_err(|_| RedError::InvalidLine)?;
	}
	let all = after
		.iter()
		.enumerate()
		.all(|(i, r)| remaining(i, r).is_some_and(|rest| rest.net == 0 && rest.tax == 0));
	Ok((red, BoundedVec::truncate_from(after), all))
}

/// `amounts` less `less`, rate by rate; a rate left with nothing is dropped. `None` if `less`
/// takes more than there is.
pub fn amounts_less(amounts: &[RateAmount], less: &[RateAmount]) -> Option<Vec<RateAmount>> {
	let mut out = amounts.to_vec();
	for l in less {
		let a = out.iter_mut().find(|a| a.rate == l.rate)?;
		a.net = a.net.checked_sub(l.net)?;
		a.tax = a.tax.checked_sub(l.tax)?;
	}
	out.retain(|a| a.net > 0 || a.tax > 0);
	Some(out)
}

/// The gross amount that remains of an invoice of `gross` after `done`.
pub fn gross_after(gross: Fen, done: &[Reduction]) -> Option<Fen> {
	done.iter().try_fold(gross, |g, r| g.checked_sub(r.net)?.checked_sub(r.tax))
}
