//! The council seats, `enact` and `set_tx_quota`.

use super::register_enterprise;
use crate::{mock::*, *};
use frame_support::{assert_noop, assert_ok, traits::Hooks, BoundedVec};
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
			day(300),
			Division(310000)
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
				day(300),
				Division(310000)
			));
		}
		assert_noop!(
			Consortium::register_agency(
				root(),
				AgencyKind::Court,
				b"Court".to_vec(),
				3,
				day(300),
				Division(310000)
			),
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
fn an_agency_whose_term_runs_out_is_announced_overdue_and_keeps_its_seat() {
	ExtBuilder::default().build_and_execute(|| {
		let tax = agency_org(AgencyKind::TaxBureau);
		assert_ok!(Consortium::renew(root(), tax, FOUNDING_TERM + 100 * DAY));
		// The review stays at the earliest end of term.
		assert_eq!(CouncilReviewAt::<Test>::get(), Some(FOUNDING_TERM));

		// Every other founding term ends: before, this emptied the council but for one seat,
		// and at FOUNDING_TERM + 100 * DAY entirely, with no sudo to recover.
		TestClock::set(FOUNDING_TERM);
		Consortium::on_initialize(2);
		assert_eq!(council(), founding_council());
		let court = agency_org(AgencyKind::Court);
		System::assert_has_event(
			Event::TermOverdue { org: court, expired_at: FOUNDING_TERM }.into(),
		);
		assert_eq!(CouncilReviewAt::<Test>::get(), Some(FOUNDING_TERM + 100 * DAY));

		TestClock::set(FOUNDING_TERM + 100 * DAY);
		Consortium::on_initialize(3);
		System::assert_last_event(
			Event::TermOverdue { org: tax, expired_at: FOUNDING_TERM + 100 * DAY }.into(),
		);
		assert_eq!(council(), founding_council(), "the council governs on");
		assert_eq!(CouncilReviewAt::<Test>::get(), None);
		// And can renew the overdue terms.
		assert_ok!(Consortium::renew(root(), court, FOUNDING_TERM + 500 * DAY));
		assert_eq!(CouncilReviewAt::<Test>::get(), Some(FOUNDING_TERM + 500 * DAY));
	});
}

#[test]
fn no_suspension_or_revocation_leaves_fewer_than_the_minimum_of_agencies() {
	ExtBuilder::default().build_and_execute(|| {
		// Six founding agencies, a minimum of two: four may go.
		for kind in [AgencyKind::FinanceBureau, AgencyKind::MarketRegulation, AgencyKind::Court] {
			assert_ok!(Consortium::suspend(root(), agency_org(kind)));
		}
		assert_ok!(Consortium::revoke(root(), agency_org(AgencyKind::IpOffice)));
		assert_eq!(council().len(), 2);
		for org in [agency_org(AgencyKind::TaxBureau), agency_org(AgencyKind::CreditRegulator)] {
			assert_noop!(Consortium::suspend(root(), org), Error::<Test>::TooFewAgencies);
			assert_noop!(Consortium::revoke(root(), org), Error::<Test>::TooFewAgencies);
		}
		// A suspended agency is off the council already: revoking it leaves the count as is.
		assert_ok!(Consortium::revoke(root(), agency_org(AgencyKind::Court)));
		assert_ok!(Consortium::resume(root(), agency_org(AgencyKind::FinanceBureau)));
		assert_ok!(Consortium::suspend(root(), agency_org(AgencyKind::TaxBureau)));
	});
}

#[test]
fn a_revoked_agency_frees_its_seat_for_a_new_one() {
	ExtBuilder::default().build_and_execute(|| {
		// Fill the 8 seats, revoke one, and a new agency can be admitted.
		for (i, account) in [40u64, 41].into_iter().enumerate() {
			assert_ok!(Consortium::register_agency(
				root(),
				AgencyKind::AuditOffice,
				alloc::format!("audit {i}").into_bytes(),
				account,
				FOUNDING_TERM,
				Division(310000)
			));
		}
		assert_eq!(CouncilSeats::<Test>::count(), 8);
		let court = agency_org(AgencyKind::Court);
		assert_ok!(Consortium::revoke(root(), court));
		assert_eq!(CouncilSeats::<Test>::get(court), None);
		assert_eq!(CouncilSeats::<Test>::count(), 7);
		assert_ok!(Consortium::register_agency(
			root(),
			AgencyKind::Customs,
			b"customs".to_vec(),
			42,
			FOUNDING_TERM,
			Division(310000)
		));
		assert!(council().contains(&42));
	});
}

#[test]
fn governance_rotates_an_agencys_seat_to_another_of_its_accounts() {
	ExtBuilder::default().build_and_execute(|| {
		let (tax, tax_org) = (agency(AgencyKind::TaxBureau), agency_org(AgencyKind::TaxBureau));
		assert_ok!(add_clerk(tax, 201));
		// Only governance, only to an account of the same agency, only for a seated agency.
		assert_noop!(
			Consortium::rotate_seat(RuntimeOrigin::signed(tax), tax_org, 201),
			DispatchError::BadOrigin
		);
		assert_noop!(
			Consortium::rotate_seat(root(), tax_org, agency(AgencyKind::Court)),
			Error::<Test>::AccountNotInOrganization
		);
		let sme = register_enterprise(CODE_A, 100);
		assert_noop!(Consortium::rotate_seat(root(), sme, 100), Error::<Test>::NotSeated);

		assert_ok!(Consortium::rotate_seat(root(), tax_org, 201));
		assert_eq!(CouncilSeats::<Test>::get(tax_org), Some(201));
		assert!(council().contains(&201) && !council().contains(&tax));
		System::assert_has_event(Event::SeatRotated { org: tax_org, old: tax, new: 201 }.into());
		// The old key is an ordinary account now, which the agency can remove.
		assert_ok!(Consortium::set_admin(RuntimeOrigin::signed(tax), 201, true));
		assert_ok!(Consortium::remove_account(RuntimeOrigin::signed(201), tax));
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
		assert_ok!(add_clerk(tax, 1));
		assert_ok!(Consortium::set_admin(RuntimeOrigin::signed(tax), 1, true));
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
		assert_eq!(Consortium::tx_allowance(org).txs, 7);
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

#[test]
fn the_invariants_catch_a_broken_registry_and_council() {
	ExtBuilder::default().build().execute_with(|| {
		let org = register_enterprise(CODE_A, 100);
		assert_ok!(Consortium::do_try_state());
		// An account count that differs from the accounts mapped to the organization.
		Organizations::<Test>::mutate(org, |o| o.as_mut().unwrap().accounts = 2);
		assert_eq!(
			Consortium::do_try_state(),
			Err("an organization's account count is wrong".into())
		);
		Organizations::<Test>::mutate(org, |o| o.as_mut().unwrap().accounts = 1);
		// An organization left without an administrator.
		Admins::<Test>::remove(100);
		assert_eq!(Consortium::do_try_state(), Err("an organization has no administrator".into()));
		Admins::<Test>::insert(100, ());
		// A council out of order, then one that is not the seats of the active agencies.
		let council = Council::<Test>::get();
		let mut reversed = council.clone().into_inner();
		reversed.reverse();
		Council::<Test>::put(BoundedVec::truncate_from(reversed));
		assert_eq!(Consortium::do_try_state(), Err("the council is not sorted".into()));
		let mut short = council.clone().into_inner();
		short.pop();
		Council::<Test>::put(BoundedVec::truncate_from(short));
		assert_eq!(
			Consortium::do_try_state(),
			Err("the council is not the seats of active agencies".into())
		);
		Council::<Test>::put(council);
		assert_ok!(Consortium::do_try_state());
	});
}
