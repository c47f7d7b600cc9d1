//! The agencies' validators: `pallet-validator-set` decides who, `pallet-session` hands their
//! keys to Aura and GRANDPA at each session boundary, and `pallet-node-authorization` lists the
//! nodes (peer ids, each owned by an agency account) that validators accept as peers.

use super::MAX_AUTHORITIES;
use crate::{
	opaque::SessionKeys, AccountId, Balances, BlockNumber, Consortium, Runtime, RuntimeEvent,
	Session, ValidatorSet, MINUTES,
};
use frame_support::{
	parameter_types,
	traits::{ConstU128, ConstU32},
};
use sp_runtime::traits::{ConvertInto, OpaqueKeys};

/// One minute: a validator change decided by governance takes effect within two sessions
/// (`pallet-session` plans one session ahead), so within two minutes.
pub const SESSION_PERIOD: BlockNumber = MINUTES;

parameter_types! {
	pub const SessionPeriod: BlockNumber = SESSION_PERIOD;
	pub const SessionOffset: BlockNumber = 0;
}

impl pallet_session::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type ValidatorId = AccountId;
	type ValidatorIdOf = ConvertInto;
	type ShouldEndSession = pallet_session::PeriodicSessions<SessionPeriod, SessionOffset>;
	type NextSessionRotation = pallet_session::PeriodicSessions<SessionPeriod, SessionOffset>;
	type SessionManager = ValidatorSet;
	type SessionHandler = <SessionKeys as OpaqueKeys>::KeyTypeIdProviders;
	type Keys = SessionKeys;
	/// No slashing or disabling: a misbehaving agency validator is barred by governance.
	type DisablingStrategy = ();
	type WeightInfo = pallet_session::weights::SubstrateWeight<Runtime>;
	type Currency = Balances;
	/// Validators are agencies, admitted by governance: no deposit is needed against spam.
	type KeyDeposit = ConstU128<0>;
}

/// Which nodes may join: the well-known nodes of the agencies, changed by governance. Each
/// validator's offchain worker makes its node connect only to the other well-known nodes
/// (`reserved-only`), so a node whose peer id governance has not admitted gets no peer. Its
/// owner account may additionally allow connections from its own non-validator nodes.
///
/// The crate ships no benchmarks and a flat 50 µs per call that charges no storage at all;
/// [`NodeAuthorizationWeights`] charges its calls for what they read and write instead, at
/// their bounds (`MaxWellKnownNodes`, `MaxPeerIdLength`, and the
/// [`MAX_CONNECTIONS_PER_NODE`](super::MAX_CONNECTIONS_PER_NODE) that the member call policy
/// keeps each node's extra connections to).
impl pallet_node_authorization::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type MaxWellKnownNodes = ConstU32<{ 2 * MAX_AUTHORITIES }>;
	/// A libp2p peer id is 38 bytes (ed25519); room for other key types.
	type MaxPeerIdLength = ConstU32<128>;
	type AddOrigin = super::GovernanceOrigin;
	type RemoveOrigin = super::GovernanceOrigin;
	type SwapOrigin = super::GovernanceOrigin;
	type ResetOrigin = super::GovernanceOrigin;
	type WeightInfo = NodeAuthorizationWeights;
}

/// Weights of `pallet-node-authorization` computed from its storage accesses at their bounds:
/// the crate's own flat 50 µs of execution, plus the database reads and writes each call makes
/// and the proof size of the largest values it touches (the well-known set: 64 peer ids of at
/// most 128 bytes; a node's extra connections: 16 of them).
pub struct NodeAuthorizationWeights;

mod node_weights {
	use super::super::MAX_AUTHORITIES;
	use crate::configs::MAX_CONNECTIONS_PER_NODE;
	use crate::weights::paritydb_weights::constants::ParityDbWeight;
	use frame_support::weights::Weight;

	/// One peer id at its bound, with its length prefix.
	const PEER_ID: u64 = 130;
	/// The well-known set at its bound.
	pub const WELL_KNOWN: u64 = 2 * MAX_AUTHORITIES as u64 * PEER_ID;
	/// A node's extra connections at their bound.
	pub const CONNECTIONS: u64 = MAX_CONNECTIONS_PER_NODE as u64 * PEER_ID;
	/// An owner entry: peer id and account.
	pub const OWNER: u64 = PEER_ID + 32;

	/// 50 µs of execution, `reads` and `writes` database accesses, `proof` bytes.
	pub fn weight(reads: u64, writes: u64, proof: u64) -> Weight {
		Weight::from_parts(50_000_000, proof)
			.saturating_add(ParityDbWeight::get().reads_writes(reads, writes))
	}
}

impl pallet_node_authorization::WeightInfo for NodeAuthorizationWeights {
	fn add_well_known_node() -> frame_support::weights::Weight {
		use node_weights::*;
		weight(2, 2, WELL_KNOWN + OWNER)
	}
	fn remove_well_known_node() -> frame_support::weights::Weight {
		use node_weights::*;
		weight(1, 3, WELL_KNOWN + OWNER + CONNECTIONS)
	}
	fn swap_well_known_node() -> frame_support::weights::Weight {
		use node_weights::*;
		weight(3, 5, WELL_KNOWN + 2 * OWNER + 2 * CONNECTIONS)
	}
	fn reset_well_known_nodes() -> frame_support::weights::Weight {
		use node_weights::*;
		// Replaces the set and writes one owner per node.
		let nodes = 2 * MAX_AUTHORITIES as u64;
		weight(1, 1 + nodes, 2 * WELL_KNOWN + nodes * OWNER)
	}
	fn claim_node() -> frame_support::weights::Weight {
		use node_weights::*;
		weight(1, 1, OWNER)
	}
	fn remove_claim() -> frame_support::weights::Weight {
		use node_weights::*;
		weight(2, 2, OWNER + WELL_KNOWN + CONNECTIONS)
	}
	fn transfer_node() -> frame_support::weights::Weight {
		use node_weights::*;
		weight(1, 1, OWNER)
	}
	fn add_connections() -> frame_support::weights::Weight {
		use node_weights::*;
		weight(2, 1, OWNER + CONNECTIONS)
	}
	fn remove_connections() -> frame_support::weights::Weight {
		use node_weights::*;
		weight(2, 1, OWNER + CONNECTIONS)
	}
}

impl pallet_validator_set::Config for Runtime {
	type GovernanceOrigin = super::GovernanceOrigin;
	type Membership = Consortium;
	type KeyRegistration = Session;
	type SessionValidators = SessionValidators;
	type MaxValidators = ConstU32<MAX_AUTHORITIES>;
	/// One a session: with four or more producing validators, a new one whose node never
	/// comes up still leaves GRANDPA its two-thirds; the next may follow once it produces.
	type MaxAdditionsPerSession = ConstU32<1>;
	type WeightInfo = pallet_validator_set::weights::SubstrateWeight<Runtime>;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = BenchmarkKeys;
}

/// The validators of the current session, as `pallet-session` keeps them.
pub struct SessionValidators;
impl frame_support::traits::Get<alloc::vec::Vec<AccountId>> for SessionValidators {
	fn get() -> alloc::vec::Vec<AccountId> {
		pallet_session::Validators::<Runtime>::get()
	}
}

/// The consortium asks before suspending or revoking an agency: its producing validators
/// would stop producing, so the departure is refused (`validatorSet.TooFewValidators`) if it
/// would leave fewer than the minimum.
pub struct KeepProducers;
impl pallet_consortium::AgencyDeparture for KeepProducers {
	fn ensure_can_leave(org: regchain_primitives::OrgId) -> sp_runtime::DispatchResult {
		use regchain_primitives::Membership;
		let producing = ValidatorSet::producing();
		let losing = producing
			.iter()
			.filter(|v| Consortium::member(v).is_some_and(|m| m.org == org))
			.count();
		let min = pallet_validator_set::MinValidators::<Runtime>::get().max(1) as usize;
		if producing.len().saturating_sub(losing) < min {
			return Err(pallet_validator_set::Error::<Runtime>::TooFewValidators.into());
		}
		Ok(())
	}
}

/// Benchmarks: session keys for sample validators, stored as `session.setKeys` would.
#[cfg(feature = "runtime-benchmarks")]
pub struct BenchmarkKeys;
#[cfg(feature = "runtime-benchmarks")]
impl pallet_validator_set::BenchmarkHelper<AccountId> for BenchmarkKeys {
	fn register_keys(who: &AccountId) {
		use codec::Encode;
		use sp_runtime::traits::TrailingZeroInput;
		let keys =
			<SessionKeys as codec::Decode>::decode(&mut TrailingZeroInput::new(&who.encode()))
				.expect("session keys decode from any bytes");
		pallet_session::NextKeys::<Runtime>::insert(who, keys);
	}
}
