//! Administrative divisions (GB/T 2260): where an enterprise is registered and which members an
//! agency acts on. An agency acts only within its jurisdiction; an enterprise's (or a financial
//! institution's) region is the division in its credit code (characters 3–8).

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use scale_info::TypeInfo;

/// A six-digit division code as a number: `310000` Shanghai, `310100` its city districts,
/// `310115` Pudong New Area, `0` the whole country.
///
/// A code ending in `0000` is a province, in `00` a prefecture-level city, otherwise a county
/// or district; an agency of a province covers every code of that province, a city-level
/// agency its districts, a district agency its own district only, and `0` (a national agency,
/// or a network that does not divide authority; the default) everything.
#[derive(
	Clone,
	Copy,
	Default,
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
	serde::Serialize,
	serde::Deserialize,
)]
pub struct Division(pub u32);

impl Division {
	/// The whole country.
	pub const NATIONAL: Division = Division(0);

	/// A division from its six digits; `None` for anything else.
	pub fn from_digits(digits: &[u8]) -> Option<Self> {
		if digits.len() != 6 || !digits.iter().all(u8::is_ascii_digit) {
			return None;
		}
		Some(Division(digits.iter().fold(0u32, |n, d| n * 10 + (d - b'0') as u32)))
	}

	/// Whether this is a well-formed code: six digits at most.
	pub fn is_valid(&self) -> bool {
		self.0 <= 999_999
	}

	/// Whether an agency with this jurisdiction acts on members of `region`.
	pub fn covers(&self, region: &Division) -> bool {
		let j = self.0;
		if j == 0 {
			true
		} else if j % 10_000 == 0 {
			region.0 / 10_000 == j / 10_000
		} else if j % 100 == 0 {
			region.0 / 100 == j / 100
		} else {
			region.0 == j
		}
	}

	/// The codes this jurisdiction covers, as the range `[first, end)`: every code of a
	/// province, a city's own and its districts', a district's own, or all for the country.
	/// What [`Division::covers`] decides one code at a time, for range queries over an index
	/// ordered by code.
	pub fn span(&self) -> (u32, u32) {
		let j = self.0;
		let width = if j == 0 {
			return (0, u32::MAX);
		} else if j % 10_000 == 0 {
			10_000
		} else if j % 100 == 0 {
			100
		} else {
			1
		};
		(j, j.saturating_add(width))
	}
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn provinces_cover_their_cities_and_districts_and_nothing_else() {
		let shanghai = Division(310000);
		assert!(shanghai.covers(&Division(310000)));
		assert!(shanghai.covers(&Division(310115)));
		assert!(shanghai.covers(&Division(310100)));
		assert!(!shanghai.covers(&Division(320100)));
		let city = Division(320500); // Suzhou
		assert!(city.covers(&Division(320506)));
		assert!(!city.covers(&Division(320100)));
		assert!(!city.covers(&Division(320000)), "a city does not cover its province");
		let pudong = Division(310115);
		assert!(pudong.covers(&Division(310115)));
		assert!(!pudong.covers(&Division(310112)));
		assert!(!pudong.covers(&Division(310000)));
		assert!(Division::NATIONAL.covers(&Division(440300)));
	}

	#[test]
	fn a_span_holds_exactly_the_codes_covered() {
		for j in [Division(310000), Division(320500), Division(310115), Division::NATIONAL] {
			let (first, end) = j.span();
			for code in [0, 310000, 310099, 310115, 310116, 319999, 320000, 320500, 320506, 999999]
			{
				let region = Division(code);
				assert_eq!(j.covers(&region), (first..end).contains(&code), "{j:?} {code}");
			}
		}
	}

	#[test]
	fn divisions_are_six_digits() {
		assert_eq!(Division::from_digits(b"310115"), Some(Division(310115)));
		assert_eq!(Division::from_digits(b"31011"), None);
		assert_eq!(Division::from_digits(b"31011A"), None);
		assert!(!Division(1_000_000).is_valid());
	}
}
