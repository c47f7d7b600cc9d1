//! Special-fund accounts (专项资金): fund managers run programs, enterprises spend, the finance
//! bureau and auditors supervise; invoices are locked through the invoices pallet.

use crate::{AccountId, Consortium, Invoices, Runtime, Timestamp};
use frame_support::traits::EitherOf;
use regchain_primitives::{
	params::{agency, domain, kind, role},
	AnyMember, EnsureAgency, EnsureMember, EnsureRegulator, EnsureRole, IsKind,
};

impl pallet_funds::Config for Runtime {
	type ManagerOrigin = EnsureRole<AccountId, Consortium, role::FundManager>;
	/// Enterprises, and financial institutions (each program's eligibility says which apply).
	type EnterpriseOrigin = EitherOf<
		EnsureMember<AccountId, Consortium, IsKind<kind::Enterprise>>,
		EnsureMember<AccountId, Consortium, IsKind<kind::FinancialInstitution>>,
	>;
	/// The finance bureau appropriates budgets.
	type FinanceOrigin = EnsureAgency<AccountId, Consortium, agency::FinanceBureau>;
	/// Any member objects to an award in its publicity.
	type ObjectorOrigin = EnsureMember<AccountId, Consortium, AnyMember>;
	/// The funds' regulator (the finance bureau), or an organization it made an auditor.
	type RegulatorOrigin = EitherOf<
		EnsureRegulator<AccountId, Consortium, domain::Funds>,
		EnsureRole<AccountId, Consortium, role::Auditor>,
	>;
	/// Banks confirm the movements of the special accounts they hold.
	type BankOrigin = EnsureMember<AccountId, Consortium, IsKind<kind::FinancialInstitution>>;
	type Invoices = Invoices;
	type UnixTime = Timestamp;
	type WeightInfo = pallet_funds::weights::SubstrateWeight<Runtime>;
	type Membership = Consortium;
	/// Who is listed under joint discipline: the credit pallet's listings.
	type Standing = crate::Credit;
}
