//! # Supervision pallet (事中事后监管)
//!
//! The domains record; this pallet supervises across them. An agency opens a **case** (案件)
//! about one organization, naming the records it concerns in any domain — a fund allocation, an
//! invoice, a credit attestation, a batch of goods, an evidence record, a work — and acts on all
//! of them at once: one call freezes them, one call lifts them, through the one freeze of
//! `regchain_primitives::freeze` (each domain's own checks, events and refusals). The agencies
//! of every domain the case touches join it, and each record is frozen in the name of the one
//! that regulates its domain: authority stays where the law puts it, and the silos no longer
//! stand between the agencies. It also runs **random inspections** (双随机、一公开): a plan
//! draws its targets and inspectors from inputs no single agency controls, and anyone holding
//! the chain's data recomputes the draw (`docs/inspections.md`).
//!
//! ## Actors and terms
//! - **Agencies** ([`Config::AgencyOrigin`]) open a case about an organization within their
//!   jurisdiction, citing a kind of violation, the hash of the legal basis and notarized
//!   evidence, and naming records of the domains their kind reads (`AgencyKind::reads`; market
//!   regulation reads every domain). Another agency with jurisdiction over the subject whose
//!   kind regulates a domain joins the case of its own accord: by joining it agrees that the
//!   case's freezes of records of its domain act in its name. Any agency of the case adds
//!   records (of domains its kind reads), puts documents on the file, orders rectification
//!   (责令整改) with a deadline in on-chain time and decides a penalty (决定书 hash, fine in
//!   fen, ordinary or serious); the lead freezes the case's records, lifts its freezes and
//!   closes the case, which lifts whatever it still holds frozen: no case freeze outlives its
//!   case.
//! - **The subject** ([`Config::AnswerOrigin`], an account of the organization, suspended or
//!   not: a suspension does not cut off its answers) states its case
//!   (陈述申辩, at most [`MAX_STATEMENTS`] times), reports a rectification done, and appeals
//!   (复议) a penalty within [`Config::AppealPeriod`] of the decision, each with its own
//!   evidence (notarized by itself, or admitted by a court); the deciding agency upholds or
//!   overturns within [`Config::RulingPeriod`].
//! - **Anyone** sees a case's missed deadlines (a decision past [`Config::DecisionPeriod`], a
//!   rectification past its deadline, a ruling past its date) through the runtime API, and the
//!   penalties that stand within their publication period (公示: one year for an ordinary
//!   penalty, three for a serious one), and nothing else of a case.
//!
//! ## Invariants (checked by `try_state`)
//! - Every case id is below `NextCaseId`; its history holds exactly `steps` steps, at most
//!   [`MAX_STEPS`]; its statements are at most [`MAX_STATEMENTS`].
//! - Every case is indexed under its subject, and every open case under each of its agencies
//!   (and a closed one under none); every index entry names such a case.
//! - The lead is the first agency; agencies are distinct; records are distinct; every case
//!   freeze is of a record of the case; a closed case holds no freeze.
//! - A penalty's appeal, if any, was filed within its appeal period.
//! - `OpenCaseCount` counts each subject's open cases.
//! - A plan's lead is its first participant; participants are distinct and indexed; an
//!   excluded agency revealed nothing; a plan waits in `PendingAnchors` (kept in deadline order)
//!   exactly while it has no anchor; its population, pool, targets and results are of their
//!   counts and bounds; a target's inspectors are distinct pool positions, none recused; only a
//!   drawn (or closed) plan has targets, only a drawing one has leaders; a plan of a record
//!   set read from its index holds each holder once, as `InPopulation` marks.
//! - `PendingPlansOf` counts each agency's plans waiting for their anchor.
//! - A case opened on a finding is about the target, whose result records findings.
//! - Every discipline listing in force that names a case is that case's penalty's listing,
//!   about its subject, and the penalty stands unrepaired (no listing outlives its decision).
//!
//! ## Random inspections
//! Market regulation or customs (the kinds that may hold `Inspector` in law), within its
//! jurisdiction, opens a plan over the enterprises (or financial institutions) of a division —
//! all of them, those holding a role, or those holding records of a set (a special-fund
//! program's recipients, a product class's makers, the issuers invoicing above an amount in a
//! tax period); other agencies join; each commits to a secret, inspecting agencies enlist their
//! inspectors, and the population is read from the region index (or the record set's) with
//! each member's weight (its listings, open cases and a recall within a year) — all before the
//! commit deadline. An agency leads at most [`MAX_PENDING_PER_AGENCY`] plans in their commit
//! period. The first block at or past it is the
//! anchor (`on_initialize`). After the reveals the draw (paged) seeds
//! `regchain_primitives::inspection` with the anchor and the revealed secrets, excludes and
//! names the agencies that withheld theirs (lapsing the plan below [`MIN_REVEALS`]), takes the
//! largest weighted keys as targets and two inspectors each, none of the target's last
//! inspection; an inspector recuses (replaced by the next of the same sequence) or records the
//! result; an agency of the plan opens a case on a target's findings (one case a finding,
//! its history starting with the finding); the lead closes the plan.
//!
//! ## On chain, and who reads it
//! Every node holds all state. On chain: who the case is about, which agencies act in it, the
//! kind of violation, the records it names (their ids, never their content), the hashes of the
//! legal basis, documents, orders, statements, decisions and rulings (the documents stay with
//! the agency and the subject), fines in fen and every date. Outside the agencies' nodes the
//! query gateway shows a case to its subject and to agencies with jurisdiction over it, and to
//! the public only the standing penalties within their publication period. A plan, its
//! agencies' commitments and revealed secrets, the anchor, the pool's accounts, the targets,
//! their inspectors and results (report hashes) are public; its population — whose weights
//! would tell of open cases — is served to agencies only.
#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

pub use pallet::*;

regchain_primitives::jurisdiction_errors!();

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
mod impls;
pub mod migrations;
#[cfg(test)]
mod mock;
pub mod runtime_api;
#[cfg(test)]
mod tests;
pub mod types;
pub mod weights;

pub use regchain_primitives::OrgId;
pub use types::*;
pub use weights::WeightInfo;

/// Benchmarks: what the benchmarks cannot make through `Config`.
#[cfg(feature = "runtime-benchmarks")]
pub trait BenchmarkHelper {
	/// A new record about `subject` that the runtime's `Records` keep and may freeze.
	fn make_record(subject: OrgId) -> regchain_primitives::RecordRef;

	/// A record set read from its index that names `holders`, a record each, in this order.
	fn make_record_set(holders: &[OrgId]) -> regchain_primitives::RecordSet;

	/// A record set read from the region that `holders` are in.
	fn make_filter_set(holders: &[OrgId]) -> regchain_primitives::RecordSet;

	/// Goods `maker` made recalled now.
	fn make_recall(maker: OrgId);
}

#[frame_support::pallet]
pub mod pallet {
	use super::*;
	use frame_support::pallet_prelude::*;
	use frame_support::traits::UnixTime;
	use frame_system::pallet_prelude::*;
	use regchain_primitives::{time::Moment, Division, Fen, OrgKind, RecordSet, Role};
	use sp_core::H256;

	/// The storage layout's version; a migration bumps it with the layout.
	pub const STORAGE_VERSION: StorageVersion = StorageVersion::new(3);

	#[pallet::pallet]
	#[pallet::storage_version(STORAGE_VERSION)]
	pub struct Pallet<T>(_);

	#[pallet::config]
	pub trait Config: frame_system::Config {
		/// An agency of any kind; success value: the account and its organization. What it
		/// may do in a case is decided by its jurisdiction and its kind's remit.
		type AgencyOrigin: EnsureOrigin<Self::RuntimeOrigin, Success = (Self::AccountId, OrgId)>;

		/// An account of an active or suspended organization (`EnsureAnswerer`): the subject of
		/// a case answers through it, and a suspension does not cut off its answers while the
		/// case's deadlines run.
		type AnswerOrigin: EnsureOrigin<Self::RuntimeOrigin, Success = (Self::AccountId, OrgId)>;

		/// Who is who: agencies' kinds and jurisdictions.
		type Membership: regchain_primitives::Membership<Self::AccountId>;

		/// The records of every domain that a case names and freezes (the runtime's
		/// `configs::FreezableDomains`).
		type Records: regchain_primitives::FreezableRecords;

		/// Notarized evidence, which filings cite.
		type Evidence: regchain_primitives::EvidenceRecords;

		/// Joint discipline: a penalty decided lists the enterprise (a credit attestation in
		/// the deciding agency's name, the credit pallet's), until the penalty's publication
		/// ends; overturned, the listing is revoked. Its listings in force are read back by
		/// `try_state` only.
		type Discipline: regchain_primitives::DisciplineRecords
			+ regchain_primitives::CreditStanding;

		/// What a random inspection reads of the domains: the holders of a record set (a
		/// program's recipients, a class's makers, the larger invoicers of a period) and each
		/// maker's latest recall (the runtime's, over funds, provenance and invoices).
		type Population: regchain_primitives::PopulationSources;

		/// The chain's clock (`pallet-timestamp`): every date of a case.
		type UnixTime: UnixTime;

		/// How long after opening a case its decision is due (ninety days).
		#[pallet::constant]
		type DecisionPeriod: Get<Moment>;

		/// How long after a penalty decision the subject may appeal (sixty days, 行政复议法).
		#[pallet::constant]
		type AppealPeriod: Get<Moment>;

		/// How long after an appeal its ruling is due (sixty days).
		#[pallet::constant]
		type RulingPeriod: Get<Moment>;

		/// How long after an ordinary penalty's decision its subject may apply for credit
		/// repair (three months: the NDRC's minimum publication).
		#[pallet::constant]
		type OrdinaryRepairAfter: Get<Moment>;

		/// How long after a serious penalty's decision (one year).
		#[pallet::constant]
		type SeriousRepairAfter: Get<Moment>;

		/// Weights of this pallet's calls, from its benchmarks.
		type WeightInfo: WeightInfo;

		/// Benchmarks: records to name in cases.
		#[cfg(feature = "runtime-benchmarks")]
		type BenchmarkHelper: crate::BenchmarkHelper;
	}

	/// The next case's id.
	#[pallet::storage]
	pub type NextCaseId<T: Config> = StorageValue<_, CaseId, ValueQuery>;

	/// Every case. Twox64Concat: ids are allocated by the chain.
	#[pallet::storage]
	pub type Cases<T: Config> = StorageMap<_, Twox64Concat, CaseId, Case>;

	/// Each case's history, by case and step number (from 0).
	#[pallet::storage]
	pub type Steps<T: Config> = StorageDoubleMap<_, Twox64Concat, CaseId, Twox64Concat, u32, Step>;

	/// The cases about each organization, open or closed.
	#[pallet::storage]
	pub type CasesBySubject<T: Config> =
		StorageDoubleMap<_, Twox64Concat, OrgId, Twox64Concat, CaseId, ()>;

	/// The open cases of each agency acting in them.
	#[pallet::storage]
	pub type OpenCasesByAgency<T: Config> =
		StorageDoubleMap<_, Twox64Concat, OrgId, Twox64Concat, CaseId, ()>;

	/// How many open cases are about each organization (absent: none): a random inspection
	/// weighs an organization under an open case more (storage version 2).
	#[pallet::storage]
	pub type OpenCaseCount<T: Config> = StorageMap<_, Twox64Concat, OrgId, u32>;

	/// The next inspection plan's id.
	#[pallet::storage]
	pub type NextPlanId<T: Config> = StorageValue<_, PlanId, ValueQuery>;

	/// Every inspection plan.
	#[pallet::storage]
	pub type Plans<T: Config> = StorageMap<_, Twox64Concat, PlanId, Plan>;

	/// The plans each agency takes part in.
	#[pallet::storage]
	pub type PlansByAgency<T: Config> =
		StorageDoubleMap<_, Twox64Concat, OrgId, Twox64Concat, PlanId, ()>;

	/// Each plan's population, by position: the organization and its weight in the draw.
	#[pallet::storage]
	pub type Population<T: Config> =
		StorageDoubleMap<_, Twox64Concat, PlanId, Twox64Concat, u32, (OrgId, u8)>;

	/// Each plan's pool of inspectors, by position.
	#[pallet::storage]
	pub type Inspectors<T: Config> =
		StorageDoubleMap<_, Twox64Concat, PlanId, Twox64Concat, u32, Inspector<T::AccountId>>;

	/// While a plan draws: the targets leading so far, best first (key, organization, weight).
	#[pallet::storage]
	pub type Leaders<T: Config> = StorageMap<
		_,
		Twox64Concat,
		PlanId,
		BoundedVec<(u64, OrgId, u8), ConstU32<MAX_TARGETS>>,
		ValueQuery,
	>;

	/// Each plan's targets, in the order drawn.
	#[pallet::storage]
	pub type Targets<T: Config> =
		StorageDoubleMap<_, Twox64Concat, PlanId, Twox64Concat, u32, Target>;

	/// The inspectors (accounts) of each organization's latest inspection: not drawn for it
	/// again in the next.
	#[pallet::storage]
	pub type LastInspectors<T: Config> = StorageMap<
		_,
		Twox64Concat,
		OrgId,
		BoundedVec<T::AccountId, ConstU32<INSPECTORS_PER_TARGET>>,
	>;

	/// The plans whose commit period runs, by its end, soonest first: the block that starts
	/// at or after the end records the plan's anchor (`on_initialize`).
	#[pallet::storage]
	pub type PendingAnchors<T: Config> =
		StorageValue<_, BoundedVec<(Moment, PlanId), ConstU32<MAX_PENDING_PLANS>>, ValueQuery>;

	/// How many plans each agency leads in their commit period (absent: none; storage
	/// version 3): at most `MAX_PENDING_PER_AGENCY`.
	#[pallet::storage]
	pub type PendingPlansOf<T: Config> = StorageMap<_, Twox64Concat, OrgId, u32>;

	/// The members already in each plan read from a record set (a holder of several records
	/// enters once).
	#[pallet::storage]
	pub type InPopulation<T: Config> =
		StorageDoubleMap<_, Twox64Concat, PlanId, Twox64Concat, OrgId, ()>;

	/// The case opened on each target's findings (one a finding).
	#[pallet::storage]
	pub type FindingCases<T: Config> =
		StorageDoubleMap<_, Twox64Concat, PlanId, Twox64Concat, u32, CaseId>;

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// An agency opened a case about an organization.
		CaseOpened { case: CaseId, subject: OrgId, lead: OrgId, violation: Violation },
		/// An agency joined a case.
		AgencyJoined { case: CaseId, agency: OrgId },
		/// Records were added to a case.
		RecordsAdded { case: CaseId, by: OrgId, count: u32 },
		/// An agency put a document on a case's file.
		Noted { case: CaseId, by: OrgId, document: H256 },
		/// A case froze records (each domain also emitted its own `Frozen`).
		RecordsFrozen { case: CaseId, count: u32, reason: H256 },
		/// A case lifted its freezes (each domain also emitted its own `Unfrozen`).
		RecordsUnfrozen { case: CaseId, count: u32 },
		/// An agency ordered the subject to rectify by `deadline`.
		RectificationOrdered { case: CaseId, by: OrgId, requirement: H256, deadline: Moment },
		/// The subject reported the rectification done.
		RectificationReported { case: CaseId, report: H256, late: bool },
		/// The subject filed a statement (陈述申辩).
		Stated { case: CaseId, statement: H256 },
		/// An agency decided a penalty; `listing` is the credit attestation that lists the
		/// enterprise (none for a subject that is no enterprise).
		PenaltyDecided {
			case: CaseId,
			by: OrgId,
			subject: OrgId,
			decision: H256,
			amount: Fen,
			severity: Severity,
			listing: Option<u64>,
		},
		/// The subject appealed the penalty.
		Appealed { case: CaseId, grounds: H256 },
		/// The deciding agency upheld the penalty on appeal.
		PenaltyUpheld { case: CaseId, reasons: H256 },
		/// The deciding agency set the penalty aside on appeal.
		PenaltyOverturned { case: CaseId, reasons: H256 },
		/// The subject applied for credit repair of the penalty's listing.
		RepairApplied { case: CaseId, statement: H256 },
		/// The deciding agency granted the repair: the listing ended, `lenders_told` lenders
		/// were told.
		RepairGranted { case: CaseId, reasons: H256, lenders_told: u32 },
		/// The deciding agency refused the repair.
		RepairRefused { case: CaseId, reasons: H256 },
		/// The lead closed the case, lifting `lifted` freezes it still held.
		CaseClosed { case: CaseId, conclusion: H256, lifted: u32 },
		/// An agency opened a random inspection plan.
		PlanOpened { plan: PlanId, lead: OrgId, region: Division, document: H256 },
		/// An agency joined a plan.
		PlanJoined { plan: PlanId, agency: OrgId },
		/// An agency committed to its secret.
		Committed { plan: PlanId, agency: OrgId, commitment: H256 },
		/// An agency put `count` of its inspectors into the plan's pool.
		InspectorsEnlisted { plan: PlanId, agency: OrgId, count: u32 },
		/// A page of the population was read: `added` organizations, `total` so far.
		PopulationRead { plan: PlanId, added: u32, total: u32, complete: bool },
		/// The plan's anchor block was fixed (its commit period is over).
		Anchored { plan: PlanId, block: u32, hash: H256 },
		/// An agency revealed its secret.
		Revealed { plan: PlanId, agency: OrgId, secret: H256 },
		/// An agency committed and did not reveal in time: its secret and inspectors are out.
		AgencyExcluded { plan: PlanId, agency: OrgId },
		/// The plan lapsed without a draw (too few reveals, or its population not read).
		PlanLapsed { plan: PlanId, revealed: u32 },
		/// The draw keyed `keyed` of the population so far.
		DrawProgressed { plan: PlanId, keyed: u32 },
		/// The draw is done: `targets` targets under the seed.
		Drawn { plan: PlanId, seed: H256, targets: u32 },
		/// An inspector was assigned to a target (drawn, or replacing a recused one).
		InspectorAssigned { plan: PlanId, target: u32, org: OrgId, inspector: u32 },
		/// An inspector recused itself from a target (回避).
		InspectorRecused { plan: PlanId, target: u32, inspector: u32 },
		/// An inspector recorded a target's result.
		ResultRecorded { plan: PlanId, target: u32, org: OrgId, outcome: Outcome, late: bool },
		/// The lead closed the plan.
		PlanClosed { plan: PlanId, conclusion: H256 },
		/// An agency of the plan opened a case on a target's findings.
		CaseFromFinding { case: CaseId, plan: PlanId, target: u32 },
	}

	#[pallet::error]
	pub enum Error<T> {
		/// No case with this id.
		CaseNotFound,
		/// The case is closed: nothing in it changes.
		CaseClosed,
		/// Only an agency acting in the case does this: join it first.
		NotCaseAgency,
		/// Only the agency that opened the case does this.
		NotLead,
		/// Only the organization the case is about does this.
		NotSubject,
		/// An agency does not open a case about itself.
		OwnOrganization,
		/// The agency's kind does not read the record's domain (or, to join, regulates no
		/// domain; or, for a freeze, no agency of the case regulates it: let its regulator join).
		OutsideRemit,
		/// A case names at least one record.
		EmptyRecords,
		/// No such record in its domain.
		RecordNotFound,
		/// The record is about another organization than the case's subject.
		NotAboutSubject,
		/// A record is named twice, or is in the case already.
		DuplicateRecord,
		/// The case would name more than `MAX_RECORDS` records.
		TooManyRecords,
		/// No notarized evidence record with this id.
		EvidenceNotFound,
		/// The subject cites evidence that is neither its own nor admitted by a court.
		NotOwnEvidence,
		/// The agency acts in the case already.
		AlreadyJoined,
		/// The case has `MAX_AGENCIES` agencies already.
		TooManyAgencies,
		/// Every record of the case is frozen by it already.
		NothingToFreeze,
		/// The case holds no freeze to lift.
		NothingToLift,
		/// A deadline must be in the future.
		InvalidDeadline,
		/// A rectification was ordered already.
		AlreadyOrdered,
		/// No rectification was ordered.
		RectificationNotFound,
		/// The rectification was reported done already.
		AlreadyReported,
		/// A penalty was decided already.
		AlreadyDecided,
		/// No penalty was decided.
		PenaltyNotFound,
		/// The appeal period is over.
		AppealPeriodOver,
		/// The penalty was appealed already.
		AlreadyAppealed,
		/// The penalty was not appealed.
		AppealNotFound,
		/// The appeal was ruled on already.
		AlreadyRuled,
		/// Only the agency that decided the penalty rules on its appeal.
		NotDecidingAgency,
		/// An appeal awaits its ruling: the case closes after it.
		AppealPending,
		/// The case's history holds `MAX_STEPS` steps.
		TooManySteps,
		/// The subject filed `MAX_STATEMENTS` statements in this case.
		TooManyStatements,
		/// The agency has no jurisdiction over the organization.
		OutsideJurisdiction,
		/// No organization with this id.
		OrganizationNotFound,
		/// The penalty lists no one now (none decided, overturned, repaired, or its
		/// publication over): there is nothing to repair.
		NotListed,
		/// A repair awaits the deciding agency.
		RepairPending,
		/// Repair is open once the minimum publication has passed (three months for an
		/// ordinary penalty, a year for a serious one).
		RepairTooEarly,
		/// The order to rectify has not been reported done.
		RectificationNotReported,
		/// No repair awaits a decision.
		RepairNotFound,
		/// No inspection plan with this id.
		PlanNotFound,
		/// Only an agency taking part in the plan does this: join it first.
		NotPlanAgency,
		/// A population is of enterprises or financial institutions, of a valid division, of a
		/// record set that exists (a program, a class, a calendar month).
		InvalidPopulation,
		/// The timetable must run now < commit deadline < reveal deadline < results' deadline,
		/// the commit period within 30 days, the whole within a year.
		InvalidTimetable,
		/// `MAX_PENDING_PLANS` plans are in their commit period: wait for one to end.
		TooManyPlans,
		/// The commit period is over: no more joining, commitments, inspectors or population.
		CommitPeriodOver,
		/// Reveals start when the commit period is over.
		CommitPeriodNotOver,
		/// The reveal period is over.
		RevealPeriodOver,
		/// The draw starts when the reveal period is over.
		RevealPeriodNotOver,
		/// The agency committed to no secret in this plan.
		CommitmentNotFound,
		/// The secret does not match the agency's commitment.
		RevealMismatch,
		/// The agency revealed already.
		AlreadyRevealed,
		/// The account is not an inspector of the agency (an account of it, the agency holding
		/// the `Inspector` role); or, to open a plan, the agency's kind does not inspect in law.
		NotInspector,
		/// The inspector is in the pool already.
		AlreadyEnlisted,
		/// The pool holds `MAX_INSPECTORS` inspectors.
		TooManyInspectors,
		/// Nothing to enlist.
		EmptyInspectors,
		/// The population is read to its end already.
		PopulationComplete,
		/// The population passes `MAX_POPULATION`: open plans of narrower regions.
		PopulationTooLarge,
		/// The plan's anchor block is not recorded yet: try in the next block.
		AnchorPending,
		/// The plan is drawn, lapsed or closed already.
		AlreadyDrawn,
		/// The plan is not drawn.
		PlanNotDrawn,
		/// The plan is closed: no more results.
		PlanClosed,
		/// No target at this position of the plan.
		TargetNotFound,
		/// Only an inspector assigned to the target does this.
		NotAssigned,
		/// The target's result is recorded already.
		AlreadyRecorded,
		/// The target had `MAX_RECUSALS` recusals.
		TooManyRecusals,
		/// The plan closes once every result is in or its deadline passed.
		ResultsPending,
		/// The agency leads `MAX_PENDING_PER_AGENCY` plans in their commit period already.
		TooManyPendingPlans,
		/// The target's result records no findings.
		NoFindings,
		/// A case was opened on these findings already.
		FindingCaseOpened,
	}

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// Open a case about `subject`, naming the records it concerns in any domain.
		///
		/// - Origin: an agency (`AgencyOrigin`) with jurisdiction over `subject`, whose kind
		///   reads the domain of every record; it leads the case.
		/// - `legal_basis`: the hash of the articles cited.
		/// - `evidence`: notarized evidence records (any owner's: an agency's evidence is often
		///   a complainant's).
		/// - `records`: at least one, each about `subject`, none twice.
		///
		/// Errors: `OrganizationNotFound`, `OutsideJurisdiction`, `OwnOrganization`,
		/// `EmptyRecords`, `DuplicateRecord`, `RecordNotFound`, `NotAboutSubject`,
		/// `OutsideRemit`, `EvidenceNotFound`. Events: `CaseOpened`.
		/// Complexity: O(records + evidence).
		#[pallet::call_index(0)]
		#[pallet::weight(T::WeightInfo::open_case(records.len() as u32, evidence.len() as u32))]
		pub fn open_case(
			origin: OriginFor<T>,
			subject: OrgId,
			violation: Violation,
			legal_basis: H256,
			evidence: EvidenceList,
			records: Records,
		) -> DispatchResult {
			let (_, agency) = T::AgencyOrigin::ensure_origin(origin)?;
			Self::do_open_case(agency, subject, violation, legal_basis, evidence, records)
		}

		/// Join a case: its freezes of records of the domains this agency's kind regulates then
		/// act in this agency's name.
		///
		/// - Origin: an agency (`AgencyOrigin`) with jurisdiction over the subject whose kind
		///   regulates a domain.
		///
		/// Errors: `CaseNotFound`, `CaseClosed`, `OutsideJurisdiction`, `OutsideRemit`,
		/// `AlreadyJoined`, `TooManyAgencies`, `TooManySteps`. Events: `AgencyJoined`.
		#[pallet::call_index(1)]
		#[pallet::weight(T::WeightInfo::join_case())]
		pub fn join_case(origin: OriginFor<T>, case: CaseId) -> DispatchResult {
			let (_, agency) = T::AgencyOrigin::ensure_origin(origin)?;
			Self::do_join_case(agency, case)
		}

		/// Add records to a case.
		///
		/// - Origin: an agency of the case whose kind reads the domain of every record.
		///
		/// Errors: `CaseNotFound`, `CaseClosed`, `NotCaseAgency`, `EmptyRecords`,
		/// `DuplicateRecord`, `TooManyRecords`, `RecordNotFound`, `NotAboutSubject`,
		/// `OutsideRemit`, `TooManySteps`. Events: `RecordsAdded`. Complexity: O(records).
		#[pallet::call_index(2)]
		#[pallet::weight(T::WeightInfo::add_records(records.len() as u32))]
		pub fn add_records(origin: OriginFor<T>, case: CaseId, records: Records) -> DispatchResult {
			let (_, agency) = T::AgencyOrigin::ensure_origin(origin)?;
			Self::do_add_records(agency, case, records)
		}

		/// Put a document on the case's file (an inspection report, a hearing's minutes).
		///
		/// - Origin: an agency of the case.
		///
		/// Errors: `CaseNotFound`, `CaseClosed`, `NotCaseAgency`, `EvidenceNotFound`,
		/// `TooManySteps`. Events: `Noted`. Complexity: O(evidence).
		#[pallet::call_index(3)]
		#[pallet::weight(T::WeightInfo::note(evidence.len() as u32))]
		pub fn note(
			origin: OriginFor<T>,
			case: CaseId,
			document: H256,
			evidence: EvidenceList,
		) -> DispatchResult {
			let (_, agency) = T::AgencyOrigin::ensure_origin(origin)?;
			Self::do_note(agency, case, document, evidence)
		}

		/// Freeze every record of the case it has not frozen yet, in one call, each in the name
		/// of the case's agency that regulates its domain.
		///
		/// All or nothing: if one record cannot be frozen (frozen already by its domain, no
		/// agency of the case regulates it) nothing is, and the refusal is that record's.
		///
		/// - Origin: the case's lead.
		/// - `reason`: the hash of the decision to freeze.
		///
		/// Errors: `CaseNotFound`, `CaseClosed`, `NotLead`, `NothingToFreeze`, `OutsideRemit`,
		/// `TooManySteps`, and a domain's own refusals (`AlreadyFrozen`, `OutsideJurisdiction`
		/// of its pallet). Events: `RecordsFrozen`, and each domain's `Frozen`.
		/// Complexity: O(records).
		#[pallet::call_index(4)]
		#[pallet::weight(T::WeightInfo::freeze_records(MAX_RECORDS))]
		pub fn freeze_records(origin: OriginFor<T>, case: CaseId, reason: H256) -> DispatchResult {
			let (_, agency) = T::AgencyOrigin::ensure_origin(origin)?;
			Self::do_freeze_records(agency, case, reason)
		}

		/// Lift every freeze the case made, in one call. A freeze already lifted in its domain
		/// (by the same regulator) is skipped.
		///
		/// - Origin: the case's lead.
		///
		/// Errors: `CaseNotFound`, `CaseClosed`, `NotLead`, `NothingToLift`, `TooManySteps`.
		/// Events: `RecordsUnfrozen`, and each domain's `Unfrozen`. Complexity: O(records).
		#[pallet::call_index(5)]
		#[pallet::weight(T::WeightInfo::unfreeze_records(MAX_RECORDS))]
		pub fn unfreeze_records(origin: OriginFor<T>, case: CaseId) -> DispatchResult {
			let (_, agency) = T::AgencyOrigin::ensure_origin(origin)?;
			Self::do_unfreeze_records(agency, case)
		}

		/// Order the subject to rectify (责令整改) by `deadline`.
		///
		/// - Origin: an agency of the case.
		/// - `requirement`: the hash of the order.
		/// - `deadline`: in on-chain time, after now.
		///
		/// Errors: `CaseNotFound`, `CaseClosed`, `NotCaseAgency`, `InvalidDeadline`,
		/// `AlreadyOrdered`, `TooManySteps`. Events: `RectificationOrdered`.
		#[pallet::call_index(6)]
		#[pallet::weight(T::WeightInfo::order_rectification())]
		pub fn order_rectification(
			origin: OriginFor<T>,
			case: CaseId,
			requirement: H256,
			deadline: Moment,
		) -> DispatchResult {
			let (_, agency) = T::AgencyOrigin::ensure_origin(origin)?;
			Self::do_order_rectification(agency, case, requirement, deadline)
		}

		/// Report the rectification done, with evidence. A report after the deadline is
		/// recorded as late.
		///
		/// - Origin: an account of the case's subject (`AnswerOrigin`).
		/// - `evidence`: the subject's own notarized records, or records a court admitted.
		///
		/// Errors: `CaseNotFound`, `CaseClosed`, `NotSubject`, `RectificationNotFound`,
		/// `AlreadyReported`, `EvidenceNotFound`, `NotOwnEvidence`, `TooManySteps`.
		/// Events: `RectificationReported`. Complexity: O(evidence).
		#[pallet::call_index(7)]
		#[pallet::weight(T::WeightInfo::report_rectification(evidence.len() as u32))]
		pub fn report_rectification(
			origin: OriginFor<T>,
			case: CaseId,
			report: H256,
			evidence: EvidenceList,
		) -> DispatchResult {
			let (_, subject) = T::AnswerOrigin::ensure_origin(origin)?;
			Self::do_report_rectification(subject, case, report, evidence)
		}

		/// State the subject's case (陈述申辩), with evidence.
		///
		/// - Origin: an account of the case's subject (`AnswerOrigin`).
		///
		/// Errors: `CaseNotFound`, `CaseClosed`, `NotSubject`, `TooManyStatements`,
		/// `EvidenceNotFound`, `NotOwnEvidence`, `TooManySteps`. Events: `Stated`.
		/// Complexity: O(evidence).
		#[pallet::call_index(8)]
		#[pallet::weight(T::WeightInfo::submit_statement(evidence.len() as u32))]
		pub fn submit_statement(
			origin: OriginFor<T>,
			case: CaseId,
			statement: H256,
			evidence: EvidenceList,
		) -> DispatchResult {
			let (_, subject) = T::AnswerOrigin::ensure_origin(origin)?;
			Self::do_submit_statement(subject, case, statement, evidence)
		}

		/// Decide a penalty (行政处罚决定书); the subject may appeal it for `AppealPeriod`.
		///
		/// Joint discipline: the enterprise is listed at once, in this agency's name, for the
		/// penalty's publication period (`special-fund-misuse` for a fund misuse, else
		/// `administrative-penalty`; serious as the penalty is), and the other domains restrict
		/// it while listed. Overturned on appeal, the listing is revoked.
		///
		/// - Origin: an agency of the case; it rules on an appeal.
		/// - `decision`: the hash of the decision document; `amount`: the fine in fen.
		///
		/// Errors: `CaseNotFound`, `CaseClosed`, `NotCaseAgency`, `AlreadyDecided`,
		/// `TooManySteps`, and the credit pallet's `TooManyListings`. Events: `PenaltyDecided`,
		/// the credit pallet's `Attested`.
		#[pallet::call_index(9)]
		#[pallet::weight(T::WeightInfo::decide_penalty())]
		pub fn decide_penalty(
			origin: OriginFor<T>,
			case: CaseId,
			decision: H256,
			amount: Fen,
			severity: Severity,
		) -> DispatchResult {
			let (_, agency) = T::AgencyOrigin::ensure_origin(origin)?;
			Self::do_decide_penalty(agency, case, decision, amount, severity)
		}

		/// Appeal the penalty (复议), with grounds and evidence; the ruling is due within
		/// `RulingPeriod`.
		///
		/// - Origin: an account of the case's subject (`AnswerOrigin`), within the appeal
		///   period.
		///
		/// Errors: `CaseNotFound`, `CaseClosed`, `NotSubject`, `PenaltyNotFound`,
		/// `AppealPeriodOver`, `AlreadyAppealed`, `EvidenceNotFound`, `NotOwnEvidence`,
		/// `TooManySteps`. Events: `Appealed`. Complexity: O(evidence).
		#[pallet::call_index(10)]
		#[pallet::weight(T::WeightInfo::appeal(evidence.len() as u32))]
		pub fn appeal(
			origin: OriginFor<T>,
			case: CaseId,
			grounds: H256,
			evidence: EvidenceList,
		) -> DispatchResult {
			let (_, subject) = T::AnswerOrigin::ensure_origin(origin)?;
			Self::do_appeal(subject, case, grounds, evidence)
		}

		/// Uphold the penalty on appeal.
		///
		/// - Origin: the agency that decided the penalty.
		///
		/// Errors: `CaseNotFound`, `CaseClosed`, `NotDecidingAgency`, `PenaltyNotFound`,
		/// `AppealNotFound`, `AlreadyRuled`, `TooManySteps`. Events: `PenaltyUpheld`.
		#[pallet::call_index(11)]
		#[pallet::weight(T::WeightInfo::rule_on_appeal())]
		pub fn uphold_penalty(origin: OriginFor<T>, case: CaseId, reasons: H256) -> DispatchResult {
			let (_, agency) = T::AgencyOrigin::ensure_origin(origin)?;
			Self::do_uphold_penalty(agency, case, reasons)
		}

		/// Set the penalty aside on appeal: it no longer stands, nor is published, and its
		/// listing is revoked.
		///
		/// - Origin: the agency that decided the penalty.
		///
		/// Errors: as `uphold_penalty`, and the credit pallet's `Frozen` (a frozen listing).
		/// Events: `PenaltyOverturned`, the credit pallet's `Revoked`.
		#[pallet::call_index(12)]
		#[pallet::weight(T::WeightInfo::rule_on_appeal())]
		pub fn overturn_penalty(
			origin: OriginFor<T>,
			case: CaseId,
			reasons: H256,
		) -> DispatchResult {
			let (_, agency) = T::AgencyOrigin::ensure_origin(origin)?;
			Self::do_overturn_penalty(agency, case, reasons)
		}

		/// Close the case: it lifts the freezes it still holds, and nothing in it changes
		/// afterwards.
		///
		/// - Origin: the case's lead.
		/// - `conclusion`: the hash of the closing report.
		///
		/// Errors: `CaseNotFound`, `CaseClosed`, `NotLead`, `AppealPending`, `TooManySteps`.
		/// Events: `CaseClosed`, each domain's `Unfrozen`. Complexity: O(records).
		#[pallet::call_index(13)]
		#[pallet::weight(T::WeightInfo::close_case(MAX_RECORDS))]
		pub fn close_case(origin: OriginFor<T>, case: CaseId, conclusion: H256) -> DispatchResult {
			let (_, agency) = T::AgencyOrigin::ensure_origin(origin)?;
			Self::do_close_case(agency, case, conclusion)
		}

		/// Apply for credit repair (信用修复) of the penalty's listing, with evidence of what
		/// was put right.
		///
		/// Open once the minimum publication has passed (`OrdinaryRepairAfter`,
		/// `SeriousRepairAfter`) and any order to rectify is reported done; in a closed case
		/// too. Refused, the subject may apply again.
		///
		/// - Origin: an account of the case's subject (`AnswerOrigin`).
		///
		/// Errors: `CaseNotFound`, `NotSubject`, `PenaltyNotFound`, `NotListed`,
		/// `RepairPending`, `RepairTooEarly`, `RectificationNotReported`, `EvidenceNotFound`,
		/// `NotOwnEvidence`. Events: `RepairApplied`. Complexity: O(evidence).
		#[pallet::call_index(14)]
		#[pallet::weight(T::WeightInfo::apply_for_repair(evidence.len() as u32))]
		pub fn apply_for_repair(
			origin: OriginFor<T>,
			case: CaseId,
			statement: H256,
			evidence: EvidenceList,
		) -> DispatchResult {
			let (_, subject) = T::AnswerOrigin::ensure_origin(origin)?;
			Self::do_apply_for_repair(subject, case, statement, evidence)
		}

		/// Grant the repair: the listing ends at once (no longer published, no longer
		/// restricting), and every lender whose declared access covered it is told.
		///
		/// - Origin: the agency that decided the penalty.
		///
		/// Errors: `CaseNotFound`, `PenaltyNotFound`, `NotDecidingAgency`, `RepairNotFound`,
		/// and the credit pallet's refusals (`Frozen`). Events: `RepairGranted`, the credit
		/// pallet's `Repaired`, `RepairNotified`. Complexity: O(lenders told), at most 32.
		#[pallet::call_index(15)]
		#[pallet::weight(T::WeightInfo::grant_repair())]
		pub fn grant_repair(origin: OriginFor<T>, case: CaseId, reasons: H256) -> DispatchResult {
			let (_, agency) = T::AgencyOrigin::ensure_origin(origin)?;
			Self::do_grant_repair(agency, case, reasons)
		}

		/// Refuse the repair, with the hash of the reasons.
		///
		/// - Origin: the agency that decided the penalty.
		///
		/// Errors: `CaseNotFound`, `PenaltyNotFound`, `NotDecidingAgency`, `RepairNotFound`.
		/// Events: `RepairRefused`.
		#[pallet::call_index(16)]
		#[pallet::weight(T::WeightInfo::refuse_repair())]
		pub fn refuse_repair(origin: OriginFor<T>, case: CaseId, reasons: H256) -> DispatchResult {
			let (_, agency) = T::AgencyOrigin::ensure_origin(origin)?;
			Self::do_refuse_repair(agency, case, reasons)
		}

		/// Open a random inspection plan (抽查计划) over the members of `region`.
		///
		/// The draw that follows is verifiable: agencies commit to secrets before
		/// `commit_until`, the first block at or past it is the anchor, they reveal before
		/// `reveal_until`, and the seed combines the anchor's hash with the secrets revealed
		/// (`docs/inspections.md`). At least `MIN_REVEALS` agencies must reveal: the lead
		/// brings another as a joint inspector or a witness.
		///
		/// - Origin: an agency (`AgencyOrigin`) whose jurisdiction covers `region`, of a kind
		///   that inspects in law (market regulation, customs: `Inspector`'s kinds); it leads
		///   the plan.
		/// - `kind`: enterprises or financial institutions; `role`: one they must hold, if any;
		///   `records`: a record set they must hold, if any — the enterprises granted a
		///   special-fund program, the makers of a product class (read from the set's index),
		///   the issuers invoicing more than an amount in a tax period (the region's members
		///   checked against it).
		/// - `sample`: a count or a share per thousand (at most `MAX_TARGETS` targets).
		/// - `document`: the hash of the plan document (the inspection items).
		/// - The timetable, in on-chain time: now < `commit_until` < `reveal_until` <
		///   `results_due`; commits within 30 days (a plan holds one of the `MAX_PENDING_PLANS`
		///   places until then), results within a year.
		///
		/// Errors: `InvalidPopulation`, `OutsideJurisdiction`, `NotInspector`,
		/// `InvalidTimetable`, `TooManyPendingPlans` (`MAX_PENDING_PER_AGENCY` of this agency's
		/// in their commit period), `TooManyPlans`. Events: `PlanOpened`.
		#[pallet::call_index(17)]
		#[pallet::weight(T::WeightInfo::open_plan())]
		#[allow(clippy::too_many_arguments)]
		pub fn open_plan(
			origin: OriginFor<T>,
			region: Division,
			kind: OrgKind,
			role: Option<Role>,
			records: Option<RecordSet>,
			sample: SampleSize,
			document: H256,
			commit_until: Moment,
			reveal_until: Moment,
			results_due: Moment,
		) -> DispatchResult {
			let (_, agency) = T::AgencyOrigin::ensure_origin(origin)?;
			let scope = PlanScope { region, kind, role, records };
			let timetable = (commit_until, reveal_until, results_due);
			Self::do_open_plan(agency, scope, sample, document, timetable)
		}

		/// Join a plan: a joint inspection (跨部门联合抽查) with inspectors of this agency, or a
		/// witness whose secret makes the draw unpredictable to the lead.
		///
		/// - Origin: an agency whose jurisdiction covers the plan's region, before the commit
		///   deadline.
		///
		/// Errors: `PlanNotFound`, `CommitPeriodOver`, `OutsideJurisdiction`, `AlreadyJoined`,
		/// `TooManyAgencies`. Events: `PlanJoined`.
		#[pallet::call_index(18)]
		#[pallet::weight(T::WeightInfo::join_plan())]
		pub fn join_plan(origin: OriginFor<T>, plan: PlanId) -> DispatchResult {
			let (_, agency) = T::AgencyOrigin::ensure_origin(origin)?;
			Self::do_join_plan(agency, plan)
		}

		/// Commit to a secret: `commitment` =
		/// `regchain_primitives::inspection::commitment(plan, agency, secret)`. A second
		/// commitment before the deadline replaces the first.
		///
		/// - Origin: an agency of the plan, before the commit deadline.
		///
		/// Errors: `PlanNotFound`, `NotPlanAgency`, `CommitPeriodOver`. Events: `Committed`.
		#[pallet::call_index(19)]
		#[pallet::weight(T::WeightInfo::commit())]
		pub fn commit(origin: OriginFor<T>, plan: PlanId, commitment: H256) -> DispatchResult {
			let (_, agency) = T::AgencyOrigin::ensure_origin(origin)?;
			Self::do_commit(agency, plan, commitment)
		}

		/// Put officers of this agency into the plan's pool of inspectors (执法检查人员名录库).
		///
		/// - Origin: an agency of the plan holding the `Inspector` role, before the commit
		///   deadline.
		/// - `inspectors`: accounts of this agency, not in the pool yet.
		///
		/// Errors: `PlanNotFound`, `NotPlanAgency`, `CommitPeriodOver`, `EmptyInspectors`,
		/// `NotInspector`, `AlreadyEnlisted`, `TooManyInspectors`. Events:
		/// `InspectorsEnlisted`. Complexity: O(inspectors).
		#[pallet::call_index(20)]
		#[pallet::weight(T::WeightInfo::enlist_inspectors(inspectors.len() as u32))]
		pub fn enlist_inspectors(
			origin: OriginFor<T>,
			plan: PlanId,
			inspectors: BoundedVec<T::AccountId, ConstU32<MAX_ENLIST>>,
		) -> DispatchResult {
			let (_, agency) = T::AgencyOrigin::ensure_origin(origin)?;
			Self::do_enlist_inspectors(agency, plan, inspectors)
		}

		/// Read the next page of the population (`POPULATION_PAGE` entries) from the region
		/// index — or, for a plan of a program's recipients or a class's makers, from that
		/// set's index, keeping holders within the region —: each member of the plan's kind,
		/// role and record set, with its weight from its standing now (listings, open cases, a
		/// recall within a year). Called until the population is complete, before the commit
		/// deadline — so the population and its weights are fixed before any secret is
		/// revealed.
		///
		/// - Origin: an agency of the plan.
		///
		/// Errors: `PlanNotFound`, `NotPlanAgency`, `CommitPeriodOver`, `PopulationComplete`,
		/// `PopulationTooLarge`. Events: `PopulationRead`. Complexity: O(`POPULATION_PAGE`).
		#[pallet::call_index(21)]
		#[pallet::weight(
			T::WeightInfo::read_population().max(T::WeightInfo::read_population_records())
		)]
		pub fn read_population(origin: OriginFor<T>, plan: PlanId) -> DispatchResult {
			let (_, agency) = T::AgencyOrigin::ensure_origin(origin)?;
			Self::do_read_population(agency, plan)
		}

		/// Reveal the secret committed to.
		///
		/// - Origin: an agency of the plan that committed, after the commit deadline and before
		///   the reveal deadline.
		///
		/// Errors: `PlanNotFound`, `NotPlanAgency`, `CommitPeriodNotOver`, `RevealPeriodOver`,
		/// `CommitmentNotFound`, `AlreadyRevealed`, `RevealMismatch`. Events: `Revealed`.
		#[pallet::call_index(22)]
		#[pallet::weight(T::WeightInfo::reveal())]
		pub fn reveal(origin: OriginFor<T>, plan: PlanId, secret: H256) -> DispatchResult {
			let (_, agency) = T::AgencyOrigin::ensure_origin(origin)?;
			Self::do_reveal(agency, plan, secret)
		}

		/// Draw, a page at a time: the first call after the reveal deadline excludes the
		/// agencies that did not reveal and fixes the seed (or lapses the plan); each call keys
		/// `DRAW_PAGE` organizations of the population; the last assigns the inspectors.
		///
		/// - Origin: an agency of the plan.
		///
		/// Errors: `PlanNotFound`, `NotPlanAgency`, `RevealPeriodNotOver`, `AnchorPending`,
		/// `AlreadyDrawn`. Events: `AgencyExcluded`, `PlanLapsed`, `DrawProgressed`, `Drawn`,
		/// `InspectorAssigned`. Complexity: O(`DRAW_PAGE`), the last call also
		/// O(targets × inspectors).
		#[pallet::call_index(23)]
		#[pallet::weight(T::WeightInfo::draw())]
		pub fn draw(origin: OriginFor<T>, plan: PlanId) -> DispatchResult {
			let (_, agency) = T::AgencyOrigin::ensure_origin(origin)?;
			Self::do_draw(agency, plan)
		}

		/// Recuse oneself from a target (回避): the next eligible inspector of the same draw
		/// sequence replaces this one.
		///
		/// - Origin: an inspector assigned to the target, before its result.
		///
		/// Errors: `PlanNotFound`, `PlanNotDrawn`, `TargetNotFound`, `NotAssigned`,
		/// `AlreadyRecorded`, `TooManyRecusals`. Events: `InspectorRecused`,
		/// `InspectorAssigned`.
		#[pallet::call_index(24)]
		#[pallet::weight(T::WeightInfo::recuse())]
		pub fn recuse(origin: OriginFor<T>, plan: PlanId, target: u32) -> DispatchResult {
			let (account, _) = T::AgencyOrigin::ensure_origin(origin)?;
			Self::do_recuse(account, plan, target)
		}

		/// Record a target's result; one after the results' deadline is marked late.
		///
		/// - Origin: an inspector assigned to the target.
		///
		/// Errors: `PlanNotFound`, `PlanClosed`, `PlanNotDrawn`, `TargetNotFound`,
		/// `NotAssigned`, `AlreadyRecorded`. Events: `ResultRecorded`.
		#[pallet::call_index(25)]
		#[pallet::weight(T::WeightInfo::record_result())]
		pub fn record_result(
			origin: OriginFor<T>,
			plan: PlanId,
			target: u32,
			outcome: Outcome,
		) -> DispatchResult {
			let (account, _) = T::AgencyOrigin::ensure_origin(origin)?;
			Self::do_record_result(account, plan, target, outcome)
		}

		/// Close a plan, once every result is in or the results' deadline has passed; a lapsed
		/// plan at any time.
		///
		/// - Origin: the plan's lead.
		///
		/// Errors: `PlanNotFound`, `NotLead`, `PlanClosed`, `PlanNotDrawn`, `ResultsPending`.
		/// Events: `PlanClosed`.
		#[pallet::call_index(26)]
		#[pallet::weight(T::WeightInfo::close_plan())]
		pub fn close_plan(origin: OriginFor<T>, plan: PlanId, conclusion: H256) -> DispatchResult {
			let (_, agency) = T::AgencyOrigin::ensure_origin(origin)?;
			Self::do_close_plan(agency, plan, conclusion)
		}

		/// Open a case on a target's findings (发现问题的, 依法处置): the case is about the
		/// target and its history starts with the finding (the plan, the target, the report's
		/// hash). One case a finding.
		///
		/// - Origin: an agency of the plan (`AgencyOrigin`) with jurisdiction over the target,
		///   whose kind reads the domain of every record; it leads the case.
		/// - `legal_basis`, `evidence`: as for `openCase`; `records`: as for `openCase`, and
		///   may be empty (the finding is the case's ground; records are added later).
		///
		/// Errors: `PlanNotFound`, `NotPlanAgency`, `TargetNotFound`, `NoFindings`,
		/// `FindingCaseOpened`, and `openCase`'s. Events: `CaseOpened`, `CaseFromFinding`.
		/// Complexity: O(records + evidence).
		#[pallet::call_index(27)]
		#[pallet::weight(T::WeightInfo::open_case_from_finding(
			records.len() as u32,
			evidence.len() as u32
		))]
		pub fn open_case_from_finding(
			origin: OriginFor<T>,
			plan: PlanId,
			target: u32,
			violation: Violation,
			legal_basis: H256,
			evidence: EvidenceList,
			records: Records,
		) -> DispatchResult {
			let (_, agency) = T::AgencyOrigin::ensure_origin(origin)?;
			let grounds = (violation, legal_basis, evidence, records);
			Self::do_open_case_from_finding(agency, plan, target, grounds)
		}
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		/// Fixes the anchor of each plan whose commit period ended by the previous block's time:
		/// the previous block's hash (the first block at or past the deadline). One read a
		/// block when none is due.
		fn on_initialize(_: BlockNumberFor<T>) -> Weight {
			Self::anchor_due_plans()
		}

		#[cfg(feature = "try-runtime")]
		fn try_state(_: BlockNumberFor<T>) -> Result<(), sp_runtime::TryRuntimeError> {
			Self::do_try_state()
		}
	}
}
