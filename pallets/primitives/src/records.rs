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

/// A frozen record as the query layer lists it: the open regulatory actions of a domain.
#[derive(Clone, Copy, PartialEq, Eq, Encode, Decode, TypeInfo, Debug)]
pub struct FrozenRecord {
	/// The record's id in its domain.
	pub id: u64,
	/// The organization it is about, whose regulators may lift the freeze.
	pub subject: Option<OrgId>,
	/// Who froze it, when and why.
	pub freeze: Freeze,
}

/// Up to `limit` (at most [`QUERY_LIMIT`](crate::paging::QUERY_LIMIT)) of the records frozen
/// in `M` (a domain's freezes by id), after the record `start_after` (in storage order), each
/// with its subject as the domain `R` names it. One freeze map per domain, so the domain's
/// frozen records are listed without reading any other.
pub fn frozen_after<M, K, R>(
	domain: ClaimDomain,
	start_after: Option<K>,
	limit: u32,
) -> alloc::vec::Vec<FrozenRecord>
where
	M: frame_support::storage::IterableStorageMap<K, Freeze>
		+ frame_support::storage::StorageMap<K, Freeze>,
	K: codec::FullCodec + codec::EncodeLike<K> + Into<u64>,
	R: FreezableRecords,
{
	crate::paging::entries_after::<M, K, Freeze>(start_after, limit)
		.into_iter()
		.map(|(id, freeze)| {
			let id = id.into();
			FrozenRecord { id, subject: R::subject(RecordRef::new(domain, id)), freeze }
		})
		.collect()
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
