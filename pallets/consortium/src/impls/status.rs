//! Renewal, suspension, resumption and revocation.

use super::*;

impl<T: Config> Pallet<T> {
	pub(crate) fn do_renew(org: OrgId, expires_at: Moment) -> DispatchResult {
		Self::check_term(expires_at)?;
		let record = Organizations::<T>::try_mutate(org, |record| {
			let record = record.as_mut().ok_or(Error::<T>::OrganizationNotFound)?;
			ensure!(record.status != OrgStatus::Revoked, Error::<T>::Revoked);
			record.expires_at = expires_at;
			Ok::<_, DispatchError>(record.clone())
		})?;
		Self::sync_council_if_agency(&record);
		Self::deposit_event(Event::MembershipRenewed { org, expires_at });
		Ok(())
	}

	/// Moves `org` to `target`: suspend (from active), resume (from suspended) or revoke.
	/// Revoking an agency frees its council seat; no suspension or revocation may leave fewer
	/// than `MinAgencies` agencies on the council.
	pub(crate) fn do_set_status(org: OrgId, target: OrgStatus) -> DispatchResult {
		let record = Organizations::<T>::try_mutate(org, |record| {
			let record = record.as_mut().ok_or(Error::<T>::OrganizationNotFound)?;
			// An active agency leaving (suspended or revoked): governance and the validators
			// must go on without it.
			let leaving = record.status == OrgStatus::Active && target != OrgStatus::Active;
			if leaving && matches!(record.kind, OrgKind::Agency(_)) {
				let seated = Council::<T>::get();
				if CouncilSeats::<T>::get(org).is_some_and(|s| seated.contains(&s)) {
					ensure!(
						seated.len().saturating_sub(1) >= T::MinAgencies::get() as usize,
						Error::<T>::TooFewAgencies
					);
				}
				T::AgencyDeparture::ensure_can_leave(org)?;
			}
			match (record.status, target) {
				(OrgStatus::Revoked, _) => return Err(Error::<T>::Revoked.into()),
				(OrgStatus::Suspended, OrgStatus::Suspended) => {
					return Err(Error::<T>::AlreadySuspended.into())
				},
				(OrgStatus::Active, OrgStatus::Active) => {
					return Err(Error::<T>::NotSuspended.into())
				},
				_ => {},
			}
			record.status = target;
			Ok::<_, DispatchError>(record.clone())
		})?;
		if target == OrgStatus::Revoked {
			CouncilSeats::<T>::remove(org);
		}
		Self::sync_council_if_agency(&record);
		Self::deposit_event(match target {
			OrgStatus::Suspended => Event::OrganizationSuspended { org },
			OrgStatus::Active => Event::OrganizationResumed { org },
			OrgStatus::Revoked => Event::OrganizationRevoked { org },
		});
		Ok(())
	}
}
