//! Registering a work with its authors' signed declarations.

use super::*;

impl<T: Config> Pallet<T> {
	/// The message an author signs to declare a work:
	/// `(b"regchain/work", genesis hash, fingerprint, extra, work_type, metadata, owner,
	/// [(author, share)…], nonce)`, SCALE-encoded. The genesis hash keeps it to this chain, the
	/// owner to the organization the author chose, the list to the shares every author agreed
	/// to, the author's nonce to one registration.
	pub fn declaration(
		fingerprint: H256,
		extra: &Fingerprints,
		work_type: WorkType,
		metadata: H256,
		owner: OrgId,
		authors: &[(T::AccountId, u16)],
		nonce: u64,
	) -> Vec<u8> {
		let genesis = frame_system::Pallet::<T>::block_hash(
			frame_system::pallet_prelude::BlockNumberFor::<T>::zero(),
		);
		(b"regchain/work", genesis, fingerprint, extra, work_type, metadata, owner, authors, nonce)
			.encode()
	}

	pub(crate) fn do_register_work(
		owner: OrgId,
		fingerprint: H256,
		extra: Fingerprints,
		work_type: WorkType,
		metadata: H256,
		declarations: Declarations<T::AccountId, T::AuthorSignature>,
	) -> DispatchResult {
		ensure!(!fingerprint.is_zero(), Error::<T>::EmptyFingerprint);
		ensure!(!declarations.is_empty(), Error::<T>::NoAuthors);
		let mut total: u32 = 0;
		for (i, d) in declarations.iter().enumerate() {
			ensure!(d.share > 0, Error::<T>::ZeroShare);
			ensure!(
				!declarations.iter().take(i).any(|earlier| earlier.key == d.key),
				Error::<T>::DuplicateAuthor
			);
			total = total.saturating_add(d.share.into());
		}
		ensure!(total == u32::from(FULL_SHARE), Error::<T>::SharesDoNotSum);
		let shares: Vec<(T::AccountId, u16)> =
			declarations.iter().map(|d| (d.key.clone(), d.share)).collect();
		for d in declarations.iter() {
			ensure!(AuthorNonces::<T>::get(&d.key) == d.nonce, Error::<T>::InvalidNonce);
			let message = Self::declaration(
				fingerprint,
				&extra,
				work_type,
				metadata,
				owner,
				&shares,
				d.nonce,
			);
			ensure!(d.signature.verify(&message[..], &d.key), Error::<T>::InvalidAuthorSignature);
		}
		ensure!(!WorkByFingerprint::<T>::contains_key(fingerprint), Error::<T>::AlreadyRegistered);

		let id = Self::allocate::<NextWorkId<T>>()?;
		for d in declarations.iter() {
			// The nonce matched the stored one, which stays far below u64::MAX.
			AuthorNonces::<T>::insert(&d.key, d.nonce.saturating_add(1));
			WorksByAuthor::<T>::insert(&d.key, id, ());
		}
		let authors = declarations
			.into_iter()
			.map(|d| Author { key: d.key, share: d.share })
			.collect::<Vec<_>>()
			.try_into()
			.map_err(|_| Error::<T>::NoAuthors)?;
		let block = frame_system::Pallet::<T>::current_block_number().unique_saturated_into();
		let work = Work {
			fingerprint,
			extra,
			work_type,
			metadata,
			owner,
			authors,
			registered_at: Self::now(),
			block,
		};
		Works::<T>::insert(id, work);
		WorkByFingerprint::<T>::insert(fingerprint, id);
		WorksByOwner::<T>::insert(owner, id, ());
		Self::deposit_event(Event::WorkRegistered { id, fingerprint, owner });
		Ok(())
	}
}
