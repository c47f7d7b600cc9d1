//! One `impl Config` per pallet. Each value that is a policy choice says why it was chosen.
//! The consensus and accounting pallets are configured here; each RegChain pallet has its own
//! module.

mod call_policy;
mod consortium;
mod credit;
mod funds;
mod governance;
mod invoices;
mod ip_rights;
mod notarization;
mod provenance;
mod supervision;
mod validators;

pub use call_policy::{MemberCalls, MAX_CONNECTIONS_PER_NODE};
pub use consortium::{MaxMembershipTerm, DEFAULT_BYTE_QUOTA, DEFAULT_TX_QUOTA, MIN_TX_QUOTA};
pub use governance::MAX_MOTIONS_PER_SEAT;
pub use governance::{AgencyCouncilInstance, GovernanceOrigin, MAX_AGENCIES};
pub use validators::SESSION_PERIOD;

/// Every kind of record under the one freeze, as one [`regchain_primitives::FreezableRecords`]:
/// a call for a `RecordRef` goes to the pallet that keeps its tag, with that pallet's checks and
/// events. What a supervision pallet freezes and lifts records of any domain through.
pub type FreezableDomains = (
	regchain_primitives::Freezes<pallet_funds::AllocationRecords<Runtime>>,
	regchain_primitives::Freezes<pallet_funds::AccountRecords<Runtime>>,
	regchain_primitives::Freezes<crate::Invoices>,
	regchain_primitives::Freezes<crate::Credit>,
	regchain_primitives::Freezes<crate::Notarization>,
	regchain_primitives::Freezes<crate::Provenance>,
	regchain_primitives::Freezes<crate::IpRights>,
);

use crate::weights::{
	block_weights::BlockExecutionWeight, extrinsic_weights::ExtrinsicBaseWeight,
	paritydb_weights::constants::ParityDbWeight,
};
use crate::{
	currency::EXISTENTIAL_DEPOSIT, AccountId, Aura, Balance, Balances, Block, BlockNumber, Hash,
	Nonce, PalletInfo, Runtime, RuntimeCall, RuntimeEvent, RuntimeFreezeReason, RuntimeHoldReason,
	RuntimeOrigin, RuntimeTask, System, SLOT_DURATION, SS58_PREFIX, VERSION,
};
use frame_support::{
	derive_impl,
	dispatch::DispatchClass,
	parameter_types,
	traits::{ConstBool, ConstU128, ConstU32, ConstU64, ConstU8, VariantCountOf},
	weights::{constants::WEIGHT_REF_TIME_PER_SECOND, ConstantMultiplier, Weight},
};
use frame_system::limits::{BlockLength, BlockWeights};
use pallet_transaction_payment::{ConstFeeMultiplier, FungibleAdapter, Multiplier};
use sp_consensus_aura::sr25519::AuthorityId as AuraId;
use sp_runtime::{traits::One, Perbill};

/// Most validators of a consortium network: every agency of a province could run one.
pub const MAX_AUTHORITIES: u32 = 32;

/// Largest encoded block, in bytes.
const MAX_BLOCK_LENGTH: u32 = 5 * 1024 * 1024;

/// Share of a block that normal (non-operational) extrinsics may fill.
const NORMAL_DISPATCH_RATIO: Perbill = Perbill::from_percent(75);

parameter_types! {
	pub const Version: sp_version::RuntimeVersion = VERSION;
	pub const BlockHashCount: BlockNumber = 2400;

	/// Two seconds of compute per 6-second block, leaving the rest of the slot for import
	/// and propagation among validators; an empty block's and each extrinsic's base cost as
	/// measured on this node (`crate::weights`).
	pub RuntimeBlockWeights: BlockWeights = block_weights();
	/// 5 MiB blocks, of which normal extrinsics may fill the same share as of the weight.
	pub RuntimeBlockLength: BlockLength = BlockLength::builder()
		.max_length(MAX_BLOCK_LENGTH)
		.modify_max_length_for_class(DispatchClass::Normal, |max| {
			*max = NORMAL_DISPATCH_RATIO * MAX_BLOCK_LENGTH
		})
		.build();
	pub const SS58Prefix: u16 = SS58_PREFIX;
}

/// The block's weight budget (as `BlockWeights::with_sensible_defaults`: normal extrinsics
/// may fill [`NORMAL_DISPATCH_RATIO`] of it, operational ones the rest, 10 % expected for
/// `on_initialize`), with this node's measured base costs instead of polkadot-sdk's defaults.
fn block_weights() -> BlockWeights {
	let max_block = Weight::from_parts(2u64 * WEIGHT_REF_TIME_PER_SECOND, u64::MAX);
	let normal = NORMAL_DISPATCH_RATIO * max_block;
	BlockWeights::builder()
		.base_block(BlockExecutionWeight::get())
		.for_class(DispatchClass::all(), |weights| {
			weights.base_extrinsic = ExtrinsicBaseWeight::get();
		})
		.for_class(DispatchClass::Normal, |weights| {
			weights.max_total = normal.into();
		})
		.for_class(DispatchClass::Operational, |weights| {
			weights.max_total = max_block.into();
			weights.reserved = (max_block - normal).into();
		})
		.avg_block_initialization(Perbill::from_percent(10))
		.build()
		.expect("the budget is the sensible defaults' with smaller base costs; qed")
}

#[derive_impl(frame_system::config_preludes::SolochainDefaultConfig)]
impl frame_system::Config for Runtime {
	type Block = Block;
	type BlockWeights = RuntimeBlockWeights;
	type BlockLength = RuntimeBlockLength;
	type AccountId = AccountId;
	type Nonce = Nonce;
	type Hash = Hash;
	type BlockHashCount = BlockHashCount;
	// Measured on this node's ParityDB (`crate::weights::paritydb_weights`); RocksDB's figures,
	// which polkadot-sdk ships, charged 4-16 times what a read or write costs here.
	type DbWeight = ParityDbWeight;
	// polkadot-sdk's measured weights of the system calls and of the nonce, era, genesis and
	// weight checks every transaction passes, with this node's database weights: the
	// prelude's `()` prices their database accesses at RocksDB's.
	type SystemWeightInfo = frame_system::weights::SubstrateWeight<Runtime>;
	type ExtensionsWeightInfo = frame_system::SubstrateExtensionsWeight<Runtime>;
	type Version = Version;
	type AccountData = pallet_balances::AccountData<Balance>;
	type SS58Prefix = SS58Prefix;
	type MaxConsumers = ConstU32<16>;
	// Migrations that walk every record run over several blocks, transactions paused meanwhile.
	type MultiBlockMigrator = crate::MultiBlockMigrations;
}

parameter_types! {
	/// What the multi-block migrations may spend of each block while they run: the share
	/// normal extrinsics would have had (none run meanwhile); the rest stays for inherents and
	/// operational calls.
	pub MbmServiceWeight: Weight = NORMAL_DISPATCH_RATIO * RuntimeBlockWeights::get().max_block;
}

impl pallet_migrations::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	#[cfg(not(feature = "runtime-benchmarks"))]
	type Migrations = crate::RecordWalks;
	// Benchmarks measure the pallet's own work on mock migrations.
	#[cfg(feature = "runtime-benchmarks")]
	type Migrations = pallet_migrations::mock_helpers::MockedMigrations;
	type CursorMaxLen = ConstU32<{ regchain_primitives::migrations::MAX_CURSOR_LEN + 8 }>;
	type IdentifierMaxLen = ConstU32<{ regchain_primitives::migrations::MAX_MIGRATION_NAME + 8 }>;
	type MigrationStatusHandler = ();
	// A failed migration stops the chain taking transactions until governance (the root
	// origin: the council's or the sudo key's decision) fixes the storage and clears the cursor.
	type FailedMigrationHandler = frame_support::migrations::FreezeChainOnFailedMigration;
	type MaxServiceWeight = MbmServiceWeight;
	// polkadot-sdk's measured weights, with this node's database weights.
	type WeightInfo = pallet_migrations::weights::SubstrateWeight<Runtime>;
}

impl pallet_timestamp::Config for Runtime {
	type Moment = u64;
	type OnTimestampSet = Aura;
	type MinimumPeriod = ConstU64<{ SLOT_DURATION / 2 }>;
	type WeightInfo = pallet_timestamp::weights::SubstrateWeight<Runtime>;
}

impl pallet_aura::Config for Runtime {
	type AuthorityId = AuraId;
	type DisabledValidators = ();
	type MaxAuthorities = ConstU32<MAX_AUTHORITIES>;
	type AllowMultipleBlocksPerSlot = ConstBool<false>;
	type SlotDuration = pallet_aura::MinimumPeriodTimesTwo<Runtime>;
}

impl pallet_grandpa::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type WeightInfo = ();
	type MaxAuthorities = ConstU32<MAX_AUTHORITIES>;
	type MaxNominators = ConstU32<0>;
	type MaxSetIdSessionEntries = ConstU64<0>;
	// Equivocation reports need a session historical proof; agencies are accountable
	// off-chain, and barring a validator is a governance decision (consortium issue).
	type KeyOwnerProof = sp_core::Void;
	type EquivocationReportSystem = ();
}

impl pallet_balances::Config for Runtime {
	type MaxLocks = ConstU32<50>;
	type MaxReserves = ();
	type ReserveIdentifier = [u8; 8];
	type Balance = Balance;
	type RuntimeEvent = RuntimeEvent;
	type DustRemoval = ();
	type ExistentialDeposit = ConstU128<EXISTENTIAL_DEPOSIT>;
	type AccountStore = System;
	type WeightInfo = pallet_balances::weights::SubstrateWeight<Runtime>;
	type FreezeIdentifier = RuntimeFreezeReason;
	type MaxFreezes = VariantCountOf<RuntimeFreezeReason>;
	type RuntimeHoldReason = RuntimeHoldReason;
	type RuntimeFreezeReason = RuntimeFreezeReason;
	type DoneSlashHandler = ();
}

parameter_types! {
	/// Fees are zero whatever the congestion; see below.
	pub FeeMultiplier: Multiplier = Multiplier::one();
}

/// Members transact without fees: agencies and enterprises should not need a speculative token
/// to file an invoice or an attestation, and non-members cannot transact at all
/// (`pallet_consortium::CheckMember`). What bounds each member's use of the chain is its
/// transaction quota per period, not its balance. The pallet stays so that Polkadot.js's fee
/// estimate (`payment_queryInfo`) works unchanged (and shows 0), and tips still order the pool.
impl pallet_transaction_payment::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type OnChargeTransaction = FungibleAdapter<Balances, ()>;
	type OperationalFeeMultiplier = ConstU8<5>;
	type WeightToFee = ConstantMultiplier<Balance, ConstU128<0>>;
	type LengthToFee = ConstantMultiplier<Balance, ConstU128<0>>;
	type FeeMultiplierUpdate = ConstFeeMultiplier<FeeMultiplier>;
	type WeightInfo = pallet_transaction_payment::weights::SubstrateWeight<Runtime>;
}

impl pallet_sudo::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type RuntimeCall = RuntimeCall;
	type WeightInfo = pallet_sudo::weights::SubstrateWeight<Runtime>;
}
