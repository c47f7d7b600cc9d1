//! Performance evaluation: the recipient's, the manager's, a third party's; a program closes
//! once its paid awards are evaluated.

use crate::{mock::*, *};
use frame_support::{assert_noop, assert_ok};
use sp_core::H256;
use sp_runtime::DispatchError::BadOrigin;

fn evaluate(who: u64, a: AllocationId, score: u8) -> sp_runtime::DispatchResult {
	Funds::evaluate(RuntimeOrigin::signed(who), a, score, H256::repeat_byte(score))
}

#[test]
fn the_recipient_the_manager_and_a_third_party_evaluate_each_paid_award_once() {
	ExtBuilder::default().build_and_execute(|| {
		let a = funded(1_000, 500);
		let p = Allocations::<Test>::get(a).unwrap().program;
		let unpaid = allocation(p, 1_000);
		assert_eq!(Unevaluated::<Test>::get(p), 1);
		assert_noop!(evaluate(OUTSIDER, a, 90), BadOrigin);
		assert_noop!(evaluate(OTHER_SME, a, 90), Error::<Test>::NotEvaluator);
		assert_noop!(evaluate(OTHER_MANAGER, a, 90), Error::<Test>::NotEvaluator);
		assert_noop!(evaluate(SME, a, 101), Error::<Test>::InvalidScore);
		assert_noop!(evaluate(MANAGER, unpaid, 90), Error::<Test>::NothingPaid);
		// The self-evaluation does not decide.
		assert_ok!(evaluate(SME, a, 92));
		assert_eq!(
			last_event(),
			Event::Evaluated {
				allocation: a,
				evaluator: Evaluator::Recipient,
				by: 10,
				score: 92,
				grade: Grade::Excellent,
				report: H256::repeat_byte(92),
			}
		);
		assert_eq!(Unevaluated::<Test>::get(p), 1);
		assert_noop!(
			Funds::close_program(RuntimeOrigin::signed(MANAGER), p, H256::zero()),
			Error::<Test>::EvaluationsMissing
		);
		assert_noop!(
			Funds::close_program(RuntimeOrigin::signed(AUDITOR), p, H256::zero()),
			Error::<Test>::EvaluationsMissing
		);
		assert_ok!(evaluate(MANAGER, a, 75));
		assert_eq!(Unevaluated::<Test>::get(p), 0);
		assert_noop!(evaluate(MANAGER, a, 80), Error::<Test>::AlreadyEvaluated);
		assert_noop!(evaluate(SME, a, 80), Error::<Test>::AlreadyEvaluated);
		let decisive = || {
			let (_, _, awards) = Funds::program_awards(p, None, 10).unwrap();
			awards.into_iter().find(|award| award.allocation == a).unwrap().evaluation
		};
		assert_eq!(decisive().map(|e| (e.by, e.grade)), Some((3, Grade::Fair)));
		// The audit office's evaluation, as a third party, is the decisive one.
		assert_ok!(evaluate(AUDITOR, a, 58));
		assert_eq!(decisive().map(|e| (e.by, e.grade)), Some((2, Grade::Poor)));
		assert_eq!(Unevaluated::<Test>::get(p), 0);
		// The enterprise's awards, with their programs and evaluations, for the public.
		let listed = Funds::enterprise_awards(10, None, 10);
		let mut listed: Vec<_> = listed.iter().map(|(p, award)| (*p, award.allocation)).collect();
		listed.sort();
		assert_eq!(listed, vec![(p, a), (p, unpaid)]);
		let (agreement, funding, evaluations) = Funds::award_progress(a).unwrap();
		assert_eq!((agreement, funding), (None, Funding::default()));
		assert_eq!(
			evaluations.iter().map(|(who, e)| (*who, e.score)).collect::<Vec<_>>(),
			vec![(Evaluator::Recipient, 92), (Evaluator::Manager, 75), (Evaluator::ThirdParty, 58)]
		);
		assert_ok!(Funds::close_program(RuntimeOrigin::signed(MANAGER), p, H256::zero()));
	});
}

#[test]
fn the_finance_bureau_evaluates_its_own_program_as_its_manager() {
	ExtBuilder::default().build_and_execute(|| {
		regchain_primitives::testing::TestMembership::grant_role(
			1,
			regchain_primitives::Role::FundManager,
		);
		let id = NextProgramId::<Test>::get();
		assert_ok!(create_program(FINANCE, Eligibility::any_enterprise(), Default::default()));
		assert_ok!(Funds::set_budget(RuntimeOrigin::signed(FINANCE), id, 1_000));
		assert_ok!(apply(SME, id, 1_000));
		let a = NextApplicationId::<Test>::get() - 1;
		assert_ok!(Funds::approve(RuntimeOrigin::signed(FINANCE), a, 1_000));
		end_publicity(a);
		assert_ok!(Funds::disburse(RuntimeOrigin::signed(FINANCE), a, 1_000, H256::zero()));
		assert_ok!(evaluate(FINANCE, a, 85));
		assert!(Evaluations::<Test>::contains_key(a, Evaluator::Manager));
		assert!(!Evaluations::<Test>::contains_key(a, Evaluator::ThirdParty));
	});
}
