//! Retail (on sale, sold, destroyed), consumers' scans and the clone suspicions they raise, reports and corrections.

use super::*;

impl<T: Config> Pallet<T> {
	/// The unit `id`, its batch's id and record.
	pub(crate) fn unit(id: &ItemId) -> Result<(Item, BatchId, Batch), DispatchError> {
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
	pub(crate) fn rule_on_suspicion(
		regulator: OrgId,
		id: ItemId,
		to: Suspicion,
		kind: EventKind,
		finding: H256,
	) -> DispatchResult {
		let mut item = Self::item(&id)?;
		let (_, _, custodian, location, _) =
			Self::root(id, item.clone()).ok_or(Error::<T>::ItemNotFound)?;
		T::Membership::ensure_jurisdiction(regulator, custodian).map_err(Error::<T>::from)?;
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
}
