//! # RegChain runtime
//!
//! The state-transition function of RegChain, the permissioned chain on which government
//! agencies supervise the market while it operates and after the fact (事中事后监管).
//!
//! It composes:
//! - **infrastructure** (indices 0–9): `System`, `Timestamp`, `Aura` (block production by the
//!   agency validators, one slot every [`MILLI_SECS_PER_BLOCK`]), `Grandpa` (finality),
//!   `Balances` and `TransactionPayment` (the chain's own token, see [`currency`]) and `Sudo`
//!   (whose key is set only by the `development` genesis preset; every other preset leaves it
//!   empty, so no single key rules a real network);
//! - `Consortium` (index 10): member organizations, their accounts, terms and roles — the one
//!   place every other pallet asks who may do what — and the seat of each agency on the
//!   `AgencyCouncil` (11, `pallet-collective`), whose two-thirds majority is the chain's
//!   governance ([`configs::GovernanceOrigin`]);
//! - `ValidatorSet` (12) and `Session` (13): the agencies' validators, changed by governance
//!   at session boundaries ([`configs::SESSION_PERIOD`]); `NodeAuthorization` (14): the peer
//!   ids of the agencies' nodes, the only ones validators connect to;
//! - the domain pallets of `pallets/` as they are added, each at an explicit index that is
//!   never reused: 10–19 consortium and governance, 20–39 the regulatory
//!   domains, 40–49 supervision.
//!
//! The code lives in small modules: [`configs`] (one `impl Config` per pallet), [`apis`] (the
//! runtime APIs the node and the RPC layer call) and [`genesis_config_presets`] (the
//! `development`, `local_testnet` and `consortium` starting states).
#![cfg_attr(not(feature = "std"), no_std)]
// `construct_runtime`'s expansion is large.
#![recursion_limit = "256"]

#[cfg(feature = "std")]
include!(concat!(env!("OUT_DIR"), "/wasm_binary.rs"));

extern crate alloc;

pub mod apis;
#[cfg(feature = "runtime-benchmarks")]
mod benchmarks;
pub mod configs;
pub mod genesis_config_presets;
pub mod weights;

use alloc::{borrow::Cow, vec::Vec};
use sp_runtime::{
	generic, impl_opaque_keys,
	traits::{BlakeTwo256, IdentifyAccount, Verify},
	MultiAddress, MultiSignature,
};
use sp_version::RuntimeVersion;

pub use frame_system::Call as SystemCall;
pub use pallet_balances::Call as BalancesCall;
pub use pallet_timestamp::Call as TimestampCall;
#[cfg(any(feature = "std", test))]
pub use sp_runtime::BuildStorage;

/// Opaque types: what the node needs to know of blocks without knowing the runtime's calls.
pub mod opaque {
	use super::*;
	use alloc::vec::Vec;
	use sp_runtime::traits::Hash as HashT;

	pub use sp_runtime::OpaqueExtrinsic as UncheckedExtrinsic;

	/// Opaque block header type.
	pub type Header = generic::Header<BlockNumber, BlakeTwo256>;
	/// Opaque block type.
	pub type Block = generic::Block<Header, UncheckedExtrinsic>;
	/// Opaque block identifier type.
	pub type BlockId = generic::BlockId<Block>;
	/// Opaque block hash type.
	pub type Hash = <BlakeTwo256 as HashT>::Output;

	impl_opaque_keys! {
		/// The session keys of a validator: Aura to author blocks, GRANDPA to vote on finality.
		pub struct SessionKeys {
			pub aura: super::Aura,
			pub grandpa: super::Grandpa,
		}
	}
}

/// Identifies this runtime. `spec_version` must be raised by every runtime upgrade, and
/// `transaction_version` whenever an existing call's index or arguments change.
#[sp_version::runtime_version]
pub const VERSION: RuntimeVersion = RuntimeVersion {
	spec_name: Cow::Borrowed("regchain"),
	impl_name: Cow::Borrowed("regchain-node"),
	authoring_version: 1,
	spec_version: 126,
	impl_version: 1,
	apis: apis::RUNTIME_API_VERSIONS,
	transaction_version: 7,
	system_version: 1,
};

/// Block time. Six seconds, as most Substrate chains: long enough for GRANDPA votes between
/// agency data centres across a city or province, short enough that an invoice or an
/// attestation is on chain while the clerk waits.
pub const MILLI_SECS_PER_BLOCK: u64 = 6000;
/// Aura slot duration; equal to the block time.
pub const SLOT_DURATION: u64 = MILLI_SECS_PER_BLOCK;

/// Time in blocks, for what is measured in block space (transaction-quota periods, sessions).
/// Dates (terms, windows, deadlines) are on-chain time: `regchain_primitives::time`.
pub const MINUTES: BlockNumber = 60_000 / (MILLI_SECS_PER_BLOCK as BlockNumber);
/// One hour in blocks.
pub const HOURS: BlockNumber = MINUTES * 60;
/// One day in blocks.
pub const DAYS: BlockNumber = HOURS * 24;

/// The chain's token, `REG`. It pays for transaction inclusion; it is not money and carries no
/// yuan amounts (those are plain `u64` fen, `regchain_primitives::Fen`, in the domain pallets).
pub mod currency {
	use super::Balance;

	/// The token symbol shown by wallets and Polkadot.js.
	pub const TOKEN_SYMBOL: &str = "REG";
	/// Decimals: 12, the Substrate default, so that fee arithmetic has head-room and tools
	/// format amounts as they do for other Substrate chains.
	pub const TOKEN_DECIMALS: u32 = 12;
	/// One whole token.
	pub const UNIT: Balance = 1_000_000_000_000;
	/// A thousandth of a token.
	pub const MILLI_UNIT: Balance = 1_000_000_000;
	/// A millionth of a token.
	pub const MICRO_UNIT: Balance = 1_000_000;
	/// The minimum balance an account must keep to exist.
	pub const EXISTENTIAL_DEPOSIT: Balance = MILLI_UNIT;
}

/// The SS58 address prefix: 42, the generic Substrate prefix meant for chains without an entry
/// in the SS58 registry. A consortium chain is not a public network that needs its own prefix,
/// and 42 keeps agency keys readable by every Substrate tool (subkey, Polkadot.js, the node's
/// `key` subcommand) without configuration.
pub const SS58_PREFIX: u16 = 42;

/// An index to a block.
pub type BlockNumber = u32;
/// Signature of a transaction: sr25519, ed25519 or ecdsa.
pub type Signature = MultiSignature;
/// An account on the chain: the public key behind a signature.
pub type AccountId = <<Signature as Verify>::Signer as IdentifyAccount>::AccountId;
/// A token balance.
pub type Balance = u128;
/// The number of transactions an account has sent.
pub type Nonce = u32;
/// A hash of some data used by the chain.
pub type Hash = sp_core::H256;
/// The address format for describing accounts.
pub type Address = MultiAddress<AccountId, ()>;
/// Block header type.
pub type Header = generic::Header<BlockNumber, BlakeTwo256>;
/// Block type.
pub type Block = generic::Block<Header, UncheckedExtrinsic>;
/// A block with its justifications.
pub type SignedBlock = generic::SignedBlock<Block>;
/// Block identifier.
pub type BlockId = generic::BlockId<Block>;

/// The checks every signed transaction passes, in order. `CheckMember` (refuses non-members
/// and calls members may not make, meters members by quota) comes before the nonce and fee
/// checks so that an outsider is told what is wrong (`BadSigner`), not that it lacks funds,
/// and immediately before `CheckNonce`, whose nonce it reads to count the transactions the
/// account already has in the pool. It carries no data, so Polkadot.js signs for this chain
/// without any type bundle; all the others are standard.
pub type TxExtension = (
	frame_system::CheckNonZeroSender<Runtime>,
	frame_system::CheckSpecVersion<Runtime>,
	frame_system::CheckTxVersion<Runtime>,
	frame_system::CheckGenesis<Runtime>,
	frame_system::CheckEra<Runtime>,
	pallet_consortium::CheckMember<Runtime>,
	frame_system::CheckNonce<Runtime>,
	frame_system::CheckWeight<Runtime>,
	pallet_transaction_payment::ChargeTransactionPayment<Runtime>,
	frame_system::WeightReclaim<Runtime>,
);

/// The transaction extensions of a member's extrinsic signed with `nonce`, valid in `era`
/// (members pay no fees: the tip is 0) — as a wallet builds them, for the tools and tests of
/// this workspace that sign or weigh an extrinsic with the runtime's own types.
pub fn tx_extension(nonce: Nonce, era: generic::Era) -> TxExtension {
	(
		frame_system::CheckNonZeroSender::new(),
		frame_system::CheckSpecVersion::new(),
		frame_system::CheckTxVersion::new(),
		frame_system::CheckGenesis::new(),
		frame_system::CheckEra::from(era),
		pallet_consortium::CheckMember::new(),
		frame_system::CheckNonce::from(nonce),
		frame_system::CheckWeight::new(),
		pallet_transaction_payment::ChargeTransactionPayment::from(0),
		frame_system::WeightReclaim::new(),
	)
}

/// Unchecked extrinsic type as expected by this runtime.
pub type UncheckedExtrinsic =
	generic::UncheckedExtrinsic<Address, RuntimeCall, Signature, TxExtension>;
/// The payload being signed in transactions.
pub type SignedPayload = generic::SignedPayload<RuntimeCall, TxExtension>;

/// Storage migrations run in the block of the next runtime upgrade: none. Every migration
/// visits every record of a map, so each is a walk of [`RecordWalks`].
pub type Migrations = ();

/// Storage migrations of the next runtime upgrade, run by `pallet-migrations` from the upgrade's
/// block on, over as many blocks as they need, in this order, transactions paused meanwhile
/// (each runs only from the storage version it migrates, so a chain started at the current
/// versions skips them; each runs once: `pallet-migrations` keeps their names).
pub type RecordWalks = (
	pallet_invoices::migrations::MigrateV1ToV2<Runtime>,
	// Terms, windows, rate changes and histories from block numbers to on-chain time.
	pallet_consortium::migrations::MigrateV1ToV2<Runtime, BlockTime>,
	pallet_funds::migrations::MigrateV1ToV2<Runtime, BlockTime>,
	pallet_invoices::migrations::MigrateV2ToV3<Runtime, BlockTime>,
	// Records and product classes indexed by owner (the dossier's evidence and products).
	pallet_notarization::migrations::MigrateV1ToV2<Runtime>,
	pallet_provenance::migrations::MigrateV1ToV2<Runtime>,
	// Members indexed by region (an agency's paged list of the members it oversees).
	pallet_consortium::migrations::MigrateV2ToV3<Runtime>,
	// Each lender's latest access to each SME's data (the gateway's one-read check).
	pallet_credit::migrations::MigrateV1ToV2<Runtime>,
	// One certification per court, and each record's admissions counted.
	pallet_notarization::migrations::MigrateV2ToV3<Runtime>,
	// The one freeze: funds' allocation and account freezes and the invoices' audit flag.
	pallet_funds::migrations::MigrateV2ToV3<Runtime, FoundingAgency>,
	pallet_invoices::migrations::MigrateV3ToV4<Runtime, FoundingAgency>,
	// Joint discipline: the discipline claim types named, the listings in force kept.
	pallet_credit::migrations::MigrateV2ToV3Names<Runtime>,
	pallet_credit::migrations::MigrateV2ToV3<Runtime>,
	// Open cases counted by subject (a random inspection's weights).
	pallet_supervision::migrations::MigrateV1ToV2<Runtime>,
	// A random inspection's record sets and recalls: each maker's latest recall dated, plans
	// given a record set, pending plans counted by agency.
	pallet_provenance::migrations::MigrateV2ToV3<Runtime>,
	pallet_supervision::migrations::MigrateV2ToV3<Runtime>,
	// Invoice types, use confirmed apart from receipt, totals a row a VAT rate.
	pallet_invoices::migrations::MigrateV4ToV5<Runtime>,
	// Red-letter requests apart from red invoices (a pending reversal becomes a request).
	pallet_invoices::migrations::MigrateV5ToV6<Runtime>,
	// Program terms with payment rules; paid awards counted as awaiting evaluation.
	pallet_funds::migrations::MigrateV3ToV4<Runtime>,
);

/// The organization recorded as the author of the freezes older than the one freeze, which did
/// not record who froze: the consortium's founding agency, organization 0 in every chain spec
/// of this repository (the finance bureau of the dev and local chains). A network founded
/// otherwise names its own before upgrading past spec 117.
type FoundingAgency = frame_support::traits::ConstU32<0>;

/// The block time, for the migrations that date past and future blocks.
type BlockTime = frame_support::traits::ConstU64<MILLI_SECS_PER_BLOCK>;

/// Executive: dispatches calls to the pallets.
pub type Executive = frame_executive::Executive<
	Runtime,
	Block,
	frame_system::ChainContext<Runtime>,
	Runtime,
	AllPalletsWithSystem,
	Migrations,
>;

/// The runtime: its pallets and their indices. An index is part of every encoded call and
/// storage key of its pallet, so it never changes and is never reused (`tests/runtime.rs`,
/// `pallet_indices_and_storage_prefixes_are_pinned`, lists every pallet).
#[frame_support::runtime]
mod runtime {
	#[runtime::runtime]
	#[runtime::derive(
		RuntimeCall,
		RuntimeEvent,
		RuntimeError,
		RuntimeOrigin,
		RuntimeFreezeReason,
		RuntimeHoldReason,
		RuntimeSlashReason,
		RuntimeLockId,
		RuntimeTask,
		RuntimeViewFunction
	)]
	pub struct Runtime;

	#[runtime::pallet_index(0)]
	pub type System = frame_system;

	#[runtime::pallet_index(1)]
	pub type Timestamp = pallet_timestamp;

	#[runtime::pallet_index(2)]
	pub type Aura = pallet_aura;

	#[runtime::pallet_index(3)]
	pub type Grandpa = pallet_grandpa;

	#[runtime::pallet_index(4)]
	pub type Balances = pallet_balances;

	#[runtime::pallet_index(5)]
	pub type TransactionPayment = pallet_transaction_payment;

	#[runtime::pallet_index(6)]
	pub type Sudo = pallet_sudo;

	#[runtime::pallet_index(7)]
	pub type MultiBlockMigrations = pallet_migrations;

	// Consortium and governance: 10–19.
	#[runtime::pallet_index(10)]
	pub type Consortium = pallet_consortium;

	#[runtime::pallet_index(11)]
	pub type AgencyCouncil = pallet_collective<Instance1>;

	// Before `Session`: its genesis asks the validator set for the first validators.
	#[runtime::pallet_index(12)]
	pub type ValidatorSet = pallet_validator_set;

	#[runtime::pallet_index(13)]
	pub type Session = pallet_session;

	#[runtime::pallet_index(14)]
	pub type NodeAuthorization = pallet_node_authorization;

	// The six domains of the study, from 20 on.
	#[runtime::pallet_index(20)]
	pub type Invoices = pallet_invoices;

	#[runtime::pallet_index(21)]
	pub type Funds = pallet_funds;

	#[runtime::pallet_index(22)]
	pub type Credit = pallet_credit;

	#[runtime::pallet_index(23)]
	pub type Notarization = pallet_notarization;

	#[runtime::pallet_index(24)]
	pub type Provenance = pallet_provenance;

	#[runtime::pallet_index(25)]
	pub type IpRights = pallet_ip_rights;

	// Supervision across the domains: 40–49.
	#[runtime::pallet_index(40)]
	pub type Supervision = pallet_supervision;
}
