//! A minimal runtime for the pallet's tests: `Root` plays governance, genesis founds one
//! agency of every kind (account = 10 + the kind's index), and the council is a list the pallet
//! keeps up to date ([`council`]).

use crate::{self as pallet_consortium, *};
use core::cell::RefCell;
use frame_support::{
	derive_impl, parameter_types,
	traits::{ChangeMembers, ConstU32, ConstU64},
};
use frame_system::EnsureRoot;
pub use regchain_primitives::{
	testing::{day, TestClock, TEST_EPOCH},
	time::{Moment, DAY, HOUR},
};
use sp_runtime::{
	testing::{TestSignature, UintAuthorityId},
	BuildStorage,
};

type Block = frame_system::mocking::MockBlock<Test>;

frame_support::construct_runtime!(
	pub enum Test {
		System: frame_system,
		Consortium: pallet_consortium,
	}
);

#[derive_impl(frame_system::config_preludes::TestDefaultConfig)]
impl frame_system::Config for Test {
	type Block = Block;
	type AccountId = u64;
	type Lookup = sp_runtime::traits::IdentityLookup<u64>;
	/// Non-zero, so that tests can check the weights migrations report.
	type DbWeight = frame_support::weights::constants::RocksDbWeight;
}

parameter_types! {
	pub const MaxTerm: Moment = 1_000 * DAY;
}

/// How long a join consent may be valid in tests.
pub const JOIN_VALIDITY: Moment = 100 * HOUR;

/// Now, in the tests' on-chain time.
pub fn now() -> Moment {
	TestClock::get()
}

thread_local! {
	static COUNCIL: RefCell<Vec<u64>> = const { RefCell::new(Vec::new()) };
}

/// The council members the pallet last set.
pub fn council() -> Vec<u64> {
	COUNCIL.with(|c| c.borrow().clone())
}

/// Stands in for `pallet-collective`.
pub struct TestCouncil;
impl ChangeMembers<u64> for TestCouncil {
	fn change_members_sorted(_incoming: &[u64], _outgoing: &[u64], new: &[u64]) {
		COUNCIL.with(|c| *c.borrow_mut() = new.to_vec());
	}
}

impl Config for Test {
	type GovernanceOrigin = EnsureRoot<u64>;
	type RuntimeCall = RuntimeCall;
	type Council = TestCouncil;
	type MaxAgencies = ConstU32<8>;
	type QuotaPeriod = ConstU64<10>;
	type MaxTerm = MaxTerm;
	type MaxAccountsPerOrg = ConstU32<3>;
	type MinTxQuota = ConstU32<MIN_QUOTA>;
	type MinByteQuota = ConstU32<MIN_BYTES>;
	type GovernanceReserve = ConstU32<RESERVE>;
	type MinAgencies = ConstU32<2>;
	type CallPolicy = TestPolicy;
	type AgencyDeparture = ();
	type JoinSignature = TestSignature;
	type JoinSigner = UintAuthorityId;
	type JoinValidity = ConstU64<JOIN_VALIDITY>;
	type UnixTime = TestClock;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = regchain_primitives::testing::TestSigner;
	type WeightInfo = ();
}

/// `account`'s consent to join `org` (as an administrator if `admin`), valid for 10 hours.
pub fn consent(org: OrgId, account: u64, admin: bool) -> (Moment, TestSignature) {
	let valid_until = now() + 10 * HOUR;
	(valid_until, TestSignature(account, Consortium::join_message(org, admin, valid_until)))
}

/// `registrar` registers an organization of `kind` under `code` with first account `account`,
/// which consents; the term ends on [`day`]` 100`.
pub fn register(
	registrar: RuntimeOrigin,
	kind: OrgKind,
	name: Vec<u8>,
	code: Vec<u8>,
	account: u64,
) -> sp_runtime::DispatchResult {
	let valid_until = now() + 10 * HOUR;
	// The consent names the registrar's organization (none for a non-member caller).
	let by = frame_system::ensure_signed(registrar.clone())
		.ok()
		.and_then(AccountOrganization::<Test>::get)
		.unwrap_or(OrgId::MAX);
	let message = Consortium::register_message(kind, by, &code, valid_until);
	let signature = TestSignature(account, message);
	Consortium::register_organization(
		registrar,
		kind,
		name,
		code,
		account,
		day(100),
		valid_until,
		signature,
	)
}

/// `by`, an administrator, adds `account` to its organization as a clerk, with its consent.
pub fn add_clerk(by: u64, account: u64) -> sp_runtime::DispatchResult {
	let org = AccountOrganization::<Test>::get(by).unwrap_or(OrgId::MAX);
	let (valid_until, signature) = consent(org, account, false);
	Consortium::add_account(RuntimeOrigin::signed(by), account, false, valid_until, signature)
}

/// The tests' call policy: `system.remark` is for agencies only, `system.remark_with_event`
/// stands for a council call, and `consortium.remove_account` for an answer a suspended
/// organization may still give.
pub struct TestPolicy;
impl MemberCallPolicy<u64, RuntimeCall> for TestPolicy {
	fn allows(_: &u64, member: &regchain_primitives::MemberInfo, call: &RuntimeCall) -> bool {
		!matches!(call, RuntimeCall::System(frame_system::Call::remark { .. }))
			|| matches!(member.kind, OrgKind::Agency(_))
	}
	fn is_council_call(call: &RuntimeCall) -> bool {
		matches!(call, RuntimeCall::System(frame_system::Call::remark_with_event { .. }))
	}
	fn is_answer(call: &RuntimeCall) -> bool {
		matches!(call, RuntimeCall::Consortium(crate::Call::remove_account { .. }))
	}
}

/// Transactions per organization and quota period in tests.
pub const QUOTA: u32 = 3;
/// Bytes per organization and quota period in tests.
pub const BYTES: u32 = 1_000;
/// The floors of the quotas.
pub const MIN_QUOTA: u32 = 2;
pub const MIN_BYTES: u32 = 100;
/// Council calls a seat may make past its quota.
pub const RESERVE: u32 = 2;

/// The founding agencies, in `OrgId` order 0…5.
pub const AGENCIES: [AgencyKind; 6] = [
	AgencyKind::FinanceBureau,
	AgencyKind::TaxBureau,
	AgencyKind::MarketRegulation,
	AgencyKind::Court,
	AgencyKind::IpOffice,
	AgencyKind::CreditRegulator,
];
/// The account of the founding agency of `kind`.
pub fn agency(kind: AgencyKind) -> u64 {
	10 + AGENCIES.iter().position(|k| *k == kind).unwrap() as u64
}
/// Its organization id.
pub fn agency_org(kind: AgencyKind) -> OrgId {
	AGENCIES.iter().position(|k| *k == kind).unwrap() as OrgId
}
/// The end of the founding agencies' term.
pub const FOUNDING_TERM: Moment = day(500);
/// Valid credit codes for test enterprises.
pub const CODE_A: &[u8] = b"91350100M000100Y43";
pub const CODE_B: &[u8] = b"91110000802100433B";

#[derive(Default)]
pub struct ExtBuilder;

impl ExtBuilder {
	pub fn build(self) -> sp_io::TestExternalities {
		let mut storage = frame_system::GenesisConfig::<Test>::default().build_storage().unwrap();
		pallet_consortium::GenesisConfig::<Test> {
			agencies: AGENCIES
				.iter()
				.map(|k| (*k, alloc::format!("{k:?}").into_bytes(), agency(*k), FOUNDING_TERM))
				.collect(),
			default_tx_quota: QUOTA,
			default_byte_quota: BYTES,
			jurisdiction: Division::NATIONAL,
		}
		.assimilate_storage(&mut storage)
		.unwrap();
		let mut ext = sp_io::TestExternalities::new(storage);
		ext.execute_with(|| System::set_block_number(1));
		TestClock::set(TEST_EPOCH);
		ext
	}

	/// Runs `test`, then checks the storage invariants.
	pub fn build_and_execute(self, test: impl FnOnce()) {
		execute_checked(self.build(), test)
	}
}

regchain_primitives::mock_kit!(Consortium);
