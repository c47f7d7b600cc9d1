//! What the calls do, the queries of the runtime API, the shared freeze, and the storage
//! invariants.

use crate::{merkle, pallet::*, types::*, NOTARIZATION};
use alloc::vec::Vec;
use frame_support::{ensure, pallet_prelude::*};
use regchain_primitives::{
	paging, time::Moment, Freeze, FreezeDomain, Freezes, FrozenRecord, Membership, OrgId,
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
		Ok(Freezes::<Self>::ensure_not_frozen(id)?)
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
		ensure!(
			!Digests::<T>::contains_key((algorithm, digest))
				&& !BatchDigests::<T>::contains_key((algorithm, digest)),
			Error::<T>::AlreadyNotarized
		);
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

	pub(crate) fn do_index_batch_digest(
		owner: OrgId,
		id: RecordId,
		digest: H256,
		index: u32,
		proof: Proof,
	) -> DispatchResult {
		let record = Self::record(id)?;
		ensure!(record.owner == owner, Error::<T>::NotRecordOwner);
		let Anchor::Batch { algorithm, .. } = record.anchor else {
			return Err(Error::<T>::NotABatch.into());
		};
		Self::ensure_holds(&record, digest, index, &proof)?;
		ensure!(!BatchDigests::<T>::contains_key((algorithm, digest)), Error::<T>::AlreadyIndexed);
		// Ids grow with time: a single record of a lower id is older than the batch.
		if let Some(single) = Digests::<T>::get((algorithm, digest)) {
			ensure!(single > id, Error::<T>::NotEarlier);
		}
		BatchDigests::<T>::insert((algorithm, digest), (id, index));
		Self::deposit_event(Event::BatchDigestIndexed { id, digest, index });
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

	pub(crate) fn do_freeze(court: OrgId, id: RecordId, reason: H256) -> DispatchResult {
		Freezes::<Self>::freeze(court, id, reason).map(|_| ())
	}

	pub(crate) fn do_unfreeze(court: OrgId, id: RecordId) -> DispatchResult {
		Freezes::<Self>::unfreeze(court, id).map(|_| ())
	}

	fn verification(id: RecordId, digest: H256) -> Option<Verification> {
		Some(Verification {
			id,
			record: Records::<T>::get(id)?,
			batch_index: None,
			later: None,
			certifications: Certifications::<T>::iter_prefix_values((id, digest))
				.take(paging::QUERY_LIMIT as usize)
				.collect(),
			frozen: FrozenRecords::<T>::get(id),
		})
	}

	/// Whether `digest`, made by `algorithm`, is notarized, found by itself: its earliest
	/// record (the batch its owner indexed it in, naming a later single record; or its single
	/// record) and its certifications. Needs no account.
	pub fn verify_digest(algorithm: HashAlgorithm, digest: H256) -> Option<Verification> {
		let single = Digests::<T>::get((algorithm, digest));
		match BatchDigests::<T>::get((algorithm, digest)) {
			Some((batch, index)) => Self::verification(batch, digest).map(|v| Verification {
				batch_index: Some(index),
				later: single,
				..v
			}),
			None => Self::verification(single?, digest),
		}
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

	/// A record's certifications, each with its digest (each names its office): up to `limit`
	/// (at most 100) after the certification of `start_after` (digest, office), in storage
	/// order.
	pub fn certifications(
		id: RecordId,
		start_after: Option<(H256, OrgId)>,
		limit: u32,
	) -> Vec<(H256, Certification)> {
		let page = match start_after {
			Some((digest, office)) => Certifications::<T>::iter_prefix_from(
				(id,),
				Certifications::<T>::hashed_key_for((id, digest, office)),
			),
			None => Certifications::<T>::iter_prefix((id,)),
		};
		page.take(paging::page_size(limit) as usize)
			.map(|((digest, _), certification)| (digest, certification))
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
		let mut admitted = alloc::collections::BTreeMap::<RecordId, u32>::new();
		for ((id, digest, office), certification) in Certifications::<T>::iter() {
			let record = Records::<T>::get(id).ok_or("a certification of no record")?;
			if let Anchor::Digest { digest: own, .. } = record.anchor {
				ensure!(own == digest, "a single record's certification of another digest");
			}
			ensure!(certification.office == office, "a certification filed under another office");
			if matches!(certification.status, CertificationStatus::Admitted { .. }) {
				*admitted.entry(id).or_default() += 1;
			}
		}
		ensure!(
			Admissions::<T>::iter().collect::<alloc::collections::BTreeMap<_, _>>() == admitted,
			"a record's admissions differ from its admitted certifications"
		);
		for ((algorithm, digest), (batch, _)) in BatchDigests::<T>::iter() {
			let record = Records::<T>::get(batch).ok_or("an indexed batch digest of no record")?;
			ensure!(
				matches!(record.anchor, Anchor::Batch { algorithm: a, .. } if a == algorithm),
				"an indexed batch digest of no batch of its algorithm"
			);
			ensure!(
				Digests::<T>::get((algorithm, digest)).is_none_or(|single| single > batch),
				"an indexed batch digest later than a single record of it"
			);
		}
		Freezes::<Self>::check()?;
		Ok(())
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

// Queries (runtime API): the open regulatory actions.
impl<T: Config> Pallet<T> {
	/// Up to `limit` (at most [`regchain_primitives::paging::QUERY_LIMIT`]) of the frozen
	/// records, after `start_after`, each with its subject.
	pub fn frozen_records(start_after: Option<RecordId>, limit: u32) -> Vec<FrozenRecord> {
		Freezes::<Self>::listing(start_after, limit)
	}
}
