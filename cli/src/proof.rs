//! The court-ready proof file of a notarized digest, and its offline check.
//!
//! A file proves, trusting no node and only the consortium's validator keys:
//! 1. **finality** — a GRANDPA justification for block F, signed by more than two thirds of the
//!    validators' voting weight in authority set `set_id`; the check refuses any set other than
//!    the trusted keys;
//! 2. **the chain** — the header of block B, in which the record was written, and the headers
//!    from B to F, each naming the previous one's hash (when B is F there are none);
//! 3. **the record** — a storage proof against B's state root: the record (owner, on-chain time,
//!    block B's number) and the index entry that makes the digest (or the batch root) name it;
//!    for a digest of a batch, its Merkle proof against the anchored root;
//! 4. **its status** — a storage proof against F's state root of the certification of the
//!    digest by each office the file names (or its absence), and of a freeze. Each court's
//!    certification is a key of its own: the file proves those of the offices it names, and
//!    says nothing of an office it leaves out.
//!
//! The file is JSON; every chain object in it is SCALE-encoded hex, checked, never trusted.

use crate::{
	client::{Client, Failure},
	hash,
	rpc::{from_hex, to_hex},
};
use codec::{Decode, Encode};
use pallet_notarization::{
	merkle, Anchor, Certification, HashAlgorithm, Record, RecordId, Verification,
};
use regchain_primitives::{time::Moment, Freeze, OrgId};
use regchain_runtime::{opaque::Block, Header, Runtime};
use serde::{Deserialize, Serialize};
use sp_consensus_grandpa::{AuthorityId, AuthorityList, SetId};
use sp_core::{ed25519, H256};
use sp_runtime::traits::{BlakeTwo256, Header as _};
use std::{collections::BTreeSet, time::Duration};

/// The format tag of a proof file.
pub const FORMAT: &str = "regchain-notarization-proof/2";

/// Where a digest sits in a batch.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Membership {
	/// Its index among the batch's leaves.
	pub index: u32,
	/// Its Merkle proof.
	pub proof: Vec<H256>,
}

/// A proof file.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProofFile {
	/// Always [`FORMAT`].
	pub format: String,
	/// The chain's genesis hash (which network; not itself proved).
	pub genesis: H256,
	/// The digest's algorithm, by its command-line name.
	pub algorithm: String,
	/// The notarized digest.
	pub digest: H256,
	/// The record that holds it.
	pub record_id: RecordId,
	/// For a digest of a batch: where it sits.
	pub batch: Option<Membership>,
	/// The record, SCALE hex (as stored).
	pub record: String,
	/// Header of block B, which wrote the record, SCALE hex.
	pub header: String,
	/// Trie nodes proving the record and its index entry against B's state root.
	pub record_proof: Vec<String>,
	/// Headers after B up to F, the finalized block, SCALE hex, in order.
	pub headers: Vec<String>,
	/// The offices whose certifications of the digest `status_proof` covers.
	pub offices: Vec<OrgId>,
	/// Trie nodes proving those certifications and the freeze against F's state root.
	pub status_proof: Vec<String>,
	/// The GRANDPA authority set id that signed.
	pub set_id: SetId,
	/// The set's keys (ed25519, hex) and weights.
	pub authorities: Vec<(String, u64)>,
	/// The GRANDPA justification of F, SCALE hex.
	pub justification: String,
}

/// What a proof file shows, once checked.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Verdict {
	/// The digest and its algorithm.
	pub digest: H256,
	/// By command-line name.
	pub algorithm: String,
	/// The record's id.
	pub record_id: RecordId,
	/// The organization that notarized it.
	pub owner: OrgId,
	/// On-chain time of the notarization, ms since the Unix epoch.
	pub at: Moment,
	/// The block that wrote it.
	pub block: u32,
	/// Its hash.
	pub block_hash: H256,
	/// The block the justification finalizes (B or a descendant).
	pub finalized: u32,
	/// Validators whose signed precommits the justification carries, of the set's size.
	pub signers: (usize, usize),
	/// The certifications as of the finalized block (status, office, certificate, dates) of
	/// the offices the file names.
	pub certifications: Vec<String>,
	/// Whether a court had frozen the record as of the finalized block.
	pub frozen: bool,
}

/// The trusted validator keys: a JSON list of ed25519 keys (hex), or an object with an
/// `authorities` list of `[key, weight]` pairs as `notary authorities` writes it.
pub fn parse_trusted(json: &str) -> Result<AuthorityList, String> {
	let value: serde_json::Value =
		serde_json::from_str(json).map_err(|e| format!("the trusted keys are not JSON: {e}"))?;
	let list = value.get("authorities").unwrap_or(&value);
	let entries = list.as_array().ok_or("the trusted keys: expected a list")?;
	entries
		.iter()
		.map(|entry| {
			let (key, weight) = match entry {
				serde_json::Value::String(key) => (key.as_str(), 1),
				serde_json::Value::Array(pair) if pair.len() == 2 => (
					pair[0].as_str().ok_or("a key is not a string")?,
					pair[1].as_u64().ok_or("a weight is not a number")?,
				),
				other => return Err(format!("the trusted keys: unexpected {other}")),
			};
			Ok((authority(key)?, weight))
		})
		.collect()
}

fn authority(key: &str) -> Result<AuthorityId, String> {
	let bytes = from_hex(key)?;
	let raw: [u8; 32] = bytes.try_into().map_err(|_| format!("`{key}` is no ed25519 key"))?;
	Ok(ed25519::Public::from_raw(raw).into())
}

fn decode_hex<T: Decode>(text: &str, what: &str) -> Result<T, String> {
	let bytes = from_hex(text).map_err(|e| format!("{what}: {e}"))?;
	T::decode(&mut &bytes[..]).map_err(|e| format!("{what} does not decode: {e}"))
}

fn nodes(hex_nodes: &[String]) -> Result<sp_trie::StorageProof, String> {
	let nodes = hex_nodes.iter().map(|n| from_hex(n)).collect::<Result<Vec<_>, _>>()?;
	Ok(sp_trie::StorageProof::new(nodes))
}

/// The values under `keys` in the state with `root`, by `proof`.
fn read(
	root: H256,
	proof: &[String],
	keys: &[Vec<u8>],
	what: &str,
) -> Result<Vec<Option<Vec<u8>>>, String> {
	let proof = nodes(proof)?;
	let values = sp_state_machine::read_proof_check::<BlakeTwo256, _>(root, proof, keys)
		.map_err(|e| format!("the {what} proof does not match the state root {root:?}: {e}"))?;
	Ok(keys.iter().map(|key| values.get(key).cloned().flatten()).collect())
}

/// The storage key of the index entry that names the record: the digest's for a single
/// digest, the root's for a batch.
fn index_key(record: &Record) -> Vec<u8> {
	match record.anchor {
		Anchor::Digest { algorithm, digest } => {
			pallet_notarization::Digests::<Runtime>::hashed_key_for((algorithm, digest))
		},
		Anchor::Batch { root, .. } => pallet_notarization::Roots::<Runtime>::hashed_key_for(root),
	}
}

fn status_keys(id: RecordId, digest: H256, offices: &[OrgId]) -> Vec<Vec<u8>> {
	let mut keys: Vec<_> = offices
		.iter()
		.map(|office| {
			pallet_notarization::Certifications::<Runtime>::hashed_key_for((id, digest, *office))
		})
		.collect();
	keys.push(pallet_notarization::FrozenRecords::<Runtime>::hashed_key_for(id));
	keys
}

/// Checks `file` offline against the `trusted` validator keys.
pub fn check(file: &ProofFile, trusted: &AuthorityList) -> Result<Verdict, String> {
	if file.format != FORMAT {
		return Err(format!("not a proof file of format {FORMAT}"));
	}
	let algorithm = hash::parse_algorithm(&file.algorithm)?;
	// 1. Finality, by the trusted keys only.
	let authorities: AuthorityList = file
		.authorities
		.iter()
		.map(|(key, weight)| Ok((authority(key)?, *weight)))
		.collect::<Result<_, String>>()?;
	let as_set = |list: &AuthorityList| -> BTreeSet<(Vec<u8>, u64)> {
		list.iter().map(|(id, weight)| (id.encode(), *weight)).collect()
	};
	if as_set(&authorities) != as_set(trusted) {
		return Err("the proof's authority set is not the trusted validators' set".into());
	}
	let justification_bytes = from_hex(&file.justification)?;
	let justification =
		sc_consensus_grandpa::GrandpaJustification::<Block>::decode(&justification_bytes)
			.map_err(|e| format!("the justification does not decode: {e}"))?;
	justification.verify(file.set_id, &authorities).map_err(|e| {
		format!(
			"the justification is not signed by the trusted validators in set {}: {e}",
			file.set_id
		)
	})?;
	// 2. The chain from B to F.
	let header_b: Header = decode_hex(&file.header, "the record's block header")?;
	let mut last = header_b.clone();
	for (n, text) in file.headers.iter().enumerate() {
		let next: Header = decode_hex(text, &format!("header {n} after the record's block"))?;
		if *next.parent_hash() != last.hash() || *next.number() != last.number() + 1 {
			return Err(format!("the header chain is broken at block {}", next.number()));
		}
		last = next;
	}
	let (target_number, target_hash) = justification.target();
	if (target_number, target_hash) != (*last.number(), last.hash()) {
		return Err(format!(
			"the justification finalizes block {target_number} ({target_hash:?}), not the proof's last header ({}, {:?})",
			last.number(),
			last.hash()
		));
	}
	// 3. The record, in B's state.
	let record: Record = decode_hex(&file.record, "the record")?;
	let record_key = pallet_notarization::Records::<Runtime>::hashed_key_for(file.record_id);
	let values = read(
		*header_b.state_root(),
		&file.record_proof,
		&[record_key, index_key(&record)],
		"record",
	)?;
	if values[0].as_deref() != Some(&from_hex(&file.record)?[..]) {
		return Err(format!(
			"record {} is not in the state of block {}",
			file.record_id,
			header_b.number()
		));
	}
	if values[1] != Some(file.record_id.encode()) {
		return Err(format!("the chain's index does not name record {}", file.record_id));
	}
	if record.block != *header_b.number() {
		return Err(format!(
			"record {} was written in block {}, not {}",
			file.record_id,
			record.block,
			header_b.number()
		));
	}
	match (&record.anchor, &file.batch) {
		(Anchor::Digest { algorithm: a, digest }, None)
			if *a == algorithm && *digest == file.digest => {},
		(Anchor::Batch { algorithm: a, root, leaves }, Some(member)) if *a == algorithm => {
			if !merkle::verify(root, *leaves, member.index, algorithm, &file.digest, &member.proof)
			{
				return Err("the digest's Merkle proof does not lead to the anchored root".into());
			}
		},
		_ => return Err(format!("record {} does not anchor this digest", file.record_id)),
	}
	// 4. Its status, in F's state.
	let status = read(
		*last.state_root(),
		&file.status_proof,
		&status_keys(file.record_id, file.digest, &file.offices),
		"status",
	)?;
	let (frozen, certified) = status.split_last().ok_or("the status proof read no keys")?;
	let certifications = certified
		.iter()
		.flatten()
		.map(|bytes| {
			Certification::decode(&mut &bytes[..])
				.map(|c| format!("{c:?}"))
				.map_err(|e| format!("certification: {e}"))
		})
		.collect::<Result<Vec<_>, _>>()?;
	let frozen = match frozen {
		Some(bytes) => {
			Freeze::decode(&mut &bytes[..]).map(|_| true).map_err(|e| format!("freeze: {e}"))?
		},
		None => false,
	};
	let signers: BTreeSet<_> =
		justification.justification.commit.precommits.iter().map(|p| p.id.clone()).collect();
	Ok(Verdict {
		digest: file.digest,
		algorithm: file.algorithm.clone(),
		record_id: file.record_id,
		owner: record.owner,
		at: record.at,
		block: record.block,
		block_hash: header_b.hash(),
		finalized: *last.number(),
		signers: (signers.len(), authorities.len()),
		certifications,
		frozen,
	})
}

/// What a node's runtime says of `digest`: on its own, or as an item of a batch record.
pub fn verification(
	chain: &Client,
	algorithm: HashAlgorithm,
	digest: H256,
	batch: &Option<(RecordId, Membership)>,
) -> Result<Verification, Failure> {
	let answer: Option<Verification> = match batch {
		None => chain.runtime_call(
			"NotarizationApi_verify_digest",
			&(algorithm, digest).encode(),
			None,
		)?,
		Some((id, member)) => chain.runtime_call(
			"NotarizationApi_verify_in_batch",
			&(id, algorithm, digest, member.index, member.proof.clone()).encode(),
			None,
		)?,
	};
	// A digest the chain does not hold is the caller's input, not the node's failure.
	answer.ok_or_else(|| {
		Failure::Input(match batch {
			None => format!("{} digest {digest:?} is not notarized", hash::name(algorithm)),
			Some((id, _)) => {
				format!("digest {digest:?} is not in batch record {id} by this proof")
			},
		})
	})
}

/// Builds the proof file of `digest` from a node: the record that holds it (found by the
/// runtime API, or `batch` for a digest of a batch record), once its block is finalized.
pub fn build(
	chain: &Client,
	algorithm: HashAlgorithm,
	digest: H256,
	batch: Option<(RecordId, Membership)>,
	wait: Duration,
) -> Result<ProofFile, Failure> {
	let Verification { id, record, certifications, batch_index, .. } =
		verification(chain, algorithm, digest, &batch)?;
	if let (Some(index), None) = (batch_index, &batch) {
		return Err(Failure::Input(format!(
			"the digest's original is item {index} of batch record {id}: give that batch's \
			 manifest (--manifest) to prove it"
		)));
	}
	let offices: Vec<OrgId> = certifications.iter().map(|c| c.office).collect();
	let hash_b = chain.block_hash(record.block)?;
	let header_b = chain.header(hash_b)?;
	let deadline = std::time::Instant::now() + wait;
	let finality = loop {
		let answer = chain.rpc().bytes("regchain_proveFinality", serde_json::json!([record.block]));
		match answer {
			Ok(Some(bytes)) => {
				break sc_consensus_grandpa::FinalityProof::<Header>::decode(&mut &bytes[..])
					.map_err(|e| Failure::Node(format!("regchain_proveFinality: {e}")))?
			},
			Ok(None) | Err(_) if std::time::Instant::now() < deadline => {
				std::thread::sleep(Duration::from_secs(1))
			},
			Ok(None) => {
				return Err(Failure::Timeout(format!(
					"the node has no justification covering block {} yet",
					record.block
				)))
			},
			Err(e) => return Err(Failure::Node(format!("regchain_proveFinality: {e}"))),
		}
	};
	let headers = finality.unknown_headers;
	let hash_f = headers.last().map(|h| h.hash()).unwrap_or(hash_b);
	if hash_f != finality.block {
		return Err(Failure::Node(
			"regchain_proveFinality: its headers do not end at the finalized block".into(),
		));
	}
	let record_key = pallet_notarization::Records::<Runtime>::hashed_key_for(id);
	let record_proof = chain.read_proof(&[record_key, index_key(&record)], hash_b)?;
	let status_proof = chain.read_proof(&status_keys(id, digest, &offices), hash_f)?;
	let mut file = ProofFile {
		format: FORMAT.into(),
		genesis: chain.genesis(),
		algorithm: hash::name(algorithm).into(),
		digest,
		record_id: id,
		batch: batch.map(|(_, member)| member),
		record: to_hex(&record.encode()),
		header: to_hex(&header_b.encode()),
		record_proof: record_proof.iter().map(|n| to_hex(n)).collect(),
		headers: headers.iter().map(|h| to_hex(&h.encode())).collect(),
		offices,
		status_proof: status_proof.iter().map(|n| to_hex(n)).collect(),
		set_id: 0,
		authorities: Vec::new(),
		justification: to_hex(&finality.justification),
	};
	// The set that signed: the one in force at F, or, if F enacted a change, the one before.
	let parent_f = headers.last().map(|h| *h.parent_hash()).unwrap_or(*header_b.parent_hash());
	let mut tried = Vec::new();
	for at in [hash_f, parent_f] {
		let set_id: SetId = chain.runtime_call("GrandpaApi_current_set_id", &[], Some(at))?;
		let list: AuthorityList =
			chain.runtime_call("GrandpaApi_grandpa_authorities", &[], Some(at))?;
		for candidate in [set_id, set_id.saturating_sub(1)] {
			file.set_id = candidate;
			file.authorities =
				list.iter().map(|(id, weight)| (to_hex(id.as_ref()), *weight)).collect();
			match check(&file, &list) {
				Ok(_) => return Ok(file),
				Err(e) => tried.push(format!("set {candidate}: {e}")),
			}
		}
	}
	Err(Failure::Node(format!("the node's proof does not check: {}", tried.join("; "))))
}

/// The node's current GRANDPA authority set, as the trusted keys file for [`check`].
pub fn authorities(chain: &Client) -> Result<serde_json::Value, Failure> {
	let (number, at) = chain.finalized_block()?;
	let set_id: SetId = chain.runtime_call("GrandpaApi_current_set_id", &[], Some(at))?;
	let list: AuthorityList =
		chain.runtime_call("GrandpaApi_grandpa_authorities", &[], Some(at))?;
	Ok(serde_json::json!({
		"genesis": chain.genesis(),
		"set_id": set_id,
		"at_block": number,
		"authorities": list.iter().map(|(id, w)| (to_hex(id.as_ref()), *w)).collect::<Vec<_>>(),
	}))
}
