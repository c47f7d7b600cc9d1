//! The consortium: member organizations, their accounts, terms, roles, council seats and
//! transaction quotas.

use super::{governance::MAX_AGENCIES, GovernanceOrigin};
use crate::{AgencyCouncil, BlockNumber, Runtime, RuntimeCall, Signature, Timestamp, HOURS};
use frame_support::{
	parameter_types,
	traits::{ConstU32, ConstU64},
};
use regchain_primitives::time::{self, Moment};
use sp_runtime::traits::Verify;

parameter_types! {
	/// Five years: a registration or renewal never binds the consortium for longer.
	pub const MaxMembershipTerm: Moment = 5 * 365 * time::DAY;
	/// Quotas count per hour of blocks: a member that floods is back within the hour, others
	/// never wait. A rate limit on block space, not a date anyone is held to, so it is counted
	/// in blocks, the unit of the space it shares out.
	pub const QuotaPeriod: BlockNumber = HOURS;
}

/// Transactions each organization may submit per hour unless governance sets otherwise: far
/// above what an agency or enterprise files by hand, far below what would crowd others out
/// (a block holds thousands of simple calls).
pub const DEFAULT_TX_QUOTA: u32 = 1_000;

/// Bytes of transactions each organization may submit per hour unless governance sets
/// otherwise: 2 MiB, a thousand 32-line invoices (≈ 2 KiB each). This is what bounds one
/// organization's share of block space (≈ 0.1 % of the 1.9 GiB an hour of full blocks holds)
/// and the state it can make every node keep: at most 2 MiB an hour, ≈ 17 GiB a year if it
/// filled its quota every hour of the year.
pub const DEFAULT_BYTE_QUOTA: u32 = 2 * 1024 * 1024;

/// The floors governance cannot go below: enough for an agency to vote, propose and renew.
pub const MIN_TX_QUOTA: u32 = 20;
/// 16 KiB: a few governance calls' worth.
pub const MIN_BYTE_QUOTA: u32 = 16 * 1024;

impl pallet_consortium::Config for Runtime {
	type GovernanceOrigin = GovernanceOrigin;
	type RuntimeCall = RuntimeCall;
	type Council = AgencyCouncil;
	type MaxAgencies = ConstU32<MAX_AGENCIES>;
	type QuotaPeriod = QuotaPeriod;
	type MaxTerm = MaxMembershipTerm;
	/// Enough for an agency's departments or an enterprise's finance staff, each with a key.
	type MaxAccountsPerOrg = ConstU32<16>;
	type MinTxQuota = ConstU32<MIN_TX_QUOTA>;
	type MinByteQuota = ConstU32<MIN_BYTE_QUOTA>;
	/// A council seat may still propose, vote and close 100 times an hour after its clerks
	/// used the agency's quota.
	type GovernanceReserve = ConstU32<100>;
	/// Three agencies at least stay on the council: no suspension or revocation empties it.
	type MinAgencies = ConstU32<3>;
	type CallPolicy = super::call_policy::MemberCalls;
	/// An agency whose validators produce may not be suspended or revoked below the
	/// validator set's minimum: governance removes or replaces its validators first.
	type AgencyDeparture = super::validators::KeepProducers;
	/// Accounts consent with the signature scheme they transact with.
	type JoinSignature = Signature;
	type JoinSigner = <Signature as Verify>::Signer;
	/// A day to hand a signed consent to the organization's administrator.
	type JoinValidity = ConstU64<{ time::DAY }>;
	type UnixTime = Timestamp;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = BenchmarkKeys;
	type WeightInfo = pallet_consortium::weights::SubstrateWeight<Runtime>;
}

/// Benchmarks: consents and declarations signed by fresh sr25519 keys of the benchmark's
/// keystore (joining an organization, an author's declaration of a work); and the clock of the
/// benchmark's state, which starts at the benchmark epoch.
#[cfg(feature = "runtime-benchmarks")]
pub struct BenchmarkKeys;
#[cfg(feature = "runtime-benchmarks")]
impl regchain_primitives::BenchmarkClock for BenchmarkKeys {
	fn start() {
		if pallet_timestamp::Now::<crate::Runtime>::get() == 0 {
			pallet_timestamp::Now::<crate::Runtime>::put(regchain_primitives::BENCHMARK_EPOCH);
		}
	}
}
#[cfg(feature = "runtime-benchmarks")]
impl regchain_primitives::BenchmarkSigner<crate::AccountId, Signature> for BenchmarkKeys {
	fn new_key() -> crate::AccountId {
		use sp_consensus_aura::sr25519::AuthorityId as Key;
		use sp_runtime::{traits::IdentifyAccount, RuntimeAppPublic};
		let public: sp_core::sr25519::Public = Key::generate_pair(None).into();
		sp_runtime::MultiSigner::from(public).into_account()
	}

	fn sign(key: &crate::AccountId, message: &[u8]) -> Signature {
		use sp_consensus_aura::sr25519::AuthorityId as Key;
		use sp_runtime::RuntimeAppPublic;
		let public = Key::from(sp_core::sr25519::Public::from_raw(key.clone().into()));
		let signature = public.sign(&message).expect("the benchmark keystore holds the key");
		let signature: sp_core::sr25519::Signature = signature.into();
		signature.into()
	}
}
