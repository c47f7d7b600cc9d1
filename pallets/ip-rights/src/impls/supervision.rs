//! The one freeze of works.

use super::*;

impl<T: Config> Pallet<T> {
	pub(crate) fn do_freeze(office: OrgId, work: WorkId, reason: H256) -> DispatchResult {
		Freezes::<Self>::freeze(office, work, reason).map(|_| ())
	}

	pub(crate) fn do_unfreeze(office: OrgId, work: WorkId) -> DispatchResult {
		Freezes::<Self>::unfreeze(office, work).map(|_| ())
	}
}

/// Registered works under the one freeze of `regchain-primitives`: the pallet's own `freeze` call and a
/// supervision pallet go through it alike.
impl<T: Config> FreezeDomain for Pallet<T> {
	const DOMAIN: regchain_primitives::ClaimDomain = IP_RIGHTS;
	const SUPERVISION: regchain_primitives::Domain = regchain_primitives::Domain::IpRights;
	type Key = WorkId;
	type Map = FrozenWorks<T>;
	type Error = Error<T>;
	type Clock = T::UnixTime;

	fn subject(key: WorkId) -> Result<OrgId, DispatchError> {
		Ok(Works::<T>::get(key).map(|w| w.owner).ok_or(Error::<T>::WorkNotFound)?)
	}

	fn ensure_authority(regulator: OrgId, subject: OrgId) -> DispatchResult {
		T::Membership::ensure_jurisdiction(regulator, subject).map_err(Error::<T>::from)?;
		Ok(())
	}

	fn on_frozen(work: WorkId, freeze: &Freeze) -> DispatchResult {
		Self::deposit_event(Event::Frozen { work, by: freeze.by, reason: freeze.reason });
		Ok(())
	}

	fn on_unfrozen(work: WorkId, by: OrgId) -> DispatchResult {
		Self::deposit_event(Event::Unfrozen { work, by });
		Ok(())
	}
}
