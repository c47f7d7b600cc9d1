//! The runtime API's queries: an organization by id or credit code, in readable form.

use super::register_enterprise;
use crate::{mock::*, *};
use frame_support::assert_ok;
use regchain_primitives::CreditCode;

#[test]
fn an_organization_is_found_by_id_and_credit_code() {
	ExtBuilder::default().build_and_execute(|| {
		let id = register_enterprise(CODE_A, 100);
		assert_ok!(Consortium::grant_role(
			RuntimeOrigin::signed(agency(AgencyKind::TaxBureau)),
			id,
			Role::InvoiceIssuer
		));
		let view = Consortium::organization_view(id).expect("registered");
		assert_eq!(
			view,
			OrganizationView {
				id,
				kind: OrgKind::Enterprise,
				name: "Pudong Widgets Ltd".into(),
				credit_code: Some("91350100M000100Y43".into()),
				status: OrgStatus::Active,
				expires_at: day(100),
				roles: vec![Role::InvoiceIssuer],
				region: CreditCode::parse(CODE_A).unwrap().division(),
				accounts: 1,
			}
		);
		assert_eq!(Consortium::organization_by_credit_code(CODE_A), Some(view));
		// A code nobody holds, a malformed one, an unknown id: nothing.
		assert_eq!(Consortium::organization_by_credit_code(CODE_B), None);
		assert_eq!(Consortium::organization_by_credit_code(b"NOT-A-CODE"), None);
		assert_eq!(Consortium::organization_view(999), None);
		// An agency has no code; its region is its jurisdiction.
		let tax = Consortium::organization_view(agency_org(AgencyKind::TaxBureau)).unwrap();
		assert_eq!((tax.credit_code, tax.region), (None, Division::NATIONAL));
	});
}
