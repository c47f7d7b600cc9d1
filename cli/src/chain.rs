//! What `notary` reads from a node besides submitting: headers, block hashes, storage with its
//! proof, runtime API calls — over the same client as every other command (`client::Client`:
//! one connection, one error type, the documented exit statuses; a node's failure is exit 3).
//! Answers are decoded with the runtime's own types, since a proof file is checked offline
//! against them (`proof::check`).

use crate::client::{Client, Failure};
use crate::rpc::{from_hex, to_hex};
use codec::Decode;
use regchain_runtime::Header;
use serde_json::{json, Value};
use sp_core::H256;
use sp_runtime::traits::Header as _;

fn node<E: std::fmt::Display>(what: &str) -> impl Fn(E) -> Failure + '_ {
	move |e| Failure::Node(format!("{what}: {e}"))
}

fn hash_of(value: &Value, what: &str) -> Result<H256, Failure> {
	let text =
		value.as_str().ok_or(Failure::Node(format!("{what}: expected a hash, got {value}")))?;
	crate::hash::parse_h256(text).map_err(node(what))
}

fn number_of(value: &Value, what: &str) -> Result<u32, Failure> {
	let text =
		value.as_str().ok_or(Failure::Node(format!("{what}: expected a number, got {value}")))?;
	u32::from_str_radix(text.trim_start_matches("0x"), 16).map_err(node(what))
}

impl Client {
	/// The header of block `hash`, checked against its hash.
	pub fn header(&self, hash: H256) -> Result<Header, Failure> {
		let json =
			self.rpc().call("chain_getHeader", json!([hash])).map_err(node("chain_getHeader"))?;
		if json.is_null() {
			return Err(Failure::Node(format!("the node has no block {hash:?}")));
		}
		let logs = json["digest"]["logs"]
			.as_array()
			.ok_or(Failure::Node("header: no digest".into()))?
			.iter()
			.map(|log| {
				let bytes = from_hex(log.as_str().unwrap_or_default()).map_err(node("digest"))?;
				sp_runtime::DigestItem::decode(&mut &bytes[..]).map_err(node("digest"))
			})
			.collect::<Result<Vec<_>, Failure>>()?;
		let header = Header::new(
			number_of(&json["number"], "header number")?,
			hash_of(&json["extrinsicsRoot"], "extrinsics root")?,
			hash_of(&json["stateRoot"], "state root")?,
			hash_of(&json["parentHash"], "parent hash")?,
			sp_runtime::Digest { logs },
		);
		if header.hash() != hash {
			return Err(Failure::Node(format!(
				"the node's header for {hash:?} does not hash to it"
			)));
		}
		Ok(header)
	}

	/// The hash of block `number` on the node's best chain.
	pub fn block_hash(&self, number: u32) -> Result<H256, Failure> {
		let answer = self
			.rpc()
			.call("chain_getBlockHash", json!([number]))
			.map_err(node("chain_getBlockHash"))?;
		hash_of(&answer, "block hash")
	}

	/// The last finalized block's number and hash, its header checked.
	pub fn finalized_block(&self) -> Result<(u32, H256), Failure> {
		let answer = self
			.rpc()
			.call("chain_getFinalizedHead", json!([]))
			.map_err(node("chain_getFinalizedHead"))?;
		let hash = hash_of(&answer, "finalized head")?;
		Ok((*self.header(hash)?.number(), hash))
	}

	/// Calls the runtime API function `function` (e.g. `NotarizationApi_verify_digest`) with
	/// SCALE-encoded `args`, at `at` or the best block, and decodes the answer.
	pub fn runtime_call<R: Decode>(
		&self,
		function: &str,
		args: &[u8],
		at: Option<H256>,
	) -> Result<R, Failure> {
		let params = match at {
			Some(at) => json!([function, to_hex(args), at]),
			None => json!([function, to_hex(args)]),
		};
		let bytes = self
			.rpc()
			.bytes("state_call", params)
			.map_err(node(function))?
			.ok_or(Failure::Node(format!("{function}: no answer")))?;
		R::decode(&mut &bytes[..]).map_err(node(function))
	}

	/// The trie nodes that prove the values under `keys` at block `at`.
	pub fn read_proof(&self, keys: &[Vec<u8>], at: H256) -> Result<Vec<Vec<u8>>, Failure> {
		let keys: Vec<String> = keys.iter().map(|key| to_hex(key)).collect();
		let reply = self
			.rpc()
			.call("state_getReadProof", json!([keys, at]))
			.map_err(node("state_getReadProof"))?;
		reply["proof"]
			.as_array()
			.ok_or(Failure::Node("state_getReadProof: no proof".into()))?
			.iter()
			.map(|n| from_hex(n.as_str().unwrap_or_default()).map_err(node("state_getReadProof")))
			.collect()
	}
}

/// The value of field `field` of the first `pallet.event` an extrinsic emitted, from the
/// outcome `Client::submit` returns.
pub fn event_field<'a>(
	outcome: &'a Value,
	pallet: &str,
	events: &[&str],
	field: &str,
) -> Option<&'a Value> {
	outcome["events"].as_array()?.iter().find_map(|event| {
		(event["pallet"] == pallet && events.iter().any(|e| event["event"] == *e))
			.then(|| &event["fields"][field])
	})
}
