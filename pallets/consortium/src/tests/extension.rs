//! The `CheckMember` transaction extension: members only, allowed calls only, within their
//! quota of transactions and bytes, with no more queued than the quota allows.

use super::register_enterprise;
use crate::{mock::*, *};
use frame_support::{assert_ok, dispatch::DispatchInfo, pallet_prelude::TransactionSource};
use sp_runtime::{
	traits::{DispatchTransaction, ImplicationParts, TransactionExtension, TxBaseImplication},
	transaction_validity::{InvalidTransaction, TransactionValidityError},
};

/// A call every member may make (whether it then succeeds does not matter here).
fn any_call() -> RuntimeCall {
	RuntimeCall::Consortium(Call::remove_account { account: 7 })
}

/// A call the mock's policy keeps for agencies.
fn remark() -> RuntimeCall {
	RuntimeCall::System(frame_system::Call::remark { remark: vec![] })
}

/// Validates and prepares a transaction of `origin`, as block building does.
fn submit(origin: RuntimeOrigin) -> Result<(), TransactionValidityError> {
	CheckMember::<Test>::new()
		.validate_and_prepare(origin, &any_call(), &DispatchInfo::default(), 0, 0)
		.map(|_| ())
}

/// Validates and prepares `call` of `len` bytes.
fn submit_call(
	origin: RuntimeOrigin,
	call: &RuntimeCall,
	len: usize,
	_nonce: u32,
) -> Result<(), TransactionValidityError> {
	CheckMember::<Test>::new()
		.validate_and_prepare(origin, call, &DispatchInfo::default(), len, 0)
		.map(|_| ())
}

/// Validates `call` signed with `nonce` (as `CheckNonce`, which follows, carries it) and
/// returns its priority.
fn validate_nonce(
	origin: RuntimeOrigin,
	call: &RuntimeCall,
	nonce: u32,
) -> Result<u64, TransactionValidityError> {
	let implication =
		ImplicationParts { base: call, explicit: (codec::Compact(nonce), ()), implicit: () };
	CheckMember::<Test>::new()
		.validate(
			origin,
			call,
			&DispatchInfo::default(),
			10,
			(),
			&implication,
			TransactionSource::External,
		)
		.map(|(validity, _, _)| validity.priority)
}

/// Only validates, as the transaction pool does.
fn validate(origin: RuntimeOrigin) -> Result<(), TransactionValidityError> {
	CheckMember::<Test>::new()
		.validate(
			origin,
			&any_call(),
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
fn a_suspended_member_submits_answers_only_and_a_revoked_one_nothing() {
	ExtBuilder::default().build_and_execute(|| {
		let org = register_enterprise(CODE_A, 100);
		let other = RuntimeCall::System(frame_system::Call::remark_with_event { remark: vec![] });
		assert_ok!(submit_call(RuntimeOrigin::signed(100), &other, 10, 0));
		assert_ok!(Consortium::suspend(RuntimeOrigin::root(), org));
		// The policy's answer (here `remove_account`) passes, counted against the quota.
		assert_ok!(validate(RuntimeOrigin::signed(100)));
		assert_ok!(submit(RuntimeOrigin::signed(100)));
		assert_eq!(Consortium::usage_of(org).txs, 2);
		assert_eq!(
			submit_call(RuntimeOrigin::signed(100), &other, 10, 0),
			Err(InvalidTransaction::Call.into())
		);
		assert_ok!(Consortium::revoke(RuntimeOrigin::root(), org));
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
		assert_ok!(add_clerk(100, 101));
		System::set_block_number(12);
		// The quota is per organization, whichever account signs.
		assert_ok!(submit(RuntimeOrigin::signed(100)));
		assert_ok!(submit(RuntimeOrigin::signed(101)));
		assert_ok!(submit(RuntimeOrigin::signed(100)));
		assert_eq!(TxUsage::<Test>::get(org), Some(Usage { period: 10, txs: QUOTA, bytes: 0 }));
		let exhausted = Err(InvalidTransaction::Custom(QUOTA_EXHAUSTED).into());
		assert_eq!(validate(RuntimeOrigin::signed(101)), exhausted);
		assert_eq!(submit(RuntimeOrigin::signed(100)), exhausted);

		// Another organization is not affected.
		assert_ok!(submit(RuntimeOrigin::signed(agency(AgencyKind::TaxBureau))));

		// The next period starts afresh.
		System::set_block_number(20);
		assert_ok!(submit(RuntimeOrigin::signed(100)));
		assert_eq!(TxUsage::<Test>::get(org), Some(Usage { period: 20, txs: 1, bytes: 0 }));
	});
}

#[test]
fn an_organizations_own_quota_replaces_the_default_but_never_goes_below_the_floor() {
	ExtBuilder::default().build_and_execute(|| {
		let org = register_enterprise(CODE_A, 100);
		assert_ok!(Consortium::set_tx_quota(RuntimeOrigin::root(), Some(org), MIN_QUOTA));
		assert_ok!(submit(RuntimeOrigin::signed(100)));
		assert_ok!(submit(RuntimeOrigin::signed(100)));
		assert_eq!(
			submit(RuntimeOrigin::signed(100)),
			Err(InvalidTransaction::Custom(QUOTA_EXHAUSTED).into())
		);
		// Zero (or anything below the floor) would lock the organization, and governance with
		// it, out of the chain for good.
		for (who, quota) in [(Some(org), 0), (None, 0), (None, MIN_QUOTA - 1)] {
			frame_support::assert_noop!(
				Consortium::set_tx_quota(RuntimeOrigin::root(), who, quota),
				Error::<Test>::QuotaBelowFloor
			);
		}
		frame_support::assert_noop!(
			Consortium::set_byte_quota(RuntimeOrigin::root(), None, MIN_BYTES - 1),
			Error::<Test>::QuotaBelowFloor
		);
		// A stored value below the floor (e.g. from genesis) counts as the floor.
		DefaultTxQuota::<Test>::put(0);
		DefaultByteQuota::<Test>::put(0);
		let tax = agency_org(AgencyKind::TaxBureau);
		assert_eq!(Consortium::quota_of(tax), Quota { txs: MIN_QUOTA, bytes: MIN_BYTES });
	});
}

#[test]
fn bytes_are_metered_as_well_as_transactions() {
	ExtBuilder::default().build_and_execute(|| {
		let org = register_enterprise(CODE_A, 100);
		assert_ok!(Consortium::set_tx_quota(RuntimeOrigin::root(), Some(org), 100));
		let call = RuntimeCall::Consortium(Call::remove_account { account: 7 });
		assert_ok!(submit_call(RuntimeOrigin::signed(100), &call, 600, 0));
		assert_eq!(Consortium::tx_allowance(org), Allowance { txs: 99, bytes: BYTES - 600 });
		// 500 bytes more would pass the 1,000 of the period: refused, nothing charged.
		let exhausted = Err(InvalidTransaction::Custom(QUOTA_EXHAUSTED).into());
		assert_eq!(submit_call(RuntimeOrigin::signed(100), &call, 500, 0), exhausted);
		assert_eq!(Consortium::tx_allowance(org).bytes, BYTES - 600);
		assert_ok!(submit_call(RuntimeOrigin::signed(100), &call, 400, 0));
		assert_eq!(submit_call(RuntimeOrigin::signed(100), &call, 1, 0), exhausted);
		// A larger byte quota of its own lets it go on.
		assert_ok!(Consortium::set_byte_quota(RuntimeOrigin::root(), Some(org), 5_000));
		assert_eq!(last_event(), Event::ByteQuotaSet { org: Some(org), bytes: 5_000 });
		assert_ok!(submit_call(RuntimeOrigin::signed(100), &call, 1, 0));
	});
}

#[test]
fn calls_the_policy_refuses_never_reach_the_pool() {
	ExtBuilder::default().build_and_execute(|| {
		let org = register_enterprise(CODE_A, 100);
		// In the mock, remarks are for agencies only.
		let refused = Err(InvalidTransaction::Call.into());
		assert_eq!(submit_call(RuntimeOrigin::signed(100), &remark(), 10, 0), refused);
		assert_eq!(TxUsage::<Test>::get(org), None, "a refused call is not charged");
		assert_ok!(submit_call(
			RuntimeOrigin::signed(agency(AgencyKind::TaxBureau)),
			&remark(),
			10,
			0
		));
	});
}

#[test]
fn a_council_seat_can_always_vote_whatever_its_clerks_used() {
	ExtBuilder::default().build_and_execute(|| {
		let tax = agency(AgencyKind::TaxBureau);
		let tax_org = agency_org(AgencyKind::TaxBureau);
		assert_ok!(add_clerk(tax, 201));
		for _ in 0..QUOTA {
			assert_ok!(submit(RuntimeOrigin::signed(201)));
		}
		let exhausted = Err(InvalidTransaction::Custom(QUOTA_EXHAUSTED).into());
		assert_eq!(submit(RuntimeOrigin::signed(tax)), exhausted, "ordinary calls are over");
		// Council calls (remark_with_event in the mock) of the seat: the reserve, and no bytes.
		let vote = RuntimeCall::System(frame_system::Call::remark_with_event { remark: vec![] });
		for _ in 0..RESERVE {
			assert_ok!(submit_call(RuntimeOrigin::signed(tax), &vote, 5_000, 0));
		}
		assert_eq!(submit_call(RuntimeOrigin::signed(tax), &vote, 10, 0), exhausted);
		assert_eq!(Consortium::usage_of(tax_org).bytes, 0);
		// A clerk of the same agency is no seat: no reserve.
		System::set_block_number(20);
		for _ in 0..QUOTA {
			assert_ok!(submit(RuntimeOrigin::signed(201)));
		}
		assert_eq!(submit_call(RuntimeOrigin::signed(201), &vote, 10, 0), exhausted);
	});
}

#[test]
fn an_account_cannot_queue_more_than_its_organization_has_left() {
	ExtBuilder::default().build_and_execute(|| {
		let org = register_enterprise(CODE_A, 100);
		let call = RuntimeCall::Consortium(Call::remove_account { account: 7 });
		// Nonces 0, 1, 2 fit the quota of 3, each with a lower priority than the one before:
		// an organization deep in its queue yields to one that has sent nothing.
		let priorities: Vec<u64> = (0..QUOTA)
			.map(|nonce| validate_nonce(RuntimeOrigin::signed(100), &call, nonce).unwrap())
			.collect();
		assert_eq!(priorities, vec![3, 2, 1]);
		assert_eq!(
			validate_nonce(RuntimeOrigin::signed(100), &call, QUOTA),
			Err(InvalidTransaction::Custom(QUOTA_EXHAUSTED).into())
		);
		// Once one is included, the queue may reach one further only if quota is left.
		assert_ok!(submit_call(RuntimeOrigin::signed(100), &call, 10, 0));
		frame_system::Account::<Test>::mutate(100, |a| a.nonce = 1);
		assert_eq!(validate_nonce(RuntimeOrigin::signed(100), &call, 1), Ok(2));
		assert_eq!(
			validate_nonce(RuntimeOrigin::signed(100), &call, QUOTA),
			Err(InvalidTransaction::Custom(QUOTA_EXHAUSTED).into())
		);
		let _ = org;
	});
}

#[test]
fn member_accounts_exist_without_a_balance() {
	ExtBuilder::default().build_and_execute(|| {
		register_enterprise(CODE_A, 100);
		assert_eq!(System::providers(&100), 1);
		assert_ok!(add_clerk(100, 101));
		assert_eq!(System::providers(&101), 1);
		assert_ok!(Consortium::remove_account(RuntimeOrigin::signed(100), 101));
		assert_eq!(System::providers(&101), 0);
	});
}

#[test]
fn an_account_in_use_cannot_be_removed() {
	ExtBuilder::default().build_and_execute(|| {
		register_enterprise(CODE_A, 100);
		assert_ok!(add_clerk(100, 101));
		// Like session keys would.
		assert_ok!(System::inc_consumers(&101));
		frame_support::assert_noop!(
			Consortium::remove_account(RuntimeOrigin::signed(100), 101),
			Error::<Test>::AccountInUse
		);
	});
}
