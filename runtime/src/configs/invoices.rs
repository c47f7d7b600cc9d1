//! Blockchain invoices (区块链发票): the tax bureau supervises, pilot taxpayers issue, any
//! member buys.

use crate::{AccountId, Consortium, Runtime, Timestamp};
use frame_support::traits::{ConstU32, ConstU64};
use regchain_primitives::{
	params::{domain, role},
	AnyMember, EnsureMember, EnsureRegulator, EnsureRole,
};

impl pallet_invoices::Config for Runtime {
	type Membership = Consortium;
	type TaxOrigin = EnsureRegulator<AccountId, Consortium, domain::Invoices>;
	type IssuerOrigin = EnsureRole<AccountId, Consortium, role::InvoiceIssuer>;
	type MemberOrigin = EnsureMember<AccountId, Consortium, AnyMember>;
	/// A suspended buyer still answers a red-letter request within its 72 hours.
	type AnswerOrigin = regchain_primitives::EnsureAnswerer<AccountId, Consortium, AnyMember>;
	type UnixTime = Timestamp;
	/// The rate in force and up to seven announced changes per code.
	type MaxRateChanges = ConstU32<8>;
	/// 72 hours, as the fully digitalized e-invoice rules give a buyer to confirm a red-letter
	/// confirmation form.
	type ReversalAnswerWindow = ConstU64<{ 72 * 3_600 * 1_000 }>;
	/// Who is listed under joint discipline: the credit pallet's listings.
	type Standing = crate::Credit;
	type ListedLimits = ListedLimits;
	type WeightInfo = pallet_invoices::weights::SubstrateWeight<Runtime>;
}

frame_support::parameter_types! {
	/// A listed issuer's floor (纳税信用管理办法 art. 32, a D-grade taxpayer's supply):
	/// invoices of at most 100,000 yuan, 25 a month.
	pub const ListedLimits: pallet_invoices::IssuerLimits =
		pallet_invoices::IssuerLimits { per_invoice: Some(10_000_000), per_month: 250_000_000 };
}
