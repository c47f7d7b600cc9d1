//! The agencies' council: one seat per active agency, kept in step with the collective that
//! votes governance decisions.

use crate::{pallet::*, types::*};
use alloc::vec::Vec;
use frame_support::{ensure, pallet_prelude::*, traits::ChangeMembers};
use regchain_primitives::{time::Moment, OrgId, OrgKind};

impl<T: Config> Pallet<T> {
	/// Gives a newly admitted agency its council seat.
	pub(crate) fn seat_agency(org: OrgId, account: T::AccountId) -> DispatchResult {
		ensure!(CouncilSeats::<T>::count() < T::MaxAgencies::get(), Error::<T>::TooManyAgencies);
		CouncilSeats::<T>::insert(org, account);
		Ok(())
	}

	/// Announces (`TermOverdue`) the seated agencies whose term ended since the review at
	/// `at` was scheduled, then syncs the council (which also schedules the next review).
	pub(crate) fn review_terms(at: Moment, now: Moment) {
		for (org, _) in CouncilSeats::<T>::iter() {
			if let Some(record) = Organizations::<T>::get(org) {
				if record.status == OrgStatus::Active
					&& at <= record.expires_at
					&& record.expires_at <= now
				{
					Self::deposit_event(Event::TermOverdue { org, expired_at: record.expires_at });
				}
			}
		}
		Self::sync_council();
	}

	/// Makes the council the seats of the agencies active now, tells [`Config::Council`] when
	/// that changes, and schedules the next review at the earliest end of term still to come
	/// among them.
	///
	/// Reads every seat and its organization: at most `MaxAgencies` of each.
	pub(crate) fn sync_council() {
		let now = Self::now();
		let mut review: Option<Moment> = None;
		let mut members: Vec<T::AccountId> = CouncilSeats::<T>::iter()
			.filter_map(|(org, seat)| {
				let record = Organizations::<T>::get(org)?;
				record.is_active_at(now).then(|| {
					if record.expires_at > now {
						let end = record.expires_at;
						review = Some(review.map_or(end, |r| r.min(end)));
					}
					seat
				})
			})
			.collect();
		members.sort();
		CouncilReviewAt::<T>::set(review);

		let old = Council::<T>::get();
		if members[..] == old[..] {
			return;
		}
		T::Council::set_members_sorted(&members, &old);
		let count = members.len() as u32;
		// Seats are bounded by `MaxAgencies`, so this never truncates.
		Council::<T>::put(BoundedVec::truncate_from(members));
		Self::deposit_event(Event::CouncilChanged { members: count });
	}

	/// Re-syncs the council if `org` is an agency.
	pub(crate) fn sync_council_if_agency(org: &Organization) {
		if matches!(org.kind, OrgKind::Agency(_)) {
			Self::sync_council();
		}
	}
}
