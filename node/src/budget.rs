//! Budgets of work for callers of the query gateway: token buckets that refill at a steady
//! rate, so that no caller — and not all callers together — can take more of an agency's
//! node (which may be a validator) than the node can spare.
//!
//! A request is priced at the runtime calls it costs (a public verification one, a signed
//! request a few more for its checks, a dossier a couple of hundred), and charged before any
//! work is done: to its network address (a /64 for IPv6: one host holds a whole /64), to its
//! signer once the signature verified, and to the gateway's total.

use std::{
	collections::HashMap,
	hash::Hash,
	net::IpAddr,
	time::{Duration, Instant},
};

/// A bucket's size and how fast it refills, in units of work.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Rate {
	/// The most a caller may spend at once, after a pause.
	pub burst: u32,
	/// What it may spend each second, sustained.
	pub per_second: u32,
}

#[derive(Clone, Copy, Debug)]
struct Bucket {
	tokens: f64,
	at: Instant,
}

impl Bucket {
	fn full(rate: Rate, now: Instant) -> Self {
		Bucket { tokens: f64::from(rate.burst), at: now }
	}

	fn refill(&mut self, rate: Rate, now: Instant) {
		let elapsed = now.saturating_duration_since(self.at).as_secs_f64();
		self.tokens =
			(self.tokens + elapsed * f64::from(rate.per_second)).min(f64::from(rate.burst));
		self.at = now;
	}

	/// How long until `cost` can be paid.
	fn wait(&self, rate: Rate, cost: u32) -> Duration {
		let missing = (f64::from(cost) - self.tokens).max(0.0);
		Duration::from_secs_f64(missing / f64::from(rate.per_second.max(1)))
	}
}

/// Why a request was refused, and when to retry.
#[derive(Clone, Debug, PartialEq)]
pub struct OverBudget {
	/// Whose budget ran out: "this address", "this signer", "the gateway".
	pub whose: &'static str,
	/// When the price will be affordable again (for a price above the burst: never).
	pub retry_after: Duration,
}

impl core::fmt::Display for OverBudget {
	fn fmt(&self, f: &mut core::fmt::Formatter) -> core::fmt::Result {
		write!(
			f,
			"too many requests from {}: retry in {} ms",
			self.whose,
			self.retry_after.as_millis().max(1)
		)
	}
}

/// One budget per caller of a kind (addresses, or signers), at most `capacity` callers.
pub struct Budgets<K> {
	rate: Rate,
	capacity: usize,
	buckets: HashMap<K, Bucket>,
	whose: &'static str,
}

impl<K: Hash + Eq + Clone> Budgets<K> {
	/// Budgets of `rate` for up to `capacity` callers at a time; `whose` names them in refusals.
	pub fn new(rate: Rate, capacity: usize, whose: &'static str) -> Self {
		Budgets { rate, capacity, buckets: HashMap::new(), whose }
	}

	/// Charges `cost` to `caller`, or refuses it, changing nothing.
	pub fn charge(&mut self, caller: &K, cost: u32, now: Instant) -> Result<(), OverBudget> {
		self.check(caller, cost, now)?;
		self.spend(caller, cost, now);
		Ok(())
	}

	/// Whether `caller` can pay `cost` now.
	pub fn check(&mut self, caller: &K, cost: u32, now: Instant) -> Result<(), OverBudget> {
		let (rate, whose) = (self.rate, self.whose);
		let refuse = |bucket: &Bucket| OverBudget {
			whose,
			retry_after: if cost > rate.burst { Duration::MAX } else { bucket.wait(rate, cost) },
		};
		match self.buckets.get_mut(caller) {
			Some(bucket) => {
				bucket.refill(rate, now);
				if bucket.tokens < f64::from(cost) {
					return Err(refuse(bucket));
				}
			},
			None => {
				if cost > rate.burst {
					return Err(refuse(&Bucket::full(rate, now)));
				}
				if self.buckets.len() >= self.capacity {
					// Callers whose bucket refilled are forgotten: a new caller gets a full one.
					self.buckets.retain(|_, b| {
						b.refill(rate, now);
						b.tokens < f64::from(rate.burst)
					});
				}
				if self.buckets.len() >= self.capacity {
					return Err(OverBudget {
						whose: "the gateway",
						retry_after: Duration::from_secs(1),
					});
				}
			},
		}
		Ok(())
	}

	/// Takes `cost` from `caller`'s bucket (after [`check`](Self::check) allowed it).
	pub fn spend(&mut self, caller: &K, cost: u32, now: Instant) {
		let rate = self.rate;
		let bucket = self.buckets.entry(caller.clone()).or_insert_with(|| Bucket::full(rate, now));
		bucket.refill(rate, now);
		bucket.tokens = (bucket.tokens - f64::from(cost)).max(0.0);
	}
}

/// A caller's network address as budgets count it: an IPv4 address, or an IPv6 /64.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Peer(u128);

impl Peer {
	/// The budget key of `ip`.
	pub fn of(ip: IpAddr) -> Self {
		match ip {
			IpAddr::V4(v4) => Peer(u128::from(u32::from(v4))),
			IpAddr::V6(v6) => match v6.to_ipv4_mapped() {
				Some(v4) => Peer(u128::from(u32::from(v4))),
				// The /64: the low half marked so it never equals an IPv4 key.
				None => Peer((u128::from(v6) & !u128::from(u64::MAX)) | 1),
			},
		}
	}
}

#[cfg(test)]
mod tests {
	use super::*;

	const RATE: Rate = Rate { burst: 10, per_second: 5 };

	#[test]
	fn a_caller_spends_its_burst_then_its_rate_and_others_are_unaffected() {
		let start = Instant::now();
		let mut budgets = Budgets::new(RATE, 100, "this address");
		for _ in 0..10 {
			assert_eq!(budgets.charge(&1u8, 1, start), Ok(()));
		}
		let refused = budgets.charge(&1, 1, start).unwrap_err();
		assert_eq!(refused.whose, "this address");
		assert_eq!(refused.retry_after, Duration::from_millis(200));
		assert_eq!(budgets.charge(&2, 10, start), Ok(()));
		// A second later five units are back, not more.
		let later = start + Duration::from_secs(1);
		assert_eq!(budgets.charge(&1, 5, later), Ok(()));
		assert!(budgets.charge(&1, 1, later).is_err());
		// A refusal charges nothing.
		assert_eq!(budgets.charge(&1, 5, later + Duration::from_secs(1)), Ok(()));
	}

	#[test]
	fn a_price_above_the_burst_is_never_affordable() {
		let mut budgets = Budgets::new(RATE, 100, "this signer");
		let refused = budgets.charge(&1u8, 11, Instant::now()).unwrap_err();
		assert_eq!(refused.retry_after, Duration::MAX);
	}

	#[test]
	fn the_callers_remembered_are_bounded_and_idle_ones_make_room() {
		let start = Instant::now();
		let mut budgets = Budgets::new(RATE, 2, "this address");
		assert_eq!(budgets.charge(&1u8, 10, start), Ok(()));
		assert_eq!(budgets.charge(&2, 10, start), Ok(()));
		// Both still refilling: a third caller waits.
		let refused = budgets.charge(&3, 1, start).unwrap_err();
		assert_eq!(refused.whose, "the gateway");
		// Once the first two are full again they are forgotten.
		assert_eq!(budgets.charge(&3, 1, start + Duration::from_secs(2)), Ok(()));
		assert_eq!(budgets.buckets.len(), 1);
	}

	#[test]
	fn an_ipv6_host_counts_as_its_64_and_mapped_ipv4_as_itself() {
		let ip = |s: &str| s.parse::<IpAddr>().unwrap();
		assert_eq!(Peer::of(ip("2001:db8:1:2::1")), Peer::of(ip("2001:db8:1:2:ffff::9")));
		assert_ne!(Peer::of(ip("2001:db8:1:2::1")), Peer::of(ip("2001:db8:1:3::1")));
		assert_eq!(Peer::of(ip("::ffff:10.0.0.1")), Peer::of(ip("10.0.0.1")));
		assert_ne!(Peer::of(ip("10.0.0.1")), Peer::of(ip("10.0.0.2")));
	}
}
