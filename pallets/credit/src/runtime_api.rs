//! The credit pallet's runtime API: an SME's profile, consents and access log. Polkadot.js
//! exposes it as `api.call.creditApi.*` from the runtime metadata. The query layer serves it to
//! lenders only against their grants; the API itself answers any caller of the node.

use crate::types::{Access, AttestationId, ClaimType, ClaimTypeId, Grant, GrantId, ProfileEntry};
use alloc::vec::Vec;
use regchain_primitives::{time::Moment, OrgId};

sp_api::decl_runtime_apis! {
	/// Queries over credit attestations and consents; every list at most 100 long, paged.
	/// Version 2 adds `declared_access`, which the node's query gateway asks before it answers a
	/// lender.
	/// Version 3 adds the frozen attestations (a regulator's open actions). Version 4 adds
	/// `current_access`, the lender's access now by the chain's own validity window. Version 5
	/// adds `listings`, who is listed under joint discipline. Version 6 adds `repair_notices`,
	/// and each profile entry says until when it is published (`published_until`, `published`).
	#[api_version(6)]
	pub trait CreditApi {
		/// A lender's notice log from entry `from` on: the credit repairs of SMEs whose data it
		/// read (at most 100 a page).
		fn repair_notices(lender: OrgId, from: u32, limit: u32) -> Vec<crate::types::RepairNotice>;
		/// The discipline listings about an organization in force now (at most 16): each names
		/// its attestation, kind, the listing agency, the supervision case and its end.
		fn listings(org: OrgId) -> Vec<regchain_primitives::Listing>;
		/// An SME's current credit profile: its attestations that count now (active, within
		/// their validity period), with rating label, dispute and freeze — from up to `limit`
		/// of its active attestations after `start_after`.
		fn credit_profile(sme: OrgId, start_after: Option<AttestationId>, limit: u32) -> Vec<ProfileEntry>;
		/// Every attestation about an SME, revoked, superseded and expired ones too — and those
		/// past their publication period, marked `published: false`.
		fn attestation_history(sme: OrgId, start_after: Option<AttestationId>, limit: u32) -> Vec<ProfileEntry>;
		/// One attestation.
		fn attestation(id: AttestationId) -> Option<ProfileEntry>;
		/// The grants `lender` holds from `sme` in force now (paged over the SME's grants).
		fn consents(sme: OrgId, lender: OrgId, start_after: Option<GrantId>, limit: u32) -> Vec<(GrantId, Grant)>;
		/// Every grant the SME gave.
		fn grants(sme: OrgId, start_after: Option<GrantId>, limit: u32) -> Vec<(GrantId, Grant)>;
		/// The SME's access log from entry `from` on.
		fn access_log(sme: OrgId, from: u32, limit: u32) -> Vec<Access>;
		/// The latest access `lender` declared on `sme`'s data at or after `since` whose grant is
		/// still in force: what a lender may read now (the SME's access log records it).
		fn declared_access(sme: OrgId, lender: OrgId, since: Moment) -> Option<Access>;
		/// What `lender` may read of `sme`'s data now: its latest access declared within the
		/// chain's `credit.accessValidity` under a grant in force (the query gateway's check).
		fn current_access(sme: OrgId, lender: OrgId) -> Option<Access>;
		/// The claim types from id `from` on.
		fn claim_types(from: ClaimTypeId, limit: u32) -> Vec<(ClaimTypeId, ClaimType)>;
		/// Up to `limit` (at most 100) of the frozen attestations, each with its subject and its freeze,
		/// after `start_after` (the last of the previous page), in storage order.
		fn frozen(start_after: Option<AttestationId>, limit: u32) -> Vec<regchain_primitives::FrozenRecord>;
	}
}
