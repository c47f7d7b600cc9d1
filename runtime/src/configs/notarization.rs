//! Evidence notarization (司法存证): any member puts a digest or a Merkle batch root on chain with
//! the proof of time; courts and notary offices holding the `Notary` role certify records; a
//! court freezes a record of an owner within its jurisdiction.

use crate::{AccountId, Consortium, Runtime, Timestamp};
use regchain_primitives::{
	params::{domain, role},
	AnyMember, EnsureMember, EnsureRegulator, EnsureRole,
};

impl pallet_notarization::Config for Runtime {
	/// Evidence is anyone's: an enterprise, a bank, an agency. Members pay no fees; the
	/// consortium's quota bounds how much each organization submits.
	type SubmitterOrigin = EnsureMember<AccountId, Consortium, AnyMember>;
	type NotaryOrigin = EnsureRole<AccountId, Consortium, role::Notary>;
	type FreezeOrigin = EnsureRegulator<AccountId, Consortium, domain::Notarization>;
	type Membership = Consortium;
	type UnixTime = Timestamp;
	type WeightInfo = pallet_notarization::weights::SubstrateWeight<Runtime>;
}
