//! A minimal runtime for the pallet's tests: the in-memory consortium of
//! `regchain_primitives::testing` behind the real `EnsureMember` origins, and its invoice book
//! standing in for the invoices pallet's receivable lock (the two pallets together are tested
//! in the runtime).
//!
//! Organizations (account = organization id):
//! - 1: the credit regulator; 2: the tax bureau and 3: a court, both holding `Attester`;
//! - 4: a bank holding `Attester`; 5: a bank that only lends;
//! - 10 and 20: enterprises; 30: a utility (an enterprise holding `Attester`); 99 is no member.

use crate::{self as pallet_credit, *};
use frame_support::{assert_ok, derive_impl, parameter_types};
pub use regchain_primitives::testing::{day, TestClock, TestInvoiceClaims, TestMembership};
use regchain_primitives::{
	params::{agency, kind, role},
	testing::TestOrg,
	time::{Moment, DAY},
	AgencyKind, EnsureAgency, EnsureMember, EnsureRole, IsKind, OrgKind, OrgKinds, Role,
};
use sp_core::H256;
use sp_runtime::BuildStorage;

type Block = frame_system::mocking::MockBlock<Test>;

frame_support::construct_runtime!(
	pub enum Test {
		System: frame_system,
		Credit: pallet_credit,
	}
);

#[derive_impl(frame_system::config_preludes::TestDefaultConfig)]
impl frame_system::Config for Test {
	type Block = Block;
	type AccountId = u64;
	type Lookup = sp_runtime::traits::IdentityLookup<u64>;
}

pub const REGULATOR: u64 = 1;
pub const TAX: u64 = 2;
pub const COURT: u64 = 3;
pub const BANK: u64 = 4;
pub const LENDER: u64 = 5;
pub const SME: u64 = 10;
pub const OTHER_SME: u64 = 20;
pub const UTILITY: u64 = 30;
pub const OUTSIDER: u64 = 99;

/// The attester's deadline to answer a dispute.
pub const DISPUTE_WINDOW: Moment = 20 * DAY;
/// The longest consent.
pub const MAX_TERM: Moment = 365 * DAY;

parameter_types! {
	pub const DisputeWindow: Moment = DISPUTE_WINDOW;
	pub const MaxGrantTerm: Moment = MAX_TERM;
	pub const AccessValidity: Moment = DAY;
}

impl Config for Test {
	type RegulatorOrigin = EnsureAgency<u64, TestMembership, agency::CreditRegulator>;
	type AttesterOrigin = EnsureRole<u64, TestMembership, role::Attester>;
	type EnterpriseOrigin = EnsureMember<u64, TestMembership, IsKind<kind::Enterprise>>;
	type AnswerOrigin =
		regchain_primitives::EnsureAnswerer<u64, TestMembership, IsKind<kind::Enterprise>>;
	type LenderOrigin = EnsureMember<u64, TestMembership, IsKind<kind::FinancialInstitution>>;
	type Membership = TestMembership;
	type Invoices = TestInvoiceClaims;
	type GovernanceOrigin = frame_system::EnsureRoot<u64>;
	type UnixTime = TestClock;
	type DisputeWindow = DisputeWindow;
	type MaxGrantTerm = MaxGrantTerm;
	type AccessValidity = AccessValidity;
	type WeightInfo = ();
}

#[derive(Default)]
pub struct ExtBuilder;

impl ExtBuilder {
	pub fn build(self) -> sp_io::TestExternalities {
		let storage = frame_system::GenesisConfig::<Test>::default().build_storage().unwrap();
		TestInvoiceClaims::reset();
		let agency = |id, kind, roles: &[Role], account| {
			TestOrg::new(id, OrgKind::Agency(kind), roles, &[account])
		};
		TestMembership::reset(vec![
			agency(1, AgencyKind::CreditRegulator, &[], REGULATOR),
			agency(2, AgencyKind::TaxBureau, &[Role::Attester], TAX),
			agency(3, AgencyKind::Court, &[Role::Attester], COURT),
			TestOrg::new(4, OrgKind::FinancialInstitution, &[Role::Attester], &[BANK]),
			TestOrg::new(5, OrgKind::FinancialInstitution, &[], &[LENDER]),
			TestOrg::new(10, OrgKind::Enterprise, &[], &[SME]),
			TestOrg::new(20, OrgKind::Enterprise, &[], &[OTHER_SME]),
			TestOrg::new(30, OrgKind::Enterprise, &[Role::Attester], &[UTILITY]),
		]);
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

regchain_primitives::mock_kit!(Credit);

/// Bytes as a bounded vector.
pub fn bounded<const N: u32>(
	bytes: &[u8],
) -> frame_support::BoundedVec<u8, frame_support::traits::ConstU32<N>> {
	bytes.to_vec().try_into().expect("short enough")
}

/// Ratings from their labels.
pub fn ratings(labels: &[&str]) -> Ratings {
	labels.iter().map(|l| bounded(l.as_bytes())).collect::<Vec<_>>().try_into().expect("few")
}

/// Claim type 0-style: the tax credit grade (A, B, M, C, D), attested by tax bureaus, with the
/// tax bureau authorized.
pub fn tax_grade() -> ClaimTypeId {
	let id = NextClaimTypeId::<Test>::get();
	assert_ok!(Credit::register_claim_type(
		RuntimeOrigin::signed(REGULATOR),
		bounded(b"tax-credit-grade"),
		H256::repeat_byte(1),
		ratings(&["A", "B", "M", "C", "D"]),
		OrgKinds::of(&[OrgKind::Agency(AgencyKind::TaxBureau)]),
		false,
	));
	assert_ok!(Credit::authorize_attester(RuntimeOrigin::signed(REGULATOR), id, 2));
	id
}

/// A receivable (invoice financing) claim type attested by banks, with the bank authorized.
pub fn receivable() -> ClaimTypeId {
	let id = NextClaimTypeId::<Test>::get();
	assert_ok!(Credit::register_claim_type(
		RuntimeOrigin::signed(REGULATOR),
		bounded(b"receivable-financing"),
		H256::repeat_byte(2),
		Ratings::default(),
		OrgKinds::of(&[OrgKind::FinancialInstitution]),
		true,
	));
	assert_ok!(Credit::authorize_attester(RuntimeOrigin::signed(REGULATOR), id, 4));
	id
}

/// The SME's consent to the bank (4) pledging its invoices for receivables of `claim_types`
/// (all when empty), for `term` from now; returns the grant's id.
pub fn financing_consent(claim_types: &[ClaimTypeId], term: Moment) -> GrantId {
	let id = NextGrantId::<Test>::get();
	let scope = if claim_types.is_empty() {
		Scope { claim_types: ClaimTypeScope::All, figures: false }
	} else {
		only(claim_types, false)
	};
	let until = TestClock::get() + term;
	assert_ok!(Credit::grant_consent(
		RuntimeOrigin::signed(SME),
		4,
		scope,
		Purpose::InvoiceFinancing,
		until
	));
	id
}

/// The tax bureau's grade `rating` for the SME, valid from now for a year.
pub fn graded(claim_type: ClaimTypeId, rating: Rating) -> AttestationId {
	let id = NextAttestationId::<Test>::get();
	let now = TestClock::get();
	assert_ok!(Credit::attest(
		RuntimeOrigin::signed(TAX),
		10,
		claim_type,
		H256::repeat_byte(9),
		Some(rating),
		now,
		now + 365 * DAY,
		Default::default(),
	));
	id
}

/// A scope of the listed claim types, with or without the figures.
pub fn only(claim_types: &[ClaimTypeId], figures: bool) -> Scope {
	Scope {
		claim_types: ClaimTypeScope::Only(claim_types.to_vec().try_into().expect("few")),
		figures,
	}
}

/// The SME's consent to the lending bank for pre-loan review of `scope`, for 30 days.
pub fn consent(scope: Scope) -> GrantId {
	let id = NextGrantId::<Test>::get();
	assert_ok!(Credit::grant_consent(
		RuntimeOrigin::signed(SME),
		5,
		scope,
		Purpose::PreLoanReview,
		TestClock::get() + 30 * DAY,
	));
	id
}

/// The catalogue's discipline claim type `kind` (by its name), attested by courts, with the
/// court authorized.
pub fn discipline(kind: regchain_primitives::DisciplineKind) -> ClaimTypeId {
	let id = NextClaimTypeId::<Test>::get();
	assert_ok!(Credit::register_claim_type(
		RuntimeOrigin::signed(REGULATOR),
		bounded(kind.claim_type_name().as_bytes()),
		H256::repeat_byte(3),
		Ratings::default(),
		OrgKinds::of(&[OrgKind::Agency(AgencyKind::Court)]),
		false,
	));
	assert_ok!(Credit::authorize_attester(RuntimeOrigin::signed(REGULATOR), id, 3));
	id
}
