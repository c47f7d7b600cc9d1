//! One reference for any record a regulator may act on, and the evidence other domains cite.
//!
//! Every domain pallet names its records by a [`RecordRef`] — the domain's four-byte tag (the
//! same tags as the invoice claims: `*b"cred"` for credit attestations) and the record's id in
//! that domain. [`crate::freeze`] freezes any of them.

use crate::{time::Moment, ClaimDomain, OrgId};
use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use scale_info::TypeInfo;

/// A record of a domain: its domain's tag and its id there. Stable for the record's life.
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
pub struct RecordRef {
	/// The domain that keeps the record.
	pub domain: ClaimDomain,
	/// The record's id in its domain.
	pub id: u64,
}

impl RecordRef {
	/// Record `id` of `domain`.
	pub const fn new(domain: ClaimDomain, id: u64) -> Self {
		RecordRef { domain, id }
	}
}

/// A notarized piece of evidence as another domain cites it: who notarized it, when, and
/// whether a court admitted it in a case (a party may cite another's evidence only then: its
/// own notarization proves nothing of a rival's).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub struct Evidence {
	/// The organization that notarized it.
	pub owner: OrgId,
	/// When, in on-chain time.
	pub at: Moment,
	/// Whether a court's certification of it stands as admitted in a case.
	pub admitted: bool,
}

/// Notarized evidence, implemented by the notarization pallet, for the domains whose records
/// cite it (an IP dispute names the evidence of an infringement) without depending on that
/// pallet's crate.
pub trait EvidenceRecords {
	/// The notarization record `id`, if it exists.
	fn evidence(id: u64) -> Option<Evidence>;

	/// Benchmarks: a new notarization record of `owner`, admitted by a court if `admitted`;
	/// its id.
	#[cfg(feature = "runtime-benchmarks")]
	fn make_evidence(owner: OrgId, admitted: bool) -> u64;
}
