//! Blockchain invoices (区块链发票): the tax bureau supervises, pilot taxpayers issue, any
//! member buys.

use crate::{Consortium, Runtime, Timestamp};
use alloc::{vec, vec::Vec};
use frame_support::{parameter_types, traits::ConstU32};
use pallet_invoices::{RateCode, TaxRate};
use regchain_primitives::{AgencyKind, AnyMember, EnsureAgency, EnsureMember, EnsureRole, Role};

use crate::AccountId;

parameter_types! {
	pub const TaxBureau: AgencyKind = AgencyKind::TaxBureau;
	pub const InvoiceIssuer: Role = Role::InvoiceIssuer;
}

/// China's VAT rates in 2026, the table every network starts with: general rates 13 % (goods),
/// 9 % (transport, construction, farm produce), 6 % (modern services), the 3 % collection rate
/// of small-scale taxpayers, the zero rate (exports) and exemption.
pub fn vat_rates() -> Vec<(RateCode, TaxRate)> {
	vec![
		(1, TaxRate::BasisPoints(1_300)),
		(2, TaxRate::BasisPoints(900)),
		(3, TaxRate::BasisPoints(600)),
		(4, TaxRate::BasisPoints(300)),
		(5, TaxRate::BasisPoints(0)),
		(6, TaxRate::Exempt),
	]
}

impl pallet_invoices::Config for Runtime {
	type Membership = Consortium;
	type TaxOrigin = EnsureAgency<AccountId, Consortium, TaxBureau>;
	type IssuerOrigin = EnsureRole<AccountId, Consortium, InvoiceIssuer>;
	type MemberOrigin = EnsureMember<AccountId, Consortium, AnyMember>;
	type UnixTime = Timestamp;
	/// The rate in force and up to seven announced changes per code.
	type MaxRateChanges = ConstU32<8>;
	type WeightInfo = pallet_invoices::weights::SubstrateWeight<Runtime>;
}
