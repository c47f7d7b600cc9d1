//! The storage invariants (`try_state`).

use super::*;

impl<T: Config> Pallet<T> {
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
