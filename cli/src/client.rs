//! Extrinsics through subxt: calls are built with types generated from the runtime's metadata
//! (`cli/metadata/regchain.scale`) and checked against the metadata of the node they go to, so
//! that a runtime upgrade which leaves a call unchanged keeps the tool working, and one that
//! changes it is refused here with a clear message instead of failing on chain. Signing is
//! offline (subxt's offline client, fed the node's genesis hash, versions and metadata over the
//! tool's small JSON-RPC client); the tool then submits, follows the chain block by block and
//! reads the extrinsic's events, decoded by the node's metadata.

use crate::rpc::{from_hex, to_hex, Rpc};
use codec::Decode;
use serde_json::{json, Map, Value};
use sp_core::{crypto::Ss58Codec, ed25519, sr25519, Pair};
use std::{
	fmt,
	time::{Duration, Instant},
};
use subxt::{
	config::{substrate::SpecVersionForRange, DefaultExtrinsicParamsBuilder, SubstrateConfig},
	ext::scale_value::{self, Composite, Primitive, ValueDef},
	tx::{Payload, Signer},
	utils::{AccountId32, MultiSignature, H256},
	ArcMetadata, Metadata, OfflineClient,
};

/// Generated from `cli/metadata/regchain.scale`, the runtime's metadata (v16); the test
/// `metadata_file_is_the_runtimes` keeps it equal to the runtime the workspace builds.
#[subxt::subxt(runtime_metadata_path = "metadata/regchain.scale")]
pub mod runtime {}

// The macro reads the file without telling cargo: this makes a new metadata file rebuild the
// tool.
const _: &[u8] = include_bytes!("../metadata/regchain.scale");

/// The metadata version the tool reads and generates its types from.
pub const METADATA_VERSION: u32 = 16;

/// How a command failed, and the exit status that tells a script so (documented in `--help`).
#[derive(Debug)]
pub enum Failure {
	/// Bad input, caught before anything was sent (exit 1).
	Input(String),
	/// The node cannot be reached, answered an RPC error, or runs a runtime the tool does not
	/// match (exit 3).
	Node(String),
	/// The node refused the extrinsic before any block: not a member, quota spent, bad nonce…
	/// (exit 4).
	Refused(String),
	/// The extrinsic is in a block but its call failed (exit 5): the runtime's error by name.
	Failed(Value),
	/// Not in a block (or not finalized) within the time allowed (exit 6).
	Timeout(String),
}

impl Failure {
	/// The process exit status.
	pub fn code(&self) -> i32 {
		match self {
			Failure::Input(_) => 1,
			Failure::Node(_) => 3,
			Failure::Refused(_) => 4,
			Failure::Failed(_) => 5,
			Failure::Timeout(_) => 6,
		}
	}
}

impl fmt::Display for Failure {
	fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
		match self {
			Failure::Input(m) | Failure::Node(m) | Failure::Refused(m) | Failure::Timeout(m) => {
				f.write_str(m)
			},
			Failure::Failed(outcome) => write!(
				f,
				"the call failed in block {}: {}",
				outcome["block"],
				outcome["error"]["name"].as_str().unwrap_or("?")
			),
		}
	}
}

impl From<String> for Failure {
	fn from(message: String) -> Self {
		Failure::Input(message)
	}
}

/// A member account's key: sr25519 (what Polkadot.js makes by default) or ed25519.
pub enum Key {
	Sr25519(sr25519::Pair),
	Ed25519(ed25519::Pair),
}

impl Key {
	/// The key of a secret URI (a mnemonic, a hex seed, `//Alice` on a dev chain). The secret
	/// never appears in an error.
	pub fn from_suri(suri: &str, scheme: &str) -> Result<Self, Failure> {
		let suri = suri.trim();
		let bad = |_| Failure::Input("the secret URI is not a valid key (not echoed)".into());
		match scheme {
			"sr25519" => Ok(Key::Sr25519(sr25519::Pair::from_string(suri, None).map_err(bad)?)),
			"ed25519" => Ok(Key::Ed25519(ed25519::Pair::from_string(suri, None).map_err(bad)?)),
			other => {
				Err(Failure::Input(format!("unknown key scheme `{other}` (sr25519, ed25519)")))
			},
		}
	}

	/// The key in a Substrate keystore file (as `regchain-node key insert` writes it: the
	/// secret URI as a JSON string, the file named by key type and public key).
	pub fn from_keystore_file(path: &std::path::Path, scheme: &str) -> Result<Self, Failure> {
		let text = std::fs::read_to_string(path)
			.map_err(|e| Failure::Input(format!("cannot read {}: {e}", path.display())))?;
		let suri: String = serde_json::from_str(&text).map_err(|_| {
			Failure::Input(format!("{} is not a keystore file (a JSON string)", path.display()))
		})?;
		Self::from_suri(&suri, scheme)
	}

	/// The account's 32 bytes.
	pub fn public(&self) -> [u8; 32] {
		match self {
			Key::Sr25519(pair) => pair.public().0,
			Key::Ed25519(pair) => pair.public().0,
		}
	}

	/// The account's SS58 address (generic prefix 42).
	pub fn address(&self) -> String {
		sp_core::crypto::AccountId32::from(self.public()).to_ss58check()
	}

	/// Signs `message`, as the runtime's `MultiSignature`.
	pub fn sign_multi(&self, message: &[u8]) -> MultiSignature {
		match self {
			Key::Sr25519(pair) => MultiSignature::Sr25519(pair.sign(message).0),
			Key::Ed25519(pair) => MultiSignature::Ed25519(pair.sign(message).0),
		}
	}
}

impl Signer<SubstrateConfig> for Key {
	fn account_id(&self) -> AccountId32 {
		AccountId32(self.public())
	}

	fn sign(&self, payload: &[u8]) -> MultiSignature {
		self.sign_multi(payload)
	}
}

/// How long to follow an extrinsic.
#[derive(Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Wait {
	/// Return once the node accepted it into its pool.
	None,
	/// Until it is in a block of the best chain.
	InBlock,
	/// Until that block is finalized.
	Finalized,
}

/// A node the tool submits to.
pub struct Client {
	rpc: Rpc,
	genesis: H256,
	metadata: ArcMetadata,
	offline: OfflineClient<SubstrateConfig>,
}

fn node_error(e: String) -> Failure {
	Failure::Node(e)
}

fn hash_of(value: &Value, what: &str) -> Result<H256, Failure> {
	let bytes = from_hex(value.as_str().unwrap_or_default()).map_err(node_error)?;
	<[u8; 32]>::try_from(bytes.as_slice())
		.map(H256::from)
		.map_err(|_| Failure::Node(format!("{what}: not a 32-byte hash")))
}

impl Client {
	/// Connects to the node at `url` and reads its genesis hash, runtime version and metadata.
	pub fn connect(url: &str) -> Result<Self, Failure> {
		let rpc = Rpc::new(url)?;
		let genesis =
			hash_of(&rpc.call("chain_getBlockHash", json!([0])).map_err(node_error)?, "genesis")?;
		let version = rpc.call("state_getRuntimeVersion", json!([])).map_err(node_error)?;
		let spec_version =
			version["specVersion"].as_u64().ok_or(Failure::Node("no specVersion".into()))? as u32;
		let transaction_version = version["transactionVersion"]
			.as_u64()
			.ok_or(Failure::Node("no transactionVersion".into()))? as u32;
		let answer = rpc
			.bytes(
				"state_call",
				json!(["Metadata_metadata_at_version", to_hex(&METADATA_VERSION.to_le_bytes())]),
			)
			.map_err(node_error)?
			.ok_or(Failure::Node("the node returned no metadata".into()))?;
		let opaque = Option::<Vec<u8>>::decode(&mut &answer[..])
			.map_err(|e| Failure::Node(format!("metadata: {e}")))?
			.ok_or(Failure::Node(format!(
				"the node's runtime has no metadata v{METADATA_VERSION}"
			)))?;
		let metadata = Metadata::decode_from(&opaque)
			.map_err(|e| Failure::Node(format!("cannot decode the node's metadata: {e}")))?
			.arc();
		let config = SubstrateConfig::builder()
			.set_genesis_hash(genesis)
			.set_spec_version_for_block_ranges([SpecVersionForRange {
				block_range: 0..u64::MAX,
				spec_version,
				transaction_version,
			}])
			.set_metadata_for_spec_versions([(spec_version, metadata.clone())])
			.build();
		Ok(Client { rpc, genesis, metadata, offline: OfflineClient::new_with_config(config) })
	}

	/// The node's JSON-RPC client.
	pub fn rpc(&self) -> &Rpc {
		&self.rpc
	}

	/// The chain's genesis hash.
	pub fn genesis(&self) -> H256 {
		self.genesis
	}

	/// The next nonce of `key`'s account, counting the node's pool.
	fn nonce(&self, key: &Key) -> Result<u64, Failure> {
		let nonce =
			self.rpc.call("system_accountNextIndex", json!([key.address()])).map_err(node_error)?;
		nonce.as_u64().ok_or(Failure::Node("system_accountNextIndex: not a number".into()))
	}

	fn finalized(&self) -> Result<(u64, H256), Failure> {
		let hash = hash_of(
			&self.rpc.call("chain_getFinalizedHead", json!([])).map_err(node_error)?,
			"head",
		)?;
		let header = self.rpc.call("chain_getHeader", json!([hash])).map_err(node_error)?;
		Ok((number(&header["number"])?, hash))
	}

	fn best(&self) -> Result<u64, Failure> {
		number(&self.rpc.call("chain_getHeader", json!([])).map_err(node_error)?["number"])
	}

	/// Signs `call` as `key` (mortal for 256 blocks from the last finalized one, the nonce from
	/// the node), submits it and follows it as `wait` says: the extrinsic's hash, block and
	/// events, or why it was refused or failed.
	pub fn submit<Call: Payload>(
		&self,
		call: &Call,
		key: &Key,
		wait: Wait,
		timeout: Duration,
	) -> Result<Value, Failure> {
		let (from, from_hash) = self.finalized()?;
		let params = DefaultExtrinsicParamsBuilder::<SubstrateConfig>::new()
			.nonce(self.nonce(key)?)
			.mortal_from_unchecked(256, from, from_hash)
			.build();
		let at = self.offline.at_block(from).map_err(|e| Failure::Node(e.to_string()))?;
		let tx_client = at.tx();
		tx_client.validate(call).map_err(|e| {
			Failure::Node(format!(
				"{}.{} does not match the node's runtime ({e}); rebuild regchain-cli for it",
				call.pallet_name(),
				call.call_name()
			))
		})?;
		let mut signable = tx_client
			.create_signable_offline(call, params)
			.map_err(|e| Failure::Input(format!("cannot encode the call: {e}")))?;
		let extrinsic =
			signable.sign(key).map_err(|e| Failure::Input(format!("cannot sign: {e}")))?;
		let bytes = extrinsic.encoded().to_vec();
		let hash =
			to_hex(&<frame_support::Blake2_256 as frame_support::StorageHasher>::hash(&bytes));
		self.rpc
			.call("author_submitExtrinsic", json!([to_hex(&bytes)]))
			.map_err(|e| Failure::Refused(format!("the node refused the extrinsic: {e}")))?;
		let mut outcome = json!({
			"extrinsic": hash,
			"signer": key.address(),
			"call": format!("{}.{}", call.pallet_name(), call.call_name()),
		});
		if wait == Wait::None {
			outcome["status"] = json!("submitted");
			return Ok(outcome);
		}
		self.follow(&bytes, from, wait, timeout, outcome)
	}

	/// Looks for `extrinsic` in the blocks after `from` until it is in one (and, with
	/// `Wait::Finalized`, that block is finalized).
	fn follow(
		&self,
		extrinsic: &[u8],
		from: u64,
		wait: Wait,
		timeout: Duration,
		mut outcome: Value,
	) -> Result<Value, Failure> {
		let wanted = to_hex(extrinsic);
		let deadline = Instant::now() + timeout;
		let mut next = from + 1;
		let mut found: Option<(u64, H256, u32)> = None;
		loop {
			if found.is_none() {
				let best = self.best()?;
				while next <= best && found.is_none() {
					let hash = hash_of(
						&self.rpc.call("chain_getBlockHash", json!([next])).map_err(node_error)?,
						"block",
					)?;
					let block =
						self.rpc.call("chain_getBlock", json!([hash])).map_err(node_error)?;
					let extrinsics =
						block["block"]["extrinsics"].as_array().cloned().unwrap_or_default();
					if let Some(index) = extrinsics.iter().position(|x| x.as_str() == Some(&wanted))
					{
						found = Some((next, hash, index as u32));
					} else {
						next += 1;
					}
				}
			}
			if let Some((number, hash, index)) = found {
				let finalized = self.finalized()?.0 >= number;
				// A block of the best chain that is not yet final may be replaced: check
				// the number still names it.
				let still = hash_of(
					&self.rpc.call("chain_getBlockHash", json!([number])).map_err(node_error)?,
					"block",
				)?;
				if still != hash {
					found = None;
					next = number;
				} else if wait == Wait::InBlock || finalized {
					outcome["status"] = json!(if finalized { "finalized" } else { "in-block" });
					outcome["block"] = json!(number);
					outcome["block_hash"] = json!(format!("{hash:?}"));
					outcome["index"] = json!(index);
					return self.with_events(outcome, hash, index);
				}
			}
			if Instant::now() > deadline {
				return Err(Failure::Timeout(match found {
					Some((number, ..)) => {
						format!("in block {number}, not finalized within {timeout:?}")
					},
					None => {
						format!("not in a block within {timeout:?} (still in the node's pool?)")
					},
				}));
			}
			std::thread::sleep(Duration::from_millis(500));
		}
	}

	/// Adds the events of extrinsic `index` of block `hash`; a failed call becomes
	/// `Failure::Failed` with its error's pallet, name and documentation.
	fn with_events(&self, mut outcome: Value, hash: H256, index: u32) -> Result<Value, Failure> {
		let key = frame_support::storage::storage_prefix(b"System", b"Events");
		let bytes = self
			.rpc
			.bytes("state_getStorage", json!([to_hex(&key), format!("{hash:?}")]))
			.map_err(node_error)?
			.unwrap_or_default();
		let at = self.offline.at_block(0u64).map_err(|e| Failure::Node(e.to_string()))?;
		let events = at.events().from_bytes(bytes);
		let mut list = Vec::new();
		let mut error = None;
		for event in events.iter() {
			let event = event.map_err(|e| Failure::Node(format!("cannot decode an event: {e}")))?;
			if event.phase() != subxt::events::Phase::ApplyExtrinsic(index) {
				continue;
			}
			let fields = event
				.decode_fields_unchecked_as::<Composite<()>>()
				.map(|fields| composite_json(&fields))
				.unwrap_or(Value::Null);
			if event.pallet_name() == "System" && event.event_name() == "ExtrinsicFailed" {
				error = Some(self.dispatch_error(&fields["dispatch_error"]));
			}
			list.push(
				json!({"pallet": event.pallet_name(), "event": event.event_name(), "fields": fields}),
			);
		}
		outcome["events"] = Value::Array(list);
		match error {
			Some(error) => {
				outcome["error"] = error;
				Err(Failure::Failed(outcome))
			},
			None => Ok(outcome),
		}
	}

	/// A dispatch error as `Pallet.Error` with the error's documentation, from the metadata.
	fn dispatch_error(&self, error: &Value) -> Value {
		let plain = || match error {
			Value::String(name) => name.clone(),
			other => other.to_string(),
		};
		let Some(module) = error.get("Module") else {
			return json!({"name": plain(), "docs": ""});
		};
		let pallet = module["index"].as_u64().unwrap_or(u64::MAX);
		let variant = module["error"]
			.as_str()
			.and_then(|e| from_hex(e).ok())
			.and_then(|b| b.first().copied());
		let found = u8::try_from(pallet)
			.ok()
			.and_then(|p| self.metadata.pallet_by_error_index(p))
			.and_then(|p| {
				let v = p.error_variant_by_index(variant?)?;
				Some((p.name().to_string(), v.name.clone(), v.docs.join(" ")))
			});
		match found {
			Some((pallet, name, docs)) => json!({"name": format!("{pallet}.{name}"), "docs": docs}),
			None => json!({"name": plain(), "docs": ""}),
		}
	}
}

fn number(value: &Value) -> Result<u64, Failure> {
	let text = value.as_str().ok_or(Failure::Node("no block number".into()))?;
	u64::from_str_radix(text.trim_start_matches("0x"), 16)
		.map_err(|e| Failure::Node(format!("block number: {e}")))
}

/// A decoded value as plain JSON: named fields an object, a newtype its inner value, a unit
/// variant its name, byte arrays and 32-byte ids hex, integers past 2^53 a decimal string.
pub fn value_json<T>(value: &scale_value::Value<T>) -> Value {
	match &value.value {
		ValueDef::Composite(composite) => composite_json(composite),
		ValueDef::Variant(variant) => match &variant.values {
			Composite::Named(fields) if fields.is_empty() => json!(variant.name),
			Composite::Unnamed(fields) if fields.is_empty() => json!(variant.name),
			fields => json!({ variant.name.clone(): composite_json(fields) }),
		},
		ValueDef::BitSequence(bits) => {
			json!(bits.iter().map(|b| if b { '1' } else { '0' }).collect::<String>())
		},
		ValueDef::Primitive(primitive) => match primitive {
			Primitive::Bool(b) => json!(b),
			Primitive::Char(c) => json!(c.to_string()),
			Primitive::String(s) => json!(s),
			Primitive::U128(n) if *n <= (1u128 << 53) => json!(*n as u64),
			Primitive::U128(n) => json!(n.to_string()),
			Primitive::I128(n) if n.unsigned_abs() <= (1u128 << 53) => json!(*n as i64),
			Primitive::I128(n) => json!(n.to_string()),
			Primitive::U256(b) | Primitive::I256(b) => json!(to_hex(b)),
		},
	}
}

/// See [`value_json`].
pub fn composite_json<T>(composite: &Composite<T>) -> Value {
	match composite {
		Composite::Named(fields) => {
			let mut object = Map::new();
			for (name, value) in fields {
				object.insert(name.clone(), value_json(value));
			}
			Value::Object(object)
		},
		Composite::Unnamed(values) => {
			let bytes: Option<Vec<u8>> = values
				.iter()
				.map(|v| match &v.value {
					ValueDef::Primitive(Primitive::U128(n)) => u8::try_from(*n).ok(),
					_ => None,
				})
				.collect();
			match bytes {
				// Byte strings (names, codes) and fixed-size ids (accounts, hashes).
				Some(bytes) if bytes.len() >= 2 => json!(to_hex(&bytes)),
				_ if values.len() == 1 => value_json(&values[0]),
				_ => Value::Array(values.iter().map(value_json).collect()),
			}
		},
	}
}

#[cfg(test)]
mod tests {
	/// The types are generated from `cli/metadata/regchain.scale`: it must be the metadata of
	/// the runtime this workspace builds. `REGCHAIN_WRITE_METADATA=1` rewrites it (then rebuild
	/// the tool); `scripts/generate-chain-specs.sh` does so after every runtime change.
	#[test]
	fn metadata_file_is_the_runtimes() {
		let path = concat!(env!("CARGO_MANIFEST_DIR"), "/metadata/regchain.scale");
		let runtime = regchain_runtime::Runtime::metadata_at_version(super::METADATA_VERSION)
			.expect("the runtime serves metadata v16");
		if std::env::var_os("REGCHAIN_WRITE_METADATA").is_some() {
			std::fs::write(path, &*runtime).expect("writes the metadata file");
		}
		let file = std::fs::read(path).expect("the metadata file");
		assert!(
			file == *runtime,
			"cli/metadata/regchain.scale is not the runtime's metadata: run \
			 `REGCHAIN_WRITE_METADATA=1 cargo test --release -p regchain-cli metadata` and rebuild"
		);
	}

	#[test]
	fn failures_map_to_the_documented_exit_statuses() {
		use super::Failure;
		let codes: Vec<i32> = [
			Failure::Input("x".into()),
			Failure::Node("x".into()),
			Failure::Refused("x".into()),
			Failure::Failed(serde_json::json!({})),
			Failure::Timeout("x".into()),
		]
		.iter()
		.map(Failure::code)
		.collect();
		assert_eq!(codes, [1, 3, 4, 5, 6]);
	}

	#[test]
	fn decoded_values_read_as_plain_json() {
		use subxt::ext::scale_value::Value;
		let account = Value::unnamed_composite([Value::unnamed_composite(
			(0..32u8).map(|b| Value::u128(b.into())),
		)]);
		let event = Value::named_composite([
			("org", Value::u128(7)),
			("role", Value::unnamed_variant("InvoiceIssuer", [])),
			("who", account),
			("amount", Value::u128(1 << 60)),
			("rating", Value::unnamed_variant("Some", [Value::u128(3)])),
		]);
		assert_eq!(
			super::value_json(&event),
			serde_json::json!({
				"org": 7,
				"role": "InvoiceIssuer",
				"who": format!("0x{}", hex::encode((0..32u8).collect::<Vec<_>>())),
				"amount": (1u128 << 60).to_string(),
				"rating": {"Some": 3},
			})
		);
	}
}
