//! `try_state`: the invariants the crate docs list, each checked by name.

use super::*;

impl<T: Config> Pallet<T> {
	/// Checks the invariants listed in the crate docs.
	pub fn do_try_state() -> Result<(), sp_runtime::TryRuntimeError> {
		let next_work = NextWorkId::<T>::get();
		for (id, work) in Works::<T>::iter() {
			ensure!(id < next_work, "a work's id is not below NextWorkId");
			ensure!(
				WorkByFingerprint::<T>::get(work.fingerprint) == Some(id),
				"a work is not indexed under its fingerprint"
			);
			ensure!(
				WorksByOwner::<T>::contains_key(work.owner, id),
				"a work is not indexed under its owner"
			);
			ensure!(!work.authors.is_empty(), "a work has no author");
			let total: u32 = work.authors.iter().map(|a| u32::from(a.share)).sum();
			ensure!(total == u32::from(FULL_SHARE), "a work's shares do not sum to 10,000");
			for author in work.authors.iter() {
				ensure!(
					WorksByAuthor::<T>::contains_key(&author.key, id),
					"a work is not indexed under an author"
				);
			}
		}
		for (fingerprint, id) in WorkByFingerprint::<T>::iter() {
			ensure!(
				Works::<T>::get(id).is_some_and(|w| w.fingerprint == fingerprint),
				"a fingerprint index entry names a work of another fingerprint"
			);
		}
		for (owner, id, ()) in WorksByOwner::<T>::iter() {
			ensure!(
				Works::<T>::get(id).is_some_and(|w| w.owner == owner),
				"an owner index entry names a work of another owner"
			);
		}
		for (author, id, ()) in WorksByAuthor::<T>::iter() {
			ensure!(
				Works::<T>::get(id).is_some_and(|w| w.authors.iter().any(|a| a.key == author)),
				"an author index entry names a work without that author"
			);
		}

		let next_offer = NextOfferId::<T>::get();
		for (id, offer) in Offers::<T>::iter() {
			ensure!(id < next_offer, "an offer's id is not below NextOfferId");
			ensure!(
				OpenOffers::<T>::get(offer.work).contains(&id)
					== (offer.status == OfferStatus::Open),
				"a work's open offers are not its offers with status Open"
			);
		}
		for (work, open) in OpenOffers::<T>::iter() {
			for id in open {
				ensure!(
					Offers::<T>::get(id).is_some_and(|o| o.work == work),
					"an open offer is listed under another work"
				);
			}
		}

		let next_licence = NextLicenceId::<T>::get();
		for (id, licence) in Licences::<T>::iter() {
			ensure!(id < next_licence, "a licence's id is not below NextLicenceId");
			ensure!(
				LicencesByWork::<T>::contains_key(licence.work, id)
					&& LicencesByLicensee::<T>::contains_key(licence.licensee, id),
				"a licence is not indexed under its work and licensee"
			);
			ensure!(
				licence.revoked.is_some()
					|| LicenceHorizon::<T>::get((licence.work, licence.kind)) >= licence.until,
				"a licence ends after its kind's horizon"
			);
		}
		for ((work, licensee, kind), id) in CurrentLicence::<T>::iter() {
			ensure!(
				Licences::<T>::get(id)
					.is_some_and(|l| l.work == work && l.licensee == licensee && l.kind == kind),
				"a current licence is of another work, licensee or kind"
			);
		}
		for ((work, kind), id) in ExclusiveLicence::<T>::iter() {
			ensure!(
				Licences::<T>::get(id)
					.is_some_and(|l| l.work == work && l.kind == kind && l.exclusive),
				"an exclusive licence entry names another work's, kind's or a plain licence"
			);
		}

		let next_dispute = NextDisputeId::<T>::get();
		for (id, dispute) in Disputes::<T>::iter() {
			ensure!(id < next_dispute, "a dispute's id is not below NextDisputeId");
			ensure!(
				DisputesByWork::<T>::contains_key(dispute.work, id),
				"a dispute is not indexed under its work"
			);
			ensure!(
				OpenDisputes::<T>::get(dispute.work).contains(&(id, dispute.claimant))
					== (dispute.status == DisputeStatus::Open),
				"a work's open disputes are not its disputes with status Open"
			);
		}
		for (work, open) in OpenDisputes::<T>::iter() {
			for (id, _) in open {
				ensure!(
					Disputes::<T>::get(id).is_some_and(|d| d.work == work),
					"an open dispute is listed under another work"
				);
			}
		}
		Freezes::<Self>::check()?;
		for (work, _, _) in BarredLicensees::<T>::iter() {
			ensure!(Works::<T>::contains_key(work), "a bar concerns no work");
		}
		for ((work, _), _) in RejectedClaims::<T>::iter() {
			ensure!(Works::<T>::contains_key(work), "rejections concern no work");
		}
		Ok(())
	}
}
