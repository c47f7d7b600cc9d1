//! Consent (授权): the SME grants and withdraws; lenders declare each access under a grant.

use crate::{mock::*, *};
use frame_support::{assert_noop, assert_ok};
use regchain_primitives::time::DAY;
use sp_runtime::DispatchError::BadOrigin;

#[test]
fn the_sme_grants_a_lender_consent_for_a_purpose_until_a_date() {
	ExtBuilder::default().build_and_execute(|| {
		let grade = tax_grade();
		let id = consent(only(&[grade], true));
		let until = day(31);
		assert_eq!(
			last_event(),
			Event::ConsentGranted {
				grant: id,
				sme: 10,
				lender: 5,
				purpose: Purpose::PreLoanReview,
				until
			}
		);
		let grant = Grants::<Test>::get(id).unwrap();
		assert_eq!(
			(grant.sme, grant.lender, grant.granted_at, grant.until, grant.withdrawn_at),
			(10, 5, day(1), until, None)
		);
		assert!(
			GrantsBySme::<Test>::contains_key(10, id)
				&& GrantsByLender::<Test>::contains_key(5, id)
		);
		assert_eq!(Credit::consents(10, 5, None, 10), [(id, grant)]);
		assert!(Credit::consents(10, 4, None, 10).is_empty());
	});
}

#[test]
fn consent_is_given_by_the_sme_only_to_a_lender_for_something_for_a_bounded_term() {
	ExtBuilder::default().build_and_execute(|| {
		let grade = tax_grade();
		let now = TestClock::get();
		let grant = |who: u64, lender: OrgId, scope: Scope, until| {
			Credit::grant_consent(
				RuntimeOrigin::signed(who),
				lender,
				scope,
				Purpose::PreLoanReview,
				until,
			)
		};
		for who in [BANK, LENDER, TAX, REGULATOR, OUTSIDER] {
			assert_noop!(grant(who, 5, only(&[grade], false), now + DAY), BadOrigin);
		}
		// Lenders are financial institutions: not an enterprise, an agency or no one.
		for lender in [20, 1, 77] {
			assert_noop!(
				grant(SME, lender, only(&[grade], false), now + DAY),
				Error::<Test>::NotLender
			);
		}
		assert_noop!(grant(SME, 5, only(&[], false), now + DAY), Error::<Test>::EmptyScope);
		assert_noop!(
			grant(SME, 5, only(&[grade, grade], false), now + DAY),
			Error::<Test>::InvalidScope
		);
		assert_noop!(grant(SME, 5, only(&[9], false), now + DAY), Error::<Test>::InvalidScope);
		assert_noop!(grant(SME, 5, only(&[grade], false), now), Error::<Test>::InvalidTerm);
		assert_noop!(
			grant(SME, 5, only(&[grade], false), now + MAX_TERM + 1),
			Error::<Test>::InvalidTerm
		);
		assert_ok!(grant(
			SME,
			5,
			Scope { claim_types: ClaimTypeScope::All, figures: false },
			now + MAX_TERM
		));
	});
}

#[test]
fn the_sme_withdraws_its_consent_at_any_time_and_only_its_own() {
	ExtBuilder::default().build_and_execute(|| {
		let grade = tax_grade();
		let id = consent(only(&[grade], false));
		assert_noop!(
			Credit::withdraw_consent(RuntimeOrigin::signed(OTHER_SME), id),
			Error::<Test>::NotGrantor
		);
		assert_noop!(Credit::withdraw_consent(RuntimeOrigin::signed(LENDER), id), BadOrigin);
		assert_noop!(
			Credit::withdraw_consent(RuntimeOrigin::signed(SME), 9),
			Error::<Test>::GrantNotFound
		);
		assert_ok!(Credit::withdraw_consent(RuntimeOrigin::signed(SME), id));
		assert_eq!(last_event(), Event::ConsentWithdrawn { grant: id });
		assert_eq!(Grants::<Test>::get(id).unwrap().withdrawn_at, Some(day(1)));
		assert_noop!(
			Credit::withdraw_consent(RuntimeOrigin::signed(SME), id),
			Error::<Test>::AlreadyWithdrawn
		);
		assert!(Credit::consents(10, 5, None, 10).is_empty());
		assert_eq!(Credit::grants_of(10, None, 10).len(), 1);
	});
}

#[test]
fn a_lender_declares_an_access_within_its_grant_into_the_smes_log() {
	ExtBuilder::default().build_and_execute(|| {
		let grade = tax_grade();
		let id = consent(only(&[grade], true));
		TestClock::advance(DAY);
		assert_ok!(Credit::declare_access(
			RuntimeOrigin::signed(LENDER),
			id,
			only(&[grade], false),
			Purpose::PreLoanReview
		));
		assert_eq!(last_event(), Event::AccessDeclared { sme: 10, index: 0, lender: 5, grant: id });
		assert_ok!(Credit::declare_access(
			RuntimeOrigin::signed(LENDER),
			id,
			only(&[], true),
			Purpose::PreLoanReview
		));
		assert_eq!(AccessCount::<Test>::get(10), 2);
		let log = Credit::access_log(10, 0, 10);
		assert_eq!(log.len(), 2);
		assert_eq!(
			log[0],
			Access {
				lender: 5,
				grant: id,
				scope: only(&[grade], false),
				purpose: Purpose::PreLoanReview,
				at: day(2)
			}
		);
		assert_eq!(Credit::access_log(10, 1, 10), log[1..]);
	});
}

#[test]
fn an_access_without_after_or_outside_consent_is_refused() {
	ExtBuilder::default().build_and_execute(|| {
		let grade = tax_grade();
		let other_type = receivable();
		let id = consent(only(&[grade], false));
		let access = |who: u64, grant, scope, purpose| {
			Credit::declare_access(RuntimeOrigin::signed(who), grant, scope, purpose)
		};
		assert_noop!(
			access(LENDER, 9, only(&[grade], false), Purpose::PreLoanReview),
			Error::<Test>::GrantNotFound
		);
		// Another financial institution cannot use this grant; an enterprise is no lender.
		assert_noop!(
			access(BANK, id, only(&[grade], false), Purpose::PreLoanReview),
			Error::<Test>::NotGrantee
		);
		assert_noop!(access(SME, id, only(&[grade], false), Purpose::PreLoanReview), BadOrigin);
		// Outside consent: another purpose, another claim type, the figures, everything.
		assert_noop!(
			access(LENDER, id, only(&[grade], false), Purpose::PostLoanManagement),
			Error::<Test>::WrongPurpose
		);
		assert_noop!(
			access(LENDER, id, only(&[other_type], false), Purpose::PreLoanReview),
			Error::<Test>::OutsideScope
		);
		assert_noop!(
			access(LENDER, id, only(&[grade], true), Purpose::PreLoanReview),
			Error::<Test>::OutsideScope
		);
		assert_noop!(
			access(
				LENDER,
				id,
				Scope { claim_types: ClaimTypeScope::All, figures: false },
				Purpose::PreLoanReview
			),
			Error::<Test>::OutsideScope
		);
		assert_noop!(
			access(LENDER, id, only(&[], false), Purpose::PreLoanReview),
			Error::<Test>::EmptyScope
		);
		// After consent: lapsed, or withdrawn.
		TestClock::set(day(31));
		assert_noop!(
			access(LENDER, id, only(&[grade], false), Purpose::PreLoanReview),
			Error::<Test>::GrantExpired
		);
		TestClock::set(day(2));
		assert_ok!(access(LENDER, id, only(&[grade], false), Purpose::PreLoanReview));
		assert_ok!(Credit::withdraw_consent(RuntimeOrigin::signed(SME), id));
		assert_noop!(
			access(LENDER, id, only(&[grade], false), Purpose::PreLoanReview),
			Error::<Test>::GrantWithdrawn
		);
		assert_eq!(AccessCount::<Test>::get(10), 1);
	});
}
