//! The provenance pallet's runtime API: what a consumer's app, a retailer or a regulator reads,
//! needing no account. Polkadot.js exposes it as `api.call.provenanceApi.*`.

use crate::types::{
	BatchId, ClassId, CustodyEvent, ItemId, ItemStatus, ItemVerification, ProductClass, Recall,
	RecallId,
};
use alloc::vec::Vec;
use regchain_primitives::OrgId;

sp_api::decl_runtime_apis! {
	/// Item status and history, recall notices; every list at most 100 long, paged. Version 2
	/// adds an organization's product classes.
	/// Version 3 adds the frozen batches (a regulator's open actions).
	/// Version 4 adds `verify_item`, what the public is told of an item.
	/// Version 5: an item's suspicion of a clone is reported, confirmed or cleared
	/// (`Item::suspicion`, `ItemVerification::suspicion`).
	#[api_version(5)]
	pub trait ProvenanceApi {
		/// An item (scanned code's hash): genuine or not registered (`None`), its custody,
		/// whether it is recalled, reported, suspected, sold — its custodians', manufacturer's
		/// and agencies' view (the gateway serves it to them only).
		fn item_status(item: ItemId) -> Option<ItemStatus>;
		/// What a consumer is told of an item: genuine or not registered (`None`), its product,
		/// maker, the retailer it should be bought from, recall and reports — none of the supply
		/// chain's business.
		fn verify_item(item: ItemId) -> Option<ItemVerification>;
		/// An item's custody events from number `from`.
		fn history(item: ItemId, from: u32, limit: u32) -> Vec<(u32, CustodyEvent)>;
		/// Who holds units of a batch now, and how many: whom a recall must reach.
		fn custodians_of_batch(batch: BatchId, start_after: Option<OrgId>, limit: u32) -> Vec<(OrgId, u32)>;
		/// The batches of a class (for a class recall's notices, with `custodians_of_batch`).
		/// `class_id`, not `class`: clients generate functions with these names (polkadot-api),
		/// and `class` is a reserved word of JavaScript.
		fn batches_of_class(class_id: ClassId, start_after: Option<BatchId>, limit: u32) -> Vec<BatchId>;
		/// A recall.
		fn recall(id: RecallId) -> Option<Recall>;
		/// An organization's product classes (with their recalls), after `start_after`, in storage order.
		fn classes_of(owner: OrgId, start_after: Option<ClassId>, limit: u32) -> Vec<(ClassId, ProductClass)>;
		/// Up to `limit` (at most 100) of the frozen batches, each with its subject and its freeze,
		/// after `start_after` (the last of the previous page), in storage order.
		fn frozen(start_after: Option<BatchId>, limit: u32) -> Vec<regchain_primitives::FrozenRecord>;
	}
}
