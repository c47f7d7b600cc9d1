use super::register_enterprise;
use crate::{mock::*, *};
use frame_support::{assert_noop, assert_ok};

#[test]
fn each_role_is_granted_and_revoked_by_its_responsible_agency() {
	ExtBuilder::default().build_and_execute(|| {
		let org = register_enterprise(CODE_A, 100);
		for role in Role::ALL {
			let agency_origin = RuntimeOrigin::signed(agency(role.granted_by()));
			assert_ok!(Consortium::grant_role(agency_origin.clone(), org, role));
			let by = agency_org(role.granted_by());
			assert_eq!(last_event(), Event::RoleGranted { org, role, by });
			assert!(Consortium::has_role(&100, role));

			assert_ok!(Consortium::revoke_role(agency_origin, org, role));
			assert_eq!(last_event(), Event::RoleRevoked { org, role, by });
			assert!(!Consortium::has_role(&100, role));
		}
	});
}

#[test]
fn grant_role_fails_from_any_other_agency_or_member() {
	ExtBuilder::default().build_and_execute(|| {
		let org = register_enterprise(CODE_A, 100);
		for role in Role::ALL {
			for kind in AGENCIES.iter().filter(|k| **k != role.granted_by()) {
				assert_noop!(
					Consortium::grant_role(RuntimeOrigin::signed(agency(*kind)), org, role),
					Error::<Test>::NotAuthorized
				);
			}
			assert_noop!(
				Consortium::grant_role(RuntimeOrigin::signed(100), org, role),
				Error::<Test>::NotAuthorized
			);
			assert_noop!(
				Consortium::grant_role(RuntimeOrigin::root(), org, role),
				sp_runtime::DispatchError::BadOrigin
			);
		}
	});
}

#[test]
fn grant_role_fails_twice_on_unknown_or_revoked_organizations() {
	ExtBuilder::default().build_and_execute(|| {
		let org = register_enterprise(CODE_A, 100);
		let tax = RuntimeOrigin::signed(agency(AgencyKind::TaxBureau));
		assert_ok!(Consortium::grant_role(tax.clone(), org, Role::InvoiceIssuer));
		assert_noop!(
			Consortium::grant_role(tax.clone(), org, Role::InvoiceIssuer),
			Error::<Test>::RoleAlreadyGranted
		);
		assert_noop!(
			Consortium::grant_role(tax.clone(), 77, Role::InvoiceIssuer),
			Error::<Test>::OrganizationNotFound
		);
		let other = register_enterprise(CODE_B, 200);
		assert_ok!(Consortium::revoke(RuntimeOrigin::root(), other));
		assert_noop!(
			Consortium::grant_role(tax, other, Role::InvoiceIssuer),
			Error::<Test>::Revoked
		);
	});
}

#[test]
fn revoke_role_fails_when_not_granted_or_unauthorized() {
	ExtBuilder::default().build_and_execute(|| {
		let org = register_enterprise(CODE_A, 100);
		let tax = RuntimeOrigin::signed(agency(AgencyKind::TaxBureau));
		assert_noop!(
			Consortium::revoke_role(tax.clone(), org, Role::InvoiceIssuer),
			Error::<Test>::RoleNotGranted
		);
		assert_noop!(
			Consortium::revoke_role(tax, 77, Role::InvoiceIssuer),
			Error::<Test>::OrganizationNotFound
		);
		assert_noop!(
			Consortium::revoke_role(
				RuntimeOrigin::signed(agency(AgencyKind::Court)),
				org,
				Role::InvoiceIssuer
			),
			Error::<Test>::NotAuthorized
		);
	});
}

#[test]
fn a_suspended_agency_cannot_grant_roles() {
	ExtBuilder::default().build_and_execute(|| {
		let org = register_enterprise(CODE_A, 100);
		assert_ok!(Consortium::suspend(RuntimeOrigin::root(), agency_org(AgencyKind::TaxBureau)));
		assert_noop!(
			Consortium::grant_role(
				RuntimeOrigin::signed(agency(AgencyKind::TaxBureau)),
				org,
				Role::InvoiceIssuer
			),
			Error::<Test>::NotAuthorized
		);
	});
}
