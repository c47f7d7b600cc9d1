//! Random inspections (双随机、一公开): plans, the commit–reveal draw, inspectors, results.

use crate::{pallet::*, types::*, weights::WeightInfo};
use alloc::vec::Vec;
use frame_support::{ensure, pallet_prelude::*};
use regchain_primitives::{
	inspection, time::Moment, AgencyKind, CreditStanding, Division, Membership, OrgId, OrgKind,
	PopulationSources, RecordSet, Role,
};
use sp_core::H256;
use sp_runtime::{traits::SaturatedConversion, ArithmeticError};

impl<T: Config> Pallet<T> {
	pub(crate) fn do_open_plan(
		agency: OrgId,
		PlanScope { region, kind, role, records }: PlanScope,
		sample: SampleSize,
		document: H256,
		(commit_until, reveal_until, results_due): (Moment, Moment, Moment),
	) -> DispatchResult {
		let population_kind = matches!(kind, OrgKind::Enterprise | OrgKind::FinancialInstitution);
		ensure!(population_kind && region.is_valid(), Error::<T>::InvalidPopulation);
		ensure!(role.is_none_or(|r| r.may_be_held_by(kind)), Error::<T>::InvalidPopulation);
		ensure!(
			records.is_none_or(|set| T::Population::exists(&set)),
			Error::<T>::InvalidPopulation
		);
		Self::ensure_covers(agency, region)?;
		// Random inspections are the inspecting agencies' (market regulation, customs): the
		// kinds that may hold `Inspector` in law. Others join a plan.
		let inspects = Self::agency_kind_of(agency)
			.is_some_and(|k| Role::Inspector.may_be_held_by(OrgKind::Agency(k)));
		ensure!(inspects, Error::<T>::NotInspector);
		let now = Self::now();
		let ordered =
			now < commit_until && commit_until < reveal_until && reveal_until < results_due;
		let within = results_due.saturating_sub(now) <= MAX_PLAN_LENGTH
			&& commit_until.saturating_sub(now) <= MAX_COMMIT_PERIOD;
		ensure!(ordered && within, Error::<T>::InvalidTimetable);
		let pending_of_agency = PendingPlansOf::<T>::get(agency).unwrap_or(0);
		ensure!(pending_of_agency < MAX_PENDING_PER_AGENCY, Error::<T>::TooManyPendingPlans);
		let id = NextPlanId::<T>::get();
		let next = id.checked_add(1).ok_or(ArithmeticError::Overflow)?;
		let mut pending = PendingAnchors::<T>::get();
		let at = pending.partition_point(|(due, _)| *due <= commit_until);
		pending.try_insert(at, (commit_until, id)).map_err(|_| Error::<T>::TooManyPlans)?;
		let lead = Participant { agency, commitment: None, secret: None, excluded: false };
		let plan = Plan {
			lead: agency,
			document,
			region,
			kind,
			role,
			records,
			sample,
			participants: BoundedVec::truncate_from(alloc::vec![lead]),
			commit_until,
			reveal_until,
			results_due,
			opened_at: now,
			inspectors: 0,
			population: 0,
			enumeration: match records {
				Some(set) if set.indexed() => Enumeration::ReadingRecords(None),
				_ => Enumeration::Reading(None),
			},
			anchor: None,
			seed: None,
			targets: 0,
			results: 0,
			status: PlanStatus::Open,
		};
		PendingAnchors::<T>::put(pending);
		PendingPlansOf::<T>::insert(agency, pending_of_agency + 1);
		Plans::<T>::insert(id, plan);
		PlansByAgency::<T>::insert(agency, id, ());
		NextPlanId::<T>::put(next);
		Self::deposit_event(Event::PlanOpened { plan: id, lead: agency, region, document });
		Ok(())
	}

	pub(crate) fn do_join_plan(agency: OrgId, id: PlanId) -> DispatchResult {
		let mut plan = Self::plan(id)?;
		ensure!(Self::now() < plan.commit_until, Error::<T>::CommitPeriodOver);
		Self::ensure_covers(agency, plan.region)?;
		ensure!(!plan.has_participant(agency), Error::<T>::AlreadyJoined);
		let joined = Participant { agency, commitment: None, secret: None, excluded: false };
		plan.participants.try_push(joined).map_err(|_| Error::<T>::TooManyAgencies)?;
		Plans::<T>::insert(id, plan);
		PlansByAgency::<T>::insert(agency, id, ());
		Self::deposit_event(Event::PlanJoined { plan: id, agency });
		Ok(())
	}

	pub(crate) fn do_commit(agency: OrgId, id: PlanId, commitment: H256) -> DispatchResult {
		let mut plan = Self::plan(id)?;
		let at = Self::participant(&plan, agency)?;
		ensure!(Self::now() < plan.commit_until, Error::<T>::CommitPeriodOver);
		plan.participants[at].commitment = Some(commitment);
		Plans::<T>::insert(id, plan);
		Self::deposit_event(Event::Committed { plan: id, agency, commitment });
		Ok(())
	}

	pub(crate) fn do_enlist_inspectors(
		agency: OrgId,
		id: PlanId,
		accounts: BoundedVec<T::AccountId, ConstU32<MAX_ENLIST>>,
	) -> DispatchResult {
		let mut plan = Self::plan(id)?;
		Self::participant(&plan, agency)?;
		ensure!(Self::now() < plan.commit_until, Error::<T>::CommitPeriodOver);
		ensure!(!accounts.is_empty(), Error::<T>::EmptyInspectors);
		ensure!(T::Membership::org_has_role(agency, Role::Inspector), Error::<T>::NotInspector);
		let pool: Vec<T::AccountId> =
			Inspectors::<T>::iter_prefix_values(id).map(|i| i.account).collect();
		for (i, account) in accounts.iter().enumerate() {
			let of_agency = T::Membership::member(account).is_some_and(|m| m.org == agency);
			ensure!(of_agency, Error::<T>::NotInspector);
			let twice = pool.contains(account) || accounts[..i].contains(account);
			ensure!(!twice, Error::<T>::AlreadyEnlisted);
		}
		let count = accounts.len() as u32;
		let total = plan.inspectors.saturating_add(count);
		ensure!(total <= MAX_INSPECTORS, Error::<T>::TooManyInspectors);
		for (i, account) in accounts.into_iter().enumerate() {
			Inspectors::<T>::insert(id, plan.inspectors + i as u32, Inspector { account, agency });
		}
		plan.inspectors = total;
		Plans::<T>::insert(id, plan);
		Self::deposit_event(Event::InspectorsEnlisted { plan: id, agency, count });
		Ok(())
	}

	pub(crate) fn do_read_population(agency: OrgId, id: PlanId) -> DispatchResult {
		let mut plan = Self::plan(id)?;
		Self::participant(&plan, agency)?;
		ensure!(Self::now() < plan.commit_until, Error::<T>::CommitPeriodOver);
		let added = match (plan.enumeration, plan.records) {
			(Enumeration::Reading(after), _) => Self::read_region(id, &mut plan, after)?,
			(Enumeration::ReadingRecords(after), Some(set)) => {
				Self::read_records(id, &mut plan, set, after)?
			},
			_ => return Err(Error::<T>::PopulationComplete.into()),
		};
		let total = plan.population;
		let complete = plan.enumeration == Enumeration::Complete;
		Plans::<T>::insert(id, plan);
		Self::deposit_event(Event::PopulationRead { plan: id, added, total, complete });
		Ok(())
	}

	/// A page of the region index: the members of the plan's kind, role and (filter) record
	/// set. Returns how many were added.
	fn read_region(
		id: PlanId,
		plan: &mut Plan,
		after: Option<(Division, OrgId)>,
	) -> Result<u32, DispatchError> {
		let page = T::Membership::members_in(plan.region, after, POPULATION_PAGE);
		let complete = (page.len() as u32) < POPULATION_PAGE;
		let mut added = 0u32;
		for (_, org) in page.iter() {
			if plan.records.is_some_and(|set| !T::Population::holds(&set, *org)) {
				continue;
			}
			if Self::add_to_population(id, plan, *org)? {
				added += 1;
			}
		}
		plan.enumeration = match page.last() {
			Some(last) if !complete => Enumeration::Reading(Some(*last)),
			_ => Enumeration::Complete,
		};
		Ok(added)
	}

	/// A page of the record set's index: each holder within the region, of the plan's kind
	/// and role, once however many records it holds. Returns how many were added.
	fn read_records(
		id: PlanId,
		plan: &mut Plan,
		set: RecordSet,
		after: Option<u64>,
	) -> Result<u32, DispatchError> {
		let page = T::Population::holders(&set, after, POPULATION_PAGE);
		let complete = (page.len() as u32) < POPULATION_PAGE;
		let mut added = 0u32;
		for (_, org) in page.iter() {
			let within = T::Membership::region(*org).is_some_and(|r| plan.region.covers(&r));
			if !within || InPopulation::<T>::contains_key(id, org) {
				continue;
			}
			if Self::add_to_population(id, plan, *org)? {
				InPopulation::<T>::insert(id, org, ());
				added += 1;
			}
		}
		plan.enumeration = match page.last() {
			Some((record, _)) if !complete => Enumeration::ReadingRecords(Some(*record)),
			_ => Enumeration::Complete,
		};
		Ok(added)
	}

	/// Adds `org` to the population with its weight, if it is of the plan's kind and role.
	fn add_to_population(id: PlanId, plan: &mut Plan, org: OrgId) -> Result<bool, DispatchError> {
		let Some(weight) = Self::population_weight(plan, org) else { return Ok(false) };
		ensure!(plan.population < MAX_POPULATION, Error::<T>::PopulationTooLarge);
		Population::<T>::insert(id, plan.population, (org, weight));
		plan.population += 1;
		Ok(true)
	}

	/// The weight of `org` in `plan`'s draw, if it is of the plan's kind and holds its role
	/// ([`inspection::weight`] from its listings, open cases and recalls).
	fn population_weight(plan: &Plan, org: OrgId) -> Option<u8> {
		if T::Membership::kind(org) != Some(plan.kind) {
			return None;
		}
		if plan.role.is_some_and(|role| !T::Membership::org_has_role(org, role)) {
			return None;
		}
		let listings = <T::Discipline as CreditStanding>::listings(org);
		let serious = listings.iter().any(|l| l.serious);
		let open_case = OpenCaseCount::<T>::contains_key(org);
		let now = Self::now();
		let recalled = T::Population::latest_recall(org)
			.is_some_and(|at| now.saturating_sub(at) < inspection::RECENT_RECALL);
		Some(inspection::weight(!listings.is_empty(), serious, open_case, recalled))
	}

	pub(crate) fn do_reveal(agency: OrgId, id: PlanId, secret: H256) -> DispatchResult {
		let mut plan = Self::plan(id)?;
		let at = Self::participant(&plan, agency)?;
		let now = Self::now();
		ensure!(now >= plan.commit_until, Error::<T>::CommitPeriodNotOver);
		ensure!(now < plan.reveal_until, Error::<T>::RevealPeriodOver);
		let participant = &mut plan.participants[at];
		let commitment = participant.commitment.ok_or(Error::<T>::CommitmentNotFound)?;
		ensure!(participant.secret.is_none(), Error::<T>::AlreadyRevealed);
		ensure!(
			inspection::commitment(id, agency, &secret) == commitment,
			Error::<T>::RevealMismatch
		);
		participant.secret = Some(secret);
		Plans::<T>::insert(id, plan);
		Self::deposit_event(Event::Revealed { plan: id, agency, secret });
		Ok(())
	}

	pub(crate) fn do_draw(agency: OrgId, id: PlanId) -> DispatchResult {
		let mut plan = Self::plan(id)?;
		Self::participant(&plan, agency)?;
		ensure!(Self::now() >= plan.reveal_until, Error::<T>::RevealPeriodNotOver);
		let keyed = match plan.status {
			PlanStatus::Open => {
				let Some(seed) = Self::start_draw(id, &mut plan)? else {
					Plans::<T>::insert(id, plan);
					return Ok(());
				};
				plan.seed = Some(seed);
				0
			},
			PlanStatus::Drawing { keyed } => keyed,
			_ => return Err(Error::<T>::AlreadyDrawn.into()),
		};
		let seed = plan.seed.ok_or(Error::<T>::AnchorPending)?;
		let end = keyed.saturating_add(DRAW_PAGE).min(plan.population);
		let sample = inspection::sample_size(plan.sample, plan.population, MAX_TARGETS) as usize;
		let mut leaders = Leaders::<T>::get(id).into_inner();
		for position in keyed..end {
			let Some((org, weight)) = Population::<T>::get(id, position) else { continue };
			let key = inspection::key(&seed, org, weight);
			let at =
				leaders.partition_point(|(k, o, _)| inspection::ranks_before((*k, *o), (key, org)));
			if at < sample {
				leaders.insert(at, (key, org, weight));
				leaders.truncate(sample);
			}
		}
		if end < plan.population {
			plan.status = PlanStatus::Drawing { keyed: end };
			Leaders::<T>::insert(id, BoundedVec::truncate_from(leaders));
			Plans::<T>::insert(id, plan);
			Self::deposit_event(Event::DrawProgressed { plan: id, keyed: end });
			return Ok(());
		}
		Leaders::<T>::remove(id);
		Self::assign(id, &mut plan, &seed, leaders);
		plan.status = PlanStatus::Drawn;
		let targets = plan.targets;
		Plans::<T>::insert(id, plan);
		Self::deposit_event(Event::Drawn { plan: id, seed, targets });
		Ok(())
	}

	/// The draw's first step: the agencies that committed and did not reveal are excluded and
	/// named; with fewer than `MIN_REVEALS` secrets, or a population not read to its end, the
	/// plan lapses (`None`); else the seed.
	fn start_draw(id: PlanId, plan: &mut Plan) -> Result<Option<H256>, DispatchError> {
		let (_, anchor) = plan.anchor.ok_or(Error::<T>::AnchorPending)?;
		for participant in plan.participants.iter_mut() {
			if participant.commitment.is_some() && participant.secret.is_none() {
				participant.excluded = true;
				Self::deposit_event(Event::AgencyExcluded { plan: id, agency: participant.agency });
			}
		}
		let secrets = plan.secrets();
		let revealed = secrets.len() as u32;
		if revealed < MIN_REVEALS || plan.enumeration != Enumeration::Complete {
			plan.status = PlanStatus::Lapsed;
			Self::deposit_event(Event::PlanLapsed { plan: id, revealed });
			return Ok(None);
		}
		Ok(Some(inspection::seed(id, &anchor, &secrets)))
	}

	/// Stores the targets (best first) and draws two inspectors for each.
	fn assign(id: PlanId, plan: &mut Plan, seed: &H256, leaders: Vec<(u64, OrgId, u8)>) {
		let pool = Self::pool(id, plan);
		plan.targets = leaders.len() as u32;
		for (index, (key, org, weight)) in leaders.into_iter().enumerate() {
			let index = index as u32;
			let last = LastInspectors::<T>::get(org).unwrap_or_default();
			let barred = (0..pool.len() as u32)
				.filter(|i| pool[*i as usize].as_ref().is_some_and(|p| last.contains(&p.account)))
				.take(INSPECTORS_PER_TARGET as usize)
				.collect::<Vec<_>>();
			let mut target = Target {
				org,
				weight,
				key,
				inspectors: BoundedVec::new(),
				recused: BoundedVec::new(),
				barred: BoundedVec::truncate_from(barred),
				next_attempt: 0,
				result: None,
			};
			for _ in 0..INSPECTORS_PER_TARGET {
				if let Some(inspector) = Self::next_for(seed, index, &mut target, &pool) {
					Self::deposit_event(Event::InspectorAssigned {
						plan: id,
						target: index,
						org,
						inspector,
					});
				}
			}
			LastInspectors::<T>::insert(org, Self::accounts_of(&target, &pool));
			Targets::<T>::insert(id, index, target);
		}
	}

	/// The accounts of the target's inspectors: its last inspectors from now on.
	fn accounts_of(
		target: &Target,
		pool: &[Option<Inspector<T::AccountId>>],
	) -> BoundedVec<T::AccountId, ConstU32<INSPECTORS_PER_TARGET>> {
		let accounts: Vec<T::AccountId> = target
			.inspectors
			.iter()
			.filter_map(|i| pool.get(*i as usize).and_then(|p| p.clone()).map(|p| p.account))
			.collect();
		BoundedVec::truncate_from(accounts)
	}

	/// The plan's pool, by position: `None` for an inspector of an excluded agency.
	fn pool(id: PlanId, plan: &Plan) -> Vec<Option<Inspector<T::AccountId>>> {
		let excluded: Vec<OrgId> =
			plan.participants.iter().filter(|p| p.excluded).map(|p| p.agency).collect();
		(0..plan.inspectors)
			.map(|i| Inspectors::<T>::get(id, i).filter(|p| !excluded.contains(&p.agency)))
			.collect()
	}

	/// Adds to `target` the next eligible inspector of its sequence, if any: of an agency not
	/// excluded, not of the target itself, not barred (its previous inspectors), not recused,
	/// not assigned already.
	fn next_for(
		seed: &H256,
		index: u32,
		target: &mut Target,
		pool: &[Option<Inspector<T::AccountId>>],
	) -> Option<u32> {
		let eligible = |i: u32| {
			pool.get(i as usize).and_then(Option::as_ref).is_some_and(|p| {
				p.agency != target.org
					&& !target.barred.contains(&i)
					&& !target.recused.contains(&i)
					&& !target.inspectors.contains(&i)
			})
		};
		let (inspector, next) = inspection::next_inspector(
			seed,
			index,
			target.next_attempt,
			pool.len() as u32,
			eligible,
		)?;
		target.next_attempt = next;
		target.inspectors.try_push(inspector).ok()?;
		Some(inspector)
	}

	pub(crate) fn do_recuse(account: T::AccountId, id: PlanId, index: u32) -> DispatchResult {
		let plan = Self::plan(id)?;
		ensure!(plan.status == PlanStatus::Drawn, Error::<T>::PlanNotDrawn);
		let mut target = Targets::<T>::get(id, index).ok_or(Error::<T>::TargetNotFound)?;
		let inspector = Self::assigned(id, &target, &account)?;
		ensure!(target.result.is_none(), Error::<T>::AlreadyRecorded);
		target.recused.try_push(inspector).map_err(|_| Error::<T>::TooManyRecusals)?;
		target.inspectors.retain(|i| *i != inspector);
		let seed = plan.seed.ok_or(Error::<T>::PlanNotDrawn)?;
		let pool = Self::pool(id, &plan);
		let replacement = Self::next_for(&seed, index, &mut target, &pool);
		// The replacement, not the recused inspector, is the target's last from now on.
		LastInspectors::<T>::insert(target.org, Self::accounts_of(&target, &pool));
		let org = target.org;
		Targets::<T>::insert(id, index, target);
		Self::deposit_event(Event::InspectorRecused { plan: id, target: index, inspector });
		if let Some(inspector) = replacement {
			Self::deposit_event(Event::InspectorAssigned {
				plan: id,
				target: index,
				org,
				inspector,
			});
		}
		Ok(())
	}

	pub(crate) fn do_record_result(
		account: T::AccountId,
		id: PlanId,
		index: u32,
		outcome: Outcome,
	) -> DispatchResult {
		let mut plan = Self::plan(id)?;
		ensure!(plan.status != PlanStatus::Closed, Error::<T>::PlanClosed);
		ensure!(plan.status == PlanStatus::Drawn, Error::<T>::PlanNotDrawn);
		let mut target = Targets::<T>::get(id, index).ok_or(Error::<T>::TargetNotFound)?;
		let by = Self::assigned(id, &target, &account)?;
		ensure!(target.result.is_none(), Error::<T>::AlreadyRecorded);
		let at = Self::now();
		let late = at > plan.results_due;
		target.result = Some(InspectionResult { outcome, by, at, late });
		plan.results = plan.results.saturating_add(1);
		let org = target.org;
		Targets::<T>::insert(id, index, target);
		Plans::<T>::insert(id, plan);
		Self::deposit_event(Event::ResultRecorded { plan: id, target: index, org, outcome, late });
		Ok(())
	}

	pub(crate) fn do_close_plan(agency: OrgId, id: PlanId, conclusion: H256) -> DispatchResult {
		let mut plan = Self::plan(id)?;
		ensure!(plan.lead == agency, Error::<T>::NotLead);
		match plan.status {
			PlanStatus::Closed => return Err(Error::<T>::PlanClosed.into()),
			PlanStatus::Lapsed => {},
			PlanStatus::Drawn => {
				let done = plan.results == plan.targets || Self::now() > plan.results_due;
				ensure!(done, Error::<T>::ResultsPending);
			},
			PlanStatus::Open | PlanStatus::Drawing { .. } => {
				return Err(Error::<T>::PlanNotDrawn.into())
			},
		}
		plan.status = PlanStatus::Closed;
		Plans::<T>::insert(id, plan);
		Self::deposit_event(Event::PlanClosed { plan: id, conclusion });
		Ok(())
	}

	/// `on_initialize`: the anchors of the plans whose commit period is over by the previous
	/// block's time (what the clock shows before this block's timestamp is set) are that
	/// block's hash — the first block at or past the deadline.
	pub(crate) fn anchor_due_plans() -> Weight {
		let mut pending = PendingAnchors::<T>::get();
		let now = Self::now();
		let due = pending.partition_point(|(at, _)| *at <= now);
		if due == 0 {
			return T::DbWeight::get().reads(1);
		}
		let parent = frame_system::Pallet::<T>::parent_hash();
		let number = frame_system::Pallet::<T>::block_number().saturated_into::<u32>();
		let block = number.saturating_sub(1);
		let hash = H256::from_slice(parent.as_ref());
		for (_, id) in pending.drain(..due) {
			Plans::<T>::mutate(id, |plan| {
				if let Some(plan) = plan {
					plan.anchor = Some((block, hash));
					PendingPlansOf::<T>::mutate_exists(plan.lead, |count| {
						*count = count.and_then(|n| n.checked_sub(1)).filter(|n| *n > 0)
					});
				}
			});
			Self::deposit_event(Event::Anchored { plan: id, block, hash });
		}
		PendingAnchors::<T>::put(pending);
		T::WeightInfo::anchor_plans(due as u32)
	}

	/// The state a call of an inspection plan may add beyond its own bytes, for the byte
	/// quota (`MemberCallPolicy::state_bytes`): a page of the population, the targets of a
	/// draw with their last inspectors, the inspectors enlisted; `None` for a call that stores
	/// no more than a record of its own.
	pub fn state_bytes(call: &Call<T>) -> Option<u32> {
		use codec::MaxEncodedLen;
		// A double map's key: its 32-byte prefix and two Twox64Concat keys of up to 8 bytes.
		let key = 32 + 16 + 16;
		let bytes = match call {
			// A population entry, and for a record set the holder's mark.
			Call::read_population { .. } => POPULATION_PAGE as usize * (2 * key + 5),
			Call::draw { .. } => {
				let last = key
					+ BoundedVec::<T::AccountId, ConstU32<INSPECTORS_PER_TARGET>>::max_encoded_len(
					);
				MAX_TARGETS as usize * (key + Target::max_encoded_len() + last)
			},
			Call::enlist_inspectors { inspectors, .. } => {
				inspectors.len() * (key + Inspector::<T::AccountId>::max_encoded_len())
			},
			_ => return None,
		};
		Some(u32::try_from(bytes).unwrap_or(u32::MAX))
	}

	// --- helpers ---

	fn plan(id: PlanId) -> Result<Plan, DispatchError> {
		Plans::<T>::get(id).ok_or(Error::<T>::PlanNotFound.into())
	}

	/// The position of `agency` among the plan's participants.
	fn participant(plan: &Plan, agency: OrgId) -> Result<usize, DispatchError> {
		plan.participants
			.iter()
			.position(|p| p.agency == agency)
			.ok_or(Error::<T>::NotPlanAgency.into())
	}

	/// The pool index of `account` if it is one of the target's inspectors.
	fn assigned(id: PlanId, target: &Target, account: &T::AccountId) -> Result<u32, DispatchError> {
		target
			.inspectors
			.iter()
			.copied()
			.find(|i| Inspectors::<T>::get(id, i).is_some_and(|p| p.account == *account))
			.ok_or(Error::<T>::NotAssigned.into())
	}

	/// The one jurisdiction check, over the plan's whole region.
	fn ensure_covers(agency: OrgId, region: Division) -> DispatchResult {
		T::Membership::ensure_jurisdiction_over(agency, region)
			.map_err(|e| Error::<T>::from(e).into())
	}

	fn agency_kind_of(org: OrgId) -> Option<AgencyKind> {
		match T::Membership::kind(org) {
			Some(OrgKind::Agency(kind)) => Some(kind),
			_ => None,
		}
	}
}
