//! The court's freeze, and the records as evidence other pallets cite.

use super::*;

impl<T: Config> Pallet<T> {
	pub(crate) fn do_freeze(court: OrgId, id: RecordId, reason: H256) -> DispatchResult {
		Freezes::<Self>::freeze(court, id, reason).map(|_| ())
	}

	pub(crate) fn do_unfreeze(court: OrgId, id: RecordId) -> DispatchResult {
		Freezes::<Self>::unfreeze(court, id).map(|_| ())
	}
}

/// Notarized records under the one freeze of `regchain-primitives`: the pallet's own `freeze` call and a
/// supervision pallet go through it alike.
impl<T: Config> FreezeDomain for Pallet<T> {
	const DOMAIN: regchain_primitives::ClaimDomain = NOTARIZATION;
	const SUPERVISION: regchain_primitives::Domain = regchain_primitives::Domain::Notarization;
	type Key = RecordId;
	type Map = FrozenRecords<T>;
	type Error = Error<T>;
	type Clock = T::UnixTime;

	fn subject(key: RecordId) -> Result<OrgId, DispatchError> {
		Ok(Records::<T>::get(key).map(|r| r.owner).ok_or(Error::<T>::RecordNotFound)?)
	}

	fn ensure_authority(regulator: OrgId, subject: OrgId) -> DispatchResult {
		T::Membership::ensure_jurisdiction(regulator, subject).map_err(Error::<T>::from)?;
		Ok(())
	}

	fn on_frozen(id: RecordId, freeze: &Freeze) -> DispatchResult {
		Self::deposit_event(Event::Frozen { id, by: freeze.by, reason: freeze.reason });
		Ok(())
	}

	fn on_unfrozen(id: RecordId, by: OrgId) -> DispatchResult {
		Self::deposit_event(Event::Unfrozen { id, by });
		Ok(())
	}
}

impl<T: Config> regchain_primitives::EvidenceRecords for Pallet<T> {
	fn evidence(id: u64) -> Option<regchain_primitives::Evidence> {
		let record = Records::<T>::get(id)?;
		let admitted = Admissions::<T>::contains_key(id);
		Some(regchain_primitives::Evidence { owner: record.owner, at: record.at, admitted })
	}

	#[cfg(feature = "runtime-benchmarks")]
	fn make_evidence(owner: OrgId, admitted: bool) -> u64 {
		let mut bytes = [0xe7; 32];
		bytes[..8].copy_from_slice(&NextRecordId::<T>::get().to_le_bytes());
		let digest = H256(bytes);
		let anchor = Anchor::Digest { algorithm: HashAlgorithm::Sha256, digest };
		let record = Self::new_record(owner, anchor, EvidenceType::Other, H256::zero(), None);
		let id = Self::insert(record).expect("benchmarks stay far below u64::MAX records");
		Digests::<T>::insert((HashAlgorithm::Sha256, digest), id);
		if admitted {
			Admissions::<T>::insert(id, 1);
		}
		id
	}
}
