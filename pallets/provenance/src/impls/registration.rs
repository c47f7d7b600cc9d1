//! Registering classes, batches, units and containers.

use super::*;

impl<T: Config> Pallet<T> {
	pub(crate) fn do_register_class(
		owner: OrgId,
		sku: Sku,
		gtin: Option<Gtin>,
		metadata: H256,
	) -> DispatchResult {
		if let Some(gtin) = gtin {
			ensure!(gtin.is_valid(), Error::<T>::InvalidGtin);
			ensure!(!ClassByGtin::<T>::contains_key(gtin), Error::<T>::GtinTaken);
		}
		let class = NextClassId::<T>::get();
		NextClassId::<T>::put(class.checked_add(1).ok_or(ArithmeticError::Overflow)?);
		if let Some(gtin) = gtin {
			ClassByGtin::<T>::insert(gtin, class);
		}
		ClassesByOwner::<T>::insert(owner, class, ());
		Classes::<T>::insert(class, ProductClass { owner, sku, gtin, metadata, recall: None });
		Self::deposit_event(Event::ClassRegistered { class, owner, gtin });
		Ok(())
	}

	pub(crate) fn do_register_batch(
		manufacturer: OrgId,
		class: ClassId,
		lot: H256,
		produced_on: Moment,
	) -> DispatchResult {
		let record = Classes::<T>::get(class).ok_or(Error::<T>::ClassNotFound)?;
		ensure!(record.owner == manufacturer, Error::<T>::NotClassOwner);
		ensure!(record.recall.is_none(), Error::<T>::Recalled);
		ensure!(produced_on <= Self::now(), Error::<T>::ProducedInFuture);
		let batch = NextBatchId::<T>::get();
		NextBatchId::<T>::put(batch.checked_add(1).ok_or(ArithmeticError::Overflow)?);
		Batches::<T>::insert(
			batch,
			Batch { class, manufacturer, lot, produced_on, items: 0, sold: 0, recall: None },
		);
		BatchesByClass::<T>::insert(class, batch, ());
		Self::deposit_event(Event::BatchRegistered { batch, class, manufacturer });
		Ok(())
	}

	/// Registers the units `items` (codes) of `batch_id`; their ids.
	pub(crate) fn do_register_items(
		manufacturer: OrgId,
		batch_id: BatchId,
		items: ItemList,
		location: Gln,
	) -> Result<ItemList, DispatchError> {
		ensure!(!items.is_empty(), Error::<T>::NoItems);
		Self::ensure_location(&location)?;
		let mut batch = Self::batch(batch_id)?;
		ensure!(batch.manufacturer == manufacturer, Error::<T>::NotManufacturer);
		ensure!(Self::recall_of(&batch).is_none(), Error::<T>::Recalled);
		Freezes::<Self>::ensure_not_frozen(batch_id)?;
		let count = items.len() as u32;
		batch.items = batch.items.checked_add(count).ok_or(Error::<T>::Overflow)?;
		let ids = Self::ids(CodeScope::Class(batch.class), &items);
		for id in &ids {
			ensure!(!Items::<T>::contains_key(id), Error::<T>::ItemExists);
			let mut item = Self::new_item(
				ItemKind::Unit { batch: batch_id },
				Place::Held { custodian: manufacturer, location, status: Status::InStock },
			);
			Self::log(id, &mut item, EventKind::Produced, manufacturer, Some(location), batch.lot)?;
			Items::<T>::insert(id, item);
		}
		Self::shift(&alloc::vec![(batch_id, count)], None, Some(manufacturer))?;
		Batches::<T>::insert(batch_id, batch);
		Self::deposit_event(Event::ItemsRegistered { batch: batch_id, count });
		Ok(ids)
	}

	/// The ids of `codes` in `scope`.
	pub(crate) fn ids(scope: CodeScope, codes: &ItemList) -> ItemList {
		let ids = codes.iter().map(|code| item_id(scope, code)).collect::<Vec<_>>();
		// As many ids as codes: within the list's bound.
		BoundedVec::truncate_from(ids)
	}

	pub(crate) fn new_item(kind: ItemKind, place: Place) -> Item {
		Item {
			kind,
			place,
			offered_to: None,
			events: 0,
			contents: 0,
			batches: 0,
			reports: 0,
			suspicion: Suspicion::None,
		}
	}

	/// Registers the containers `containers` (codes) of `packer`; their ids.
	pub(crate) fn do_register_containers(
		packer: OrgId,
		containers: ItemList,
		level: u8,
		location: Gln,
	) -> Result<ItemList, DispatchError> {
		Self::ensure_participant(packer)?;
		ensure!((1..=MAX_LEVEL).contains(&level), Error::<T>::InvalidLevel);
		ensure!(!containers.is_empty(), Error::<T>::NoItems);
		Self::ensure_location(&location)?;
		let ids = Self::ids(CodeScope::Packer(packer), &containers);
		for id in &ids {
			ensure!(!Items::<T>::contains_key(id), Error::<T>::ItemExists);
			let mut item = Self::new_item(
				ItemKind::Container { level },
				Place::Held { custodian: packer, location, status: Status::InStock },
			);
			Self::log(id, &mut item, EventKind::Produced, packer, Some(location), H256::zero())?;
			Items::<T>::insert(id, item);
		}
		let count = containers.len() as u32;
		Self::deposit_event(Event::ContainersRegistered { by: packer, level, count });
		Ok(ids)
	}
}
