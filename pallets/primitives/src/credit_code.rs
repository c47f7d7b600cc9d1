//! The Unified Social Credit Code (统一社会信用代码, GB 32100-2015): the 18-character identifier
//! of every enterprise and organization in China.
//!
//! Layout: position 1 the registration authority, 2 the organization category, 3–8 the
//! administrative division (digits), 9–17 the organization code, 18 a check character. The
//! alphabet is the digits and the 21 capital letters other than I, O, S, V and Z; character
//! `c` at position `i` (1-based) is weighted `3^(i-1) mod 31`, and the check character is
//! `31 - (Σ value·weight mod 31)`, with 31 written as `0`.
//!
//! Two more checks catch codes that pass the check character but cannot have been issued:
//! - positions 1–2 must be a registration authority and one of the organization categories it
//!   registers (GB 32100 table 1: `91` an enterprise registered by market regulation, `12` a
//!   public institution, `31` a law firm …);
//! - positions 9–17 are the organization code of GB 11714, whose own check character (position
//!   17) is `11 - (Σ value·weight mod 11)` over positions 9–16 with weights 3, 7, 9, 10, 5, 8, 4,
//!   2, letters valued A = 10 … Z = 35, 10 written `X` and 11 written `0`.

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use scale_info::TypeInfo;

/// The 31 characters of the code, in value order.
const ALPHABET: &[u8; 31] = b"0123456789ABCDEFGHJKLMNPQRTUWXY";
/// GB 11714 weights of the organization code's first eight characters.
const ORG_CODE_WEIGHTS: [u32; 8] = [3, 7, 9, 10, 5, 8, 4, 2];
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
	/// Positions 1–2 are not a registration authority with one of its organization categories.
	InvalidRegistrationType,
	/// Position 17, the check character of the embedded organization code (GB 11714), does not
	/// match positions 9–16.
	OrgCodeCheckMismatch,
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

/// Whether `authority` registers organizations of `category` (GB 32100-2015, table 1).
fn registers(authority: u8, category: u8) -> bool {
	let categories: &[u8] = match authority {
		b'1' => b"1239", // organization establishment: offices, public institutions, groups
		b'2' => b"19",   // foreign affairs
		b'3' => b"123459", // justice: law firms, notaries, legal services, forensics, arbitration
		b'4' => b"19",   // culture
		b'5' => b"1239", // civil affairs: associations, private non-enterprise units, foundations
		b'6' => b"129",  // tourism
		b'7' => b"129",  // religious affairs
		b'8' => b"19",   // trade unions
		b'9' => b"123",  // market regulation: enterprises, sole traders, cooperatives
		b'A' => b"19",   // military establishment
		b'N' => b"1239", // agriculture: collective economic organizations
		b'Y' => b"1",    // other authorities
		_ => b"",
	};
	categories.contains(&category)
}

/// The GB 11714 value of an organization-code character: digits as such, letters A = 10 … Z = 35.
fn org_code_value(c: u8) -> u32 {
	match c {
		b'0'..=b'9' => (c - b'0') as u32,
		_ => (c.saturating_sub(b'A') as u32).saturating_add(10),
	}
}

/// The GB 11714 check character of an organization code's first eight characters.
fn org_code_check(body: &[u8]) -> u8 {
	let sum: u32 = body
		.iter()
		.zip(ORG_CODE_WEIGHTS)
		.map(|(c, w)| org_code_value(*c).saturating_mul(w))
		.fold(0, u32::saturating_add);
	match 11 - sum % 11 {
		10 => b'X',
		11 => b'0',
		d => b'0' + d as u8,
	}
}

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
		if !registers(bytes[0], bytes[1]) {
			return Err(CreditCodeError::InvalidRegistrationType);
		}
		if org_code_check(&bytes[8..16]) != bytes[16] {
			return Err(CreditCodeError::OrgCodeCheckMismatch);
		}
		Ok(Self(bytes))
	}

	/// Builds a valid code from its registration type (positions 1–2), division (3–8) and the
	/// organization code's first eight characters (9–16), computing both check characters
	/// (for tools, tests and benchmarks that need valid codes).
	pub fn assemble(
		registration: &[u8; 2],
		division: &[u8; 6],
		org_body: &[u8; 8],
	) -> Result<Self, CreditCodeError> {
		let mut first = [0u8; 17];
		first[..2].copy_from_slice(registration);
		first[2..8].copy_from_slice(division);
		first[8..16].copy_from_slice(org_body);
		first[16] = org_code_check(org_body);
		Self::with_check_character(&first)
	}

	/// The valid code of an enterprise registered in Shanghai whose organization code is `n`
	/// (eight digits): distinct for every `n` below 10⁸. The one generator of sample codes
	/// for tests, benchmarks and tools.
	pub fn sample(n: u32) -> Self {
		let mut body = [b'0'; 8];
		let mut rest = n;
		for digit in body.iter_mut().rev() {
			*digit = b'0' + (rest % 10) as u8;
			rest /= 10;
		}
		Self::assemble(b"91", b"310000", &body).expect("digits make a valid code")
	}

	/// Completes the first 17 characters with their check character.
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

	/// The administrative division it was registered in (characters 3–8).
	pub fn division(&self) -> crate::Division {
		crate::Division::from_digits(&self.0[2..8]).unwrap_or(crate::Division::NATIONAL)
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
		// Build one: vary the organization code until the weighted sum is ≡ 0.
		let found = (0..1000u32).find_map(|n| {
			let body = [
				b'M',
				b'A',
				b'1',
				b'F',
				b'L',
				b'0' + (n / 100) as u8,
				b'0' + (n / 10 % 10) as u8,
				b'0' + (n % 10) as u8,
			];
			CreditCode::assemble(b"91", b"310000", &body).ok().filter(|c| c.as_bytes()[17] == b'0')
		});
		assert!(found.is_some(), "some organization code gives check 0");
	}

	#[test]
	fn the_organization_codes_check_character_is_verified() {
		// 91350100M000100Y43: organization code M000100Y-4.
		assert_eq!(org_code_check(b"M000100Y"), b'4');
		assert_eq!(org_code_check(b"80210043"), b'3');
		// A sum ≡ 1 (mod 11) gives check 10, written X: 0000000 then 1·2 … search one.
		let x = (0..100u8)
			.map(|n| [b'0', b'0', b'0', b'0', b'0', b'0', b'0' + n / 10, b'0' + n % 10])
			.find(|b| org_code_check(b) == b'X')
			.unwrap();
		let code = CreditCode::assemble(b"91", b"310115", &x).unwrap();
		assert_eq!(code.as_bytes()[16], b'X');
		// Right USCC check character over a wrong organization-code check: refused.
		let mut first = *code.as_bytes();
		first[16] = b'1';
		let wrong = CreditCode::with_check_character(first[..17].try_into().unwrap());
		assert_eq!(wrong, Err(CreditCodeError::OrgCodeCheckMismatch));
	}

	#[test]
	fn registration_authority_and_category_are_verified() {
		let body = b"MA1FL3L6";
		for ok in [b"91", b"92", b"93", b"11", b"12", b"31", b"32", b"51", b"53", b"N2", b"Y1"] {
			assert!(
				CreditCode::assemble(ok, b"310000", body).is_ok(),
				"{:?}",
				core::str::from_utf8(ok)
			);
		}
		for bad in [b"94", b"99", b"01", b"B1", b"Y2", b"36", b"14"] {
			assert_eq!(
				CreditCode::assemble(bad, b"310000", body),
				Err(CreditCodeError::InvalidRegistrationType),
				"{:?}",
				core::str::from_utf8(bad)
			);
		}
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
		// A right check character over an unknown registration type, or over a mistyped
		// organization code.
		assert_eq!(CreditCode::parse(b"94350100M000100Y4R"), Err(InvalidRegistrationType));
		assert_eq!(CreditCode::parse(b"91350100M000100Y56"), Err(OrgCodeCheckMismatch));
	}
}
