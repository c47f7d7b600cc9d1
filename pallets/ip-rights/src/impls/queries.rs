//! Queries the runtime API serves.

use super::*;

impl<T: Config> Pallet<T> {
	// Queries (runtime API).

	/// The work registered under `fingerprint`: who holds priority, since when.
	pub fn work_by_fingerprint(fingerprint: H256) -> Option<(WorkId, Work<T::AccountId>)> {
		let id = WorkByFingerprint::<T>::get(fingerprint)?;
		Some((id, Works::<T>::get(id)?))
	}

	pub(crate) fn works_of(ids: Vec<WorkId>) -> Vec<(WorkId, Work<T::AccountId>)> {
		ids.into_iter().filter_map(|id| Works::<T>::get(id).map(|w| (id, w))).collect()
	}

	/// The works an author's key declared, after `start_after`.
	pub fn works_of_author(
		author: T::AccountId,
		start_after: Option<WorkId>,
		limit: u32,
	) -> Vec<(WorkId, Work<T::AccountId>)> {
		Self::works_of(paging::keys_after::<WorksByAuthor<T>, _, _, _>(author, start_after, limit))
	}

	/// The works an organization owns, after `start_after`.
	pub fn works_of_owner(
		owner: OrgId,
		start_after: Option<WorkId>,
		limit: u32,
	) -> Vec<(WorkId, Work<T::AccountId>)> {
		Self::works_of(paging::keys_after::<WorksByOwner<T>, _, _, _>(owner, start_after, limit))
	}

	/// A work's open offers.
	pub fn open_offers(work: WorkId) -> Vec<(OfferId, Offer)> {
		OpenOffers::<T>::get(work)
			.into_iter()
			.filter_map(|id| Offers::<T>::get(id).map(|o| (id, o)))
			.collect()
	}

	/// A work's licences, after `start_after`.
	pub fn licences_of_work(
		work: WorkId,
		start_after: Option<LicenceId>,
		limit: u32,
	) -> Vec<(LicenceId, Licence)> {
		paging::keys_after::<LicencesByWork<T>, _, _, _>(work, start_after, limit)
			.into_iter()
			.filter_map(|id| Licences::<T>::get(id).map(|l| (id, l)))
			.collect()
	}

	/// A work's disputes, after `start_after`.
	pub fn disputes_of_work(
		work: WorkId,
		start_after: Option<DisputeId>,
		limit: u32,
	) -> Vec<(DisputeId, Dispute)> {
		paging::keys_after::<DisputesByWork<T>, _, _, _>(work, start_after, limit)
			.into_iter()
			.filter_map(|id| Disputes::<T>::get(id).map(|d| (id, d)))
			.collect()
	}

	/// Whether `account` may use `work` for `kind` now: as the owner's, or under a valid
	/// licence of its organization. Needs no signature: a platform asks before it reprints.
	pub fn licence_check(work: WorkId, account: T::AccountId, kind: LicenceKind) -> LicenceCheck {
		let (Some(member), Some(w)) = (T::Membership::member(&account), Works::<T>::get(work))
		else {
			return LicenceCheck::NotLicensed;
		};
		if w.owner == member.org {
			return LicenceCheck::Owner;
		}
		let now = Self::now();
		CurrentLicence::<T>::get((work, member.org, kind))
			.and_then(|id| Licences::<T>::get(id).map(|l| (id, l)))
			.filter(|(_, l)| l.is_valid(now))
			.map_or(LicenceCheck::NotLicensed, |(id, l)| LicenceCheck::Licensed {
				id,
				until: l.until,
				exclusive: l.exclusive,
			})
	}
}

// Queries (runtime API): the open regulatory actions.
impl<T: Config> Pallet<T> {
	/// Up to `limit` (at most [`regchain_primitives::paging::QUERY_LIMIT`]) of the frozen
	/// works, after `start_after`, each with its subject.
	pub fn frozen_works(start_after: Option<WorkId>, limit: u32) -> Vec<FrozenRecord> {
		Freezes::<Self>::listing(start_after, limit)
	}
}
