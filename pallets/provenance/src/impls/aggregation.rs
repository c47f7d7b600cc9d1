//! Packing units and containers into containers, and unpacking them.

use super::*;

impl<T: Config> Pallet<T> {
	/// The container `id`, held by `who`, in stock and not offered.
	pub(crate) fn own_container(who: OrgId, id: &ItemId) -> Result<(Item, u8, Gln), DispatchError> {
		let container = Items::<T>::get(id).ok_or(Error::<T>::NotAContainer)?;
		let ItemKind::Container { level } = container.kind else {
			return Err(Error::<T>::NotAContainer.into());
		};
		let (holder, location, status) = Self::held(&container)?;
		ensure!(holder == who, Error::<T>::NotCustodian);
		Self::ensure_in_stock(status)?;
		ensure!(container.offered_to.is_none(), Error::<T>::OfferPending);
		Ok((container, level, location))
	}

	pub(crate) fn do_pack(who: OrgId, container_id: ItemId, items: ItemList) -> DispatchResult {
		ensure!(!items.is_empty(), Error::<T>::NoItems);
		let (mut container, level, location) = Self::own_container(who, &container_id)?;
		for id in &items {
			let mut item = Self::item(id)?;
			let (_, contents) = Self::ensure_movable(&item, id, who)?;
			ensure!(item.kind.level() < level, Error::<T>::LevelTooHigh);
			ensure!(Self::recalled_makers(&contents)?.is_empty(), Error::<T>::Recalled);
			for (batch, n) in &contents {
				let inside = ContainerBatches::<T>::get(container_id, batch);
				if inside == 0 {
					container.batches = container.batches.saturating_add(1);
					ensure!(
						u32::from(container.batches) <= MAX_BATCHES_PER_CONTAINER,
						Error::<T>::TooManyBatches
					);
				}
				let total = inside.checked_add(*n).ok_or(Error::<T>::Overflow)?;
				ContainerBatches::<T>::insert(container_id, batch, total);
			}
			item.place = Place::Packed { container: container_id };
			let packed = EventKind::Packed { container: container_id, from: container.events };
			Self::log(id, &mut item, packed, who, Some(location), H256::zero())?;
			Items::<T>::insert(id, item);
			container.contents = container.contents.checked_add(1).ok_or(Error::<T>::Overflow)?;
		}
		Items::<T>::insert(container_id, container);
		Self::deposit_event(Event::Packed { container: container_id, count: items.len() as u32 });
		Ok(())
	}

	pub(crate) fn do_unpack(who: OrgId, container_id: ItemId, items: ItemList) -> DispatchResult {
		ensure!(!items.is_empty(), Error::<T>::NoItems);
		let (mut container, _, location) = Self::own_container(who, &container_id)?;
		for id in &items {
			let mut item = Self::item(id)?;
			ensure!(
				item.place == Place::Packed { container: container_id },
				Error::<T>::NotInContainer
			);
			let contents = Self::contents(id, &item);
			Self::ensure_not_frozen(&contents)?;
			for (batch, n) in &contents {
				let inside = ContainerBatches::<T>::get(container_id, batch);
				let left = inside.checked_sub(*n).ok_or(Error::<T>::Overflow)?;
				if left == 0 {
					ContainerBatches::<T>::remove(container_id, batch);
					container.batches = container.batches.saturating_sub(1);
				} else {
					ContainerBatches::<T>::insert(container_id, batch, left);
				}
			}
			item.place = Place::Held { custodian: who, location, status: Status::InStock };
			let unpacked = EventKind::Unpacked { container: container_id, until: container.events };
			Self::log(id, &mut item, unpacked, who, Some(location), H256::zero())?;
			Items::<T>::insert(id, item);
			container.contents = container.contents.saturating_sub(1);
		}
		Items::<T>::insert(container_id, container);
		Self::deposit_event(Event::Unpacked { container: container_id, count: items.len() as u32 });
		Ok(())
	}
}
