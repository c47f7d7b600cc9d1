//! Cases: opening, joining, measures, answers, penalties, appeals, repair, closing.

use crate::{pallet::*, types::*};
use alloc::vec::Vec;
use frame_support::{ensure, pallet_prelude::*, traits::Get};
use regchain_primitives::{
	time, AgencyKind, DisciplineKind, DisciplineRecords, Domain, EvidenceRecords, Fen,
	FreezableRecords, Membership, OrgId, OrgKind, RecordRef,
};
use sp_core::H256;
use sp_runtime::ArithmeticError;

impl<T: Config> Pallet<T> {
	pub(crate) fn do_open_case(
		agency: OrgId,
		subject: OrgId,
		violation: Violation,
		legal_basis: H256,
		evidence: EvidenceList,
		records: Records,
	) -> DispatchResult {
		let (id, mut case) = Self::new_case(agency, subject, violation, legal_basis, records)?;
		// After the jurisdiction check: an outsider hears `OutsideJurisdiction` whatever it sends.
		ensure!(!case.records.is_empty(), Error::<T>::EmptyRecords);
		Self::check_evidence(&evidence)?;
		Self::push_step(id, &mut case, agency, Action::Opened { evidence })?;
		Self::store_new_case(id, case);
		Ok(())
	}

	/// Opens a case on the findings of target `index` of plan `plan`: the case's history
	/// starts with the finding; its records may be none yet.
	pub(crate) fn do_open_case_from_finding(
		agency: OrgId,
		plan: PlanId,
		index: u32,
		(violation, legal_basis, evidence, records): (Violation, H256, EvidenceList, Records),
	) -> DispatchResult {
		let of_plan = Plans::<T>::get(plan).ok_or(Error::<T>::PlanNotFound)?;
		ensure!(of_plan.has_participant(agency), Error::<T>::NotPlanAgency);
		let target = Targets::<T>::get(plan, index).ok_or(Error::<T>::TargetNotFound)?;
		let Some(Outcome::Findings { report }) = target.result.map(|r| r.outcome) else {
			return Err(Error::<T>::NoFindings.into());
		};
		ensure!(!FindingCases::<T>::contains_key(plan, index), Error::<T>::FindingCaseOpened);
		let (id, mut case) = Self::new_case(agency, target.org, violation, legal_basis, records)?;
		Self::check_evidence(&evidence)?;
		Self::push_step(id, &mut case, agency, Action::Opened { evidence })?;
		Self::push_step(id, &mut case, agency, Action::Finding { plan, target: index, report })?;
		Self::store_new_case(id, case);
		FindingCases::<T>::insert(plan, index, id);
		Self::deposit_event(Event::CaseFromFinding { case: id, plan, target: index });
		Ok(())
	}

	/// A new case about `subject` led by `agency` and its id, once the one jurisdiction check
	/// and the records' checks pass; nothing stored yet.
	fn new_case(
		agency: OrgId,
		subject: OrgId,
		violation: Violation,
		legal_basis: H256,
		records: Records,
	) -> Result<(CaseId, Case), DispatchError> {
		T::Membership::ensure_jurisdiction(agency, subject).map_err(Error::<T>::from)?;
		ensure!(agency != subject, Error::<T>::OwnOrganization);
		Self::ensure_distinct(&records, &[])?;
		Self::check_records(agency, subject, &records)?;
		let id = NextCaseId::<T>::get();
		id.checked_add(1).ok_or(ArithmeticError::Overflow)?;
		let now = Self::now();
		let case = Case {
			subject,
			lead: agency,
			agencies: BoundedVec::truncate_from(alloc::vec![agency]),
			violation,
			legal_basis,
			records,
			freezes: BoundedVec::new(),
			opened_at: now,
			decision_due: now.saturating_add(T::DecisionPeriod::get()),
			rectification: None,
			penalty: None,
			statements: 0,
			steps: 0,
			status: CaseStatus::Open,
		};
		Ok((id, case))
	}

	/// Stores a case `new_case` made, with its indexes and the subject's open-case count.
	fn store_new_case(id: CaseId, case: Case) {
		let (subject, agency, violation) = (case.subject, case.lead, case.violation);
		Cases::<T>::insert(id, case);
		CasesBySubject::<T>::insert(subject, id, ());
		OpenCasesByAgency::<T>::insert(agency, id, ());
		OpenCaseCount::<T>::mutate(subject, |count| {
			*count = Some(count.unwrap_or(0).saturating_add(1))
		});
		NextCaseId::<T>::put(id.saturating_add(1));
		Self::deposit_event(Event::CaseOpened { case: id, subject, lead: agency, violation });
	}

	pub(crate) fn do_join_case(agency: OrgId, id: CaseId) -> DispatchResult {
		let mut case = Self::open_case_of(id)?;
		T::Membership::ensure_jurisdiction(agency, case.subject).map_err(Error::<T>::from)?;
		let regulates_a_domain = Self::agency_kind(agency)
			.is_some_and(|kind| Domain::ALL.into_iter().any(|d| kind.regulates(d)));
		ensure!(regulates_a_domain, Error::<T>::OutsideRemit);
		ensure!(!case.agencies.contains(&agency), Error::<T>::AlreadyJoined);
		case.agencies.try_push(agency).map_err(|_| Error::<T>::TooManyAgencies)?;
		Self::push_step(id, &mut case, agency, Action::Joined)?;
		Cases::<T>::insert(id, case);
		OpenCasesByAgency::<T>::insert(agency, id, ());
		Self::deposit_event(Event::AgencyJoined { case: id, agency });
		Ok(())
	}

	pub(crate) fn do_add_records(agency: OrgId, id: CaseId, records: Records) -> DispatchResult {
		let mut case = Self::open_case_of(id)?;
		Self::ensure_case_agency(&case, agency)?;
		ensure!(!records.is_empty(), Error::<T>::EmptyRecords);
		Self::ensure_distinct(&records, &case.records)?;
		Self::check_records(agency, case.subject, &records)?;
		let count = records.len() as u32;
		for record in records {
			case.records.try_push(record).map_err(|_| Error::<T>::TooManyRecords)?;
		}
		Self::push_step(id, &mut case, agency, Action::RecordsAdded { count })?;
		Cases::<T>::insert(id, case);
		Self::deposit_event(Event::RecordsAdded { case: id, by: agency, count });
		Ok(())
	}

	pub(crate) fn do_note(
		agency: OrgId,
		id: CaseId,
		document: H256,
		evidence: EvidenceList,
	) -> DispatchResult {
		let mut case = Self::open_case_of(id)?;
		Self::ensure_case_agency(&case, agency)?;
		Self::check_evidence(&evidence)?;
		Self::push_step(id, &mut case, agency, Action::Noted { document, evidence })?;
		Cases::<T>::insert(id, case);
		Self::deposit_event(Event::Noted { case: id, by: agency, document });
		Ok(())
	}

	pub(crate) fn do_freeze_records(agency: OrgId, id: CaseId, reason: H256) -> DispatchResult {
		let mut case = Self::open_case_of(id)?;
		ensure!(case.lead == agency, Error::<T>::NotLead);
		let pending: Vec<RecordRef> = case
			.records
			.iter()
			.filter(|r| !case.freezes.iter().any(|f| f.record == **r))
			.copied()
			.collect();
		ensure!(!pending.is_empty(), Error::<T>::NothingToFreeze);
		// Each agency's kind read once, not once per record.
		let kinds: Vec<(OrgId, AgencyKind)> =
			case.agencies.iter().filter_map(|a| Self::agency_kind(*a).map(|k| (*a, k))).collect();
		for record in &pending {
			let regulator = Self::regulator_among(&kinds, *record)?;
			T::Records::freeze(*record, regulator, reason)?;
			let freeze = T::Records::frozen(*record).ok_or(Error::<T>::RecordNotFound)?;
			let made = CaseFreeze { record: *record, freeze };
			case.freezes.try_push(made).map_err(|_| Error::<T>::TooManyRecords)?;
		}
		let count = pending.len() as u32;
		Self::push_step(id, &mut case, agency, Action::Froze { count, reason })?;
		Cases::<T>::insert(id, case);
		Self::deposit_event(Event::RecordsFrozen { case: id, count, reason });
		Ok(())
	}

	pub(crate) fn do_unfreeze_records(agency: OrgId, id: CaseId) -> DispatchResult {
		let mut case = Self::open_case_of(id)?;
		ensure!(case.lead == agency, Error::<T>::NotLead);
		ensure!(!case.freezes.is_empty(), Error::<T>::NothingToLift);
		let count = Self::lift_freezes(&mut case)?;
		Self::push_step(id, &mut case, agency, Action::Lifted { count })?;
		Cases::<T>::insert(id, case);
		Self::deposit_event(Event::RecordsUnfrozen { case: id, count });
		Ok(())
	}

	pub(crate) fn do_order_rectification(
		agency: OrgId,
		id: CaseId,
		requirement: H256,
		deadline: time::Moment,
	) -> DispatchResult {
		let mut case = Self::open_case_of(id)?;
		Self::ensure_case_agency(&case, agency)?;
		ensure!(case.rectification.is_none(), Error::<T>::AlreadyOrdered);
		ensure!(deadline > Self::now(), Error::<T>::InvalidDeadline);
		case.rectification =
			Some(Rectification { by: agency, requirement, deadline, reported: None });
		let action = Action::RectificationOrdered { requirement, deadline };
		Self::push_step(id, &mut case, agency, action)?;
		Cases::<T>::insert(id, case);
		Self::deposit_event(Event::RectificationOrdered {
			case: id,
			by: agency,
			requirement,
			deadline,
		});
		Ok(())
	}

	pub(crate) fn do_report_rectification(
		subject: OrgId,
		id: CaseId,
		report: H256,
		evidence: EvidenceList,
	) -> DispatchResult {
		let mut case = Self::open_case_of(id)?;
		ensure!(case.subject == subject, Error::<T>::NotSubject);
		let now = Self::now();
		let rectification = case.rectification.as_mut().ok_or(Error::<T>::RectificationNotFound)?;
		ensure!(rectification.reported.is_none(), Error::<T>::AlreadyReported);
		rectification.reported = Some((now, report));
		let late = now > rectification.deadline;
		Self::check_own_evidence(subject, &evidence)?;
		Self::push_step(
			id,
			&mut case,
			subject,
			Action::RectificationReported { report, evidence },
		)?;
		Cases::<T>::insert(id, case);
		Self::deposit_event(Event::RectificationReported { case: id, report, late });
		Ok(())
	}

	pub(crate) fn do_submit_statement(
		subject: OrgId,
		id: CaseId,
		statement: H256,
		evidence: EvidenceList,
	) -> DispatchResult {
		let mut case = Self::open_case_of(id)?;
		ensure!(case.subject == subject, Error::<T>::NotSubject);
		ensure!(case.statements < MAX_STATEMENTS, Error::<T>::TooManyStatements);
		Self::check_own_evidence(subject, &evidence)?;
		case.statements += 1;
		Self::push_step(id, &mut case, subject, Action::Stated { statement, evidence })?;
		Cases::<T>::insert(id, case);
		Self::deposit_event(Event::Stated { case: id, statement });
		Ok(())
	}

	pub(crate) fn do_decide_penalty(
		agency: OrgId,
		id: CaseId,
		decision: H256,
		amount: Fen,
		severity: Severity,
	) -> DispatchResult {
		let mut case = Self::open_case_of(id)?;
		Self::ensure_case_agency(&case, agency)?;
		ensure!(case.penalty.is_none(), Error::<T>::AlreadyDecided);
		let now = Self::now();
		let mut penalty = Penalty {
			by: agency,
			decision,
			amount,
			severity,
			decided_at: now,
			appeal_until: now.saturating_add(T::AppealPeriod::get()),
			appeal: None,
			listing: None,
			repair: None,
		};
		let action = Action::PenaltyDecided { decision, amount, severity };
		Self::push_step(id, &mut case, agency, action)?;
		let kind = match case.violation {
			Violation::FundMisuse => DisciplineKind::SpecialFundMisuse,
			_ => DisciplineKind::AdministrativePenalty,
		};
		let serious = severity == Severity::Serious;
		let until = Self::published_until(&penalty);
		let subject = case.subject;
		penalty.listing = T::Discipline::list(subject, agency, kind, serious, id, decision, until)?;
		let listing = penalty.listing;
		case.penalty = Some(penalty);
		Cases::<T>::insert(id, case);
		Self::deposit_event(Event::PenaltyDecided {
			case: id,
			by: agency,
			subject,
			decision,
			amount,
			severity,
			listing,
		});
		Ok(())
	}

	pub(crate) fn do_appeal(
		subject: OrgId,
		id: CaseId,
		grounds: H256,
		evidence: EvidenceList,
	) -> DispatchResult {
		let mut case = Self::open_case_of(id)?;
		ensure!(case.subject == subject, Error::<T>::NotSubject);
		let now = Self::now();
		let penalty = case.penalty.as_mut().ok_or(Error::<T>::PenaltyNotFound)?;
		ensure!(penalty.appeal.is_none(), Error::<T>::AlreadyAppealed);
		ensure!(now <= penalty.appeal_until, Error::<T>::AppealPeriodOver);
		let ruling_due = now.saturating_add(T::RulingPeriod::get());
		penalty.appeal = Some(Appeal { at: now, grounds, ruling_due, ruling: None });
		Self::check_own_evidence(subject, &evidence)?;
		Self::push_step(id, &mut case, subject, Action::Appealed { grounds, evidence })?;
		Cases::<T>::insert(id, case);
		Self::deposit_event(Event::Appealed { case: id, grounds });
		Ok(())
	}

	pub(crate) fn do_uphold_penalty(agency: OrgId, id: CaseId, reasons: H256) -> DispatchResult {
		Self::rule(agency, id, Ruling::Upheld, reasons)?;
		Self::deposit_event(Event::PenaltyUpheld { case: id, reasons });
		Ok(())
	}

	pub(crate) fn do_overturn_penalty(agency: OrgId, id: CaseId, reasons: H256) -> DispatchResult {
		let listing = Self::rule(agency, id, Ruling::Overturned, reasons)?;
		if let Some(listing) = listing {
			T::Discipline::delist(listing, reasons)?;
		}
		Self::deposit_event(Event::PenaltyOverturned { case: id, reasons });
		Ok(())
	}

	pub(crate) fn do_close_case(agency: OrgId, id: CaseId, conclusion: H256) -> DispatchResult {
		let mut case = Self::open_case_of(id)?;
		ensure!(case.lead == agency, Error::<T>::NotLead);
		let pending = case
			.penalty
			.as_ref()
			.and_then(|p| p.appeal.as_ref())
			.is_some_and(|a| a.ruling.is_none());
		ensure!(!pending, Error::<T>::AppealPending);
		let lifted = Self::lift_freezes(&mut case)?;
		Self::push_step(id, &mut case, agency, Action::Closed { conclusion })?;
		case.status = CaseStatus::Closed { at: Self::now(), conclusion };
		for member in &case.agencies {
			OpenCasesByAgency::<T>::remove(member, id);
		}
		OpenCaseCount::<T>::mutate_exists(case.subject, |count| {
			*count = count.and_then(|c| c.checked_sub(1)).filter(|c| *c > 0);
		});
		Cases::<T>::insert(id, case);
		Self::deposit_event(Event::CaseClosed { case: id, conclusion, lifted });
		Ok(())
	}

	pub(crate) fn do_apply_for_repair(
		subject: OrgId,
		id: CaseId,
		statement: H256,
		evidence: EvidenceList,
	) -> DispatchResult {
		let mut case = Cases::<T>::get(id).ok_or(Error::<T>::CaseNotFound)?;
		ensure!(case.subject == subject, Error::<T>::NotSubject);
		let now = Self::now();
		let rectified = case.rectification.is_none_or(|r| r.reported.is_some());
		let penalty = case.penalty.as_mut().ok_or(Error::<T>::PenaltyNotFound)?;
		let listed = penalty.listing.is_some()
			&& penalty.stands()
			&& !penalty.repaired()
			&& now < Self::published_until(penalty);
		ensure!(listed, Error::<T>::NotListed);
		let pending = matches!(penalty.repair, Some(Repair { status: RepairStatus::Pending, .. }));
		ensure!(!pending, Error::<T>::RepairPending);
		let earliest = penalty.decided_at.saturating_add(match penalty.severity {
			Severity::Ordinary => T::OrdinaryRepairAfter::get(),
			Severity::Serious => T::SeriousRepairAfter::get(),
		});
		ensure!(now >= earliest, Error::<T>::RepairTooEarly);
		ensure!(rectified, Error::<T>::RectificationNotReported);
		Self::check_own_evidence(subject, &evidence)?;
		penalty.repair = Some(Repair { applied_at: now, statement, status: RepairStatus::Pending });
		Cases::<T>::insert(id, case);
		Self::deposit_event(Event::RepairApplied { case: id, statement });
		Ok(())
	}

	pub(crate) fn do_grant_repair(agency: OrgId, id: CaseId, reasons: H256) -> DispatchResult {
		let (mut case, listing) = Self::pending_repair(agency, id)?;
		let lenders_told = T::Discipline::repair(listing, reasons)?;
		let status = RepairStatus::Granted { at: Self::now(), reasons, lenders_told };
		Self::set_repair_status(&mut case, status);
		Cases::<T>::insert(id, case);
		Self::deposit_event(Event::RepairGranted { case: id, reasons, lenders_told });
		Ok(())
	}

	pub(crate) fn do_refuse_repair(agency: OrgId, id: CaseId, reasons: H256) -> DispatchResult {
		let (mut case, _) = Self::pending_repair(agency, id)?;
		Self::set_repair_status(&mut case, RepairStatus::Refused { at: Self::now(), reasons });
		Cases::<T>::insert(id, case);
		Self::deposit_event(Event::RepairRefused { case: id, reasons });
		Ok(())
	}

	/// The case `id` and its penalty's listing, if `agency` decided the penalty and a repair of
	/// it awaits its decision. A closed case too: repair comes after the case.
	fn pending_repair(agency: OrgId, id: CaseId) -> Result<(Case, u64), DispatchError> {
		let case = Cases::<T>::get(id).ok_or(Error::<T>::CaseNotFound)?;
		let penalty = case.penalty.as_ref().ok_or(Error::<T>::PenaltyNotFound)?;
		ensure!(penalty.by == agency, Error::<T>::NotDecidingAgency);
		let pending = matches!(penalty.repair, Some(Repair { status: RepairStatus::Pending, .. }));
		ensure!(pending, Error::<T>::RepairNotFound);
		let listing = penalty.listing.ok_or(Error::<T>::NotListed)?;
		Ok((case, listing))
	}

	fn set_repair_status(case: &mut Case, status: RepairStatus) {
		if let Some(repair) = case.penalty.as_mut().and_then(|p| p.repair.as_mut()) {
			repair.status = status;
		}
	}

	/// The ruling on an appeal, by the agency that decided the penalty (one step of
	/// `do_uphold_penalty` and `do_overturn_penalty`); returns the penalty's listing.
	fn rule(
		agency: OrgId,
		id: CaseId,
		ruling: Ruling,
		reasons: H256,
	) -> Result<Option<u64>, DispatchError> {
		let mut case = Self::open_case_of(id)?;
		let now = Self::now();
		let penalty = case.penalty.as_mut().ok_or(Error::<T>::PenaltyNotFound)?;
		ensure!(penalty.by == agency, Error::<T>::NotDecidingAgency);
		let appeal = penalty.appeal.as_mut().ok_or(Error::<T>::AppealNotFound)?;
		ensure!(appeal.ruling.is_none(), Error::<T>::AlreadyRuled);
		appeal.ruling = Some((ruling, now, reasons));
		let listing = penalty.listing;
		Self::push_step(id, &mut case, agency, Action::Ruled { ruling, reasons })?;
		Cases::<T>::insert(id, case);
		Ok(listing)
	}

	/// Lifts every freeze the case made that still stands as it made it (one lifted in its
	/// domain meanwhile, or replaced by another's, is left alone), and forgets them all.
	/// Returns how many it lifted.
	fn lift_freezes(case: &mut Case) -> Result<u32, DispatchError> {
		let mut lifted = 0u32;
		for made in core::mem::take(&mut case.freezes) {
			if T::Records::frozen(made.record) == Some(made.freeze) {
				Self::lift(case, made)?;
				lifted += 1;
			}
		}
		Ok(lifted)
	}

	/// Lifts one freeze of the case in the name of the agency that made it or, if that agency
	/// may no longer (its jurisdiction changed, it was suspended), of another agency of the
	/// case that regulates the record's domain: a case's freeze never outlives the case
	/// because one agency left. The refusal, if none may, is the freezing agency's.
	fn lift(case: &Case, made: CaseFreeze) -> DispatchResult {
		let refusal = match T::Records::unfreeze(made.record, made.freeze.by) {
			Ok(()) => return Ok(()),
			Err(refusal) => refusal,
		};
		let domain = T::Records::supervision(made.record.domain);
		let others = case.agencies.iter().copied().filter(|a| {
			*a != made.freeze.by
				&& domain.is_some_and(|d| Self::agency_kind(*a).is_some_and(|k| k.regulates(d)))
		});
		for agency in others {
			if T::Records::unfreeze(made.record, agency).is_ok() {
				return Ok(());
			}
		}
		Err(refusal)
	}

	/// The agency among the case's (with their kinds) that regulates the record's domain, in
	/// whose name the case freezes it.
	fn regulator_among(
		agencies: &[(OrgId, AgencyKind)],
		record: RecordRef,
	) -> Result<OrgId, DispatchError> {
		let domain = T::Records::supervision(record.domain).ok_or(Error::<T>::RecordNotFound)?;
		agencies
			.iter()
			.find(|(_, kind)| kind.regulates(domain))
			.map(|(agency, _)| *agency)
			.ok_or_else(|| Error::<T>::OutsideRemit.into())
	}

	/// The case `id`, if it exists and is open.
	fn open_case_of(id: CaseId) -> Result<Case, DispatchError> {
		let case = Cases::<T>::get(id).ok_or(Error::<T>::CaseNotFound)?;
		ensure!(case.is_open(), Error::<T>::CaseClosed);
		Ok(case)
	}

	fn ensure_case_agency(case: &Case, agency: OrgId) -> DispatchResult {
		ensure!(case.agencies.contains(&agency), Error::<T>::NotCaseAgency);
		Ok(())
	}

	/// The kind of the active agency `org`.
	fn agency_kind(org: OrgId) -> Option<AgencyKind> {
		match T::Membership::kind(org) {
			Some(OrgKind::Agency(kind)) => Some(kind),
			_ => None,
		}
	}

	/// Refuses a record named twice in `records` or already in `existing`.
	fn ensure_distinct(records: &[RecordRef], existing: &[RecordRef]) -> DispatchResult {
		for (i, record) in records.iter().enumerate() {
			let again = records[..i].contains(record) || existing.contains(record);
			ensure!(!again, Error::<T>::DuplicateRecord);
		}
		ensure!(
			existing.len().saturating_add(records.len()) <= MAX_RECORDS as usize,
			Error::<T>::TooManyRecords
		);
		Ok(())
	}

	/// Each record exists, is about `subject`, and lies in a domain `agency`'s kind reads.
	fn check_records(agency: OrgId, subject: OrgId, records: &[RecordRef]) -> DispatchResult {
		let kind = Self::agency_kind(agency).ok_or(Error::<T>::OutsideRemit)?;
		for record in records {
			let domain =
				T::Records::supervision(record.domain).ok_or(Error::<T>::RecordNotFound)?;
			let about = T::Records::subject(*record).ok_or(Error::<T>::RecordNotFound)?;
			ensure!(kind.reads(domain), Error::<T>::OutsideRemit);
			ensure!(about == subject, Error::<T>::NotAboutSubject);
		}
		Ok(())
	}

	/// Each evidence record is notarized.
	fn check_evidence(evidence: &[u64]) -> DispatchResult {
		for id in evidence {
			ensure!(T::Evidence::evidence(*id).is_some(), Error::<T>::EvidenceNotFound);
		}
		Ok(())
	}

	/// Each evidence record is notarized, and `subject`'s own or admitted by a court: a party's
	/// notarization proves nothing of another's records.
	fn check_own_evidence(subject: OrgId, evidence: &[u64]) -> DispatchResult {
		for id in evidence {
			let found = T::Evidence::evidence(*id).ok_or(Error::<T>::EvidenceNotFound)?;
			ensure!(found.owner == subject || found.admitted, Error::<T>::NotOwnEvidence);
		}
		Ok(())
	}

	/// Appends a step to the case's history. The last place is kept for the close, so that
	/// a full history never keeps a case, and its freezes, open.
	fn push_step(id: CaseId, case: &mut Case, by: OrgId, action: Action) -> DispatchResult {
		let room = if matches!(action, Action::Closed { .. }) { MAX_STEPS } else { MAX_STEPS - 1 };
		ensure!(case.steps < room, Error::<T>::TooManySteps);
		Steps::<T>::insert(id, case.steps, Step { at: Self::now(), by, action });
		case.steps += 1;
		Ok(())
	}
}
