//! A minimal runtime for the pallet's tests: the in-memory consortium of
//! `regchain_primitives::testing` behind the real `EnsureMember` origins, and a small invoice
//! book standing in for the invoices pallet's lock (the two pallets together are tested in the
//! runtime).
//!
//! Organizations (account = organization id):
//! - 1: the finance bureau (a regulator); 2: the audit office holding `Auditor`;
//! - 3: a fund manager (the science commission, holding `FundManager`); 4: another manager
//!   (the commerce commission);
//! - 10 and 20: enterprises (nationwide: their division is the test consortium's default);
//!   30: a bank (a financial institution); 99 is no member.

use crate::{self as pallet_funds, *};
use frame_support::{derive_impl, traits::EitherOf};
pub use regchain_primitives::testing::{hour, TestClock, TestInvoiceClaims};
use regchain_primitives::{
	params::{agency, kind, role},
	testing::{TestMembership, TestOrg},
	AgencyKind, AnyMember, EnsureAgency, EnsureMember, EnsureRole, IsKind, OrgKind, Role,
};
use sp_core::H256;
use sp_runtime::BuildStorage;

type Block = frame_system::mocking::MockBlock<Test>;

frame_support::construct_runtime!(
	pub enum Test {
		System: frame_system,
		Funds: pallet_funds,
	}
);

#[derive_impl(frame_system::config_preludes::TestDefaultConfig)]
impl frame_system::Config for Test {
	type Block = Block;
	type AccountId = u64;
	type Lookup = sp_runtime::traits::IdentityLookup<u64>;
}

pub const FINANCE: u64 = 1;
pub const AUDITOR: u64 = 2;
pub const MANAGER: u64 = 3;
pub const OTHER_MANAGER: u64 = 4;
pub const SME: u64 = 10;
pub const OTHER_SME: u64 = 20;
pub const BANK: u64 = 30;
pub const OUTSIDER: u64 = 99;

impl Config for Test {
	type ManagerOrigin = EnsureRole<u64, TestMembership, role::FundManager>;
	type EnterpriseOrigin = EitherOf<
		EnsureMember<u64, TestMembership, IsKind<kind::Enterprise>>,
		EnsureMember<u64, TestMembership, IsKind<kind::FinancialInstitution>>,
	>;
	type FinanceOrigin = EnsureAgency<u64, TestMembership, agency::FinanceBureau>;
	type ObjectorOrigin = EnsureMember<u64, TestMembership, AnyMember>;
	type RegulatorOrigin = EitherOf<
		EnsureAgency<u64, TestMembership, agency::FinanceBureau>,
		EnsureRole<u64, TestMembership, role::Auditor>,
	>;
	type BankOrigin = EnsureMember<u64, TestMembership, IsKind<kind::FinancialInstitution>>;
	type Invoices = TestInvoiceClaims;
	type UnixTime = TestClock;
	type WeightInfo = ();
	type Membership = TestMembership;
	type Standing = regchain_primitives::testing::TestStanding;
}

#[derive(Default)]
pub struct ExtBuilder;

impl ExtBuilder {
	pub fn build(self) -> sp_io::TestExternalities {
		let storage = frame_system::GenesisConfig::<Test>::default().build_storage().unwrap();
		TestInvoiceClaims::reset();
		TestMembership::reset(vec![
			TestOrg::new(1, OrgKind::Agency(AgencyKind::FinanceBureau), &[], &[FINANCE]),
			TestOrg::new(2, OrgKind::Agency(AgencyKind::AuditOffice), &[Role::Auditor], &[AUDITOR]),
			TestOrg::new(
				3,
				OrgKind::Agency(AgencyKind::ScienceCommission),
				&[Role::FundManager],
				&[MANAGER],
			),
			TestOrg::new(
				4,
				OrgKind::Agency(AgencyKind::CommerceCommission),
				&[Role::FundManager],
				&[OTHER_MANAGER],
			),
			TestOrg::new(10, OrgKind::Enterprise, &[], &[SME]),
			TestOrg::new(20, OrgKind::Enterprise, &[], &[OTHER_SME]),
			TestOrg::new(30, OrgKind::FinancialInstitution, &[], &[BANK]),
		]);
		let mut ext = sp_io::TestExternalities::new(storage);
		ext.execute_with(|| System::set_block_number(1));
		// Tests start at hour 1.
		TestClock::set(hour(1));
		ext
	}

	/// Runs `test`, then checks the storage invariants.
	pub fn build_and_execute(self, test: impl FnOnce()) {
		execute_checked(self.build(), test)
	}
}

regchain_primitives::mock_kit!(Funds);

/// Moves the clock to hour `n`.
pub fn run_to(n: u64) {
	TestClock::set(hour(n));
}

/// Categories 0 (equipment) and 1 (R&D).
pub const ELIGIBLE: Categories = Categories(0b11);

/// A program of the manager for any enterprise, budget 1,000,000 appropriated by the finance
/// bureau, applications from hour 1 to 100, end at hour 400 (awards are published for the
/// default 7 days, 168 hours).
pub fn program() -> ProgramId {
	program_with(Eligibility::any_enterprise())
}

/// The same program, for `eligibility`.
pub fn program_with(eligibility: Eligibility) -> ProgramId {
	program_of(eligibility, PaymentRules::default())
}

/// The same program for any enterprise, paid as `rules` say.
pub fn program_paid(rules: PaymentRules) -> ProgramId {
	program_of(Eligibility::any_enterprise(), rules)
}

/// The same program, for `eligibility`, paid as `rules` say.
pub fn program_of(eligibility: Eligibility, rules: PaymentRules) -> ProgramId {
	let id = NextProgramId::<Test>::get();
	frame_support::assert_ok!(create_program(MANAGER, eligibility, rules));
	frame_support::assert_ok!(Funds::set_budget(RuntimeOrigin::signed(FINANCE), id, 1_000_000));
	id
}

/// `who` creates the test's program (categories 0 and 1, applications from hour 1 to 100, end
/// at hour 400) for `eligibility`, paid as `rules` say; its budget is not appropriated.
pub fn create_program(
	who: u64,
	eligibility: Eligibility,
	rules: PaymentRules,
) -> sp_runtime::DispatchResult {
	Funds::create_program(
		RuntimeOrigin::signed(who),
		H256::repeat_byte(1),
		ELIGIBLE,
		hour(1),
		hour(100),
		hour(400),
		eligibility,
		None,
		rules,
	)
}

/// A project key no other application of the test holds: the application's id, hashed.
pub fn project(application: AllocationId) -> H256 {
	H256::from(sp_io::hashing::blake2_256(&application.to_le_bytes()))
}

/// `who` applies to `program` for `amount`, with a project key of its own.
pub fn apply(who: u64, program: ProgramId, amount: Fen) -> sp_runtime::DispatchResult {
	let key = project(NextApplicationId::<Test>::get());
	Funds::apply(RuntimeOrigin::signed(who), program, amount, H256::zero(), key)
}

/// An application of the enterprise to `program` for `amount`, approved in full (in its
/// publicity).
pub fn allocation(program: ProgramId, amount: Fen) -> AllocationId {
	let id = NextApplicationId::<Test>::get();
	frame_support::assert_ok!(Funds::apply(
		RuntimeOrigin::signed(SME),
		program,
		amount,
		H256::zero(),
		project(id),
	));
	frame_support::assert_ok!(Funds::approve(RuntimeOrigin::signed(MANAGER), id, amount));
	id
}

/// Ends an award's publicity now, as if its days had passed with no objection: the tests of
/// what comes after keep their clock.
pub fn end_publicity(id: AllocationId) {
	Publicities::<Test>::mutate(id, |p| {
		if let Some(p) = p {
			p.until = TestClock::get();
		}
	});
}

/// An allocation of `approved`, past its publicity, of which `disbursed` is disbursed.
pub fn funded(approved: Fen, disbursed: Fen) -> AllocationId {
	let id = allocation(program(), approved);
	end_publicity(id);
	frame_support::assert_ok!(Funds::disburse(
		RuntimeOrigin::signed(MANAGER),
		id,
		disbursed,
		H256::zero()
	));
	id
}
