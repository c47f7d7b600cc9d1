//! The consortium's runtime API: who an organization is, for front-ends and the query layer
//! (the dossier of an enterprise starts from its credit code), and the chain's clock, which
//! dates what clients ask for (an invoice period). Polkadot.js exposes it as
//! `api.call.consortiumApi.*`; the node serves it as `consortium_*` JSON-RPC methods.

use crate::types::OrganizationView;
use alloc::vec::Vec;
use regchain_primitives::{time::Moment, Domain, OrgId, Remit};

sp_api::decl_runtime_apis! {
	/// Organizations by id or credit code; public registration data only. Version 2 adds who an
	/// account acts for and an agency's jurisdiction, which the node's query gateway asks to
	/// decide what a caller may read. Version 3 adds the members within an agency's
	/// jurisdiction. Version 4 adds an organization's remit, from the one table of remits.
	#[api_version(4)]
	pub trait ConsortiumApi<AccountId> where AccountId: codec::Codec {
		/// An organization: kind, name, credit code, status, term, roles, region.
		fn organization(org: OrgId) -> Option<OrganizationView>;
		/// The organization registered under a Unified Social Credit Code (its 18 characters);
		/// `None` for a malformed code or one no organization holds.
		fn organization_by_credit_code(code: Vec<u8>) -> Option<OrganizationView>;
		/// The chain's time (the last block's), in Unix milliseconds.
		fn now() -> Moment;
		/// The active organization `account` acts for; `None` for an account of no organization
		/// or of a suspended, revoked or expired one.
		fn member(account: AccountId) -> Option<OrganizationView>;
		/// The one jurisdiction check (`Membership::has_jurisdiction`): whether `agency` is an active
		/// agency whose jurisdiction covers the region of `org`, a known organization.
		fn oversees(agency: OrgId, org: OrgId) -> bool;
		/// Up to `limit` (at most 100) of the enterprises and financial institutions within
		/// `agency`'s jurisdiction, whatever their status, by division then id, after the member
		/// `start_after` (the last of the previous page); nothing for an organization that is
		/// no agency, or a cursor that is no such member.
		fn members_overseen(agency: OrgId, start_after: Option<OrgId>, limit: u32) -> Vec<OrganizationView>;
		/// The domains an active agency reads, each with whether it regulates it there
		/// (`regchain_primitives::AgencyKind::remit`); nothing for any other organization. The
		/// query gateway and the dossier decide by it.
		fn remit(org: OrgId) -> Vec<(Domain, Remit)>;
	}
}
