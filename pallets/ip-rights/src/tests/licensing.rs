//! Licence offers and licences: dates, limits, exclusivity, expiry.

use crate::{mock::*, *};
use frame_support::{assert_noop, assert_ok};
use regchain_primitives::time::DAY;
use sp_core::H256;

const PAID: H256 = H256::repeat_byte(0xaa);

#[test]
fn an_owner_offers_and_a_member_takes_a_licence() {
	ExtBuilder::default().build_and_execute(|| {
		let work = registered(1);
		let offer = offered(ALICE_CO, work, terms(LicenceKind::Reprint, false, Some(2)));
		assert_eq!(
			last_event(),
			Event::OfferPublished { offer, work, kind: LicenceKind::Reprint, exclusive: false }
		);
		assert_eq!(OpenOffers::<Test>::get(work).to_vec(), vec![offer]);
		TestClock::set(day(2));
		let licence = licensed(BOB_CO, offer);
		let stored = Licences::<Test>::get(licence).unwrap();
		assert_eq!(
			stored,
			Licence {
				work,
				offer,
				licensee: 20,
				kind: LicenceKind::Reprint,
				exclusive: false,
				price: 50_000,
				payment: PAID,
				from: day(2),
				until: day(32),
				revoked: None,
			}
		);
		assert_eq!(
			last_event(),
			Event::LicenceTaken { licence, offer, work, licensee: 20, until: day(32) }
		);
		assert_eq!(Offers::<Test>::get(offer).unwrap().taken, 1);
		assert!(LicencesByWork::<Test>::contains_key(work, licence));
		assert!(LicencesByLicensee::<Test>::contains_key(20, licence));
		assert_eq!(
			IpRights::licence_check(work, BOB_CO, LicenceKind::Reprint),
			LicenceCheck::Licensed { id: licence, until: day(32), exclusive: false }
		);
		assert_eq!(
			IpRights::licence_check(work, BOB_CO, LicenceKind::Commercial),
			LicenceCheck::NotLicensed
		);
		assert_eq!(
			IpRights::licence_check(work, ALICE_CO, LicenceKind::Commercial),
			LicenceCheck::Owner
		);
		// Licences expire without any call.
		TestClock::set(day(32));
		assert_eq!(
			IpRights::licence_check(work, BOB_CO, LicenceKind::Reprint),
			LicenceCheck::NotLicensed
		);
	});
}

#[test]
fn an_offer_is_taken_only_while_open_and_within_its_limit() {
	ExtBuilder::default().build_and_execute(|| {
		let work = registered(1);
		let mut later = terms(LicenceKind::Reprint, false, Some(1));
		later.opens = day(3);
		let offer = offered(ALICE_CO, work, later);
		assert_noop!(
			IpRights::take_licence(RuntimeOrigin::signed(BOB_CO), offer, PAID),
			Error::<Test>::OfferNotOpen
		);
		TestClock::set(day(3));
		licensed(BOB_CO, offer);
		assert_noop!(
			IpRights::take_licence(RuntimeOrigin::signed(CAROL_CO), offer, PAID),
			Error::<Test>::OfferExhausted
		);
		let open = offered(ALICE_CO, work, terms(LicenceKind::Commercial, false, None));
		TestClock::set(day(13));
		assert_noop!(
			IpRights::take_licence(RuntimeOrigin::signed(CAROL_CO), open, PAID),
			Error::<Test>::OfferExpired
		);
		assert_noop!(
			IpRights::take_licence(RuntimeOrigin::signed(CAROL_CO), 9, PAID),
			Error::<Test>::OfferNotFound
		);
	});
}

#[test]
fn a_withdrawn_offer_grants_nothing_more() {
	ExtBuilder::default().build_and_execute(|| {
		let work = registered(1);
		let offer = offered(ALICE_CO, work, terms(LicenceKind::Reprint, false, None));
		let licence = licensed(BOB_CO, offer);
		assert_noop!(
			IpRights::withdraw_offer(RuntimeOrigin::signed(BOB_CO), offer),
			Error::<Test>::NotOwner
		);
		assert_ok!(IpRights::withdraw_offer(RuntimeOrigin::signed(ALICE_CO), offer));
		assert_eq!(last_event(), Event::OfferWithdrawn { offer });
		assert_eq!(
			Offers::<Test>::get(offer).unwrap().status,
			OfferStatus::Withdrawn { at: day(1) }
		);
		assert!(OpenOffers::<Test>::get(work).is_empty());
		assert_noop!(
			IpRights::take_licence(RuntimeOrigin::signed(CAROL_CO), offer, PAID),
			Error::<Test>::OfferClosed
		);
		assert_noop!(
			IpRights::withdraw_offer(RuntimeOrigin::signed(ALICE_CO), offer),
			Error::<Test>::OfferClosed
		);
		assert_noop!(
			IpRights::withdraw_offer(RuntimeOrigin::signed(ALICE_CO), 7),
			Error::<Test>::OfferNotFound
		);
		// Licences taken stand.
		assert!(Licences::<Test>::get(licence).unwrap().is_valid(day(1)));
	});
}

#[test]
fn offers_need_sound_terms_from_the_owner() {
	ExtBuilder::default().build_and_execute(|| {
		let work = registered(1);
		let publish = |who, terms| IpRights::publish_offer(RuntimeOrigin::signed(who), work, terms);
		let good = terms(LicenceKind::Reprint, false, None);
		assert_noop!(publish(BOB_CO, good.clone()), Error::<Test>::NotOwner);
		assert_noop!(
			IpRights::publish_offer(RuntimeOrigin::signed(ALICE_CO), 5, good.clone()),
			Error::<Test>::WorkNotFound
		);
		let mut backwards = good.clone();
		backwards.closes = backwards.opens;
		assert_noop!(publish(ALICE_CO, backwards), Error::<Test>::InvalidOfferDates);
		let mut past = good.clone();
		past.opens = day(0) - DAY;
		past.closes = day(1);
		assert_noop!(publish(ALICE_CO, past), Error::<Test>::InvalidOfferDates);
		let mut no_term = good.clone();
		no_term.licence_term = 0;
		assert_noop!(publish(ALICE_CO, no_term), Error::<Test>::InvalidOfferDates);
		assert_noop!(
			publish(ALICE_CO, terms(LicenceKind::Reprint, false, Some(0))),
			Error::<Test>::ZeroLimit
		);
		for _ in 0..MAX_OPEN_OFFERS {
			assert_ok!(publish(ALICE_CO, good.clone()));
		}
		assert_noop!(publish(ALICE_CO, good), Error::<Test>::TooManyOffers);
	});
}

#[test]
fn a_licensee_holds_one_valid_licence_of_a_kind_and_owners_need_none() {
	ExtBuilder::default().build_and_execute(|| {
		let work = registered(1);
		let offer = offered(ALICE_CO, work, terms(LicenceKind::Reprint, false, None));
		assert_noop!(
			IpRights::take_licence(RuntimeOrigin::signed(ALICE_CO), offer, PAID),
			Error::<Test>::AlreadyOwner
		);
		licensed(BOB_CO, offer);
		assert_noop!(
			IpRights::take_licence(RuntimeOrigin::signed(BOB_CO), offer, PAID),
			Error::<Test>::AlreadyLicensed
		);
		TestClock::set(day(31));
		let renewal = offered(ALICE_CO, work, terms(LicenceKind::Reprint, false, None));
		let renewed = licensed(BOB_CO, renewal);
		assert_eq!(CurrentLicence::<Test>::get((work, 20, LicenceKind::Reprint)), Some(renewed));
	});
}

#[test]
fn an_exclusive_licence_excludes_every_other_of_its_kind() {
	ExtBuilder::default().build_and_execute(|| {
		let work = registered(1);
		let plain = offered(ALICE_CO, work, terms(LicenceKind::Commercial, false, None));
		let exclusive = offered(ALICE_CO, work, terms(LicenceKind::Commercial, true, None));
		let reprint = offered(ALICE_CO, work, terms(LicenceKind::Reprint, false, None));
		licensed(BOB_CO, plain);
		// Bob's plain licence runs: no exclusive one until it ends.
		assert_noop!(
			IpRights::take_licence(RuntimeOrigin::signed(CAROL_CO), exclusive, PAID),
			Error::<Test>::LicencesActive
		);
		// Carol waits for it; the offers of 10 days are renewed meanwhile.
		TestClock::set(day(31));
		let exclusive = offered(ALICE_CO, work, terms(LicenceKind::Commercial, true, None));
		let plain = offered(ALICE_CO, work, terms(LicenceKind::Commercial, false, None));
		let carols = licensed(CAROL_CO, exclusive);
		assert_eq!(ExclusiveLicence::<Test>::get((work, LicenceKind::Commercial)), Some(carols));
		assert_noop!(
			IpRights::take_licence(RuntimeOrigin::signed(BOB_CO), plain, PAID),
			Error::<Test>::ExclusivelyLicensed
		);
		assert_noop!(
			IpRights::take_licence(RuntimeOrigin::signed(BOB_CO), exclusive, PAID),
			Error::<Test>::ExclusivelyLicensed
		);
		// Another kind is not excluded.
		assert_eq!(Offers::<Test>::get(reprint).unwrap().status, OfferStatus::Open);
		let reprint = offered(ALICE_CO, work, terms(LicenceKind::Reprint, false, None));
		licensed(BOB_CO, reprint);
		assert_eq!(
			IpRights::licence_check(work, CAROL_CO, LicenceKind::Commercial),
			LicenceCheck::Licensed { id: carols, until: day(61), exclusive: true }
		);
		// Once it ends, others may license again.
		TestClock::set(day(61));
		let plain = offered(ALICE_CO, work, terms(LicenceKind::Commercial, false, None));
		licensed(BOB_CO, plain);
	});
}

#[test]
fn a_licence_end_beyond_time_is_refused() {
	ExtBuilder::default().build_and_execute(|| {
		let work = registered(1);
		let mut forever = terms(LicenceKind::Reprint, false, None);
		forever.licence_term = u64::MAX;
		let offer = offered(ALICE_CO, work, forever);
		assert_noop!(
			IpRights::take_licence(RuntimeOrigin::signed(BOB_CO), offer, PAID),
			Error::<Test>::Overflow
		);
	});
}
