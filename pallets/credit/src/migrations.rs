//! Storage migrations of the credit pallet.
//!
//! ## v1 → v2: each lender's latest access
//! Version 2 indexes each lender's newest entry of each SME's access log ([`LatestAccesses`]),
//! so that the query gateway checks a lender's declared access in one read instead of walking
//! the newest entries of the log (where 100 accesses of another lender hid it). The migration
//! walks the logs once, over as many blocks as they take (two reads per entry, a write per
//! entry newer than the one indexed before it): see [`regchain_primitives::migrations`].
//! [`FinancingConsents`] starts empty: its purpose, `InvoiceFinancing`, is new in version 2.
//!
//! Run it with [`MigrateV1ToV2`] in the runtime's multi-block migrations; it does nothing
//! unless the stored version is 1, and sets it to 2.
//!
//! ## v2 → v3: joint discipline
//! Version 3 names the catalogue's claim type of each discipline kind
//! ([`DisciplineClaimTypes`]), which a supervision decision attests — a walk of the claim types
//! keeps, for each kind, the lowest id registered under its name ([`MigrateV2ToV3Names`]) — and
//! keeps each enterprise's discipline listings ([`Listings`]) for the domains to read in one
//! read — a walk of the current attestations lists those of a discipline claim type still in
//! force, as serious as their kind ([`MigrateV2ToV3`]; beyond `MAX_LISTINGS` of one enterprise
//! the rest are left out: a chain holds no such enterprise today). Both run in this order.

use crate::{pallet::*, types::Access};
use alloc::vec::Vec;
use frame_support::{pallet_prelude::*, storage::PrefixIterator};
use regchain_primitives::{
	migrations::{SteppedWalk, Walk},
	OrgId,
};

/// Indexes each lender's newest access to each SME, one access-log entry at a time. Unversioned:
/// use [`MigrateV1ToV2`].
pub struct IndexLatestAccesses<T>(core::marker::PhantomData<T>);

impl<T: Config> Walk for IndexLatestAccesses<T> {
	const NAME: &'static [u8] = b"regchain credit v1-v2: LatestAccesses";
	type Entry = (OrgId, u32, Access);

	fn entries(after: Option<Vec<u8>>) -> PrefixIterator<Self::Entry> {
		after.map_or_else(Accesses::<T>::iter, Accesses::<T>::iter_from)
	}

	fn weight_per_entry() -> Weight {
		T::DbWeight::get().reads_writes(2, 1)
	}

	/// Entries come in hash order, not by number: it keeps the highest number per lender.
	fn migrate((sme, index, access): Self::Entry) {
		if LatestAccesses::<T>::get(sme, access.lender).is_none_or(|l| l < index) {
			LatestAccesses::<T>::insert(sme, access.lender, index);
		}
	}
}

/// The v1 → v2 migration, a multi-block one: it runs only when the stored version is 1, and
/// then sets it to 2.
pub type MigrateV1ToV2<T> = SteppedWalk<IndexLatestAccesses<T>, Pallet<T>, 1, 2, true>;

/// Names the claim type of each discipline kind, one claim type at a time. Unversioned: use
/// [`MigrateV2ToV3Names`].
pub struct NameDisciplineClaimTypes<T>(core::marker::PhantomData<T>);

impl<T: Config> Walk for NameDisciplineClaimTypes<T> {
	const NAME: &'static [u8] = b"regchain credit v2-v3: DisciplineClaimTypes";
	type Entry = (crate::ClaimTypeId, crate::ClaimType);

	fn entries(after: Option<Vec<u8>>) -> PrefixIterator<Self::Entry> {
		after.map_or_else(ClaimTypes::<T>::iter, ClaimTypes::<T>::iter_from)
	}

	fn weight_per_entry() -> Weight {
		T::DbWeight::get().reads_writes(2, 1)
	}

	/// Entries come in hash order: it keeps the lowest id per kind.
	fn migrate((id, claim_type): Self::Entry) {
		if let Some(kind) = Pallet::<T>::discipline_kind(&claim_type) {
			if DisciplineClaimTypes::<T>::get(kind).is_none_or(|named| id < named) {
				DisciplineClaimTypes::<T>::insert(kind, id);
			}
		}
	}
}

/// The v2 → v3 migration's first walk: it runs only when the stored version is 2.
pub type MigrateV2ToV3Names<T> = SteppedWalk<NameDisciplineClaimTypes<T>, Pallet<T>, 2, 3, false>;

/// Lists the discipline attestations in force, one current attestation at a time. Unversioned:
/// use [`MigrateV2ToV3`].
pub struct ListDisciplines<T>(core::marker::PhantomData<T>);

impl<T: Config> Walk for ListDisciplines<T> {
	const NAME: &'static [u8] = b"regchain credit v2-v3: Listings";
	type Entry = (OrgId, crate::AttestationId, ());

	fn entries(after: Option<Vec<u8>>) -> PrefixIterator<Self::Entry> {
		after.map_or_else(CurrentAttestations::<T>::iter, CurrentAttestations::<T>::iter_from)
	}

	fn weight_per_entry() -> Weight {
		T::DbWeight::get().reads_writes(4, 1)
	}

	fn migrate((subject, id, ()): Self::Entry) {
		let Some(attestation) = Attestations::<T>::get(id) else { return };
		let Some(kind) = ClaimTypes::<T>::get(attestation.claim_type)
			.and_then(|c| Pallet::<T>::discipline_kind(&c))
		else {
			return;
		};
		if !attestation.counts_at(Pallet::<T>::now()) {
			return;
		}
		let listing = regchain_primitives::Listing {
			attestation: id,
			kind,
			serious: kind != regchain_primitives::DisciplineKind::AdministrativePenalty,
			by: attestation.attester,
			case: None,
			until: attestation.valid_until,
		};
		// Full (beyond `MAX_LISTINGS`): left out, as the module docs say.
		let _ = Pallet::<T>::add_listing(subject, listing);
	}
}

/// The v2 → v3 migration's last walk: it runs only when the stored version is 2, and then sets
/// it to 3.
pub type MigrateV2ToV3<T> = SteppedWalk<ListDisciplines<T>, Pallet<T>, 2, 3, true>;

#[cfg(test)]
mod tests {
	use super::*;
	use crate::{mock::*, types::*};
	use frame_support::traits::GetStorageVersion;
	use regchain_primitives::migrations::run_to_end;

	#[test]
	fn each_lenders_newest_access_is_indexed() {
		ExtBuilder::default().build().execute_with(|| {
			StorageVersion::new(1).put::<Pallet<Test>>();
			let scope = Scope { claim_types: ClaimTypeScope::All, figures: false };
			// SME 3's log: lender 5 at 0 and 2, lender 6 at 1 and 3..=120; SME 4's: lender 5.
			let log = |sme: u32, index: u32, lender: u32| {
				let access = Access {
					lender,
					grant: 0,
					scope: scope.clone(),
					purpose: Purpose::PreLoanReview,
					at: 0,
				};
				Accesses::<Test>::insert(sme, index, access);
			};
			log(3, 0, 5);
			log(3, 1, 6);
			log(3, 2, 5);
			for index in 3..=120 {
				log(3, index, 6);
			}
			log(4, 0, 5);
			assert_eq!(run_to_end::<MigrateV1ToV2<Test>>(Weight::MAX), Ok(1));
			assert_eq!(Pallet::<Test>::on_chain_storage_version(), 2);
			assert_eq!(LatestAccesses::<Test>::get(3, 5), Some(2));
			assert_eq!(LatestAccesses::<Test>::get(3, 6), Some(120));
			assert_eq!(LatestAccesses::<Test>::get(4, 5), Some(0));
			assert_eq!(LatestAccesses::<Test>::get(4, 6), None);
			// Run again at version 2: nothing changes.
			LatestAccesses::<Test>::remove(4, 5);
			assert_eq!(run_to_end::<MigrateV1ToV2<Test>>(Weight::MAX), Ok(1));
			assert_eq!(LatestAccesses::<Test>::get(4, 5), None);
		});
	}

	#[test]
	fn the_discipline_claim_types_are_named_and_the_listings_in_force_kept() {
		use regchain_primitives::{time::DAY, DisciplineKind};
		ExtBuilder::default().build().execute_with(|| {
			let penalty = discipline(DisciplineKind::AdministrativePenalty);
			let court = discipline(DisciplineKind::CourtEnforcement);
			let now = TestClock::get();
			let attest = |subject, until| {
				frame_support::assert_ok!(Credit::attest(
					RuntimeOrigin::signed(COURT),
					subject,
					court,
					sp_core::H256::zero(),
					None,
					now,
					until,
					Default::default(),
				));
			};
			attest(10, now + 30 * DAY);
			attest(20, now + DAY);
			// The layout of version 2: neither map.
			let _ = DisciplineClaimTypes::<Test>::clear(10, None);
			let _ = Listings::<Test>::clear(10, None);
			StorageVersion::new(2).put::<Pallet<Test>>();
			TestClock::set(now + 2 * DAY);
			assert_eq!(run_to_end::<MigrateV2ToV3Names<Test>>(Weight::MAX), Ok(1));
			assert_eq!(Pallet::<Test>::on_chain_storage_version(), 2);
			assert_eq!(run_to_end::<MigrateV2ToV3<Test>>(Weight::MAX), Ok(1));
			assert_eq!(Pallet::<Test>::on_chain_storage_version(), 3);
			assert_eq!(
				DisciplineClaimTypes::<Test>::get(DisciplineKind::AdministrativePenalty),
				Some(penalty)
			);
			assert_eq!(
				DisciplineClaimTypes::<Test>::get(DisciplineKind::CourtEnforcement),
				Some(court)
			);
			// Enterprise 10's listing is in force; 20's ended before the upgrade.
			let listed: Vec<_> =
				Listings::<Test>::get(10).unwrap().into_iter().map(|l| l.attestation).collect();
			assert_eq!(listed, vec![0]);
			assert!(Listings::<Test>::get(20).is_none());
			regchain_primitives::testing::assert_migrated_once::<MigrateV2ToV3<Test>>();
			Pallet::<Test>::do_try_state().unwrap();
		});
	}
}
