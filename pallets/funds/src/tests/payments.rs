//! Payment forms: milestones released by acceptances, subsidies after the fact, the
//! enterprise's own share, category caps.

use crate::{mock::*, *};
use frame_support::{assert_noop, assert_ok, BoundedVec};
use sp_core::H256;

const REPORT: H256 = H256::repeat_byte(0x5e);

fn rules(payment: PaymentForm, co_funding: u8, caps: &[(Category, u8)]) -> PaymentRules {
	let caps: Vec<CategoryCap> =
		caps.iter().map(|&(category, percent)| CategoryCap { category, percent }).collect();
	PaymentRules { payment, co_funding, caps: caps.try_into().unwrap(), bank_confirms_from: None }
}

/// An award of 10,000 in a program paid as `rules` say, past its publicity.
fn award(rules: PaymentRules) -> AllocationId {
	let a = allocation(program_paid(rules), 10_000);
	end_publicity(a);
	a
}

fn milestones(list: &[(Fen, u64)]) -> BoundedVec<Milestone, MaxMilestones> {
	let list: Vec<Milestone> =
		list.iter().map(|&(amount, due)| Milestone { amount, due: hour(due) }).collect();
	list.try_into().unwrap()
}

fn targets() -> BoundedVec<Target, MaxTargets> {
	vec![Target { indicator: H256::repeat_byte(7), value: 50 }].try_into().unwrap()
}

fn agree(who: u64, a: AllocationId, list: &[(Fen, u64)]) -> sp_runtime::DispatchResult {
	Funds::record_agreement(
		RuntimeOrigin::signed(who),
		a,
		H256::zero(),
		milestones(list),
		targets(),
	)
}

fn disburse(a: AllocationId, amount: Fen) -> sp_runtime::DispatchResult {
	Funds::disburse(RuntimeOrigin::signed(MANAGER), a, amount, H256::zero())
}

fn accept(a: AllocationId, amount: Fen) -> sp_runtime::DispatchResult {
	Funds::accept(RuntimeOrigin::signed(MANAGER), a, amount, REPORT)
}

fn spend(a: AllocationId, amount: Fen, category: Category) -> sp_runtime::DispatchResult {
	Funds::record_expense(
		RuntimeOrigin::signed(SME),
		a,
		amount,
		category,
		H256::zero(),
		H256::zero(),
		None,
	)
}

#[test]
fn rules_are_checked_when_the_program_is_created() {
	ExtBuilder::default().build_and_execute(|| {
		let create = |rules| create_program(MANAGER, Eligibility::any_enterprise(), rules);
		let advance = PaymentForm::Advance;
		// A share the grant would be a token of; caps on a category the program does not
		// fund, of nothing, of more than all, or twice on one category.
		for void in [
			rules(advance, 91, &[]),
			rules(advance, 0, &[(2, 10)]),
			rules(advance, 0, &[(1, 0)]),
			rules(advance, 0, &[(1, 101)]),
			rules(advance, 0, &[(1, 10), (1, 20)]),
		] {
			assert_noop!(create(void), Error::<Test>::InvalidRules);
		}
		let valid = rules(PaymentForm::Milestones, 90, &[(0, 100), (1, 10)]);
		assert_ok!(create(valid.clone()));
		assert_eq!(ProgramTerms::<Test>::get(0).map(|t| t.rules), Some(valid));
	});
}

#[test]
fn milestones_release_their_tranches_on_acceptance_in_order() {
	ExtBuilder::default().build_and_execute(|| {
		let p = program_paid(rules(PaymentForm::Milestones, 0, &[]));
		let a = allocation(p, 10_000);
		// The agreement comes after the publicity.
		assert_noop!(agree(MANAGER, a, &[(4_000, 200)]), Error::<Test>::InPublicity);
		end_publicity(a);
		assert_noop!(disburse(a, 1), Error::<Test>::NoAgreement);
		assert_noop!(accept(a, 1), Error::<Test>::NoAgreement);
		assert_noop!(agree(OTHER_MANAGER, a, &[(4_000, 200)]), Error::<Test>::NotManager);
		// A program by milestones needs one; none zero, within the award, due in order.
		for void in [
			&[][..],
			&[(0, 200)][..],
			&[(6_000, 200), (4_001, 300)][..],
			&[(4_000, 300), (4_000, 200)][..],
			&[(4_000, 1)][..],
			&[(4_000, 400)][..],
		] {
			assert_noop!(agree(MANAGER, a, void), Error::<Test>::InvalidAgreement);
		}
		assert_ok!(agree(MANAGER, a, &[(4_000, 200), (4_000, 300)]));
		assert_eq!(
			last_event(),
			Event::AgreementRecorded {
				allocation: a,
				document: H256::zero(),
				milestones: 2,
				targets: 1
			}
		);
		assert_noop!(agree(MANAGER, a, &[(4_000, 200)]), Error::<Test>::AgreementExists);
		// The advance (10,000 less the milestones' 8,000) is paid at once.
		assert_ok!(disburse(a, 2_000));
		assert_noop!(disburse(a, 1), Error::<Test>::ExceedsReleased);
		// A milestone met in part releases part of its tranche; the rest is forfeited.
		assert_noop!(accept(a, 4_001), Error::<Test>::ExceedsMilestone);
		assert_ok!(accept(a, 3_000));
		assert_eq!(
			last_event(),
			Event::Accepted { allocation: a, milestone: Some(0), amount: 3_000, report: REPORT }
		);
		assert_noop!(disburse(a, 3_001), Error::<Test>::ExceedsReleased);
		assert_ok!(disburse(a, 3_000));
		assert_ok!(accept(a, 4_000));
		assert_eq!(
			Fundings::<Test>::get(a),
			Funding { accepted: 2, released: 7_000, ..Default::default() }
		);
		assert_noop!(accept(a, 1), Error::<Test>::NoMilestoneLeft);
		assert_ok!(disburse(a, 4_000));
		assert_noop!(disburse(a, 1), Error::<Test>::ExceedsReleased);
		assert_eq!(Allocations::<Test>::get(a).unwrap().disbursed, 9_000);
		// Paid in advance: nothing to accept, and no milestones to agree.
		let advance = funded(1_000, 500);
		assert_noop!(accept(advance, 1), Error::<Test>::NotStaged);
		let b = award(PaymentRules::default());
		assert_noop!(agree(MANAGER, b, &[(1_000, 200)]), Error::<Test>::InvalidAgreement);
		assert_ok!(agree(MANAGER, b, &[]));
		// An agreement comes before the first payment.
		assert_noop!(agree(MANAGER, advance, &[]), Error::<Test>::AlreadyPaid);
	});
}

#[test]
fn after_the_fact_the_grant_is_paid_against_verified_spending() {
	ExtBuilder::default().build_and_execute(|| {
		let a = allocation(program_paid(rules(PaymentForm::AfterTheFact, 0, &[])), 10_000);
		assert_noop!(spend(a, 6_000, 0), Error::<Test>::InPublicity);
		end_publicity(a);
		// Nothing is paid before spending is verified; the enterprise spends first.
		assert_noop!(disburse(a, 1), Error::<Test>::ExceedsReleased);
		assert_ok!(spend(a, 6_000, 0));
		assert_noop!(spend(a, 4_001, 1), Error::<Test>::ExceedsApproved);
		assert_noop!(accept(a, 6_001), Error::<Test>::ExceedsVerified);
		assert_ok!(accept(a, 6_000));
		assert_eq!(
			last_event(),
			Event::Accepted { allocation: a, milestone: None, amount: 6_000, report: REPORT }
		);
		assert_noop!(disburse(a, 6_001), Error::<Test>::ExceedsReleased);
		assert_ok!(disburse(a, 6_000));
		let allocation = Allocations::<Test>::get(a).unwrap();
		assert_eq!((allocation.spent, allocation.disbursed), (6_000, 6_000));
		// Spending disallowed afterwards is owed back and verifies nothing more.
		assert_ok!(Funds::disallow(RuntimeOrigin::signed(AUDITOR), a, 1, 1_000, REPORT, hour(500)));
		assert_ok!(spend(a, 500, 1));
		assert_noop!(accept(a, 1), Error::<Test>::ExceedsVerified);
		// The grant reimbursed spending: nothing unspent to claw back.
		assert_noop!(
			Funds::claw_back(RuntimeOrigin::signed(AUDITOR), a, 1, REPORT),
			Error::<Test>::ExceedsUnspent
		);
	});
}

#[test]
fn no_tranche_takes_the_own_share_below_the_co_funding_ratio() {
	ExtBuilder::default().build_and_execute(|| {
		// One-to-one matching.
		let a = award(rules(PaymentForm::Advance, 50, &[]));
		assert_noop!(disburse(a, 1), Error::<Test>::CoFundingShort);
		let contribute = |who, amount| {
			Funds::contribute(RuntimeOrigin::signed(who), a, amount, H256::repeat_byte(9))
		};
		assert_noop!(contribute(OTHER_SME, 4_000), Error::<Test>::NotRecipient);
		assert_noop!(contribute(SME, 0), Error::<Test>::ZeroAmount);
		assert_ok!(contribute(SME, 4_000));
		assert_eq!(
			last_event(),
			Event::Contributed { allocation: a, amount: 4_000, proof: H256::repeat_byte(9) }
		);
		assert_ok!(disburse(a, 4_000));
		assert_noop!(disburse(a, 1), Error::<Test>::CoFundingShort);
		assert_ok!(contribute(SME, 6_000));
		assert_ok!(disburse(a, 6_000));
		assert_eq!(Fundings::<Test>::get(a).own, 10_000);
		// The public sees the own money beside the grant.
		let (_, _, awards) =
			Funds::program_awards(Allocations::<Test>::get(a).unwrap().program, None, 10).unwrap();
		assert_eq!((awards[0].own, awards[0].disbursed), (10_000, 10_000));
	});
}

#[test]
fn category_caps_bound_what_each_award_spends_in_them() {
	ExtBuilder::default().build_and_execute(|| {
		// Indirect costs (category 1) at most 10 % of each award.
		let a = award(rules(PaymentForm::Advance, 0, &[(1, 10)]));
		assert_ok!(disburse(a, 10_000));
		assert_ok!(spend(a, 600, 1));
		assert_ok!(spend(a, 400, 1));
		assert_noop!(spend(a, 1, 1), Error::<Test>::ExceedsCategoryCap);
		assert_eq!(CategorySpent::<Test>::get(a, 1), 1_000);
		// Other categories are bounded by the money only.
		assert_ok!(spend(a, 9_000, 0));
		assert_eq!(CategorySpent::<Test>::get(a, 0), 0);
	});
}
