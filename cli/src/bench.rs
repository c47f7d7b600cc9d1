//! The batch benchmark: how long a batch of N digests takes to become a tree, how large and how
//! fast its proofs are, and, against a node, that one extrinsic anchors it and the runtime
//! verifies its items. Prints figures; asserts only correctness (every sampled proof verifies,
//! a wrong one does not).

use crate::{
	batch::Tree,
	chain::event_field,
	client::{runtime, Client, Failure, Key, Wait},
};
use codec::Encode;
use frame_support::dispatch::{DispatchClass, GetDispatchInfo};
use pallet_notarization::{merkle, EvidenceType, HashAlgorithm, Verification};
use serde_json::{json, Value};
use sp_core::H256;
use sp_runtime::traits::{BlakeTwo256, Hash};
use std::time::{Duration, Instant};

/// Items whose proofs are sampled.
const SAMPLES: u32 = 1_000;

fn ms(d: Duration) -> f64 {
	(d.as_secs_f64() * 1e6).round() / 1e3
}

fn us(d: Duration) -> f64 {
	(d.as_secs_f64() * 1e8).round() / 1e2
}

/// Runs the benchmark on `leaves` digests; with a node and a member's key, anchors the batch.
pub fn run(leaves: u32, online: Option<(&Client, &Key)>) -> Result<Value, Failure> {
	if leaves == 0 {
		return Err(Failure::Input("a batch needs at least one digest".into()));
	}
	let algorithm = HashAlgorithm::Sm3;
	// Stand-ins for file digests: distinct, unpredictable 32-byte values, new in every run (a
	// root is anchored once).
	let seed = std::time::SystemTime::now()
		.duration_since(std::time::UNIX_EPOCH)
		.map(|d| d.as_nanos())
		.unwrap_or_default();
	let digests: Vec<H256> = (0..leaves).map(|i| BlakeTwo256::hash(&(seed, i).encode())).collect();
	let start = Instant::now();
	let reference_root = merkle::root(algorithm, &digests);
	let root_time = start.elapsed();
	let start = Instant::now();
	let tree = Tree::new(algorithm, &digests);
	let tree_time = start.elapsed();
	if tree.root() != reference_root {
		return Err(Failure::Input(
			"the tool's tree and binary-merkle-tree disagree on the root".into(),
		));
	}
	let samples: Vec<u32> = (0..SAMPLES.min(leaves))
		.map(|k| (u64::from(k) * u64::from(leaves) / u64::from(SAMPLES.min(leaves))) as u32)
		.collect();
	let start = Instant::now();
	let proofs: Vec<Vec<H256>> = samples.iter().map(|i| tree.proof(*i)).collect();
	let proof_time = start.elapsed() / samples.len() as u32;
	let start = Instant::now();
	for (index, proof) in samples.iter().zip(&proofs) {
		if !merkle::verify(
			&tree.root(),
			leaves,
			*index,
			algorithm,
			&digests[*index as usize],
			proof,
		) {
			return Err(Failure::Input(format!("the proof of item {index} does not verify")));
		}
	}
	let verify_time = start.elapsed() / samples.len() as u32;
	let longest = proofs.iter().map(Vec::len).max().unwrap_or(0);
	let call =
		regchain_runtime::RuntimeCall::Notarization(pallet_notarization::Call::anchor_batch {
			algorithm,
			root: tree.root(),
			leaves,
			evidence_type: EvidenceType::Other,
			metadata: H256::zero(),
			case: None,
		});
	// How many anchors fit one block's normal-class weight: the call's, its transaction
	// extensions' (the member check above all) and every extrinsic's base weight.
	let weights = regchain_runtime::configs::RuntimeBlockWeights::get();
	let normal = weights.get(DispatchClass::Normal);
	let extensions =
		sp_runtime::traits::TransactionExtension::<regchain_runtime::RuntimeCall>::weight(
			&regchain_runtime::tx_extension(0, sp_runtime::generic::Era::Immortal),
			&call,
		);
	let per_anchor = call.get_dispatch_info().call_weight + extensions + normal.base_extrinsic;
	let budget = normal.max_total.unwrap_or(weights.max_block);
	let anchors_per_block = (budget.ref_time() / per_anchor.ref_time().max(1))
		.min(budget.proof_size() / per_anchor.proof_size().max(1));
	let mut report = json!({
		"leaves": leaves,
		"algorithm": "sm3",
		"root_ms_binary_merkle_tree": ms(root_time),
		"tree_with_all_levels_ms": ms(tree_time),
		"proof_hashes": longest,
		"proof_bytes": longest * 32 + 8,
		"proof_build_us": us(proof_time),
		"verify_us_native": us(verify_time),
		"anchor_weight": {"ref_time": per_anchor.ref_time(), "proof_size": per_anchor.proof_size()},
		"anchors_per_block_by_weight": anchors_per_block,
		"items_per_block_by_weight": u128::from(anchors_per_block) * u128::from(leaves),
	});
	if let Some((chain, signer)) = online {
		let submitted = Instant::now();
		let anchor = runtime::tx().notarization().anchor_batch(
			crate::algorithm_arg(algorithm),
			tree.root(),
			leaves,
			crate::evidence_type_arg(EvidenceType::Other),
			H256::zero(),
			None,
		);
		let outcome = chain.submit(&anchor, signer, Wait::Finalized, Duration::from_secs(120))?;
		let finalized_after = submitted.elapsed();
		let id = event_field(&outcome, "Notarization", &["BatchAnchored"], "id")
			.and_then(Value::as_u64)
			.ok_or(Failure::Node("the anchor emitted no BatchAnchored event".into()))?;
		let at = outcome["block_hash"].as_str().map(crate::hash::parse_h256).transpose()?;
		let start = Instant::now();
		let checked = samples.len().min(100);
		for (index, proof) in samples.iter().zip(&proofs).take(checked) {
			let args = (id, algorithm, digests[*index as usize], *index, proof.clone()).encode();
			let answer: Option<Verification> =
				chain.runtime_call("NotarizationApi_verify_in_batch", &args, at)?;
			if answer.map(|v| v.id) != Some(id) {
				return Err(Failure::Node(format!("the node does not verify item {index}")));
			}
		}
		let rpc_time = start.elapsed() / checked as u32;
		let wrong = (id, algorithm, H256::repeat_byte(7), 0u32, proofs[0].clone()).encode();
		let answer: Option<Verification> =
			chain.runtime_call("NotarizationApi_verify_in_batch", &wrong, at)?;
		if answer.is_some() {
			return Err(Failure::Node(
				"the node verifies a digest that is not in the batch".into(),
			));
		}
		report["anchored"] = json!({
			"record": id,
			"block": outcome["block"],
			"submitted_to_finalized_ms": ms(finalized_after),
			"items_verified_by_the_runtime": checked,
			"verify_ms_per_item_over_rpc": ms(rpc_time),
		});
	}
	Ok(report)
}

#[cfg(test)]
mod tests {
	#[test]
	fn a_small_batch_measures_and_every_proof_checks() {
		let report = super::run(1_025, None).unwrap();
		assert_eq!(report["leaves"], 1_025);
		// 1,025 leaves: 11 levels above the leaves, the last item's proof skips the odd ones.
		assert_eq!(report["proof_hashes"], 11);
		assert!(report["anchors_per_block_by_weight"].as_u64().unwrap() > 0);
		assert!(super::run(0, None).unwrap_err().to_string().contains("at least one"));
	}
}
