//! # Supervision pallet (事中事后监管)
//!
//! The domains record; this pallet supervises across them. An agency opens a **case** (案件)
//! about one organization, naming the records it concerns in any domain — a fund allocation, an
//! invoice, a credit attestation, a batch of goods, an evidence record, a work — and acts on all
//! of them at once: one call freezes them, one call lifts them, through the one freeze of
//! `regchain_primitives::freeze` (each domain's own checks, events and refusals). The agencies
//! of every domain the case touches join it, and each record is frozen in the name of the one
//! that regulates its domain: authority stays where the law puts it, and the silos no longer
//! stand between the agencies.
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
//! - Every discipline listing in force that names a case is that case's penalty's listing,
//!   about its subject, and the penalty stands unrepaired (no listing outlives its decision).
//!
//! ## On chain, and who reads it
//! Every node holds all state. On chain: who the case is about, which agencies act in it, the
//! kind of violation, the records it names (their ids, never their content), the hashes of the
//! legal basis, documents, orders, statements, decisions and rulings (the documents stay with
//! the agency and the subject), fines in fen and every date. Outside the agencies' nodes the
//! query gateway shows a case to its subject and to agencies with jurisdiction over it, and to
//! the public only the standing penalties within their publication period.
#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

pub use pallet::*;

regchain_primitives::jurisdiction_errors!();

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
mod impls;
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
}

#[frame_support::pallet]
pub mod pallet {
	use super::*;
	use frame_support::pallet_prelude::*;
	use frame_support::traits::UnixTime;
	use frame_system::pallet_prelude::*;
	use regchain_primitives::{time::Moment, Fen};
	use sp_core::H256;

	/// The storage layout's version; a migration bumps it with the layout.
	pub const STORAGE_VERSION: StorageVersion = StorageVersion::new(1);

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
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		#[cfg(feature = "try-runtime")]
		fn try_state(_: BlockNumberFor<T>) -> Result<(), sp_runtime::TryRuntimeError> {
			Self::do_try_state()
		}
	}
}
