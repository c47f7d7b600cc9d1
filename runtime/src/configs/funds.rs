//! Special-fund accounts (专项资金): fund managers run programs, enterprises spend, the finance
//! bureau and auditors supervise; invoices are locked through the invoices pallet.

use crate::{AccountId, Consortium, Invoices, Runtime, Timestamp};
use frame_support::traits::EitherOf;
use regchain_primitives::{
	params::{agency, kind, role},
	EnsureAgency, EnsureMember, EnsureRole, IsKind,
};

impl pallet_funds::Config for Runtime {
	type ManagerOrigin = EnsureRole<AccountId, Consortium, role::FundManager>;
	type EnterpriseOrigin = EnsureMember<AccountId, Consortium, IsKind<kind::Enterprise>>;
	/// The finance bureau itself, or an organization it made an auditor.
	type RegulatorOrigin = EitherOf<
		EnsureAgency<AccountId, Consortium, agency::FinanceBureau>,
		EnsureRole<AccountId, Consortium, role::Auditor>,
	>;
	type Invoices = Invoices;
	type UnixTime = Timestamp;
	type WeightInfo = pallet_funds::weights::SubstrateWeight<Runtime>;
	type Membership = Consortium;
}
