//! A minimal runtime for the pallet's tests. Membership is a small in-memory registry behind
//! the real `EnsureMember` origins of `regchain-primitives`, and the wall clock is settable, so
//! that the pallet is tested on its own.
//!
//! Organizations (account = organization id unless said otherwise):
//! - 1: the tax bureau; 2: the finance bureau;
//! - 10: an enterprise holding `InvoiceIssuer`, with limits 1,000,000 fen per invoice and
//!   5,000,000 per month (accounts 10 and 11);
//! - 20: an enterprise buying (also holds `InvoiceIssuer`, without limits);
//! - 30: an enterprise with no role; account 99 is no member.

use crate::{self as pallet_invoices, *};
use core::{cell::RefCell, time::Duration};
use frame_support::{derive_impl, parameter_types, traits::ConstU32};
use regchain_primitives::{
	AgencyKind, AnyMember, CreditCode, EnsureAgency, EnsureMember, EnsureRole, MemberInfo,
	Membership, OrgKind, Role, Roles,
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

/// 2026-11-10T12:00:00+08:00.
pub const NOVEMBER_2026: u64 = 1_794_283_200_000;
/// 2026-12-10T12:00:00+08:00.
pub const DECEMBER_2026: u64 = 1_796_875_200_000;

/// A valid credit code, distinct for each `n < 100`.
pub fn code(n: u64) -> CreditCode {
	let mut first = *b"91310000MA1FL0000";
	first[15] = b'0' + (n / 10 % 10) as u8;
	first[16] = b'0' + (n % 10) as u8;
	CreditCode::with_check_character(&first).expect("valid code")
}

#[derive(Clone)]
struct Org {
	id: OrgId,
	kind: OrgKind,
	roles: Roles,
	active: bool,
	accounts: Vec<u64>,
}

fn roles(list: &[Role]) -> Roles {
	let mut roles = Roles::default();
	for role in list {
		roles.insert(*role);
	}
	roles
}

thread_local! {
	static ORGS: RefCell<Vec<Org>> = RefCell::new(vec![
		Org { id: 1, kind: OrgKind::Agency(AgencyKind::TaxBureau), roles: Roles::default(), active: true, accounts: vec![TAX] },
		Org { id: 2, kind: OrgKind::Agency(AgencyKind::FinanceBureau), roles: Roles::default(), active: true, accounts: vec![FINANCE] },
		Org { id: 10, kind: OrgKind::Enterprise, roles: roles(&[Role::InvoiceIssuer]), active: true, accounts: vec![SELLER, SELLER_CLERK] },
		Org { id: 20, kind: OrgKind::Enterprise, roles: roles(&[Role::InvoiceIssuer]), active: true, accounts: vec![BUYER] },
		Org { id: 30, kind: OrgKind::Enterprise, roles: Roles::default(), active: true, accounts: vec![OTHER] },
	]);
	static NOW_MS: RefCell<u64> = const { RefCell::new(NOVEMBER_2026) };
}

/// Suspends (or with `false`, resumes) an organization, as the consortium would.
pub fn set_active(org: OrgId, active: bool) {
	ORGS.with(|o| {
		o.borrow_mut().iter_mut().filter(|x| x.id == org).for_each(|x| x.active = active)
	});
}

/// Revokes a role of an organization.
pub fn revoke_role(org: OrgId, role: Role) {
	ORGS.with(|o| {
		o.borrow_mut().iter_mut().filter(|x| x.id == org).for_each(|x| {
			x.roles.remove(role);
		})
	});
}

/// Moves the wall clock.
pub fn set_time(ms: u64) {
	NOW_MS.with(|n| *n.borrow_mut() = ms);
}

pub struct TestMembership;
impl Membership<u64> for TestMembership {
	fn member(who: &u64) -> Option<MemberInfo> {
		ORGS.with(|o| {
			o.borrow().iter().find(|x| x.active && x.accounts.contains(who)).map(|x| MemberInfo {
				org: x.id,
				kind: x.kind,
				roles: x.roles,
			})
		})
	}

	fn is_active_org(org: OrgId) -> bool {
		ORGS.with(|o| o.borrow().iter().any(|x| x.id == org && x.active))
	}

	fn credit_code(org: OrgId) -> Option<CreditCode> {
		ORGS.with(|o| {
			o.borrow()
				.iter()
				.find(|x| x.id == org && x.active && x.kind.needs_credit_code())
				.map(|x| code(x.id.into()))
		})
	}

	fn org_by_credit_code(credit_code: &CreditCode) -> Option<OrgId> {
		ORGS.with(|o| {
			o.borrow()
				.iter()
				.find(|x| {
					x.active && x.kind.needs_credit_code() && code(x.id.into()) == *credit_code
				})
				.map(|x| x.id)
		})
	}

	#[cfg(feature = "runtime-benchmarks")]
	fn make_member(who: &u64, kind: OrgKind, role: Option<Role>) -> OrgId {
		ORGS.with(|o| {
			let mut orgs = o.borrow_mut();
			let id = 40 + orgs.len() as OrgId;
			let roles = roles(role.as_slice());
			orgs.push(Org { id, kind, roles, active: true, accounts: vec![*who] });
			id
		})
	}
}

pub struct TestTime;
impl frame_support::traits::UnixTime for TestTime {
	fn now() -> Duration {
		Duration::from_millis(NOW_MS.with(|n| *n.borrow()))
	}
}

parameter_types! {
	pub const TaxBureau: AgencyKind = AgencyKind::TaxBureau;
	pub const Issuer: Role = Role::InvoiceIssuer;
}

impl Config for Test {
	type Membership = TestMembership;
	type TaxOrigin = EnsureAgency<u64, TestMembership, TaxBureau>;
	type IssuerOrigin = EnsureRole<u64, TestMembership, Issuer>;
	type MemberOrigin = EnsureMember<u64, TestMembership, AnyMember>;
	type UnixTime = TestTime;
	type MaxRateChanges = ConstU32<4>;
	type WeightInfo = ();
}

/// The rate table of the tests: 1 = 13 %, 2 = 9 %, 3 = 6 %, 4 = 3 %, 5 = 0 %, 6 = exempt.
pub fn standard_rates() -> Vec<(RateCode, TaxRate)> {
	vec![
		(1, TaxRate::BasisPoints(1_300)),
		(2, TaxRate::BasisPoints(900)),
		(3, TaxRate::BasisPoints(600)),
		(4, TaxRate::BasisPoints(300)),
		(5, TaxRate::BasisPoints(0)),
		(6, TaxRate::Exempt),
	]
}

#[derive(Default)]
pub struct ExtBuilder;

impl ExtBuilder {
	pub fn build(self) -> sp_io::TestExternalities {
		let mut storage = frame_system::GenesisConfig::<Test>::default().build_storage().unwrap();
		pallet_invoices::GenesisConfig::<Test> { rates: standard_rates(), ..Default::default() }
			.assimilate_storage(&mut storage)
			.unwrap();
		let mut ext = sp_io::TestExternalities::new(storage);
		ext.execute_with(|| {
			System::set_block_number(1);
			Issuers::<Test>::insert(
				10,
				IssuerLimits { per_invoice: 1_000_000, per_month: 5_000_000 },
			);
		});
		ext
	}

	/// Runs `test`, then checks the storage invariants.
	pub fn build_and_execute(self, test: impl FnOnce()) {
		self.build().execute_with(|| {
			test();
			Invoices::do_try_state().expect("storage invariants hold");
		});
	}
}

/// The last event the pallet emitted.
pub fn last_event() -> Event<Test> {
	System::events()
		.into_iter()
		.filter_map(|r| match r.event {
			RuntimeEvent::Invoices(e) => Some(e),
			_ => None,
		})
		.last()
		.expect("an event was emitted")
}

/// A line of `quantity` whole units at `unit_price` fen and rate code `rate`.
pub fn line(quantity: u64, unit_price: Fen, rate: RateCode) -> LineInput {
	LineInput { description: H256::repeat_byte(7), quantity: quantity * 1_000, unit_price, rate }
}

/// Issues an invoice of one line from the seller to the buyer; returns its number.
pub fn issue_to_buyer(net: Fen) -> InvoiceRef {
	let seq = ChainHeads::<Test>::get(10).next_seq;
	frame_support::assert_ok!(Invoices::issue(
		RuntimeOrigin::signed(SELLER),
		Buyer::Member(20),
		vec![line(1, net, 1)],
		H256::repeat_byte(1),
	));
	InvoiceRef { issuer: 10, seq }
}

/// Issues an invoice to the buyer, which confirms it.
pub fn confirmed(net: Fen) -> InvoiceRef {
	let id = issue_to_buyer(net);
	frame_support::assert_ok!(Invoices::confirm(RuntimeOrigin::signed(BUYER), id));
	id
}
