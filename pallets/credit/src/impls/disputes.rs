//! An SME's dispute of an attestation and the regulator's ruling.

use super::*;

impl<T: Config> Pallet<T> {
	pub(crate) fn do_dispute(sme: OrgId, id: AttestationId, reason: H256) -> DispatchResult {
		let attestation = Self::attestation(id)?;
		ensure!(attestation.subject == sme, Error::<T>::NotSubject);
		ensure!(attestation.status == AttestationStatus::Active, Error::<T>::NotActive);
		ensure!(!Disputes::<T>::contains_key(id), Error::<T>::AlreadyDisputed);
		Self::ensure_not_frozen(id)?;
		let now = Self::now();
		let deadline = now.saturating_add(T::DisputeWindow::get());
		Disputes::<T>::insert(
			id,
			Dispute { reason, filed_at: now, deadline, status: DisputeStatus::Open },
		);
		Self::deposit_event(Event::Disputed { attestation: id, deadline });
		Ok(())
	}

	/// The undecided dispute of `id` with its attestation, if `decider` may decide it now: the
	/// attester before the deadline, the regulator of the subject's jurisdiction after it.
	pub(crate) fn decidable(
		decider: Decider,
		id: AttestationId,
	) -> Result<(Attestation, Dispute), DispatchError> {
		let attestation = Self::attestation(id)?;
		let dispute = Disputes::<T>::get(id).ok_or(Error::<T>::NoDispute)?;
		ensure!(dispute.is_undecided(), Error::<T>::DisputeDecided);
		Self::ensure_not_frozen(id)?;
		let overdue = Self::now() >= dispute.deadline;
		match decider {
			Decider::Attester(org) => {
				ensure!(attestation.attester == org, Error::<T>::NotAttester);
				ensure!(!overdue, Error::<T>::DeadlinePassed);
			},
			Decider::Regulator(org) => {
				ensure!(overdue, Error::<T>::DeadlineNotPassed);
				T::Membership::ensure_jurisdiction(org, attestation.subject)
					.map_err(Error::<T>::from)?;
			},
		}
		Ok((attestation, dispute))
	}

	pub(crate) fn do_uphold_dispute(decider: Decider, id: AttestationId) -> DispatchResult {
		let (attestation, mut dispute) = Self::decidable(decider, id)?;
		ensure!(attestation.status == AttestationStatus::Active, Error::<T>::NotActive);
		let now = Self::now();
		dispute.status = DisputeStatus::Upheld { by: decider.org(), at: now };
		Disputes::<T>::insert(id, dispute);
		Self::end(id, attestation, AttestationStatus::Revoked { at: now, reason: dispute.reason });
		Self::deposit_event(Event::DisputeUpheld { attestation: id, by: decider.org() });
		Self::deposit_event(Event::Revoked { attestation: id, reason: dispute.reason });
		Ok(())
	}

	pub(crate) fn do_reject_dispute(
		decider: Decider,
		id: AttestationId,
		reason: H256,
	) -> DispatchResult {
		let (_, mut dispute) = Self::decidable(decider, id)?;
		dispute.status = DisputeStatus::Rejected { by: decider.org(), at: Self::now(), reason };
		Disputes::<T>::insert(id, dispute);
		Self::deposit_event(Event::DisputeRejected { attestation: id, by: decider.org(), reason });
		Ok(())
	}

	pub(crate) fn do_mark_dispute_lapsed(id: AttestationId) -> DispatchResult {
		ensure!(Attestations::<T>::contains_key(id), Error::<T>::AttestationNotFound);
		let mut dispute = Disputes::<T>::get(id).ok_or(Error::<T>::NoDispute)?;
		ensure!(dispute.status == DisputeStatus::Open, Error::<T>::DisputeDecided);
		let now = Self::now();
		ensure!(now >= dispute.deadline, Error::<T>::DeadlineNotPassed);
		dispute.status = DisputeStatus::Lapsed { at: now };
		Disputes::<T>::insert(id, dispute);
		Self::deposit_event(Event::DisputeLapsed { attestation: id });
		Ok(())
	}
}
