//! Which agency supervises what: the one table of the agencies' remits, written once and read
//! by the origins of the regulatory calls, by the runtime API the query gateway and the dossier
//! ask, and by nothing else.
//!
//! An agency's remit is by law, per domain: it **regulates** a domain it acts in (freezes,
//! voids, recalls, attests as a regulator, decides) and reads; it **reads** a domain it
//! supervises without acting there — market regulation reads every domain (comprehensive
//! in-process and after-the-fact supervision, 事中事后监管), the commissions that run special
//! funds read the funds, the audit office reads them (it acts through the `Auditor` role the
//! finance bureau grants), the court reads works (it hears their disputes), customs reads
//! provenance (it acts through calls of its own). Outside its remit an agency neither acts nor
//! reads, whatever its jurisdiction.

use crate::AgencyKind;
use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use scale_info::TypeInfo;

/// Why an agency may not act on an organization: the refusals of the one jurisdiction check,
/// `Membership::ensure_jurisdiction`. A pallet's `Error` carries both variants under these
/// names and converts with `regchain_primitives::jurisdiction_errors!()`.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum JurisdictionError {
	/// The organization acted on is not a member (never registered).
	OrganizationNotFound,
	/// The organization lies outside the agency's jurisdiction, or whoever acts is not an
	/// active agency.
	OutsideJurisdiction,
}

/// `impl From<JurisdictionError> for Error<T>` in a pallet whose `Error` has
/// `OrganizationNotFound` and `OutsideJurisdiction`: one line in the pallet's root, so a call
/// reads `T::Membership::ensure_jurisdiction(agency, org).map_err(Error::<T>::from)?`.
#[macro_export]
macro_rules! jurisdiction_errors {
	() => {
		impl<T: Config> From<$crate::JurisdictionError> for Error<T> {
			fn from(refusal: $crate::JurisdictionError) -> Self {
				match refusal {
					$crate::JurisdictionError::OrganizationNotFound => {
						Error::<T>::OrganizationNotFound
					},
					$crate::JurisdictionError::OutsideJurisdiction => {
						Error::<T>::OutsideJurisdiction
					},
				}
			}
		}
	};
}

/// A domain of supervision: the records of one pallet of the chain (the members' of the
/// consortium).
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	PartialOrd,
	Ord,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	Debug,
)]
pub enum Domain {
	/// The member organizations (the consortium).
	Members,
	/// Blockchain invoices (区块链发票).
	Invoices,
	/// Special funds (专项资金).
	Funds,
	/// SME credit (征信).
	Credit,
	/// Evidence notarization (司法存证).
	Notarization,
	/// Provenance (防伪溯源).
	Provenance,
	/// IP fingerprints (知识产权).
	IpRights,
}

impl Domain {
	/// Every domain, in declaration order.
	pub const ALL: [Domain; 7] = [
		Domain::Members,
		Domain::Invoices,
		Domain::Funds,
		Domain::Credit,
		Domain::Notarization,
		Domain::Provenance,
		Domain::IpRights,
	];

	/// The namespace of the domain's JSON-RPC methods (its runtime API's, as the node serves
	/// them: `invoices_invoice` …).
	pub const fn namespace(self) -> &'static str {
		match self {
			Domain::Members => "consortium",
			Domain::Invoices => "invoices",
			Domain::Funds => "funds",
			Domain::Credit => "credit",
			Domain::Notarization => "notarization",
			Domain::Provenance => "provenance",
			Domain::IpRights => "ipRights",
		}
	}

	/// The domain whose methods are in `namespace`, if any.
	pub fn of_namespace(namespace: &str) -> Option<Domain> {
		Domain::ALL.into_iter().find(|d| d.namespace() == namespace)
	}
}

/// What an agency may do in a domain.
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	PartialOrd,
	Ord,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	Debug,
)]
pub enum Remit {
	/// It reads the domain's records (of organizations within its jurisdiction).
	Reads,
	/// It regulates the domain: it acts on the records and reads them.
	Regulates,
}

impl AgencyKind {
	/// The kind's remit in `domain`, `None` outside it: **the one table**.
	pub const fn remit(self, domain: Domain) -> Option<Remit> {
		use AgencyKind::*;
		use Domain::*;
		match (self, domain) {
			(FinanceBureau, Funds)
			| (TaxBureau, Invoices)
			| (MarketRegulation, Members | Provenance)
			| (Court, Notarization)
			| (IpOffice, IpRights)
			| (CreditRegulator, Credit) => Some(Remit::Regulates),
			(MarketRegulation, _)
			| (EconomyCommission | ScienceCommission | CommerceCommission | AuditOffice, Funds)
			| (Court, IpRights)
			| (Customs, Provenance) => Some(Remit::Reads),
			_ => None,
		}
	}

	/// Whether the kind regulates `domain`.
	pub const fn regulates(self, domain: Domain) -> bool {
		matches!(self.remit(domain), Some(Remit::Regulates))
	}

	/// Whether the kind reads `domain` (every domain it regulates, too).
	pub const fn reads(self, domain: Domain) -> bool {
		self.remit(domain).is_some()
	}
}

#[cfg(test)]
mod tests {
	use super::*;

	/// Each domain has exactly one regulating kind, as the runtime's origins expect; market
	/// regulation reads every domain.
	#[test]
	fn every_domain_has_one_regulator_and_market_regulation_reads_all() {
		for domain in Domain::ALL {
			let regulators: Vec<_> =
				AgencyKind::ALL.into_iter().filter(|k| k.regulates(domain)).collect();
			assert_eq!(regulators.len(), 1, "{domain:?}: {regulators:?}");
			assert!(AgencyKind::MarketRegulation.reads(domain));
		}
		assert!(AgencyKind::TaxBureau.regulates(Domain::Invoices));
		assert!(!AgencyKind::TaxBureau.reads(Domain::Funds));
		assert_eq!(AgencyKind::AuditOffice.remit(Domain::Funds), Some(Remit::Reads));
		assert_eq!(AgencyKind::Customs.remit(Domain::Credit), None);
	}

	#[test]
	fn each_domain_is_found_by_its_namespace() {
		for domain in Domain::ALL {
			assert_eq!(Domain::of_namespace(domain.namespace()), Some(domain));
		}
		assert_eq!(Domain::of_namespace("regchain"), None);
	}
}
