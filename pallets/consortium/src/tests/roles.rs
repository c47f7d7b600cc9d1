use super::register_enterprise;
use crate::{mock::*, *};
use frame_support::{assert_noop, assert_ok};

/// An organization that may hold `role`, and its account: the enterprise `sme` (account 100)
/// where enterprises may, else the first founding agency of a kind that may.
fn holder(role: Role, sme: OrgId) -> (OrgId, u64) {
	if role.may_be_held_by(OrgKind::Enterprise) {
		return (sme, 100);
	}
	let kind = *AGENCIES
		.iter()
		.find(|k| role.may_be_held_by(OrgKind::Agency(**k)))
		.expect("a founding agency may hold every role enterprises may not");
	(agency_org(kind), agency(kind))
}

#[test]
fn each_role_is_granted_and_revoked_by_its_responsible_agency() {
	ExtBuilder::default().build_and_execute(|| {
		let sme = register_enterprise(CODE_A, 100);
		for role in Role::ALL {
			let (org, account) = holder(role, sme);
			let agency_origin = RuntimeOrigin::signed(agency(role.granted_by()));
			assert_ok!(Consortium::grant_role(agency_origin.clone(), org, role));
			let by = agency_org(role.granted_by());
			assert_eq!(last_event(), Event::RoleGranted { org, role, by });
			assert!(Consortium::has_role(&account, role));

			assert_ok!(Consortium::revoke_role(agency_origin, org, role));
			assert_eq!(last_event(), Event::RoleRevoked { org, role, by });
			assert!(!Consortium::has_role(&account, role));
		}
	});
}

#[test]
fn a_role_is_refused_to_organizations_of_kinds_that_cannot_hold_it_in_law() {
	ExtBuilder::default().build_and_execute(|| {
		let sme = register_enterprise(CODE_A, 100);
		// An enterprise auditing funds could freeze its competitors'; managing a program it
		// could fund itself.
		for role in
			[Role::Auditor, Role::FundManager, Role::Notary, Role::IpExaminer, Role::Inspector]
		{
			assert_noop!(
				Consortium::grant_role(RuntimeOrigin::signed(agency(role.granted_by())), sme, role),
				Error::<Test>::RoleNotForKind
			);
		}
		// Agencies issue no invoices; a court runs no fund.
		let tax = RuntimeOrigin::signed(agency(AgencyKind::TaxBureau));
		assert_noop!(
			Consortium::grant_role(tax, agency_org(AgencyKind::Court), Role::InvoiceIssuer),
			Error::<Test>::RoleNotForKind
		);
		let finance = RuntimeOrigin::signed(agency(AgencyKind::FinanceBureau));
		assert_noop!(
			Consortium::grant_role(finance, agency_org(AgencyKind::Court), Role::FundManager),
			Error::<Test>::RoleNotForKind
		);
		// Every role has at least one kind of holder among the kinds there are.
		for role in Role::ALL {
			let kinds = AgencyKind::ALL
				.into_iter()
				.map(OrgKind::Agency)
				.chain([OrgKind::Enterprise, OrgKind::FinancialInstitution]);
			assert!(kinds.clone().any(|k| role.may_be_held_by(k)), "{role:?}");
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
