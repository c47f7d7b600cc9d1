//! The calls' logic, the queries the runtime API serves, the shared freeze and `try_state`.

use crate::{pallet::*, types::*, PROVENANCE};
use alloc::{collections::BTreeMap, vec::Vec};
use frame_support::{ensure, pallet_prelude::*};
use regchain_primitives::{
	paging, time::Moment, Freeze, FreezeDomain, Freezes, FrozenRecord, Membership, OrgId, Role,
};
use sp_core::H256;
use sp_runtime::ArithmeticError;

/// The roles of organizations that take part in supply chains.
const SUPPLY_CHAIN: [Role; 4] =
	[Role::ProvenanceRecorder, Role::Manufacturer, Role::Logistics, Role::Retailer];

/// An item's batches: units of each batch in it (one of its own for a unit).
type Contents = Vec<(BatchId, u32)>;

impl<T: Config> Pallet<T> {
	pub(crate) fn now() -> Moment {
		regchain_primitives::time::now::<T::UnixTime>()
	}

	fn ensure_participant(org: OrgId) -> DispatchResult {
		let roles = T::Membership::roles(org).unwrap_or_default();
		ensure!(SUPPLY_CHAIN.iter().any(|r| roles.contains(*r)), Error::<T>::NotParticipant);
		Ok(())
	}

	fn ensure_location(location: &Gln) -> DispatchResult {
		ensure!(location.is_valid(), Error::<T>::InvalidLocation);
		Ok(())
	}

	fn ensure_jurisdiction(agency: OrgId, org: OrgId) -> DispatchResult {
		ensure!(T::Membership::has_jurisdiction(agency, org), Error::<T>::OutsideJurisdiction);
		Ok(())
	}

	fn item(id: &ItemId) -> Result<Item, DispatchError> {
		Ok(Items::<T>::get(id).ok_or(Error::<T>::ItemNotFound)?)
	}

	fn batch(id: BatchId) -> Result<Batch, DispatchError> {
		Ok(Batches::<T>::get(id).ok_or(Error::<T>::BatchNotFound)?)
	}

	/// The outermost container of `item` (or the item itself) and its custody.
	pub(crate) fn root(id: ItemId, item: Item) -> Option<(ItemId, Item, OrgId, Gln, Status)> {
		let (mut id, mut item) = (id, item);
		for _ in 0..=MAX_LEVEL {
			match item.place {
				Place::Held { custodian, location, status } => {
					return Some((id, item, custodian, location, status))
				},
				Place::Packed { container } => {
					id = container;
					item = Items::<T>::get(container)?;
				},
			}
		}
		None
	}

	/// The custody of an item that is not packed.
	fn held(item: &Item) -> Result<(OrgId, Gln, Status), DispatchError> {
		match item.place {
			Place::Held { custodian, location, status } => Ok((custodian, location, status)),
			Place::Packed { .. } => Err(Error::<T>::Packed.into()),
		}
	}

	fn ensure_in_stock(status: Status) -> DispatchResult {
		match status {
			Status::InStock => Ok(()),
			Status::Sold => Err(Error::<T>::AlreadySold.into()),
			Status::Destroyed => Err(Error::<T>::ItemDestroyed.into()),
			Status::OnSale => Err(Error::<T>::NotInStock.into()),
		}
	}

	/// The units of each batch in `item`.
	fn contents(id: &ItemId, item: &Item) -> Contents {
		match item.kind {
			ItemKind::Unit { batch } => alloc::vec![(batch, 1)],
			ItemKind::Container { .. } => ContainerBatches::<T>::iter_prefix(id).collect(),
		}
	}

	/// Whether a batch, or its class, is recalled.
	pub(crate) fn recall_of(batch: &Batch) -> Option<RecallId> {
		batch.recall.or_else(|| Classes::<T>::get(batch.class).and_then(|c| c.recall))
	}

	fn ensure_not_frozen(contents: &Contents) -> DispatchResult {
		for (batch, _) in contents {
			Freezes::<Self>::ensure_not_frozen(*batch)?;
		}
		Ok(())
	}

	/// The manufacturers of the recalled batches in `contents`.
	fn recalled_makers(contents: &Contents) -> Result<Vec<OrgId>, DispatchError> {
		let mut makers = Vec::new();
		for (id, _) in contents {
			let batch = Self::batch(*id)?;
			if Self::recall_of(&batch).is_some() {
				makers.push(batch.manufacturer);
			}
		}
		Ok(makers)
	}

	/// Checks that `custodian` may move, pack, sell or destroy `item` (held by it, in stock,
	/// not offered, nothing of it frozen); its contents.
	fn ensure_movable(
		item: &Item,
		id: &ItemId,
		custodian: OrgId,
	) -> Result<(Gln, Contents), DispatchError> {
		let (holder, location, status) = Self::held(item)?;
		ensure!(holder == custodian, Error::<T>::NotCustodian);
		Self::ensure_in_stock(status)?;
		ensure!(item.offered_to.is_none(), Error::<T>::OfferPending);
		let contents = Self::contents(id, item);
		Self::ensure_not_frozen(&contents)?;
		Ok((location, contents))
	}

	/// Appends an event to `item`'s history.
	fn log(
		id: &ItemId,
		item: &mut Item,
		kind: EventKind,
		actor: OrgId,
		location: Option<Gln>,
		document: H256,
	) -> DispatchResult {
		let number = item.events;
		item.events = number.checked_add(1).ok_or(Error::<T>::Overflow)?;
		History::<T>::insert(
			id,
			number,
			CustodyEvent { kind, actor, location, at: Self::now(), document },
		);
		Ok(())
	}

	/// Moves the holdings of `contents` from one organization to another (`None`: out of
	/// anyone's holdings — sold or destroyed; or into them — registered).
	fn shift(contents: &Contents, from: Option<OrgId>, to: Option<OrgId>) -> DispatchResult {
		for (batch, n) in contents {
			if let Some(from) = from {
				Holdings::<T>::try_mutate_exists(batch, from, |held| -> DispatchResult {
					let left =
						held.unwrap_or_default().checked_sub(*n).ok_or(Error::<T>::Overflow)?;
					*held = (left > 0).then_some(left);
					Ok(())
				})?;
			}
			if let Some(to) = to {
				Holdings::<T>::try_mutate(batch, to, |held| -> DispatchResult {
					*held = held.checked_add(*n).ok_or(Error::<T>::Overflow)?;
					Ok(())
				})?;
			}
		}
		Ok(())
	}

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
	fn ids(scope: CodeScope, codes: &ItemList) -> ItemList {
		let ids = codes.iter().map(|code| item_id(scope, code)).collect::<Vec<_>>();
		// As many ids as codes: within the list's bound.
		BoundedVec::truncate_from(ids)
	}

	fn new_item(kind: ItemKind, place: Place) -> Item {
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

	/// The container `id`, held by `who`, in stock and not offered.
	fn own_container(who: OrgId, id: &ItemId) -> Result<(Item, u8, Gln), DispatchError> {
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

	pub(crate) fn do_offer(
		from: OrgId,
		items: ItemList,
		to: OrgId,
		waybill: H256,
	) -> DispatchResult {
		ensure!(!items.is_empty(), Error::<T>::NoItems);
		ensure!(to != from, Error::<T>::OwnOrganization);
		Self::ensure_participant(to)?;
		for id in &items {
			let mut item = Self::item(id)?;
			let (location, contents) = Self::ensure_movable(&item, id, from)?;
			// A recalled item goes back to its manufacturer only (or is destroyed).
			let makers = Self::recalled_makers(&contents)?;
			ensure!(makers.iter().all(|maker| *maker == to), Error::<T>::Recalled);
			item.offered_to = Some(to);
			Self::log(id, &mut item, EventKind::Offered { to }, from, Some(location), waybill)?;
			Items::<T>::insert(id, item);
		}
		Self::deposit_event(Event::Offered { from, to, count: items.len() as u32 });
		Ok(())
	}

	pub(crate) fn do_withdraw_offers(from: OrgId, items: ItemList) -> DispatchResult {
		ensure!(!items.is_empty(), Error::<T>::NoItems);
		for id in &items {
			let mut item = Self::item(id)?;
			let (holder, location, _) = Self::held(&item)?;
			ensure!(holder == from, Error::<T>::NotCustodian);
			ensure!(item.offered_to.take().is_some(), Error::<T>::NoOffer);
			Self::log(
				id,
				&mut item,
				EventKind::OfferWithdrawn,
				from,
				Some(location),
				H256::zero(),
			)?;
			Items::<T>::insert(id, item);
		}
		Self::deposit_event(Event::OffersWithdrawn { by: from, count: items.len() as u32 });
		Ok(())
	}

	/// The item offered to `to`, and its custodian.
	fn offered(id: &ItemId, to: OrgId) -> Result<(Item, OrgId), DispatchError> {
		let item = Self::item(id)?;
		match item.offered_to {
			None => return Err(Error::<T>::NoOffer.into()),
			Some(receiver) => ensure!(receiver == to, Error::<T>::NotReceiver),
		}
		let (custodian, _, _) = Self::held(&item)?;
		Ok((item, custodian))
	}

	pub(crate) fn do_accept(
		to: OrgId,
		items: ItemList,
		location: Gln,
		receipt: H256,
	) -> DispatchResult {
		ensure!(!items.is_empty(), Error::<T>::NoItems);
		Self::ensure_location(&location)?;
		// Its roles may have been revoked since the offer.
		Self::ensure_participant(to)?;
		let carrier = T::Membership::org_has_role(to, Role::Logistics);
		for id in &items {
			let (mut item, from) = Self::offered(id, to)?;
			let contents = Self::contents(id, &item);
			Self::ensure_not_frozen(&contents)?;
			// Recalled since it was offered: it still goes back to its manufacturer only.
			let makers = Self::recalled_makers(&contents)?;
			ensure!(makers.iter().all(|maker| *maker == to), Error::<T>::Recalled);
			Self::shift(&contents, Some(from), Some(to))?;
			item.place = Place::Held { custodian: to, location, status: Status::InStock };
			item.offered_to = None;
			let kind =
				if carrier { EventKind::Shipped { from } } else { EventKind::Received { from } };
			Self::log(id, &mut item, kind, to, Some(location), receipt)?;
			Items::<T>::insert(id, item);
		}
		Self::deposit_event(Event::Accepted { to, count: items.len() as u32, shipped: carrier });
		Ok(())
	}

	pub(crate) fn do_reject(to: OrgId, items: ItemList, reason: H256) -> DispatchResult {
		ensure!(!items.is_empty(), Error::<T>::NoItems);
		for id in &items {
			let (mut item, _) = Self::offered(id, to)?;
			item.offered_to = None;
			Self::log(id, &mut item, EventKind::Rejected, to, None, reason)?;
			Items::<T>::insert(id, item);
		}
		Self::deposit_event(Event::Rejected { by: to, count: items.len() as u32 });
		Ok(())
	}

	/// Records `kind` on each item, held within `agency`'s jurisdiction; `in_stock` when the
	/// act needs goods in stock (customs), else any goods whose life has not ended.
	fn agency_act(
		agency: OrgId,
		items: &ItemList,
		kind: EventKind,
		document: H256,
		in_stock: bool,
	) -> DispatchResult {
		ensure!(!items.is_empty(), Error::<T>::NoItems);
		for id in items {
			let mut item = Self::item(id)?;
			let (custodian, location, status) = Self::held(&item)?;
			Self::ensure_jurisdiction(agency, custodian)?;
			match status {
				Status::Sold => return Err(Error::<T>::AlreadySold.into()),
				Status::Destroyed => return Err(Error::<T>::ItemDestroyed.into()),
				Status::OnSale if in_stock => return Err(Error::<T>::NotInStock.into()),
				_ => {},
			}
			Self::log(id, &mut item, kind, agency, Some(location), document)?;
			Items::<T>::insert(id, item);
		}
		Ok(())
	}

	pub(crate) fn do_inspect(
		inspector: OrgId,
		items: ItemList,
		passed: bool,
		report: H256,
	) -> DispatchResult {
		Self::agency_act(inspector, &items, EventKind::Inspected { passed }, report, false)?;
		Self::deposit_event(Event::Inspected { by: inspector, count: items.len() as u32, passed });
		Ok(())
	}

	pub(crate) fn do_clear_customs(
		customs: OrgId,
		items: ItemList,
		declaration: H256,
	) -> DispatchResult {
		Self::agency_act(customs, &items, EventKind::CustomsCleared, declaration, true)?;
		Self::deposit_event(Event::CustomsCleared { by: customs, count: items.len() as u32 });
		Ok(())
	}

	/// The unit `id`, its batch's id and record.
	fn unit(id: &ItemId) -> Result<(Item, BatchId, Batch), DispatchError> {
		let item = Self::item(id)?;
		let ItemKind::Unit { batch } = item.kind else { return Err(Error::<T>::NotAUnit.into()) };
		Ok((item, batch, Self::batch(batch)?))
	}

	pub(crate) fn do_put_on_sale(retailer: OrgId, items: ItemList) -> DispatchResult {
		ensure!(!items.is_empty(), Error::<T>::NoItems);
		for id in &items {
			let (mut item, _, batch) = Self::unit(id)?;
			let (location, _) = Self::ensure_movable(&item, id, retailer)?;
			ensure!(Self::recall_of(&batch).is_none(), Error::<T>::Recalled);
			item.place = Place::Held { custodian: retailer, location, status: Status::OnSale };
			Self::log(id, &mut item, EventKind::OnSale, retailer, Some(location), H256::zero())?;
			Items::<T>::insert(id, item);
		}
		Self::deposit_event(Event::PutOnSale { by: retailer, count: items.len() as u32 });
		Ok(())
	}

	pub(crate) fn do_sell(retailer: OrgId, items: ItemList, receipt: H256) -> DispatchResult {
		ensure!(!items.is_empty(), Error::<T>::NoItems);
		for id in &items {
			let (mut item, batch_id, mut batch) = Self::unit(id)?;
			let (holder, location, status) = Self::held(&item)?;
			ensure!(holder == retailer, Error::<T>::NotCustodian);
			match status {
				Status::Sold => return Err(Error::<T>::AlreadySold.into()),
				Status::Destroyed => return Err(Error::<T>::ItemDestroyed.into()),
				Status::InStock => return Err(Error::<T>::NotOnSale.into()),
				Status::OnSale => {},
			}
			ensure!(Self::recall_of(&batch).is_none(), Error::<T>::Recalled);
			Freezes::<Self>::ensure_not_frozen(batch_id)?;
			Self::shift(&alloc::vec![(batch_id, 1)], Some(retailer), None)?;
			batch.sold = batch.sold.checked_add(1).ok_or(Error::<T>::Overflow)?;
			Batches::<T>::insert(batch_id, batch);
			item.place = Place::Held { custodian: retailer, location, status: Status::Sold };
			Self::log(id, &mut item, EventKind::Sold, retailer, Some(location), receipt)?;
			Items::<T>::insert(id, item);
		}
		Self::deposit_event(Event::Sold { by: retailer, count: items.len() as u32 });
		Ok(())
	}

	pub(crate) fn do_destroy(who: OrgId, items: ItemList, record: H256) -> DispatchResult {
		ensure!(!items.is_empty(), Error::<T>::NoItems);
		for id in &items {
			let mut item = Self::item(id)?;
			let (holder, location, status) = Self::held(&item)?;
			ensure!(holder == who, Error::<T>::NotCustodian);
			match status {
				Status::Sold => return Err(Error::<T>::AlreadySold.into()),
				Status::Destroyed => return Err(Error::<T>::ItemDestroyed.into()),
				Status::InStock | Status::OnSale => {},
			}
			ensure!(item.offered_to.is_none(), Error::<T>::OfferPending);
			let contents = Self::contents(id, &item);
			Self::ensure_not_frozen(&contents)?;
			Self::shift(&contents, Some(who), None)?;
			item.place = Place::Held { custodian: who, location, status: Status::Destroyed };
			Self::log(id, &mut item, EventKind::Destroyed, who, Some(location), record)?;
			Items::<T>::insert(id, item);
		}
		Self::deposit_event(Event::Destroyed { by: who, count: items.len() as u32 });
		Ok(())
	}

	pub(crate) fn do_scan(who: OrgId, id: ItemId, location: Gln) -> DispatchResult {
		Self::ensure_participant(who)?;
		Self::ensure_location(&location)?;
		let mut item = Self::item(&id)?;
		let (_, root, custodian, _, status) =
			Self::root(id, item.clone()).ok_or(Error::<T>::ItemNotFound)?;
		let reason = match status {
			Status::Sold | Status::Destroyed => Some(CloneReason::ScannedAfterItsEnd),
			_ if custodian != who && root.offered_to != Some(who) => {
				Some(CloneReason::ScannedOutOfCustody)
			},
			_ => None,
		};
		let kind = match reason {
			Some(reason) => {
				if item.suspicion != Suspicion::Confirmed {
					item.suspicion = Suspicion::Reported;
				}
				Self::deposit_event(Event::CloneSuspected { item: id, by: who, reason });
				EventKind::CloneSuspected { reason }
			},
			None => {
				Self::deposit_event(Event::Scanned { item: id, by: who });
				EventKind::Scanned
			},
		};
		Self::log(&id, &mut item, kind, who, Some(location), H256::zero())?;
		Items::<T>::insert(id, item);
		Ok(())
	}

	/// Market regulation's ruling on a reported clone of `id`: `to` (confirmed or cleared),
	/// logged with its finding and said with `event`.
	fn rule_on_suspicion(
		regulator: OrgId,
		id: ItemId,
		to: Suspicion,
		kind: EventKind,
		finding: H256,
	) -> DispatchResult {
		let mut item = Self::item(&id)?;
		let (_, _, custodian, location, _) =
			Self::root(id, item.clone()).ok_or(Error::<T>::ItemNotFound)?;
		Self::ensure_jurisdiction(regulator, custodian)?;
		ensure!(item.suspicion == Suspicion::Reported, Error::<T>::NotReported);
		item.suspicion = to;
		Self::log(&id, &mut item, kind, regulator, Some(location), finding)?;
		Items::<T>::insert(id, item);
		Ok(())
	}

	pub(crate) fn do_confirm_clone(regulator: OrgId, id: ItemId, finding: H256) -> DispatchResult {
		Self::rule_on_suspicion(
			regulator,
			id,
			Suspicion::Confirmed,
			EventKind::CloneConfirmed,
			finding,
		)?;
		Self::deposit_event(Event::CloneConfirmed { item: id, by: regulator, finding });
		Ok(())
	}

	pub(crate) fn do_clear_suspicion(
		regulator: OrgId,
		id: ItemId,
		finding: H256,
	) -> DispatchResult {
		Self::rule_on_suspicion(
			regulator,
			id,
			Suspicion::Cleared,
			EventKind::SuspicionCleared,
			finding,
		)?;
		Self::deposit_event(Event::SuspicionCleared { item: id, by: regulator, finding });
		Ok(())
	}

	pub(crate) fn do_report(who: OrgId, id: ItemId, evidence: H256) -> DispatchResult {
		let mut item = Self::item(&id)?;
		item.reports = item.reports.checked_add(1).ok_or(Error::<T>::Overflow)?;
		Self::log(&id, &mut item, EventKind::Reported, who, None, evidence)?;
		Items::<T>::insert(id, item);
		Self::deposit_event(Event::Reported { item: id, by: who });
		Ok(())
	}

	pub(crate) fn do_correct(who: OrgId, id: ItemId, of: u32, reason: H256) -> DispatchResult {
		let mut item = Self::item(&id)?;
		let wrong = History::<T>::get(id, of).ok_or(Error::<T>::EventNotFound)?;
		ensure!(wrong.actor == who, Error::<T>::NotActor);
		Self::log(&id, &mut item, EventKind::Correction { of }, who, wrong.location, reason)?;
		Items::<T>::insert(id, item);
		Self::deposit_event(Event::Corrected { item: id, of });
		Ok(())
	}

	pub(crate) fn do_recall(regulator: OrgId, scope: RecallScope, reason: H256) -> DispatchResult {
		let recall = NextRecallId::<T>::get();
		match scope {
			RecallScope::Batch(id) => {
				let mut batch = Self::batch(id)?;
				Self::ensure_jurisdiction(regulator, batch.manufacturer)?;
				ensure!(batch.recall.is_none(), Error::<T>::AlreadyRecalled);
				batch.recall = Some(recall);
				Batches::<T>::insert(id, batch);
			},
			RecallScope::Class(id) => {
				let mut class = Classes::<T>::get(id).ok_or(Error::<T>::ClassNotFound)?;
				Self::ensure_jurisdiction(regulator, class.owner)?;
				ensure!(class.recall.is_none(), Error::<T>::AlreadyRecalled);
				class.recall = Some(recall);
				Classes::<T>::insert(id, class);
			},
		}
		NextRecallId::<T>::put(recall.checked_add(1).ok_or(ArithmeticError::Overflow)?);
		Recalls::<T>::insert(recall, Recall { scope, by: regulator, at: Self::now(), reason });
		Self::deposit_event(Event::Recalled { recall, scope, by: regulator });
		Ok(())
	}

	pub(crate) fn do_freeze(regulator: OrgId, batch: BatchId, reason: H256) -> DispatchResult {
		Freezes::<Self>::freeze(regulator, batch, reason).map(|_| ())
	}

	pub(crate) fn do_unfreeze(regulator: OrgId, batch: BatchId) -> DispatchResult {
		Freezes::<Self>::unfreeze(regulator, batch).map(|_| ())
	}

	// Queries (runtime API).

	/// At most how many bytes of state `call` adds, for the consortium's byte quota: a call
	/// naming up to 256 items writes, per item, a record (at registration) and a custody event
	/// — several times the bytes of its ids — so its length alone would let one organization
	/// add far more to every node than its quota says. Each storage entry counts its key (the
	/// map's 32-byte prefix and the hashed keys) and its largest value.
	pub fn state_bytes(call: &Call<T>) -> u32 {
		use codec::MaxEncodedLen;
		let items = match call {
			Call::register_items { items, .. }
			| Call::register_containers { containers: items, .. }
			| Call::pack { items, .. }
			| Call::unpack { items, .. }
			| Call::offer { items, .. }
			| Call::withdraw_offers { items }
			| Call::accept { items, .. }
			| Call::reject { items, .. }
			| Call::inspect { items, .. }
			| Call::clear_customs { items, .. }
			| Call::put_on_sale { items }
			| Call::sell { items, .. }
			| Call::destroy { items, .. } => items.len(),
			_ => 1,
		};
		// Blake2_128Concat of a 32-byte id: 48 bytes; Twox64Concat of an event number: 12.
		let record = 32 + 48 + Item::max_encoded_len();
		let event = 32 + 48 + 12 + CustodyEvent::max_encoded_len();
		(items as u32).saturating_mul((record + event) as u32)
	}

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
		Ok(())
	}
}

/// Batches under the one freeze of `regchain-primitives`: the pallet's own `freeze` call and a
/// supervision pallet go through it alike.
impl<T: Config> FreezeDomain for Pallet<T> {
	const DOMAIN: regchain_primitives::ClaimDomain = PROVENANCE;
	type Key = BatchId;
	type Map = FrozenBatches<T>;
	type Error = Error<T>;
	type Clock = T::UnixTime;

	fn subject(key: BatchId) -> Result<OrgId, DispatchError> {
		Ok(Batches::<T>::get(key).map(|b| b.manufacturer).ok_or(Error::<T>::BatchNotFound)?)
	}

	fn ensure_authority(regulator: OrgId, subject: OrgId) -> DispatchResult {
		Self::ensure_jurisdiction(regulator, subject)
	}

	fn on_frozen(batch: BatchId, freeze: &Freeze) -> DispatchResult {
		Self::deposit_event(Event::Frozen { batch, by: freeze.by, reason: freeze.reason });
		Ok(())
	}

	fn on_unfrozen(batch: BatchId, by: OrgId) -> DispatchResult {
		Self::deposit_event(Event::Unfrozen { batch, by });
		Ok(())
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
