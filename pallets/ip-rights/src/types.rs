//! The IP pallet's stored records and call arguments.

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use frame_support::{traits::ConstU32, BoundedVec};
use regchain_primitives::{time::Moment, Fen, OrgId};
use scale_info::TypeInfo;
use sp_core::H256;

/// Identifies a registered work; allocated by the chain from 0, never reused.
pub type WorkId = u64;
/// Identifies a licence offer.
pub type OfferId = u64;
/// Identifies a licence.
pub type LicenceId = u64;
/// Identifies a dispute.
pub type DisputeId = u64;

/// Most co-authors of a work.
pub const MAX_AUTHORS: u32 = 8;
/// Most further fingerprints (ISCC code, perceptual hash …) a work carries besides its content
/// fingerprint.
pub const MAX_EXTRA_FINGERPRINTS: u32 = 4;
/// Longest further fingerprint, in bytes (an ISCC code is 8–64 bytes).
pub const MAX_FINGERPRINT_LEN: u32 = 64;
/// Most offers of one work open at a time.
pub const MAX_OPEN_OFFERS: u32 = 8;
/// Most notarization records one dispute cites.
pub const MAX_EVIDENCE: u32 = 8;
/// Most disputes of one work open at a time: a dispute blocks the work's transfer and
/// exclusive licences, so no member can keep a work blocked with a pile of claims.
pub const MAX_OPEN_DISPUTES: u32 = 4;
/// Rejected claims of one claimant on one work that bar it from claiming on that work again:
/// the second rejection shows the claim was not a mistake.
pub const MAX_REJECTIONS: u8 = 2;
/// Most licences of a work an upheld infringement claim reads to recompute the licence
/// horizon without the infringer's licences; a work with more keeps its horizon (the
/// infringer's licences then hold back an exclusive licence until their original end).
pub const MAX_HORIZON_WALK: u32 = 1_000;
/// The whole of a work, in basis points: co-authors' shares sum to it.
pub const FULL_SHARE: u16 = 10_000;

/// What kind of work a fingerprint stands for.
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
pub enum WorkType {
	/// An article, a book, a post.
	Article,
	/// A photo, a drawing, an illustration.
	Image,
	/// A video.
	Video,
	/// Music or another recording.
	Audio,
	/// Source code or a program.
	Software,
	/// A data set.
	DataSet,
	/// An invention disclosure (before a patent application).
	InventionDisclosure,
	/// A research or industry report.
	Report,
	/// A knowledge graph.
	KnowledgeGraph,
	/// A design (industrial, graphic).
	Design,
	/// Anything else; the metadata says what.
	Other,
}

/// How a further fingerprint was made. The chain stores it as given and does not index it:
/// similarity fingerprints are compared off chain.
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
pub enum FingerprintScheme {
	/// An International Standard Content Code (ISO 24138).
	Iscc,
	/// A perceptual hash of an image or video.
	PerceptualHash,
	/// An acoustic fingerprint.
	AudioFingerprint,
	/// Another scheme; the metadata says which.
	Other,
}

/// A further fingerprint of a work.
#[derive(
	Clone, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, Debug,
)]
pub struct Fingerprint {
	/// How it was made.
	pub scheme: FingerprintScheme,
	/// Its bytes, as given.
	pub value: BoundedVec<u8, ConstU32<MAX_FINGERPRINT_LEN>>,
}

/// A work's further fingerprints.
pub type Fingerprints = BoundedVec<Fingerprint, ConstU32<MAX_EXTRA_FINGERPRINTS>>;

/// An author of a work and their share of it.
#[derive(
	Clone, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, Debug,
)]
pub struct Author<AccountId> {
	/// The author's key: a person's or an organization's, not necessarily a member's.
	pub key: AccountId,
	/// The author's share, in basis points; a work's shares sum to [`FULL_SHARE`].
	pub share: u16,
}

/// The authors of a work.
pub type Authors<AccountId> = BoundedVec<Author<AccountId>, ConstU32<MAX_AUTHORS>>;

/// An author's signed declaration, as the registration carries it.
#[derive(Clone, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, TypeInfo, Debug)]
pub struct Declaration<AccountId, Signature> {
	/// The author's key.
	pub key: AccountId,
	/// The author's share, in basis points.
	pub share: u16,
	/// The author's next declaration number (`AuthorNonces`): a declaration counts once.
	pub nonce: u64,
	/// The author's signature over the declaration message
	/// ([`Pallet::declaration`](crate::Pallet::declaration)).
	pub signature: Signature,
}

/// Every author's declaration of a registration.
pub type Declarations<AccountId, Signature> =
	BoundedVec<Declaration<AccountId, Signature>, ConstU32<MAX_AUTHORS>>;

/// A registered work. Only its owner changes (a transfer, an upheld ownership claim).
#[derive(
	Clone, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, Debug,
)]
pub struct Work<AccountId> {
	/// The one-way fingerprint of the content (32-byte hash): the key of priority.
	pub fingerprint: H256,
	/// Further fingerprints, as given.
	pub extra: Fingerprints,
	/// What the work is.
	pub work_type: WorkType,
	/// Hash of the title and the rest of the metadata, kept off chain.
	pub metadata: H256,
	/// The organization holding the rights: it licenses and transfers the work.
	pub owner: OrgId,
	/// The authors who signed the declaration, with their shares.
	pub authors: Authors<AccountId>,
	/// When it was registered, in on-chain time: the date of priority.
	pub registered_at: Moment,
	/// The block it was registered in.
	pub block: u32,
}

/// What a licence permits.
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
pub enum LicenceKind {
	/// Reprint or repost, with attribution (转载).
	Reprint,
	/// Commercial use (商用).
	Commercial,
}

/// What an owner offers, as the offer call takes it.
#[derive(
	Clone, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, Debug,
)]
pub struct OfferTerms {
	/// What the licences permit.
	pub kind: LicenceKind,
	/// Whether a licence excludes every other licence of its kind while it runs.
	pub exclusive: bool,
	/// The price of one licence, in fen; paid off chain.
	pub price: Fen,
	/// Hash of the licence terms, kept off chain.
	pub terms: H256,
	/// How many licences the offer grants at most; `None` for no limit.
	pub max_licences: Option<u32>,
	/// When licences can first be taken, in on-chain time.
	pub opens: Moment,
	/// When the offer closes (no licence from then on).
	pub closes: Moment,
	/// How long each licence runs from when it is taken, in milliseconds.
	pub licence_term: Moment,
}

/// Where an offer stands.
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
pub enum OfferStatus {
	/// Licences can be taken (within its dates and limit).
	Open,
	/// Its owner withdrew it.
	Withdrawn {
		/// When.
		at: Moment,
	},
	/// The work changed owner: the old owner's offers no longer bind anyone.
	Closed {
		/// When.
		at: Moment,
	},
}

/// A licence offer of a work.
#[derive(
	Clone, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, Debug,
)]
pub struct Offer {
	/// The work offered.
	pub work: WorkId,
	/// The owner that published it.
	pub by: OrgId,
	/// What is offered.
	pub terms: OfferTerms,
	/// How many licences were taken against it.
	pub taken: u32,
	/// Where it stands.
	pub status: OfferStatus,
}

/// A licence a member took.
#[derive(
	Clone, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, Debug,
)]
pub struct Licence {
	/// The work licensed.
	pub work: WorkId,
	/// The offer it was taken against.
	pub offer: OfferId,
	/// The licensee.
	pub licensee: OrgId,
	/// What it permits.
	pub kind: LicenceKind,
	/// Whether it excludes every other licence of its kind.
	pub exclusive: bool,
	/// The price, in fen.
	pub price: Fen,
	/// Hash of the payment reference (the money moves off chain).
	pub payment: H256,
	/// From when, in on-chain time.
	pub from: Moment,
	/// Until when (exclusive).
	pub until: Moment,
	/// When an upheld infringement claim ended it early.
	pub revoked: Option<Moment>,
}

impl Licence {
	/// Whether the licence permits use at `now`.
	pub fn is_valid(&self, now: Moment) -> bool {
		self.revoked.is_none() && self.from <= now && now < self.until
	}
}

/// What a dispute claims.
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
pub enum DisputeKind {
	/// The claimant, not the registered owner, holds the work (it created it first). Upheld:
	/// the work passes to the claimant.
	Ownership,
	/// `respondent` infringes the work (uses it beyond its licences). Upheld: the
	/// respondent's licences of the work end.
	Infringement {
		/// The organization accused.
		respondent: OrgId,
	},
}

/// Notarization records a dispute cites.
pub type EvidenceList = BoundedVec<u64, ConstU32<MAX_EVIDENCE>>;

/// Where a dispute stands.
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
pub enum DisputeStatus {
	/// Waiting for the IP office.
	Open,
	/// The office upheld it; its consequences were applied.
	Upheld {
		/// The office.
		by: OrgId,
		/// When.
		at: Moment,
		/// Hash of the decision.
		decision: H256,
	},
	/// The office rejected it.
	Rejected {
		/// The office.
		by: OrgId,
		/// When.
		at: Moment,
		/// Hash of the reasons.
		reason: H256,
	},
	/// The claimant withdrew it.
	Withdrawn {
		/// When.
		at: Moment,
	},
}

/// A claim about a work, for the IP office to decide.
#[derive(
	Clone, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, Debug,
)]
pub struct Dispute {
	/// The work.
	pub work: WorkId,
	/// Who claims.
	pub claimant: OrgId,
	/// What.
	pub kind: DisputeKind,
	/// The notarized evidence (records of the notarization pallet).
	pub evidence: EvidenceList,
	/// Hash of the claimant's statement, kept off chain.
	pub statement: H256,
	/// When it was filed.
	pub filed_at: Moment,
	/// Where it stands.
	pub status: DisputeStatus,
}

/// A claimant's rejected claims on one work: how many, and when the last was rejected.
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
pub struct Rejections {
	/// How many of its claims on the work the IP office rejected.
	pub count: u8,
	/// When the last was rejected.
	pub last: Moment,
}

/// What a platform learns when it asks whether an account may use a work now.
#[derive(
	Clone, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, Debug,
)]
pub enum LicenceCheck {
	/// The account acts for the work's owner.
	Owner,
	/// The account's organization holds this valid licence.
	Licensed {
		/// The licence.
		id: LicenceId,
		/// Until when it runs.
		until: Moment,
		/// Whether it is exclusive.
		exclusive: bool,
	},
	/// No valid licence of that kind (or the account is no member).
	NotLicensed,
}
