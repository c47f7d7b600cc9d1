//! The council seats, `enact` and `set_tx_quota`.

use super::register_enterprise;
use crate::{mock::*, *};
use frame_support::{assert_noop, assert_ok, traits::Hooks};
use sp_runtime::DispatchError;

fn root() -> RuntimeOrigin {
	RuntimeOrigin::root()
}

/// The founding agencies' accounts, sorted: the genesis council.
fn founding_council() -> Vec<u64> {
	AGENCIES.iter().map(|k| agency(*k)).collect()
}

#[test]
fn genesis_seats_every_founding_agency_on_the_council() {
	ExtBuilder::default().build_and_execute(|| {
		assert_eq!(council(), founding_council());
		assert_eq!(Council::<Test>::get().into_inner(), founding_council());
		assert_eq!(CouncilSeats::<Test>::count(), 6);
		assert_eq!(CouncilReviewAt::<Test>::get(), Some(FOUNDING_TERM));
	});
}

#[test]
fn an_admitted_agency_takes_a_seat() {
	ExtBuilder::default().build_and_execute(|| {
		let org = NextOrgId::<Test>::get();
		assert_ok!(Consortium::register_agency(
			root(),
			AgencyKind::Court,
			b"Second court".to_vec(),
			5,
			300
		));
		assert_eq!(CouncilSeats::<Test>::get(org), Some(5));
		let mut expected = founding_council();
		expected.insert(0, 5);
		assert_eq!(council(), expected);
		System::assert_has_event(Event::CouncilChanged { members: 7 }.into());
	});
}

#[test]
fn register_agency_fails_when_every_seat_is_taken() {
	ExtBuilder::default().build_and_execute(|| {
		for account in [1, 2] {
			assert_ok!(Consortium::register_agency(
				root(),
				AgencyKind::Court,
				b"Court".to_vec(),
				account,
				300
			));
		}
		assert_noop!(
			Consortium::register_agency(root(), AgencyKind::Court, b"Court".to_vec(), 3, 300),
			Error::<Test>::TooManyAgencies
		);
	});
}

#[test]
fn suspended_and_revoked_agencies_lose_their_seat_and_resumed_ones_regain_it() {
	ExtBuilder::default().build_and_execute(|| {
		let court = agency_org(AgencyKind::Court);
		let without_court: Vec<u64> =
			founding_council().into_iter().filter(|a| *a != agency(AgencyKind::Court)).collect();
		assert_ok!(Consortium::suspend(root(), court));
		assert_eq!(council(), without_court);
		System::assert_has_event(Event::CouncilChanged { members: 5 }.into());
		assert_ok!(Consortium::resume(root(), court));
		assert_eq!(council(), founding_council());
		assert_ok!(Consortium::revoke(root(), court));
		assert_eq!(council(), without_court);
	});
}

#[test]
fn an_agency_whose_term_runs_out_leaves_the_council_at_that_block() {
	ExtBuilder::default().build_and_execute(|| {
		let tax = agency_org(AgencyKind::TaxBureau);
		assert_ok!(Consortium::renew(root(), tax, FOUNDING_TERM + 100));
		// The review stays at the earliest end of term.
		assert_eq!(CouncilReviewAt::<Test>::get(), Some(FOUNDING_TERM));

		System::set_block_number(FOUNDING_TERM);
		Consortium::on_initialize(FOUNDING_TERM);
		assert_eq!(council(), vec![agency(AgencyKind::TaxBureau)]);
		assert_eq!(CouncilReviewAt::<Test>::get(), Some(FOUNDING_TERM + 100));

		System::set_block_number(FOUNDING_TERM + 100);
		Consortium::on_initialize(FOUNDING_TERM + 100);
		assert!(council().is_empty());
		assert_eq!(CouncilReviewAt::<Test>::get(), None);
	});
}

#[test]
fn enterprises_never_sit_on_the_council() {
	ExtBuilder::default().build_and_execute(|| {
		let org = register_enterprise(CODE_A, 100);
		assert_ok!(Consortium::suspend(root(), org));
		assert_eq!(council(), founding_council());
		assert_eq!(CouncilSeats::<Test>::get(org), None);
	});
}

#[test]
fn a_council_seat_account_cannot_be_removed() {
	ExtBuilder::default().build_and_execute(|| {
		let tax = agency(AgencyKind::TaxBureau);
		assert_ok!(Consortium::add_account(RuntimeOrigin::signed(tax), 1));
		assert_noop!(
			Consortium::remove_account(RuntimeOrigin::signed(1), tax),
			Error::<Test>::CouncilSeat
		);
		assert_ok!(Consortium::remove_account(RuntimeOrigin::signed(tax), 1));
	});
}

#[test]
fn governance_enacts_a_call_as_root() {
	ExtBuilder::default().build_and_execute(|| {
		let call = RuntimeCall::System(frame_system::Call::set_storage {
			items: vec![(b"key".to_vec(), b"value".to_vec())],
		});
		assert_ok!(Consortium::enact(root(), Box::new(call)));
		assert_eq!(sp_io::storage::get(b"key").map(|v| v.to_vec()), Some(b"value".to_vec()));
		assert_eq!(last_event(), Event::Enacted { result: Ok(()) });
	});
}

#[test]
fn enact_reports_the_failure_of_the_enacted_call() {
	ExtBuilder::default().build_and_execute(|| {
		let call = RuntimeCall::Consortium(Call::resume { org: 99 });
		assert_ok!(Consortium::enact(root(), Box::new(call)));
		assert_eq!(
			last_event(),
			Event::Enacted { result: Err(Error::<Test>::OrganizationNotFound.into()) }
		);
	});
}

#[test]
fn enact_is_refused_to_anyone_but_governance() {
	ExtBuilder::default().build_and_execute(|| {
		let call = RuntimeCall::System(frame_system::Call::remark { remark: vec![] });
		assert_noop!(
			Consortium::enact(RuntimeOrigin::signed(agency(AgencyKind::Court)), Box::new(call)),
			DispatchError::BadOrigin
		);
	});
}

#[test]
fn governance_sets_the_default_and_an_organizations_quota() {
	ExtBuilder::default().build_and_execute(|| {
		let org = register_enterprise(CODE_A, 100);
		assert_ok!(Consortium::set_tx_quota(root(), None, 50));
		assert_eq!(DefaultTxQuota::<Test>::get(), 50);
		assert_eq!(last_event(), Event::TxQuotaSet { org: None, quota: 50 });
		assert_ok!(Consortium::set_tx_quota(root(), Some(org), 7));
		assert_eq!(TxQuotaOverride::<Test>::get(org), Some(7));
		assert_eq!(last_event(), Event::TxQuotaSet { org: Some(org), quota: 7 });
		assert_eq!(Consortium::tx_allowance(org).0, 7);
	});
}

#[test]
fn set_tx_quota_fails_for_unknown_organizations_and_other_origins() {
	ExtBuilder::default().build_and_execute(|| {
		assert_noop!(
			Consortium::set_tx_quota(root(), Some(99), 5),
			Error::<Test>::OrganizationNotFound
		);
		assert_noop!(
			Consortium::set_tx_quota(RuntimeOrigin::signed(agency(AgencyKind::Court)), None, 5),
			DispatchError::BadOrigin
		);
	});
}
