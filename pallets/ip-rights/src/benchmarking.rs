//! Benchmarks of every call on its most expensive path: registrations by up to `MAX_AUTHORS`
//! signing authors, disputes citing up to `MAX_EVIDENCE` records, transfers and ownership
//! decisions that close `MAX_OPEN_OFFERS` offers, an infringement decision that ends both of a
//! respondent's licences, an exclusive licence (every check it makes).

use super::*;
use crate::pallet::{
	Disputes, Licences, NextDisputeId, NextLicenceId, NextOfferId, NextWorkId, Offers,
	OpenDisputes, Works,
};
use alloc::vec::Vec;
use frame_benchmarking::v2::*;
use frame_support::traits::EnsureOrigin;
use frame_system::RawOrigin;
use regchain_primitives::{
	member_origin, time::DAY, BenchmarkSigner, EvidenceRecords, Membership, OrgKind,
};
use sp_core::H256;

/// The origin `O` stands for, and its organization.
fn caller<T: Config, O: EnsureOrigin<T::RuntimeOrigin, Success = (T::AccountId, OrgId)>>(
) -> Result<(T::RuntimeOrigin, OrgId), BenchmarkError> {
	member_origin::<O, _, _>().map_err(|_| BenchmarkError::Weightless)
}

/// The enterprise `name` (made once): its signed origin and organization.
fn enterprise<T: Config>(name: &'static str) -> (T::RuntimeOrigin, OrgId) {
	let who: T::AccountId = account(name, 0, 0);
	let org = match T::Membership::member(&who) {
		Some(info) => info.org,
		None => T::Membership::make_member(&who, OrgKind::Enterprise, None),
	};
	(RawOrigin::Signed(who).into(), org)
}

fn fingerprint(n: u32) -> H256 {
	let mut bytes = [0xf1; 32];
	bytes[..4].copy_from_slice(&n.to_le_bytes());
	H256(bytes)
}

/// Declarations of `a` authors with equal shares (the first takes the rest), signed for
/// `owner`'s registration of `fingerprint`.
fn declarations<T: Config>(
	fingerprint: H256,
	owner: OrgId,
	a: u32,
) -> Declarations<T::AccountId, T::AuthorSignature> {
	let share = FULL_SHARE / a as u16;
	let keys: Vec<(T::AccountId, u16)> = (0..a)
		.map(|i| {
			let rest = if i == 0 { FULL_SHARE - share * a as u16 } else { 0 };
			(T::BenchmarkHelper::new_key(), share + rest)
		})
		.collect();
	keys.iter()
		.map(|(key, share)| {
			let message = Pallet::<T>::declaration(
				fingerprint,
				&Fingerprints::default(),
				WorkType::Article,
				H256::zero(),
				owner,
				&keys,
				0,
			);
			Declaration {
				key: key.clone(),
				share: *share,
				nonce: 0,
				signature: T::BenchmarkHelper::sign(key, &message),
			}
		})
		.collect::<Vec<_>>()
		.try_into()
		.expect("at most MAX_AUTHORS")
}

/// A work of `owner`, by one author.
fn work<T: Config>(owner: OrgId, n: u32) -> Result<WorkId, BenchmarkError> {
	let id = NextWorkId::<T>::get();
	let f = fingerprint(n);
	Pallet::<T>::do_register_work(
		owner,
		f,
		Fingerprints::default(),
		WorkType::Article,
		H256::zero(),
		declarations::<T>(f, owner, 1),
	)?;
	Ok(id)
}

fn terms<T: Config>(kind: LicenceKind, exclusive: bool) -> OfferTerms {
	let now = Pallet::<T>::now();
	OfferTerms {
		kind,
		exclusive,
		price: 1,
		terms: H256::zero(),
		max_licences: Some(u32::MAX),
		opens: now,
		closes: now + DAY,
		licence_term: DAY,
	}
}

/// `count` open offers of `work` by `owner`; the first one's id.
fn offers<T: Config>(
	owner: OrgId,
	work: WorkId,
	count: u32,
	kind: LicenceKind,
) -> Result<OfferId, BenchmarkError> {
	let first = NextOfferId::<T>::get();
	for _ in 0..count {
		Pallet::<T>::do_publish_offer(owner, work, terms::<T>(kind, false))?;
	}
	Ok(first)
}

/// An open dispute of `work` by `claimant`; its id.
fn dispute<T: Config>(
	claimant: OrgId,
	work: WorkId,
	kind: DisputeKind,
) -> Result<DisputeId, BenchmarkError> {
	let id = NextDisputeId::<T>::get();
	let evidence =
		alloc::vec![T::Evidence::make_evidence(claimant, false)].try_into().expect("one");
	Pallet::<T>::do_file_dispute(claimant, work, kind, evidence, H256::zero())?;
	Ok(id)
}

#[benchmarks]
mod benchmarks {
	use super::*;

	#[benchmark]
	fn register_work(a: Linear<1, MAX_AUTHORS>) -> Result<(), BenchmarkError> {
		let (origin, owner) = caller::<T, T::MemberOrigin>()?;
		let f = fingerprint(0);
		let extra: Fingerprints = (0..MAX_EXTRA_FINGERPRINTS)
			.map(|_| Fingerprint {
				scheme: FingerprintScheme::Iscc,
				value: alloc::vec![7u8; MAX_FINGERPRINT_LEN as usize].try_into().expect("bound"),
			})
			.collect::<Vec<_>>()
			.try_into()
			.expect("bound");
		let keys = declarations::<T>(f, owner, a);
		let shares: Vec<_> = keys.iter().map(|d| (d.key.clone(), d.share)).collect();
		let message =
			Pallet::<T>::declaration(f, &extra, WorkType::Article, H256::zero(), owner, &shares, 0);
		let signed: Declarations<T::AccountId, T::AuthorSignature> = keys
			.into_iter()
			.map(|mut d| {
				d.signature = T::BenchmarkHelper::sign(&d.key, &message);
				d
			})
			.collect::<Vec<_>>()
			.try_into()
			.expect("bound");

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, f, extra, WorkType::Article, H256::zero(), signed);

		assert!(crate::pallet::WorkByFingerprint::<T>::contains_key(f));
		Ok(())
	}

	#[benchmark]
	fn transfer() -> Result<(), BenchmarkError> {
		let (origin, owner) = caller::<T, T::MemberOrigin>()?;
		let (_, to) = enterprise::<T>("buyer");
		let id = work::<T>(owner, 0)?;
		offers::<T>(owner, id, MAX_OPEN_OFFERS, LicenceKind::Reprint)?;

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, id, to, H256::zero());

		assert_eq!(Works::<T>::get(id).map(|w| w.owner), Some(to));
		Ok(())
	}

	#[benchmark]
	fn publish_offer() -> Result<(), BenchmarkError> {
		let (origin, owner) = caller::<T, T::MemberOrigin>()?;
		let id = work::<T>(owner, 0)?;
		offers::<T>(owner, id, MAX_OPEN_OFFERS - 1, LicenceKind::Reprint)?;
		let offer = NextOfferId::<T>::get();

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, id, terms::<T>(LicenceKind::Commercial, true));

		assert!(Offers::<T>::contains_key(offer));
		Ok(())
	}

	#[benchmark]
	fn withdraw_offer() -> Result<(), BenchmarkError> {
		let (origin, owner) = caller::<T, T::MemberOrigin>()?;
		let id = work::<T>(owner, 0)?;
		let first = offers::<T>(owner, id, MAX_OPEN_OFFERS, LicenceKind::Reprint)?;
		let last = first + u64::from(MAX_OPEN_OFFERS) - 1;

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, last);

		assert!(Offers::<T>::get(last).is_some_and(|o| o.status != OfferStatus::Open));
		Ok(())
	}

	#[benchmark]
	fn take_licence() -> Result<(), BenchmarkError> {
		let (_, owner) = enterprise::<T>("owner");
		let (origin, licensee) = caller::<T, T::MemberOrigin>()?;
		let id = work::<T>(owner, 0)?;
		// An earlier, ended exclusive licence of the licensee: every check reads a licence.
		let old = NextOfferId::<T>::get();
		Pallet::<T>::do_publish_offer(owner, id, terms::<T>(LicenceKind::Commercial, true))?;
		Pallet::<T>::do_take_licence(licensee, old, H256::zero())?;
		let first = NextLicenceId::<T>::get() - 1;
		Licences::<T>::mutate(first, |l| {
			if let Some(l) = l {
				l.until = l.from;
			}
		});
		crate::pallet::LicenceHorizon::<T>::insert((id, LicenceKind::Commercial), 0);
		let offer = NextOfferId::<T>::get();
		Pallet::<T>::do_publish_offer(owner, id, terms::<T>(LicenceKind::Commercial, true))?;
		let licence = NextLicenceId::<T>::get();

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, offer, H256::zero());

		assert!(Licences::<T>::contains_key(licence));
		Ok(())
	}

	#[benchmark]
	fn file_dispute(e: Linear<1, MAX_EVIDENCE>) -> Result<(), BenchmarkError> {
		let (_, owner) = enterprise::<T>("owner");
		let (origin, claimant) = caller::<T, T::MemberOrigin>()?;
		let id = work::<T>(owner, 0)?;
		for n in 1..MAX_OPEN_DISPUTES {
			let (_, other) = enterprise::<T>(["c1", "c2", "c3", "c4"][(n - 1) as usize % 4]);
			dispute::<T>(other, id, DisputeKind::Ownership)?;
		}
		// Others' evidence a court admitted, and one rejection long past: every check reads.
		let evidence: EvidenceList = (0..e)
			.map(|_| T::Evidence::make_evidence(owner, true))
			.collect::<Vec<_>>()
			.try_into()
			.expect("bound");
		crate::pallet::RejectedClaims::<T>::insert(
			(id, claimant),
			Rejections { count: 1, last: 0 },
		);
		let filed = NextDisputeId::<T>::get();

		#[extrinsic_call]
		_(
			origin as T::RuntimeOrigin,
			id,
			DisputeKind::Infringement { respondent: owner },
			evidence,
			H256::zero(),
		);

		assert!(Disputes::<T>::contains_key(filed));
		Ok(())
	}

	#[benchmark]
	fn withdraw_dispute() -> Result<(), BenchmarkError> {
		let (_, owner) = enterprise::<T>("owner");
		let (origin, claimant) = caller::<T, T::MemberOrigin>()?;
		let id = work::<T>(owner, 0)?;
		for n in 1..MAX_OPEN_DISPUTES {
			let (_, other) = enterprise::<T>(["c1", "c2", "c3", "c4"][(n - 1) as usize % 4]);
			dispute::<T>(other, id, DisputeKind::Ownership)?;
		}
		let filed = dispute::<T>(claimant, id, DisputeKind::Ownership)?;

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, filed);

		assert_eq!(OpenDisputes::<T>::get(id).len() as u32, MAX_OPEN_DISPUTES - 1);
		Ok(())
	}

	#[benchmark]
	fn uphold_ownership() -> Result<(), BenchmarkError> {
		let (origin, _) = caller::<T, T::ExaminerOrigin>()?;
		let (_, owner) = enterprise::<T>("owner");
		let (_, claimant) = enterprise::<T>("claimant");
		let id = work::<T>(owner, 0)?;
		offers::<T>(owner, id, MAX_OPEN_OFFERS, LicenceKind::Reprint)?;
		let filed = dispute::<T>(claimant, id, DisputeKind::Ownership)?;

		#[extrinsic_call]
		uphold_dispute(origin as T::RuntimeOrigin, filed, H256::zero());

		assert_eq!(Works::<T>::get(id).map(|w| w.owner), Some(claimant));
		Ok(())
	}

	/// The respondent's two licences end, and the horizon is recomputed over `l` more licences
	/// of the work (written directly: as many licensees as that would be members).
	#[benchmark]
	fn uphold_infringement(l: Linear<0, MAX_HORIZON_WALK>) -> Result<(), BenchmarkError> {
		let (origin, _) = caller::<T, T::ExaminerOrigin>()?;
		let (_, owner) = enterprise::<T>("owner");
		let (_, respondent) = enterprise::<T>("respondent");
		let id = work::<T>(owner, 0)?;
		let reprint = offers::<T>(owner, id, 1, LicenceKind::Reprint)?;
		let commercial = offers::<T>(owner, id, 1, LicenceKind::Commercial)?;
		let first = NextLicenceId::<T>::get();
		Pallet::<T>::do_take_licence(respondent, reprint, H256::zero())?;
		Pallet::<T>::do_take_licence(respondent, commercial, H256::zero())?;
		let model = Licences::<T>::get(first).ok_or(BenchmarkError::Weightless)?;
		for n in 0..u64::from(l) {
			let licence = first + 2 + n;
			Licences::<T>::insert(
				licence,
				Licence { licensee: 1_000_000 + n as u32, ..model.clone() },
			);
			crate::pallet::LicencesByWork::<T>::insert(id, licence, ());
		}
		let filed = dispute::<T>(owner, id, DisputeKind::Infringement { respondent })?;

		#[extrinsic_call]
		uphold_dispute(origin as T::RuntimeOrigin, filed, H256::zero());

		assert!(Licences::<T>::get(first).is_some_and(|l| l.revoked.is_some()));
		assert!(Licences::<T>::get(first + 1).is_some_and(|l| l.revoked.is_some()));
		assert!(crate::pallet::BarredLicensees::<T>::contains_key(id, respondent));
		Ok(())
	}

	#[benchmark]
	fn reject_dispute() -> Result<(), BenchmarkError> {
		let (origin, _) = caller::<T, T::ExaminerOrigin>()?;
		let (_, owner) = enterprise::<T>("owner");
		let (_, claimant) = enterprise::<T>("claimant");
		let id = work::<T>(owner, 0)?;
		let filed = dispute::<T>(claimant, id, DisputeKind::Ownership)?;

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, filed, H256::zero());

		assert!(OpenDisputes::<T>::get(id).is_empty());
		Ok(())
	}

	#[benchmark]
	fn lift_licence_bar() -> Result<(), BenchmarkError> {
		let (origin, owner) = caller::<T, T::MemberOrigin>()?;
		let (_, barred) = enterprise::<T>("respondent");
		let id = work::<T>(owner, 0)?;
		crate::pallet::BarredLicensees::<T>::insert(id, barred, 0);

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, id, barred);

		assert!(!crate::pallet::BarredLicensees::<T>::contains_key(id, barred));
		Ok(())
	}

	#[benchmark]
	fn freeze() -> Result<(), BenchmarkError> {
		let (origin, _) = caller::<T, T::FreezeOrigin>()?;
		let (_, owner) = enterprise::<T>("owner");
		let id = work::<T>(owner, 0)?;

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, id, H256::zero());

		assert!(crate::pallet::FrozenWorks::<T>::contains_key(id));
		Ok(())
	}

	#[benchmark]
	fn unfreeze() -> Result<(), BenchmarkError> {
		let (origin, office) = caller::<T, T::FreezeOrigin>()?;
		let (_, owner) = enterprise::<T>("owner");
		let id = work::<T>(owner, 0)?;
		Pallet::<T>::do_freeze(office, id, H256::zero())?;

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, id);

		assert!(!crate::pallet::FrozenWorks::<T>::contains_key(id));
		Ok(())
	}

	impl_benchmark_test_suite!(
		Pallet,
		crate::mock::ExtBuilder::default().build(),
		crate::mock::Test
	);
}
