//! Provenance (防伪溯源): manufacturers register classes, batches and items; supply-chain
//! members pack, hand over and receive them; retailers sell; customs clears and inspectors
//! inspect within their jurisdiction; market regulation recalls and freezes.

use crate::{AccountId, Consortium, Runtime, Timestamp};
use regchain_primitives::{
	params::{agency, domain, role},
	AnyMember, EnsureAgency, EnsureMember, EnsureRegulator, EnsureRole,
};

impl pallet_provenance::Config for Runtime {
	type ManufacturerOrigin = EnsureRole<AccountId, Consortium, role::Manufacturer>;
	/// Any member; the pallet checks supply-chain roles where they matter (a receiver, a
	/// packer, a scanner), custody everywhere.
	type MemberOrigin = EnsureMember<AccountId, Consortium, AnyMember>;
	type RetailerOrigin = EnsureRole<AccountId, Consortium, role::Retailer>;
	type InspectorOrigin = EnsureRole<AccountId, Consortium, role::Inspector>;
	type CustomsOrigin = EnsureAgency<AccountId, Consortium, agency::Customs>;
	type RegulatorOrigin = EnsureRegulator<AccountId, Consortium, domain::Provenance>;
	type Membership = Consortium;
	type UnixTime = Timestamp;
	type WeightInfo = pallet_provenance::weights::SubstrateWeight<Runtime>;
}
