//! A case's stored records and call arguments.

use alloc::vec::Vec;
use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use frame_support::{traits::ConstU32, BoundedVec};
use regchain_primitives::{time::Moment, Fen, Freeze, OrgId, RecordRef};
use scale_info::TypeInfo;
use sp_core::H256;

/// Identifies a case; allocated by the chain from 0, never reused.
pub type CaseId = u64;

/// Most records one case concerns: what one call freezes or lifts.
pub const MAX_RECORDS: u32 = 16;
/// Most notarized evidence records one filing cites.
pub const MAX_EVIDENCE: u32 = 8;
/// Most agencies in one case: its lead and the agencies that joined it (one per domain and the
/// lead is enough for every domain; two more for commissions and audit).
pub const MAX_AGENCIES: u32 = 8;
/// Most steps of one case (its history; each measure, answer and ruling is one).
pub const MAX_STEPS: u32 = 64;
/// Most statements (陈述申辩) the subject files in one case: its answers cannot fill the case's
/// history and so stop the agencies' measures.
pub const MAX_STATEMENTS: u32 = 8;

/// The records a case concerns, of any domain.
pub type Records = BoundedVec<RecordRef, ConstU32<MAX_RECORDS>>;
/// Notarized evidence records (`pallet_notarization` ids) a filing cites.
pub type EvidenceList = BoundedVec<u64, ConstU32<MAX_EVIDENCE>>;

/// What a case is about: the kind of violation, as the agencies' case registers classify it.
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
pub enum Violation {
	/// Misuse of special funds (专项资金): money spent outside the program's purpose.
	FundMisuse,
	/// A tax violation: false or irregular invoices (虚开发票).
	TaxViolation,
	/// False credit information given to lenders or agencies.
	CreditFraud,
	/// Counterfeit or unsafe goods (假冒伪劣).
	CounterfeitGoods,
	/// Infringement of intellectual property.
	IpInfringement,
	/// Tampered or false evidence.
	FalseEvidence,
	/// A false registration or licence (the consortium's member records).
	FalseRegistration,
	/// Anything else; the legal basis says what.
	Other,
}

/// How serious a penalty is, which the law ties to how long it is published: ordinary
/// administrative penalties for one year, serious ones for three (NDRC, 失信行为纠正后的信用信息
/// 修复管理办法, 2023).
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
pub enum Severity {
	/// An ordinary penalty (a warning, a small fine).
	Ordinary,
	/// A serious one (a large fine, a revoked licence, a ban).
	Serious,
}

/// A freeze a case made, as it made it: lifting it through the case lifts only this one (not a
/// later freeze of the same record by someone else).
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
pub struct CaseFreeze {
	/// The record frozen.
	pub record: RecordRef,
	/// The freeze, in the name of the case's agency that regulates the record's domain.
	pub freeze: Freeze,
}

/// An order to rectify (责令整改) and what became of it.
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
pub struct Rectification {
	/// The agency that ordered it.
	pub by: OrgId,
	/// The hash of the order (what must be put right, off chain).
	pub requirement: H256,
	/// When it is due, in on-chain time.
	pub deadline: Moment,
	/// When the subject reported it done, and the hash of its report.
	pub reported: Option<(Moment, H256)>,
}

/// The outcome of an appeal (复议).
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
pub enum Ruling {
	/// The penalty stands.
	Upheld,
	/// The penalty is set aside.
	Overturned,
}

/// The subject's appeal of a penalty and the deciding agency's ruling.
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
pub struct Appeal {
	/// When it was filed.
	pub at: Moment,
	/// The hash of its grounds.
	pub grounds: H256,
	/// When the ruling is due.
	pub ruling_due: Moment,
	/// The ruling, when, and the hash of its reasons.
	pub ruling: Option<(Ruling, Moment, H256)>,
}

/// Where an application for credit repair stands.
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
pub enum RepairStatus {
	/// Awaiting the deciding agency.
	Pending,
	/// Granted, when, with the hash of the reasons: the listing ended at once, and this many
	/// lenders were told.
	Granted { at: Moment, reasons: H256, lenders_told: u32 },
	/// Refused, when, with the hash of the reasons; the subject may apply again.
	Refused { at: Moment, reasons: H256 },
}

/// The subject's application for credit repair (信用修复) of a penalty's listing.
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
pub struct Repair {
	/// When it applied (last).
	pub applied_at: Moment,
	/// The hash of its application (its commitment, what it put right).
	pub statement: H256,
	/// Where it stands.
	pub status: RepairStatus,
}

/// A penalty decision (行政处罚决定书).
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
pub struct Penalty {
	/// The deciding agency, which rules on an appeal.
	pub by: OrgId,
	/// The hash of the decision document.
	pub decision: H256,
	/// The fine, in fen (0 for a penalty without one).
	pub amount: Fen,
	/// How serious it is.
	pub severity: Severity,
	/// When it was decided.
	pub decided_at: Moment,
	/// Until when the subject may appeal.
	pub appeal_until: Moment,
	/// The subject's appeal, if it filed one.
	pub appeal: Option<Appeal>,
	/// The credit attestation listing the enterprise for it (joint discipline), if any.
	pub listing: Option<u64>,
	/// The subject's application for credit repair, if it applied.
	pub repair: Option<Repair>,
}

impl Penalty {
	/// Whether the penalty stands: not set aside on appeal.
	pub fn stands(&self) -> bool {
		!matches!(self.appeal, Some(Appeal { ruling: Some((Ruling::Overturned, ..)), .. }))
	}

	/// Whether a credit repair of it was granted: its publication ended.
	pub fn repaired(&self) -> bool {
		matches!(self.repair, Some(Repair { status: RepairStatus::Granted { .. }, .. }))
	}
}

/// Where a case is.
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
pub enum CaseStatus {
	/// Open: its agencies act, its subject answers.
	Open,
	/// Closed by its lead, when, with the hash of the conclusion; nothing changes any more.
	Closed { at: Moment, conclusion: H256 },
}

/// A regulatory case (案件) about one organization.
#[derive(
	Clone, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, Debug,
)]
pub struct Case {
	/// The organization the case is about.
	pub subject: OrgId,
	/// The agency that opened it and closes it.
	pub lead: OrgId,
	/// The agencies acting in it, the lead first: each joined of its own accord, and the case's
	/// freezes act in the name of the one that regulates each record's domain.
	pub agencies: BoundedVec<OrgId, ConstU32<MAX_AGENCIES>>,
	/// What the case is about.
	pub violation: Violation,
	/// The hash of the legal basis cited (the articles, off chain).
	pub legal_basis: H256,
	/// The records concerned, of any domain, all about the subject.
	pub records: Records,
	/// The freezes the case made and has not lifted.
	pub freezes: BoundedVec<CaseFreeze, ConstU32<MAX_RECORDS>>,
	/// When it was opened.
	pub opened_at: Moment,
	/// When a decision is due (行政处罚法 art. 60: ninety days from filing).
	pub decision_due: Moment,
	/// The order to rectify, if any.
	pub rectification: Option<Rectification>,
	/// The penalty decided, if any.
	pub penalty: Option<Penalty>,
	/// How many statements the subject filed.
	pub statements: u32,
	/// How many steps its history holds.
	pub steps: u32,
	/// Open or closed.
	pub status: CaseStatus,
}

impl Case {
	/// Whether the case is open.
	pub fn is_open(&self) -> bool {
		self.status == CaseStatus::Open
	}
}

/// One step of a case's history.
#[derive(
	Clone, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, Debug,
)]
pub struct Step {
	/// When, in on-chain time.
	pub at: Moment,
	/// The organization that took it: an agency of the case, or its subject.
	pub by: OrgId,
	/// What it was.
	pub action: Action,
}

/// What a step of a case did. Documents are hashes; evidence, notarization records.
#[derive(
	Clone, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, Debug,
)]
pub enum Action {
	/// The case was opened, citing this evidence.
	Opened { evidence: EvidenceList },
	/// An agency joined the case.
	Joined,
	/// Records were added to the case.
	RecordsAdded { count: u32 },
	/// An agency put a document on the case's file.
	Noted { document: H256, evidence: EvidenceList },
	/// The case froze this many records.
	Froze { count: u32, reason: H256 },
	/// The case lifted this many of its freezes.
	Lifted { count: u32 },
	/// An order to rectify by `deadline`.
	RectificationOrdered { requirement: H256, deadline: Moment },
	/// The subject reported the rectification done.
	RectificationReported { report: H256, evidence: EvidenceList },
	/// The subject's statement (陈述申辩).
	Stated { statement: H256, evidence: EvidenceList },
	/// A penalty was decided.
	PenaltyDecided { decision: H256, amount: Fen, severity: Severity },
	/// The subject appealed the penalty.
	Appealed { grounds: H256, evidence: EvidenceList },
	/// The deciding agency ruled on the appeal.
	Ruled { ruling: Ruling, reasons: H256 },
	/// The lead closed the case.
	Closed { conclusion: H256 },
	/// The case follows up the findings of a random inspection: target `target` of plan
	/// `plan`, whose report has this hash.
	Finding { plan: crate::PlanId, target: u32, report: H256 },
}

/// A deadline of a case that has passed with nothing done: visible to anyone.
#[derive(Clone, Copy, PartialEq, Eq, Encode, Decode, TypeInfo, Debug)]
pub enum Overdue {
	/// The case is open past its decision date with no penalty decided (the agencies').
	Decision { due: Moment },
	/// The order to rectify is past its deadline with nothing reported (the subject's).
	Rectification { due: Moment },
	/// An appeal is past its ruling date with no ruling (the deciding agency's).
	Ruling { due: Moment },
}

/// A case as the runtime API answers it: the case, and its deadlines missed at query time.
#[derive(Clone, PartialEq, Eq, Encode, Decode, TypeInfo, Debug)]
pub struct CaseView {
	/// The case's id.
	pub id: CaseId,
	/// The case.
	pub case: Case,
	/// Its deadlines missed now.
	pub overdue: Vec<Overdue>,
}

/// What the public sees of a case (公示): a penalty decision that stands, and nothing else.
#[derive(Clone, Copy, PartialEq, Eq, Encode, Decode, TypeInfo, Debug)]
pub struct PublicPenalty {
	/// The case's id.
	pub case: CaseId,
	/// The organization penalized.
	pub subject: OrgId,
	/// The deciding agency.
	pub by: OrgId,
	/// What the case was about.
	pub violation: Violation,
	/// The hash of the decision document.
	pub decision: H256,
	/// The fine, in fen.
	pub amount: Fen,
	/// How serious.
	pub severity: Severity,
	/// When it was decided.
	pub decided_at: Moment,
}
