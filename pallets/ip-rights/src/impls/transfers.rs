//! Transferring a work to another member.

use super::*;

impl<T: Config> Pallet<T> {
	pub(crate) fn do_transfer(
		owner: OrgId,
		id: WorkId,
		to: OrgId,
		contract: H256,
	) -> DispatchResult {
		let work = Self::work(id)?;
		ensure!(work.owner == owner, Error::<T>::NotOwner);
		ensure!(to != owner, Error::<T>::AlreadyOwner);
		ensure!(T::Membership::is_active_org(to), Error::<T>::OrganizationNotFound);
		Self::ensure_not_frozen(id)?;
		ensure!(OpenDisputes::<T>::get(id).is_empty(), Error::<T>::UnderDispute);
		Self::change_owner(id, work, to, contract);
		Ok(())
	}

	/// Passes `work` to `to`: the old owner's open offers close.
	pub(crate) fn change_owner(
		id: WorkId,
		mut work: Work<T::AccountId>,
		to: OrgId,
		contract: H256,
	) {
		let from = work.owner;
		let now = Self::now();
		for offer in OpenOffers::<T>::take(id) {
			Offers::<T>::mutate(offer, |o| {
				if let Some(o) = o {
					o.status = OfferStatus::Closed { at: now };
				}
			});
			Self::deposit_event(Event::OfferClosed { offer });
		}
		WorksByOwner::<T>::remove(from, id);
		WorksByOwner::<T>::insert(to, id, ());
		work.owner = to;
		Works::<T>::insert(id, work);
		Self::deposit_event(Event::Transferred { work: id, from, to, contract });
	}
}
