//! A minimal runtime for the pallet's tests: `Root` plays governance; membership and session
//! keys are small in-memory stand-ins, so that the pallet is tested on its own.
//!
//! Accounts 1–9 act for active agencies and have session keys; 1–4 are the founding
//! validators with a minimum of 2. Account 20 is an agency without keys, 30 an enterprise.

use crate::{self as pallet_validator_set, *};
use core::cell::RefCell;
use frame_support::{derive_impl, traits::ConstU32};
use frame_system::EnsureRoot;
use regchain_primitives::{AgencyKind, CreditCode, MemberInfo, Membership, OrgId, OrgKind};
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
	/// Accounts of active agencies.
	static AGENCIES: RefCell<Vec<u64>> = RefCell::new((1..=9).chain([20]).collect());
	/// Accounts with session keys.
	static KEYS: RefCell<Vec<u64>> = RefCell::new((1..=9).chain([30]).collect());
}

/// Ends the membership of `who`'s agency (expiry, suspension or revocation alike).
pub fn lapse(who: u64) {
	AGENCIES.with(|a| a.borrow_mut().retain(|x| *x != who));
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

pub struct TestMembership;
impl Membership<u64> for TestMembership {
	fn member(who: &u64) -> Option<MemberInfo> {
		let kind = if AGENCIES.with(|a| a.borrow().contains(who)) {
			OrgKind::Agency(AgencyKind::FinanceBureau)
		} else if *who == 30 {
			OrgKind::Enterprise
		} else {
			return None;
		};
		Some(MemberInfo { org: *who as OrgId, kind, roles: Default::default() })
	}

	fn is_active_org(org: OrgId) -> bool {
		Self::member(&(org as u64)).is_some()
	}

	fn credit_code(_: OrgId) -> Option<CreditCode> {
		None
	}

	fn region(_: OrgId) -> Option<regchain_primitives::Division> {
		Some(regchain_primitives::Division::NATIONAL)
	}

	fn org_by_credit_code(_: &CreditCode) -> Option<OrgId> {
		None
	}

	#[cfg(feature = "runtime-benchmarks")]
	fn make_member(who: &u64, _: OrgKind, _: Option<regchain_primitives::Role>) -> OrgId {
		AGENCIES.with(|a| a.borrow_mut().push(*who));
		*who as OrgId
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
		let mut ext = sp_io::TestExternalities::new(storage);
		ext.execute_with(|| System::set_block_number(1));
		ext
	}

	/// Runs `test`, then checks the storage invariants.
	pub fn build_and_execute(self, test: impl FnOnce()) {
		self.build().execute_with(|| {
			test();
			ValidatorSet::do_try_state().expect("storage invariants hold");
		});
	}
}

/// The last event the pallet emitted.
pub fn last_event() -> Event<Test> {
	System::events()
		.into_iter()
		.filter_map(|r| match r.event {
			RuntimeEvent::ValidatorSet(e) => Some(e),
			_ => None,
		})
		.last()
		.expect("an event was emitted")
}
