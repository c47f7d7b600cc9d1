//! A minimal runtime for the pallet's tests. Membership is the in-memory registry of
//! `regchain_primitives::testing` behind the real `EnsureMember` origins, and the wall clock is
//! settable, so that the pallet is tested on its own.
//!
//! Organizations (account = organization id unless said otherwise):
//! - 1: the tax bureau; 2: the finance bureau;
//! - 10: an enterprise holding `InvoiceIssuer`, with limits 1,000,000 fen per invoice and
//!   5,000,000 per month, net (accounts 10 and 11);
//! - 20: an enterprise buying (also holds `InvoiceIssuer`, without limits);
//! - 30: an enterprise with no role; account 99 is no member.
//!
//! Rates: [`test_rates`], 1 = 13 %, 2 = 9 %, 3 = 6 %, 4 = 3 %, 5 = 0 %, 6 = exempt.

use crate::{self as pallet_invoices, *};
use frame_support::{
	derive_impl,
	traits::{ConstU32, ConstU64},
};
use regchain_primitives::{
	params::{agency, role},
	testing::TestOrg,
	AgencyKind, AnyMember, EnsureAgency, EnsureMember, EnsureRole, OrgKind, Role,
};
pub use regchain_primitives::{
	testing::{hour, TestClock, TestMembership, TEST_EPOCH},
	CreditCode,
};
use sp_core::H256;
use sp_runtime::BuildStorage;

type Block = frame_system::mocking::MockBlock<Test>;

frame_support::construct_runtime!(
	pub enum Test {
		System: frame_system,
		Invoices: pallet_invoices,
	}
);

#[derive_impl(frame_system::config_preludes::TestDefaultConfig)]
impl frame_system::Config for Test {
	type Block = Block;
	type AccountId = u64;
	type Lookup = sp_runtime::traits::IdentityLookup<u64>;
}

pub const TAX: u64 = 1;
pub const FINANCE: u64 = 2;
pub const SELLER: u64 = 10;
pub const SELLER_CLERK: u64 = 11;
pub const BUYER: u64 = 20;
pub const OTHER: u64 = 30;
pub const OUTSIDER: u64 = 99;

/// 2026-11-10T12:00:00+08:00, where the tests' clock starts.
pub const NOVEMBER_2026: u64 = TEST_EPOCH;
/// 2026-12-10T12:00:00+08:00.
pub const DECEMBER_2026: u64 = 1_796_875_200_000;

/// 72 hours, in milliseconds: the buyer's time to answer a reversal.
pub const ANSWER_WINDOW: u64 = 72 * 3_600 * 1_000;

/// Moves the clock.
pub fn set_time(ms: u64) {
	TestClock::set(ms);
}

impl Config for Test {
	type Membership = TestMembership;
	type TaxOrigin = EnsureAgency<u64, TestMembership, agency::TaxBureau>;
	type IssuerOrigin = EnsureRole<u64, TestMembership, role::InvoiceIssuer>;
	type MemberOrigin = EnsureMember<u64, TestMembership, AnyMember>;
	type AnswerOrigin = regchain_primitives::EnsureAnswerer<u64, TestMembership, AnyMember>;
	type UnixTime = TestClock;
	type MaxRateChanges = ConstU32<4>;
	type ReversalAnswerWindow = ConstU64<ANSWER_WINDOW>;
	type Standing = regchain_primitives::testing::TestStanding;
	type ListedLimits = ListedLimits;
	type ClaimHolders = regchain_primitives::testing::TestInvoiceReversals;
	type WeightInfo = ();
}

frame_support::parameter_types! {
	/// The floor of a listed issuer: 100,000 yuan an invoice, 2,500,000 a month.
	pub const ListedLimits: IssuerLimits =
		IssuerLimits { per_invoice: Some(10_000_000), per_month: 250_000_000 };
}

#[derive(Default)]
pub struct ExtBuilder;

impl ExtBuilder {
	pub fn build(self) -> sp_io::TestExternalities {
		let mut storage = frame_system::GenesisConfig::<Test>::default().build_storage().unwrap();
		pallet_invoices::GenesisConfig::<Test> { rates: test_rates(), ..Default::default() }
			.assimilate_storage(&mut storage)
			.unwrap();
		TestMembership::reset(vec![
			TestOrg::new(1, OrgKind::Agency(AgencyKind::TaxBureau), &[], &[TAX]),
			TestOrg::new(2, OrgKind::Agency(AgencyKind::FinanceBureau), &[], &[FINANCE]),
			TestOrg::new(10, OrgKind::Enterprise, &[Role::InvoiceIssuer], &[SELLER, SELLER_CLERK]),
			TestOrg::new(20, OrgKind::Enterprise, &[Role::InvoiceIssuer], &[BUYER]),
			TestOrg::new(30, OrgKind::Enterprise, &[], &[OTHER]),
		]);
		let mut ext = sp_io::TestExternalities::new(storage);
		ext.execute_with(|| {
			System::set_block_number(1);
			Issuers::<Test>::insert(
				10,
				IssuerLimits { per_invoice: Some(1_000_000), per_month: 5_000_000 },
			);
		});
		ext
	}

	/// Runs `test`, then checks the storage invariants.
	pub fn build_and_execute(self, test: impl FnOnce()) {
		execute_checked(self.build(), test)
	}
}

regchain_primitives::mock_kit!(Invoices);

/// The tests' rate table (the shape of a real one): 1 = 13 %, 2 = 9 %, 3 = 6 %, 4 = 3 %,
/// 5 = 0 %, 6 = exempt.
pub fn test_rates() -> Vec<(RateCode, TaxRate)> {
	[1_300, 900, 600, 300, 0]
		.into_iter()
		.zip(1..)
		.map(|(bp, code)| (code, TaxRate::BasisPoints(bp)))
		.chain([(6, TaxRate::Exempt)])
		.collect()
}

/// The tax classification code of the tests' lines (electricity, 1100101020000000000).
pub const POWER: u64 = 1_100_101_020_000_000_000;

/// A line of `quantity` whole units at `unit_price` fen, tax excluded, and rate code `rate`.
pub fn line(quantity: u64, unit_price: Fen, rate: RateCode) -> LineInput {
	LineInput {
		description: H256::repeat_byte(7),
		classification: POWER,
		quantity: quantity * 1_000,
		unit_price: unit_price * PRICE_SCALE,
		tax_included: false,
		discount: 0,
		rate,
	}
}

/// 13 %, the rate of code 1.
pub const R13: TaxRate = TaxRate::BasisPoints(1_300);

/// Issues a special invoice of one line at 13 % from the seller to the buyer; returns its
/// number.
pub fn issue_to_buyer(net: Fen) -> InvoiceRef {
	let seq = ChainHeads::<Test>::get(10).next_seq;
	frame_support::assert_ok!(Invoices::issue(
		RuntimeOrigin::signed(SELLER),
		InvoiceType::Special,
		Buyer::Member(20),
		vec![line(1, net, 1)],
		H256::repeat_byte(1),
	));
	InvoiceRef { issuer: 10, seq }
}

/// Issues a special invoice to the buyer, which confirms receiving it.
pub fn confirmed(net: Fen) -> InvoiceRef {
	let id = issue_to_buyer(net);
	frame_support::assert_ok!(Invoices::confirm(RuntimeOrigin::signed(BUYER), id));
	id
}

/// Issues a special invoice to the buyer, which receives and deducts it.
pub fn deducted(net: Fen) -> InvoiceRef {
	let id = confirmed(net);
	frame_support::assert_ok!(Invoices::confirm_use(
		RuntimeOrigin::signed(BUYER),
		id,
		InputUse::Deduct
	));
	id
}

/// The seller reverses `id` in full, for an invoicing error.
pub fn reverse_all(id: InvoiceRef) -> sp_runtime::DispatchResult {
	let reason = RedReason::InvoicingError;
	Invoices::reverse(RuntimeOrigin::signed(SELLER), id, reason, vec![], H256::zero())
}

/// `org`'s output of `rate` in `period`.
pub fn output_of(org: OrgId, period: Period, rate: TaxRate) -> OutputSums {
	Totals::<Test>::get(org, period)
		.output
		.iter()
		.find(|r| r.rate == rate)
		.map(|r| r.sums)
		.unwrap_or_default()
}

/// `org`'s input of `rate` in `period`.
pub fn input_of(org: OrgId, period: Period, rate: TaxRate) -> InputSums {
	Totals::<Test>::get(org, period)
		.input
		.iter()
		.find(|r| r.rate == rate)
		.map(|r| r.sums)
		.unwrap_or_default()
}

/// A sum of one invoice.
pub fn one(net: Fen, tax: Fen) -> Sum {
	Sum { count: 1, net, tax }
}
