//! Queries the runtime API serves.

use super::*;

impl<T: Config> Pallet<T> {
	/// An item as a consumer's app sees it.
	pub fn item_status(id: ItemId) -> Option<ItemStatus> {
		let item = Items::<T>::get(id)?;
		let (_, _, custodian, location, status) = Self::root(id, item.clone())?;
		let batch = match item.kind {
			ItemKind::Unit { batch } => Some((batch, Batches::<T>::get(batch)?)),
			ItemKind::Container { .. } => None,
		};
		let class =
			batch.as_ref().and_then(|(_, b)| Classes::<T>::get(b.class).map(|c| (b.class, c)));
		let recall = batch
			.as_ref()
			.and_then(|(_, b)| Self::recall_of(b))
			.and_then(|r| Recalls::<T>::get(r).map(|record| (r, record)));
		Some(ItemStatus { item, batch, class, custodian, location, status, recall })
	}

	/// Up to `limit` (at most 100) custody events of `id` from number `from`. A packed item's
	/// history continues in its container's from the `Packed` event's number on.
	pub fn history(id: ItemId, from: u32, limit: u32) -> Vec<(u32, CustodyEvent)> {
		let Some(item) = Items::<T>::get(id) else { return Vec::new() };
		(from..paging::page_end(from, limit, item.events))
			.filter_map(|n| History::<T>::get(id, n).map(|event| (n, event)))
			.collect()
	}

	/// Who holds units of `batch` now, and how many: up to `limit` after `start_after`.
	pub fn custodians_of_batch(
		batch: BatchId,
		start_after: Option<OrgId>,
		limit: u32,
	) -> Vec<(OrgId, u32)> {
		paging::keys_after::<Holdings<T>, _, _, _>(batch, start_after, limit)
			.into_iter()
			.map(|org| (org, Holdings::<T>::get(batch, org)))
			.collect()
	}

	/// The batches of `class`: up to `limit` after `start_after`.
	pub fn batches_of_class(
		class: ClassId,
		start_after: Option<BatchId>,
		limit: u32,
	) -> Vec<BatchId> {
		paging::keys_after::<BatchesByClass<T>, _, _, _>(class, start_after, limit)
	}

	/// The makers of `class`'s batches, after batch `after`, at most `limit` batches read, in
	/// the index's order (a maker once per batch): a random inspection's population by
	/// product (`RecordSet::ProductClass`).
	pub fn makers(class: ClassId, after: Option<BatchId>, limit: u32) -> Vec<(BatchId, OrgId)> {
		let ids: Vec<BatchId> = match after {
			Some(after) => {
				let from = BatchesByClass::<T>::hashed_key_for(class, after);
				BatchesByClass::<T>::iter_key_prefix_from(class, from)
					.take(limit as usize)
					.collect()
			},
			None => BatchesByClass::<T>::iter_key_prefix(class).take(limit as usize).collect(),
		};
		ids.into_iter()
			.filter_map(|id| Batches::<T>::get(id).map(|b| (id, b.manufacturer)))
			.collect()
	}

	/// Whose goods a recall of `scope` recalls: the batch's manufacturer, the class's owner.
	pub(crate) fn recalled_maker(scope: &RecallScope) -> Option<OrgId> {
		match scope {
			RecallScope::Batch(id) => Batches::<T>::get(id).map(|b| b.manufacturer),
			RecallScope::Class(id) => Classes::<T>::get(id).map(|c| c.owner),
		}
	}

	/// When goods `maker` made were last recalled.
	pub fn latest_recall(maker: OrgId) -> Option<Moment> {
		LatestRecalls::<T>::get(maker)
	}

	/// An organization's product classes: up to `limit` (at most 100) after `start_after`, in
	/// storage order, each with its recall if one is under way.
	pub fn classes_of(
		owner: OrgId,
		start_after: Option<ClassId>,
		limit: u32,
	) -> Vec<(ClassId, ProductClass)> {
		paging::keys_after::<ClassesByOwner<T>, _, _, _>(owner, start_after, limit)
			.into_iter()
			.filter_map(|id| Classes::<T>::get(id).map(|c| (id, c)))
			.collect()
	}
}

// Queries (runtime API): the open regulatory actions.
impl<T: Config> Pallet<T> {
	/// Up to `limit` (at most [`regchain_primitives::paging::QUERY_LIMIT`]) of the frozen
	/// batches, after `start_after`, each with its subject.
	pub fn frozen_batches(start_after: Option<BatchId>, limit: u32) -> Vec<FrozenRecord> {
		Freezes::<Self>::listing(start_after, limit)
	}
}
