//! The batch tree's rule: roots computed by hand from the documented rule, every leaf of trees
//! of 1, 2, odd and large sizes proved, and every kind of wrong proof refused.

use crate::{
	merkle::{leaf_preimage, proof, root, verify},
	mock::digests,
	HashAlgorithm::{self, *},
};
use sp_core::H256;
use sp_runtime::traits::{BlakeTwo256, Hash};

fn leaf(algorithm: HashAlgorithm, digest: &H256) -> H256 {
	BlakeTwo256::hash(&leaf_preimage(algorithm, digest))
}

fn node(left: H256, right: H256) -> H256 {
	BlakeTwo256::hash(&[left.as_bytes(), right.as_bytes()].concat())
}

#[test]
fn a_leaf_is_tagged_with_its_algorithm() {
	let d = H256::repeat_byte(0xab);
	let preimage = leaf_preimage(Sm3, &d);
	assert_eq!(preimage[0], 0x00);
	assert_eq!(preimage[1], 2);
	assert_eq!(&preimage[2..], d.as_bytes());
	assert_eq!(leaf_preimage(Sha256, &d)[1], 0);
	assert_eq!(leaf_preimage(Blake2b256, &d)[1], 1);
}

#[test]
fn roots_follow_the_documented_rule() {
	let d = digests(5);
	let l: Vec<H256> = d.iter().map(|x| leaf(Sha256, x)).collect();
	assert_eq!(root(Sha256, &[]), H256::zero());
	assert_eq!(root(Sha256, &d[..1]), l[0]);
	assert_eq!(root(Sha256, &d[..2]), node(l[0], l[1]));
	// The odd one moves up unchanged.
	assert_eq!(root(Sha256, &d[..3]), node(node(l[0], l[1]), l[2]));
	assert_eq!(root(Sha256, &d[..4]), node(node(l[0], l[1]), node(l[2], l[3])));
	assert_eq!(root(Sha256, &d[..5]), node(node(node(l[0], l[1]), node(l[2], l[3])), l[4]));
	// The algorithm is part of every leaf.
	assert_ne!(root(Sm3, &d), root(Sha256, &d));
}

#[test]
fn every_leaf_of_trees_of_every_shape_is_proved() {
	for size in [1u32, 2, 3, 5, 7, 8, 9, 33, 1000] {
		let d = digests(size);
		let r = root(Blake2b256, &d);
		for index in 0..size {
			let p = proof(Blake2b256, &d, index).expect("a leaf");
			assert!(p.len() <= 10, "a proof of a tree of {size} is at most its depth");
			assert!(
				verify(&r, size, index, Blake2b256, &d[index as usize], &p),
				"leaf {index} of {size}"
			);
		}
		assert_eq!(proof(Blake2b256, &d, size), None);
	}
}

#[test]
fn wrong_proofs_fail() {
	let d = digests(9);
	let r = root(Sha256, &d);
	let p = proof(Sha256, &d, 4).unwrap();
	assert!(verify(&r, 9, 4, Sha256, &d[4], &p));
	// Another digest, another algorithm, another root.
	assert!(!verify(&r, 9, 4, Sha256, &d[5], &p));
	assert!(!verify(&r, 9, 4, Sm3, &d[4], &p));
	assert!(!verify(&H256::repeat_byte(1), 9, 4, Sha256, &d[4], &p));
	// Another position, or a batch size that changes the path.
	assert!(!verify(&r, 9, 5, Sha256, &d[4], &p));
	assert!(!verify(&r, 9, 9, Sha256, &d[4], &p));
	assert!(!verify(&r, 5, 4, Sha256, &d[4], &p));
	// A proof cut short, lengthened, or with one hash changed.
	assert!(!verify(&r, 9, 4, Sha256, &d[4], &p[..p.len() - 1]));
	assert!(!verify(&r, 9, 4, Sha256, &d[4], &[p.clone(), vec![H256::zero()]].concat()));
	let mut tampered = p.clone();
	tampered[1] = H256::repeat_byte(7);
	assert!(!verify(&r, 9, 4, Sha256, &d[4], &tampered));
}

#[test]
fn an_inner_node_never_passes_as_a_digest() {
	// In a tree of four, the node over the first two leaves, with the node over the last two
	// as its proof, leads to the root in an unseparated tree (it would "prove" a digest
	// nobody notarized); the leaf tag stops it.
	let d = digests(4);
	let l: Vec<H256> = d.iter().map(|x| leaf(Sha256, x)).collect();
	let (left, right) = (node(l[0], l[1]), node(l[2], l[3]));
	let r = root(Sha256, &d);
	assert_eq!(node(left, right), r);
	assert!(binary_merkle_tree::verify_proof::<sp_runtime::traits::BlakeTwo256, _, _>(
		&r,
		vec![right],
		2,
		0,
		binary_merkle_tree::Leaf::Hash(left),
	));
	assert!(!verify(&r, 2, 0, Sha256, &left, &[right]));
}
