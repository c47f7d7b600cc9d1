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

/// Now, in on-chain time, from the runtime's clock (`pallet-timestamp` behind
/// [`UnixTime`](frame_support::traits::UnixTime)). Within a block this is the time its author
/// set; in `on_initialize` it is still the previous block's.
pub fn now<Clock: frame_support::traits::UnixTime>() -> Moment {
	Moment::try_from(Clock::now().as_millis()).unwrap_or(Moment::MAX)
}

/// Now, in on-chain time, for a pallet of the chain `T` whose genesis build may ask: 0 while
/// the genesis state is built (block zero has no time: the first block's author sets it, and
/// `pallet-timestamp` logs an error when read before), [`now`] after. A record written at
/// genesis so carries the moment 0, which stands for "since genesis".
pub fn chain_now<T: frame_system::Config, Clock: frame_support::traits::UnixTime>() -> Moment {
	use sp_runtime::traits::Zero;
	if frame_system::Pallet::<T>::block_number().is_zero() {
		return 0;
	}
	now::<Clock>()
}

/// Dates the blocks of a chain whose records were kept in block numbers, for the storage
/// migrations that turn them into moments: block `b` is dated as far before or after `moment`
/// (the time of block `block`, the current one) as its distance in blocks of `block_time`.
/// Exact for blocks produced on schedule; a stalled chain's past blocks come out later than
/// they were, which only shifts history, never a deadline still ahead.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct BlockDating {
	/// The current block.
	pub block: u64,
	/// Its time.
	pub moment: Moment,
	/// The time between two blocks.
	pub block_time: Moment,
}

impl BlockDating {
	/// Dates the blocks of the running chain `T` by `Clock`, `block_time` apart. In a runtime
	/// upgrade the clock still shows the previous block's time (the timestamp inherent comes
	/// later): one block time of error at most.
	pub fn of_chain<T: frame_system::Config, Clock: frame_support::traits::UnixTime>(
		block_time: Moment,
	) -> Self {
		use sp_runtime::traits::UniqueSaturatedInto;
		let block: u64 = frame_system::Pallet::<T>::block_number().unique_saturated_into();
		BlockDating { block, moment: now::<Clock>(), block_time }
	}

	/// The moment block `b` of the running chain `T` falls on, dated from the current block
	/// by `Clock`, `block_time` apart: what a migration that runs over several blocks asks of
	/// each entry (the current block moves on between its steps, and the clock with it).
	pub fn date_on_chain<T: frame_system::Config, Clock: frame_support::traits::UnixTime>(
		block_time: Moment,
		b: frame_system::pallet_prelude::BlockNumberFor<T>,
	) -> Moment {
		Self::of_chain::<T, Clock>(block_time).date::<T>(b)
	}

	/// The moment of block `b` of the chain `T`.
	pub fn date<T: frame_system::Config>(
		&self,
		b: frame_system::pallet_prelude::BlockNumberFor<T>,
	) -> Moment {
		use sp_runtime::traits::UniqueSaturatedInto;
		let b: u64 = b.unique_saturated_into();
		self.moment_of(b)
	}

	/// The moment of block `b`.
	pub fn moment_of(&self, b: impl Into<u64>) -> Moment {
		let b: u64 = b.into();
		if b >= self.block {
			self.moment.saturating_add((b - self.block).saturating_mul(self.block_time))
		} else {
			self.moment.saturating_sub((self.block - b).saturating_mul(self.block_time))
		}
	}
}

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

	#[test]
	fn block_dating_counts_block_times_both_ways_and_saturates() {
		let dating = BlockDating { block: 100, moment: 1_000_000, block_time: 6 * SECOND };
		assert_eq!(dating.moment_of(100u32), 1_000_000);
		assert_eq!(dating.moment_of(110u32), 1_060_000);
		assert_eq!(dating.moment_of(90u32), 940_000);
		assert_eq!(dating.moment_of(0u32), 400_000);
		let early = BlockDating { block: 1_000, moment: 1_000, block_time: 6 * SECOND };
		assert_eq!(early.moment_of(0u32), 0);
		assert_eq!(dating.moment_of(u64::MAX), u64::MAX);
	}
}
