//! The runtime API's queries: paged, bounded, and what they leave out.

use crate::{mock::*, *};
use frame_support::assert_ok;
use regchain_primitives::{paging::QUERY_LIMIT, time::DAY};
use sp_core::H256;

#[test]
fn the_profile_shows_counting_attestations_with_rating_labels_and_pages_by_key() {
	ExtBuilder::default().build_and_execute(|| {
		let grade = tax_grade();
		let ids: Vec<_> = (0..5).map(|i| graded(grade, i % 5)).collect();
		assert_ok!(Credit::revoke(RuntimeOrigin::signed(TAX), ids[1], H256::zero()));
		// In storage order (of the ids' hashes).
		let mut profile = Credit::credit_profile(10, None, 100);
		profile.sort_by_key(|e| e.id);
		assert_eq!(
			profile.iter().map(|e| e.id).collect::<Vec<_>>(),
			[ids[0], ids[2], ids[3], ids[4]]
		);
		assert_eq!(profile[0].rating.as_ref().map(|r| r.to_vec()), Some(b"A".to_vec()));
		assert_eq!(profile[1].rating.as_ref().map(|r| r.to_vec()), Some(b"M".to_vec()));
		let keys: Vec<_> = CurrentAttestations::<Test>::iter_key_prefix(10).collect();
		let first = Credit::credit_profile(10, None, 2);
		let rest = Credit::credit_profile(10, Some(keys[1]), 100);
		let mut all: Vec<_> = first.iter().chain(rest.iter()).map(|e| e.id).collect();
		all.sort();
		assert_eq!(all, [ids[0], ids[2], ids[3], ids[4]]);
		assert!(Credit::credit_profile(20, None, 100).is_empty());
		assert_eq!(Credit::attestation_history(10, None, 100).len(), 5);
		assert!(matches!(
			Credit::attestation_of(ids[1]).map(|e| e.attestation.status),
			Some(AttestationStatus::Revoked { .. })
		));
		assert_eq!(Credit::attestation_of(99), None);
	});
}

#[test]
fn lists_are_cut_at_the_query_limit() {
	ExtBuilder::default().build_and_execute(|| {
		let grade = tax_grade();
		for _ in 0..QUERY_LIMIT + 5 {
			graded(grade, 0);
		}
		assert_eq!(Credit::credit_profile(10, None, u32::MAX).len(), QUERY_LIMIT as usize);
		let id = consent(only(&[grade], false));
		for _ in 0..QUERY_LIMIT + 5 {
			assert_ok!(Credit::declare_access(
				RuntimeOrigin::signed(LENDER),
				id,
				only(&[grade], false),
				Purpose::PreLoanReview
			));
		}
		assert_eq!(Credit::access_log(10, 0, u32::MAX).len(), QUERY_LIMIT as usize);
		assert_eq!(Credit::access_log(10, QUERY_LIMIT, u32::MAX).len(), 5);
		assert_eq!(Credit::claim_types(0, 10).len(), 1);
		// Consent lapses with its date.
		assert_eq!(Credit::consents(10, 5, None, 10).len(), 1);
		TestClock::advance(30 * DAY);
		assert!(Credit::consents(10, 5, None, 10).is_empty());
	});
}

#[test]
fn a_lenders_declared_access_is_found_however_many_another_lender_declared_since() {
	ExtBuilder::default().build_and_execute(|| {
		let grade = tax_grade();
		let start = TestClock::get();
		let mine = consent(only(&[grade], false));
		assert_ok!(Credit::declare_access(
			RuntimeOrigin::signed(LENDER),
			mine,
			only(&[grade], false),
			Purpose::PreLoanReview
		));
		assert_eq!(Credit::declared_access(10, 5, start).map(|a| a.grant), Some(mine));
		// The bank (4) declares more than a page of accesses after it: the finding — the
		// gateway looked at the newest 100 entries only, and shut the lender out.
		let theirs = NextGrantId::<Test>::get();
		assert_ok!(Credit::grant_consent(
			RuntimeOrigin::signed(SME),
			4,
			only(&[grade], false),
			Purpose::PreLoanReview,
			start + 20 * DAY,
		));
		for _ in 0..QUERY_LIMIT + 5 {
			assert_ok!(Credit::declare_access(
				RuntimeOrigin::signed(BANK),
				theirs,
				only(&[grade], false),
				Purpose::PreLoanReview
			));
		}
		assert_eq!(LatestAccesses::<Test>::get(10, 5), Some(0));
		assert_eq!(Credit::declared_access(10, 5, start).map(|a| a.grant), Some(mine));
		assert_eq!(Credit::declared_access(10, 4, start).map(|a| a.grant), Some(theirs));
		// Not before `since`, nor under a withdrawn grant.
		assert_eq!(Credit::declared_access(10, 5, start + 1), None);
		assert_ok!(Credit::withdraw_consent(RuntimeOrigin::signed(SME), mine));
		assert_eq!(Credit::declared_access(10, 5, start), None);
		// Nothing for a lender that declared none.
		assert_eq!(Credit::declared_access(20, 5, start), None);
		// The bank's access serves its reads for the chain's validity (a day), not after.
		assert_eq!(Credit::current_access(10, 4).map(|a| a.grant), Some(theirs));
		TestClock::advance(DAY);
		assert_eq!(Credit::current_access(10, 4).map(|a| a.grant), Some(theirs));
		TestClock::advance(1);
		assert_eq!(Credit::current_access(10, 4), None);
	});
}
