//! Supervision across the domains (事中事后监管): any agency opens a case about an organization
//! within its jurisdiction and names records of the domains its kind reads; the regulators of
//! the other domains join it, and one call freezes or lifts every record of the case, each in
//! its regulator's name. The subject answers and appeals; missed deadlines are public.

use crate::{AccountId, Consortium, Funds, Invoices, Notarization, Provenance, Runtime, Timestamp};
use alloc::vec::Vec;
use frame_support::traits::ConstU64;
use regchain_primitives::{
	time::{Moment, DAY},
	AnyAgency, AnyMember, EnsureAnswerer, EnsureMember, OrgId, PopulationSources, RecordSet,
};

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
	/// A random inspection's record sets and recalls: funds' programs, provenance's classes
	/// and recalls, invoices' period totals.
	type Population = InspectionSources;
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

/// What a random inspection reads of the domains, from the pallets that keep it.
pub struct InspectionSources;

impl PopulationSources for InspectionSources {
	fn exists(set: &RecordSet) -> bool {
		match *set {
			RecordSet::FundProgram(program) => {
				pallet_funds::Programs::<Runtime>::contains_key(program)
			},
			RecordSet::ProductClass(class) => {
				pallet_provenance::Classes::<Runtime>::contains_key(class)
			},
			RecordSet::InvoicedAbove { period, .. } => {
				(200_001..=999_912).contains(&period) && (1..=12).contains(&(period % 100))
			},
		}
	}

	fn holders(set: &RecordSet, after: Option<u64>, limit: u32) -> Vec<(u64, OrgId)> {
		// Record ids are u32 in both pallets: a cursor past them reads nothing.
		let after = after.map(u32::try_from);
		if let Some(Err(_)) = after {
			return Vec::new();
		}
		let after = after.map(|a| a.unwrap_or_default());
		let widen = |(id, org): (u32, OrgId)| (u64::from(id), org);
		match *set {
			RecordSet::FundProgram(program) => {
				Funds::recipients(program, after, limit).into_iter().map(widen).collect()
			},
			RecordSet::ProductClass(class) => {
				Provenance::makers(class, after, limit).into_iter().map(widen).collect()
			},
			RecordSet::InvoicedAbove { .. } => Vec::new(),
		}
	}

	fn holds(set: &RecordSet, org: OrgId) -> bool {
		match *set {
			RecordSet::InvoicedAbove { period, amount } => Invoices::invoiced(org, period) > amount,
			_ => true,
		}
	}

	fn latest_recall(maker: OrgId) -> Option<Moment> {
		Provenance::latest_recall(maker)
	}
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

	/// A special-fund program with an allocation to each holder, written directly.
	fn make_record_set(holders: &[OrgId]) -> RecordSet {
		let program = pallet_funds::NextProgramId::<Runtime>::get();
		pallet_funds::NextProgramId::<Runtime>::put(program + 1);
		pallet_funds::Programs::<Runtime>::insert(
			program,
			pallet_funds::Program {
				manager: 0,
				policy: Default::default(),
				budget: 1,
				categories: pallet_funds::Categories(1),
				apply_from: 0,
				apply_until: 1,
				ends_at: 1,
				status: pallet_funds::ProgramStatus::Open,
				approved: 0,
				disbursed: 0,
				spent: 0,
				clawed_back: 0,
			},
		);
		for (i, holder) in holders.iter().enumerate() {
			let id = 1_000_000 + program * 1_000 + i as u32;
			let allocation = pallet_funds::Allocation {
				program,
				enterprise: *holder,
				approved: 0,
				disbursed: 0,
				spent: 0,
				clawed_back: 0,
				entries: 0,
			};
			pallet_funds::Allocations::<Runtime>::insert(id, allocation);
			pallet_funds::AllocationsByProgram::<Runtime>::insert(program, id, ());
		}
		RecordSet::FundProgram(program)
	}

	/// Each holder invoiced more than the threshold this month, written directly.
	fn make_filter_set(holders: &[OrgId]) -> RecordSet {
		let period = Invoices::current_period();
		for holder in holders {
			pallet_invoices::Totals::<Runtime>::mutate(holder, period, |t| {
				let row = pallet_invoices::RateRow {
					rate: pallet_invoices::TaxRate::Exempt,
					sums: pallet_invoices::OutputSums {
						ordinary: pallet_invoices::Sum { count: 1, net: 2, tax: 0 },
						..Default::default()
					},
				};
				t.output = pallet_invoices::Rows::truncate_from(alloc::vec![row]);
			})
		}
		RecordSet::InvoicedAbove { period, amount: 1 }
	}

	fn make_recall(maker: OrgId) {
		pallet_provenance::LatestRecalls::<Runtime>::insert(
			maker,
			regchain_primitives::time::now::<Timestamp>(),
		);
	}
}
