//! Queries the runtime API serves.

use super::*;

impl<T: Config> Pallet<T> {
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

	/// Up to `limit` (at most [`regchain_primitives::paging::QUERY_LIMIT`]) of the frozen
	/// records, after `start_after`, each with its subject.
	pub fn frozen_records(start_after: Option<RecordId>, limit: u32) -> Vec<FrozenRecord> {
		Freezes::<Self>::listing(start_after, limit)
	}
}
