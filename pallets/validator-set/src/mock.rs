//! A minimal runtime for the pallet's tests: `Root` plays governance; membership is the
//! in-memory consortium of `regchain_primitives::testing` and session keys a small stand-in,
//! so that the pallet is tested on its own.
//!
//! Accounts 1–9 act for active agencies and have session keys; 1–4 are the founding
//! validators with a minimum of 2. Account 20 is an agency without keys, 30 an enterprise.

use crate::{self as pallet_validator_set, *};
use core::cell::RefCell;
use frame_support::{
	derive_impl,
	traits::{ConstU32, Get},
};
use frame_system::EnsureRoot;
use regchain_primitives::{
	testing::{TestMembership, TestOrg},
	AgencyKind, OrgId, OrgKind,
};
use sp_runtime::BuildStorage;

type Block = frame_system::mocking::MockBlock<Test>;

frame_support::construct_runtime!(
	pub enum Test {
		System: frame_system,
		ValidatorSet: pallet_validator_set,
	}
);

#[derive_impl(frame_system::config_preludes::TestDefaultConfig)]
impl frame_system::Config for Test {
	type Block = Block;
	type AccountId = u64;
	type Lookup = sp_runtime::traits::IdentityLookup<u64>;
}

thread_local! {
	/// Accounts with session keys.
	static KEYS: RefCell<Vec<u64>> = RefCell::new((1..=9).chain([30]).collect());
}

/// Ends the membership of `who`'s agency (expiry, suspension or revocation alike).
pub fn lapse(who: u64) {
	TestMembership::set_active(who as OrgId, false);
}

/// Drops (`false`) or registers `who`'s session keys.
pub fn set_keys(who: u64, registered: bool) {
	KEYS.with(|k| {
		let mut keys = k.borrow_mut();
		keys.retain(|x| *x != who);
		if registered {
			keys.push(who);
		}
	});
}

thread_local! {
	static SESSION: RefCell<Vec<u64>> = const { RefCell::new(Vec::new()) };
}

/// Stands in for `pallet-session`'s validators of the current session (none until a test
/// sets them).
pub struct TestSession;
impl TestSession {
	/// Sets the current session's validators.
	pub fn set(validators: Vec<u64>) {
		SESSION.with(|s| *s.borrow_mut() = validators);
	}
}
impl Get<Vec<u64>> for TestSession {
	fn get() -> Vec<u64> {
		SESSION.with(|s| s.borrow().clone())
	}
}

pub struct TestKeys;
impl frame_support::traits::ValidatorRegistration<u64> for TestKeys {
	fn is_registered(who: &u64) -> bool {
		KEYS.with(|k| k.borrow().contains(who))
	}
}

#[cfg(feature = "runtime-benchmarks")]
impl crate::BenchmarkHelper<u64> for TestKeys {
	fn register_keys(who: &u64) {
		KEYS.with(|k| k.borrow_mut().push(*who));
	}
}

impl Config for Test {
	type GovernanceOrigin = EnsureRoot<u64>;
	type Membership = TestMembership;
	type KeyRegistration = TestKeys;
	type SessionValidators = TestSession;
	type MaxValidators = ConstU32<6>;
	type MaxAdditionsPerSession = ConstU32<2>;
	type WeightInfo = ();
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = TestKeys;
}

pub struct ExtBuilder {
	validators: Vec<u64>,
	min: u32,
}

impl Default for ExtBuilder {
	fn default() -> Self {
		Self { validators: vec![1, 2, 3, 4], min: 2 }
	}
}

impl ExtBuilder {
	/// Founding validators and minimum other than the default.
	pub fn with_validators(mut self, validators: Vec<u64>, min: u32) -> Self {
		self.validators = validators;
		self.min = min;
		self
	}

	pub fn build(self) -> sp_io::TestExternalities {
		let mut storage = frame_system::GenesisConfig::<Test>::default().build_storage().unwrap();
		pallet_validator_set::GenesisConfig::<Test> {
			validators: self.validators,
			min_validators: self.min,
		}
		.assimilate_storage(&mut storage)
		.unwrap();
		// Accounts 1–9 and 20 are agencies (organization = account), 30 an enterprise.
		let agency = |id: u64| {
			TestOrg::new(id as OrgId, OrgKind::Agency(AgencyKind::FinanceBureau), &[], &[id])
		};
		let mut orgs: Vec<TestOrg> = (1..=9).chain([20]).map(agency).collect();
		orgs.push(TestOrg::new(30, OrgKind::Enterprise, &[], &[30]));
		TestMembership::reset(orgs);
		let mut ext = sp_io::TestExternalities::new(storage);
		ext.execute_with(|| System::set_block_number(1));
		ext
	}

	/// Runs `test`, then checks the storage invariants.
	pub fn build_and_execute(self, test: impl FnOnce()) {
		execute_checked(self.build(), test)
	}
}

regchain_primitives::mock_kit!(ValidatorSet);
