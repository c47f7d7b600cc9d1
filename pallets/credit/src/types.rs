//! The credit pallet's stored records and call arguments.

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use frame_support::{traits::ConstU32, BoundedVec};
use regchain_primitives::{
	standing::NEGATIVE_RECORD_PUBLICATION, time::Moment, InvoiceRef, OrgId, OrgKinds,
};
use scale_info::TypeInfo;
use sp_core::H256;

/// Identifies a claim type; allocated by the chain from 0, never reused.
pub type ClaimTypeId = u32;
/// Identifies an attestation; allocated by the chain from 0, never reused.
pub type AttestationId = u64;
/// Identifies a consent grant; allocated by the chain from 0, never reused.
pub type GrantId = u64;
/// An attestation's rating: its index in the claim type's list of allowed ratings.
pub type Rating = u8;

/// Longest claim-type name, in bytes of UTF-8 (`tax-credit-grade`, `纳税信用等级`).
pub const MAX_NAME_LEN: u32 = 64;
/// Most ratings a claim type allows.
pub const MAX_RATINGS: u32 = 16;
/// Longest rating label, in bytes (`A`, `M`, `逾期90天`).
pub const MAX_RATING_LEN: u32 = 16;
/// Most claim types a grant or an access names one by one (a grant may instead cover all).
pub const MAX_SCOPE_CLAIM_TYPES: u32 = 16;
/// Most invoices one receivable attestation pledges.
pub const MAX_FINANCED_INVOICES: u32 = 16;
/// Most discipline listings in force about one enterprise: what every domain reads in one read
/// before it serves it. A listing beyond them is refused (`TooManyListings`) until one ends.
pub const MAX_LISTINGS: u32 = 16;
pub use regchain_primitives::standing::MAX_REPAIR_NOTICES;

/// A claim type's name.
pub type ClaimTypeName = BoundedVec<u8, ConstU32<MAX_NAME_LEN>>;
/// A rating's label.
pub type RatingLabel = BoundedVec<u8, ConstU32<MAX_RATING_LEN>>;
/// The ratings a claim type allows, in order (an attestation stores the index).
pub type Ratings = BoundedVec<RatingLabel, ConstU32<MAX_RATINGS>>;
/// The invoices an attestation pledges as receivables.
pub type FinancedInvoices = BoundedVec<InvoiceRef, ConstU32<MAX_FINANCED_INVOICES>>;
/// Claim types named one by one.
pub type ClaimTypeList = BoundedVec<ClaimTypeId, ConstU32<MAX_SCOPE_CLAIM_TYPES>>;

/// A kind of credit fact (like a KILT CType): what it means (the schema of the attester's off-
/// chain data), the public ratings it may carry, and who may attest it.
#[derive(
	Clone, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, Debug,
)]
pub struct ClaimType {
	/// A short public name.
	pub name: ClaimTypeName,
	/// Hash of the schema of the underlying data.
	pub schema: H256,
	/// The public ratings an attestation may carry (none: attestations carry no rating).
	pub ratings: Ratings,
	/// The kinds of organization that may be authorized to attest it.
	pub attester_kinds: OrgKinds,
	/// Whether attestations of this type are receivables financed against invoices, which
	/// they then lock.
	pub receivables: bool,
	/// The credit regulator that registered it.
	pub registered_by: OrgId,
	/// When, in on-chain time; 0 for the national catalogue registered at genesis.
	pub registered_at: Moment,
	/// Retired: no new attestations; existing ones keep counting until they expire.
	pub retired: bool,
}

/// Where an attestation stands. Nothing is overwritten: a revoked or superseded attestation
/// stays on chain, with its successor or reason.
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
pub enum AttestationStatus {
	/// In force (within its validity period it counts).
	Active,
	/// Revoked by its attester, or on an upheld dispute.
	Revoked {
		/// When.
		at: Moment,
		/// Hash of the reason (for an upheld dispute: the dispute's reason).
		reason: H256,
	},
	/// Replaced by a newer attestation of the same attester.
	Superseded {
		/// When.
		at: Moment,
		/// The replacement.
		by: AttestationId,
	},
}

/// A fact about an enterprise, attested by an authorized institution.
#[derive(
	Clone, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, Debug,
)]
pub struct Attestation {
	/// Its claim type.
	pub claim_type: ClaimTypeId,
	/// The enterprise it is about.
	pub subject: OrgId,
	/// The attesting organization.
	pub attester: OrgId,
	/// Hash of the underlying data, which the attester keeps off chain (salted: the data of a
	/// small firm is guessable).
	pub data: H256,
	/// The public rating, if any.
	pub rating: Option<Rating>,
	/// It counts from this moment …
	pub valid_from: Moment,
	/// … until this one (exclusive): afterwards it has expired, with no call.
	pub valid_until: Moment,
	/// When it was attested.
	pub attested_at: Moment,
	/// Where it stands.
	pub status: AttestationStatus,
	/// The receivables it pledged (invoice financing), locked for it alone.
	pub invoices: FinancedInvoices,
	/// The attestation it replaced, if any.
	pub supersedes: Option<AttestationId>,
}

impl Attestation {
	/// Whether it counts at `now`: active and within its validity period.
	pub fn counts_at(&self, now: Moment) -> bool {
		self.status == AttestationStatus::Active && self.valid_from <= now && now < self.valid_until
	}

	/// When it stops counting: at the end of its validity, or when it was revoked or
	/// superseded before.
	pub fn ends_at(&self) -> Moment {
		match self.status {
			AttestationStatus::Active => self.valid_until,
			AttestationStatus::Revoked { at, .. } | AttestationStatus::Superseded { at, .. } => {
				at.min(self.valid_until)
			},
		}
	}

	/// Until when it is published — shown to lenders and the public — by the publication
	/// limits of the law: a discipline listing (`discipline`) only while it counts (its
	/// period was capped at attesting by [`regchain_primitives::DisciplineKind::max_publication`]; a repair or an
	/// overturn ends it at once); any other record [`NEGATIVE_RECORD_PUBLICATION`] (five years)
	/// after it stops counting. The chain keeps it after; agencies' reads still see it, marked.
	pub fn published_until(&self, discipline: bool) -> Moment {
		if discipline {
			self.ends_at()
		} else {
			self.ends_at().saturating_add(NEGATIVE_RECORD_PUBLICATION)
		}
	}
}

/// Where a dispute (异议) stands.
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
	/// Awaiting the attester's answer until the deadline.
	Open,
	/// The deadline passed unanswered (marked by a call); the credit regulator may decide it.
	Lapsed {
		/// When it was marked.
		at: Moment,
	},
	/// Upheld: the attestation was revoked.
	Upheld {
		/// The organization that decided: the attester, or the regulator.
		by: OrgId,
		/// When.
		at: Moment,
	},
	/// Rejected with a reason: the attestation stands.
	Rejected {
		/// The organization that decided.
		by: OrgId,
		/// When.
		at: Moment,
		/// Hash of the reason.
		reason: H256,
	},
}

/// An enterprise's dispute of an attestation about it: one per attestation.
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
pub struct Dispute {
	/// Hash of the enterprise's reasons and evidence.
	pub reason: H256,
	/// When it was filed.
	pub filed_at: Moment,
	/// The attester answers before this moment.
	pub deadline: Moment,
	/// Where it stands.
	pub status: DisputeStatus,
}

impl Dispute {
	/// Whether it awaits a decision (the attester's, or after the deadline the regulator's).
	pub fn is_undecided(&self) -> bool {
		matches!(self.status, DisputeStatus::Open | DisputeStatus::Lapsed { .. })
	}
}

/// What a lender may use the data for (授权用途); a grant names one, and so does each access.
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
pub enum Purpose {
	/// 贷前审查: reviewing a loan application.
	PreLoanReview,
	/// 贷后管理: managing a loan granted.
	PostLoanManagement,
	/// 担保审查: reviewing a guarantee.
	GuaranteeReview,
	/// 发票融资审查: reviewing invoice (receivable) financing.
	InvoiceFinancingReview,
	/// 发票融资: financing the SME's receivables. Besides reading within its scope, it lets
	/// the lender attest a receivable of a claim type it covers and pledge the SME's confirmed
	/// invoices for it, for no longer than the grant runs: the SME's consent to the pledge.
	InvoiceFinancing,
}

/// Which claim types a grant or an access covers.
#[derive(
	Clone, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, Debug,
)]
pub enum ClaimTypeScope {
	/// Every claim type.
	All,
	/// These claim types.
	Only(ClaimTypeList),
}

impl ClaimTypeScope {
	/// Whether `other` asks for nothing beyond this.
	pub fn covers(&self, other: &ClaimTypeScope) -> bool {
		match (self, other) {
			(ClaimTypeScope::All, _) => true,
			(ClaimTypeScope::Only(_), ClaimTypeScope::All) => false,
			(ClaimTypeScope::Only(mine), ClaimTypeScope::Only(asked)) => {
				asked.iter().all(|c| mine.contains(c))
			},
		}
	}

	/// Whether it covers no claim type.
	pub fn is_empty(&self) -> bool {
		matches!(self, ClaimTypeScope::Only(list) if list.is_empty())
	}
}

/// What an SME lets a lender see: attestations of some or all claim types, and separately its
/// tax and invoice figures kept by the invoices pallet (银税互动).
#[derive(
	Clone, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, Debug,
)]
pub struct Scope {
	/// The claim types.
	pub claim_types: ClaimTypeScope,
	/// Its tax and invoice figures (period totals).
	pub figures: bool,
}

impl Scope {
	/// Whether `asked` asks for nothing beyond this scope.
	pub fn covers(&self, asked: &Scope) -> bool {
		self.claim_types.covers(&asked.claim_types) && (self.figures || !asked.figures)
	}

	/// Whether it covers nothing at all.
	pub fn is_empty(&self) -> bool {
		self.claim_types.is_empty() && !self.figures
	}
}

/// An SME's consent (授权) for a lender.
#[derive(
	Clone, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, Debug,
)]
pub struct Grant {
	/// The enterprise that granted it.
	pub sme: OrgId,
	/// The financial institution it is granted to.
	pub lender: OrgId,
	/// What it covers.
	pub scope: Scope,
	/// What for.
	pub purpose: Purpose,
	/// When it was granted.
	pub granted_at: Moment,
	/// It lapses at this moment.
	pub until: Moment,
	/// When the SME withdrew it, if it did.
	pub withdrawn_at: Option<Moment>,
}

impl Grant {
	/// Whether it is in force at `now`.
	pub fn is_valid_at(&self, now: Moment) -> bool {
		self.withdrawn_at.is_none() && now < self.until
	}
}

/// A lender's declared access to an SME's data, kept in the SME's access log.
#[derive(
	Clone, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, Debug,
)]
pub struct Access {
	/// The lender.
	pub lender: OrgId,
	/// The grant it relied on.
	pub grant: GrantId,
	/// What it used.
	pub scope: Scope,
	/// What for.
	pub purpose: Purpose,
	/// When.
	pub at: Moment,
}

/// A lender told of a credit repair (信用修复) about an SME whose data it read: an entry of the
/// lender's notice log. It should stop using the repaired record (a loan decision, a rating).
#[derive(
	Clone, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, Debug,
)]
pub struct RepairNotice {
	/// The SME repaired.
	pub sme: OrgId,
	/// The listing that ended.
	pub attestation: AttestationId,
	/// Its claim type.
	pub claim_type: ClaimTypeId,
	/// The access of the SME's log that covered it (its index there).
	pub access: u32,
	/// When the repair was granted.
	pub at: Moment,
}

/// One line of an SME's credit profile, as the runtime API reports it.
#[derive(Clone, PartialEq, Eq, Encode, Decode, TypeInfo, Debug)]
pub struct ProfileEntry {
	/// The attestation's id.
	pub id: AttestationId,
	/// The attestation.
	pub attestation: Attestation,
	/// Its rating's label, if it carries one.
	pub rating: Option<RatingLabel>,
	/// Its dispute, if one was filed.
	pub dispute: Option<Dispute>,
	/// Whether a regulator froze it.
	pub frozen: bool,
	/// Until when it is published ([`Attestation::published_until`]).
	pub published_until: Moment,
	/// Whether it is published at the time of the query: the query gateway shows lenders only
	/// those that are; agencies and the subject see the others too, marked by this flag.
	pub published: bool,
}
