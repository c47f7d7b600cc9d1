//! SME credit attestations (征信): the credit regulator registers claim types and authorizes
//! attesters, attesters attest enterprises, enterprises grant lenders consent and dispute,
//! lenders declare their accesses; receivables lock invoices through the invoices pallet.

use super::GovernanceOrigin;
use crate::{AccountId, Consortium, Invoices, Runtime, Timestamp};
use frame_support::traits::ConstU64;
use regchain_primitives::{
	params::{agency, kind, role},
	time::DAY,
	EnsureAgency, EnsureMember, EnsureRole, IsKind,
};

impl pallet_credit::Config for Runtime {
	type RegulatorOrigin = EnsureAgency<AccountId, Consortium, agency::CreditRegulator>;
	type AttesterOrigin = EnsureRole<AccountId, Consortium, role::Attester>;
	type EnterpriseOrigin = EnsureMember<AccountId, Consortium, IsKind<kind::Enterprise>>;
	type LenderOrigin = EnsureMember<AccountId, Consortium, IsKind<kind::FinancialInstitution>>;
	type Membership = Consortium;
	type Invoices = Invoices;
	type GovernanceOrigin = GovernanceOrigin;
	type UnixTime = Timestamp;
	/// 征信业管理条例 art. 25: a credit agency answers an objection within 20 days.
	type DisputeWindow = ConstU64<{ 20 * DAY }>;
	/// Consent for up to three years (a loan's term), renewed by a new grant.
	type MaxGrantTerm = ConstU64<{ 3 * 366 * DAY }>;
	type WeightInfo = pallet_credit::weights::SubstrateWeight<Runtime>;
}
