//! The consortium: member organizations, their accounts, terms and roles.

use crate::{AccountId, BlockNumber, Runtime, DAYS};
use frame_support::{parameter_types, traits::ConstU32};
use frame_system::EnsureRoot;

parameter_types! {
	/// Five years: a registration or renewal never binds the consortium for longer.
	pub const MaxMembershipTerm: BlockNumber = 5 * 365 * DAYS;
}

impl pallet_consortium::Config for Runtime {
	/// Root until the agencies' council replaces it (consortium governance, issue #3): on the
	/// dev chain that is the sudo key; on networks without sudo, no one yet, so the founding
	/// agencies come from genesis.
	type GovernanceOrigin = EnsureRoot<AccountId>;
	type MaxTerm = MaxMembershipTerm;
	/// Enough for an agency's departments or an enterprise's finance staff, each with a key.
	type MaxAccountsPerOrg = ConstU32<16>;
	type WeightInfo = pallet_consortium::weights::SubstrateWeight<Runtime>;
}
