//! The calls' logic, the queries the runtime API serves, the shared freeze and `try_state`.
//!
//! One file per call family, as `tests/` is: `aggregation`, `custody`, `invariants`, `queries`,
//! `registration`, `retail_and_clones`, `supervision`.

mod aggregation;
mod custody;
mod invariants;
mod queries;
mod registration;
mod retail_and_clones;
mod supervision;

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

	pub(crate) fn ensure_participant(org: OrgId) -> DispatchResult {
		let roles = T::Membership::roles(org).unwrap_or_default();
		ensure!(SUPPLY_CHAIN.iter().any(|r| roles.contains(*r)), Error::<T>::NotParticipant);
		Ok(())
	}

	pub(crate) fn ensure_location(location: &Gln) -> DispatchResult {
		ensure!(location.is_valid(), Error::<T>::InvalidLocation);
		Ok(())
	}

	pub(crate) fn item(id: &ItemId) -> Result<Item, DispatchError> {
		Ok(Items::<T>::get(id).ok_or(Error::<T>::ItemNotFound)?)
	}

	pub(crate) fn batch(id: BatchId) -> Result<Batch, DispatchError> {
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
	pub(crate) fn held(item: &Item) -> Result<(OrgId, Gln, Status), DispatchError> {
		match item.place {
			Place::Held { custodian, location, status } => Ok((custodian, location, status)),
			Place::Packed { .. } => Err(Error::<T>::Packed.into()),
		}
	}

	pub(crate) fn ensure_in_stock(status: Status) -> DispatchResult {
		match status {
			Status::InStock => Ok(()),
			Status::Sold => Err(Error::<T>::AlreadySold.into()),
			Status::Destroyed => Err(Error::<T>::ItemDestroyed.into()),
			Status::OnSale => Err(Error::<T>::NotInStock.into()),
		}
	}

	/// The units of each batch in `item`.
	pub(crate) fn contents(id: &ItemId, item: &Item) -> Contents {
		match item.kind {
			ItemKind::Unit { batch } => alloc::vec![(batch, 1)],
			ItemKind::Container { .. } => ContainerBatches::<T>::iter_prefix(id).collect(),
		}
	}

	/// Whether a batch, or its class, is recalled.
	pub(crate) fn recall_of(batch: &Batch) -> Option<RecallId> {
		batch.recall.or_else(|| Classes::<T>::get(batch.class).and_then(|c| c.recall))
	}

	pub(crate) fn ensure_not_frozen(contents: &Contents) -> DispatchResult {
		for (batch, _) in contents {
			Freezes::<Self>::ensure_not_frozen(*batch)?;
		}
		Ok(())
	}

	/// The manufacturers of the recalled batches in `contents`.
	pub(crate) fn recalled_makers(contents: &Contents) -> Result<Vec<OrgId>, DispatchError> {
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
	pub(crate) fn ensure_movable(
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
	pub(crate) fn log(
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
	pub(crate) fn shift(
		contents: &Contents,
		from: Option<OrgId>,
		to: Option<OrgId>,
	) -> DispatchResult {
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
}
