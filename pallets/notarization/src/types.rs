//! The notarization pallet's stored records and call arguments.

use alloc::vec::Vec;
use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use frame_support::{traits::ConstU32, BoundedVec};
use regchain_primitives::{time::Moment, Freeze, OrgId};
use scale_info::TypeInfo;
use sp_core::H256;

/// Identifies a notarization record (one digest, or one batch root); allocated by the chain
/// from 0, never reused.
pub type RecordId = u64;

/// Most hashes in an inclusion proof: a batch holds at most 2³² digests, its tree is at most 32
/// levels deep.
pub const MAX_PROOF_LEN: u32 = 32;

/// The sibling hashes from a leaf up to (not including) its batch's root.
pub type Proof = BoundedVec<H256, ConstU32<MAX_PROOF_LEN>>;

/// The hash function that made a digest. The chain stores digests, never files: the
/// algorithm tells a verifier how to hash the file it holds.
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	PartialOrd,
	Ord,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	Debug,
)]
pub enum HashAlgorithm {
	/// SHA-256 (FIPS 180-4).
	Sha256,
	/// BLAKE2b with a 256-bit output (RFC 7693).
	Blake2b256,
	/// SM3, the national standard GB/T 32905-2016 that government deployments require.
	Sm3,
}

/// What kind of evidence a digest fingerprints (the categories the internet courts accept).
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	Debug,
)]
pub enum EvidenceType {
	/// A document or file.
	Document,
	/// A signed contract.
	Contract,
	/// A captured web page.
	WebPage,
	/// A chat or messaging record.
	ChatRecord,
	/// An e-mail.
	Email,
	/// A photo or image.
	Image,
	/// An audio or video recording.
	AudioVideo,
	/// Anything else; the metadata says what.
	Other,
}

/// What a record anchors.
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	Debug,
)]
pub enum Anchor {
	/// One digest.
	Digest {
		/// The hash function that made it.
		algorithm: HashAlgorithm,
		/// The file's digest.
		digest: H256,
	},
	/// The Merkle root of a batch of digests, all made by `algorithm` (see [`crate::merkle`]).
	Batch {
		/// The hash function that made the batch's digests.
		algorithm: HashAlgorithm,
		/// The root of the batch's tree.
		root: H256,
		/// How many digests the batch holds.
		leaves: u32,
	},
}

/// A notarization: what was anchored, by whom, when. Never changed once written.
#[derive(
	Clone, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, Debug,
)]
pub struct Record {
	/// The organization that notarized it.
	pub owner: OrgId,
	/// The digest or the batch root.
	pub anchor: Anchor,
	/// What the evidence is.
	pub evidence_type: EvidenceType,
	/// Hash of the evidence's metadata (file name, source URL, capture tool …), kept off chain
	/// by the owner.
	pub metadata: H256,
	/// Hash of the case reference the evidence is for, if any (salted by the owner: a case
	/// number is guessable).
	pub case: Option<H256>,
	/// When it was notarized, in on-chain time: the proof of time.
	pub at: Moment,
	/// The block that holds it (the header a proof file starts from).
	pub block: u32,
}

/// Where a certification stands.
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	Debug,
)]
pub enum CertificationStatus {
	/// Certified by the office; not yet used in a case.
	Certified,
	/// Admitted as evidence in a case (the hash of its reference).
	Admitted {
		/// The case's reference hash.
		case: H256,
		/// When, in on-chain time.
		at: Moment,
	},
	/// Its authenticity is challenged in a case.
	Challenged {
		/// The case's reference hash.
		case: H256,
		/// When, in on-chain time.
		at: Moment,
	},
	/// Withdrawn by the office.
	Withdrawn {
		/// The hash of the withdrawal decision.
		reason: H256,
		/// When, in on-chain time.
		at: Moment,
	},
}

impl CertificationStatus {
	/// Whether `next` would record the same ruling in the same case again (its date aside).
	pub fn repeated_by(&self, next: &CertificationStatus) -> bool {
		use CertificationStatus::*;
		match (self, next) {
			(Admitted { case: a, .. }, Admitted { case: b, .. }) => a == b,
			(Challenged { case: a, .. }, Challenged { case: b, .. }) => a == b,
			_ => false,
		}
	}
}

/// A court's or notary office's certification of one notarized digest.
#[derive(
	Clone, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, Debug,
)]
pub struct Certification {
	/// The court or notary office.
	pub office: OrgId,
	/// The hash of the certificate (公证书) the office issued; the certificate stays with it.
	pub certificate: H256,
	/// The date the certificate bears, in on-chain time.
	pub issued_on: Moment,
	/// When it was recorded on chain.
	pub at: Moment,
	/// Where it stands.
	pub status: CertificationStatus,
}

/// The answer to "is this digest notarized?": the earliest record that holds it, and what a
/// court made of it.
#[derive(Clone, PartialEq, Eq, Encode, Decode, TypeInfo, Debug)]
pub struct Verification {
	/// The record's id.
	pub id: RecordId,
	/// The record: who, when, in which block.
	pub record: Record,
	/// For a digest found in a batch: its index there (prove it with the batch's manifest).
	pub batch_index: Option<u32>,
	/// A single record of the same digest notarized after the batch that holds it: not the
	/// original.
	pub later: Option<RecordId>,
	/// The digest's certifications, one per office that certified it (at most 100).
	pub certifications: Vec<Certification>,
	/// The record's freeze, if a court froze it.
	pub frozen: Option<Freeze>,
}
