use super::register_enterprise;
use crate::{mock::*, *};
use frame_support::{assert_noop, assert_ok};
use sp_runtime::{testing::TestSignature, DispatchError};

#[test]
fn genesis_founds_the_agencies() {
	ExtBuilder::default().build_and_execute(|| {
		assert_eq!(NextOrgId::<Test>::get(), AGENCIES.len() as OrgId);
		let tax = Organizations::<Test>::get(agency_org(AgencyKind::TaxBureau)).unwrap();
		assert_eq!(tax.kind, OrgKind::Agency(AgencyKind::TaxBureau));
		assert_eq!(tax.expires_at, FOUNDING_TERM);
		assert_eq!(tax.status, OrgStatus::Active);
		assert_eq!(
			AccountOrganization::<Test>::get(agency(AgencyKind::TaxBureau)),
			Some(agency_org(AgencyKind::TaxBureau))
		);
	});
}

#[test]
fn governance_registers_an_agency() {
	ExtBuilder::default().build_and_execute(|| {
		assert_ok!(Consortium::register_agency(
			RuntimeOrigin::root(),
			AgencyKind::Court,
			"上海金融法院".as_bytes().to_vec(),
			42,
			day(300),
			Division(310000)
		));
		let id = AGENCIES.len() as OrgId;
		let org = Organizations::<Test>::get(id).unwrap();
		assert_eq!(org.kind, OrgKind::Agency(AgencyKind::Court));
		assert_eq!(org.name.to_vec(), "上海金融法院".as_bytes());
		assert_eq!(org.credit_code, None);
		assert_eq!(AccountOrganization::<Test>::get(42), Some(id));
		System::assert_has_event(
			Event::OrganizationRegistered {
				org: id,
				kind: OrgKind::Agency(AgencyKind::Court),
				account: 42,
				expires_at: day(300),
			}
			.into(),
		);
		// It takes its council seat at once.
		assert_eq!(last_event(), Event::CouncilChanged { members: 7 });
	});
}

#[test]
fn register_agency_fails_without_governance() {
	ExtBuilder::default().build_and_execute(|| {
		for who in [agency(AgencyKind::MarketRegulation), 99] {
			assert_noop!(
				Consortium::register_agency(
					RuntimeOrigin::signed(who),
					AgencyKind::Court,
					b"Court".to_vec(),
					42,
					day(300),
					Division(310000)
				),
				DispatchError::BadOrigin
			);
		}
	});
}

#[test]
fn register_agency_fails_on_bad_input() {
	ExtBuilder::default().build_and_execute(|| {
		let reg = |name: Vec<u8>, account: u64, expires_at: u64| {
			Consortium::register_agency(
				RuntimeOrigin::root(),
				AgencyKind::Court,
				name,
				account,
				expires_at,
				Division(310000),
			)
		};
		assert_noop!(reg(vec![], 42, day(300)), Error::<Test>::EmptyName);
		assert_noop!(
			reg(vec![b'x'; MAX_NAME_LEN as usize + 1], 42, day(300)),
			Error::<Test>::NameTooLong
		);
		assert_noop!(
			reg(b"Court".to_vec(), agency(AgencyKind::TaxBureau), day(300)),
			Error::<Test>::AccountTaken
		);
		assert_noop!(reg(b"Court".to_vec(), 42, now()), Error::<Test>::TermInPast);
		assert_noop!(
			reg(b"Court".to_vec(), 42, now() + MaxTerm::get() + 1),
			Error::<Test>::TermTooLong
		);
	});
}

#[test]
fn market_regulation_registers_an_enterprise_with_its_credit_code() {
	ExtBuilder::default().build_and_execute(|| {
		let id = register_enterprise(CODE_A, 100);
		let org = Organizations::<Test>::get(id).unwrap();
		assert_eq!(org.kind, OrgKind::Enterprise);
		assert_eq!(org.credit_code.unwrap().as_bytes(), CODE_A);
		assert_eq!(OrganizationByCreditCode::<Test>::get(org.credit_code.unwrap()), Some(id));
		assert_eq!(
			last_event(),
			Event::OrganizationRegistered {
				org: id,
				kind: OrgKind::Enterprise,
				account: 100,
				expires_at: day(100)
			}
		);
	});
}

#[test]
fn credit_regulator_registers_a_bank() {
	ExtBuilder::default().build_and_execute(|| {
		assert_ok!(register(
			RuntimeOrigin::signed(agency(AgencyKind::CreditRegulator)),
			OrgKind::FinancialInstitution,
			b"Bank of Pudong".to_vec(),
			CODE_B.to_vec(),
			200
		));
		assert_eq!(Consortium::member(&200).map(|m| m.kind), Some(OrgKind::FinancialInstitution));
	});
}

#[test]
fn register_organization_fails_from_the_wrong_registrar() {
	ExtBuilder::default().build_and_execute(|| {
		let reg = |who: u64, kind: OrgKind| {
			register(RuntimeOrigin::signed(who), kind, b"X".to_vec(), CODE_A.to_vec(), 100)
		};
		// The credit regulator registers banks, not enterprises; and vice versa.
		assert_noop!(
			reg(agency(AgencyKind::CreditRegulator), OrgKind::Enterprise),
			Error::<Test>::NotAuthorized
		);
		assert_noop!(
			reg(agency(AgencyKind::MarketRegulation), OrgKind::FinancialInstitution),
			Error::<Test>::NotAuthorized
		);
		assert_noop!(reg(99, OrgKind::Enterprise), Error::<Test>::NotAuthorized);
		assert_noop!(
			reg(agency(AgencyKind::MarketRegulation), OrgKind::Agency(AgencyKind::Court)),
			Error::<Test>::AgencyNeedsGovernance
		);
		assert_noop!(
			register(
				RuntimeOrigin::root(),
				OrgKind::Enterprise,
				b"X".to_vec(),
				CODE_A.to_vec(),
				100
			),
			DispatchError::BadOrigin
		);
	});
}

#[test]
fn register_organization_fails_when_the_registrar_is_suspended() {
	ExtBuilder::default().build_and_execute(|| {
		assert_ok!(Consortium::suspend(
			RuntimeOrigin::root(),
			agency_org(AgencyKind::MarketRegulation)
		));
		assert_noop!(
			register(
				RuntimeOrigin::signed(agency(AgencyKind::MarketRegulation)),
				OrgKind::Enterprise,
				b"X".to_vec(),
				CODE_A.to_vec(),
				100
			),
			Error::<Test>::NotAuthorized
		);
	});
}

#[test]
fn register_organization_fails_on_a_malformed_or_duplicate_credit_code() {
	ExtBuilder::default().build_and_execute(|| {
		let reg = |code: &[u8], account: u64| {
			register(
				RuntimeOrigin::signed(agency(AgencyKind::MarketRegulation)),
				OrgKind::Enterprise,
				b"X".to_vec(),
				code.to_vec(),
				account,
			)
		};
		assert_noop!(reg(b"", 100), Error::<Test>::CreditCodeWrongLength);
		assert_noop!(reg(b"91350100M000100Y4", 100), Error::<Test>::CreditCodeWrongLength);
		assert_noop!(reg(b"91350100M000100O43", 100), Error::<Test>::CreditCodeInvalidCharacter);
		assert_noop!(reg(b"913501A0M000100Y43", 100), Error::<Test>::CreditCodeInvalidDivision);
		assert_noop!(reg(b"91350100M000100Y44", 100), Error::<Test>::CreditCodeCheckDigitMismatch);
		// Right check characters, but no authority registers category 4 under "9", and the
		// organization code's own check character (position 17) was mistyped.
		assert_noop!(
			reg(b"94350100M000100Y4R", 100),
			Error::<Test>::CreditCodeInvalidRegistrationType
		);
		assert_noop!(reg(b"91350100M000100Y56", 100), Error::<Test>::CreditCodeOrgCodeMismatch);
		register_enterprise(CODE_A, 100);
		assert_noop!(reg(CODE_A, 101), Error::<Test>::CreditCodeTaken);
		assert_noop!(reg(CODE_B, 100), Error::<Test>::AccountTaken);
	});
}

#[test]
fn register_organization_needs_the_first_accounts_own_consent() {
	ExtBuilder::default().build_and_execute(|| {
		let market = agency(AgencyKind::MarketRegulation);
		let reg = |valid_until: u64, signature: TestSignature| {
			Consortium::register_organization(
				RuntimeOrigin::signed(market),
				OrgKind::Enterprise,
				b"Captured Ltd".to_vec(),
				CODE_A.to_vec(),
				100,
				day(100),
				valid_until,
				signature,
			)
		};
		let until = now() + 10 * HOUR;
		let by = agency_org(AgencyKind::MarketRegulation);
		let consent = |kind, registrar, code: &[u8], until| {
			Consortium::register_message(kind, registrar, code, until)
		};
		let enterprise = OrgKind::Enterprise;
		// Signed by another key, for another credit code, another kind of member, another
		// registrar, or as a consent to join: refused.
		let forged = TestSignature(99, consent(enterprise, by, CODE_A, until));
		assert_noop!(reg(until, forged), Error::<Test>::InvalidJoinSignature);
		let other_code = TestSignature(100, consent(enterprise, by, CODE_B, until));
		assert_noop!(reg(until, other_code), Error::<Test>::InvalidJoinSignature);
		let other_kind =
			TestSignature(100, consent(OrgKind::FinancialInstitution, by, CODE_A, until));
		assert_noop!(reg(until, other_kind), Error::<Test>::InvalidJoinSignature);
		let other_registrar = TestSignature(100, consent(enterprise, by + 1, CODE_A, until));
		assert_noop!(reg(until, other_registrar), Error::<Test>::InvalidJoinSignature);
		let join = TestSignature(100, Consortium::join_message(0, true, until));
		assert_noop!(reg(until, join), Error::<Test>::InvalidJoinSignature);
		// Used too late, or given for longer than `JoinValidity`.
		let far = now() + JOIN_VALIDITY + 1;
		let long = TestSignature(100, consent(enterprise, by, CODE_A, far));
		assert_noop!(reg(far, long), Error::<Test>::JoinExpired);
		let signature = TestSignature(100, consent(enterprise, by, CODE_A, until));
		TestClock::set(until + 1);
		assert_noop!(reg(until, signature), Error::<Test>::JoinExpired);
		// With its consent, the account becomes the organization's administrator.
		let until = now() + 10 * HOUR;
		let signature = TestSignature(100, consent(enterprise, by, CODE_A, until));
		assert_ok!(reg(until, signature));
		let org = AccountOrganization::<Test>::get(100).expect("registered");
		let code = Organizations::<Test>::get(org).and_then(|o| o.credit_code);
		assert_eq!(code.map(|c| c.as_bytes().to_vec()), Some(CODE_A.to_vec()));
		assert!(Admins::<Test>::contains_key(100));
	});
}
