//! The one freeze of attestations.

use super::*;

impl<T: Config> Pallet<T> {
	pub(crate) fn do_freeze(regulator: OrgId, id: AttestationId, reason: H256) -> DispatchResult {
		Freezes::<Self>::freeze(regulator, id, reason).map(|_| ())
	}

	pub(crate) fn do_unfreeze(regulator: OrgId, id: AttestationId) -> DispatchResult {
		Freezes::<Self>::unfreeze(regulator, id).map(|_| ())
	}
}

/// Attestations under the one freeze of `regchain-primitives`: the credit regulator's own
/// `freeze` call and a supervision pallet go through it alike.
impl<T: Config> FreezeDomain for Pallet<T> {
	const DOMAIN: regchain_primitives::ClaimDomain = CREDIT;
	const SUPERVISION: regchain_primitives::Domain = regchain_primitives::Domain::Credit;
	type Key = AttestationId;
	type Map = FrozenAttestations<T>;
	type Error = Error<T>;
	type Clock = T::UnixTime;

	fn subject(id: AttestationId) -> Result<OrgId, DispatchError> {
		Ok(Attestations::<T>::get(id).ok_or(Error::<T>::AttestationNotFound)?.subject)
	}

	fn ensure_authority(regulator: OrgId, subject: OrgId) -> DispatchResult {
		Ok(T::Membership::ensure_jurisdiction(regulator, subject).map_err(Error::<T>::from)?)
	}

	fn on_frozen(attestation: AttestationId, freeze: &Freeze) -> DispatchResult {
		Self::deposit_event(Event::Frozen { attestation, by: freeze.by, reason: freeze.reason });
		Ok(())
	}

	fn on_unfrozen(attestation: AttestationId, by: OrgId) -> DispatchResult {
		Self::deposit_event(Event::Unfrozen { attestation, by });
		Ok(())
	}
}
