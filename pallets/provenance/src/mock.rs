//! A minimal runtime for the pallet's tests: the in-memory consortium of
//! `regchain_primitives::testing` behind the real `EnsureMember` origins.
//!
//! Organizations (account = organization id):
//! - 1: market regulation (an inspector); 2: customs (an inspector);
//! - 10: a manufacturer; 11: another manufacturer; 20: a carrier; 30: a retailer;
//!   31: another retailer; 40: an enterprise in no supply chain; 99 is no member.

use crate::{self as pallet_provenance, *};
use frame_support::{assert_ok, derive_impl};
pub use regchain_primitives::testing::{day, TestClock, TestMembership};
use regchain_primitives::{
	params::{agency, role},
	testing::TestOrg,
	AgencyKind, AnyMember, EnsureAgency, EnsureMember, EnsureRole, OrgKind, Role,
};
use sp_core::H256;
use sp_runtime::BuildStorage;

type Block = frame_system::mocking::MockBlock<Test>;

frame_support::construct_runtime!(
	pub enum Test {
		System: frame_system,
		Provenance: pallet_provenance,
	}
);

#[derive_impl(frame_system::config_preludes::TestDefaultConfig)]
impl frame_system::Config for Test {
	type Block = Block;
	type AccountId = u64;
	type Lookup = sp_runtime::traits::IdentityLookup<u64>;
}

pub const MARKET: u64 = 1;
pub const CUSTOMS: u64 = 2;
pub const MAKER: u64 = 10;
pub const OTHER_MAKER: u64 = 11;
pub const CARRIER: u64 = 20;
pub const SHOP: u64 = 30;
pub const OTHER_SHOP: u64 = 31;
pub const PLAIN: u64 = 40;
pub const OUTSIDER: u64 = 99;

impl Config for Test {
	type ManufacturerOrigin = EnsureRole<u64, TestMembership, role::Manufacturer>;
	type MemberOrigin = EnsureMember<u64, TestMembership, AnyMember>;
	type RetailerOrigin = EnsureRole<u64, TestMembership, role::Retailer>;
	type InspectorOrigin = EnsureRole<u64, TestMembership, role::Inspector>;
	type CustomsOrigin = EnsureAgency<u64, TestMembership, agency::Customs>;
	type RegulatorOrigin = EnsureAgency<u64, TestMembership, agency::MarketRegulation>;
	type Membership = TestMembership;
	type UnixTime = TestClock;
	type WeightInfo = ();
}

#[derive(Default)]
pub struct ExtBuilder;

impl ExtBuilder {
	pub fn build(self) -> sp_io::TestExternalities {
		let storage = frame_system::GenesisConfig::<Test>::default().build_storage().unwrap();
		let agency =
			|id, kind| TestOrg::new(id, OrgKind::Agency(kind), &[Role::Inspector], &[id as u64]);
		let firm =
			|id: u32, roles: &[Role]| TestOrg::new(id, OrgKind::Enterprise, roles, &[id as u64]);
		TestMembership::reset(vec![
			agency(1, AgencyKind::MarketRegulation),
			agency(2, AgencyKind::Customs),
			firm(10, &[Role::Manufacturer]),
			firm(11, &[Role::Manufacturer]),
			firm(20, &[Role::Logistics]),
			firm(30, &[Role::Retailer]),
			firm(31, &[Role::Retailer, Role::ProvenanceRecorder]),
			firm(40, &[]),
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

regchain_primitives::mock_kit!(Provenance);

/// A GLN with a right check digit: the factory, the depot, the shop.
pub const FACTORY: Gln = Gln(1_234_567_890_128);
pub const DEPOT: Gln = Gln(4_006_381_333_931);
pub const SHELF: Gln = Gln(96_385_074);

/// The `n`-th sample unit code.
pub fn code(n: u32) -> ItemCode {
	H256::from_low_u64_be(u64::from(n) + 1)
}

/// Unit codes `from..to`, to register.
pub fn codes(from: u32, to: u32) -> ItemList {
	list(&(from..to).map(code).collect::<Vec<_>>())
}

/// The id of the unit of the first class (0) with code `n`.
pub fn unit(n: u32) -> ItemId {
	item_id(CodeScope::Class(0), &code(n))
}

/// The `n`-th sample container code (distinct from the units').
pub fn case_code(n: u32) -> ItemCode {
	H256::from_low_u64_be(u64::from(n) + 1_000_000)
}

/// The id of the container `n` registered by `packer`.
pub fn case_of(packer: u64, n: u32) -> ItemId {
	item_id(CodeScope::Packer(packer as OrgId), &case_code(n))
}

/// The id of the manufacturer's container `n`.
pub fn case(n: u32) -> ItemId {
	case_of(MAKER, n)
}

/// An item list.
pub fn list(ids: &[ItemId]) -> ItemList {
	ids.to_vec().try_into().expect("short enough")
}

/// The ids of the first class's units `from..to`.
pub fn units(from: u32, to: u32) -> ItemList {
	units_of(0, from, to)
}

/// The ids of `class`'s units `from..to`.
pub fn units_of(class: ClassId, from: u32, to: u32) -> ItemList {
	list(&(from..to).map(|n| item_id(CodeScope::Class(class), &code(n))).collect::<Vec<_>>())
}

/// The manufacturer's class (no GTIN) and a batch of it produced today; their ids.
pub fn class_and_batch() -> (ClassId, BatchId) {
	let class = NextClassId::<Test>::get();
	assert_ok!(Provenance::register_class(
		RuntimeOrigin::signed(MAKER),
		b"TEA-250G".to_vec().try_into().unwrap(),
		None,
		H256::repeat_byte(1)
	));
	(class, batch_of(class))
}

/// A new batch of `class` by the manufacturer.
pub fn batch_of(class: ClassId) -> BatchId {
	let batch = NextBatchId::<Test>::get();
	assert_ok!(Provenance::register_batch(
		RuntimeOrigin::signed(MAKER),
		class,
		H256::repeat_byte(2),
		TestClock::get()
	));
	batch
}

/// A batch with units `from..to` at the factory; the batch's id.
pub fn batch_with(from: u32, to: u32) -> BatchId {
	let (_, batch) = class_and_batch();
	assert_ok!(Provenance::register_items(
		RuntimeOrigin::signed(MAKER),
		batch,
		codes(from, to),
		FACTORY
	));
	batch
}

/// Hands `items` from `from` to `to` (offer and accept at `at`).
pub fn hand_over(items: &ItemList, from: u64, to: u64, at: Gln) {
	assert_ok!(Provenance::offer(
		RuntimeOrigin::signed(from),
		items.clone(),
		to as OrgId,
		H256::zero()
	));
	assert_ok!(Provenance::accept(RuntimeOrigin::signed(to), items.clone(), at, H256::zero()));
}

/// The item's status as the runtime API shows it.
pub fn status(id: ItemId) -> ItemStatus {
	Provenance::item_status(id).expect("the item exists")
}

/// The holdings of `batch`, by organization id (the query pages in storage order).
pub fn holders(batch: BatchId) -> Vec<(OrgId, u32)> {
	let mut holders = Provenance::custodians_of_batch(batch, None, 100);
	holders.sort();
	holders
}

/// The kinds of `id`'s events, in order.
pub fn kinds(id: ItemId) -> Vec<EventKind> {
	Provenance::history(id, 0, 100).into_iter().map(|(_, e)| e.kind).collect()
}
