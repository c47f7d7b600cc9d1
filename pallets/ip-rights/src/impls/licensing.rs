//! Licence offers, licences taken, and the bar on licensing.

use super::*;

impl<T: Config> Pallet<T> {
	pub(crate) fn do_publish_offer(owner: OrgId, id: WorkId, terms: OfferTerms) -> DispatchResult {
		let work = Self::work(id)?;
		ensure!(work.owner == owner, Error::<T>::NotOwner);
		Self::ensure_not_frozen(id)?;
		ensure!(
			terms.opens < terms.closes && terms.closes > Self::now() && terms.licence_term > 0,
			Error::<T>::InvalidOfferDates
		);
		ensure!(terms.max_licences != Some(0), Error::<T>::ZeroLimit);
		let mut open = OpenOffers::<T>::get(id);
		ensure!((open.len() as u32) < MAX_OPEN_OFFERS, Error::<T>::TooManyOffers);
		let offer = Self::allocate::<NextOfferId<T>>()?;
		open.try_push(offer).map_err(|_| Error::<T>::TooManyOffers)?;
		OpenOffers::<T>::insert(id, open);
		let (kind, exclusive) = (terms.kind, terms.exclusive);
		Offers::<T>::insert(
			offer,
			Offer { work: id, by: owner, terms, taken: 0, status: OfferStatus::Open },
		);
		Self::deposit_event(Event::OfferPublished { offer, work: id, kind, exclusive });
		Ok(())
	}

	pub(crate) fn do_withdraw_offer(owner: OrgId, id: OfferId) -> DispatchResult {
		let mut offer = Offers::<T>::get(id).ok_or(Error::<T>::OfferNotFound)?;
		ensure!(offer.status == OfferStatus::Open, Error::<T>::OfferClosed);
		ensure!(Self::work(offer.work)?.owner == owner, Error::<T>::NotOwner);
		OpenOffers::<T>::mutate(offer.work, |open| open.retain(|o| *o != id));
		offer.status = OfferStatus::Withdrawn { at: Self::now() };
		Offers::<T>::insert(id, offer);
		Self::deposit_event(Event::OfferWithdrawn { offer: id });
		Ok(())
	}

	/// Whether licence `id` (if any) is valid at `now`.
	pub(crate) fn valid(id: Option<LicenceId>, now: Moment) -> bool {
		id.and_then(Licences::<T>::get).is_some_and(|l| l.is_valid(now))
	}

	pub(crate) fn do_take_licence(licensee: OrgId, id: OfferId, payment: H256) -> DispatchResult {
		let mut offer = Offers::<T>::get(id).ok_or(Error::<T>::OfferNotFound)?;
		ensure!(offer.status == OfferStatus::Open, Error::<T>::OfferClosed);
		let now = Self::now();
		let terms = offer.terms.clone();
		ensure!(now >= terms.opens, Error::<T>::OfferNotOpen);
		ensure!(now < terms.closes, Error::<T>::OfferExpired);
		ensure!(terms.max_licences.is_none_or(|max| offer.taken < max), Error::<T>::OfferExhausted);
		let work = offer.work;
		ensure!(Self::work(work)?.owner != licensee, Error::<T>::AlreadyOwner);
		ensure!(!BarredLicensees::<T>::contains_key(work, licensee), Error::<T>::LicenseeBarred);
		Self::ensure_not_frozen(work)?;
		let kind = terms.kind;
		ensure!(
			!Self::valid(CurrentLicence::<T>::get((work, licensee, kind)), now),
			Error::<T>::AlreadyLicensed
		);
		ensure!(
			!Self::valid(ExclusiveLicence::<T>::get((work, kind)), now),
			Error::<T>::ExclusivelyLicensed
		);
		if terms.exclusive {
			ensure!(OpenDisputes::<T>::get(work).is_empty(), Error::<T>::UnderDispute);
			ensure!(LicenceHorizon::<T>::get((work, kind)) <= now, Error::<T>::LicencesActive);
		}
		let until = now.checked_add(terms.licence_term).ok_or(Error::<T>::Overflow)?;
		offer.taken = offer.taken.checked_add(1).ok_or(Error::<T>::OfferExhausted)?;

		let licence = Self::allocate::<NextLicenceId<T>>()?;
		let exclusive = terms.exclusive;
		Licences::<T>::insert(
			licence,
			Licence {
				work,
				offer: id,
				licensee,
				kind,
				exclusive,
				price: terms.price,
				payment,
				from: now,
				until,
				revoked: None,
			},
		);
		LicencesByWork::<T>::insert(work, licence, ());
		LicencesByLicensee::<T>::insert(licensee, licence, ());
		CurrentLicence::<T>::insert((work, licensee, kind), licence);
		if exclusive {
			ExclusiveLicence::<T>::insert((work, kind), licence);
		}
		LicenceHorizon::<T>::mutate((work, kind), |h| *h = (*h).max(until));
		Offers::<T>::insert(id, offer);
		Self::deposit_event(Event::LicenceTaken { licence, offer: id, work, licensee, until });
		Ok(())
	}

	pub(crate) fn do_lift_licence_bar(
		owner: OrgId,
		work: WorkId,
		licensee: OrgId,
	) -> DispatchResult {
		ensure!(Self::work(work)?.owner == owner, Error::<T>::NotOwner);
		ensure!(BarredLicensees::<T>::contains_key(work, licensee), Error::<T>::NotBarred);
		BarredLicensees::<T>::remove(work, licensee);
		Self::deposit_event(Event::LicenceBarLifted { work, licensee });
		Ok(())
	}
}
