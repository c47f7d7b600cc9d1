//! Recalls and the one freeze of batches.

use super::*;

impl<T: Config> Pallet<T> {
	pub(crate) fn do_recall(regulator: OrgId, scope: RecallScope, reason: H256) -> DispatchResult {
		let recall = NextRecallId::<T>::get();
		let maker = match scope {
			RecallScope::Batch(id) => {
				let mut batch = Self::batch(id)?;
				T::Membership::ensure_jurisdiction(regulator, batch.manufacturer)
					.map_err(Error::<T>::from)?;
				ensure!(batch.recall.is_none(), Error::<T>::AlreadyRecalled);
				batch.recall = Some(recall);
				let maker = batch.manufacturer;
				Batches::<T>::insert(id, batch);
				maker
			},
			RecallScope::Class(id) => {
				let mut class = Classes::<T>::get(id).ok_or(Error::<T>::ClassNotFound)?;
				T::Membership::ensure_jurisdiction(regulator, class.owner)
					.map_err(Error::<T>::from)?;
				ensure!(class.recall.is_none(), Error::<T>::AlreadyRecalled);
				class.recall = Some(recall);
				let maker = class.owner;
				Classes::<T>::insert(id, class);
				maker
			},
		};
		NextRecallId::<T>::put(recall.checked_add(1).ok_or(ArithmeticError::Overflow)?);
		let at = Self::now();
		Recalls::<T>::insert(recall, Recall { scope, by: regulator, at, reason });
		LatestRecalls::<T>::insert(maker, at);
		Self::deposit_event(Event::Recalled { recall, scope, by: regulator });
		Ok(())
	}

	pub(crate) fn do_freeze(regulator: OrgId, batch: BatchId, reason: H256) -> DispatchResult {
		Freezes::<Self>::freeze(regulator, batch, reason).map(|_| ())
	}

	pub(crate) fn do_unfreeze(regulator: OrgId, batch: BatchId) -> DispatchResult {
		Freezes::<Self>::unfreeze(regulator, batch).map(|_| ())
	}
}

/// Batches under the one freeze of `regchain-primitives`: the pallet's own `freeze` call and a
/// supervision pallet go through it alike.
impl<T: Config> FreezeDomain for Pallet<T> {
	const DOMAIN: regchain_primitives::ClaimDomain = PROVENANCE;
	const SUPERVISION: regchain_primitives::Domain = regchain_primitives::Domain::Provenance;
	type Key = BatchId;
	type Map = FrozenBatches<T>;
	type Error = Error<T>;
	type Clock = T::UnixTime;

	fn subject(key: BatchId) -> Result<OrgId, DispatchError> {
		Ok(Batches::<T>::get(key).map(|b| b.manufacturer).ok_or(Error::<T>::BatchNotFound)?)
	}

	fn ensure_authority(regulator: OrgId, subject: OrgId) -> DispatchResult {
		Ok(T::Membership::ensure_jurisdiction(regulator, subject).map_err(Error::<T>::from)?)
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
