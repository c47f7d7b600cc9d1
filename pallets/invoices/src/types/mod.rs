//! The pallet's types, by concern: [`tax`] (rates and line arithmetic), [`records`] (what is
//! stored), [`red`] (red-letter requests and what remains of an invoice), [`print`] (the
//! printed invoice and its QR code), and the tax period, a calendar month of on-chain time
//! ([`regchain_primitives::time`]).

use frame_support::{pallet_prelude::ConstU32, BoundedVec};

pub mod print;
pub mod records;
pub mod red;
pub mod tax;

pub use print::*;
pub use records::*;
pub use red::*;
pub use tax::*;

/// The most lines one invoice may have: a VAT invoice prints eight and carries the rest on its
/// attached list (销货清单); 32 covers the lists seen in practice while bounding storage.
pub const MAX_LINES: u32 = 32;
/// The most status changes kept for one invoice (see [`HistoryEntry`]).
pub const MAX_HISTORY: u32 = 16;
/// The most VAT rates one taxpayer's totals of a period hold, a row each: the national table
/// has nine (13 %, 9 %, 6 %, 5 %, 3 %, 1 %, 0.5 %, 0 %, exempt); an invoice that would add a
/// seventeenth is refused (`TooManyRates`).
pub const MAX_RATE_ROWS: u32 = 16;

/// A tax period: a calendar month in China Standard Time, written `YYYYMM` (`202611`).
pub type Period = u32;
/// Identifies a VAT rate in the tax bureau's table (e.g. `1` = 13 %).
pub type RateCode = u8;
/// The lines of an invoice.
pub type Lines = BoundedVec<Line, ConstU32<MAX_LINES>>;
/// The lines of an invoice stored before spec 123.
pub type LegacyLines = BoundedVec<LegacyLine, ConstU32<MAX_LINES>>;

/// The tax period of a moment of on-chain time: its calendar month in China Standard Time.
pub fn period_of(moment: regchain_primitives::time::Moment) -> Period {
	regchain_primitives::time::cst_month(moment)
}
