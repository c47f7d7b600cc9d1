//! Putting evidence on chain: one digest, a batch's Merkle root, a batch member indexed.

use super::*;

impl<T: Config> Pallet<T> {
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
	pub(crate) fn ensure_holds(
		record: &Record,
		digest: H256,
		index: u32,
		proof: &[H256],
	) -> DispatchResult {
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
}
