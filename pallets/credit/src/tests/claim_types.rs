//! Claim types and their attesters: the credit regulator decides who may attest what.

use crate::{mock::*, *};
use frame_support::{assert_noop, assert_ok};
use regchain_primitives::{testing::TestOrg, time::DAY, AgencyKind, Division, OrgKind, OrgKinds};
use sp_core::H256;
use sp_runtime::DispatchError::BadOrigin;

fn register(name: &[u8], ratings_: Ratings, kinds: OrgKinds) -> DispatchResultWithInfo {
	Credit::register_claim_type(
		RuntimeOrigin::signed(REGULATOR),
		bounded(name),
		H256::zero(),
		ratings_,
		kinds,
		false,
	)
}
type DispatchResultWithInfo = sp_runtime::DispatchResult;

#[test]
fn the_credit_regulator_registers_a_claim_type_with_its_ratings_and_attester_kinds() {
	ExtBuilder::default().build_and_execute(|| {
		let id = tax_grade();
		let claim_type = ClaimTypes::<Test>::get(id).unwrap();
		assert_eq!(claim_type.name.to_vec(), b"tax-credit-grade".to_vec());
		assert_eq!(claim_type.ratings, ratings(&["A", "B", "M", "C", "D"]));
		assert!(claim_type.attester_kinds.contains(OrgKind::Agency(AgencyKind::TaxBureau)));
		assert_eq!((claim_type.registered_by, claim_type.registered_at), (1, day(1)));
		assert!(!claim_type.retired);
		assert_eq!(Attesters::<Test>::get(id, 2), Some(day(1)));
		assert_eq!(last_event(), Event::AttesterAuthorized { claim_type: id, attester: 2 });
		assert_eq!(NextClaimTypeId::<Test>::get(), 1);
	});
}

#[test]
fn registering_refuses_others_an_empty_name_no_kinds_and_bad_ratings() {
	ExtBuilder::default().build_and_execute(|| {
		let kinds = OrgKinds::of(&[OrgKind::FinancialInstitution]);
		for who in [TAX, BANK, SME, OUTSIDER] {
			assert_noop!(
				Credit::register_claim_type(
					RuntimeOrigin::signed(who),
					bounded(b"x"),
					H256::zero(),
					Ratings::default(),
					kinds,
					false
				),
				BadOrigin
			);
		}
		assert_noop!(register(b"", Ratings::default(), kinds), Error::<Test>::EmptyName);
		assert_noop!(
			register(b"x", Ratings::default(), OrgKinds::default()),
			Error::<Test>::NoAttesterKinds
		);
		assert_noop!(
			register(b"x", Ratings::default(), OrgKinds(1 << 30)),
			Error::<Test>::NoAttesterKinds
		);
		assert_noop!(register(b"x", ratings(&["A", "A"]), kinds), Error::<Test>::InvalidRatings);
		assert_noop!(register(b"x", ratings(&["A", ""]), kinds), Error::<Test>::InvalidRatings);
	});
}

#[test]
fn a_retired_claim_type_takes_no_attestations_or_attesters_but_old_ones_still_count() {
	ExtBuilder::default().build_and_execute(|| {
		let id = tax_grade();
		let given = graded(id, 0);
		assert_noop!(Credit::retire_claim_type(RuntimeOrigin::signed(TAX), id), BadOrigin);
		assert_ok!(Credit::retire_claim_type(RuntimeOrigin::signed(REGULATOR), id));
		assert_eq!(last_event(), Event::ClaimTypeRetired { claim_type: id });
		assert_noop!(
			Credit::retire_claim_type(RuntimeOrigin::signed(REGULATOR), id),
			Error::<Test>::ClaimTypeRetired
		);
		assert_noop!(
			Credit::retire_claim_type(RuntimeOrigin::signed(REGULATOR), 9),
			Error::<Test>::ClaimTypeNotFound
		);
		let now = TestClock::get();
		assert_noop!(
			Credit::attest(
				RuntimeOrigin::signed(TAX),
				10,
				id,
				H256::zero(),
				None,
				now,
				now + DAY,
				Default::default()
			),
			Error::<Test>::ClaimTypeRetired
		);
		assert_noop!(
			Credit::authorize_attester(RuntimeOrigin::signed(REGULATOR), id, 3),
			Error::<Test>::ClaimTypeRetired
		);
		assert_eq!(
			Credit::credit_profile(10, None, 10).iter().map(|e| e.id).collect::<Vec<_>>(),
			[given]
		);
	});
}

#[test]
fn attesters_are_of_a_kind_the_claim_type_allows_within_the_regulators_jurisdiction() {
	ExtBuilder::default().build_and_execute(|| {
		let id = tax_grade();
		// A court, a bank, an enterprise: not tax bureaus.
		for org in [3, 4, 30] {
			assert_noop!(
				Credit::authorize_attester(RuntimeOrigin::signed(REGULATOR), id, org),
				Error::<Test>::WrongAttesterKind
			);
		}
		assert_noop!(
			Credit::authorize_attester(RuntimeOrigin::signed(REGULATOR), id, 2),
			Error::<Test>::AlreadyAuthorized
		);
		assert_noop!(
			Credit::authorize_attester(RuntimeOrigin::signed(REGULATOR), id, 77),
			Error::<Test>::OrganizationNotFound
		);
		assert_noop!(
			Credit::authorize_attester(RuntimeOrigin::signed(REGULATOR), 9, 2),
			Error::<Test>::ClaimTypeNotFound
		);
		assert_noop!(Credit::authorize_attester(RuntimeOrigin::signed(TAX), id, 2), BadOrigin);
		// Utility payments: enterprises may attest; a regulator in Guangdong may not authorize
		// a Shanghai utility.
		let utility = NextClaimTypeId::<Test>::get();
		assert_ok!(register(
			b"utility-payment",
			Ratings::default(),
			OrgKinds::of(&[OrgKind::Enterprise])
		));
		TestMembership::set_jurisdiction(1, Division(440000));
		assert_noop!(
			Credit::authorize_attester(RuntimeOrigin::signed(REGULATOR), utility, 30),
			Error::<Test>::OutsideJurisdiction
		);
		TestMembership::set_jurisdiction(1, Division(310000));
		assert_ok!(Credit::authorize_attester(RuntimeOrigin::signed(REGULATOR), utility, 30));
	});
}

#[test]
fn a_deauthorized_attester_attests_no_more_but_its_attestations_stand() {
	ExtBuilder::default().build_and_execute(|| {
		let id = tax_grade();
		let given = graded(id, 1);
		assert_noop!(Credit::deauthorize_attester(RuntimeOrigin::signed(SME), id, 2), BadOrigin);
		assert_ok!(Credit::deauthorize_attester(RuntimeOrigin::signed(REGULATOR), id, 2));
		assert_eq!(last_event(), Event::AttesterDeauthorized { claim_type: id, attester: 2 });
		assert_eq!(Attesters::<Test>::get(id, 2), None);
		assert_noop!(
			Credit::deauthorize_attester(RuntimeOrigin::signed(REGULATOR), id, 2),
			Error::<Test>::NotAuthorized
		);
		let now = TestClock::get();
		assert_noop!(
			Credit::attest(
				RuntimeOrigin::signed(TAX),
				10,
				id,
				H256::zero(),
				None,
				now,
				now + DAY,
				Default::default()
			),
			Error::<Test>::NotAuthorized
		);
		assert!(Attestations::<Test>::get(given).unwrap().counts_at(now));
		// It may still withdraw a wrong fact.
		assert_ok!(Credit::revoke(RuntimeOrigin::signed(TAX), given, H256::zero()));
	});
}

#[test]
fn only_the_registrant_a_regulator_above_it_or_governance_retires_and_reinstates() {
	ExtBuilder::default().build_and_execute(|| {
		// The national catalogue entry is the national regulator's (1); regulator 6 acts for
		// one district of Shanghai only.
		const DISTRICT: u64 = 6;
		TestMembership::add(TestOrg::new(
			6,
			OrgKind::Agency(AgencyKind::CreditRegulator),
			&[],
			&[DISTRICT],
		));
		TestMembership::set_jurisdiction(6, Division(310115));
		let national = tax_grade();
		assert_noop!(
			Credit::retire_claim_type(RuntimeOrigin::signed(DISTRICT), national),
			Error::<Test>::NotRegistrant
		);
		// The district's own claim type: it and the national regulator above it may.
		let local = NextClaimTypeId::<Test>::get();
		assert_ok!(Credit::register_claim_type(
			RuntimeOrigin::signed(DISTRICT),
			bounded(b"district-utility-payments"),
			H256::repeat_byte(3),
			Ratings::default(),
			OrgKinds::of(&[OrgKind::Enterprise]),
			false,
		));
		assert_ok!(Credit::retire_claim_type(RuntimeOrigin::signed(DISTRICT), local));
		assert_ok!(Credit::reinstate_claim_type(RuntimeOrigin::signed(REGULATOR), local));
		assert_eq!(last_event(), Event::ClaimTypeReinstated { claim_type: local });
		assert!(!ClaimTypes::<Test>::get(local).unwrap().retired);
		assert_noop!(
			Credit::reinstate_claim_type(RuntimeOrigin::signed(DISTRICT), local),
			Error::<Test>::ClaimTypeNotRetired
		);
		// Governance acts on any, the national catalogue included; retiring is reversible.
		assert_ok!(Credit::retire_claim_type(RuntimeOrigin::root(), national));
		assert_noop!(
			Credit::reinstate_claim_type(RuntimeOrigin::signed(DISTRICT), national),
			Error::<Test>::NotRegistrant
		);
		assert_noop!(Credit::reinstate_claim_type(RuntimeOrigin::signed(TAX), national), BadOrigin);
		assert_ok!(Credit::reinstate_claim_type(RuntimeOrigin::root(), national));
		graded(national, 0);
		assert_noop!(
			Credit::reinstate_claim_type(RuntimeOrigin::root(), 99),
			Error::<Test>::ClaimTypeNotFound
		);
	});
}
