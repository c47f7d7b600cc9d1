//! A minimal runtime for the pallet's tests: the in-memory consortium, records of every domain
//! and notarized evidence of `regchain_primitives::testing`, behind the real origins.
//!
//! Organizations (account = organization id), agencies acting nationally:
//! - 1 market regulation, 2 tax bureau, 3 finance bureau, 4 court, 5 credit regulator, 6 IP
//!   office, 7 economy commission (reads funds, regulates nothing), 8 a second finance bureau;
//! - 10 and 20: enterprises (Shanghai); 99 is no member.
//!
//! Records about enterprise 10, one per domain: [`FUND`], [`INVOICE`], [`ATTESTATION`],
//! [`EVIDENCE`], [`BATCH`], [`WORK`]; [`OTHERS`] is an invoice about enterprise 20.
//! Evidence: 0 notarized by market regulation, 1 by enterprise 10, 2 by enterprise 20, 3 by
//! enterprise 20 and admitted by a court.

use crate::{self as pallet_supervision, *};
use frame_support::{assert_ok, derive_impl, parameter_types};
pub use regchain_primitives::testing::{
	day, TestClock, TestEvidence, TestMembership, TestPopulation, TestRecords, TestStanding,
};
use regchain_primitives::{
	testing::TestOrg,
	time::{Moment, DAY},
	AgencyKind, AnyAgency, AnyMember, EnsureAnswerer, EnsureMember, OrgKind, RecordRef,
};
use sp_core::H256;
use sp_runtime::BuildStorage;

type Block = frame_system::mocking::MockBlock<Test>;

frame_support::construct_runtime!(
	pub enum Test {
		System: frame_system,
		Supervision: pallet_supervision,
	}
);

#[derive_impl(frame_system::config_preludes::TestDefaultConfig)]
impl frame_system::Config for Test {
	type Block = Block;
	type AccountId = u64;
	type Lookup = sp_runtime::traits::IdentityLookup<u64>;
}

pub const MARKET: u64 = 1;
pub const TAX: u64 = 2;
pub const FINANCE: u64 = 3;
pub const COURT: u64 = 4;
pub const CREDIT: u64 = 5;
pub const IP_OFFICE: u64 = 6;
pub const ECONOMY: u64 = 7;
/// A second finance bureau (a district's, acting nationally in the mock).
pub const FINANCE_2: u64 = 8;
pub const CUSTOMS: u64 = 9;
pub const ACME: u64 = 10;
pub const OTHER_CO: u64 = 20;
pub const OUTSIDER: u64 = 99;

pub const FUND: RecordRef = RecordRef::new(*b"fund", 1);
pub const INVOICE: RecordRef = RecordRef::new(*b"invc", 2);
pub const ATTESTATION: RecordRef = RecordRef::new(*b"cred", 3);
pub const EVIDENCE: RecordRef = RecordRef::new(*b"nota", 4);
pub const BATCH: RecordRef = RecordRef::new(*b"prov", 5);
pub const WORK: RecordRef = RecordRef::new(*b"ipwk", 6);
pub const OTHERS: RecordRef = RecordRef::new(*b"invc", 7);
/// One record of each domain, all about Acme.
pub const ALL_SIX: [RecordRef; 6] = [FUND, INVOICE, ATTESTATION, EVIDENCE, BATCH, WORK];

parameter_types! {
	pub const DecisionPeriod: Moment = 90 * DAY;
	pub const AppealPeriod: Moment = 60 * DAY;
	pub const RulingPeriod: Moment = 60 * DAY;
	pub const OrdinaryRepairAfter: Moment = 90 * DAY;
	pub const SeriousRepairAfter: Moment = 365 * DAY;
}

impl Config for Test {
	type AgencyOrigin = EnsureMember<u64, TestMembership, AnyAgency>;
	type AnswerOrigin = EnsureAnswerer<u64, TestMembership, AnyMember>;
	type Membership = TestMembership;
	type Records = TestRecords;
	type Evidence = TestEvidence;
	type Discipline = TestStanding;
	type Population = TestPopulation;
	type UnixTime = TestClock;
	type DecisionPeriod = DecisionPeriod;
	type AppealPeriod = AppealPeriod;
	type RulingPeriod = RulingPeriod;
	type OrdinaryRepairAfter = OrdinaryRepairAfter;
	type SeriousRepairAfter = SeriousRepairAfter;
	type WeightInfo = ();
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = TestRecordMaker;
}

/// Benchmarks: evidence records about a subject, in the test book.
#[cfg(feature = "runtime-benchmarks")]
pub struct TestRecordMaker;

#[cfg(feature = "runtime-benchmarks")]
impl crate::BenchmarkHelper for TestRecordMaker {
	fn make_record(subject: OrgId) -> RecordRef {
		use regchain_primitives::EvidenceRecords;
		let record = RecordRef::new(*b"nota", TestEvidence::make_evidence(subject, false));
		TestRecords::add(record, subject);
		record
	}

	fn make_record_set(holders: &[OrgId]) -> regchain_primitives::RecordSet {
		let set = regchain_primitives::RecordSet::FundProgram(7);
		TestPopulation::set_records(set, holders);
		set
	}

	fn make_filter_set(holders: &[OrgId]) -> regchain_primitives::RecordSet {
		for org in holders {
			TestPopulation::set_invoiced(*org, 202_612, 2_000);
		}
		regchain_primitives::RecordSet::InvoicedAbove { period: 202_612, amount: 1_000 }
	}

	fn make_recall(maker: OrgId) {
		TestPopulation::set_recall(maker, TestClock::get());
	}
}

#[derive(Default)]
pub struct ExtBuilder;

impl ExtBuilder {
	pub fn build(self) -> sp_io::TestExternalities {
		let storage = frame_system::GenesisConfig::<Test>::default().build_storage().unwrap();
		let agency = |id: u64, kind| TestOrg::new(id as OrgId, OrgKind::Agency(kind), &[], &[id]);
		TestMembership::reset(vec![
			agency(MARKET, AgencyKind::MarketRegulation),
			agency(TAX, AgencyKind::TaxBureau),
			agency(FINANCE, AgencyKind::FinanceBureau),
			agency(COURT, AgencyKind::Court),
			agency(CREDIT, AgencyKind::CreditRegulator),
			agency(IP_OFFICE, AgencyKind::IpOffice),
			agency(ECONOMY, AgencyKind::EconomyCommission),
			agency(FINANCE_2, AgencyKind::FinanceBureau),
			agency(CUSTOMS, AgencyKind::Customs),
			TestOrg::new(ACME as OrgId, OrgKind::Enterprise, &[], &[ACME]),
			TestOrg::new(OTHER_CO as OrgId, OrgKind::Enterprise, &[], &[OTHER_CO]),
		]);
		TestRecords::reset();
		for record in ALL_SIX {
			TestRecords::add(record, ACME as OrgId);
		}
		TestRecords::add(OTHERS, OTHER_CO as OrgId);
		TestEvidence::reset();
		TestEvidence::add(0, MARKET as OrgId, day(0));
		TestEvidence::add(1, ACME as OrgId, day(0));
		TestEvidence::add(2, OTHER_CO as OrgId, day(0));
		TestEvidence::add(3, OTHER_CO as OrgId, day(0));
		TestEvidence::set_admitted(3, true);
		let mut ext = sp_io::TestExternalities::new(storage);
		ext.execute_with(|| System::set_block_number(1));
		TestClock::set(day(1));
		ext
	}

	/// Runs `test`, then checks the storage invariants.
	pub fn build_and_execute(self, test: impl FnOnce()) {
		execute_checked(self.build(), test)
	}
}

regchain_primitives::mock_kit!(Supervision);

/// A document's hash.
pub fn doc(n: u8) -> H256 {
	H256::repeat_byte(n)
}

/// Records as a call takes them.
pub fn records(list: &[RecordRef]) -> Records {
	list.to_vec().try_into().expect("few enough")
}

/// Evidence as a call takes it.
pub fn evidence(list: &[u64]) -> EvidenceList {
	list.to_vec().try_into().expect("few enough")
}

/// Market regulation opens a case about Acme naming `list`; its id.
pub fn case_about_acme(list: &[RecordRef]) -> CaseId {
	let id = NextCaseId::<Test>::get();
	assert_ok!(Supervision::open_case(
		RuntimeOrigin::signed(MARKET),
		ACME as OrgId,
		Violation::FundMisuse,
		doc(0xb0),
		evidence(&[0]),
		records(list),
	));
	id
}

/// A case about Acme naming one record of each domain, joined by each domain's regulator.
pub fn joint_case() -> CaseId {
	let id = case_about_acme(&ALL_SIX);
	for agency in [TAX, FINANCE, COURT, CREDIT, IP_OFFICE] {
		assert_ok!(Supervision::join_case(RuntimeOrigin::signed(agency), id));
	}
	id
}
