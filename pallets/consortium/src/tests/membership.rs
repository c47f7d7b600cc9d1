//! The answer other pallets rely on: `Membership` and the `EnsureRole` / `EnsureAgency` origins.
use super::register_enterprise;
use crate::{mock::*, *};
use frame_support::{assert_ok, traits::EnsureOrigin};
use regchain_primitives::{
	params::{agency, role},
	EnsureAgency, EnsureRole, MemberInfo,
};

type EnsureIssuer = EnsureRole<u64, Consortium, role::InvoiceIssuer>;
type EnsureTaxBureau = EnsureAgency<u64, Consortium, agency::TaxBureau>;

#[test]
fn member_reports_organization_kind_and_roles() {
	ExtBuilder::default().build_and_execute(|| {
		let org = register_enterprise(CODE_A, 100);
		assert_ok!(Consortium::grant_role(
			RuntimeOrigin::signed(agency(AgencyKind::TaxBureau)),
			org,
			Role::InvoiceIssuer
		));
		let info: MemberInfo = Consortium::member(&100).unwrap();
		assert_eq!((info.org, info.kind), (org, OrgKind::Enterprise));
		assert_eq!(info.roles.iter().collect::<Vec<_>>(), vec![Role::InvoiceIssuer]);
		assert_eq!(Consortium::credit_code(org).unwrap().as_bytes(), CODE_A);
		assert!(Consortium::member(&99).is_none());
	});
}

#[test]
fn ensure_role_accepts_only_active_holders_of_the_role() {
	ExtBuilder::default().build_and_execute(|| {
		let org = register_enterprise(CODE_A, 100);
		register_enterprise(CODE_B, 200);
		assert!(EnsureIssuer::try_origin(RuntimeOrigin::signed(100)).is_err());
		assert_ok!(Consortium::grant_role(
			RuntimeOrigin::signed(agency(AgencyKind::TaxBureau)),
			org,
			Role::InvoiceIssuer
		));
		assert_eq!(EnsureIssuer::try_origin(RuntimeOrigin::signed(100)).ok(), Some((100, org)));
		assert!(EnsureIssuer::try_origin(RuntimeOrigin::signed(200)).is_err(), "no role");
		assert!(EnsureIssuer::try_origin(RuntimeOrigin::signed(99)).is_err(), "non-member");
		assert!(EnsureIssuer::try_origin(RuntimeOrigin::root()).is_err(), "root is no member");

		assert_ok!(Consortium::suspend(RuntimeOrigin::root(), org));
		assert!(EnsureIssuer::try_origin(RuntimeOrigin::signed(100)).is_err(), "suspended");
		assert_ok!(Consortium::resume(RuntimeOrigin::root(), org));
		TestClock::set(day(100));
		assert!(EnsureIssuer::try_origin(RuntimeOrigin::signed(100)).is_err(), "expired");
	});
}

#[test]
fn ensure_agency_accepts_only_that_agency() {
	ExtBuilder::default().build_and_execute(|| {
		let tax = agency(AgencyKind::TaxBureau);
		assert_eq!(
			EnsureTaxBureau::try_origin(RuntimeOrigin::signed(tax)).ok(),
			Some((tax, agency_org(AgencyKind::TaxBureau)))
		);
		assert!(
			EnsureTaxBureau::try_origin(RuntimeOrigin::signed(agency(AgencyKind::Court))).is_err()
		);
		// An agency's term is a review date: it acts on until governance revokes it.
		TestClock::set(FOUNDING_TERM);
		assert!(EnsureTaxBureau::try_origin(RuntimeOrigin::signed(tax)).is_ok(), "term over");
		assert_ok!(Consortium::revoke(RuntimeOrigin::root(), agency_org(AgencyKind::TaxBureau)));
		assert!(EnsureTaxBureau::try_origin(RuntimeOrigin::signed(tax)).is_err(), "revoked");
	});
}
