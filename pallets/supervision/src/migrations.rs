//! Storage migrations of the supervision pallet.
//!
//! ## v1 → v2: open cases counted by subject
//! Version 2 counts the open cases about each organization ([`OpenCaseCount`]), which a random
//! inspection reads to weigh an organization under an open case more, and adds the inspection
//! plans' maps (empty on the upgrade). The migration walks the cases once, over as many blocks
//! as they take (a read and a write per open case): see [`regchain_primitives::migrations`].
//!
//! Run it with [`MigrateV1ToV2`] in the runtime's multi-block migrations; it does nothing
//! unless the stored version is 1, and sets it to 2.
//!
//! ## v2 → v3: plans of record sets, pending plans counted by agency
//! Version 3 gives each plan a record set (`Plan::records`, none for the plans before it) and
//! counts each agency's plans in their commit period ([`PendingPlansOf`]). The migration walks
//! the plans once, rewriting each in the new layout and counting those without an anchor:
//! [`MigrateV2ToV3`].

use crate::{pallet::*, types::*};
use alloc::vec::Vec;
use frame_support::{pallet_prelude::*, storage::PrefixIterator};
use regchain_primitives::migrations::{SteppedWalk, Walk};

/// Counts each subject's open cases, one case at a time. Unversioned: use [`MigrateV1ToV2`].
pub struct CountOpenCases<T>(core::marker::PhantomData<T>);

impl<T: Config> Walk for CountOpenCases<T> {
	const NAME: &'static [u8] = b"regchain supervision v1-v2: OpenCaseCount";
	type Entry = (crate::CaseId, Case);

	fn entries(after: Option<Vec<u8>>) -> PrefixIterator<Self::Entry> {
		after.map_or_else(Cases::<T>::iter, Cases::<T>::iter_from)
	}

	fn weight_per_entry() -> Weight {
		T::DbWeight::get().reads_writes(2, 1)
	}

	fn migrate((_, case): Self::Entry) {
		if case.is_open() {
			OpenCaseCount::<T>::mutate(case.subject, |count| {
				*count = Some(count.unwrap_or(0).saturating_add(1))
			});
		}
	}
}

/// The v1 → v2 migration, a multi-block one: it runs only when the stored version is 1, and
/// then sets it to 2.
pub type MigrateV1ToV2<T> = SteppedWalk<CountOpenCases<T>, Pallet<T>, 1, 2, true>;

/// The layout of version 2.
pub mod v2 {
	use super::*;
	use regchain_primitives::{time::Moment, Division, OrgId, OrgKind, Role};
	use sp_core::H256;

	/// A plan of version 2: no record set.
	#[derive(Clone, PartialEq, Eq, Encode, Decode, MaxEncodedLen, TypeInfo, Debug)]
	pub struct Plan {
		pub lead: OrgId,
		pub document: H256,
		pub region: Division,
		pub kind: OrgKind,
		pub role: Option<Role>,
		pub sample: SampleSize,
		pub participants: BoundedVec<Participant, ConstU32<MAX_PLAN_AGENCIES>>,
		pub commit_until: Moment,
		pub reveal_until: Moment,
		pub results_due: Moment,
		pub opened_at: Moment,
		pub inspectors: u32,
		pub population: u32,
		pub enumeration: Enumeration,
		pub anchor: Option<(u32, H256)>,
		pub seed: Option<H256>,
		pub targets: u32,
		pub results: u32,
		pub status: PlanStatus,
	}

	#[frame_support::storage_alias]
	pub type Plans<T: Config> = StorageMap<Pallet<T>, Twox64Concat, PlanId, Plan>;
}

/// Rewrites each plan with no record set and counts the pending ones by lead. Unversioned: use
/// [`MigrateV2ToV3`].
pub struct RecordSetPlans<T>(core::marker::PhantomData<T>);

impl<T: Config> Walk for RecordSetPlans<T> {
	const NAME: &'static [u8] = b"regchain supervision v2-v3: plans' record sets";
	type Entry = (PlanId, v2::Plan);

	fn entries(after: Option<Vec<u8>>) -> PrefixIterator<Self::Entry> {
		after.map_or_else(v2::Plans::<T>::iter, v2::Plans::<T>::iter_from)
	}

	/// The plan read and written; a pending one's lead's count read and written.
	fn weight_per_entry() -> Weight {
		T::DbWeight::get().reads_writes(2, 2)
	}

	fn migrate((id, old): Self::Entry) {
		if old.anchor.is_none() {
			PendingPlansOf::<T>::mutate(old.lead, |count| {
				*count = Some(count.unwrap_or(0).saturating_add(1))
			});
		}
		let plan = Plan {
			lead: old.lead,
			document: old.document,
			region: old.region,
			kind: old.kind,
			role: old.role,
			records: None,
			sample: old.sample,
			participants: old.participants,
			commit_until: old.commit_until,
			reveal_until: old.reveal_until,
			results_due: old.results_due,
			opened_at: old.opened_at,
			inspectors: old.inspectors,
			population: old.population,
			enumeration: old.enumeration,
			anchor: old.anchor,
			seed: old.seed,
			targets: old.targets,
			results: old.results,
			status: old.status,
		};
		Plans::<T>::insert(id, plan);
	}
}

/// The v2 → v3 migration, a multi-block one after [`MigrateV1ToV2`]: it runs only when the
/// stored version is 2, and then sets it to 3.
pub type MigrateV2ToV3<T> = SteppedWalk<RecordSetPlans<T>, Pallet<T>, 2, 3, true>;

#[cfg(test)]
mod tests {
	use super::*;
	use crate::mock::*;
	use frame_support::{assert_ok, traits::GetStorageVersion};
	use regchain_primitives::migrations::run_to_end;

	#[test]
	fn the_open_cases_are_counted_by_subject() {
		ExtBuilder::default().build().execute_with(|| {
			case_about_acme(&[FUND]);
			case_about_acme(&[INVOICE]);
			let closed = case_about_acme(&[BATCH]);
			assert_ok!(Supervision::close_case(RuntimeOrigin::signed(MARKET), closed, doc(9)));
			assert_eq!(OpenCaseCount::<Test>::get(ACME as u32), Some(2));
			// The layout of version 1: no count.
			let _ = OpenCaseCount::<Test>::clear(10, None);
			StorageVersion::new(1).put::<Pallet<Test>>();
			assert_eq!(run_to_end::<MigrateV1ToV2<Test>>(Weight::MAX), Ok(1));
			assert_eq!(Pallet::<Test>::on_chain_storage_version(), 2);
			assert_eq!(OpenCaseCount::<Test>::get(ACME as u32), Some(2));
			regchain_primitives::testing::assert_migrated_once::<MigrateV1ToV2<Test>>();
			Pallet::<Test>::do_try_state().unwrap();
		});
	}

	#[test]
	fn plans_get_no_record_set_and_pending_ones_are_counted() {
		ExtBuilder::default().build().execute_with(|| {
			use regchain_primitives::{testing::day, Division, OrgKind};
			TestMembership::grant_role(MARKET as u32, regchain_primitives::Role::Inspector);
			let open = |commit| {
				assert_ok!(Supervision::open_plan(
					RuntimeOrigin::signed(MARKET),
					Division(310_000),
					OrgKind::Enterprise,
					None,
					None,
					SampleSize::Count(1),
					doc(1),
					day(commit),
					day(commit + 1),
					day(30),
				));
			};
			open(2);
			open(3);
			// The first anchored: one pending.
			Plans::<Test>::mutate(0, |p| p.as_mut().unwrap().anchor = Some((1, doc(2))));
			PendingAnchors::<Test>::mutate(|q| q.retain(|(_, id)| *id != 0));
			let expected: Vec<(PlanId, Plan)> = Plans::<Test>::iter().collect();
			// The layout of version 2: plans without a record set, no counts.
			for (id, plan) in expected.iter() {
				let old = v2::Plan {
					lead: plan.lead,
					document: plan.document,
					region: plan.region,
					kind: plan.kind,
					role: plan.role,
					sample: plan.sample,
					participants: plan.participants.clone(),
					commit_until: plan.commit_until,
					reveal_until: plan.reveal_until,
					results_due: plan.results_due,
					opened_at: plan.opened_at,
					inspectors: plan.inspectors,
					population: plan.population,
					enumeration: plan.enumeration,
					anchor: plan.anchor,
					seed: plan.seed,
					targets: plan.targets,
					results: plan.results,
					status: plan.status,
				};
				v2::Plans::<Test>::insert(id, old);
			}
			let _ = PendingPlansOf::<Test>::clear(10, None);
			StorageVersion::new(2).put::<Pallet<Test>>();
			assert_eq!(run_to_end::<MigrateV2ToV3<Test>>(Weight::MAX), Ok(1));
			assert_eq!(Pallet::<Test>::on_chain_storage_version(), 3);
			let migrated: Vec<(PlanId, Plan)> = Plans::<Test>::iter().collect();
			assert_eq!(migrated, expected);
			assert_eq!(PendingPlansOf::<Test>::get(MARKET as u32), Some(1));
			regchain_primitives::testing::assert_migrated_once::<MigrateV2ToV3<Test>>();
			Pallet::<Test>::do_try_state().unwrap();
		});
	}
}
