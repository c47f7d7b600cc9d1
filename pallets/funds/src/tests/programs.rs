//! Fund programs: creation with their terms, appropriation, closing.

use crate::{mock::*, *};
use frame_support::{assert_noop, assert_ok};
use regchain_primitives::{AgencyKind, OrgKind, OrgKinds};
use sp_core::H256;
use sp_runtime::DispatchError::BadOrigin;

#[test]
fn a_fund_manager_creates_a_program() {
	ExtBuilder::default().build_and_execute(|| {
		let id = program();
		assert_eq!(id, 0);
		let p = Programs::<Test>::get(0).unwrap();
		assert_eq!(
			(p.manager, p.budget, p.categories, p.status),
			(3, 1_000_000, ELIGIBLE, ProgramStatus::Open)
		);
		assert_eq!((p.apply_from, p.apply_until, p.ends_at), (hour(1), hour(100), hour(400)));
		assert_eq!(
			ProgramTerms::<Test>::get(0),
			Some(Terms {
				eligibility: Eligibility::any_enterprise(),
				publicity_days: 7,
				rules: PaymentRules::default()
			})
		);
		let events = System::events();
		let created = &events[events.len() - 2].event;
		let expected =
			Event::ProgramCreated { program: 0, manager: 3, policy: H256::repeat_byte(1) };
		assert_eq!(created, &RuntimeEvent::Funds(expected));
		assert_eq!(program(), 1);
	});
}

#[test]
fn create_program_fails_for_others_and_for_bad_programs() {
	ExtBuilder::default().build_and_execute(|| {
		let terms = |eligibility: Eligibility, days| (eligibility, days);
		let any = || terms(Eligibility::any_enterprise(), None);
		let create = |who, categories, from, until, end, (eligibility, days)| {
			Funds::create_program(
				RuntimeOrigin::signed(who),
				H256::zero(),
				categories,
				hour(from),
				hour(until),
				hour(end),
				eligibility,
				days,
				Default::default(),
			)
		};
		for who in [FINANCE, AUDITOR, SME, OUTSIDER] {
			assert_noop!(create(who, ELIGIBLE, 1, 2, 3, any()), BadOrigin);
		}
		assert_noop!(create(MANAGER, Categories(0), 1, 2, 3, any()), Error::<Test>::NoCategories);
		assert_noop!(create(MANAGER, ELIGIBLE, 2, 2, 3, any()), Error::<Test>::InvalidSchedule);
		assert_noop!(create(MANAGER, ELIGIBLE, 1, 4, 3, any()), Error::<Test>::InvalidSchedule);
		// Agencies never apply; a program for nobody, or capped at zero, is void.
		let agencies = Eligibility {
			kinds: OrgKinds::of(&[OrgKind::Enterprise, OrgKind::Agency(AgencyKind::TaxBureau)]),
			..Eligibility::any_enterprise()
		};
		let nobody = Eligibility { kinds: OrgKinds(0), ..Eligibility::any_enterprise() };
		let zero = Eligibility { max_per_applicant: Some(0), ..Eligibility::any_enterprise() };
		for void in [agencies, nobody, zero] {
			let refused = create(MANAGER, ELIGIBLE, 1, 2, 3, terms(void, None));
			assert_noop!(refused, Error::<Test>::InvalidEligibility);
		}
		// A week at least, a month at most.
		for days in [0, 6, 31] {
			let refused = create(
				MANAGER,
				ELIGIBLE,
				1,
				2,
				3,
				terms(Eligibility::any_enterprise(), Some(days)),
			);
			assert_noop!(refused, Error::<Test>::InvalidPublicity);
		}
		assert_ok!(create(
			MANAGER,
			ELIGIBLE,
			1,
			2,
			3,
			terms(Eligibility::any_enterprise(), Some(30))
		));
		assert_eq!(ProgramTerms::<Test>::get(0).map(|t| t.publicity_days), Some(30));
		run_to(5);
		assert_noop!(create(MANAGER, ELIGIBLE, 1, 2, 5, any()), Error::<Test>::InvalidSchedule);
		NextProgramId::<Test>::put(ProgramId::MAX);
		assert_noop!(create(MANAGER, ELIGIBLE, 1, 2, 6, any()), Error::<Test>::Overflow);
		NextProgramId::<Test>::put(1);
	});
}

#[test]
fn the_finance_bureau_appropriates_the_budget_and_nothing_is_approved_before() {
	ExtBuilder::default().build_and_execute(|| {
		assert_ok!(Funds::create_program(
			RuntimeOrigin::signed(MANAGER),
			H256::zero(),
			ELIGIBLE,
			hour(1),
			hour(100),
			hour(400),
			Eligibility::any_enterprise(),
			None,
			Default::default(),
		));
		assert_eq!(Programs::<Test>::get(0).unwrap().budget, 0);
		// Applications come in before the appropriation; approvals wait for it.
		assert_ok!(apply(SME, 0, 400_000));
		assert_noop!(
			Funds::approve(RuntimeOrigin::signed(MANAGER), 0, 400_000),
			Error::<Test>::NotAppropriated
		);
		// The managing department cannot set or raise its own budget; nor can an auditor.
		for who in [MANAGER, AUDITOR, SME] {
			assert_noop!(Funds::set_budget(RuntimeOrigin::signed(who), 0, 500_000), BadOrigin);
		}
		assert_ok!(Funds::set_budget(RuntimeOrigin::signed(FINANCE), 0, 500_000));
		assert_eq!(last_event(), Event::BudgetChanged { program: 0, budget: 500_000 });
		assert_ok!(Funds::approve(RuntimeOrigin::signed(MANAGER), 0, 400_000));
		// Lowered, never below what was approved; raised again.
		assert_noop!(
			Funds::set_budget(RuntimeOrigin::signed(FINANCE), 0, 399_999),
			Error::<Test>::BudgetBelowApproved
		);
		assert_noop!(
			Funds::set_budget(RuntimeOrigin::signed(FINANCE), 0, 0),
			Error::<Test>::ZeroAmount
		);
		assert_ok!(Funds::set_budget(RuntimeOrigin::signed(FINANCE), 0, 400_000));
		assert_ok!(Funds::set_budget(RuntimeOrigin::signed(FINANCE), 0, 2_000_000));
		assert_eq!(Programs::<Test>::get(0).unwrap().budget, 2_000_000);
		assert_noop!(
			Funds::set_budget(RuntimeOrigin::signed(FINANCE), 9, 500_000),
			Error::<Test>::ProgramNotFound
		);
	});
}

#[test]
fn a_district_finance_bureau_appropriates_only_its_own_departments_programs() {
	use regchain_primitives::{testing::TestMembership, Division};
	ExtBuilder::default().build_and_execute(|| {
		let p = program();
		// The manager sits in Pudong; a Minhang finance bureau does not appropriate for it.
		TestMembership::set_jurisdiction(3, Division(310115));
		TestMembership::set_jurisdiction(1, Division(310112));
		assert_noop!(
			Funds::set_budget(RuntimeOrigin::signed(FINANCE), p, 5),
			Error::<Test>::OutsideJurisdiction
		);
		TestMembership::set_jurisdiction(1, Division(310000));
		assert_ok!(Funds::set_budget(RuntimeOrigin::signed(FINANCE), p, 5));
	});
}

#[test]
fn the_manager_or_a_regulator_closes_a_program_once() {
	ExtBuilder::default().build_and_execute(|| {
		let statement = H256::repeat_byte(8);
		for closer in [MANAGER, FINANCE, AUDITOR] {
			let p = program();
			assert_ok!(Funds::close_program(RuntimeOrigin::signed(closer), p, statement));
			assert_eq!(last_event(), Event::ProgramClosed { program: p, statement });
			assert_eq!(
				Programs::<Test>::get(p).unwrap().status,
				ProgramStatus::Closed { statement }
			);
			assert_noop!(
				Funds::close_program(RuntimeOrigin::signed(FINANCE), p, statement),
				Error::<Test>::ProgramClosed
			);
			assert_noop!(
				Funds::set_budget(RuntimeOrigin::signed(FINANCE), p, 5),
				Error::<Test>::ProgramClosed
			);
		}
	});
}

#[test]
fn close_program_fails_for_other_managers_and_non_regulators() {
	ExtBuilder::default().build_and_execute(|| {
		let p = program();
		assert_noop!(
			Funds::close_program(RuntimeOrigin::signed(OTHER_MANAGER), p, H256::zero()),
			Error::<Test>::NotManager
		);
		for who in [SME, OUTSIDER] {
			assert_noop!(
				Funds::close_program(RuntimeOrigin::signed(who), p, H256::zero()),
				BadOrigin
			);
		}
		assert_noop!(
			Funds::close_program(RuntimeOrigin::signed(FINANCE), 7, H256::zero()),
			Error::<Test>::ProgramNotFound
		);
	});
}
