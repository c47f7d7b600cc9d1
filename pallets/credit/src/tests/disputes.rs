//! Disputes (异议): the SME disputes, the attester answers in time, or the regulator decides.

use crate::{mock::*, *};
use frame_support::{assert_noop, assert_ok};
use regchain_primitives::{time::DAY, Division};
use sp_core::H256;
use sp_runtime::DispatchError::BadOrigin;

const REASON: H256 = H256::repeat_byte(0x44);

/// A tax grade of the SME, disputed now.
fn disputed() -> AttestationId {
	let id = graded(tax_grade(), 4);
	assert_ok!(Credit::dispute(RuntimeOrigin::signed(SME), id, REASON));
	id
}

#[test]
fn the_sme_disputes_an_attestation_and_the_dispute_shows_on_it() {
	ExtBuilder::default().build_and_execute(|| {
		let id = disputed();
		let deadline = day(1) + DISPUTE_WINDOW;
		assert_eq!(last_event(), Event::Disputed { attestation: id, deadline });
		let dispute =
			Dispute { reason: REASON, filed_at: day(1), deadline, status: DisputeStatus::Open };
		assert_eq!(Disputes::<Test>::get(id), Some(dispute));
		assert_eq!(Credit::credit_profile(10, None, 10)[0].dispute, Some(dispute));
	});
}

#[test]
fn only_the_subject_disputes_once_an_active_attestation() {
	ExtBuilder::default().build_and_execute(|| {
		let grade = tax_grade();
		let id = graded(grade, 0);
		assert_noop!(
			Credit::dispute(RuntimeOrigin::signed(OTHER_SME), id, REASON),
			Error::<Test>::NotSubject
		);
		assert_noop!(Credit::dispute(RuntimeOrigin::signed(LENDER), id, REASON), BadOrigin);
		assert_noop!(
			Credit::dispute(RuntimeOrigin::signed(SME), 9, REASON),
			Error::<Test>::AttestationNotFound
		);
		assert_ok!(Credit::dispute(RuntimeOrigin::signed(SME), id, REASON));
		assert_noop!(
			Credit::dispute(RuntimeOrigin::signed(SME), id, REASON),
			Error::<Test>::AlreadyDisputed
		);
		let revoked = graded(grade, 1);
		assert_ok!(Credit::revoke(RuntimeOrigin::signed(TAX), revoked, H256::zero()));
		assert_noop!(
			Credit::dispute(RuntimeOrigin::signed(SME), revoked, REASON),
			Error::<Test>::NotActive
		);
	});
}

#[test]
fn the_attester_upholds_a_dispute_in_time_and_the_attestation_is_revoked() {
	ExtBuilder::default().build_and_execute(|| {
		let id = disputed();
		TestClock::advance(DAY);
		assert_noop!(
			Credit::uphold_dispute(RuntimeOrigin::signed(COURT), id),
			Error::<Test>::NotAttester
		);
		assert_noop!(Credit::uphold_dispute(RuntimeOrigin::signed(SME), id), BadOrigin);
		assert_noop!(
			Credit::uphold_dispute(RuntimeOrigin::signed(REGULATOR), id),
			Error::<Test>::DeadlineNotPassed
		);
		assert_ok!(Credit::uphold_dispute(RuntimeOrigin::signed(TAX), id));
		assert!(System::events()
			.iter()
			.any(|r| r.event
				== RuntimeEvent::Credit(Event::DisputeUpheld { attestation: id, by: 2 })));
		assert_eq!(last_event(), Event::Revoked { attestation: id, reason: REASON });
		assert_eq!(
			Disputes::<Test>::get(id).unwrap().status,
			DisputeStatus::Upheld { by: 2, at: day(2) }
		);
		assert_eq!(
			Attestations::<Test>::get(id).unwrap().status,
			AttestationStatus::Revoked { at: day(2), reason: REASON }
		);
		assert!(Credit::credit_profile(10, None, 10).is_empty());
		assert_noop!(
			Credit::reject_dispute(RuntimeOrigin::signed(TAX), id, H256::zero()),
			Error::<Test>::DisputeDecided
		);
	});
}

#[test]
fn the_attester_rejects_a_dispute_with_a_reason_and_the_attestation_stands() {
	ExtBuilder::default().build_and_execute(|| {
		let id = disputed();
		assert_ok!(Credit::reject_dispute(RuntimeOrigin::signed(TAX), id, H256::repeat_byte(5)));
		assert_eq!(
			last_event(),
			Event::DisputeRejected { attestation: id, by: 2, reason: H256::repeat_byte(5) }
		);
		assert_eq!(
			Disputes::<Test>::get(id).unwrap().status,
			DisputeStatus::Rejected { by: 2, at: day(1), reason: H256::repeat_byte(5) }
		);
		assert_eq!(Attestations::<Test>::get(id).unwrap().status, AttestationStatus::Active);
		assert_noop!(
			Credit::uphold_dispute(RuntimeOrigin::signed(TAX), id),
			Error::<Test>::DisputeDecided
		);
		assert_noop!(
			Credit::dispute(RuntimeOrigin::signed(SME), id, REASON),
			Error::<Test>::AlreadyDisputed
		);
	});
}

#[test]
fn past_the_deadline_the_attester_cannot_answer_the_dispute_lapses_and_the_regulator_decides() {
	ExtBuilder::default().build_and_execute(|| {
		let id = disputed();
		let deadline = day(1) + DISPUTE_WINDOW;
		assert_noop!(
			Credit::mark_dispute_lapsed(RuntimeOrigin::signed(SME), id),
			Error::<Test>::DeadlineNotPassed
		);
		TestClock::set(deadline);
		assert_noop!(
			Credit::uphold_dispute(RuntimeOrigin::signed(TAX), id),
			Error::<Test>::DeadlinePassed
		);
		assert_noop!(
			Credit::reject_dispute(RuntimeOrigin::signed(TAX), id, H256::zero()),
			Error::<Test>::DeadlinePassed
		);
		assert_noop!(Credit::mark_dispute_lapsed(RuntimeOrigin::signed(OUTSIDER), id), BadOrigin);
		assert_noop!(
			Credit::mark_dispute_lapsed(RuntimeOrigin::signed(SME), 9),
			Error::<Test>::AttestationNotFound
		);
		assert_ok!(Credit::mark_dispute_lapsed(RuntimeOrigin::signed(SME), id));
		assert_eq!(last_event(), Event::DisputeLapsed { attestation: id });
		assert_eq!(
			Disputes::<Test>::get(id).unwrap().status,
			DisputeStatus::Lapsed { at: deadline }
		);
		assert_noop!(
			Credit::mark_dispute_lapsed(RuntimeOrigin::signed(SME), id),
			Error::<Test>::DisputeDecided
		);
		// A regulator of another province may not decide it.
		TestMembership::set_jurisdiction(1, Division(440000));
		assert_noop!(
			Credit::uphold_dispute(RuntimeOrigin::signed(REGULATOR), id),
			Error::<Test>::OutsideJurisdiction
		);
		TestMembership::set_jurisdiction(1, Division(310000));
		assert_ok!(Credit::uphold_dispute(RuntimeOrigin::signed(REGULATOR), id));
		assert_eq!(
			Disputes::<Test>::get(id).unwrap().status,
			DisputeStatus::Upheld { by: 1, at: deadline }
		);
		assert!(matches!(
			Attestations::<Test>::get(id).unwrap().status,
			AttestationStatus::Revoked { .. }
		));
	});
}

#[test]
fn the_regulator_decides_an_overdue_dispute_even_unmarked_and_may_reject_it() {
	ExtBuilder::default().build_and_execute(|| {
		let id = disputed();
		assert_noop!(
			Credit::reject_dispute(RuntimeOrigin::signed(REGULATOR), id, H256::zero()),
			Error::<Test>::DeadlineNotPassed
		);
		TestClock::set(day(1) + DISPUTE_WINDOW + DAY);
		assert_ok!(Credit::reject_dispute(
			RuntimeOrigin::signed(REGULATOR),
			id,
			H256::repeat_byte(8)
		));
		assert_eq!(
			last_event(),
			Event::DisputeRejected { attestation: id, by: 1, reason: H256::repeat_byte(8) }
		);
		assert_noop!(
			Credit::uphold_dispute(RuntimeOrigin::signed(REGULATOR), 9),
			Error::<Test>::AttestationNotFound
		);
		let undisputed = graded(0, 0);
		assert_noop!(
			Credit::uphold_dispute(RuntimeOrigin::signed(REGULATOR), undisputed),
			Error::<Test>::NoDispute
		);
	});
}

#[test]
fn a_suspended_sme_still_disputes_but_grants_no_consent() {
	use regchain_primitives::testing::TestMembership;
	ExtBuilder::default().build_and_execute(|| {
		let id = graded(tax_grade(), 4);
		TestMembership::set_active(10, false);
		assert_ok!(Credit::dispute(RuntimeOrigin::signed(SME), id, REASON));
		assert!(Disputes::<Test>::contains_key(id));
		let scope = only(&[0], false);
		assert_noop!(
			Credit::grant_consent(
				RuntimeOrigin::signed(SME),
				5,
				scope,
				Purpose::PreLoanReview,
				day(2)
			),
			BadOrigin
		);
	});
}
