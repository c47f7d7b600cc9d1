//! Publicity (公示): objections to an award, the manager's answers, payment only after.

use crate::{mock::*, *};
use frame_support::{assert_noop, assert_ok};
use sp_core::H256;
use sp_runtime::DispatchError::BadOrigin;

const WEEK: u64 = 7 * 24;

fn object(who: u64, allocation: AllocationId) -> sp_runtime::DispatchResult {
	Funds::object(
		RuntimeOrigin::signed(who),
		allocation,
		H256::repeat_byte(5),
		H256::repeat_byte(6),
	)
}

fn answer(allocation: AllocationId, objector: OrgId, upheld: bool) -> sp_runtime::DispatchResult {
	let answer = H256::repeat_byte(7);
	Funds::answer_objection(RuntimeOrigin::signed(MANAGER), allocation, objector, answer, upheld)
}

fn disburse(allocation: AllocationId) -> sp_runtime::DispatchResult {
	Funds::disburse(RuntimeOrigin::signed(MANAGER), allocation, 100, H256::zero())
}

#[test]
fn an_award_is_paid_only_after_its_week_with_every_objection_answered() {
	ExtBuilder::default().build_and_execute(|| {
		let a = allocation(program(), 1_000);
		assert_noop!(disburse(a), Error::<Test>::InPublicity);
		// A competitor and an agency object; the bank is a member too.
		assert_ok!(object(OTHER_SME, a));
		assert_eq!(
			last_event(),
			Event::Objected {
				allocation: a,
				by: 20,
				reason: H256::repeat_byte(5),
				evidence: H256::repeat_byte(6)
			}
		);
		assert_ok!(object(AUDITOR, a));
		assert_noop!(object(OTHER_SME, a), Error::<Test>::AlreadyObjected);
		let publicity = Publicities::<Test>::get(a).unwrap();
		assert_eq!((publicity.objections, publicity.unanswered), (2, 2));
		// The week passes: no more objections; the two await their answers.
		run_to(1 + WEEK);
		assert_noop!(object(BANK, a), Error::<Test>::NotInPublicity);
		assert_noop!(disburse(a), Error::<Test>::ObjectionsUnanswered);
		assert_ok!(answer(a, 20, false));
		assert_eq!(
			last_event(),
			Event::ObjectionAnswered {
				allocation: a,
				objector: 20,
				answer: H256::repeat_byte(7),
				upheld: false
			}
		);
		assert_noop!(answer(a, 20, false), Error::<Test>::AlreadyAnswered);
		assert_noop!(disburse(a), Error::<Test>::ObjectionsUnanswered);
		assert_ok!(answer(a, 2, false));
		let objection = Objections::<Test>::get(a, 2).unwrap();
		assert_eq!(
			objection.answer,
			Some(ObjectionAnswer {
				answer: H256::repeat_byte(7),
				upheld: false,
				at: hour(1 + WEEK)
			})
		);
		assert_ok!(disburse(a));
		assert_eq!(Allocations::<Test>::get(a).unwrap().disbursed, 100);
	});
}

#[test]
fn an_upheld_objection_withdraws_the_award_back_into_the_budget() {
	ExtBuilder::default().build_and_execute(|| {
		let p = program();
		let a = allocation(p, 600_000);
		assert_ok!(object(OTHER_SME, a));
		assert_ok!(object(BANK, a));
		assert_ok!(answer(a, 20, true));
		assert!(System::events().iter().any(|r| r.event
			== RuntimeEvent::Funds(Event::AwardWithdrawn { allocation: a, amount: 600_000 })));
		let allocation = Allocations::<Test>::get(a).unwrap();
		assert_eq!((allocation.approved, allocation.entries), (0, 2));
		assert_eq!(
			Ledger::<Test>::get(a, 1).unwrap().movement,
			Movement::Withdrawn { amount: 600_000, reason: H256::repeat_byte(7) }
		);
		assert_eq!(Programs::<Test>::get(p).unwrap().approved, 0);
		assert_eq!(Awarded::<Test>::get(p, 10), 0);
		// Nothing is paid, no one objects further; the other objection is still answered.
		assert_noop!(disburse(a), Error::<Test>::AwardWithdrawn);
		assert_noop!(object(AUDITOR, a), Error::<Test>::AwardWithdrawn);
		assert_ok!(answer(a, 30, true));
		assert_eq!(Publicities::<Test>::get(a).unwrap().unanswered, 0);
		// The budget and the project are free again: the project applies anew.
		assert_eq!(Projects::<Test>::get(project(a)), None);
		let again =
			Funds::apply(RuntimeOrigin::signed(SME), p, 1_000_000, H256::zero(), project(a));
		assert_ok!(again);
		assert_ok!(Funds::approve(RuntimeOrigin::signed(MANAGER), a + 1, 1_000_000));
	});
}

#[test]
fn objections_are_bounded_and_not_the_parties_own() {
	ExtBuilder::default().build_and_execute(|| {
		let a = allocation(program(), 1_000);
		assert_noop!(object(SME, a), Error::<Test>::OwnAward);
		assert_noop!(object(MANAGER, a), Error::<Test>::OwnAward);
		assert_noop!(object(OUTSIDER, a), BadOrigin);
		assert_noop!(object(OTHER_SME, 9), Error::<Test>::AllocationNotFound);
		// Sixteen organizations object; the seventeenth is refused.
		for org in 100..100 + u64::from(MAX_OBJECTIONS) {
			regchain_primitives::testing::TestMembership::add(
				regchain_primitives::testing::TestOrg::new(
					org as OrgId,
					regchain_primitives::OrgKind::Enterprise,
					&[],
					&[org],
				),
			);
			assert_ok!(object(org, a));
		}
		assert_noop!(object(OTHER_SME, a), Error::<Test>::TooManyObjections);
		// Only the program's manager answers, an objection that exists.
		assert_noop!(
			Funds::answer_objection(
				RuntimeOrigin::signed(OTHER_MANAGER),
				a,
				100,
				H256::zero(),
				false
			),
			Error::<Test>::NotManager
		);
		assert_noop!(
			Funds::answer_objection(RuntimeOrigin::signed(OTHER_SME), a, 100, H256::zero(), false),
			BadOrigin
		);
		assert_noop!(answer(a, 20, false), Error::<Test>::ObjectionNotFound);
	});
}

#[test]
fn awards_of_programs_created_before_publicity_are_paid_at_once() {
	ExtBuilder::default().build_and_execute(|| {
		let p = program();
		// A program stored before terms existed has none.
		ProgramTerms::<Test>::remove(p);
		assert_ok!(apply(SME, p, 1_000));
		assert_ok!(Funds::approve(RuntimeOrigin::signed(MANAGER), 0, 1_000));
		assert_eq!(Publicities::<Test>::get(0), None);
		assert_noop!(object(OTHER_SME, 0), Error::<Test>::NotInPublicity);
		assert_ok!(disburse(0));
	});
}
