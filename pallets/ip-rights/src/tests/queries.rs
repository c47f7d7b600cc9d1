//! The runtime API's queries: by fingerprint, author, owner; offers, licences, disputes;
//! licence checks.

use crate::{mock::*, *};
use regchain_primitives::paging::QUERY_LIMIT;

#[test]
fn works_are_found_by_fingerprint_author_and_owner() {
	ExtBuilder::default().build_and_execute(|| {
		let a = registered(1);
		let b = registered_by(ALICE_CO, 2, &[(WRITER, 5_000), (PAINTER, 5_000)]);
		let c = registered_by(BOB_CO, 3, &[(PAINTER, 10_000)]);
		assert_eq!(IpRights::work_by_fingerprint(fingerprint(2)).map(|(id, _)| id), Some(b));
		assert_eq!(IpRights::work_by_fingerprint(fingerprint(9)), None);
		let ids = |v: Vec<(WorkId, Work<u64>)>| {
			let mut ids: Vec<_> = v.into_iter().map(|(id, _)| id).collect();
			ids.sort();
			ids
		};
		assert_eq!(ids(IpRights::works_of_author(WRITER, None, QUERY_LIMIT)), vec![a, b]);
		assert_eq!(ids(IpRights::works_of_author(PAINTER, None, QUERY_LIMIT)), vec![b, c]);
		assert_eq!(ids(IpRights::works_of_owner(10, None, QUERY_LIMIT)), vec![a, b]);
		assert_eq!(ids(IpRights::works_of_owner(20, None, QUERY_LIMIT)), vec![c]);
		// Paged by key.
		let first = IpRights::works_of_owner(10, None, 1);
		assert_eq!(first.len(), 1);
		let rest = IpRights::works_of_owner(10, Some(first[0].0), QUERY_LIMIT);
		assert_eq!(rest.len(), 1);
		assert_ne!(rest[0].0, first[0].0);
	});
}

#[test]
fn offers_licences_and_disputes_of_a_work_are_listed() {
	ExtBuilder::default().build_and_execute(|| {
		let work = registered(1);
		let offer = offered(ALICE_CO, work, terms(LicenceKind::Reprint, false, None));
		let withdrawn = offered(ALICE_CO, work, terms(LicenceKind::Commercial, false, None));
		frame_support::assert_ok!(IpRights::withdraw_offer(
			RuntimeOrigin::signed(ALICE_CO),
			withdrawn
		));
		let bobs = licensed(BOB_CO, offer);
		let carols = licensed(CAROL_CO, offer);
		let dispute = disputed(CAROL_CO, work, DisputeKind::Ownership);
		assert_eq!(
			IpRights::open_offers(work).into_iter().map(|(id, _)| id).collect::<Vec<_>>(),
			vec![offer]
		);
		let mut licences: Vec<_> = IpRights::licences_of_work(work, None, QUERY_LIMIT)
			.into_iter()
			.map(|(id, _)| id)
			.collect();
		licences.sort();
		assert_eq!(licences, vec![bobs, carols]);
		assert_eq!(IpRights::licences_of_work(work, None, 1).len(), 1);
		assert_eq!(
			IpRights::disputes_of_work(work, None, QUERY_LIMIT)
				.into_iter()
				.map(|(id, _)| id)
				.collect::<Vec<_>>(),
			vec![dispute]
		);
	});
}

#[test]
fn a_licence_check_needs_a_member_and_a_work() {
	ExtBuilder::default().build_and_execute(|| {
		let work = registered(1);
		assert_eq!(
			IpRights::licence_check(work, OUTSIDER, LicenceKind::Reprint),
			LicenceCheck::NotLicensed
		);
		assert_eq!(
			IpRights::licence_check(7, ALICE_CO, LicenceKind::Reprint),
			LicenceCheck::NotLicensed
		);
		assert_eq!(
			IpRights::licence_check(work, ALICE_CO, LicenceKind::Reprint),
			LicenceCheck::Owner
		);
	});
}
