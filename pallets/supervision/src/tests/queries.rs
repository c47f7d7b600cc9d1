//! The runtime API's answers: missed deadlines, histories, indexes and what is published.

use crate::{mock::*, *};
use frame_support::assert_ok;

#[test]
fn missed_deadlines_are_visible_until_met() {
	ExtBuilder::default().build_and_execute(|| {
		let id = case_about_acme(&[FUND]);
		assert_ok!(Supervision::order_rectification(
			RuntimeOrigin::signed(MARKET),
			id,
			doc(7),
			day(10)
		));
		assert!(Supervision::case_view(id).unwrap().overdue.is_empty());
		TestClock::set(day(92));
		assert_eq!(
			Supervision::case_view(id).unwrap().overdue,
			vec![Overdue::Decision { due: day(91) }, Overdue::Rectification { due: day(10) }]
		);
		assert_ok!(Supervision::decide_penalty(
			RuntimeOrigin::signed(MARKET),
			id,
			doc(0xd0),
			0,
			Severity::Ordinary
		));
		assert_ok!(Supervision::appeal(RuntimeOrigin::signed(ACME), id, doc(0xa0), evidence(&[])));
		assert_ok!(Supervision::report_rectification(
			RuntimeOrigin::signed(ACME),
			id,
			doc(8),
			evidence(&[])
		));
		TestClock::set(day(153));
		assert_eq!(
			Supervision::case_view(id).unwrap().overdue,
			vec![Overdue::Ruling { due: day(152) }]
		);
		assert_ok!(Supervision::uphold_penalty(RuntimeOrigin::signed(MARKET), id, doc(0xe0)));
		assert!(Supervision::case_view(id).unwrap().overdue.is_empty());
	});
}

#[test]
fn a_history_and_the_indexes_page_by_key() {
	ExtBuilder::default().build_and_execute(|| {
		let first = case_about_acme(&[FUND]);
		let second = case_about_acme(&[BATCH]);
		assert_ok!(Supervision::join_case(RuntimeOrigin::signed(FINANCE), first));
		assert_ok!(Supervision::note(RuntimeOrigin::signed(MARKET), first, doc(5), evidence(&[])));
		let steps = Supervision::steps(first, None, 100);
		assert_eq!(steps.iter().map(|(n, _)| *n).collect::<Vec<_>>(), vec![0, 1, 2]);
		assert_eq!(Supervision::steps(first, Some(0), 1).len(), 1);
		assert_eq!(Supervision::steps(first, Some(0), 1)[0].0, 1);
		assert!(Supervision::steps(first, Some(2), 100).is_empty());
		assert!(Supervision::steps(9, None, 100).is_empty());

		let ids = |views: Vec<CaseView>| views.into_iter().map(|v| v.id).collect::<Vec<_>>();
		let mut of_acme = ids(Supervision::cases_of(ACME as OrgId, None, 100));
		of_acme.sort();
		assert_eq!(of_acme, vec![first, second]);
		let page = ids(Supervision::cases_of(ACME as OrgId, None, 1));
		let rest = ids(Supervision::cases_of(ACME as OrgId, Some(page[0]), 100));
		assert_eq!(page.len() + rest.len(), 2);
		assert!(!rest.contains(&page[0]));
		assert_eq!(ids(Supervision::open_cases_of(FINANCE as OrgId, None, 100)), vec![first]);
		assert_ok!(Supervision::close_case(RuntimeOrigin::signed(MARKET), first, doc(9)));
		assert!(Supervision::open_cases_of(FINANCE as OrgId, None, 100).is_empty());
		assert_eq!(ids(Supervision::open_cases_of(MARKET as OrgId, None, 100)), vec![second]);
	});
}

#[test]
fn a_penalty_is_published_for_one_year_or_three_when_serious() {
	ExtBuilder::default().build_and_execute(|| {
		let ordinary = case_about_acme(&[FUND]);
		let serious = case_about_acme(&[BATCH]);
		for (id, severity) in [(ordinary, Severity::Ordinary), (serious, Severity::Serious)] {
			assert_ok!(Supervision::decide_penalty(
				RuntimeOrigin::signed(MARKET),
				id,
				doc(0xd0),
				10_000,
				severity
			));
		}
		let published = |at| {
			TestClock::set(at);
			let mut cases: Vec<_> = Supervision::published_penalties(ACME as OrgId, None, 100)
				.into_iter()
				.map(|p| p.case)
				.collect();
			cases.sort();
			cases
		};
		assert_eq!(published(day(366)), vec![ordinary, serious]);
		assert_eq!(published(day(366) + 1), vec![serious]);
		assert_eq!(published(day(1 + 3 * 365)), vec![serious]);
		assert!(published(day(1 + 3 * 365) + 1).is_empty());
		assert!(Supervision::published_penalties(OTHER_CO as OrgId, None, 100).is_empty());
		TestClock::set(day(2));
		let public = Supervision::published_penalties(ACME as OrgId, None, 100);
		let first = public.iter().find(|p| p.case == ordinary).unwrap();
		assert_eq!(
			*first,
			PublicPenalty {
				case: ordinary,
				subject: ACME as OrgId,
				by: MARKET as OrgId,
				violation: Violation::FundMisuse,
				decision: doc(0xd0),
				amount: 10_000,
				severity: Severity::Ordinary,
				decided_at: day(1),
			}
		);
	});
}
