//! The batch tree: one rule, used on chain (verification) and off chain (the command-line tool
//! that builds a batch and its proofs), through polkadot-sdk's `binary-merkle-tree`.
//!
//! - **Leaf**: BLAKE2b-256 of the 34 bytes `0x00 ‖ algorithm ‖ digest`, where `algorithm` is
//!   the digest's [`HashAlgorithm`] as its one-byte SCALE index (SHA-256 0, BLAKE2b-256 1, SM3
//!   2). The leaf's preimage is 34 bytes and an inner node's 64: a node can never pass as a
//!   leaf, nor a leaf as a node (the second-preimage attack on unseparated trees).
//! - **Inner node**: BLAKE2b-256 of `left ‖ right` (64 bytes).
//! - **Odd node**: a level's last node without a sibling moves up unchanged (it is never
//!   paired with itself, so two batches of different sizes cannot share a root by
//!   duplication).
//! - Leaves keep the order the batch lists them in; a proof names the leaf's index and the
//!   batch's size.

use crate::types::HashAlgorithm;
use alloc::vec::Vec;
use codec::Encode;
use sp_core::H256;
use sp_runtime::traits::BlakeTwo256;

/// The tag that starts every leaf's preimage.
pub const LEAF_TAG: u8 = 0x00;

/// The preimage of the leaf for `digest` made by `algorithm`.
pub fn leaf_preimage(algorithm: HashAlgorithm, digest: &H256) -> [u8; 34] {
	let mut preimage = [0u8; 34];
	preimage[0] = LEAF_TAG;
	preimage[1] = algorithm.encode()[0];
	preimage[2..].copy_from_slice(digest.as_bytes());
	preimage
}

/// The root of the batch of `digests`, all made by `algorithm` (zero for an empty batch).
pub fn root(algorithm: HashAlgorithm, digests: &[H256]) -> H256 {
	binary_merkle_tree::merkle_root::<BlakeTwo256, _>(
		digests.iter().map(|digest| leaf_preimage(algorithm, digest)),
	)
}

/// The inclusion proof of the `index`-th of `digests` (sibling hashes, leaf to root), or
/// `None` if there is no such digest.
pub fn proof(algorithm: HashAlgorithm, digests: &[H256], index: u32) -> Option<Vec<H256>> {
	if index as usize >= digests.len() {
		return None;
	}
	let proof = binary_merkle_tree::merkle_proof::<BlakeTwo256, _, _>(
		digests.iter().map(|digest| leaf_preimage(algorithm, digest)),
		index,
	);
	Some(proof.proof)
}

/// Whether `digest`, made by `algorithm`, is the `index`-th of the `leaves` digests of the
/// batch with `root`, by `proof`.
pub fn verify(
	root: &H256,
	leaves: u32,
	index: u32,
	algorithm: HashAlgorithm,
	digest: &H256,
	proof: &[H256],
) -> bool {
	let preimage = leaf_preimage(algorithm, digest);
	binary_merkle_tree::verify_proof::<BlakeTwo256, _, _>(
		root,
		proof.iter().copied(),
		leaves,
		index,
		&preimage,
	)
}
