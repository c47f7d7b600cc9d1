//! SME credit attestations (征信): the credit regulator registers claim types and authorizes
//! attesters, attesters attest enterprises, enterprises grant lenders consent and dispute,
//! lenders declare their accesses; receivables lock invoices through the invoices pallet.

use super::GovernanceOrigin;
use crate::{AccountId, Consortium, Invoices, Runtime, Timestamp};
use frame_support::traits::ConstU64;
use regchain_primitives::{
	params::{domain, kind, role},
	time::DAY,
	EnsureMember, EnsureRegulator, EnsureRole, IsKind,
};

impl pallet_credit::Config for Runtime {
	type RegulatorOrigin = EnsureRegulator<AccountId, Consortium, domain::Credit>;
	type AttesterOrigin = EnsureRole<AccountId, Consortium, role::Attester>;
	type EnterpriseOrigin = EnsureMember<AccountId, Consortium, IsKind<kind::Enterprise>>;
	/// A suspended enterprise still disputes what is attested about it (a listing above all).
	type AnswerOrigin =
		regchain_primitives::EnsureAnswerer<AccountId, Consortium, IsKind<kind::Enterprise>>;
	type LenderOrigin = EnsureMember<AccountId, Consortium, IsKind<kind::FinancialInstitution>>;
	type Membership = Consortium;
	type Invoices = Invoices;
	type GovernanceOrigin = GovernanceOrigin;
	type UnixTime = Timestamp;
	/// 征信业管理条例 art. 25: a credit agency answers an objection within 20 days.
	type DisputeWindow = ConstU64<{ 20 * DAY }>;
	/// Consent for up to three years (a loan's term), renewed by a new grant.
	type MaxGrantTerm = ConstU64<{ 3 * 366 * DAY }>;
	/// A declared access serves a lender's reads for a day (a loan review's), then it declares
	/// again: each read session is in the SME's log.
	type AccessValidity = ConstU64<DAY>;
	type WeightInfo = pallet_credit::weights::SubstrateWeight<Runtime>;
}
