//! Genesis presets: the starting states of a RegChain network.
//!
//! - [`DEV_RUNTIME_PRESET`] (`development`): one validator (Alice), the well-known dev accounts
//!   funded, and Alice as sudo — for a developer's single-node chain only.
//! - [`LOCAL_TESTNET_RUNTIME_PRESET`] (`local_testnet`): four agency validators from the
//!   well-known dev keys ([`LOCAL_AGENCIES`]) and **no sudo key**, as on a real network.
//! - The `consortium` network is not a fixed preset: its validators and members come from a
//!   file the operator writes, which the node turns into a genesis patch with
//!   [`regchain_genesis`], the one function that knows the shape of this runtime's genesis.
//!
//! Both test presets found the same six agencies in the consortium ([`test_agencies`]): Alice
//! finance bureau, Bob tax bureau, Charlie market regulation, Dave court, Eve IP office and
//! Ferdie credit regulator.
//!
//! [`DEV_RUNTIME_PRESET`]: sp_genesis_builder::DEV_RUNTIME_PRESET
//! [`LOCAL_TESTNET_RUNTIME_PRESET`]: sp_genesis_builder::LOCAL_TESTNET_RUNTIME_PRESET

use crate::{
	configs::{DEFAULT_BYTE_QUOTA, DEFAULT_TX_QUOTA},
	currency::UNIT,
	opaque::SessionKeys,
	AccountId, Balance, BalancesConfig, ConsortiumConfig, CreditConfig, InvoicesConfig,
	NodeAuthorizationConfig, RuntimeGenesisConfig, SessionConfig, SudoConfig, ValidatorSetConfig,
};
use alloc::{vec, vec::Vec};
use frame_support::build_struct_json_patch;
use pallet_invoices::{RateCode, TaxRate};
use regchain_primitives::{time::Moment, AgencyKind, Division};
use serde_json::Value;
use sp_consensus_aura::sr25519::AuthorityId as AuraId;
use sp_consensus_grandpa::AuthorityId as GrandpaId;
use sp_genesis_builder::{PresetId, DEV_RUNTIME_PRESET, LOCAL_TESTNET_RUNTIME_PRESET};
use sp_keyring::{Ed25519Keyring, Sr25519Keyring};

/// What each well-known dev account receives in the test presets.
pub const DEV_ENDOWMENT: Balance = 1_000_000 * UNIT;

/// The validators of the `local_testnet` preset: four government agencies, each running one
/// node with the keys of one well-known dev account (`//Alice` … `//Dave`).
pub const LOCAL_AGENCIES: [(&str, AgencyKind, Sr25519Keyring, Ed25519Keyring); 4] = [
	("Finance Bureau", AgencyKind::FinanceBureau, Sr25519Keyring::Alice, Ed25519Keyring::Alice),
	("Tax Bureau", AgencyKind::TaxBureau, Sr25519Keyring::Bob, Ed25519Keyring::Bob),
	(
		"Market Regulation Administration",
		AgencyKind::MarketRegulation,
		Sr25519Keyring::Charlie,
		Ed25519Keyring::Charlie,
	),
	("Intermediate People's Court", AgencyKind::Court, Sr25519Keyring::Dave, Ed25519Keyring::Dave),
];

/// The founding agencies that run no validator in the test presets (`//Eve`, `//Ferdie`), so
/// that every role has its responsible agency.
pub const OTHER_TEST_AGENCIES: [(&str, AgencyKind, Sr25519Keyring); 2] = [
	("Intellectual Property Office", AgencyKind::IpOffice, Sr25519Keyring::Eve),
	("Credit Regulator", AgencyKind::CreditRegulator, Sr25519Keyring::Ferdie),
];

/// A founding agency of a network: its kind, name and first account.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GenesisAgency {
	/// What the agency is responsible for.
	pub kind: AgencyKind,
	/// Its name.
	pub name: alloc::string::String,
	/// Its first account.
	pub account: AccountId,
}

/// A founding validator: the agency account that runs it and its session keys.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GenesisValidator {
	/// The account of an agency that operates the node (it may later announce maintenance).
	pub account: AccountId,
	/// Its node's libp2p peer id (the bytes of `12D3KooW…`): a well-known node.
	pub peer_id: Vec<u8>,
	/// Key that signs the blocks it authors (sr25519).
	pub aura: AuraId,
	/// Key that signs its finality votes (ed25519).
	pub grandpa: GrandpaId,
}

/// The end of the founding agencies' first term: 2032-01-01 00:00 China Standard Time. A date,
/// not "five years from genesis": a network's genesis has no on-chain time yet (its first
/// block sets it). Governance renews terms (`consortium.renew`), up to `MaxMembershipTerm` ahead.
pub const FOUNDING_TERM_END: Moment = 1_956_499_200_000;

/// The genesis patch of a RegChain network: its validators, its founding agencies (members
/// until [`FOUNDING_TERM_END`], each with a council seat), the funded accounts and,
/// for development only, a sudo key. Every GRANDPA voter has weight 1: agencies are peers.
///
/// The validators' keys go to `pallet-session`, which hands them to Aura and GRANDPA; the
/// validator set keeps at least two thirds of them producing ([`min_validators`]).
pub fn regchain_genesis(
	validators: &[GenesisValidator],
	agencies: &[GenesisAgency],
	endowed: Vec<(AccountId, Balance)>,
	sudo: Option<AccountId>,
	jurisdiction: Division,
) -> Value {
	build_struct_json_patch!(RuntimeGenesisConfig {
		balances: BalancesConfig { balances: endowed },
		sudo: SudoConfig { key: sudo },
		consortium: ConsortiumConfig {
			agencies: agencies
				.iter()
				.map(|a| {
					(a.kind, a.name.clone().into_bytes(), a.account.clone(), FOUNDING_TERM_END)
				})
				.collect(),
			default_tx_quota: DEFAULT_TX_QUOTA,
			default_byte_quota: DEFAULT_BYTE_QUOTA,
			jurisdiction,
		},
		invoices: InvoicesConfig { rates: vat_rates_2026() },
		credit: credit_catalogue(agencies),
		validator_set: ValidatorSetConfig {
			validators: validators.iter().map(|v| v.account.clone()).collect(),
			min_validators: min_validators(validators.len() as u32),
		},
		node_authorization: NodeAuthorizationConfig {
			nodes: validators
				.iter()
				.map(|v| (sp_core::OpaquePeerId(v.peer_id.clone()), v.account.clone()))
				.collect(),
		},
		session: SessionConfig {
			keys: validators
				.iter()
				.map(|v| {
					let keys = SessionKeys { aura: v.aura.clone(), grandpa: v.grandpa.clone() };
					(v.account.clone(), v.account.clone(), keys)
				})
				.collect(),
		},
	})
}

/// The national catalogue of credit facts, registered at genesis in the name of the founding
/// credit regulator (none if the network has none: it registers them when it joins). Social
/// insurance and housing-fund payments wait for their agencies' kinds in the consortium.
pub fn credit_catalogue(agencies: &[GenesisAgency]) -> CreditConfig {
	use regchain_primitives::{OrgKind, OrgKinds};
	let Some(regulator) = agencies.iter().position(|a| a.kind == AgencyKind::CreditRegulator)
	else {
		return CreditConfig::default();
	};
	let agency = |kinds: &[AgencyKind]| {
		OrgKinds::of(&kinds.iter().map(|k| OrgKind::Agency(*k)).collect::<Vec<_>>())
	};
	let labels = |l: &[&str]| l.iter().map(|r| r.as_bytes().to_vec()).collect::<Vec<_>>();
	use AgencyKind::*;
	let catalogue = vec![
		// 纳税信用等级.
		("tax-credit-grade", labels(&["A", "B", "M", "C", "D"]), agency(&[TaxBureau]), false),
		// The five-category loan classification (贷款五级分类).
		(
			"loan-repayment",
			labels(&["normal", "special-mention", "substandard", "doubtful", "loss"]),
			OrgKinds::of(&[OrgKind::FinancialInstitution]),
			false,
		),
		(
			"utility-payment",
			labels(&["on-time", "arrears"]),
			OrgKinds::of(&[OrgKind::Enterprise]),
			false,
		),
		// 失信被执行人.
		("court-enforcement", labels(&["listed", "cleared"]), agency(&[Court]), false),
		(
			"administrative-penalty",
			Vec::new(),
			agency(&[MarketRegulation, TaxBureau, Customs, FinanceBureau]),
			false,
		),
		(
			"special-fund-misuse",
			Vec::new(),
			agency(&[
				FinanceBureau,
				AuditOffice,
				EconomyCommission,
				ScienceCommission,
				CommerceCommission,
			]),
			false,
		),
		("receivable-financing", Vec::new(), OrgKinds::of(&[OrgKind::FinancialInstitution]), true),
	];
	CreditConfig {
		// Founding agencies are the first organizations, numbered from 0 in order.
		regulator: regulator as u32,
		claim_types: catalogue
			.into_iter()
			.map(|(name, ratings, kinds, receivables)| {
				(name.as_bytes().to_vec(), ratings, kinds, receivables)
			})
			.collect(),
		..Default::default()
	}
}

/// The fewest producing validators a network of `n` keeps: more than two thirds of them, the
/// share GRANDPA needs to finalize, so that planned maintenance never stalls finality.
pub fn min_validators(n: u32) -> u32 {
	(n.saturating_mul(2) / 3).saturating_add(1).min(n).max(1)
}

/// The libp2p peer id of a node whose node key is an ed25519 key with this public key: the
/// identity multihash of the protobuf-encoded public key.
pub fn ed25519_peer_id(public: &[u8; 32]) -> Vec<u8> {
	[&[0x00, 0x24, 0x08, 0x01, 0x12, 0x20][..], &public[..]].concat()
}

/// A validator run by a well-known dev account, with session keys derived from its seed, as
/// `key insert --suri //Name --key-type aura|gran` stores them, and the ed25519 seed of the
/// same name as node key (`--node-key` = the `Secret seed` of `key inspect --scheme ed25519`).
pub fn dev_validator(aura: Sr25519Keyring, grandpa: Ed25519Keyring) -> GenesisValidator {
	GenesisValidator {
		account: aura.to_account_id(),
		peer_id: ed25519_peer_id(&grandpa.public().0),
		aura: aura.public().into(),
		grandpa: grandpa.public().into(),
	}
}

fn dev_endowed() -> Vec<(AccountId, Balance)> {
	Sr25519Keyring::well_known().map(|k| (k.to_account_id(), DEV_ENDOWMENT)).collect()
}

/// The six agencies of the test presets: the four of [`LOCAL_AGENCIES`] and the two others.
pub fn test_agencies() -> Vec<GenesisAgency> {
	LOCAL_AGENCIES
		.iter()
		.map(|(name, kind, key, _)| (*name, *kind, *key))
		.chain(OTHER_TEST_AGENCIES)
		.map(|(name, kind, key)| GenesisAgency {
			kind,
			name: name.into(),
			account: key.to_account_id(),
		})
		.collect()
}

fn development_genesis() -> Value {
	regchain_genesis(
		&[dev_validator(Sr25519Keyring::Alice, Ed25519Keyring::Alice)],
		&test_agencies(),
		dev_endowed(),
		Some(Sr25519Keyring::Alice.to_account_id()),
		Division::NATIONAL,
	)
}

fn local_testnet_genesis() -> Value {
	let validators: Vec<_> =
		LOCAL_AGENCIES.iter().map(|(_, _, aura, gran)| dev_validator(*aura, *gran)).collect();
	regchain_genesis(&validators, &test_agencies(), dev_endowed(), None, Division::NATIONAL)
}

/// The JSON patch of a named preset, or `None` for an unknown name.
pub fn get_preset(id: &PresetId) -> Option<Vec<u8>> {
	let patch = match id.as_ref() {
		DEV_RUNTIME_PRESET => development_genesis(),
		LOCAL_TESTNET_RUNTIME_PRESET => local_testnet_genesis(),
		_ => return None,
	};
	serde_json::to_vec(&patch).ok()
}

/// The names of the presets this runtime offers.
pub fn preset_names() -> Vec<PresetId> {
	vec![PresetId::from(DEV_RUNTIME_PRESET), PresetId::from(LOCAL_TESTNET_RUNTIME_PRESET)]
}

/// China's VAT rates in 2026, the table a network starts with: general rates 13 % (goods),
/// 9 % (transport, construction, farm produce), 6 % (modern services), the 3 % collection rate
/// of small-scale taxpayers, the zero rate (exports) and exemption, as codes 1 to 6; then the
/// 1 % at which small-scale taxpayers collect what is due at 3 % until the end of 2027
/// (财政部 税务总局公告2023年第19号) as code 7, and the 5 % collection rate of the simplified
/// method (sales and leases of real estate) as code 8. Network data, so it lives with the
/// presets; the tax bureau changes it on chain (`invoices.setRate`).
pub fn vat_rates_2026() -> Vec<(RateCode, TaxRate)> {
	vec![
		(1, TaxRate::BasisPoints(1_300)),
		(2, TaxRate::BasisPoints(900)),
		(3, TaxRate::BasisPoints(600)),
		(4, TaxRate::BasisPoints(300)),
		(5, TaxRate::BasisPoints(0)),
		(6, TaxRate::Exempt),
		(7, TaxRate::BasisPoints(100)),
		(8, TaxRate::BasisPoints(500)),
	]
}
