//! One reference for any record a regulator may act on, and one way to freeze it.
//!
//! Every domain pallet names its records by a [`RecordRef`] — the domain's four-byte tag (the
//! same tags as the invoice claims: `*b"cred"` for credit attestations) and the record's id in
//! that domain — and implements [`FreezableRecords`] for them. A supervision pallet then takes
//! one regulatory action (freeze, unfreeze) on any record of any domain through this trait,
//! without knowing the domain pallets; a frozen record stays readable but nothing changes it
//! until it is unfrozen. Each domain says in its docs what "frozen" stops there.

use crate::{time::Moment, ClaimDomain, OrgId};
use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use scale_info::TypeInfo;
use sp_core::H256;
use sp_runtime::DispatchResult;

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

/// Who froze a record, when and why (the reason's document stays off chain).
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
pub struct Freeze {
	/// The regulator's organization.
	pub by: OrgId,
	/// When, in on-chain time.
	pub at: Moment,
	/// The hash of the regulatory decision.
	pub reason: H256,
}

/// The records of one or more domains, as a regulator acts on them. Implemented by each domain
/// pallet; the caller has checked the regulator's authority over [`subject`](Self::subject).
pub trait FreezableRecords {
	/// Whether this implementation keeps the records of `domain`.
	fn keeps(domain: ClaimDomain) -> bool;

	/// The organization the record is about — the one a regulator's jurisdiction must cover —
	/// or `None` if no such record exists.
	fn subject(record: RecordRef) -> Option<OrgId>;

	/// The record's freeze, if it is frozen.
	fn frozen(record: RecordRef) -> Option<Freeze>;

	/// Freezes the record. Fails, changing nothing, if it does not exist or is frozen already.
	fn freeze(record: RecordRef, freeze: Freeze) -> DispatchResult;

	/// Unfreezes the record. Fails, changing nothing, if it does not exist or is not frozen.
	fn unfreeze(record: RecordRef) -> DispatchResult;
}

/// A notarized piece of evidence as another domain cites it: who notarized it and when.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub struct Evidence {
	/// The organization that notarized it.
	pub owner: OrgId,
	/// When, in on-chain time.
	pub at: Moment,
}

/// Notarized evidence, implemented by the notarization pallet, for the domains whose records
/// cite it (an IP dispute names the evidence of an infringement) without depending on that
/// pallet's crate.
pub trait EvidenceRecords {
	/// The notarization record `id`, if it exists.
	fn evidence(id: u64) -> Option<Evidence>;

	/// Benchmarks: a new notarization record of `owner`; its id.
	#[cfg(feature = "runtime-benchmarks")]
	fn make_evidence(owner: OrgId) -> u64;
}
