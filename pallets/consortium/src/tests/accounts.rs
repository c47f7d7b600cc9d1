use super::register_enterprise;
use crate::{mock::*, *};
use frame_support::{assert_noop, assert_ok};
use sp_runtime::testing::TestSignature;

#[test]
fn a_member_adds_and_removes_accounts_of_its_organization() {
	ExtBuilder::default().build_and_execute(|| {
		let org = register_enterprise(CODE_A, 100);
		assert_ok!(add_clerk(100, 101));
		assert_eq!(last_event(), Event::AccountAdded { org, account: 101 });
		assert_eq!(AccountOrganization::<Test>::get(101), Some(org));
		assert_eq!(Organizations::<Test>::get(org).unwrap().accounts, 2);
		assert_eq!(Consortium::member(&101).map(|m| m.org), Some(org));

		// Made an administrator, the new account may remove the first one.
		assert_ok!(Consortium::set_admin(RuntimeOrigin::signed(100), 101, true));
		assert_eq!(last_event(), Event::AdminSet { org, account: 101, admin: true });
		assert_ok!(Consortium::remove_account(RuntimeOrigin::signed(101), 100));
		assert_eq!(last_event(), Event::AccountRemoved { org, account: 100 });
		assert_eq!(AccountOrganization::<Test>::get(100), None);
		assert_eq!(Organizations::<Test>::get(org).unwrap().accounts, 1);
		assert!(Consortium::member(&100).is_none());
	});
}

#[test]
fn add_account_fails_for_non_members_taken_accounts_and_full_organizations() {
	ExtBuilder::default().build_and_execute(|| {
		register_enterprise(CODE_A, 100);
		assert_noop!(add_clerk(99, 101), Error::<Test>::NotActiveMember);
		assert_noop!(add_clerk(100, agency(AgencyKind::TaxBureau)), Error::<Test>::AccountTaken);
		assert_ok!(add_clerk(100, 101));
		assert_ok!(add_clerk(100, 102));
		assert_noop!(add_clerk(100, 103), Error::<Test>::TooManyAccounts);
	});
}

#[test]
fn remove_account_fails_for_foreign_or_last_accounts() {
	ExtBuilder::default().build_and_execute(|| {
		register_enterprise(CODE_A, 100);
		assert_noop!(
			Consortium::remove_account(RuntimeOrigin::signed(100), agency(AgencyKind::TaxBureau)),
			Error::<Test>::AccountNotInOrganization
		);
		assert_noop!(
			Consortium::remove_account(RuntimeOrigin::signed(100), 100),
			Error::<Test>::LastAccount
		);
		assert_noop!(
			Consortium::remove_account(RuntimeOrigin::signed(99), 100),
			Error::<Test>::NotActiveMember
		);
	});
}

#[test]
fn a_suspended_organization_cannot_manage_its_accounts() {
	ExtBuilder::default().build_and_execute(|| {
		let org = register_enterprise(CODE_A, 100);
		assert_ok!(Consortium::suspend(RuntimeOrigin::root(), org));
		assert_noop!(add_clerk(100, 101), Error::<Test>::NotActiveMember);
	});
}

#[test]
fn an_account_joins_only_with_its_own_signature() {
	ExtBuilder::default().build_and_execute(|| {
		let org = register_enterprise(CODE_A, 100);
		let other = register_enterprise(CODE_B, 200);
		let add = |account, admin, valid_until, signature| {
			Consortium::add_account(
				RuntimeOrigin::signed(100),
				account,
				admin,
				valid_until,
				signature,
			)
		};
		let (until, signature) = consent(org, 101, false);
		// Signed by someone else, for another organization, or for another role: refused.
		let forged = TestSignature(100, Consortium::join_message(org, false, until));
		assert_noop!(add(101, false, until, forged), Error::<Test>::InvalidJoinSignature);
		let (_, elsewhere) = consent(other, 101, false);
		assert_noop!(add(101, false, until, elsewhere), Error::<Test>::InvalidJoinSignature);
		assert_noop!(add(101, true, until, signature.clone()), Error::<Test>::InvalidJoinSignature);
		// Too late, or valid for longer than `JoinValidity`.
		TestClock::set(until + 1);
		assert_noop!(add(101, false, until, signature), Error::<Test>::JoinExpired);
		let far = now() + JOIN_VALIDITY + 1;
		let long = TestSignature(101, Consortium::join_message(org, false, far));
		assert_noop!(add(101, false, far, long), Error::<Test>::JoinExpired);
		// With its consent, it joins, as what it consented to.
		let (until, signature) = consent(org, 101, true);
		assert_ok!(add(101, true, until, signature));
		assert!(Admins::<Test>::contains_key(101));
		assert_eq!(AdminCount::<Test>::get(org), 2);
	});
}

#[test]
fn clerks_transact_but_only_administrators_manage_accounts() {
	ExtBuilder::default().build_and_execute(|| {
		let org = register_enterprise(CODE_A, 100);
		assert_ok!(add_clerk(100, 101));
		assert_ok!(add_clerk(100, 102));
		assert!(!Admins::<Test>::contains_key(101));
		assert_noop!(add_clerk(101, 103), Error::<Test>::NotAdmin);
		assert_noop!(
			Consortium::remove_account(RuntimeOrigin::signed(101), 102),
			Error::<Test>::NotAdmin
		);
		assert_noop!(
			Consortium::set_admin(RuntimeOrigin::signed(101), 101, true),
			Error::<Test>::NotAdmin
		);
		// A clerk may leave on its own.
		assert_ok!(Consortium::remove_account(RuntimeOrigin::signed(102), 102));
		assert_eq!(Organizations::<Test>::get(org).unwrap().accounts, 2);
	});
}

#[test]
fn an_organization_keeps_one_administrator() {
	ExtBuilder::default().build_and_execute(|| {
		let org = register_enterprise(CODE_A, 100);
		assert_ok!(add_clerk(100, 101));
		assert_noop!(
			Consortium::set_admin(RuntimeOrigin::signed(100), 100, false),
			Error::<Test>::LastAdmin
		);
		assert_noop!(
			Consortium::remove_account(RuntimeOrigin::signed(100), 100),
			Error::<Test>::LastAdmin
		);
		assert_noop!(
			Consortium::set_admin(RuntimeOrigin::signed(100), 7, true),
			Error::<Test>::AccountNotInOrganization
		);
		assert_ok!(Consortium::set_admin(RuntimeOrigin::signed(100), 101, true));
		assert_ok!(Consortium::set_admin(RuntimeOrigin::signed(101), 100, false));
		assert_eq!(AdminCount::<Test>::get(org), 1);
		assert!(Admins::<Test>::contains_key(101) && !Admins::<Test>::contains_key(100));
	});
}
