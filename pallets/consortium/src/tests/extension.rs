//! The `CheckMember` transaction extension: members only, within their quota.

use super::register_enterprise;
use crate::{mock::*, *};
use frame_support::{assert_ok, dispatch::DispatchInfo, pallet_prelude::TransactionSource};
use sp_runtime::{
	traits::{DispatchTransaction, TransactionExtension, TxBaseImplication},
	transaction_validity::{InvalidTransaction, TransactionValidityError},
};

fn remark() -> RuntimeCall {
	RuntimeCall::System(frame_system::Call::remark { remark: vec![] })
}

/// Validates and prepares a transaction of `origin`, as block building does.
fn submit(origin: RuntimeOrigin) -> Result<(), TransactionValidityError> {
	CheckMember::<Test>::new()
		.validate_and_prepare(origin, &remark(), &DispatchInfo::default(), 0, 0)
		.map(|_| ())
}

/// Only validates, as the transaction pool does.
fn validate(origin: RuntimeOrigin) -> Result<(), TransactionValidityError> {
	CheckMember::<Test>::new()
		.validate(
			origin,
			&remark(),
			&DispatchInfo::default(),
			0,
			(),
			&TxBaseImplication(()),
			TransactionSource::External,
		)
		.map(|_| ())
}

#[test]
fn transactions_of_non_members_are_refused_as_bad_signers() {
	ExtBuilder::default().build_and_execute(|| {
		assert_eq!(validate(RuntimeOrigin::signed(99)), Err(InvalidTransaction::BadSigner.into()));
		assert_eq!(submit(RuntimeOrigin::signed(99)), Err(InvalidTransaction::BadSigner.into()));
	});
}

#[test]
fn transactions_of_suspended_members_are_refused() {
	ExtBuilder::default().build_and_execute(|| {
		let org = register_enterprise(CODE_A, 100);
		assert_ok!(validate(RuntimeOrigin::signed(100)));
		assert_ok!(Consortium::suspend(RuntimeOrigin::root(), org));
		assert_eq!(validate(RuntimeOrigin::signed(100)), Err(InvalidTransaction::BadSigner.into()));
	});
}

#[test]
fn unsigned_and_root_origins_pass_and_are_not_counted() {
	ExtBuilder::default().build_and_execute(|| {
		for origin in [RuntimeOrigin::none(), RuntimeOrigin::root()] {
			let (_, org, _) = CheckMember::<Test>::new()
				.validate(
					origin.clone(),
					&remark(),
					&DispatchInfo::default(),
					0,
					(),
					&TxBaseImplication(()),
					TransactionSource::External,
				)
				.expect("valid");
			assert_eq!(org, None, "nothing to charge");
			assert_ok!(CheckMember::<Test>::new().prepare(
				org,
				&origin,
				&remark(),
				&DispatchInfo::default(),
				0
			));
		}
		assert_eq!(TxUsage::<Test>::iter().count(), 0);
	});
}

#[test]
fn each_organization_has_its_own_quota_per_period() {
	ExtBuilder::default().build_and_execute(|| {
		let org = register_enterprise(CODE_A, 100);
		assert_ok!(Consortium::add_account(RuntimeOrigin::signed(100), 101));
		System::set_block_number(12);
		// The quota is per organization, whichever account signs.
		assert_ok!(submit(RuntimeOrigin::signed(100)));
		assert_ok!(submit(RuntimeOrigin::signed(101)));
		assert_ok!(submit(RuntimeOrigin::signed(100)));
		assert_eq!(TxUsage::<Test>::get(org), Some((10, QUOTA)));
		let exhausted = Err(InvalidTransaction::Custom(QUOTA_EXHAUSTED).into());
		assert_eq!(validate(RuntimeOrigin::signed(101)), exhausted);
		assert_eq!(submit(RuntimeOrigin::signed(100)), exhausted);

		// Another organization is not affected.
		assert_ok!(submit(RuntimeOrigin::signed(agency(AgencyKind::TaxBureau))));

		// The next period starts afresh.
		System::set_block_number(20);
		assert_ok!(submit(RuntimeOrigin::signed(100)));
		assert_eq!(TxUsage::<Test>::get(org), Some((20, 1)));
	});
}

#[test]
fn an_organizations_own_quota_replaces_the_default() {
	ExtBuilder::default().build_and_execute(|| {
		let org = register_enterprise(CODE_A, 100);
		assert_ok!(Consortium::set_tx_quota(RuntimeOrigin::root(), Some(org), 1));
		assert_ok!(submit(RuntimeOrigin::signed(100)));
		assert_eq!(
			submit(RuntimeOrigin::signed(100)),
			Err(InvalidTransaction::Custom(QUOTA_EXHAUSTED).into())
		);
		assert_ok!(Consortium::set_tx_quota(RuntimeOrigin::root(), Some(org), 0));
		assert_ok!(Consortium::set_tx_quota(RuntimeOrigin::root(), None, 100));
		assert_eq!(Consortium::tx_allowance(org).0, 0, "a quota of zero bars the organization");
	});
}

#[test]
fn member_accounts_exist_without_a_balance() {
	ExtBuilder::default().build_and_execute(|| {
		register_enterprise(CODE_A, 100);
		assert_eq!(System::providers(&100), 1);
		assert_ok!(Consortium::add_account(RuntimeOrigin::signed(100), 101));
		assert_eq!(System::providers(&101), 1);
		assert_ok!(Consortium::remove_account(RuntimeOrigin::signed(100), 101));
		assert_eq!(System::providers(&101), 0);
	});
}

#[test]
fn an_account_in_use_cannot_be_removed() {
	ExtBuilder::default().build_and_execute(|| {
		register_enterprise(CODE_A, 100);
		assert_ok!(Consortium::add_account(RuntimeOrigin::signed(100), 101));
		// Like session keys would.
		assert_ok!(System::inc_consumers(&101));
		frame_support::assert_noop!(
			Consortium::remove_account(RuntimeOrigin::signed(100), 101),
			Error::<Test>::AccountInUse
		);
	});
}
