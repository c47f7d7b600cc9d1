//! Supervision across the domains (事中事后监管): any agency opens a case about an organization
//! within its jurisdiction and names records of the domains its kind reads; the regulators of
//! the other domains join it, and one call freezes or lifts every record of the case, each in
//! its regulator's name. The subject answers and appeals; missed deadlines are public.

use crate::{AccountId, Consortium, Notarization, Runtime, Timestamp};
use frame_support::traits::ConstU64;
use regchain_primitives::{time::DAY, AnyAgency, AnyMember, EnsureAnswerer, EnsureMember};

impl pallet_supervision::Config for Runtime {
	/// Any agency: what it may do in a case follows from its jurisdiction and its kind's remit
	/// (`AgencyKind::remit`), checked per record and per measure.
	type AgencyOrigin = EnsureMember<AccountId, Consortium, AnyAgency>;
	/// The subject answers as a member, suspended or not (its deadlines keep running); each
	/// answer checks it is the case's subject.
	type AnswerOrigin = EnsureAnswerer<AccountId, Consortium, AnyMember>;
	type Membership = Consortium;
	/// Every kind of record under the one freeze.
	type Records = super::FreezableDomains;
	/// Filings cite the notarization pallet's records.
	type Evidence = Notarization;
	/// A penalty lists the enterprise in the credit pallet (joint discipline).
	type Discipline = crate::Credit;
	type UnixTime = Timestamp;
	/// 行政处罚法 art. 60: a penalty is decided within ninety days of the case's filing.
	type DecisionPeriod = ConstU64<{ 90 * DAY }>;
	/// 行政复议法 art. 20: sixty days to apply for reconsideration of a decision.
	type AppealPeriod = ConstU64<{ 60 * DAY }>;
	/// 行政复议法 art. 62: sixty days to decide a reconsideration.
	type RulingPeriod = ConstU64<{ 60 * DAY }>;
	/// NDRC (2023, 失信行为纠正后的信用信息修复管理办法): repair of an ordinary penalty's listing
	/// opens after its minimum publication of three months…
	type OrdinaryRepairAfter = ConstU64<{ 90 * DAY }>;
	/// …of a serious one's after a year.
	type SeriousRepairAfter = ConstU64<{ 365 * DAY }>;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = CaseRecords;
	type WeightInfo = pallet_supervision::weights::SubstrateWeight<Runtime>;
}

/// Benchmarks: the records a case names are notarization records (a court's freeze is as
/// costly as any domain's: the record, the jurisdiction, the freeze, an event).
#[cfg(feature = "runtime-benchmarks")]
pub struct CaseRecords;

#[cfg(feature = "runtime-benchmarks")]
impl pallet_supervision::BenchmarkHelper for CaseRecords {
	fn make_record(subject: regchain_primitives::OrgId) -> regchain_primitives::RecordRef {
		use regchain_primitives::EvidenceRecords;
		let id = Notarization::make_evidence(subject, false);
		regchain_primitives::RecordRef::new(pallet_notarization::NOTARIZATION, id)
	}
}
