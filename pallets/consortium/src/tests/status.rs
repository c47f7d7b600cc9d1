use super::register_enterprise;
use crate::{mock::*, *};
use frame_support::{assert_noop, assert_ok};
use sp_runtime::DispatchError;

#[test]
fn membership_lapses_at_the_end_of_term_and_renewal_restores_it() {
	ExtBuilder::default().build_and_execute(|| {
		let org = register_enterprise(CODE_A, 100);
		TestClock::set(day(100) - 1);
		assert!(Consortium::member(&100).is_some());
		TestClock::set(day(100));
		assert!(Consortium::member(&100).is_none(), "expired at `expires_at`");
		assert_eq!(Consortium::credit_code(org), None);

		assert_ok!(Consortium::renew(
			RuntimeOrigin::signed(agency(AgencyKind::MarketRegulation)),
			org,
			day(400)
		));
		assert_eq!(last_event(), Event::MembershipRenewed { org, expires_at: day(400) });
		assert!(Consortium::member(&100).is_some());
	});
}

#[test]
fn governance_renews_an_agency_but_no_registrar_can() {
	ExtBuilder::default().build_and_execute(|| {
		let tax = agency_org(AgencyKind::TaxBureau);
		assert_noop!(
			Consortium::renew(
				RuntimeOrigin::signed(agency(AgencyKind::MarketRegulation)),
				tax,
				day(900)
			),
			Error::<Test>::NotAuthorized
		);
		assert_noop!(
			Consortium::renew(RuntimeOrigin::signed(agency(AgencyKind::TaxBureau)), tax, day(900)),
			Error::<Test>::NotAuthorized
		);
		assert_ok!(Consortium::renew(RuntimeOrigin::root(), tax, day(900)));
		assert_eq!(Organizations::<Test>::get(tax).unwrap().expires_at, day(900));
	});
}

#[test]
fn renew_fails_on_bad_terms_unknown_or_revoked_organizations() {
	ExtBuilder::default().build_and_execute(|| {
		let org = register_enterprise(CODE_A, 100);
		assert_noop!(
			Consortium::renew(RuntimeOrigin::root(), org, now()),
			Error::<Test>::TermInPast
		);
		assert_noop!(
			Consortium::renew(RuntimeOrigin::root(), org, now() + MaxTerm::get() + 1),
			Error::<Test>::TermTooLong
		);
		assert_noop!(
			Consortium::renew(RuntimeOrigin::root(), 77, day(50)),
			Error::<Test>::OrganizationNotFound
		);
		assert_noop!(
			Consortium::renew(RuntimeOrigin::signed(100), org, day(50)),
			Error::<Test>::NotAuthorized
		);
		assert_ok!(Consortium::revoke(RuntimeOrigin::root(), org));
		assert_noop!(
			Consortium::renew(RuntimeOrigin::root(), org, day(50)),
			Error::<Test>::Revoked
		);
	});
}

#[test]
fn suspension_bars_every_account_at_once_and_is_reversible() {
	ExtBuilder::default().build_and_execute(|| {
		let org = register_enterprise(CODE_A, 100);
		assert_ok!(add_clerk(100, 101));
		let registrar = RuntimeOrigin::signed(agency(AgencyKind::MarketRegulation));
		assert_ok!(Consortium::suspend(registrar.clone(), org));
		assert_eq!(last_event(), Event::OrganizationSuspended { org });
		assert!(Consortium::member(&100).is_none() && Consortium::member(&101).is_none());

		assert_ok!(Consortium::resume(registrar, org));
		assert_eq!(last_event(), Event::OrganizationResumed { org });
		assert!(Consortium::member(&100).is_some() && Consortium::member(&101).is_some());
	});
}

#[test]
fn suspend_and_resume_fail_out_of_order_or_unauthorized() {
	ExtBuilder::default().build_and_execute(|| {
		let org = register_enterprise(CODE_A, 100);
		assert_noop!(Consortium::resume(RuntimeOrigin::root(), org), Error::<Test>::NotSuspended);
		assert_noop!(
			Consortium::suspend(RuntimeOrigin::signed(agency(AgencyKind::TaxBureau)), org),
			Error::<Test>::NotAuthorized
		);
		assert_noop!(Consortium::suspend(RuntimeOrigin::none(), org), DispatchError::BadOrigin);
		assert_ok!(Consortium::suspend(RuntimeOrigin::root(), org));
		assert_noop!(
			Consortium::suspend(RuntimeOrigin::root(), org),
			Error::<Test>::AlreadySuspended
		);
		assert_noop!(
			Consortium::suspend(RuntimeOrigin::root(), 77),
			Error::<Test>::OrganizationNotFound
		);
	});
}

#[test]
fn revocation_is_final_and_keeps_the_credit_code_and_accounts_taken() {
	ExtBuilder::default().build_and_execute(|| {
		let org = register_enterprise(CODE_A, 100);
		assert_ok!(Consortium::revoke(
			RuntimeOrigin::signed(agency(AgencyKind::MarketRegulation)),
			org
		));
		assert_eq!(last_event(), Event::OrganizationRevoked { org });
		assert!(Consortium::member(&100).is_none());
		assert_noop!(Consortium::resume(RuntimeOrigin::root(), org), Error::<Test>::Revoked);
		assert_noop!(Consortium::suspend(RuntimeOrigin::root(), org), Error::<Test>::Revoked);
		assert_noop!(Consortium::revoke(RuntimeOrigin::root(), org), Error::<Test>::Revoked);
		assert_noop!(
			register(
				RuntimeOrigin::signed(agency(AgencyKind::MarketRegulation)),
				OrgKind::Enterprise,
				b"Phoenix".to_vec(),
				CODE_A.to_vec(),
				day(300)
			),
			Error::<Test>::CreditCodeTaken
		);
	});
}

#[test]
fn only_governance_suspends_an_agency() {
	ExtBuilder::default().build_and_execute(|| {
		let court = agency_org(AgencyKind::Court);
		assert_noop!(
			Consortium::suspend(RuntimeOrigin::signed(agency(AgencyKind::MarketRegulation)), court),
			Error::<Test>::NotAuthorized
		);
		assert_ok!(Consortium::suspend(RuntimeOrigin::root(), court));
		assert!(!Consortium::is_agency(&agency(AgencyKind::Court), AgencyKind::Court));
	});
}
