//! Benchmarks of every call on its most expensive path: cases naming up to `MAX_RECORDS`
//! records and filings citing up to `MAX_EVIDENCE` evidence records; a freeze, lift or close
//! of every record of a case, each in the name of the joined regulator of its domain; an
//! inspection plan's calls at their bounds (a full page of the population, the draw's last page
//! with every target assigned from a full pool).

use super::*;
use crate::pallet::{
	Cases, FindingCases, Inspectors, NextCaseId, NextPlanId, PendingAnchors, PendingPlansOf, Plans,
	Population, Targets,
};
use alloc::vec::Vec;
use frame_benchmarking::v2::*;
use frame_support::{traits::ConstU32, BoundedVec};
use frame_system::RawOrigin;
use regchain_primitives::{
	member_origin, time, time::Moment, AgencyKind, DisciplineRecords, Division, EvidenceRecords,
	FreezableRecords, Membership, OrgKind, RecordRef, Role,
};
use sp_core::H256;

/// The lead agency (`AgencyOrigin`'s sample: market regulation, which reads every domain).
fn lead<T: Config>() -> Result<(T::RuntimeOrigin, OrgId), BenchmarkError> {
	member_origin::<T::AgencyOrigin, _, _>().map_err(|_| BenchmarkError::Weightless)
}

/// The subject enterprise (made once): its signed origin and organization.
fn subject<T: Config>() -> (T::RuntimeOrigin, OrgId) {
	let who: T::AccountId = account("subject", 0, 0);
	let org = match T::Membership::member(&who) {
		Some(info) => info.org,
		None => T::Membership::make_member(&who, OrgKind::Enterprise, None),
	};
	(RawOrigin::Signed(who).into(), org)
}

/// `n` new records about `subject`.
fn records_about<T: Config>(subject: OrgId, n: u32) -> Records {
	let list: Vec<RecordRef> = (0..n).map(|_| T::BenchmarkHelper::make_record(subject)).collect();
	list.try_into().expect("at most MAX_RECORDS")
}

/// `n` evidence records of `owner`.
fn evidence_of<T: Config>(owner: OrgId, n: u32) -> EvidenceList {
	let list: Vec<u64> = (0..n).map(|_| T::Evidence::make_evidence(owner, false)).collect();
	list.try_into().expect("at most MAX_EVIDENCE")
}

/// The agency (made once) that regulates the domain of the helper's records: its signed
/// origin and organization.
fn regulator<T: Config>(record: RecordRef) -> Result<(T::RuntimeOrigin, OrgId), BenchmarkError> {
	let domain = T::Records::supervision(record.domain).ok_or(BenchmarkError::Weightless)?;
	let kind = AgencyKind::ALL
		.into_iter()
		.find(|k| k.regulates(domain))
		.ok_or(BenchmarkError::Weightless)?;
	let who: T::AccountId = account("regulator", 0, 0);
	let org = match T::Membership::member(&who) {
		Some(info) => info.org,
		None => T::Membership::make_member(&who, OrgKind::Agency(kind), None),
	};
	Ok((RawOrigin::Signed(who).into(), org))
}

/// A case of `lead` about `subject` naming `r` records (at least one), joined by their
/// regulator unless the lead regulates them; its id and the regulator's origin.
fn case<T: Config>(
	lead: OrgId,
	subject: OrgId,
	r: u32,
) -> Result<(CaseId, T::RuntimeOrigin), BenchmarkError> {
	let records = records_about::<T>(subject, r.max(1));
	let (origin, regulator) = regulator::<T>(records[0])?;
	let id = NextCaseId::<T>::get();
	Pallet::<T>::do_open_case(
		lead,
		subject,
		Violation::Other,
		H256::zero(),
		EvidenceList::default(),
		records,
	)?;
	if regulator != lead {
		Pallet::<T>::do_join_case(regulator, id)?;
	}
	Ok((id, origin))
}

/// A case of `lead` about `subject` with an ordinary penalty decided long enough ago that its
/// subject may apply for repair (the decision's date moved back: the clock is the runtime's).
fn repairable<T: Config>(lead: OrgId, subject: OrgId) -> Result<CaseId, BenchmarkError> {
	let (id, _) = case::<T>(lead, subject, 1)?;
	Pallet::<T>::do_decide_penalty(lead, id, H256::zero(), 100, Severity::Ordinary)?;
	Cases::<T>::mutate(id, |case| {
		if let Some(p) = case.as_mut().and_then(|c| c.penalty.as_mut()) {
			p.decided_at = p
				.decided_at
				.saturating_sub(<T::OrdinaryRepairAfter as frame_support::traits::Get<_>>::get());
		}
	});
	Ok(id)
}

/// A plan's timetable from now: commits for a day, reveals for another, results in a month.
fn timetable<T: Config>() -> (Moment, Moment, Moment) {
	let now = time::now::<T::UnixTime>();
	(now + time::DAY, now + 2 * time::DAY, now + 30 * time::DAY)
}

/// A plan of `lead` over every enterprise of the country (the benchmarks' agencies act
/// nationally), drawing `MAX_TARGETS`.
fn plan_of<T: Config>(lead: OrgId) -> Result<PlanId, BenchmarkError> {
	plan_over::<T>(lead, None)
}

/// As `plan_of`, of the holders of `records`.
fn plan_over<T: Config>(
	lead: OrgId,
	records: Option<regchain_primitives::RecordSet>,
) -> Result<PlanId, BenchmarkError> {
	let id = NextPlanId::<T>::get();
	let scope =
		PlanScope { region: Division::NATIONAL, kind: OrgKind::Enterprise, role: None, records };
	Pallet::<T>::do_open_plan(
		lead,
		scope,
		SampleSize::Count(MAX_TARGETS),
		H256::zero(),
		timetable::<T>(),
	)?;
	Ok(id)
}

/// Agency `i` (made once) holding `Inspector`, with `n` accounts: its origin, accounts and
/// organization.
fn inspection_agency<T: Config>(i: u32, n: u32) -> (T::RuntimeOrigin, Vec<T::AccountId>, OrgId) {
	let first: T::AccountId = account("inspection agency", i, 0);
	let org = match T::Membership::member(&first) {
		Some(info) => info.org,
		None => {
			let kind = OrgKind::Agency(AgencyKind::MarketRegulation);
			T::Membership::make_member(&first, kind, Some(Role::Inspector))
		},
	};
	for j in 1..n {
		let officer: T::AccountId = account("inspector", i, j);
		if T::Membership::member(&officer).is_none() {
			T::Membership::add_account(org, &officer);
		}
	}
	let accounts =
		core::iter::once(first.clone()).chain((1..n).map(|j| account("inspector", i, j))).collect();
	(RawOrigin::Signed(first).into(), accounts, org)
}

/// Puts `n` inspectors of `agency` into plan `id`'s pool directly.
fn fill_pool<T: Config>(id: PlanId, agency: OrgId, n: u32) {
	Plans::<T>::mutate(id, |p| {
		if let Some(p) = p {
			for i in 0..n {
				let account = account("pooled", i, 0);
				Inspectors::<T>::insert(id, p.inspectors + i, Inspector { account, agency });
			}
			p.inspectors += n;
		}
	});
}

/// A plan of `lead` ready for its draw, written directly: `population` enterprises (made-up
/// ids) of weight 4, a full pool, two agencies revealed, the anchor fixed, the reveal period
/// over.
fn ready_to_draw<T: Config>(lead: OrgId, population: u32) -> Result<PlanId, BenchmarkError> {
	let id = plan_of::<T>(lead)?;
	let (_, _, witness) = inspection_agency::<T>(0, 1);
	Pallet::<T>::do_join_plan(witness, id)?;
	fill_pool::<T>(id, lead, MAX_INSPECTORS);
	for i in 0..population {
		Population::<T>::insert(
			id,
			i,
			(1_000_000 + i, regchain_primitives::inspection::MAX_WEIGHT),
		);
	}
	PendingAnchors::<T>::kill();
	Plans::<T>::mutate(id, |p| {
		if let Some(p) = p {
			for (i, participant) in p.participants.iter_mut().enumerate() {
				participant.commitment = Some(H256::zero());
				participant.secret = Some(H256::repeat_byte(i as u8));
			}
			p.population = population;
			p.enumeration = Enumeration::Complete;
			p.anchor = Some((0, H256::repeat_byte(9)));
			let now = time::now::<T::UnixTime>();
			p.commit_until = now.saturating_sub(2);
			p.reveal_until = now;
		}
	});
	Ok(id)
}

/// The account and pool index of target `index`'s first inspector, made an account of its
/// agency (the pool of `ready_to_draw` holds made-up accounts).
fn assigned<T: Config>(id: PlanId, index: u32) -> Result<(T::AccountId, u32), BenchmarkError> {
	let target = Targets::<T>::get(id, index).ok_or(BenchmarkError::Weightless)?;
	let first = *target.inspectors.first().ok_or(BenchmarkError::Weightless)?;
	let inspector = Inspectors::<T>::get(id, first).ok_or(BenchmarkError::Weightless)?;
	if T::Membership::member(&inspector.account).is_none() {
		T::Membership::add_account(inspector.agency, &inspector.account);
	}
	Ok((inspector.account, first))
}

#[benchmarks]
mod benchmarks {
	use super::*;

	#[benchmark]
	fn open_case(
		r: Linear<1, MAX_RECORDS>,
		e: Linear<0, MAX_EVIDENCE>,
	) -> Result<(), BenchmarkError> {
		let (origin, _) = lead::<T>()?;
		let (_, subject) = subject::<T>();
		let records = records_about::<T>(subject, r);
		let evidence = evidence_of::<T>(subject, e);
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, subject, Violation::Other, H256::zero(), evidence, records);
		assert!(Cases::<T>::contains_key(0));
		Ok(())
	}

	#[benchmark]
	fn join_case() -> Result<(), BenchmarkError> {
		let (_, lead) = lead::<T>()?;
		let (_, subject) = subject::<T>();
		let records = records_about::<T>(subject, 1);
		let (origin, regulator) = regulator::<T>(records[0])?;
		Pallet::<T>::do_open_case(
			lead,
			subject,
			Violation::Other,
			H256::zero(),
			EvidenceList::default(),
			records,
		)?;
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, 0);
		assert!(Cases::<T>::get(0).is_some_and(|c| c.agencies.contains(&regulator)));
		Ok(())
	}

	#[benchmark]
	fn add_records(r: Linear<1, { MAX_RECORDS - 1 }>) -> Result<(), BenchmarkError> {
		let (origin, lead) = lead::<T>()?;
		let (_, subject) = subject::<T>();
		let (id, _) = case::<T>(lead, subject, 1)?;
		let records = records_about::<T>(subject, r);
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, id, records);
		assert!(Cases::<T>::get(id).is_some_and(|c| c.records.len() as u32 == r + 1));
		Ok(())
	}

	#[benchmark]
	fn note(e: Linear<0, MAX_EVIDENCE>) -> Result<(), BenchmarkError> {
		let (origin, lead) = lead::<T>()?;
		let (_, subject) = subject::<T>();
		let (id, _) = case::<T>(lead, subject, 1)?;
		let evidence = evidence_of::<T>(subject, e);
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, id, H256::zero(), evidence);
		Ok(())
	}

	#[benchmark]
	fn freeze_records(r: Linear<1, MAX_RECORDS>) -> Result<(), BenchmarkError> {
		let (origin, lead) = lead::<T>()?;
		let (_, subject) = subject::<T>();
		let (id, _) = case::<T>(lead, subject, r)?;
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, id, H256::zero());
		assert!(Cases::<T>::get(id).is_some_and(|c| c.freezes.len() as u32 == r));
		Ok(())
	}

	#[benchmark]
	fn unfreeze_records(r: Linear<1, MAX_RECORDS>) -> Result<(), BenchmarkError> {
		let (origin, lead) = lead::<T>()?;
		let (_, subject) = subject::<T>();
		let (id, _) = case::<T>(lead, subject, r)?;
		Pallet::<T>::do_freeze_records(lead, id, H256::zero())?;
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, id);
		assert!(Cases::<T>::get(id).is_some_and(|c| c.freezes.is_empty()));
		Ok(())
	}

	#[benchmark]
	fn order_rectification() -> Result<(), BenchmarkError> {
		let (origin, lead) = lead::<T>()?;
		let (_, subject) = subject::<T>();
		let (id, _) = case::<T>(lead, subject, 1)?;
		let deadline = time::now::<T::UnixTime>().saturating_add(time::DAY);
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, id, H256::zero(), deadline);
		assert!(Cases::<T>::get(id).is_some_and(|c| c.rectification.is_some()));
		Ok(())
	}

	#[benchmark]
	fn report_rectification(e: Linear<0, MAX_EVIDENCE>) -> Result<(), BenchmarkError> {
		let (_, lead) = lead::<T>()?;
		let (origin, subject) = subject::<T>();
		let (id, _) = case::<T>(lead, subject, 1)?;
		let deadline = time::now::<T::UnixTime>().saturating_add(time::DAY);
		Pallet::<T>::do_order_rectification(lead, id, H256::zero(), deadline)?;
		let evidence = evidence_of::<T>(subject, e);
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, id, H256::zero(), evidence);
		assert!(Cases::<T>::get(id)
			.is_some_and(|c| c.rectification.is_some_and(|r| r.reported.is_some())));
		Ok(())
	}

	#[benchmark]
	fn submit_statement(e: Linear<0, MAX_EVIDENCE>) -> Result<(), BenchmarkError> {
		let (_, lead) = lead::<T>()?;
		let (origin, subject) = subject::<T>();
		let (id, _) = case::<T>(lead, subject, 1)?;
		let evidence = evidence_of::<T>(subject, e);
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, id, H256::zero(), evidence);
		assert!(Cases::<T>::get(id).is_some_and(|c| c.statements == 1));
		Ok(())
	}

	#[benchmark]
	fn decide_penalty() -> Result<(), BenchmarkError> {
		let (origin, lead) = lead::<T>()?;
		let (_, subject) = subject::<T>();
		let (id, _) = case::<T>(lead, subject, 1)?;
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, id, H256::zero(), 100, Severity::Serious);
		assert!(Cases::<T>::get(id).is_some_and(|c| c.penalty.is_some()));
		Ok(())
	}

	#[benchmark]
	fn appeal(e: Linear<0, MAX_EVIDENCE>) -> Result<(), BenchmarkError> {
		let (_, lead) = lead::<T>()?;
		let (origin, subject) = subject::<T>();
		let (id, _) = case::<T>(lead, subject, 1)?;
		Pallet::<T>::do_decide_penalty(lead, id, H256::zero(), 100, Severity::Serious)?;
		let evidence = evidence_of::<T>(subject, e);
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, id, H256::zero(), evidence);
		assert!(Cases::<T>::get(id).is_some_and(|c| c.penalty.is_some_and(|p| p.appeal.is_some())));
		Ok(())
	}

	#[benchmark]
	fn rule_on_appeal() -> Result<(), BenchmarkError> {
		let (origin, lead) = lead::<T>()?;
		let (_, subject) = subject::<T>();
		let (id, _) = case::<T>(lead, subject, 1)?;
		Pallet::<T>::do_decide_penalty(lead, id, H256::zero(), 100, Severity::Serious)?;
		Pallet::<T>::do_appeal(subject, id, H256::zero(), EvidenceList::default())?;
		#[extrinsic_call]
		overturn_penalty(origin as T::RuntimeOrigin, id, H256::zero());
		assert!(Cases::<T>::get(id).is_some_and(|c| c.penalty.is_some_and(|p| !p.stands())));
		Ok(())
	}

	#[benchmark]
	fn close_case(r: Linear<1, MAX_RECORDS>) -> Result<(), BenchmarkError> {
		let (origin, lead) = lead::<T>()?;
		let (_, subject) = subject::<T>();
		let (id, _) = case::<T>(lead, subject, r)?;
		Pallet::<T>::do_freeze_records(lead, id, H256::zero())?;
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, id, H256::zero());
		assert!(Cases::<T>::get(id).is_some_and(|c| !c.is_open()));
		Ok(())
	}

	#[benchmark]
	fn apply_for_repair(e: Linear<0, MAX_EVIDENCE>) -> Result<(), BenchmarkError> {
		let (_, lead) = lead::<T>()?;
		let (origin, subject) = subject::<T>();
		let id = repairable::<T>(lead, subject)?;
		let evidence = evidence_of::<T>(subject, e);
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, id, H256::zero(), evidence);
		assert!(Cases::<T>::get(id).is_some_and(|c| c.penalty.is_some_and(|p| p.repair.is_some())));
		Ok(())
	}

	/// Measured at its worst: `MAX_REPAIR_NOTICES` lenders told (in the runtime the credit
	/// pallet's accesses, made through `DisciplineRecords::make_repair_audience`).
	#[benchmark]
	fn grant_repair() -> Result<(), BenchmarkError> {
		let (origin, lead) = lead::<T>()?;
		let (_, subject) = subject::<T>();
		let id = repairable::<T>(lead, subject)?;
		T::Discipline::make_repair_audience(subject);
		Pallet::<T>::do_apply_for_repair(subject, id, H256::zero(), EvidenceList::default())?;
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, id, H256::zero());
		assert!(Cases::<T>::get(id).is_some_and(|c| c.penalty.is_some_and(|p| p.repaired())));
		Ok(())
	}

	#[benchmark]
	fn refuse_repair() -> Result<(), BenchmarkError> {
		let (origin, lead) = lead::<T>()?;
		let (_, subject) = subject::<T>();
		let id = repairable::<T>(lead, subject)?;
		Pallet::<T>::do_apply_for_repair(subject, id, H256::zero(), EvidenceList::default())?;
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, id, H256::zero());
		Ok(())
	}

	#[benchmark]
	fn open_plan() -> Result<(), BenchmarkError> {
		let (origin, lead) = lead::<T>()?;
		// The agency one plan short of its pending plans, the queue of plans waiting for
		// their anchor one short of full, the population of a program's recipients.
		PendingPlansOf::<T>::insert(lead, MAX_PENDING_PER_AGENCY - 1);
		let records = Some(T::BenchmarkHelper::make_record_set(&[]));
		let later = time::now::<T::UnixTime>().saturating_add(time::DAY);
		let queue: Vec<(Moment, PlanId)> =
			(0..MAX_PENDING_PLANS - 1).map(|i| (later, PlanId::from(1_000 + i))).collect();
		PendingAnchors::<T>::put(BoundedVec::truncate_from(queue));
		let (commit_until, reveal_until, results_due) = timetable::<T>();
		#[extrinsic_call]
		_(
			origin as T::RuntimeOrigin,
			Division::NATIONAL,
			OrgKind::Enterprise,
			None,
			records,
			SampleSize::Count(MAX_TARGETS),
			H256::zero(),
			commit_until,
			reveal_until,
			results_due,
		);
		assert_eq!(PendingAnchors::<T>::get().len() as u32, MAX_PENDING_PLANS);
		assert_eq!(PendingPlansOf::<T>::get(lead), Some(MAX_PENDING_PER_AGENCY));
		Ok(())
	}

	#[benchmark]
	fn join_plan() -> Result<(), BenchmarkError> {
		let (_, lead) = lead::<T>()?;
		let id = plan_of::<T>(lead)?;
		for i in 1..MAX_PLAN_AGENCIES - 1 {
			let (_, _, agency) = inspection_agency::<T>(i, 1);
			Pallet::<T>::do_join_plan(agency, id)?;
		}
		let (origin, _, _) = inspection_agency::<T>(MAX_PLAN_AGENCIES, 1);
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, id);
		assert_eq!(
			Plans::<T>::get(id).map(|p| p.participants.len() as u32),
			Some(MAX_PLAN_AGENCIES)
		);
		Ok(())
	}

	#[benchmark]
	fn commit() -> Result<(), BenchmarkError> {
		let (origin, lead) = lead::<T>()?;
		let id = plan_of::<T>(lead)?;
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, id, H256::repeat_byte(1));
		assert!(Plans::<T>::get(id).is_some_and(|p| p.participants[0].commitment.is_some()));
		Ok(())
	}

	#[benchmark]
	fn enlist_inspectors(n: Linear<1, MAX_ENLIST>) -> Result<(), BenchmarkError> {
		let (_, lead) = lead::<T>()?;
		let id = plan_of::<T>(lead)?;
		let (origin, accounts, agency) = inspection_agency::<T>(1, n);
		Pallet::<T>::do_join_plan(agency, id)?;
		// The rest of the pool is full: every enlisted inspector is compared with it.
		fill_pool::<T>(id, lead, MAX_INSPECTORS - n);
		let accounts: BoundedVec<T::AccountId, ConstU32<MAX_ENLIST>> =
			BoundedVec::truncate_from(accounts);
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, id, accounts);
		assert_eq!(Plans::<T>::get(id).map(|p| p.inspectors), Some(MAX_INSPECTORS));
		Ok(())
	}

	/// A full page, every member of the population (enterprises of the region).
	#[benchmark]
	fn read_population() -> Result<(), BenchmarkError> {
		let (origin, lead) = lead::<T>()?;
		// A full page of the region, every member invoicing above the threshold and recalled.
		for i in 0..POPULATION_PAGE {
			let who: T::AccountId = account("population", i, 0);
			T::Membership::make_member(&who, OrgKind::Enterprise, None);
		}
		let page: Vec<OrgId> = T::Membership::members_in(Division::NATIONAL, None, POPULATION_PAGE)
			.into_iter()
			.map(|(_, org)| org)
			.collect();
		for org in page.iter() {
			T::BenchmarkHelper::make_recall(*org);
		}
		let set = T::BenchmarkHelper::make_filter_set(&page);
		let enterprises =
			page.iter().filter(|o| T::Membership::kind(**o) == Some(OrgKind::Enterprise)).count();
		let id = plan_over::<T>(lead, Some(set))?;
		#[extrinsic_call]
		read_population(origin as T::RuntimeOrigin, id);
		assert_eq!(Plans::<T>::get(id).map(|p| p.population as usize), Some(enterprises));
		assert!(enterprises as u32 >= POPULATION_PAGE / 2);
		Ok(())
	}

	/// A full page of a record set's index, each record of another holder, each recalled.
	#[benchmark]
	fn read_population_records() -> Result<(), BenchmarkError> {
		let (origin, lead) = lead::<T>()?;
		let mut holders = Vec::new();
		for i in 0..POPULATION_PAGE {
			let who: T::AccountId = account("holder", i, 0);
			let org = T::Membership::make_member(&who, OrgKind::Enterprise, None);
			T::BenchmarkHelper::make_recall(org);
			holders.push(org);
		}
		let set = T::BenchmarkHelper::make_record_set(&holders);
		let id = plan_over::<T>(lead, Some(set))?;
		#[extrinsic_call]
		read_population(origin as T::RuntimeOrigin, id);
		assert!(Plans::<T>::get(id).is_some_and(|p| p.population == POPULATION_PAGE));
		Ok(())
	}

	#[benchmark]
	fn reveal() -> Result<(), BenchmarkError> {
		let (origin, lead) = lead::<T>()?;
		let id = plan_of::<T>(lead)?;
		let secret = H256::repeat_byte(5);
		let commitment = regchain_primitives::inspection::commitment(id, lead, &secret);
		Pallet::<T>::do_commit(lead, id, commitment)?;
		// The commit period over (the clock cannot move: the deadline does).
		Plans::<T>::mutate(id, |p| {
			if let Some(p) = p {
				p.commit_until = time::now::<T::UnixTime>();
			}
		});
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, id, secret);
		assert!(Plans::<T>::get(id).is_some_and(|p| p.participants[0].secret.is_some()));
		Ok(())
	}

	/// The heaviest call of a draw: its first and last at once — the reveals checked, a full
	/// page keyed and every target given two inspectors from a full pool.
	#[benchmark]
	fn draw() -> Result<(), BenchmarkError> {
		let (origin, lead) = lead::<T>()?;
		let id = ready_to_draw::<T>(lead, DRAW_PAGE)?;
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, id);
		assert_eq!(Plans::<T>::get(id).map(|p| p.targets), Some(MAX_TARGETS));
		Ok(())
	}

	#[benchmark]
	fn recuse() -> Result<(), BenchmarkError> {
		let (_, lead) = lead::<T>()?;
		let id = ready_to_draw::<T>(lead, MAX_TARGETS)?;
		Pallet::<T>::do_draw(lead, id)?;
		let (who, _) = assigned::<T>(id, 0)?;
		#[extrinsic_call]
		_(RawOrigin::Signed(who), id, 0);
		assert!(Targets::<T>::get(id, 0).is_some_and(|t| t.recused.len() == 1));
		Ok(())
	}

	#[benchmark]
	fn record_result() -> Result<(), BenchmarkError> {
		let (_, lead) = lead::<T>()?;
		let id = ready_to_draw::<T>(lead, MAX_TARGETS)?;
		Pallet::<T>::do_draw(lead, id)?;
		let (who, _) = assigned::<T>(id, 0)?;
		#[extrinsic_call]
		_(RawOrigin::Signed(who), id, 0, Outcome::Findings { report: H256::zero() });
		assert!(Targets::<T>::get(id, 0).is_some_and(|t| t.result.is_some()));
		Ok(())
	}

	#[benchmark]
	fn close_plan() -> Result<(), BenchmarkError> {
		let (origin, lead) = lead::<T>()?;
		let id = ready_to_draw::<T>(lead, MAX_TARGETS)?;
		Pallet::<T>::do_draw(lead, id)?;
		Plans::<T>::mutate(id, |p| {
			if let Some(p) = p {
				p.results_due = 0;
			}
		});
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, id, H256::zero());
		assert!(Plans::<T>::get(id).is_some_and(|p| p.status == PlanStatus::Closed));
		Ok(())
	}

	/// `n` plans anchored by one block.
	#[benchmark]
	fn anchor_plans(n: Linear<1, MAX_PENDING_PLANS>) -> Result<(), BenchmarkError> {
		// Each plan of another lead: each count its own.
		let mut queue = Vec::new();
		for i in 0..n {
			let (_, _, lead) = inspection_agency::<T>(100 + i, 1);
			let id = plan_of::<T>(lead)?;
			queue.push((0, id));
		}
		PendingAnchors::<T>::put(BoundedVec::truncate_from(queue));
		#[block]
		{
			Pallet::<T>::anchor_due_plans();
		}
		assert!(PendingAnchors::<T>::get().is_empty());
		Ok(())
	}

	#[benchmark]
	fn open_case_from_finding(
		r: Linear<0, MAX_RECORDS>,
		e: Linear<0, MAX_EVIDENCE>,
	) -> Result<(), BenchmarkError> {
		let (origin, lead) = lead::<T>()?;
		let (_, subject) = subject::<T>();
		let id = plan_of::<T>(lead)?;
		let result = InspectionResult {
			outcome: Outcome::Findings { report: H256::zero() },
			by: 0,
			at: 0,
			late: false,
		};
		let target = Target {
			org: subject,
			weight: 1,
			key: 0,
			inspectors: BoundedVec::new(),
			recused: BoundedVec::new(),
			barred: BoundedVec::new(),
			next_attempt: 0,
			result: Some(result),
		};
		Targets::<T>::insert(id, 0, target);
		let records = records_about::<T>(subject, r);
		let evidence = evidence_of::<T>(subject, e);
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, id, 0, Violation::Other, H256::zero(), evidence, records);
		assert!(FindingCases::<T>::contains_key(id, 0));
		Ok(())
	}

	impl_benchmark_test_suite!(
		Pallet,
		crate::mock::ExtBuilder::default().build(),
		crate::mock::Test
	);
}
