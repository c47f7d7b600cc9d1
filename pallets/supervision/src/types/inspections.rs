//! A random inspection's stored records and call arguments (双随机、一公开).

use alloc::vec::Vec;
use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use frame_support::{traits::ConstU32, BoundedVec};
pub use regchain_primitives::inspection::SampleSize;
use regchain_primitives::{time::Moment, Division, OrgId, OrgKind, RecordSet, Role};
use scale_info::TypeInfo;
use sp_core::H256;

/// Identifies an inspection plan; allocated by the chain from 0, never reused.
pub type PlanId = u64;

/// Most agencies in one plan: its lead and the agencies that joined it (a joint inspection,
/// 跨部门联合抽查, or a witness to the draw).
pub const MAX_PLAN_AGENCIES: u32 = 8;
/// Most inspectors in one plan's pool (执法检查人员名录库 of the plan).
pub const MAX_INSPECTORS: u32 = 32;
/// Most inspectors one `enlistInspectors` names.
pub const MAX_ENLIST: u32 = 16;
/// The largest population one plan draws from: a wider region is inspected by several plans.
pub const MAX_POPULATION: u32 = 10_000;
/// How many entries of the region index one `enumeratePopulation` reads.
pub const POPULATION_PAGE: u32 = 200;
/// How many organizations of the population one `draw` keys.
pub const DRAW_PAGE: u32 = 500;
/// Most targets of one plan.
pub const MAX_TARGETS: u32 = 64;
/// Inspectors assigned to each target (two, by the 2019 rule).
pub const INSPECTORS_PER_TARGET: u32 = 2;
/// Most recusals (回避) for one target.
pub const MAX_RECUSALS: u32 = 4;
/// Fewest agencies whose secrets the draw combines: a single agency could choose among
/// outcomes (see `docs/inspections.md`); a second agency (a joint inspector or a witness)
/// makes the draw unpredictable to each.
pub const MIN_REVEALS: u32 = 2;
/// Most plans waiting for their anchor block (their commit period not over yet).
pub const MAX_PENDING_PLANS: u32 = 64;
/// Most plans of one agency waiting for their anchor: no agency takes the pending places of
/// the others.
pub const MAX_PENDING_PER_AGENCY: u32 = 4;
/// The longest a plan's commit period runs from its opening: a plan holds one of the
/// `MAX_PENDING_PLANS` places until then, so no agency holds places for long.
pub const MAX_COMMIT_PERIOD: Moment = 30 * regchain_primitives::time::DAY;
/// The longest a plan runs, from its opening to its results' deadline.
pub const MAX_PLAN_LENGTH: Moment = 366 * regchain_primitives::time::DAY;

/// An agency taking part in a plan and its part of the draw's randomness.
#[derive(
	Clone, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, Debug,
)]
pub struct Participant {
	/// The agency.
	pub agency: OrgId,
	/// Its commitment (`regchain_primitives::inspection::commitment`), before the commit
	/// deadline.
	pub commitment: Option<H256>,
	/// Its secret, revealed after the commit deadline.
	pub secret: Option<H256>,
	/// Committed and did not reveal in time: its secret is out of the draw and its inspectors
	/// out of the pool, and this names it.
	pub excluded: bool,
}

/// Whom a plan draws from, as `openPlan` states it.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub struct PlanScope {
	/// The division whose members are the population.
	pub region: Division,
	/// Their kind.
	pub kind: OrgKind,
	/// A role they hold, if any.
	pub role: Option<Role>,
	/// A record set they hold, if any.
	pub records: Option<RecordSet>,
}

/// Where the population stands.
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	Debug,
)]
pub enum Enumeration {
	/// Being read from the region index, after this member (none read yet: `None`).
	Reading(Option<(Division, OrgId)>),
	/// Read to its end.
	Complete,
	/// Being read from the index of the plan's record set, after this record (none read yet:
	/// `None`).
	ReadingRecords(Option<u64>),
}

/// Where a plan stands.
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	Debug,
)]
pub enum PlanStatus {
	/// Agencies join, commit, enlist inspectors and read the population (before the commit
	/// deadline), then reveal (before the reveal deadline).
	Open,
	/// The draw is keying the population; `keyed` organizations so far.
	Drawing {
		/// How many of the population are keyed.
		keyed: u32,
	},
	/// The targets and their inspectors are drawn; results are recorded.
	Drawn,
	/// No draw: fewer than `MIN_REVEALS` agencies revealed, or the population was not read
	/// to its end before the commit deadline.
	Lapsed,
	/// Closed by its lead: no more results.
	Closed,
}

/// A random inspection plan (抽查计划): who draws whom, when.
#[derive(
	Clone, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, Debug,
)]
pub struct Plan {
	/// The agency that opened it.
	pub lead: OrgId,
	/// The hash of the plan document (the inspection items, 抽查事项清单).
	pub document: H256,
	/// The division whose members are the population.
	pub region: Division,
	/// Their kind (enterprises or financial institutions).
	pub kind: OrgKind,
	/// A role they must hold, if any (invoice issuers, manufacturers…).
	pub role: Option<Role>,
	/// Records they must hold, if any: the population is then the holders, within the
	/// region, of the kind and role (storage version 3).
	pub records: Option<RecordSet>,
	/// How many are drawn.
	pub sample: SampleSize,
	/// The agencies taking part, the lead first.
	pub participants: BoundedVec<Participant, ConstU32<MAX_PLAN_AGENCIES>>,
	/// Until when agencies join, commit, enlist and read the population.
	pub commit_until: Moment,
	/// Until when they reveal.
	pub reveal_until: Moment,
	/// When results are due (公示 within 20 working days of the inspection).
	pub results_due: Moment,
	/// When it was opened.
	pub opened_at: Moment,
	/// How many inspectors the pool holds.
	pub inspectors: u32,
	/// How many organizations the population holds.
	pub population: u32,
	/// How far the population was read.
	pub enumeration: Enumeration,
	/// The anchor: the number and hash of the first block at or past `commit_until`.
	pub anchor: Option<(u32, H256)>,
	/// The draw's seed, once the reveals are over.
	pub seed: Option<H256>,
	/// How many targets were drawn.
	pub targets: u32,
	/// How many results are recorded.
	pub results: u32,
	/// Where it stands.
	pub status: PlanStatus,
}

impl Plan {
	/// Whether `agency` takes part.
	pub fn has_participant(&self, agency: OrgId) -> bool {
		self.participants.iter().any(|p| p.agency == agency)
	}

	/// The secrets revealed, in the participants' order: the seed's input.
	pub fn secrets(&self) -> Vec<H256> {
		self.participants.iter().filter_map(|p| p.secret).collect()
	}
}

/// What an inspection found.
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	Debug,
)]
pub enum Outcome {
	/// Nothing wrong (未发现问题).
	Passed,
	/// Findings, with the hash of the report (发现问题): the agency follows them up, in a
	/// case where a violation is suspected.
	Findings {
		/// The report's hash.
		report: H256,
	},
	/// The target was not found at its registered address (查无下落 / 通过登记的住所无法联系).
	NotFound,
}

/// An inspection's recorded result.
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	Debug,
)]
pub struct InspectionResult {
	/// What was found.
	pub outcome: Outcome,
	/// The pool index of the inspector who recorded it.
	pub by: u32,
	/// When.
	pub at: Moment,
	/// Recorded after the results' deadline.
	pub late: bool,
}

/// One drawn target and its inspectors.
#[derive(
	Clone, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, Debug,
)]
pub struct Target {
	/// The organization drawn.
	pub org: OrgId,
	/// Its weight in the draw.
	pub weight: u8,
	/// Its draw key (`regchain_primitives::inspection::key`).
	pub key: u64,
	/// Its inspectors, as indices into the plan's pool (fewer than two only if the pool had
	/// no eligible inspector left).
	pub inspectors: BoundedVec<u32, ConstU32<INSPECTORS_PER_TARGET>>,
	/// The inspectors who recused themselves, as pool indices.
	pub recused: BoundedVec<u32, ConstU32<MAX_RECUSALS>>,
	/// The pool indices of its previous inspection's inspectors, barred from this one (kept
	/// so that anyone recomputes the assignment from the plan alone).
	pub barred: BoundedVec<u32, ConstU32<INSPECTORS_PER_TARGET>>,
	/// The next candidate of its inspectors' sequence (`inspection::next_inspector`).
	pub next_attempt: u32,
	/// Its result, once recorded.
	pub result: Option<InspectionResult>,
}

/// An inspector of a plan's pool.
#[derive(
	Clone, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, Debug,
)]
pub struct Inspector<AccountId> {
	/// The officer's account.
	pub account: AccountId,
	/// Its agency.
	pub agency: OrgId,
}

/// A plan as the runtime API shows it: with its overdue results.
#[derive(Clone, PartialEq, Eq, Encode, Decode, TypeInfo, Debug)]
pub struct PlanView {
	/// Its id.
	pub id: PlanId,
	/// The plan.
	pub plan: Plan,
	/// Targets whose result is missing past the results' deadline.
	pub overdue: u32,
}
