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
	/// The funds and the credit pallet's financing, told when a red invoice reduces an invoice
	/// they hold.
	type ClaimHolders = ClaimHolders;
	type WeightInfo = pallet_invoices::weights::SubstrateWeight<Runtime>;
}

frame_support::parameter_types! {
	/// A listed issuer's floor (纳税信用管理办法 art. 32, a D-grade taxpayer's supply):
	/// invoices of at most 100,000 yuan, 25 a month.
	pub const ListedLimits: pallet_invoices::IssuerLimits =
		pallet_invoices::IssuerLimits { per_invoice: Some(10_000_000), per_month: 250_000_000 };
}

/// The domains that lock invoices, told by claim tag when a red invoice reduces one they hold:
/// a special-fund expense (the funds), a financed receivable (the credit pallet, for the bank).
/// A reimbursement (the invoices' own claim) has no other domain: the invoices pallet's
/// `ClaimReduced` event is the flag its buyer's accountant reads.
pub struct ClaimHolders;

impl regchain_primitives::InvoiceReversals for ClaimHolders {
	fn reversed(
		invoice: regchain_primitives::InvoiceRef,
		claim: regchain_primitives::Claim,
		reversal: regchain_primitives::ClaimReversal,
	) {
		match claim.domain {
			pallet_funds::FUND_EXPENSE => crate::Funds::reversed(invoice, claim, reversal),
			pallet_credit::CREDIT => crate::Credit::reversed(invoice, claim, reversal),
			_ => {},
		}
	}

	fn weight() -> frame_support::weights::Weight {
		crate::Funds::weight().max(crate::Credit::weight())
	}
}
