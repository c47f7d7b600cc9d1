//! Chain specifications: the `dev` and `local` networks from the runtime's genesis presets, and
//! a `consortium` network from a configuration file written by its operator.

use std::{collections::BTreeSet, path::Path};

use regchain_primitives::AgencyKind;
use regchain_primitives::MAX_NAME_LEN;
use regchain_runtime::{
	configs::MAX_AUTHORITIES,
	currency::{TOKEN_DECIMALS, TOKEN_SYMBOL, UNIT},
	genesis_config_presets::{regchain_genesis, GenesisAgency, GenesisValidator},
	AccountId, Balance, SS58_PREFIX, WASM_BINARY,
};
use sc_service::ChainType;
use serde::Deserialize;
use sp_core::{crypto::Ss58Codec, ed25519, sr25519};

/// A chain specification of this node's runtime.
pub type ChainSpec = sc_service::GenericChainSpec;

/// The names `--chain` accepts besides a chain-spec file.
pub const CHAIN_HELP: &str =
	"expected `dev`, `local`, `consortium:<operator config JSON>` or the path of a chain-spec JSON file";

fn wasm_binary() -> Result<&'static [u8], String> {
	WASM_BINARY.ok_or_else(|| {
		"the runtime Wasm was not built (SKIP_WASM_BUILD was set); rebuild without it".to_string()
	})
}

/// Token symbol, decimals and SS58 prefix, which Polkadot.js reads from `system_properties`.
fn properties() -> sc_service::Properties {
	let mut properties = sc_service::Properties::new();
	properties.insert("tokenSymbol".into(), TOKEN_SYMBOL.into());
	properties.insert("tokenDecimals".into(), TOKEN_DECIMALS.into());
	properties.insert("ss58Format".into(), SS58_PREFIX.into());
	properties
}

/// A single-validator development chain (Alice), with sudo.
pub fn development_chain_spec() -> Result<ChainSpec, String> {
	Ok(ChainSpec::builder(wasm_binary()?, None)
		.with_name("RegChain Development")
		.with_id("regchain_dev")
		.with_protocol_id("regchain-dev")
		.with_chain_type(ChainType::Development)
		.with_genesis_config_preset_name(sp_genesis_builder::DEV_RUNTIME_PRESET)
		.with_properties(properties())
		.build())
}

/// A four-agency test network on the well-known dev keys, without sudo.
pub fn local_chain_spec() -> Result<ChainSpec, String> {
	Ok(ChainSpec::builder(wasm_binary()?, None)
		.with_name("RegChain Local Testnet")
		.with_id("regchain_local")
		.with_protocol_id("regchain-local")
		.with_chain_type(ChainType::Local)
		.with_genesis_config_preset_name(sp_genesis_builder::LOCAL_TESTNET_RUNTIME_PRESET)
		.with_properties(properties())
		.build())
}

/// What a consortium operator writes to describe a network (see
/// `chain-specs/consortium.config.json`). Unknown fields are refused, so a typo is an error
/// rather than a silently missing validator.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ConsortiumConfig {
	/// Human-readable network name.
	pub name: String,
	/// Chain id; also names the node's database folder.
	pub id: String,
	/// libp2p protocol id, distinct per network so that networks never mix.
	pub protocol_id: String,
	/// Multiaddresses of bootnodes, `/ip4/…/tcp/30333/p2p/<peer id>`.
	#[serde(default)]
	pub boot_nodes: Vec<String>,
	/// The government agencies that validate, at least one.
	pub agencies: Vec<AgencyConfig>,
	/// Further accounts funded at genesis (enterprises, banks …).
	#[serde(default)]
	pub accounts: Vec<AccountConfig>,
	/// The founding agencies' jurisdiction, a GB/T 2260 division code (`310000` Shanghai);
	/// `0` or absent: national, no division of authority. Governance narrows it per agency
	/// later (`consortium.setJurisdiction`).
	#[serde(default)]
	pub jurisdiction: u32,
}

/// One agency validator.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AgencyConfig {
	/// The agency's name, as registered in the consortium.
	pub name: String,
	/// What it is responsible for: `FinanceBureau`, `TaxBureau`, `MarketRegulation`, `Court`,
	/// `IpOffice`, `CreditRegulator`, `EconomyCommission`, `ScienceCommission`,
	/// `CommerceCommission`, `AuditOffice` or `Customs`.
	pub kind: AgencyKind,
	/// The agency's account (SS58).
	pub account: String,
	/// Its Aura block-authoring key (sr25519, SS58).
	pub aura: String,
	/// Its GRANDPA finality key (ed25519, SS58).
	pub grandpa: String,
	/// The libp2p peer id of its validator node (`12D3KooW…`, printed by
	/// `key inspect-node-key`): only well-known nodes may join the network.
	pub peer_id: String,
	/// Tokens (whole REG) the account receives at genesis.
	#[serde(default)]
	pub balance: u64,
}

/// A funded non-validator account.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AccountConfig {
	/// What the account belongs to, for error messages.
	pub name: String,
	/// The account (SS58).
	pub account: String,
	/// Tokens (whole REG) it receives at genesis.
	pub balance: u64,
}

fn parse_key<K: Ss58Codec>(owner: &str, what: &str, value: &str) -> Result<K, String> {
	K::from_ss58check(value)
		.map_err(|e| format!("{owner}: `{what}` is not a valid SS58 key ({value}): {e:?}"))
}

fn whole_tokens(owner: &str, balance: u64) -> Result<Balance, String> {
	Balance::from(balance)
		.checked_mul(UNIT)
		.ok_or_else(|| format!("{owner}: balance {balance} REG overflows"))
}

impl ConsortiumConfig {
	/// Reads and checks an operator's configuration file.
	pub fn from_file(path: &Path) -> Result<Self, String> {
		let text = std::fs::read_to_string(path)
			.map_err(|e| format!("cannot read consortium config {}: {e}", path.display()))?;
		serde_json::from_str(&text)
			.map_err(|e| format!("malformed consortium config {}: {e}", path.display()))
	}

	/// The validators, founding agencies and funded accounts, with every key checked and
	/// duplicates refused.
	pub fn genesis(&self) -> Result<Genesis, String> {
		if self.agencies.is_empty() {
			return Err("consortium config: at least one agency validator is required".into());
		}
		if self.agencies.len() > MAX_AUTHORITIES as usize {
			return Err(format!(
				"consortium config: {} agencies, but at most {MAX_AUTHORITIES} validators are supported",
				self.agencies.len()
			));
		}
		let mut validators = Vec::new();
		let mut agencies = Vec::new();
		let mut endowed = Vec::new();
		let (mut auras, mut grandpas, mut accounts, mut peer_ids) =
			(BTreeSet::new(), BTreeSet::new(), BTreeSet::new(), BTreeSet::new());
		for agency in &self.agencies {
			let owner = format!("agency `{}`", agency.name);
			if agency.name.is_empty() || agency.name.len() > MAX_NAME_LEN as usize {
				return Err(format!(
					"{owner}: the name must have 1 to {MAX_NAME_LEN} bytes, it has {}",
					agency.name.len()
				));
			}
			let account: AccountId = parse_key(&owner, "account", &agency.account)?;
			let aura: sr25519::Public = parse_key(&owner, "aura", &agency.aura)?;
			let grandpa: ed25519::Public = parse_key(&owner, "grandpa", &agency.grandpa)?;
			if !auras.insert(aura) || !grandpas.insert(grandpa) {
				return Err(format!("{owner}: its session keys are also another agency's"));
			}
			if !accounts.insert(account.clone()) {
				return Err(format!("{owner}: account {} is listed twice", agency.account));
			}
			let peer_id: sc_network::PeerId = agency.peer_id.parse().map_err(|e| {
				format!("{owner}: `peer_id` is not a libp2p peer id ({}): {e}", agency.peer_id)
			})?;
			if !peer_ids.insert(peer_id) {
				return Err(format!("{owner}: peer id {peer_id} is also another agency's"));
			}
			validators.push(GenesisValidator {
				account: account.clone(),
				peer_id: peer_id.to_bytes(),
				aura: aura.into(),
				grandpa: grandpa.into(),
			});
			endowed.push((account.clone(), whole_tokens(&owner, agency.balance)?));
			agencies.push(GenesisAgency { kind: agency.kind, name: agency.name.clone(), account });
		}
		for extra in &self.accounts {
			let owner = format!("account `{}`", extra.name);
			let account: AccountId = parse_key(&owner, "account", &extra.account)?;
			if !accounts.insert(account.clone()) {
				return Err(format!("{owner}: account {} is listed twice", extra.account));
			}
			endowed.push((account, whole_tokens(&owner, extra.balance)?));
		}
		Ok(Genesis { validators, agencies, endowed })
	}
}

/// What a consortium config puts into genesis.
#[derive(Debug)]
pub struct Genesis {
	/// One validator per agency.
	pub validators: Vec<GenesisValidator>,
	/// The agencies, as founding consortium members.
	pub agencies: Vec<GenesisAgency>,
	/// Funded accounts.
	pub endowed: Vec<(AccountId, Balance)>,
}

/// A consortium network described by an operator's configuration file; no sudo key.
pub fn consortium_chain_spec(config_path: &Path) -> Result<ChainSpec, String> {
	let config = ConsortiumConfig::from_file(config_path)?;
	let Genesis { validators, agencies, endowed } = config.genesis()?;
	let jurisdiction = regchain_primitives::Division(config.jurisdiction);
	if !jurisdiction.is_valid() {
		return Err(format!(
			"consortium config: jurisdiction {} is not a six-digit division code",
			config.jurisdiction
		));
	}
	let boot_nodes = config
		.boot_nodes
		.iter()
		.map(|addr| {
			addr.parse()
				.map_err(|e| format!("consortium config: bad boot node address `{addr}`: {e}"))
		})
		.collect::<Result<Vec<_>, _>>()?;
	Ok(ChainSpec::builder(wasm_binary()?, None)
		.with_name(&config.name)
		.with_id(&config.id)
		.with_protocol_id(&config.protocol_id)
		.with_chain_type(ChainType::Live)
		.with_boot_nodes(boot_nodes)
		.with_genesis_config_patch(regchain_genesis(
			&validators,
			&agencies,
			endowed,
			None,
			jurisdiction,
		))
		.with_properties(properties())
		.build())
}

/// Resolves `--chain`: a preset name, a consortium config or a chain-spec file.
pub fn load(id: &str) -> Result<Box<dyn sc_service::ChainSpec>, String> {
	Ok(match id {
		"dev" | "development" => Box::new(development_chain_spec()?),
		"" | "local" | "local_testnet" => Box::new(local_chain_spec()?),
		_ => {
			if let Some(config) = id.strip_prefix("consortium:") {
				Box::new(consortium_chain_spec(Path::new(config))?)
			} else {
				let path = Path::new(id);
				if !path.is_file() {
					return Err(format!("unknown chain `{id}`: {CHAIN_HELP}"));
				}
				Box::new(
					ChainSpec::from_json_file(path.to_path_buf())
						.map_err(|e| format!("invalid chain spec {id}: {e}"))?,
				)
			}
		},
	})
}

#[cfg(test)]
mod tests {
	use super::*;
	use sp_keyring::{Ed25519Keyring, Sr25519Keyring};

	fn agency(name: &str, account: Sr25519Keyring, session: Sr25519Keyring) -> String {
		let grandpa = Ed25519Keyring::iter()
			.find(|k| k.to_string() == session.to_string())
			.expect("same names in both keyrings");
		format!(
			r#"{{"name":"{name}","kind":"Court","account":"{}","aura":"{}","grandpa":"{}","peer_id":"{}","balance":10}}"#,
			account.to_account_id().to_ss58check(),
			session.public().to_ss58check(),
			grandpa.public().to_ss58check(),
			peer_id(grandpa),
		)
	}

	/// The peer id of a node whose node key is `key`'s ed25519 seed.
	fn peer_id(key: Ed25519Keyring) -> sc_network::PeerId {
		let bytes = regchain_runtime::genesis_config_presets::ed25519_peer_id(&key.public().0);
		sc_network::PeerId::from_bytes(&bytes).expect("a valid peer id")
	}

	fn config(agencies: &[String], accounts: &str) -> ConsortiumConfig {
		serde_json::from_str(&format!(
			r#"{{"name":"N","id":"n","protocol_id":"n","agencies":[{}],"accounts":[{accounts}]}}"#,
			agencies.join(",")
		))
		.expect("valid JSON")
	}

	#[test]
	fn valid_config_gives_validators_and_endowments() {
		use Sr25519Keyring::*;
		let cfg = config(
			&[agency("Finance", Alice, Alice), agency("Tax", Bob, Bob)],
			&format!(r#"{{"name":"SME","account":"{}","balance":5}}"#, Eve.to_account_id()),
		);
		let Genesis { validators, agencies, endowed } = cfg.genesis().expect("valid");
		assert_eq!(validators.len(), 2);
		assert_eq!(agencies[1].kind, AgencyKind::Court);
		assert_eq!(agencies[1].name, "Tax");
		assert_eq!(agencies[1].account, Bob.to_account_id());
		assert_eq!(validators[1].aura, Bob.public().into());
		assert_eq!(validators[1].grandpa, Ed25519Keyring::Bob.public().into());
		assert_eq!(validators[1].peer_id, peer_id(Ed25519Keyring::Bob).to_bytes());
		assert!(peer_id(Ed25519Keyring::Bob).to_string().starts_with("12D3KooW"));
		assert_eq!(
			endowed,
			vec![
				(Alice.to_account_id(), 10 * UNIT),
				(Bob.to_account_id(), 10 * UNIT),
				(Eve.to_account_id(), 5 * UNIT)
			]
		);
	}

	#[test]
	fn unknown_agency_kind_is_refused() {
		let agency = agency("A", Sr25519Keyring::Alice, Sr25519Keyring::Alice)
			.replace("\"Court\"", "\"Police\"");
		let text = format!(r#"{{"name":"N","id":"n","protocol_id":"n","agencies":[{agency}]}}"#);
		let err = serde_json::from_str::<ConsortiumConfig>(&text).unwrap_err().to_string();
		assert!(err.contains("unknown variant `Police`, expected one of `FinanceBureau`"), "{err}");
	}

	#[test]
	fn agency_names_must_fit_the_registry() {
		let long = "署".repeat(43); // 129 bytes of UTF-8
		let err = config(&[agency(&long, Sr25519Keyring::Alice, Sr25519Keyring::Alice)], "")
			.genesis()
			.unwrap_err();
		assert!(err.contains("the name must have 1 to 128 bytes, it has 129"), "{err}");
		let err = config(&[agency("", Sr25519Keyring::Alice, Sr25519Keyring::Alice)], "")
			.genesis()
			.unwrap_err();
		assert!(err.contains("it has 0"), "{err}");
	}

	#[test]
	fn no_agency_is_refused() {
		let err = config(&[], "").genesis().unwrap_err();
		assert!(err.contains("at least one agency validator"), "{err}");
	}

	#[test]
	fn shared_session_keys_are_refused() {
		use Sr25519Keyring::*;
		let err = config(&[agency("A", Alice, Charlie), agency("B", Bob, Charlie)], "")
			.genesis()
			.unwrap_err();
		assert!(err.contains("agency `B`: its session keys are also another agency's"), "{err}");
	}

	#[test]
	fn malformed_and_shared_peer_ids_are_refused() {
		use Sr25519Keyring::*;
		let bad = agency("A", Alice, Alice)
			.replace(&peer_id(Ed25519Keyring::Alice).to_string(), "not-a-peer-id");
		let err = config(&[bad], "").genesis().unwrap_err();
		assert!(
			err.contains("agency `A`: `peer_id` is not a libp2p peer id (not-a-peer-id)"),
			"{err}"
		);
		let shared = agency("B", Bob, Bob).replace(
			&peer_id(Ed25519Keyring::Bob).to_string(),
			&peer_id(Ed25519Keyring::Alice).to_string(),
		);
		let err = config(&[agency("A", Alice, Alice), shared], "").genesis().unwrap_err();
		assert!(err.contains("agency `B`: peer id 12D3KooW"), "{err}");
		assert!(err.contains("is also another agency's"), "{err}");
	}

	#[test]
	fn duplicate_accounts_are_refused() {
		use Sr25519Keyring::*;
		let err = config(&[agency("A", Alice, Alice), agency("B", Alice, Bob)], "")
			.genesis()
			.unwrap_err();
		assert!(err.contains("agency `B`: account"), "{err}");
		let err = config(
			&[agency("A", Alice, Alice)],
			&format!(r#"{{"name":"SME","account":"{}","balance":5}}"#, Alice.to_account_id()),
		)
		.genesis()
		.unwrap_err();
		assert!(err.contains("account `SME`: account"), "{err}");
	}

	#[test]
	fn too_many_agencies_are_refused() {
		let many: Vec<String> = (0..=MAX_AUTHORITIES)
			.map(|_| agency("A", Sr25519Keyring::Alice, Sr25519Keyring::Alice))
			.collect();
		let err = config(&many, "").genesis().unwrap_err();
		assert!(err.contains("at most 32 validators"), "{err}");
	}
}
