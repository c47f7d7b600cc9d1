//! Joint credit discipline (联合奖惩): who is listed, kept in one place — the credit pallet's
//! attestations of the catalogue's discipline claim types — and consulted by every domain
//! that restricts a listed enterprise (funds refuse its applications, invoices hold its limits
//! at the floor, inspections draw it more often).
//!
//! A listing is written by the agency that decided it: a supervision case's penalty through
//! [`DisciplineRecords`], or a court's defaulter listing attested directly in the credit pallet.
//! It ends on its own when its publication period ends, and before that when it is revoked
//! (overturned on appeal, a dispute upheld, a repair granted).

use crate::{
	time::{Moment, DAY},
	OrgId,
};
use alloc::vec::Vec;
use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use scale_info::TypeInfo;
use sp_core::H256;
use sp_runtime::DispatchError;

/// The kinds of discipline listing, each a claim type of the national catalogue.
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
pub enum DisciplineKind {
	/// An administrative penalty (`administrative-penalty`).
	AdministrativePenalty,
	/// Misuse of special funds (`special-fund-misuse`).
	SpecialFundMisuse,
	/// A court-enforcement defaulter (失信被执行人, `court-enforcement`).
	CourtEnforcement,
}

impl DisciplineKind {
	/// Every kind.
	pub const ALL: [DisciplineKind; 3] = [
		DisciplineKind::AdministrativePenalty,
		DisciplineKind::SpecialFundMisuse,
		DisciplineKind::CourtEnforcement,
	];

	/// The catalogue's claim type of this kind, by name.
	pub const fn claim_type_name(self) -> &'static str {
		match self {
			DisciplineKind::AdministrativePenalty => "administrative-penalty",
			DisciplineKind::SpecialFundMisuse => "special-fund-misuse",
			DisciplineKind::CourtEnforcement => "court-enforcement",
		}
	}

	/// The longest a listing of this kind is published (公示), from its start: an ordinary
	/// administrative penalty one year, a serious one three (NDRC, 失信行为纠正后的信用信息修复
	/// 管理办法 2023, art. 7); any other negative record five
	/// ([`NEGATIVE_RECORD_PUBLICATION`]).
	pub const fn max_publication(self, serious: bool) -> Moment {
		match (self, serious) {
			(DisciplineKind::AdministrativePenalty, false) => ORDINARY_PENALTY_PUBLICATION,
			(DisciplineKind::AdministrativePenalty, true) => SERIOUS_PENALTY_PUBLICATION,
			_ => NEGATIVE_RECORD_PUBLICATION,
		}
	}
}

/// How long an ordinary administrative penalty is published: one year.
pub const ORDINARY_PENALTY_PUBLICATION: Moment = 365 * DAY;
/// How long a serious administrative penalty is published: three years.
pub const SERIOUS_PENALTY_PUBLICATION: Moment = 3 * 365 * DAY;
/// How long any other negative credit record is shown after it ended: five years (征信业管理条例
/// art. 16 keeps adverse information five years from the end of the conduct; a court's
/// defaulter listing and a fund misuse are published at most as long).
pub const NEGATIVE_RECORD_PUBLICATION: Moment = 5 * 365 * DAY;

/// How many lenders a credit repair notifies by name (event and notice log); the others read
/// the revocation in the attestation's status. Bounds the repair's work.
pub const MAX_REPAIR_NOTICES: u32 = 32;

/// One listing in force.
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
pub struct Listing {
	/// The credit attestation that is the listing.
	pub attestation: u64,
	/// Its kind.
	pub kind: DisciplineKind,
	/// Whether it is serious (a serious penalty, a fund misuse, a court's defaulter listing).
	pub serious: bool,
	/// The agency that listed.
	pub by: OrgId,
	/// The supervision case it came from, if any.
	pub case: Option<u64>,
	/// When it ends (its publication period), in on-chain time.
	pub until: Moment,
}

impl Listing {
	/// Whether it bars the enterprise from special funds: every serious listing does
	/// (失信主体 are excluded from government funding); an ordinary penalty does not.
	pub fn bars_funding(&self) -> bool {
		self.serious
	}
}

/// Who is listed, now: implemented by the credit pallet, read by the other domains.
pub trait CreditStanding {
	/// The listings about `org` in force now (each pallet's bound: a handful).
	fn listings(org: OrgId) -> Vec<Listing>;

	/// The listing that bars `org` from special funds, if any: the one ending last.
	fn barred_from_funding(org: OrgId) -> Option<Listing> {
		Self::listings(org).into_iter().filter(Listing::bars_funding).max_by_key(|l| l.until)
	}

	/// Whether `org` is listed at all.
	fn is_listed(org: OrgId) -> bool {
		!Self::listings(org).is_empty()
	}
}

/// No one is ever listed (a runtime or mock without credit discipline).
impl CreditStanding for () {
	fn listings(_: OrgId) -> Vec<Listing> {
		Vec::new()
	}
}

/// What a supervision decision writes: a listing, as a credit attestation in the deciding
/// agency's name. Implemented by the credit pallet.
pub trait DisciplineRecords {
	/// Lists `subject` for `kind` until `until` in `by`'s name, for the case `case`, with the
	/// hash of the decision. `Ok(None)` for a subject that is no enterprise (credit attests
	/// enterprises only). Fails, changing nothing, when the subject holds as many listings in
	/// force as the pallet keeps.
	#[allow(clippy::too_many_arguments)]
	fn list(
		subject: OrgId,
		by: OrgId,
		kind: DisciplineKind,
		serious: bool,
		case: u64,
		decision: H256,
		until: Moment,
	) -> Result<Option<u64>, DispatchError>;

	/// Ends the listing `attestation` (overturned on appeal) with the hash of the reasons.
	fn delist(attestation: u64, reason: H256) -> Result<(), DispatchError>;

	/// Ends the listing `attestation` on a credit repair (信用修复) granted with the hash of
	/// the reasons, and tells the lenders whose declared access covered it. Returns how many
	/// were told.
	fn repair(attestation: u64, reason: H256) -> Result<u32, DispatchError>;

	/// Benchmarks: makes the worst case of [`repair`](Self::repair) for listings of `subject`:
	/// [`MAX_REPAIR_NOTICES`] lenders whose declared access covers every claim type.
	#[cfg(feature = "runtime-benchmarks")]
	fn make_repair_audience(subject: OrgId);
}

/// Lists no one (a mock without credit).
impl DisciplineRecords for () {
	fn list(
		_: OrgId,
		_: OrgId,
		_: DisciplineKind,
		_: bool,
		_: u64,
		_: H256,
		_: Moment,
	) -> Result<Option<u64>, DispatchError> {
		Ok(None)
	}

	fn delist(_: u64, _: H256) -> Result<(), DispatchError> {
		Ok(())
	}

	fn repair(_: u64, _: H256) -> Result<u32, DispatchError> {
		Ok(0)
	}

	#[cfg(feature = "runtime-benchmarks")]
	fn make_repair_audience(_: OrgId) {}
}
