//! The pallet's logic: the `do_*` functions behind the calls, the session planning that
//! `pallet-session` calls, and the storage invariants.

use crate::pallet::*;
use alloc::vec::Vec;
use frame_support::{ensure, pallet_prelude::*, traits::ValidatorRegistration};
use regchain_primitives::{Membership, OrgKind};
use sp_runtime::SaturatedConversion;

impl<T: Config> Pallet<T> {
	/// A validator back from maintenance produces again.
	pub(crate) fn do_end_maintenance(who: T::AccountId) -> DispatchResult {
		Maintenance::<T>::take(&who).ok_or(Error::<T>::NotInMaintenance)?;
		Self::deposit_event(Event::MaintenanceEnded { who });
		Ok(())
	}

	/// Governance removes a validator and bars it from returning until the bar is lifted.
	pub(crate) fn do_bar(who: T::AccountId) -> DispatchResult {
		Self::do_remove_validator(&who)?;
		Barred::<T>::insert(&who, frame_system::Pallet::<T>::block_number());
		Self::deposit_event(Event::ValidatorBarred { who });
		Ok(())
	}

	pub(crate) fn do_lift_bar(who: T::AccountId) -> DispatchResult {
		Barred::<T>::take(&who).ok_or(Error::<T>::NotBarred)?;
		Self::deposit_event(Event::BarLifted { who });
		Ok(())
	}

	/// The fewest validators that must keep producing; never more than produce now.
	pub(crate) fn do_set_min_validators(min: u32) -> DispatchResult {
		ensure!(min >= 1, Error::<T>::MinimumZero);
		ensure!(Self::producing_count() >= min, Error::<T>::TooFewValidators);
		MinValidators::<T>::put(min);
		Self::deposit_event(Event::MinValidatorsSet { min });
		Ok(())
	}

	/// Whether `who` is an approved validator.
	pub fn is_validator(who: &T::AccountId) -> bool {
		Validators::<T>::get().contains(who)
	}

	/// Whether an approved validator will produce in the next session: not in maintenance, an
	/// account of an active agency, with session keys.
	fn will_produce(who: &T::AccountId) -> bool {
		!Maintenance::<T>::contains_key(who)
			&& Self::is_agency(who)
			&& T::KeyRegistration::is_registered(who)
	}

	/// The validators that will actually produce: what the minimum is checked against. A
	/// validator of a lapsed or suspended agency, or one without keys, counts for nothing.
	pub fn producing() -> Vec<T::AccountId> {
		Validators::<T>::get().into_iter().filter(Self::will_produce).collect()
	}

	/// How many validators will actually produce ([`Self::producing`]).
	pub fn producing_count() -> u32 {
		Self::producing().len().saturated_into()
	}

	/// Refuses a change that takes `who` out of production if it would leave fewer than
	/// `MinValidators` producing validators (taking out one that does not produce costs none).
	fn ensure_can_lose(who: &T::AccountId) -> DispatchResult {
		if !Self::will_produce(who) {
			return Ok(());
		}
		let remaining = Self::producing_count().saturating_sub(1);
		ensure!(remaining >= MinValidators::<T>::get().max(1), Error::<T>::TooFewValidators);
		Ok(())
	}

	fn is_agency(who: &T::AccountId) -> bool {
		T::Membership::member(who).is_some_and(|m| matches!(m.kind, OrgKind::Agency(_)))
	}

	pub(crate) fn do_add_validator(who: T::AccountId) -> DispatchResult {
		let mut validators = Validators::<T>::get();
		ensure!(!validators.contains(&who), Error::<T>::AlreadyValidator);
		ensure!(!Barred::<T>::contains_key(&who), Error::<T>::Barred);
		ensure!(Self::is_agency(&who), Error::<T>::NotAgency);
		ensure!(T::KeyRegistration::is_registered(&who), Error::<T>::NoSessionKeys);
		validators.try_push(who.clone()).map_err(|_| Error::<T>::TooManyValidators)?;
		let added = AddedThisSession::<T>::get();
		ensure!(added < T::MaxAdditionsPerSession::get(), Error::<T>::TooManyAdditions);
		Validators::<T>::put(validators);
		AddedThisSession::<T>::put(added.saturating_add(1));
		Self::deposit_event(Event::ValidatorAdded { who });
		Ok(())
	}

	/// Takes `who` out of the approved set (and out of maintenance), keeping the minimum.
	pub(crate) fn do_remove_validator(who: &T::AccountId) -> DispatchResult {
		let mut validators = Validators::<T>::get();
		let position = validators.iter().position(|v| v == who).ok_or(Error::<T>::NotValidator)?;
		Self::ensure_can_lose(who)?;
		validators.remove(position);
		Validators::<T>::put(validators);
		Maintenance::<T>::remove(who);
		Ok(())
	}

	pub(crate) fn do_announce_maintenance(who: T::AccountId) -> DispatchResult {
		ensure!(Validators::<T>::get().contains(&who), Error::<T>::NotValidator);
		ensure!(!Maintenance::<T>::contains_key(&who), Error::<T>::AlreadyInMaintenance);
		Self::ensure_can_lose(&who)?;
		Maintenance::<T>::insert(&who, frame_system::Pallet::<T>::block_number());
		Self::deposit_event(Event::MaintenanceAnnounced { who });
		Ok(())
	}

	/// The validators of the next planned session: approved, not in maintenance, and still
	/// accounts of active agencies. If membership lapses left none, the approved producing set
	/// is kept, because a chain without authorities cannot recover.
	pub fn planned_validators() -> Vec<T::AccountId> {
		let producing: Vec<_> = Validators::<T>::get()
			.into_iter()
			.filter(|v| !Maintenance::<T>::contains_key(v))
			.collect();
		let members: Vec<_> = producing.iter().filter(|v| Self::is_agency(v)).cloned().collect();
		if members.is_empty() {
			producing
		} else {
			members
		}
	}

	/// The storage invariants; run after every test and by `try-runtime`.
	pub fn do_try_state() -> Result<(), sp_runtime::TryRuntimeError> {
		let validators = Validators::<T>::get();
		let mut sorted = validators.clone().into_inner();
		sorted.sort();
		sorted.dedup();
		ensure!(sorted.len() == validators.len(), "a validator is listed twice");
		for (who, _) in Maintenance::<T>::iter() {
			ensure!(validators.contains(&who), "a validator in maintenance is not approved");
		}
		ensure!(
			Maintenance::<T>::iter().count() as u32 == Maintenance::<T>::count(),
			"the maintenance counter is wrong"
		);
		for (who, _) in Barred::<T>::iter() {
			ensure!(!validators.contains(&who), "a barred account is an approved validator");
		}
		ensure!(MinValidators::<T>::get() >= 1, "the minimum is zero");
		for who in validators.iter() {
			ensure!(T::KeyRegistration::is_registered(who), "an approved validator has no keys");
		}
		ensure!(
			validators.is_empty() || Self::producing_count() >= MinValidators::<T>::get(),
			"fewer validators will produce than the minimum"
		);
		ensure!(
			AddedThisSession::<T>::get() <= T::MaxAdditionsPerSession::get(),
			"more additions this session than allowed"
		);
		Ok(())
	}
}

/// `pallet-session` asks for the validators of each new session here.
impl<T: Config> pallet_session::SessionManager<T::AccountId> for Pallet<T> {
	/// The planned set when it differs from the session now starting; otherwise `None`, so
	/// that the next session keeps its validators. `pallet-session` counts any returned set as
	/// a change — and GRANDPA then schedules a new authority set every session — while with
	/// `None` it still compares the validators' keys, so a key rotation is announced all the
	/// same. `None` too when no approved validator is left to produce blocks.
	fn new_session(_new_index: u32) -> Option<Vec<T::AccountId>> {
		AddedThisSession::<T>::kill();
		let planned = Self::planned_validators();
		(!planned.is_empty() && planned != T::SessionValidators::get()).then_some(planned)
	}

	fn end_session(_: u32) {}

	fn start_session(_: u32) {}
}
