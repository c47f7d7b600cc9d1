//! What the tool asks of a node: sign and submit a call, follow it to finality, read storage
//! with its proof, call runtime APIs. Extrinsics are built with the runtime's own types (the
//! tool is built from the same workspace), so a runtime upgrade that changes them needs a new
//! build of the tool; the node refuses a stale one (`CheckSpecVersion`).

use crate::client::Key;
use crate::rpc::{from_hex, to_hex, Rpc};
use codec::{Decode, Encode};
use regchain_runtime::{
	Header, RuntimeCall, RuntimeError, RuntimeEvent, SignedPayload, TxExtension, UncheckedExtrinsic,
};
use serde_json::{json, Value};
use sp_core::{crypto::Ss58Codec, Pair, H256};
use sp_runtime::{generic::Era, traits::Header as _, DispatchError, MultiAddress, MultiSignature};
use std::time::{Duration, Instant};

/// A node and what every signed extrinsic needs from it.
pub struct Chain {
	/// Its RPC endpoint.
	pub rpc: Rpc,
	/// The chain's genesis hash.
	pub genesis: H256,
}

/// How an extrinsic ended: the finalized block it is in and its events.
pub struct Outcome {
	/// The block's number.
	pub number: u32,
	/// The block's hash.
	pub hash: H256,
	/// The events the extrinsic emitted.
	pub events: Vec<RuntimeEvent>,
}

fn hash_of(value: &Value, what: &str) -> Result<H256, String> {
	let text = value.as_str().ok_or(format!("{what}: expected a hash, got {value}"))?;
	crate::hash::parse_h256(text)
}

fn number_of(value: &Value, what: &str) -> Result<u32, String> {
	let text = value.as_str().ok_or(format!("{what}: expected a number, got {value}"))?;
	u32::from_str_radix(text.trim_start_matches("0x"), 16).map_err(|e| format!("{what}: {e}"))
}

impl Chain {
	/// Connects to the node at `url`.
	pub fn connect(url: &str) -> Result<Self, String> {
		let rpc = Rpc::new(url)?;
		let genesis = hash_of(&rpc.call("chain_getBlockHash", json!([0]))?, "genesis hash")?;
		Ok(Chain { rpc, genesis })
	}

	/// The header of block `hash`, checked against its hash.
	pub fn header(&self, hash: H256) -> Result<Header, String> {
		let json = self.rpc.call("chain_getHeader", json!([hash]))?;
		if json.is_null() {
			return Err(format!("the node has no block {hash:?}"));
		}
		let logs = json["digest"]["logs"]
			.as_array()
			.ok_or("header: no digest")?
			.iter()
			.map(|log| {
				let bytes = from_hex(log.as_str().unwrap_or_default())?;
				sp_runtime::DigestItem::decode(&mut &bytes[..]).map_err(|e| format!("digest: {e}"))
			})
			.collect::<Result<Vec<_>, String>>()?;
		let header = Header::new(
			number_of(&json["number"], "header number")?,
			hash_of(&json["extrinsicsRoot"], "extrinsics root")?,
			hash_of(&json["stateRoot"], "state root")?,
			hash_of(&json["parentHash"], "parent hash")?,
			sp_runtime::Digest { logs },
		);
		if header.hash() != hash {
			return Err(format!("the node's header for {hash:?} does not hash to it"));
		}
		Ok(header)
	}

	/// The hash of block `number` on the node's best chain.
	pub fn block_hash(&self, number: u32) -> Result<H256, String> {
		hash_of(&self.rpc.call("chain_getBlockHash", json!([number]))?, "block hash")
	}

	/// The last finalized block's number and hash.
	pub fn finalized(&self) -> Result<(u32, H256), String> {
		let hash = hash_of(&self.rpc.call("chain_getFinalizedHead", json!([]))?, "finalized head")?;
		Ok((*self.header(hash)?.number(), hash))
	}

	/// Calls the runtime API function `function` (e.g. `NotarizationApi_verify_digest`) with
	/// SCALE-encoded `args`, at `at` or the best block, and decodes the answer.
	pub fn runtime_call<R: Decode>(
		&self,
		function: &str,
		args: &[u8],
		at: Option<H256>,
	) -> Result<R, String> {
		let params = match at {
			Some(at) => json!([function, to_hex(args), at]),
			None => json!([function, to_hex(args)]),
		};
		let bytes =
			self.rpc.bytes("state_call", params)?.ok_or(format!("{function}: no answer"))?;
		R::decode(&mut &bytes[..]).map_err(|e| format!("{function}: cannot decode the answer: {e}"))
	}

	/// The value under storage `key` at block `at`.
	pub fn storage(&self, key: &[u8], at: H256) -> Result<Option<Vec<u8>>, String> {
		self.rpc.bytes("state_getStorage", json!([to_hex(key), at]))
	}

	/// The trie nodes that prove the values under `keys` at block `at`.
	pub fn read_proof(&self, keys: &[Vec<u8>], at: H256) -> Result<Vec<Vec<u8>>, String> {
		let keys: Vec<String> = keys.iter().map(|key| to_hex(key)).collect();
		let reply = self.rpc.call("state_getReadProof", json!([keys, at]))?;
		reply["proof"]
			.as_array()
			.ok_or("state_getReadProof: no proof")?
			.iter()
			.map(|node| from_hex(node.as_str().unwrap_or_default()))
			.collect()
	}

	/// Signs `call` as `key` and submits it: mortal for [`MORTALITY`] blocks from the last
	/// finalized one (a signed extrinsic seen once cannot be replayed later, e.g. after the
	/// account left and rejoined with its nonce reset), the nonce from the node, counting the
	/// pool.
	pub fn submit(&self, key: &Key, call: RuntimeCall) -> Result<Vec<u8>, String> {
		let who = regchain_runtime::AccountId::from(key.public());
		let nonce = self.rpc.call("system_accountNextIndex", json!([who.to_ss58check()]))?;
		let nonce = nonce.as_u64().ok_or("system_accountNextIndex: not a number")? as u32;
		let version = self.rpc.call("state_getRuntimeVersion", json!([]))?;
		let spec = version["specVersion"].as_u64().ok_or("no specVersion")? as u32;
		let tx_version = version["transactionVersion"].as_u64().ok_or("no transactionVersion")?;
		let (finalized, _) = self.finalized()?;
		let era = Era::mortal(MORTALITY, u64::from(finalized));
		let birth = u32::try_from(era.birth(u64::from(finalized))).unwrap_or(finalized);
		let checkpoint = self.block_hash(birth)?;
		let extensions = extensions(nonce, era);
		let implicit = ((), spec, tx_version as u32, self.genesis, checkpoint, (), (), (), (), ());
		let payload = SignedPayload::from_raw(call.clone(), extensions.clone(), implicit);
		let signature = payload.using_encoded(|bytes| match key {
			Key::Sr25519(pair) => MultiSignature::Sr25519(pair.sign(bytes)),
			Key::Ed25519(pair) => MultiSignature::Ed25519(pair.sign(bytes)),
		});
		let extrinsic =
			UncheckedExtrinsic::new_signed(call, MultiAddress::Id(who), signature, extensions)
				.encode();
		self.rpc.call("author_submitExtrinsic", json!([to_hex(&extrinsic)]))?;
		Ok(extrinsic)
	}

	/// Waits (up to `timeout`) until `extrinsic` is in a finalized block after `from`; its
	/// events, or the dispatch error by name if it failed.
	pub fn follow(
		&self,
		extrinsic: &[u8],
		from: u32,
		timeout: Duration,
	) -> Result<Outcome, String> {
		let wanted = to_hex(extrinsic);
		let deadline = Instant::now() + timeout;
		let mut next = from + 1;
		loop {
			let (finalized, _) = self.finalized()?;
			while next <= finalized {
				let hash = self.block_hash(next)?;
				let block = self.rpc.call("chain_getBlock", json!([hash]))?;
				let extrinsics =
					block["block"]["extrinsics"].as_array().cloned().unwrap_or_default();
				if let Some(index) = extrinsics.iter().position(|x| x.as_str() == Some(&wanted)) {
					return self.outcome(next, hash, index as u32);
				}
				next += 1;
			}
			if Instant::now() > deadline {
				return Err(format!("not in a finalized block within {timeout:?}"));
			}
			std::thread::sleep(Duration::from_millis(500));
		}
	}

	fn outcome(&self, number: u32, hash: H256, index: u32) -> Result<Outcome, String> {
		// `frame_system::Events` is private: its key is the documented `System` `Events` one.
		let key = frame_support::storage::storage_prefix(b"System", b"Events").to_vec();
		let bytes = self.storage(&key, hash)?.unwrap_or_default();
		let records = Vec::<frame_system::EventRecord<RuntimeEvent, H256>>::decode(&mut &bytes[..])
			.map_err(|e| format!("cannot decode the events of block {number}: {e}"))?;
		let mut events = Vec::new();
		for record in records {
			if record.phase != frame_system::Phase::ApplyExtrinsic(index) {
				continue;
			}
			if let RuntimeEvent::System(frame_system::Event::ExtrinsicFailed {
				dispatch_error,
				..
			}) = &record.event
			{
				return Err(format!("refused in block {number}: {}", error_name(dispatch_error)));
			}
			events.push(record.event);
		}
		Ok(Outcome { number, hash, events })
	}
}

/// How many blocks a signed extrinsic stays valid: 256 (about 26 minutes at 6 s blocks), as
/// the domain commands sign theirs.
pub const MORTALITY: u64 = 256;

/// The transaction extensions of a fee-less extrinsic with `nonce`, valid in `era`.
pub fn extensions(nonce: u32, era: Era) -> TxExtension {
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

/// A dispatch error by its pallet and name, e.g. `Notarization(AlreadyNotarized)`.
pub fn error_name(error: &DispatchError) -> String {
	match RuntimeError::from_dispatch_error(*error) {
		Some(named) => format!("{named:?}"),
		None => format!("{error:?}"),
	}
}
