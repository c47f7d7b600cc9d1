//! Benchmarks of every call on its most expensive path: cases naming up to `MAX_RECORDS`
//! records and filings citing up to `MAX_EVIDENCE` evidence records; a freeze, lift or close
//! of every record of a case, each in the name of the joined regulator of its domain.

use super::*;
use crate::pallet::{Cases, NextCaseId};
use alloc::vec::Vec;
use frame_benchmarking::v2::*;
use frame_system::RawOrigin;
use regchain_primitives::{
	member_origin, time, AgencyKind, DisciplineRecords, EvidenceRecords, FreezableRecords,
	Membership, OrgKind, RecordRef,
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

	impl_benchmark_test_suite!(
		Pallet,
		crate::mock::ExtBuilder::default().build(),
		crate::mock::Test
	);
}
