//! The IP pallet's runtime API: answers for anyone, needing no account or signature (a
//! platform checks a licence before it reprints). Polkadot.js exposes it as
//! `api.call.ipRightsApi.*` from the runtime metadata.

use crate::types::{
	Dispute, DisputeId, Licence, LicenceCheck, LicenceId, LicenceKind, Offer, OfferId, Work, WorkId,
};
use alloc::vec::Vec;
use codec::Codec;
use regchain_primitives::OrgId;
use sp_core::H256;

sp_api::decl_runtime_apis! {
	/// Works, offers, licences and disputes; every list at most 100 long, paged.
	/// Version 2 adds the frozen works (a regulator's open actions).
	#[api_version(2)]
	pub trait IpRightsApi<AccountId: Codec> {
		/// The work registered under a content fingerprint: its owner holds priority from
		/// its registration date.
		fn work_by_fingerprint(fingerprint: H256) -> Option<(WorkId, Work<AccountId>)>;
		/// One work.
		fn work(id: WorkId) -> Option<Work<AccountId>>;
		/// The works an author's key declared, after `start_after`.
		fn works_of_author(author: AccountId, start_after: Option<WorkId>, limit: u32) -> Vec<(WorkId, Work<AccountId>)>;
		/// The works an organization owns, after `start_after`.
		fn works_of_owner(owner: OrgId, start_after: Option<WorkId>, limit: u32) -> Vec<(WorkId, Work<AccountId>)>;
		/// A work's open offers.
		fn open_offers(work: WorkId) -> Vec<(OfferId, Offer)>;
		/// A work's licences, after `start_after`.
		fn licences(work: WorkId, start_after: Option<LicenceId>, limit: u32) -> Vec<(LicenceId, Licence)>;
		/// A work's disputes, after `start_after`.
		fn disputes(work: WorkId, start_after: Option<DisputeId>, limit: u32) -> Vec<(DisputeId, Dispute)>;
		/// Whether `account` may use `work` for `kind` now: its owner's, licensed, or not.
		fn licence_check(work: WorkId, account: AccountId, kind: LicenceKind) -> LicenceCheck;
		/// Up to `limit` (at most 100) of the frozen works, each with its subject and its freeze,
		/// after `start_after` (the last of the previous page), in storage order.
		fn frozen(start_after: Option<WorkId>, limit: u32) -> Vec<regchain_primitives::FrozenRecord>;
	}
}
