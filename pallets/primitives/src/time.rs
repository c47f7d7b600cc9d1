//! On-chain time, the one clock for anything that stands for a date.
//!
//! Terms, windows, deadlines and expiries are what the law and the users speak of, so they are
//! kept as moments of on-chain time — Unix time in milliseconds from `pallet-timestamp`,
//! which the validators agree on block by block — and never as block numbers: a stalled or
//! slow chain moves every block-number deadline, a date stays a date. Calendar questions (which
//! month, which day) are answered in China Standard Time (UTC+8, no daylight saving), the time
//! of every party to the consortium.

/// A moment of on-chain time: milliseconds since 1970-01-01T00:00:00Z.
pub type Moment = u64;

/// One second, in [`Moment`] units.
pub const SECOND: Moment = 1_000;
/// One hour.
pub const HOUR: Moment = 3_600 * SECOND;
/// One day.
pub const DAY: Moment = 24 * HOUR;
/// China Standard Time's offset from UTC.
pub const CST_OFFSET: Moment = 8 * HOUR;

/// The calendar date of `moment` in China Standard Time, as `(year, month, day)`.
pub fn cst_date(moment: Moment) -> (u64, u64, u64) {
	let days = moment.saturating_add(CST_OFFSET) / DAY;
	// Civil-from-days (Howard Hinnant's algorithm), on days since 1970-01-01 ≥ 0.
	let z = days + 719_468;
	let era = z / 146_097;
	let doe = z - era * 146_097;
	let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365;
	let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	let mp = (5 * doy + 2) / 153;
	let day = doy - (153 * mp + 2) / 5 + 1;
	let month = if mp < 10 { mp + 3 } else { mp - 9 };
	let year = yoe + era * 400 + u64::from(month <= 2);
	(year, month, day)
}

/// The calendar month of `moment` in China Standard Time, written `YYYYMM` (`202611`): the
/// tax period of the invoices, for example. `u32::MAX` beyond year 42,949,672.
pub fn cst_month(moment: Moment) -> u32 {
	let (year, month, _) = cst_date(moment);
	u32::try_from(year.saturating_mul(100).saturating_add(month)).unwrap_or(u32::MAX)
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn months_and_days_follow_the_calendar_in_china_standard_time() {
		assert_eq!(cst_month(0), 197001);
		assert_eq!(cst_date(0), (1970, 1, 1));
		// 2026-11-30T15:59:59Z is 23:59:59 in Beijing: still November.
		assert_eq!(cst_date(1_796_054_399_000), (2026, 11, 30));
		assert_eq!(cst_month(1_796_054_399_000), 202611);
		// One second later it is 1 December in Beijing.
		assert_eq!(cst_date(1_796_054_400_000), (2026, 12, 1));
		// 2024-02-29T12:00:00Z, a leap day.
		assert_eq!(cst_date(1_709_208_000_000), (2024, 2, 29));
		// 2000-03-01T00:00:00+08:00.
		assert_eq!(cst_month(951_840_000_000), 200003);
		assert_eq!(cst_month(u64::MAX), u32::MAX);
	}
}
