//! Benchmarks of every call, each on its most expensive path: certification of a batch digest
//! by a proof of every length up to the bound (the court's jurisdiction read), a court's
//! freeze reading its jurisdiction, a ruling that ends an admission (the count rewritten).

use super::*;
use crate::pallet::{Admissions, Certifications, FrozenRecords, NextRecordId, Records};
use frame_benchmarking::v2::*;
use frame_support::traits::EnsureOrigin;
use regchain_primitives::{member_origin, Freeze};
use sp_core::H256;
use sp_runtime::traits::{BlakeTwo256, Hash};

/// The origin `O` stands for, and its organization.
fn caller<T: Config, O: EnsureOrigin<T::RuntimeOrigin, Success = (T::AccountId, OrgId)>>(
) -> Result<(T::RuntimeOrigin, OrgId), BenchmarkError> {
	member_origin::<O, _, _>().map_err(|_| BenchmarkError::Weightless)
}

/// A batch whose first digest has a proof of `p` hashes: the root is folded from the leaf up,
/// as `merkle::verify` folds it for index 0.
fn deep_batch<T: Config>(owner: OrgId, p: u32) -> Result<(RecordId, H256, Proof), BenchmarkError> {
	let digest = H256::repeat_byte(0xd1);
	let proof: alloc::vec::Vec<H256> = (0..p).map(|i| H256::repeat_byte(i as u8)).collect();
	let leaf = BlakeTwo256::hash(&merkle::leaf_preimage(HashAlgorithm::Sm3, &digest));
	let root = proof.iter().fold(leaf, |acc, sibling| {
		BlakeTwo256::hash(&[acc.as_bytes(), sibling.as_bytes()].concat())
	});
	let leaves = 1u32.checked_shl(p).unwrap_or(u32::MAX).max(2);
	let id = NextRecordId::<T>::get();
	Pallet::<T>::do_anchor_batch(
		owner,
		HashAlgorithm::Sm3,
		root,
		leaves,
		EvidenceType::Other,
		H256::zero(),
		None,
	)?;
	Ok((id, digest, proof.try_into().expect("bounded")))
}

/// A single digest's record, certified by `office` and admitted in a case if `admitted`.
fn certified<T: Config>(
	owner: OrgId,
	office: OrgId,
	admitted: bool,
) -> Result<(RecordId, H256), BenchmarkError> {
	let digest = H256::repeat_byte(0xd2);
	let id = NextRecordId::<T>::get();
	Pallet::<T>::do_notarize(
		owner,
		HashAlgorithm::Sha256,
		digest,
		EvidenceType::Contract,
		H256::zero(),
		Some(H256::zero()),
	)?;
	Pallet::<T>::do_certify(office, id, digest, 0, Proof::default(), H256::zero(), 0)?;
	if admitted {
		Pallet::<T>::do_mark_admitted(office, id, digest, H256::repeat_byte(0xca))?;
	}
	Ok((id, digest))
}

#[benchmarks]
mod benchmarks {
	use super::*;

	#[benchmark]
	fn notarize() -> Result<(), BenchmarkError> {
		let (origin, _) = caller::<T, T::SubmitterOrigin>()?;
		#[extrinsic_call]
		_(
			origin as T::RuntimeOrigin,
			HashAlgorithm::Sm3,
			H256::repeat_byte(1),
			EvidenceType::Document,
			H256::zero(),
			Some(H256::zero()),
		);
		assert!(Records::<T>::contains_key(0));
		Ok(())
	}

	#[benchmark]
	fn anchor_batch() -> Result<(), BenchmarkError> {
		let (origin, _) = caller::<T, T::SubmitterOrigin>()?;
		#[extrinsic_call]
		_(
			origin as T::RuntimeOrigin,
			HashAlgorithm::Sm3,
			H256::repeat_byte(1),
			u32::MAX,
			EvidenceType::Document,
			H256::zero(),
			Some(H256::zero()),
		);
		assert!(Records::<T>::contains_key(0));
		Ok(())
	}

	#[benchmark]
	fn certify(p: Linear<0, MAX_PROOF_LEN>) -> Result<(), BenchmarkError> {
		let (_, owner) = caller::<T, T::SubmitterOrigin>()?;
		let (origin, _) = caller::<T, T::NotaryOrigin>()?;
		let (id, digest, proof) = deep_batch::<T>(owner, p)?;
		let today = Pallet::<T>::now();
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, id, digest, 0, proof, H256::zero(), today);
		assert!(Certifications::<T>::iter_prefix_values((id, digest)).next().is_some());
		Ok(())
	}

	#[benchmark]
	fn mark_admitted() -> Result<(), BenchmarkError> {
		let (_, owner) = caller::<T, T::SubmitterOrigin>()?;
		let (origin, office) = caller::<T, T::NotaryOrigin>()?;
		let (id, digest) = certified::<T>(owner, office, false)?;
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, id, digest, H256::repeat_byte(1));
		assert!(Certifications::<T>::get((id, digest, office))
			.is_some_and(|c| matches!(c.status, CertificationStatus::Admitted { .. })));
		assert_eq!(Admissions::<T>::get(id), Some(1));
		Ok(())
	}

	#[benchmark]
	fn mark_challenged() -> Result<(), BenchmarkError> {
		let (_, owner) = caller::<T, T::SubmitterOrigin>()?;
		let (origin, office) = caller::<T, T::NotaryOrigin>()?;
		let (id, digest) = certified::<T>(owner, office, true)?;
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, id, digest, H256::repeat_byte(1));
		assert!(Certifications::<T>::get((id, digest, office))
			.is_some_and(|c| matches!(c.status, CertificationStatus::Challenged { .. })));
		assert_eq!(Admissions::<T>::get(id), None);
		Ok(())
	}

	#[benchmark]
	fn withdraw_certification() -> Result<(), BenchmarkError> {
		let (_, owner) = caller::<T, T::SubmitterOrigin>()?;
		let (origin, office) = caller::<T, T::NotaryOrigin>()?;
		let (id, digest) = certified::<T>(owner, office, true)?;
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, id, digest, H256::repeat_byte(1));
		assert!(Certifications::<T>::get((id, digest, office))
			.is_some_and(|c| matches!(c.status, CertificationStatus::Withdrawn { .. })));
		assert_eq!(Admissions::<T>::get(id), None);
		Ok(())
	}

	/// A digest of a batch, with a proof of `p` hashes, that a later single record holds too.
	#[benchmark]
	fn index_batch_digest(p: Linear<0, MAX_PROOF_LEN>) -> Result<(), BenchmarkError> {
		let (origin, owner) = caller::<T, T::SubmitterOrigin>()?;
		let (id, digest, proof) = deep_batch::<T>(owner, p)?;
		Pallet::<T>::do_notarize(
			owner,
			HashAlgorithm::Sm3,
			digest,
			EvidenceType::Other,
			H256::zero(),
			None,
		)?;
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, id, digest, 0, proof);
		assert_eq!(
			crate::pallet::BatchDigests::<T>::get((HashAlgorithm::Sm3, digest)),
			Some((id, 0))
		);
		Ok(())
	}

	#[benchmark]
	fn freeze() -> Result<(), BenchmarkError> {
		let (_, owner) = caller::<T, T::SubmitterOrigin>()?;
		let (origin, _) = caller::<T, T::FreezeOrigin>()?;
		let (id, _, _) = deep_batch::<T>(owner, 1)?;
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, id, H256::zero());
		assert!(FrozenRecords::<T>::contains_key(id));
		Ok(())
	}

	#[benchmark]
	fn unfreeze() -> Result<(), BenchmarkError> {
		let (_, owner) = caller::<T, T::SubmitterOrigin>()?;
		let (origin, court) = caller::<T, T::FreezeOrigin>()?;
		let (id, _, _) = deep_batch::<T>(owner, 1)?;
		FrozenRecords::<T>::insert(id, Freeze { by: court, at: 0, reason: H256::zero() });
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, id);
		assert!(!FrozenRecords::<T>::contains_key(id));
		Ok(())
	}

	impl_benchmark_test_suite!(
		Pallet,
		crate::mock::ExtBuilder::default().build(),
		crate::mock::Test
	);
}
