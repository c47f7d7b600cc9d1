//! Batches: a folder's files, in the order of their relative paths, become one Merkle tree
//! whose root one extrinsic anchors. The tree follows `pallet_notarization::merkle`'s rule
//! exactly (domain-separated leaves, odd nodes move up); [`Tree`] keeps every level so that all
//! proofs of a batch come out in O(n log n) — `binary_merkle_tree::merkle_proof` rebuilds the
//! tree for each proof. The tests cross-check roots and proofs against that crate and the
//! pallet's verification.

use crate::hash;
use pallet_notarization::{merkle, HashAlgorithm};
use serde::{Deserialize, Serialize};
use sp_core::H256;
use sp_runtime::traits::{BlakeTwo256, Hash};
use std::path::{Path, PathBuf};

/// A batch's Merkle tree with all its levels: leaves first, the root last.
pub struct Tree {
	levels: Vec<Vec<H256>>,
}

impl Tree {
	/// The tree of `digests`, all made by `algorithm`.
	pub fn new(algorithm: HashAlgorithm, digests: &[H256]) -> Self {
		let leaves: Vec<H256> = digests
			.iter()
			.map(|digest| BlakeTwo256::hash(&merkle::leaf_preimage(algorithm, digest)))
			.collect();
		let mut levels = vec![leaves];
		while levels.last().map_or(false, |level| level.len() > 1) {
			let below = levels.last().expect("a level");
			let mut pair = [0u8; 64];
			let above = below
				.chunks(2)
				.map(|nodes| match nodes {
					[left, right] => {
						pair[..32].copy_from_slice(left.as_bytes());
						pair[32..].copy_from_slice(right.as_bytes());
						BlakeTwo256::hash(&pair)
					},
					[odd] => *odd,
					_ => unreachable!("chunks of two"),
				})
				.collect();
			levels.push(above);
		}
		Tree { levels }
	}

	/// How many digests the batch holds.
	pub fn leaves(&self) -> u32 {
		self.levels[0].len() as u32
	}

	/// The root (zero for an empty batch, as `binary_merkle_tree` has it).
	pub fn root(&self) -> H256 {
		match self.levels.last() {
			Some(top) if top.len() == 1 => top[0],
			_ => H256::zero(),
		}
	}

	/// The proof of the `index`-th digest: its siblings from the leaf up, a missing sibling
	/// (an odd node moving up) skipped.
	pub fn proof(&self, index: u32) -> Vec<H256> {
		let mut position = index as usize;
		let mut proof = Vec::with_capacity(self.levels.len());
		for level in &self.levels[..self.levels.len().saturating_sub(1)] {
			if let Some(sibling) = level.get(position ^ 1) {
				proof.push(*sibling);
			}
			position /= 2;
		}
		proof
	}
}

/// One file of a batch and its proof.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Item {
	/// Its path relative to the batch's folder, with `/` separators.
	pub path: String,
	/// Its digest.
	pub digest: H256,
	/// Its index among the batch's leaves.
	pub index: u32,
	/// Its Merkle proof (sibling hashes, leaf to root).
	pub proof: Vec<H256>,
}

/// What `notary hash <folder>` writes: the batch's tree and every item's proof; `record` is
/// filled in once the root is anchored.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Manifest {
	/// Always `regchain-notarization-batch/1`.
	pub format: String,
	/// The digests' algorithm, by its command-line name.
	pub algorithm: String,
	/// The Merkle root anchored on chain.
	pub root: H256,
	/// How many items.
	pub leaves: u32,
	/// The record that anchors the root, once submitted.
	pub record: Option<u64>,
	/// The items in leaf order.
	pub items: Vec<Item>,
}

/// The format tag of a manifest.
pub const MANIFEST_FORMAT: &str = "regchain-notarization-batch/1";

impl Manifest {
	/// The algorithm of the manifest's digests.
	pub fn algorithm(&self) -> Result<HashAlgorithm, String> {
		hash::parse_algorithm(&self.algorithm)
	}
}

/// Every regular file under `folder`, recursively, as relative paths in byte order (the batch's
/// leaf order: the same folder always gives the same root).
pub fn files_of(folder: &Path) -> Result<Vec<PathBuf>, String> {
	let mut files = Vec::new();
	let mut pending = vec![folder.to_path_buf()];
	while let Some(dir) = pending.pop() {
		let entries =
			std::fs::read_dir(&dir).map_err(|e| format!("cannot list {}: {e}", dir.display()))?;
		for entry in entries {
			let entry = entry.map_err(|e| format!("cannot list {}: {e}", dir.display()))?;
			let kind = entry.file_type().map_err(|e| format!("{}: {e}", entry.path().display()))?;
			if kind.is_dir() {
				pending.push(entry.path());
			} else if kind.is_file() {
				let relative =
					entry.path().strip_prefix(folder).expect("under the folder").to_owned();
				files.push(relative);
			}
		}
	}
	files.sort_by(|a, b| slash_path(a).cmp(&slash_path(b)));
	Ok(files)
}

/// `path` with `/` separators.
pub fn slash_path(path: &Path) -> String {
	path.components()
		.map(|c| c.as_os_str().to_string_lossy().into_owned())
		.collect::<Vec<_>>()
		.join("/")
}

/// Hashes every file under `folder` into a batch.
pub fn of_folder(algorithm: HashAlgorithm, folder: &Path) -> Result<Manifest, String> {
	let files = files_of(folder)?;
	if files.is_empty() {
		return Err(format!("{} holds no files: a batch needs at least one", folder.display()));
	}
	if files.len() > u32::MAX as usize {
		return Err("a batch holds at most 2^32 - 1 items".into());
	}
	let digests = files
		.iter()
		.map(|file| hash::digest_file(algorithm, &folder.join(file)))
		.collect::<Result<Vec<_>, _>>()?;
	let tree = Tree::new(algorithm, &digests);
	let items = files
		.iter()
		.zip(&digests)
		.enumerate()
		.map(|(index, (file, digest))| Item {
			path: slash_path(file),
			digest: *digest,
			index: index as u32,
			proof: tree.proof(index as u32),
		})
		.collect();
	Ok(Manifest {
		format: MANIFEST_FORMAT.into(),
		algorithm: hash::name(algorithm).into(),
		root: tree.root(),
		leaves: tree.leaves(),
		record: None,
		items,
	})
}

#[cfg(test)]
mod tests {
	use super::*;

	fn digests(n: u32) -> Vec<H256> {
		(0..n).map(|i| BlakeTwo256::hash(&i.to_le_bytes())).collect()
	}

	#[test]
	fn roots_and_proofs_match_the_pallet_and_binary_merkle_tree() {
		for n in [1u32, 2, 3, 5, 7, 8, 9, 16, 17, 100, 1023, 1025] {
			let digests = digests(n);
			let tree = Tree::new(HashAlgorithm::Sm3, &digests);
			assert_eq!(tree.root(), merkle::root(HashAlgorithm::Sm3, &digests), "root of {n}");
			for index in [0, n / 2, n - 1] {
				let proof = tree.proof(index);
				assert_eq!(
					Some(proof.clone()),
					merkle::proof(HashAlgorithm::Sm3, &digests, index),
					"proof of {index} in {n}"
				);
				assert!(merkle::verify(
					&tree.root(),
					n,
					index,
					HashAlgorithm::Sm3,
					&digests[index as usize],
					&proof
				));
			}
		}
	}

	#[test]
	fn a_proof_fails_for_another_digest_index_algorithm_or_size() {
		let digests = digests(9);
		let tree = Tree::new(HashAlgorithm::Sha256, &digests);
		let (root, proof) = (tree.root(), tree.proof(4));
		let ok = |n, i, a, d: &H256, p: &[H256]| merkle::verify(&root, n, i, a, d, p);
		assert!(ok(9, 4, HashAlgorithm::Sha256, &digests[4], &proof));
		assert!(!ok(9, 4, HashAlgorithm::Sha256, &digests[5], &proof));
		assert!(!ok(9, 5, HashAlgorithm::Sha256, &digests[4], &proof));
		assert!(!ok(9, 4, HashAlgorithm::Sm3, &digests[4], &proof));
		assert!(!ok(8, 4, HashAlgorithm::Sha256, &digests[4], &proof));
		assert!(!ok(9, 4, HashAlgorithm::Sha256, &digests[4], &proof[1..]));
	}

	#[test]
	fn a_folder_becomes_a_batch_in_path_order_with_every_proof() {
		let dir = std::env::temp_dir().join(format!("regchain-batch-{}", std::process::id()));
		let _ = std::fs::remove_dir_all(&dir);
		std::fs::create_dir_all(dir.join("b/c")).unwrap();
		std::fs::write(dir.join("z.txt"), b"last").unwrap();
		std::fs::write(dir.join("a.txt"), b"first").unwrap();
		std::fs::write(dir.join("b/c/m.bin"), [0u8, 1, 2]).unwrap();
		let manifest = of_folder(HashAlgorithm::Sm3, &dir).unwrap();
		let paths: Vec<&str> = manifest.items.iter().map(|i| i.path.as_str()).collect();
		assert_eq!(paths, ["a.txt", "b/c/m.bin", "z.txt"]);
		assert_eq!(manifest.leaves, 3);
		let all: Vec<H256> = manifest.items.iter().map(|i| i.digest).collect();
		assert_eq!(all[0], hash::digest_of(HashAlgorithm::Sm3, &b"first"[..]).unwrap());
		assert_eq!(manifest.root, merkle::root(HashAlgorithm::Sm3, &all));
		for item in &manifest.items {
			assert!(merkle::verify(
				&manifest.root,
				3,
				item.index,
				HashAlgorithm::Sm3,
				&item.digest,
				&item.proof
			));
		}
		std::fs::write(dir.join("a.txt"), b"changed").unwrap();
		assert_ne!(of_folder(HashAlgorithm::Sm3, &dir).unwrap().root, manifest.root);
		let empty = dir.join("b/empty");
		std::fs::create_dir_all(&empty).unwrap();
		assert!(of_folder(HashAlgorithm::Sm3, &empty).unwrap_err().contains("holds no files"));
		std::fs::remove_dir_all(&dir).unwrap();
	}
}
