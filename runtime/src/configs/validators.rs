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
/// The crate ships fixed weights (50 µs per call, no benchmarks of its own); its calls are
/// rare governance decisions, so the estimate is kept instead of forking the pallet.
impl pallet_node_authorization::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type MaxWellKnownNodes = ConstU32<{ 2 * MAX_AUTHORITIES }>;
	/// A libp2p peer id is 38 bytes (ed25519); room for other key types.
	type MaxPeerIdLength = ConstU32<128>;
	type AddOrigin = super::GovernanceOrigin;
	type RemoveOrigin = super::GovernanceOrigin;
	type SwapOrigin = super::GovernanceOrigin;
	type ResetOrigin = super::GovernanceOrigin;
	type WeightInfo = ();
}

impl pallet_validator_set::Config for Runtime {
	type GovernanceOrigin = super::GovernanceOrigin;
	type Membership = Consortium;
	type KeyRegistration = Session;
	type MaxValidators = ConstU32<MAX_AUTHORITIES>;
	type WeightInfo = pallet_validator_set::weights::SubstrateWeight<Runtime>;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = BenchmarkKeys;
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
