use super::register_enterprise;
use crate::{mock::*, *};
use frame_support::{assert_noop, assert_ok};

#[test]
fn a_member_adds_and_removes_accounts_of_its_organization() {
	ExtBuilder::default().build_and_execute(|| {
		let org = register_enterprise(CODE_A, 100);
		assert_ok!(Consortium::add_account(RuntimeOrigin::signed(100), 101));
		assert_eq!(last_event(), Event::AccountAdded { org, account: 101 });
		assert_eq!(AccountOrganization::<Test>::get(101), Some(org));
		assert_eq!(Organizations::<Test>::get(org).unwrap().accounts, 2);
		assert_eq!(Consortium::member(&101).map(|m| m.org), Some(org));

		// The new account may remove the first one.
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
		assert_noop!(
			Consortium::add_account(RuntimeOrigin::signed(99), 101),
			Error::<Test>::NotActiveMember
		);
		assert_noop!(
			Consortium::add_account(RuntimeOrigin::signed(100), agency(AgencyKind::TaxBureau)),
			Error::<Test>::AccountTaken
		);
		assert_ok!(Consortium::add_account(RuntimeOrigin::signed(100), 101));
		assert_ok!(Consortium::add_account(RuntimeOrigin::signed(100), 102));
		assert_noop!(
			Consortium::add_account(RuntimeOrigin::signed(100), 103),
			Error::<Test>::TooManyAccounts
		);
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
		assert_noop!(
			Consortium::add_account(RuntimeOrigin::signed(100), 101),
			Error::<Test>::NotActiveMember
		);
	});
}
