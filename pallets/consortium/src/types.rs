//! The consortium's stored types.

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use frame_support::{pallet_prelude::ConstU32, BoundedVec};
use regchain_primitives::{time::Moment, CreditCode, OrgKind, Roles};
use scale_info::TypeInfo;

pub use regchain_primitives::MAX_NAME_LEN;
/// An organization's name.
pub type OrgName = BoundedVec<u8, ConstU32<MAX_NAME_LEN>>;

/// A key of the region index: the division's code, then the organization's id, big-endian so
/// that keys sort by division, then by id.
pub type RegionKey = [u8; 8];

/// The region-index key of member `org` of `region`.
pub fn region_key(
	region: regchain_primitives::Division,
	org: regchain_primitives::OrgId,
) -> RegionKey {
	let mut key = [0u8; 8];
	key[..4].copy_from_slice(&region.0.to_be_bytes());
	key[4..].copy_from_slice(&org.to_be_bytes());
	key
}

/// The division and the organization of a region-index key.
pub fn region_of_key(key: &RegionKey) -> (u32, regchain_primitives::OrgId) {
	let [a, b, c, d, e, f, g, h] = *key;
	(u32::from_be_bytes([a, b, c, d]), u32::from_be_bytes([e, f, g, h]))
}

/// Where an organization stands. Expiry is not a status: it follows from `expires_at`.
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
pub enum OrgStatus {
	/// A member, until its term ends (an agency until governance renews or revokes it: its
	/// end of term is a review date, announced with `TermOverdue`, never a silent lapse).
	Active,
	/// Temporarily barred: all its accounts act as non-members until it is resumed.
	Suspended,
	/// Expelled for good; its record stays for the audit trail, its credit code stays taken.
	Revoked,
}

/// A member organization.
#[derive(Clone, PartialEq, Eq, Encode, Decode, MaxEncodedLen, TypeInfo, Debug)]
pub struct Organization {
	/// What it is; fixed at registration.
	pub kind: OrgKind,
	/// Its registered name.
	pub name: OrgName,
	/// Its Unified Social Credit Code; required of enterprises and financial institutions.
	pub credit_code: Option<CreditCode>,
	/// Active, suspended or revoked.
	pub status: OrgStatus,
	/// The moment (on-chain time) its term ends: an enterprise's or bank's membership lapses
	/// then unless renewed; an agency's is reviewed.
	pub expires_at: Moment,
	/// The roles responsible agencies granted it.
	pub roles: Roles,
	/// How many accounts act for it (they are keyed in `AccountOrganization`).
	pub accounts: u32,
}

impl Organization {
	/// Whether its accounts count as members at `now`. An agency's term never ends its
	/// membership by itself: the agencies govern the chain, and if every term ran out unrenewed
	/// nobody could renew any (there is no sudo). It stays until governance revokes it.
	pub fn is_active_at(&self, now: Moment) -> bool {
		self.status == OrgStatus::Active
			&& (matches!(self.kind, OrgKind::Agency(_)) || now < self.expires_at)
	}
}

/// How much an organization may submit per quota period.
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
pub struct Quota {
	/// Transactions.
	pub txs: u32,
	/// Bytes of encoded transactions: what bounds an organization's share of block space and
	/// of the state it can make every node keep.
	pub bytes: u32,
}

/// What an organization submitted in a quota period.
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
pub struct Usage<BlockNumber> {
	/// The first block of the period.
	pub period: BlockNumber,
	/// Transactions included.
	pub txs: u32,
	/// Their encoded bytes (council calls of a council seat are not counted).
	pub bytes: u32,
}

/// An organization as the query layer shows it: its registration data in readable form.
#[derive(Clone, PartialEq, Eq, Encode, Decode, TypeInfo, Debug)]
pub struct OrganizationView {
	/// Its id.
	pub id: regchain_primitives::OrgId,
	/// What it is.
	pub kind: OrgKind,
	/// Its registered name (UTF-8; invalid bytes replaced).
	pub name: alloc::string::String,
	/// Its Unified Social Credit Code, if it has one.
	pub credit_code: Option<alloc::string::String>,
	/// Active, suspended or revoked.
	pub status: OrgStatus,
	/// When its term ends (on-chain time).
	pub expires_at: Moment,
	/// The roles it holds.
	pub roles: alloc::vec::Vec<regchain_primitives::Role>,
	/// Where it is: an agency's jurisdiction, a member's division (from its credit code).
	pub region: regchain_primitives::Division,
	/// How many accounts act for it.
	pub accounts: u32,
}
