//! The agencies' council: one seat per active agency, kept in step with the collective that
//! votes governance decisions.

use crate::{pallet::*, types::*};
use alloc::vec::Vec;
use frame_support::{ensure, pallet_prelude::*, traits::ChangeMembers};
use frame_system::pallet_prelude::BlockNumberFor;
use regchain_primitives::{OrgId, OrgKind};

impl<T: Config> Pallet<T> {
	/// Gives a newly admitted agency its council seat.
	pub(crate) fn seat_agency(org: OrgId, account: T::AccountId) -> DispatchResult {
		ensure!(CouncilSeats::<T>::count() < T::MaxAgencies::get(), Error::<T>::TooManyAgencies);
		CouncilSeats::<T>::insert(org, account);
		Ok(())
	}

	/// Makes the council the seats of the agencies active now, tells [`Config::Council`] when
	/// that changes, and schedules the next review at the earliest end of term among them.
	///
	/// Reads every seat and its organization: at most `MaxAgencies` of each.
	pub(crate) fn sync_council() {
		let now = frame_system::Pallet::<T>::block_number();
		let mut review: Option<BlockNumberFor<T>> = None;
		let mut members: Vec<T::AccountId> = CouncilSeats::<T>::iter()
			.filter_map(|(org, seat)| {
				let record = Organizations::<T>::get(org)?;
				record.is_active_at(&now).then(|| {
					review = Some(review.map_or(record.expires_at, |r| r.min(record.expires_at)));
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
	pub(crate) fn sync_council_if_agency(org: &Organization<BlockNumberFor<T>>) {
		if matches!(org.kind, OrgKind::Agency(_)) {
			Self::sync_council();
		}
	}
}
