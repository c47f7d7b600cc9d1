//! The database weights of the RegChain node (ParityDB) for the runtime, measured by
//! `scripts/benchmark-weights.sh`: `regchain-node benchmark storage` (CLI 64.0.0) on a
//! dev-chain state filled by the load harness. Regenerate, do not edit.
//!
//! CPU: `AMD EPYC`; database: `ParityDb`; block: `Number(47)`; state version:
//! `V1`; warm-ups: `2`; metric:
//! `P99Percentile` × `1.0` +
//! `0`; date: 2026-11-26 (Y/M/D).

/// Storage weights of this node's database.
pub mod constants {
	use frame_support::weights::constants;
	use sp_core::parameter_types;
	use sp_weights::RuntimeDbWeight;

	parameter_types! {
		/// The cost of one storage read and one storage write on this node.
		pub const ParityDbWeight: RuntimeDbWeight = RuntimeDbWeight {
			// One read, cold (no trie cache). Nanoseconds: min 641,
			// median 3_956, average 4_192,
			// p99 7_060, max 257_212.
			read: 7_060 * constants::WEIGHT_REF_TIME_PER_NANOS,
			// One write, in batches of 2000 with the storage root and the
			// commit. Nanoseconds: min 6_147, median
			// 7_425, average 7_853,
			// p99 11_167, max 11_167.
			write: 11_167 * constants::WEIGHT_REF_TIME_PER_NANOS,
		};
	}
}
