//! A minimal runtime for the pallet's tests: the in-memory consortium of
//! `regchain_primitives::testing` behind the real `EnsureMember` origins.
//!
//! Organizations (account = organization id):
//! - 1: an internet court holding `Notary`; 2: a notary office (a court-kind agency) holding
//!   `Notary`; 3: a court without the role; 4: the tax bureau;
//! - 10 and 20: enterprises; 99 is no member.

use crate::{self as pallet_notarization, *};
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
		Notarization: pallet_notarization,
	}
);

#[derive_impl(frame_system::config_preludes::TestDefaultConfig)]
impl frame_system::Config for Test {
	type Block = Block;
	type AccountId = u64;
	type Lookup = sp_runtime::traits::IdentityLookup<u64>;
}

pub const COURT: u64 = 1;
pub const NOTARY_OFFICE: u64 = 2;
pub const PLAIN_COURT: u64 = 3;
pub const TAX: u64 = 4;
pub const ALICE_CO: u64 = 10;
pub const BOB_CO: u64 = 20;
pub const OUTSIDER: u64 = 99;

impl Config for Test {
	type SubmitterOrigin = EnsureMember<u64, TestMembership, AnyMember>;
	type NotaryOrigin = EnsureRole<u64, TestMembership, role::Notary>;
	type FreezeOrigin = EnsureAgency<u64, TestMembership, agency::Court>;
	type Membership = TestMembership;
	type UnixTime = TestClock;
	type WeightInfo = ();
}

#[derive(Default)]
pub struct ExtBuilder;

impl ExtBuilder {
	pub fn build(self) -> sp_io::TestExternalities {
		let storage = frame_system::GenesisConfig::<Test>::default().build_storage().unwrap();
		let agency = |id, kind, roles: &[Role], account| {
			TestOrg::new(id, OrgKind::Agency(kind), roles, &[account])
		};
		TestMembership::reset(vec![
			agency(1, AgencyKind::Court, &[Role::Notary], COURT),
			agency(2, AgencyKind::Court, &[Role::Notary], NOTARY_OFFICE),
			agency(3, AgencyKind::Court, &[], PLAIN_COURT),
			agency(4, AgencyKind::TaxBureau, &[], TAX),
			TestOrg::new(10, OrgKind::Enterprise, &[], &[ALICE_CO]),
			TestOrg::new(20, OrgKind::Enterprise, &[], &[BOB_CO]),
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

regchain_primitives::mock_kit!(Notarization);

/// The `n`-th sample digest.
pub fn digest(n: u8) -> H256 {
	H256::repeat_byte(n)
}

/// `n` distinct sample digests.
pub fn digests(n: u32) -> Vec<H256> {
	(0..n).map(|i| H256::from_low_u64_be(u64::from(i) + 1)).collect()
}

/// Alice's company notarizes sample digest `n` (SHA-256, a contract); its record id.
pub fn notarized(n: u8) -> RecordId {
	let id = NextRecordId::<Test>::get();
	assert_ok!(Notarization::notarize(
		RuntimeOrigin::signed(ALICE_CO),
		HashAlgorithm::Sha256,
		digest(n),
		EvidenceType::Contract,
		H256::repeat_byte(0xee),
		None,
	));
	id
}

/// Alice's company anchors a batch of `items` (SM3); its record id.
pub fn batch(items: &[H256]) -> RecordId {
	let id = NextRecordId::<Test>::get();
	assert_ok!(Notarization::anchor_batch(
		RuntimeOrigin::signed(ALICE_CO),
		HashAlgorithm::Sm3,
		merkle::root(HashAlgorithm::Sm3, items),
		items.len() as u32,
		EvidenceType::ChatRecord,
		H256::repeat_byte(0xee),
		None,
	));
	id
}

/// A proof as the call takes it.
pub fn bounded(proof: Vec<H256>) -> Proof {
	proof.try_into().expect("short enough")
}

/// The court certifies digest `n`'s single record `id`, dated today.
pub fn certified(id: RecordId, n: u8) {
	assert_ok!(Notarization::certify(
		RuntimeOrigin::signed(COURT),
		id,
		digest(n),
		0,
		Proof::default(),
		H256::repeat_byte(0xce),
		TestClock::get(),
	));
}
