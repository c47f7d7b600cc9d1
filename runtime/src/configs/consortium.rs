//! The consortium: member organizations, their accounts, terms, roles, council seats and
//! transaction quotas.

use super::{governance::MAX_AGENCIES, GovernanceOrigin};
use crate::{AgencyCouncil, BlockNumber, Runtime, RuntimeCall, DAYS, HOURS};
use frame_support::{parameter_types, traits::ConstU32};

parameter_types! {
	/// Five years: a registration or renewal never binds the consortium for longer.
	pub const MaxMembershipTerm: BlockNumber = 5 * 365 * DAYS;
	/// Quotas count per hour: a member that floods is back within the hour, others never wait.
	pub const QuotaPeriod: BlockNumber = HOURS;
}

/// Transactions each organization may submit per hour unless governance sets otherwise: far
/// above what an agency or enterprise files by hand, far below what would crowd others out
/// (a block holds thousands of simple calls).
pub const DEFAULT_TX_QUOTA: u32 = 1_000;

impl pallet_consortium::Config for Runtime {
	type GovernanceOrigin = GovernanceOrigin;
	type RuntimeCall = RuntimeCall;
	type Council = AgencyCouncil;
	type MaxAgencies = ConstU32<MAX_AGENCIES>;
	type QuotaPeriod = QuotaPeriod;
	type MaxTerm = MaxMembershipTerm;
	/// Enough for an agency's departments or an enterprise's finance staff, each with a key.
	type MaxAccountsPerOrg = ConstU32<16>;
	type WeightInfo = pallet_consortium::weights::SubstrateWeight<Runtime>;
}
