//! The draw of a random inspection (双随机、一公开): pure functions of data the chain publishes,
//! so that anyone recomputes a draw — the supervision pallet draws with them, its runtime API
//! returns their inputs, and `regchain-cli inspection recompute` (and the e2e tests' JavaScript)
//! recompute the targets and the inspectors from those inputs alone.
//!
//! The algorithm, step by step (all hashes BLAKE2b-256, all integers SCALE-encoded: little
//! endian, fixed width):
//! 1. Each participating agency commits `commitment(plan, agency, secret)` before the plan's
//!    commit deadline and reveals `secret` after it.
//! 2. The **anchor** is the hash of the first block whose time is at or past the commit
//!    deadline (recorded by the pallet when the next block starts): fixed before any secret
//!    is revealed.
//! 3. `seed(plan, anchor, secrets)`: the secrets of the agencies that revealed, in the order
//!    they joined the plan.
//! 4. Each organization of the population gets a **weight** from its standing
//!    ([`weight`]: 1 to [`MAX_WEIGHT`]) and a **key** ([`key`]): `u^(12/w)` for the uniform
//!    `u` = [`ticket`]`(seed, org)` / 2^64, in 64-bit fixed point. The targets are the
//!    [`sample_size`] organizations with the largest keys (ties: the smaller id first). This
//!    is weighted sampling without replacement (Efraimidis–Spirakis: the `k` largest
//!    `u^(1/w)`; raising every key to the 12th power, the least common multiple of the
//!    weights, keeps the order and the arithmetic integral). Unweighted, it is a uniform
//!    random subset.
//! 5. Inspectors, for the `i`-th target: candidates `pick(seed, i, attempt) mod pool` for
//!    `attempt` = 0, 1, 2…, skipping those who may not inspect it (of the target's own
//!    organization, inspected it last time, recused, picked already) — [`next_inspector`]. A
//!    recusal takes the next eligible candidate of the same sequence.

use crate::OrgId;
use codec::Encode;
use sp_core::H256;
use sp_io::hashing::blake2_256;

/// The largest weight of an organization in a draw.
pub const MAX_WEIGHT: u8 = 4;

/// The exponents' common multiple: a key is `u^(KEY_POWER / weight)`.
const KEY_POWER: u32 = 12;

/// What an agency commits to before the draw: binds the plan and the agency, so that no one
/// copies another's commitment.
pub fn commitment(plan: u64, agency: OrgId, secret: &H256) -> H256 {
	blake2_256(&(b"regchain/inspection/commit", plan, agency, secret).encode()).into()
}

/// The seed of a plan's draw: its id, the anchor block's hash and the revealed secrets, in the
/// participants' order.
pub fn seed(plan: u64, anchor: &H256, secrets: &[H256]) -> H256 {
	let mut data = (b"regchain/inspection/seed", plan, anchor).encode();
	for secret in secrets {
		data.extend_from_slice(secret.as_bytes());
	}
	blake2_256(&data).into()
}

/// An organization's uniform 64-bit number under `seed`.
pub fn ticket(seed: &H256, org: OrgId) -> u64 {
	let hash = blake2_256(&(seed, b"target", org).encode());
	u64::from_le_bytes([hash[0], hash[1], hash[2], hash[3], hash[4], hash[5], hash[6], hash[7]])
}

/// The weight of an organization in a draw (分级分类, 差异化抽查): 1, plus 1 if it is listed
/// under joint discipline, plus 1 more if a listing is serious, plus 1 if a case about it is
/// open or goods it made were recalled within [`RECENT_RECALL`] (either raises it once). At
/// most [`MAX_WEIGHT`]: a listed enterprise under a serious listing with an open case is drawn
/// about as often as four unremarkable ones.
pub fn weight(listed: bool, serious: bool, open_case: bool, recent_recall: bool) -> u8 {
	1 + u8::from(listed) + u8::from(listed && serious) + u8::from(open_case || recent_recall)
}

/// How long a recall of a maker's goods raises its weight in a draw: a year (the annual
/// inspection plans of 国发〔2019〕5号 look back one year).
pub const RECENT_RECALL: crate::time::Moment = 365 * crate::time::DAY;

/// The draw key of `org` of `weight` (clamped to 1..=[`MAX_WEIGHT`]): `u^(12/w)` with `u` the
/// ticket as a fraction of 2^64, each product rounded down to 64 bits.
pub fn key(seed: &H256, org: OrgId, weight: u8) -> u64 {
	let u = ticket(seed, org);
	let power = KEY_POWER / u32::from(weight.clamp(1, MAX_WEIGHT));
	let mut key = u64::MAX;
	for _ in 0..power {
		key = ((u128::from(key) * u128::from(u)) >> 64) as u64;
	}
	key
}

/// Whether a target of key `a` of organization `org_a` ranks before one of `b`, `org_b`: the
/// larger key first, the smaller id on a tie.
pub fn ranks_before(a: (u64, OrgId), b: (u64, OrgId)) -> bool {
	a.0 > b.0 || (a.0 == b.0 && a.1 < b.1)
}

/// How a plan states its sample.
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	codec::Encode,
	codec::Decode,
	codec::DecodeWithMemTracking,
	codec::MaxEncodedLen,
	scale_info::TypeInfo,
	Debug,
)]
pub enum SampleSize {
	/// This many targets.
	Count(u32),
	/// This many per thousand of the population, rounded up.
	PerMille(u16),
}

/// How many targets a sample of `size` takes from `population`: at most `max` and at most the
/// population.
pub fn sample_size(size: SampleSize, population: u32, max: u32) -> u32 {
	let wanted = match size {
		SampleSize::Count(n) => n,
		SampleSize::PerMille(p) => {
			let scaled = u64::from(population) * u64::from(p);
			u32::try_from(scaled.div_ceil(1000)).unwrap_or(u32::MAX)
		},
	};
	wanted.min(population).min(max)
}

/// The `attempt`-th candidate inspector for the target at `target_index`, as an index into a
/// pool of `pool` inspectors (`pool` > 0).
pub fn pick(seed: &H256, target_index: u32, attempt: u32, pool: u32) -> u32 {
	let hash = blake2_256(&(seed, b"inspector", target_index, attempt).encode());
	let n = u64::from_le_bytes([
		hash[0], hash[1], hash[2], hash[3], hash[4], hash[5], hash[6], hash[7],
	]);
	(n % u64::from(pool.max(1))) as u32
}

/// How many candidates [`next_inspector`] looks at, per inspector of the pool, before it gives
/// up: with a quarter of the pool eligible, the chance of missing all is below 10^-14.
pub const ATTEMPTS_PER_INSPECTOR: u32 = 8;

/// The next eligible inspector for the target at `target_index`, from candidate `attempt` on:
/// the pool index and the attempt after it. `None` when no candidate within
/// `ATTEMPTS_PER_INSPECTOR × pool` attempts is eligible (then the pool is too small for the
/// plan: the target goes without).
pub fn next_inspector(
	seed: &H256,
	target_index: u32,
	attempt: u32,
	pool: u32,
	eligible: impl Fn(u32) -> bool,
) -> Option<(u32, u32)> {
	if pool == 0 {
		return None;
	}
	let last = pool.saturating_mul(ATTEMPTS_PER_INSPECTOR);
	(attempt..last).find_map(|a| {
		let index = pick(seed, target_index, a, pool);
		eligible(index).then_some((index, a + 1))
	})
}

#[cfg(test)]
mod tests {
	use super::*;
	use alloc::vec::Vec;

	fn seed_of(n: u64) -> H256 {
		seed(n, &H256::repeat_byte(7), &[H256::repeat_byte(1), H256::repeat_byte(2)])
	}

	/// The `k` targets of a population of (org, weight), as the pallet draws them.
	fn draw(seed: &H256, population: &[(OrgId, u8)], k: usize) -> Vec<OrgId> {
		let mut keyed: Vec<(u64, OrgId)> =
			population.iter().map(|(org, w)| (key(seed, *org, *w), *org)).collect();
		keyed.sort_by(|a, b| {
			if ranks_before(*a, *b) {
				core::cmp::Ordering::Less
			} else {
				core::cmp::Ordering::Greater
			}
		});
		keyed.into_iter().take(k).map(|(_, org)| org).collect()
	}

	/// The worked example of docs/inspections.md, computed there independently (Python's
	/// hashlib): the hashes and the fixed-point keys are pinned.
	#[test]
	fn the_worked_example_of_the_docs() {
		let secrets = [H256::repeat_byte(1), H256::repeat_byte(2)];
		let s = seed(7, &H256::repeat_byte(0xab), &secrets);
		let hex = |h: H256| alloc::format!("{h:?}");
		assert_eq!(hex(s), "0xad9229a71daa93de88cd82ed1ea3679aa4b73713c2b036e1f6e48b6118c1e3ca");
		assert_eq!(
			hex(commitment(7, 5, &secrets[0])),
			"0x4fdd9d600d64c9621730799f6d1476c577ee9a3562579d5979a62afb1c78ebaf"
		);
		assert_eq!(ticket(&s, 20), 0xa5e5fe61474c8368);
		let population = [(10, 1), (20, 1), (30, 2), (40, 4)];
		let keys: Vec<u64> = population.iter().map(|(o, w)| key(&s, *o, *w)).collect();
		assert_eq!(
			keys,
			[
				14_365_392,
				101_192_170_278_500_270,
				4_665_153_914_863_592_743,
				104_655_843_739_454_605
			]
		);
		assert_eq!(draw(&s, &population, 2), [30, 40]);
		let (first, next) = next_inspector(&s, 0, 0, 4, |_| true).unwrap();
		let (second, next) = next_inspector(&s, 0, next, 4, |i| i != first).unwrap();
		assert_eq!((first, second, next), (2, 1, 4));
	}

	#[test]
	fn an_unweighted_draw_is_uniform() {
		// 20 organizations, 3 drawn, 6,000 seeds: each is drawn 900 times expected. Chi-square
		// with 19 degrees of freedom: above 43.8 once in a thousand runs of a fair draw.
		let population: Vec<(OrgId, u8)> = (100..120).map(|o| (o, 1)).collect();
		let mut counts = [0u32; 20];
		for s in 0..6_000 {
			for org in draw(&seed_of(s), &population, 3) {
				counts[(org - 100) as usize] += 1;
			}
		}
		let expected = 6_000.0 * 3.0 / 20.0;
		let chi2: f64 = counts
			.iter()
			.map(|&c| {
				let d = f64::from(c) - expected;
				d * d / expected
			})
			.sum();
		assert!(chi2 < 43.8, "chi-square {chi2} over {counts:?}");
	}

	#[test]
	fn a_weight_draws_an_organization_in_proportion() {
		// One draw of one target among a weight-4 organization and twelve of weight 1: the
		// heavy one is drawn 4/16 of the time.
		let mut population: Vec<(OrgId, u8)> = (1..=12).map(|o| (o, 1)).collect();
		population.push((99, 4));
		let runs = 8_000;
		let heavy = (0..runs).filter(|s| draw(&seed_of(*s), &population, 1) == [99]).count();
		let share = heavy as f64 / runs as f64;
		assert!((share - 0.25).abs() < 0.02, "share {share}");
	}

	#[test]
	fn the_draw_depends_on_every_secret_and_the_anchor() {
		let a = H256::repeat_byte(1);
		let b = H256::repeat_byte(2);
		let anchor = H256::repeat_byte(7);
		let base = seed(1, &anchor, &[a, b]);
		assert_ne!(base, seed(1, &anchor, &[a]));
		assert_ne!(base, seed(1, &anchor, &[b, a]));
		assert_ne!(base, seed(1, &H256::repeat_byte(8), &[a, b]));
		assert_ne!(base, seed(2, &anchor, &[a, b]));
		assert_ne!(commitment(1, 5, &a), commitment(1, 6, &a));
		assert_ne!(commitment(1, 5, &a), commitment(2, 5, &a));
	}

	#[test]
	fn keys_order_by_weight_for_the_same_ticket() {
		let s = seed_of(3);
		let keys: Vec<u64> = (1..=MAX_WEIGHT).map(|w| key(&s, 42, w)).collect();
		assert!(keys.windows(2).all(|k| k[0] <= k[1]), "{keys:?}");
		// Out-of-range weights count as the nearest allowed.
		assert_eq!(key(&s, 42, 0), keys[0]);
		assert_eq!(key(&s, 42, 9), keys[3]);
		assert_eq!(weight(false, true, false, false), 1);
		assert_eq!(weight(false, false, true, true), 2, "a case and a recall raise it once");
		assert_eq!(weight(true, true, true, false), MAX_WEIGHT);
		assert_eq!(weight(true, true, true, true), MAX_WEIGHT);
	}

	#[test]
	fn a_sample_takes_its_count_or_share_within_the_bounds() {
		assert_eq!(sample_size(SampleSize::Count(5), 3, 100), 3);
		assert_eq!(sample_size(SampleSize::Count(500), 1_000, 100), 100);
		assert_eq!(sample_size(SampleSize::PerMille(50), 1_001, 100), 51);
		assert_eq!(sample_size(SampleSize::PerMille(1000), 7, 100), 7);
		assert_eq!(sample_size(SampleSize::PerMille(0), 7, 100), 0);
	}

	#[test]
	fn a_recusal_takes_the_next_eligible_candidate_of_the_same_sequence() {
		let s = seed_of(9);
		let (first, after) = next_inspector(&s, 0, 0, 10, |_| true).unwrap();
		// Excluding the first, the same sequence goes on from where it stopped.
		let (second, _) = next_inspector(&s, 0, after, 10, |i| i != first).unwrap();
		assert_ne!(first, second);
		let again = next_inspector(&s, 0, 0, 10, |i| i != first).unwrap().0;
		assert_eq!(again, second, "deterministic");
		assert_eq!(next_inspector(&s, 0, 0, 10, |_| false), None);
		assert_eq!(next_inspector(&s, 0, 0, 0, |_| true), None);
	}
}
