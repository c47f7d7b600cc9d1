//! `try_state`: the invariants the crate docs list, each checked by name.

use super::*;

impl<T: Config> Pallet<T> {
	/// Checks the invariants listed in the crate docs; the error names the one that broke.
	pub fn do_try_state() -> Result<(), sp_runtime::TryRuntimeError> {
		Freezes::<Self>::check()?;
		let mut holdings: BTreeMap<(BatchId, OrgId), u32> = BTreeMap::new();
		let mut inside: BTreeMap<(ItemId, BatchId), u32> = BTreeMap::new();
		let mut contents: BTreeMap<ItemId, u32> = BTreeMap::new();
		for (id, item) in Items::<T>::iter() {
			let (_, _, custodian, _, status) =
				Self::root(id, item.clone()).ok_or("an item has no custodian within MAX_LEVEL")?;
			if let Place::Packed { container } = item.place {
				let outer = Items::<T>::get(container).ok_or("an item is packed in no item")?;
				ensure!(outer.kind.level() > item.kind.level(), "a container holds its own level");
				*contents.entry(container).or_default() += 1;
			}
			if let ItemKind::Unit { batch } = item.kind {
				ensure!(Batches::<T>::contains_key(batch), "a unit's batch does not exist");
				if matches!(status, Status::InStock | Status::OnSale) {
					*holdings.entry((batch, custodian)).or_default() += 1;
				}
				let mut place = item.place;
				for _ in 0..MAX_LEVEL {
					let Place::Packed { container } = place else { break };
					*inside.entry((container, batch)).or_default() += 1;
					place = Items::<T>::get(container).map(|c| c.place).ok_or("broken packing")?;
				}
			}
		}
		for (id, item) in Items::<T>::iter() {
			ensure!(
				item.contents == contents.get(&id).copied().unwrap_or(0),
				"a container's contents miscounted"
			);
		}
		let stored: BTreeMap<_, _> =
			Holdings::<T>::iter().map(|(batch, org, n)| ((batch, org), n)).collect();
		ensure!(stored == holdings, "the holdings are not the held units of each batch");
		let stored: BTreeMap<_, _> =
			ContainerBatches::<T>::iter().map(|(c, batch, n)| ((c, batch), n)).collect();
		ensure!(stored == inside, "a container's batches are miscounted");
		let (classes, batches) = (NextClassId::<T>::get(), NextBatchId::<T>::get());
		for (id, batch) in Batches::<T>::iter() {
			ensure!(id < batches, "a batch id passed the counter");
			ensure!(Classes::<T>::contains_key(batch.class), "a batch's class does not exist");
		}
		for (id, class) in Classes::<T>::iter() {
			ensure!(id < classes, "a class id passed the counter");
			ensure!(
				ClassesByOwner::<T>::contains_key(class.owner, id),
				"a class missing from its owner's index"
			);
		}
		for (owner, id, ()) in ClassesByOwner::<T>::iter() {
			ensure!(
				Classes::<T>::get(id).is_some_and(|c| c.owner == owner),
				"the owners' index names a class of another owner"
			);
		}
		// Each maker's latest recall is the latest of the recalls of its goods.
		let mut latest: BTreeMap<OrgId, Moment> = BTreeMap::new();
		for (_, recall) in Recalls::<T>::iter() {
			let maker = Self::recalled_maker(&recall.scope).ok_or("a recall of nothing")?;
			let at = latest.entry(maker).or_insert(recall.at);
			*at = (*at).max(recall.at);
		}
		let stored: BTreeMap<_, _> = LatestRecalls::<T>::iter().collect();
		ensure!(stored == latest, "a maker's latest recall is not its goods' latest");
		Ok(())
	}
}
