//! Type-level constants for the pallets' `Config` types and mocks — an agency kind, a role, an
//! organization kind as a `Get` type — declared once here instead of with `parameter_types!` in
//! every runtime config and mock:
//! `EnsureAgency<AccountId, Consortium, agency::TaxBureau>`,
//! `EnsureRole<AccountId, Consortium, role::InvoiceIssuer>`,
//! `EnsureMember<AccountId, Consortium, IsKind<kind::Enterprise>>`,
//! `EnsureRegulator<AccountId, Consortium, domain::Invoices>`.

use crate::{AgencyKind, Domain, OrgKind, Role};
use frame_support::traits::Get;

macro_rules! constants {
	($(#[$doc:meta])* $module:ident: $ty:ty { $($name:ident => $value:expr),* $(,)? }) => {
		$(#[$doc])*
		pub mod $module {
			use super::*;
			$(
				#[doc = concat!("`", stringify!($value), "` as a `Get` type.")]
				pub struct $name;
				impl Get<$ty> for $name {
					fn get() -> $ty {
						$value
					}
				}
			)*
		}
	};
}

constants! {
	/// Every [`AgencyKind`].
	agency: AgencyKind {
		FinanceBureau => AgencyKind::FinanceBureau,
		TaxBureau => AgencyKind::TaxBureau,
		MarketRegulation => AgencyKind::MarketRegulation,
		Court => AgencyKind::Court,
		IpOffice => AgencyKind::IpOffice,
		CreditRegulator => AgencyKind::CreditRegulator,
		EconomyCommission => AgencyKind::EconomyCommission,
		ScienceCommission => AgencyKind::ScienceCommission,
		CommerceCommission => AgencyKind::CommerceCommission,
		AuditOffice => AgencyKind::AuditOffice,
		Customs => AgencyKind::Customs,
	}
}

constants! {
	/// Every [`Role`].
	role: Role {
		InvoiceIssuer => Role::InvoiceIssuer,
		FundManager => Role::FundManager,
		Auditor => Role::Auditor,
		Attester => Role::Attester,
		Notary => Role::Notary,
		IpExaminer => Role::IpExaminer,
		ProvenanceRecorder => Role::ProvenanceRecorder,
		Inspector => Role::Inspector,
		Manufacturer => Role::Manufacturer,
		Logistics => Role::Logistics,
		Retailer => Role::Retailer,
	}
}

constants! {
	/// The kinds of members that are not agencies.
	kind: OrgKind {
		Enterprise => OrgKind::Enterprise,
		FinancialInstitution => OrgKind::FinancialInstitution,
	}
}

constants! {
	/// Every [`Domain`].
	domain: Domain {
		Members => Domain::Members,
		Invoices => Domain::Invoices,
		Funds => Domain::Funds,
		Credit => Domain::Credit,
		Notarization => Domain::Notarization,
		Provenance => Domain::Provenance,
		IpRights => Domain::IpRights,
	}
}

#[cfg(test)]
mod tests {
	use super::*;

	/// A kind or role added to the enums without its constant here fails this test.
	#[test]
	fn every_kind_and_role_has_its_constant() {
		let agencies = [
			agency::FinanceBureau::get(),
			agency::TaxBureau::get(),
			agency::MarketRegulation::get(),
			agency::Court::get(),
			agency::IpOffice::get(),
			agency::CreditRegulator::get(),
			agency::EconomyCommission::get(),
			agency::ScienceCommission::get(),
			agency::CommerceCommission::get(),
			agency::AuditOffice::get(),
			agency::Customs::get(),
		];
		assert_eq!(agencies, AgencyKind::ALL);
		let roles = [
			role::InvoiceIssuer::get(),
			role::FundManager::get(),
			role::Auditor::get(),
			role::Attester::get(),
			role::Notary::get(),
			role::IpExaminer::get(),
			role::ProvenanceRecorder::get(),
			role::Inspector::get(),
			role::Manufacturer::get(),
			role::Logistics::get(),
			role::Retailer::get(),
		];
		assert_eq!(roles, Role::ALL);
		let domains = [
			domain::Members::get(),
			domain::Invoices::get(),
			domain::Funds::get(),
			domain::Credit::get(),
			domain::Notarization::get(),
			domain::Provenance::get(),
			domain::IpRights::get(),
		];
		assert_eq!(domains, Domain::ALL);
	}
}
