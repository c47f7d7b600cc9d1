//! Special-fund accounts (专项资金): fund managers run programs, enterprises spend, the finance
//! bureau and auditors supervise; invoices are locked through the invoices pallet.

use super::invoices::FinanceBureau;
use crate::{AccountId, Consortium, Invoices, Runtime};
use frame_support::{parameter_types, traits::EitherOf};
use regchain_primitives::{EnsureAgency, EnsureMember, EnsureRole, IsKind, OrgKind, Role};

parameter_types! {
	pub const FundManager: Role = Role::FundManager;
	pub const Auditor: Role = Role::Auditor;
	pub const Enterprise: OrgKind = OrgKind::Enterprise;
}

impl pallet_funds::Config for Runtime {
	type ManagerOrigin = EnsureRole<AccountId, Consortium, FundManager>;
	type EnterpriseOrigin = EnsureMember<AccountId, Consortium, IsKind<Enterprise>>;
	/// The finance bureau itself, or an organization it made an auditor.
	type RegulatorOrigin = EitherOf<
		EnsureAgency<AccountId, Consortium, FinanceBureau>,
		EnsureRole<AccountId, Consortium, Auditor>,
	>;
	type Invoices = Invoices;
	type WeightInfo = pallet_funds::weights::SubstrateWeight<Runtime>;
	type Membership = Consortium;
}
