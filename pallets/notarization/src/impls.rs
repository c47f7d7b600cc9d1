//! What the calls do, the queries of the runtime API, the shared freeze, and the storage
//! invariants.

use crate::{merkle, pallet::*, types::*, NOTARIZATION};
use alloc::vec::Vec;
use frame_support::{ensure, pallet_prelude::*};
use regchain_primitives::{
	frozen_after, paging, time::Moment, FreezableRecords, Freeze, FrozenRecord, Membership, OrgId,
	RecordRef,
};
use sp_core::H256;
use sp_runtime::traits::UniqueSaturatedInto;

impl<T: Config> Pallet<T> {
	/// Now, in on-chain time.
	pub(crate) fn now() -> Moment {
		regchain_primitives::time::now::<T::UnixTime>()
	}

	fn record(id: RecordId) -> Result<Record, DispatchError> {
		Ok(Records::<T>::get(id).ok_or(Error::<T>::RecordNotFound)?)
	}

	fn ensure_not_frozen(id: RecordId) -> DispatchResult {
		ensure!(!FrozenRecords::<T>::contains_key(id), Error::<T>::Frozen);
		Ok(())
	}

	/// Stores `record` under the next id.
	fn insert(record: Record) -> Result<RecordId, DispatchError> {
		let id = NextRecordId::<T>::get();
		let next = id.checked_add(1).ok_or(sp_runtime::ArithmeticError::Overflow)?;
		NextRecordId::<T>::put(next);
		RecordsByOwner::<T>::insert(record.owner, id, ());
		Records::<T>::insert(id, record);
		Ok(id)
	}

	fn new_record(
		owner: OrgId,
		anchor: Anchor,
		evidence_type: EvidenceType,
		metadata: H256,
		case: Option<H256>,
	) -> Record {
		let block = frame_system::Pallet::<T>::block_number().unique_saturated_into();
		Record { owner, anchor, evidence_type, metadata, case, at: Self::now(), block }
	}

	pub(crate) fn do_notarize(
		owner: OrgId,
		algorithm: HashAlgorithm,
		digest: H256,
		evidence_type: EvidenceType,
		metadata: H256,
		case: Option<H256>,
	) -> DispatchResult {
		ensure!(!Digests::<T>::contains_key((algorithm, digest)), Error::<T>::AlreadyNotarized);
		let anchor = Anchor::Digest { algorithm, digest };
		let id = Self::insert(Self::new_record(owner, anchor, evidence_type, metadata, case))?;
		Digests::<T>::insert((algorithm, digest), id);
		Self::deposit_event(Event::Notarized { id, owner, algorithm, digest });
		Ok(())
	}

	pub(crate) fn do_anchor_batch(
		owner: OrgId,
		algorithm: HashAlgorithm,
		root: H256,
		leaves: u32,
		evidence_type: EvidenceType,
		metadata: H256,
		case: Option<H256>,
	) -> DispatchResult {
		ensure!(leaves > 0, Error::<T>::EmptyBatch);
		ensure!(!Roots::<T>::contains_key(root), Error::<T>::AlreadyNotarized);
		let anchor = Anchor::Batch { algorithm, root, leaves };
		let id = Self::insert(Self::new_record(owner, anchor, evidence_type, metadata, case))?;
		Roots::<T>::insert(root, id);
		Self::deposit_event(Event::BatchAnchored { id, owner, algorithm, root, leaves });
		Ok(())
	}

	/// Whether `digest` is the record's: its own digest (index 0, no proof), or the
	/// `index`-th of its batch by `proof`.
	fn ensure_holds(record: &Record, digest: H256, index: u32, proof: &[H256]) -> DispatchResult {
		match record.anchor {
			Anchor::Digest { digest: own, .. } => {
				ensure!(own == digest && index == 0 && proof.is_empty(), Error::<T>::NotInRecord);
			},
			Anchor::Batch { algorithm, root, leaves } => {
				ensure!(
					merkle::verify(&root, leaves, index, algorithm, &digest, proof),
					Error::<T>::InvalidProof
				);
			},
		}
		Ok(())
	}

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
		Self::ensure_not_frozen(id)?;
		Self::ensure_holds(&record, digest, index, &proof)?;
		ensure!(!Certifications::<T>::contains_key(id, digest), Error::<T>::AlreadyCertified);
		let now = Self::now();
		ensure!(issued_on <= now, Error::<T>::IssuedInFuture);
		let certification = Certification {
			office,
			certificate,
			issued_on,
			at: now,
			status: CertificationStatus::Certified,
		};
		Certifications::<T>::insert(id, digest, certification);
		Self::deposit_event(Event::Certified { id, digest, office, certificate });
		Ok(())
	}

	/// The certification of `digest` in record `id`, if `office` gave it and it may change.
	fn changeable(
		office: OrgId,
		id: RecordId,
		digest: H256,
	) -> Result<Certification, DispatchError> {
		let certification =
			Certifications::<T>::get(id, digest).ok_or(Error::<T>::CertificationNotFound)?;
		ensure!(certification.office == office, Error::<T>::NotCertifier);
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
		certification.status = status;
		Certifications::<T>::insert(id, digest, certification);
		Self::deposit_event(event);
		Ok(())
	}

	fn ensure_jurisdiction(court: OrgId, id: RecordId) -> DispatchResult {
		let owner = Self::record(id)?.owner;
		ensure!(T::Membership::has_jurisdiction(court, owner), Error::<T>::OutsideJurisdiction);
		Ok(())
	}

	pub(crate) fn do_freeze(court: OrgId, id: RecordId, reason: H256) -> DispatchResult {
		Self::ensure_jurisdiction(court, id)?;
		let freeze = Freeze { by: court, at: Self::now(), reason };
		<Self as FreezableRecords>::freeze(RecordRef::new(NOTARIZATION, id), freeze)?;
		Self::deposit_event(Event::Frozen { id, by: court, reason });
		Ok(())
	}

	pub(crate) fn do_unfreeze(court: OrgId, id: RecordId) -> DispatchResult {
		Self::ensure_jurisdiction(court, id)?;
		<Self as FreezableRecords>::unfreeze(RecordRef::new(NOTARIZATION, id))?;
		Self::deposit_event(Event::Unfrozen { id, by: court });
		Ok(())
	}

	fn verification(id: RecordId, digest: H256) -> Option<Verification> {
		Some(Verification {
			id,
			record: Records::<T>::get(id)?,
			certification: Certifications::<T>::get(id, digest),
			frozen: FrozenRecords::<T>::get(id),
		})
	}

	/// Whether `digest`, made by `algorithm`, is notarized on its own: the record and its
	/// certification. Needs no account.
	pub fn verify_digest(algorithm: HashAlgorithm, digest: H256) -> Option<Verification> {
		Self::verification(Digests::<T>::get((algorithm, digest))?, digest)
	}

	/// Whether `digest` is the `index`-th of batch record `id` by `proof` (at most
	/// [`MAX_PROOF_LEN`] hashes): the record and the digest's certification; `None` if the
	/// record is no batch of `algorithm`'s digests or the proof fails.
	pub fn verify_in_batch(
		id: RecordId,
		algorithm: HashAlgorithm,
		digest: H256,
		index: u32,
		proof: Vec<H256>,
	) -> Option<Verification> {
		if proof.len() > MAX_PROOF_LEN as usize {
			return None;
		}
		let record = Records::<T>::get(id)?;
		let Anchor::Batch { algorithm: batch_algorithm, root, leaves } = record.anchor else {
			return None;
		};
		(batch_algorithm == algorithm
			&& merkle::verify(&root, leaves, index, algorithm, &digest, &proof))
		.then(|| Self::verification(id, digest))
		.flatten()
	}

	/// The record of a batch root, if anchored.
	pub fn batch_of_root(root: H256) -> Option<(RecordId, Record)> {
		let id = Roots::<T>::get(root)?;
		Some((id, Records::<T>::get(id)?))
	}

	/// A record's certifications: up to `limit` (at most 100) after the digest `start_after`,
	/// in storage order.
	pub fn certifications(
		id: RecordId,
		start_after: Option<H256>,
		limit: u32,
	) -> Vec<(H256, Certification)> {
		paging::keys_after::<Certifications<T>, _, _, _>(id, start_after, limit)
			.into_iter()
			.filter_map(|digest| Certifications::<T>::get(id, digest).map(|c| (digest, c)))
			.collect()
	}

	/// An organization's records: up to `limit` (at most 100) after `start_after`, in storage
	/// order.
	pub fn records_of(
		owner: OrgId,
		start_after: Option<RecordId>,
		limit: u32,
	) -> Vec<(RecordId, Record)> {
		paging::keys_after::<RecordsByOwner<T>, _, _, _>(owner, start_after, limit)
			.into_iter()
			.filter_map(|id| Records::<T>::get(id).map(|r| (id, r)))
			.collect()
	}

	/// Checks the invariants listed in the crate docs; the error names the one that broke.
	pub fn do_try_state() -> Result<(), sp_runtime::TryRuntimeError> {
		let next = NextRecordId::<T>::get();
		let (mut digests, mut roots) = (0usize, 0usize);
		for (id, record) in Records::<T>::iter() {
			ensure!(id < next, "a record id beyond the counter");
			ensure!(
				RecordsByOwner::<T>::contains_key(record.owner, id),
				"a record missing from its owner's index"
			);
			match record.anchor {
				Anchor::Digest { algorithm, digest } => {
					digests += 1;
					ensure!(
						Digests::<T>::get((algorithm, digest)) == Some(id),
						"a digest missing from its index"
					);
				},
				Anchor::Batch { root, leaves, .. } => {
					roots += 1;
					ensure!(leaves > 0, "an empty batch");
					ensure!(
						Roots::<T>::get(root) == Some(id),
						"a batch root missing from its index"
					);
				},
			}
		}
		ensure!(
			Digests::<T>::iter_keys().count() == digests
				&& Roots::<T>::iter_keys().count() == roots,
			"an index names a record that does not hold it"
		);
		for (owner, id, ()) in RecordsByOwner::<T>::iter() {
			ensure!(
				Records::<T>::get(id).is_some_and(|r| r.owner == owner),
				"the owners' index names a record of another owner"
			);
		}
		for (id, digest, _) in Certifications::<T>::iter() {
			let record = Records::<T>::get(id).ok_or("a certification of no record")?;
			if let Anchor::Digest { digest: own, .. } = record.anchor {
				ensure!(own == digest, "a single record's certification of another digest");
			}
		}
		for id in FrozenRecords::<T>::iter_keys() {
			ensure!(Records::<T>::contains_key(id), "a freeze of no record");
		}
		Ok(())
	}
}

/// The shared freeze of `regchain-primitives`: a supervision pallet freezes records through it;
/// the courts' own `freeze` call goes through it too.
impl<T: Config> FreezableRecords for Pallet<T> {
	fn keeps(domain: regchain_primitives::ClaimDomain) -> bool {
		domain == NOTARIZATION
	}

	fn subject(record: RecordRef) -> Option<OrgId> {
		(record.domain == NOTARIZATION)
			.then(|| Records::<T>::get(record.id).map(|r| r.owner))
			.flatten()
	}

	fn frozen(record: RecordRef) -> Option<Freeze> {
		(record.domain == NOTARIZATION).then(|| FrozenRecords::<T>::get(record.id)).flatten()
	}

	fn freeze(record: RecordRef, freeze: Freeze) -> DispatchResult {
		ensure!(Self::subject(record).is_some(), Error::<T>::RecordNotFound);
		ensure!(!FrozenRecords::<T>::contains_key(record.id), Error::<T>::Frozen);
		FrozenRecords::<T>::insert(record.id, freeze);
		Ok(())
	}

	fn unfreeze(record: RecordRef) -> DispatchResult {
		ensure!(Self::subject(record).is_some(), Error::<T>::RecordNotFound);
		ensure!(FrozenRecords::<T>::contains_key(record.id), Error::<T>::NotFrozen);
		FrozenRecords::<T>::remove(record.id);
		Ok(())
	}
}

impl<T: Config> regchain_primitives::EvidenceRecords for Pallet<T> {
	fn evidence(id: u64) -> Option<regchain_primitives::Evidence> {
		Records::<T>::get(id).map(|r| regchain_primitives::Evidence { owner: r.owner, at: r.at })
	}

	#[cfg(feature = "runtime-benchmarks")]
	fn make_evidence(owner: OrgId) -> u64 {
		let mut bytes = [0xe7; 32];
		bytes[..8].copy_from_slice(&NextRecordId::<T>::get().to_le_bytes());
		let digest = H256(bytes);
		let anchor = Anchor::Digest { algorithm: HashAlgorithm::Sha256, digest };
		let record = Self::new_record(owner, anchor, EvidenceType::Other, H256::zero(), None);
		let id = Self::insert(record).expect("benchmarks stay far below u64::MAX records");
		Digests::<T>::insert((HashAlgorithm::Sha256, digest), id);
		id
	}
}

// Queries (runtime API): the open regulatory actions.
impl<T: Config> Pallet<T> {
	/// Up to `limit` (at most [`regchain_primitives::paging::QUERY_LIMIT`]) of the frozen
	/// records, after `start_after`, each with its subject.
	pub fn frozen_records(start_after: Option<RecordId>, limit: u32) -> Vec<FrozenRecord> {
		frozen_after::<FrozenRecords<T>, _, Self>(NOTARIZATION, start_after, limit)
	}
}
