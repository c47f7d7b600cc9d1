//! Ownership and infringement disputes and the IP office's rulings.

use super::*;

impl<T: Config> Pallet<T> {
	pub(crate) fn do_file_dispute(
		claimant: OrgId,
		id: WorkId,
		kind: DisputeKind,
		evidence: EvidenceList,
		statement: H256,
	) -> DispatchResult {
		let work = Self::work(id)?;
		match kind {
			DisputeKind::Ownership => ensure!(work.owner != claimant, Error::<T>::AlreadyOwner),
			DisputeKind::Infringement { respondent } => {
				ensure!(respondent != claimant, Error::<T>::SelfAccused);
				ensure!(T::Membership::is_active_org(respondent), Error::<T>::OrganizationNotFound);
			},
		}
		ensure!(!evidence.is_empty(), Error::<T>::NoEvidence);
		for record in evidence.iter() {
			let cited = T::Evidence::evidence(*record).ok_or(Error::<T>::EvidenceNotFound)?;
			ensure!(cited.owner == claimant || cited.admitted, Error::<T>::EvidenceNotAdmissible);
		}
		let now = Self::now();
		if let Some(rejections) = RejectedClaims::<T>::get((id, claimant)) {
			ensure!(rejections.count < MAX_REJECTIONS, Error::<T>::ClaimantBarred);
			let waited_until = rejections.last.saturating_add(T::RefilingDelay::get());
			ensure!(now >= waited_until, Error::<T>::RefilingTooSoon);
		}
		let mut open = OpenDisputes::<T>::get(id);
		ensure!(!open.iter().any(|(_, c)| *c == claimant), Error::<T>::AlreadyDisputed);
		ensure!((open.len() as u32) < MAX_OPEN_DISPUTES, Error::<T>::TooManyDisputes);
		let dispute = Self::allocate::<NextDisputeId<T>>()?;
		open.try_push((dispute, claimant)).map_err(|_| Error::<T>::TooManyDisputes)?;
		OpenDisputes::<T>::insert(id, open);
		Disputes::<T>::insert(
			dispute,
			Dispute {
				work: id,
				claimant,
				kind,
				evidence,
				statement,
				filed_at: now,
				status: DisputeStatus::Open,
			},
		);
		DisputesByWork::<T>::insert(id, dispute, ());
		Self::deposit_event(Event::DisputeFiled { dispute, work: id, claimant, kind });
		Ok(())
	}

	pub(crate) fn open_dispute(id: DisputeId) -> Result<Dispute, DispatchError> {
		let dispute = Disputes::<T>::get(id).ok_or(Error::<T>::DisputeNotFound)?;
		ensure!(dispute.status == DisputeStatus::Open, Error::<T>::DisputeClosed);
		Ok(dispute)
	}

	/// Stores `dispute` as `status` and takes it off its work's open disputes.
	pub(crate) fn close_dispute(id: DisputeId, mut dispute: Dispute, status: DisputeStatus) {
		OpenDisputes::<T>::mutate(dispute.work, |open| open.retain(|(d, _)| *d != id));
		dispute.status = status;
		Disputes::<T>::insert(id, dispute);
	}

	pub(crate) fn do_withdraw_dispute(claimant: OrgId, id: DisputeId) -> DispatchResult {
		let dispute = Disputes::<T>::get(id).ok_or(Error::<T>::DisputeNotFound)?;
		ensure!(dispute.claimant == claimant, Error::<T>::NotClaimant);
		let dispute = Self::open_dispute(id)?;
		Self::close_dispute(id, dispute, DisputeStatus::Withdrawn { at: Self::now() });
		Self::deposit_event(Event::DisputeWithdrawn { dispute: id });
		Ok(())
	}

	/// An open dispute the office may decide now, and its work.
	pub(crate) fn decidable(
		office: OrgId,
		id: DisputeId,
	) -> Result<(Dispute, Work<T::AccountId>), DispatchError> {
		let dispute = Self::open_dispute(id)?;
		let work = Self::work(dispute.work)?;
		T::Membership::ensure_jurisdiction(office, work.owner).map_err(Error::<T>::from)?;
		Self::ensure_not_frozen(dispute.work)?;
		Ok((dispute, work))
	}

	pub(crate) fn do_uphold_dispute(
		office: OrgId,
		id: DisputeId,
		decision: H256,
	) -> DispatchResult {
		let (dispute, work) = Self::decidable(office, id)?;
		let now = Self::now();
		match dispute.kind {
			DisputeKind::Ownership => {
				ensure!(
					T::Membership::is_active_org(dispute.claimant),
					Error::<T>::OrganizationNotFound
				);
				Self::change_owner(dispute.work, work, dispute.claimant, decision);
			},
			DisputeKind::Infringement { respondent } => {
				let mut ended = false;
				for kind in [LicenceKind::Reprint, LicenceKind::Commercial] {
					let Some(licence) = CurrentLicence::<T>::get((dispute.work, respondent, kind))
					else {
						continue;
					};
					Licences::<T>::mutate(licence, |l| match l {
						Some(l) if l.is_valid(now) => {
							l.revoked = Some(now);
							ended = true;
							Self::deposit_event(Event::LicenceRevoked { licence });
						},
						_ => {},
					});
				}
				if ended {
					Self::recompute_horizons(dispute.work);
				}
				BarredLicensees::<T>::insert(dispute.work, respondent, id);
				Self::deposit_event(Event::LicenseeBarred {
					work: dispute.work,
					licensee: respondent,
					dispute: id,
				});
			},
		}
		Self::close_dispute(id, dispute, DisputeStatus::Upheld { by: office, at: now, decision });
		Self::deposit_event(Event::DisputeUpheld { dispute: id, by: office, decision });
		Ok(())
	}

	/// Sets each kind's licence horizon of `work` to the latest end of its licences that no
	/// dispute ended, reading at most [`MAX_HORIZON_WALK`] licences; a work with more keeps its
	/// horizons (never too early: an exclusive licence still waits for every licence).
	pub(crate) fn recompute_horizons(work: WorkId) {
		let ids: Vec<LicenceId> = LicencesByWork::<T>::iter_key_prefix(work)
			.take(MAX_HORIZON_WALK.saturating_add(1) as usize)
			.collect();
		if ids.len() > MAX_HORIZON_WALK as usize {
			return;
		}
		let (mut reprint, mut commercial) = (0, 0);
		for licence in ids.into_iter().filter_map(Licences::<T>::get) {
			if licence.revoked.is_some() {
				continue;
			}
			let horizon = match licence.kind {
				LicenceKind::Reprint => &mut reprint,
				LicenceKind::Commercial => &mut commercial,
			};
			*horizon = licence.until.max(*horizon);
		}
		LicenceHorizon::<T>::insert((work, LicenceKind::Reprint), reprint);
		LicenceHorizon::<T>::insert((work, LicenceKind::Commercial), commercial);
	}

	pub(crate) fn do_reject_dispute(office: OrgId, id: DisputeId, reason: H256) -> DispatchResult {
		let (dispute, _) = Self::decidable(office, id)?;
		let now = Self::now();
		RejectedClaims::<T>::mutate((dispute.work, dispute.claimant), |rejections| {
			let count = rejections.map_or(0, |r| r.count).saturating_add(1);
			*rejections = Some(Rejections { count, last: now });
		});
		let status = DisputeStatus::Rejected { by: office, at: now, reason };
		Self::close_dispute(id, dispute, status);
		Self::deposit_event(Event::DisputeRejected { dispute: id, by: office, reason });
		Ok(())
	}
}
