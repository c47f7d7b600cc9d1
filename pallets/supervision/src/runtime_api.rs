//! The supervision pallet's runtime API. Polkadot.js exposes it as `api.call.supervisionApi.*`
//! from the runtime metadata; the node serves it as the `supervision_*` JSON-RPC methods.

use crate::types::{CaseId, CaseView, Inspector, PlanId, PlanView, PublicPenalty, Step, Target};
use alloc::vec::Vec;
use regchain_primitives::OrgId;

sp_api::decl_runtime_apis! {
	/// Cases, their histories and the penalties published; random inspection plans, their
	/// draws' inputs and results. Every list at most 100 long, paged by the last key of the
	/// previous page. Version 2 adds the inspection plans.
	#[api_version(2)]
	pub trait SupervisionApi<AccountId> where AccountId: codec::Codec {
		/// One inspection plan, with its results overdue now.
		fn plan(id: PlanId) -> Option<PlanView>;
		/// The plans an agency takes part in, after plan `start_after`.
		fn plans_of(agency: OrgId, start_after: Option<PlanId>, limit: u32) -> Vec<PlanView>;
		/// A plan's population from position `from` on: each organization and its weight.
		fn plan_population(id: PlanId, from: u32, limit: u32) -> Vec<(OrgId, u8)>;
		/// A plan's pool of inspectors from position `from` on.
		fn plan_inspectors(id: PlanId, from: u32, limit: u32) -> Vec<Inspector<AccountId>>;
		/// A plan's targets in the order drawn, with their inspectors and results.
		fn plan_targets(id: PlanId) -> Vec<Target>;
		/// One case, with the deadlines it has missed now.
		fn case(id: CaseId) -> Option<CaseView>;
		/// A case's history after step `start_after`.
		fn steps(id: CaseId, start_after: Option<u32>, limit: u32) -> Vec<(u32, Step)>;
		/// The cases about an organization, open or closed, after case `start_after`.
		fn cases_of(subject: OrgId, start_after: Option<CaseId>, limit: u32) -> Vec<CaseView>;
		/// The open cases an agency acts in, after case `start_after`.
		fn open_cases_of(agency: OrgId, start_after: Option<CaseId>, limit: u32) -> Vec<CaseView>;
		/// What the public sees (公示): an organization's penalties that stand, within their
		/// publication period, among its cases after `start_after` (up to `limit` looked at).
		fn published_penalties(subject: OrgId, start_after: Option<CaseId>, limit: u32) -> Vec<PublicPenalty>;
	}
}
