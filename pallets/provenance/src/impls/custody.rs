//! Handing goods over (offer, accept, reject) and agencies' acts on them (inspection, customs).

use super::*;

impl<T: Config> Pallet<T> {
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
	pub(crate) fn offered(id: &ItemId, to: OrgId) -> Result<(Item, OrgId), DispatchError> {
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
	pub(crate) fn agency_act(
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
			T::Membership::ensure_jurisdiction(agency, custodian).map_err(Error::<T>::from)?;
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
}
