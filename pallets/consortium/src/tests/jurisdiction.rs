//! Jurisdiction: an agency acts only on members of the divisions it covers.

use super::register_enterprise;
use crate::{mock::*, *};
use frame_support::{assert_noop, assert_ok};
use regchain_primitives::CreditCode;
use sp_runtime::DispatchError;

const PUDONG: Division = Division(310115);
const MINHANG: Division = Division(310112);
const SHANGHAI: Division = Division(310000);

/// A valid credit code of an enterprise registered in `division`.
fn code_in(division: &[u8; 6], n: u8) -> Vec<u8> {
	let body = [b'M', b'A', b'1', b'F', b'L', b'0', b'0', b'0' + n];
	CreditCode::assemble(b"91", division, &body).unwrap().as_bytes().to_vec()
}

fn narrow(kind: AgencyKind, jurisdiction: Division) {
	assert_ok!(Consortium::set_jurisdiction(RuntimeOrigin::root(), agency_org(kind), jurisdiction));
}

#[test]
fn a_district_registrar_registers_only_in_its_district() {
	ExtBuilder::default().build_and_execute(|| {
		narrow(AgencyKind::MarketRegulation, PUDONG);
		let market = RuntimeOrigin::signed(agency(AgencyKind::MarketRegulation));
		let register = |code: Vec<u8>, account: u64| {
			register(market.clone(), OrgKind::Enterprise, b"X".to_vec(), code, account)
		};
		// Fujian and Minhang are outside Pudong.
		assert_noop!(register(CODE_A.to_vec(), 100), Error::<Test>::OutsideJurisdiction);
		assert_noop!(register(code_in(b"310112", 1), 100), Error::<Test>::OutsideJurisdiction);
		let id = NextOrgId::<Test>::get();
		assert_ok!(register(code_in(b"310115", 1), 100));
		assert_eq!(Consortium::region(id), Some(PUDONG));
		assert_ok!(Consortium::suspend(market.clone(), id));

		// Moved to Minhang, it no longer acts on the Pudong enterprise; governance still does.
		narrow(AgencyKind::MarketRegulation, MINHANG);
		assert_noop!(Consortium::resume(market.clone(), id), Error::<Test>::OutsideJurisdiction);
		assert_noop!(Consortium::revoke(market.clone(), id), Error::<Test>::OutsideJurisdiction);
		assert_noop!(Consortium::renew(market, id, day(200)), Error::<Test>::OutsideJurisdiction);
		assert_ok!(Consortium::resume(RuntimeOrigin::root(), id));
		// The city level covers every district.
		narrow(AgencyKind::MarketRegulation, SHANGHAI);
		assert_ok!(Consortium::renew(
			RuntimeOrigin::signed(agency(AgencyKind::MarketRegulation)),
			id,
			day(200)
		));
	});
}

#[test]
fn roles_are_granted_within_the_granting_agencys_jurisdiction() {
	ExtBuilder::default().build_and_execute(|| {
		let pudong_sme = register_enterprise(&code_in(b"310115", 2), 100);
		narrow(AgencyKind::TaxBureau, MINHANG);
		let tax = RuntimeOrigin::signed(agency(AgencyKind::TaxBureau));
		assert_noop!(
			Consortium::grant_role(tax.clone(), pudong_sme, Role::InvoiceIssuer),
			Error::<Test>::OutsideJurisdiction
		);
		narrow(AgencyKind::TaxBureau, SHANGHAI);
		assert_ok!(Consortium::grant_role(tax.clone(), pudong_sme, Role::InvoiceIssuer));
		narrow(AgencyKind::TaxBureau, MINHANG);
		assert_noop!(
			Consortium::revoke_role(tax, pudong_sme, Role::InvoiceIssuer),
			Error::<Test>::OutsideJurisdiction
		);
		// An agency's own region is its jurisdiction: a Minhang finance bureau cannot make a
		// Shanghai-wide commission a fund manager.
		narrow(AgencyKind::FinanceBureau, MINHANG);
		let sci = NextOrgId::<Test>::get();
		assert_ok!(Consortium::register_agency(
			RuntimeOrigin::root(),
			AgencyKind::ScienceCommission,
			b"Science commission".to_vec(),
			50,
			day(300),
			SHANGHAI
		));
		assert_noop!(
			Consortium::grant_role(
				RuntimeOrigin::signed(agency(AgencyKind::FinanceBureau)),
				sci,
				Role::FundManager
			),
			Error::<Test>::OutsideJurisdiction
		);
		assert_eq!(Jurisdictions::<Test>::get(sci), Some(SHANGHAI));
	});
}

#[test]
fn only_governance_sets_an_agencys_jurisdiction_to_a_division_code() {
	ExtBuilder::default().build_and_execute(|| {
		let tax = agency_org(AgencyKind::TaxBureau);
		assert_ok!(Consortium::set_jurisdiction(RuntimeOrigin::root(), tax, PUDONG));
		assert_eq!(last_event(), Event::JurisdictionSet { org: tax, jurisdiction: PUDONG });
		assert_noop!(
			Consortium::set_jurisdiction(
				RuntimeOrigin::signed(agency(AgencyKind::TaxBureau)),
				tax,
				SHANGHAI
			),
			DispatchError::BadOrigin
		);
		assert_noop!(
			Consortium::set_jurisdiction(RuntimeOrigin::root(), tax, Division(3_100_000)),
			Error::<Test>::InvalidDivision
		);
		let sme = register_enterprise(CODE_A, 100);
		assert_noop!(
			Consortium::set_jurisdiction(RuntimeOrigin::root(), sme, PUDONG),
			Error::<Test>::NotAgency
		);
		assert_noop!(
			Consortium::set_jurisdiction(RuntimeOrigin::root(), 77, PUDONG),
			Error::<Test>::OrganizationNotFound
		);
		assert_noop!(
			Consortium::register_agency(
				RuntimeOrigin::root(),
				AgencyKind::Court,
				b"Court".to_vec(),
				51,
				day(300),
				Division(1_000_000)
			),
			Error::<Test>::InvalidDivision
		);
	});
}

#[test]
fn an_agency_pages_through_the_members_within_its_jurisdiction() {
	ExtBuilder::default().build_and_execute(|| {
		let pudong_1 = register_enterprise(&code_in(b"310115", 1), 100);
		let fujian = register_enterprise(CODE_A, 101);
		let minhang = register_enterprise(&code_in(b"310112", 2), 102);
		let pudong_2 = register_enterprise(&code_in(b"310115", 3), 103);
		let beijing = register_enterprise(CODE_B, 104);
		let ids =
			|views: Vec<OrganizationView>| views.into_iter().map(|v| v.id).collect::<Vec<_>>();
		let market = agency_org(AgencyKind::MarketRegulation);

		// National: everyone with a credit code, by division (Beijing 110000, Fujian 350100,
		// Shanghai 3101xx), then id.
		assert_eq!(
			ids(Consortium::members_overseen(market, None, 100)),
			vec![beijing, minhang, pudong_1, pudong_2, fujian]
		);
		// Shanghai, two at a time: the cursor is the last member of the page.
		narrow(AgencyKind::MarketRegulation, SHANGHAI);
		let page = ids(Consortium::members_overseen(market, None, 2));
		assert_eq!(page, vec![minhang, pudong_1]);
		assert_eq!(ids(Consortium::members_overseen(market, Some(pudong_1), 2)), vec![pudong_2]);
		assert_eq!(
			ids(Consortium::members_overseen(market, Some(pudong_2), 2)),
			Vec::<OrgId>::new()
		);
		// A cursor below the range starts at its beginning; one that is no member ends it.
		assert_eq!(
			ids(Consortium::members_overseen(market, Some(beijing), 100)),
			vec![minhang, pudong_1, pudong_2]
		);
		assert_eq!(ids(Consortium::members_overseen(market, Some(999), 100)), Vec::<OrgId>::new());
		assert_eq!(
			ids(Consortium::members_overseen(market, Some(market), 100)),
			Vec::<OrgId>::new()
		);
		// A district: its own members only; suspended ones stay listed, with their status.
		narrow(AgencyKind::MarketRegulation, PUDONG);
		assert_ok!(Consortium::suspend(RuntimeOrigin::root(), pudong_2));
		let listed = Consortium::members_overseen(market, None, 100);
		assert_eq!(ids(listed.clone()), vec![pudong_1, pudong_2]);
		assert_eq!(listed[1].status, OrgStatus::Suspended);
		// A member that is no agency, or an unknown id, oversees nobody.
		assert_eq!(ids(Consortium::members_overseen(pudong_1, None, 100)), Vec::<OrgId>::new());
		assert_eq!(ids(Consortium::members_overseen(999, None, 100)), Vec::<OrgId>::new());
		// The page is cut to the query limit.
		narrow(AgencyKind::MarketRegulation, Division::NATIONAL);
		assert_eq!(Consortium::members_overseen(market, None, u32::MAX).len(), 5);
	});
}
