//! Certifications by notary offices and their rulings: admitted, challenged, withdrawn.

use super::*;

impl<T: Config> Pallet<T> {
	pub(crate) fn do_certify(
		office: OrgId,
		id: RecordId,
		digest: H256,
		index: u32,
		proof: Proof,
		certificate: H256,
		issued_on: Moment,
	) -> DispatchResult {
		let record = Self::record(id)?;
		T::Membership::ensure_jurisdiction(office, record.owner).map_err(Error::<T>::from)?;
		Self::ensure_not_frozen(id)?;
		Self::ensure_holds(&record, digest, index, &proof)?;
		ensure!(
			!Certifications::<T>::contains_key((id, digest, office)),
			Error::<T>::AlreadyCertified
		);
		let now = Self::now();
		ensure!(issued_on <= now, Error::<T>::IssuedInFuture);
		let certification = Certification {
			office,
			certificate,
			issued_on,
			at: now,
			status: CertificationStatus::Certified,
		};
		Certifications::<T>::insert((id, digest, office), certification);
		Self::deposit_event(Event::Certified { id, digest, office, certificate });
		Ok(())
	}

	/// `office`'s certification of `digest` in record `id`, if it gave one that may change.
	fn changeable(
		office: OrgId,
		id: RecordId,
		digest: H256,
	) -> Result<Certification, DispatchError> {
		let certification = Certifications::<T>::get((id, digest, office))
			.ok_or(Error::<T>::CertificationNotFound)?;
		Self::ensure_not_frozen(id)?;
		ensure!(
			!matches!(certification.status, CertificationStatus::Withdrawn { .. }),
			Error::<T>::Withdrawn
		);
		Ok(certification)
	}

	pub(crate) fn do_mark_admitted(
		office: OrgId,
		id: RecordId,
		digest: H256,
		case: H256,
	) -> DispatchResult {
		let status = CertificationStatus::Admitted { case, at: Self::now() };
		Self::change_status(office, id, digest, status, Event::Admitted { id, digest, case })
	}

	pub(crate) fn do_mark_challenged(
		office: OrgId,
		id: RecordId,
		digest: H256,
		case: H256,
	) -> DispatchResult {
		let status = CertificationStatus::Challenged { case, at: Self::now() };
		Self::change_status(office, id, digest, status, Event::Challenged { id, digest, case })
	}

	pub(crate) fn do_withdraw_certification(
		office: OrgId,
		id: RecordId,
		digest: H256,
		reason: H256,
	) -> DispatchResult {
		let status = CertificationStatus::Withdrawn { reason, at: Self::now() };
		let event = Event::CertificationWithdrawn { id, digest, reason };
		Self::change_status(office, id, digest, status, event)
	}

	/// Moves the certification of `digest` in record `id`, which `office` gave, to `status`,
	/// and says so with `event`. Refuses to record the same ruling in the same case twice
	/// (`Unchanged`): a second identical entry would only move its date.
	fn change_status(
		office: OrgId,
		id: RecordId,
		digest: H256,
		status: CertificationStatus,
		event: Event<T>,
	) -> DispatchResult {
		let mut certification = Self::changeable(office, id, digest)?;
		ensure!(!certification.status.repeated_by(&status), Error::<T>::Unchanged);
		let admitted = |s: &CertificationStatus| matches!(s, CertificationStatus::Admitted { .. });
		match (admitted(&certification.status), admitted(&status)) {
			(false, true) => {
				let count = Admissions::<T>::get(id).unwrap_or(0);
				Admissions::<T>::insert(id, count.checked_add(1).ok_or(Error::<T>::Overflow)?);
			},
			(true, false) => Admissions::<T>::mutate_exists(id, |count| {
				*count = count.and_then(|c| c.checked_sub(1)).filter(|c| *c > 0)
			}),
			_ => {},
		}
		certification.status = status;
		Certifications::<T>::insert((id, digest, office), certification);
		Self::deposit_event(event);
		Ok(())
	}
}
