//! The Unified Social Credit Code (统一社会信用代码, GB 32100-2015): the 18-character identifier
//! of every enterprise and organization in China.
//!
//! Layout: position 1 the registration authority, 2 the organization category, 3–8 the
//! administrative division (digits), 9–17 the organization code, 18 a check character. The
//! alphabet is the digits and the 21 capital letters other than I, O, S, V and Z; character
//! `c` at position `i` (1-based) is weighted `3^(i-1) mod 31`, and the check character is
//! `31 - (Σ value·weight mod 31)`, with 31 written as `0`.

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use scale_info::TypeInfo;

/// The 31 characters of the code, in value order.
const ALPHABET: &[u8; 31] = b"0123456789ABCDEFGHJKLMNPQRTUWXY";
/// `3^(i-1) mod 31` for positions 1 to 17.
const WEIGHTS: [u32; 17] = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/// Why a byte string is not a credit code.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CreditCodeError {
	/// Not exactly 18 characters.
	WrongLength,
	/// A character outside the code's alphabet (lower case, I, O, S, V, Z, punctuation…).
	InvalidCharacter,
	/// Positions 3–8 (the administrative division) are not all digits.
	InvalidDivision,
	/// The 18th character does not match the check computed from the first 17.
	CheckDigitMismatch,
}

/// A Unified Social Credit Code whose format and check character have been verified.
///
/// Build one with [`CreditCode::parse`]. Its SCALE form is the bare 18 bytes and decoding does
/// not re-verify them, so calls take the code as raw bytes and parse it themselves.
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	PartialOrd,
	Ord,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	Debug,
)]
pub struct CreditCode([u8; 18]);

fn value_of(c: u8) -> Option<u32> {
	ALPHABET.iter().position(|&a| a == c).map(|v| v as u32)
}

impl CreditCode {
	/// Verifies `code` and wraps it.
	pub fn parse(code: &[u8]) -> Result<Self, CreditCodeError> {
		let bytes: [u8; 18] = code.try_into().map_err(|_| CreditCodeError::WrongLength)?;
		let mut sum = 0u32;
		for (i, &c) in bytes.iter().enumerate() {
			let value = value_of(c).ok_or(CreditCodeError::InvalidCharacter)?;
			if (2..8).contains(&i) && !c.is_ascii_digit() {
				return Err(CreditCodeError::InvalidDivision);
			}
			if let Some(weight) = WEIGHTS.get(i) {
				// At most 17 · 30 · 30: no overflow.
				sum = sum.saturating_add(value.saturating_mul(*weight));
			}
		}
		let check = (31 - sum % 31) % 31;
		if value_of(bytes[17]) != Some(check) {
			return Err(CreditCodeError::CheckDigitMismatch);
		}
		Ok(Self(bytes))
	}

	/// Completes the first 17 characters with their check character (for tools, tests and
	/// benchmarks that need valid codes).
	pub fn with_check_character(first: &[u8; 17]) -> Result<Self, CreditCodeError> {
		let mut sum = 0u32;
		for (c, weight) in first.iter().zip(WEIGHTS) {
			sum =
				sum.saturating_add(value_of(*c).ok_or(CreditCodeError::InvalidCharacter)? * weight);
		}
		let mut code = [0u8; 18];
		code[..17].copy_from_slice(first);
		code[17] = ALPHABET[((31 - sum % 31) % 31) as usize];
		Self::parse(&code)
	}

	/// The 18 characters.
	pub fn as_bytes(&self) -> &[u8; 18] {
		&self.0
	}
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn published_codes_are_accepted() {
		for code in ["91350100M000100Y43", "91110000802100433B", "91440300708461136T"] {
			assert!(CreditCode::parse(code.as_bytes()).is_ok(), "{code}");
		}
	}

	#[test]
	fn a_code_whose_check_computes_to_31_ends_in_zero() {
		// Build one: try every 18th character over a fixed prefix until the sum is ≡ 0.
		let mut found = false;
		for last in b"0123456789".iter() {
			let mut code = *b"91310000MA1FL3L610";
			code[16] = *last;
			if let Ok(c) = CreditCode::parse(&code) {
				assert_eq!(c.as_bytes()[17], b'0');
				found = true;
			}
		}
		assert!(found, "one of ten prefixes has check 0");
	}

	#[test]
	fn the_check_character_can_be_computed() {
		let code = CreditCode::with_check_character(b"91350100M000100Y4").unwrap();
		assert_eq!(code.as_bytes(), b"91350100M000100Y43");
		assert_eq!(
			CreditCode::with_check_character(b"91350100M000100y4"),
			Err(CreditCodeError::InvalidCharacter)
		);
	}

	#[test]
	fn malformed_codes_are_refused_with_their_reason() {
		use CreditCodeError::*;
		assert_eq!(CreditCode::parse(b"91350100M000100Y4"), Err(WrongLength));
		assert_eq!(CreditCode::parse(b"91350100M000100Y433"), Err(WrongLength));
		assert_eq!(CreditCode::parse(b"91350100m000100Y43"), Err(InvalidCharacter));
		assert_eq!(CreditCode::parse(b"91350100I000100Y43"), Err(InvalidCharacter));
		assert_eq!(CreditCode::parse(b"913501A0M000100Y43"), Err(InvalidDivision));
		assert_eq!(CreditCode::parse(b"91350100M000100Y44"), Err(CheckDigitMismatch));
		// Swapping two characters is caught by the weighted sum.
		assert_eq!(CreditCode::parse(b"19350100M000100Y43"), Err(CheckDigitMismatch));
	}
}
