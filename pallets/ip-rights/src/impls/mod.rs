//! What the calls do, the queries of the runtime API, the shared freeze, and the storage
//! invariants.
//!
//! One file per call family, as `tests/` is: `disputes`, `invariants`, `licensing`, `queries`,
//! `registration`, `supervision`, `transfers`.

mod disputes;
mod invariants;
mod licensing;
mod queries;
mod registration;
mod supervision;
mod transfers;

use crate::{pallet::*, types::*, IP_RIGHTS};
use alloc::vec::Vec;
use frame_support::{ensure, pallet_prelude::*};
use regchain_primitives::{
	paging, time::Moment, EvidenceRecords, Freeze, FreezeDomain, Freezes, FrozenRecord, Membership,
	OrgId,
};
use sp_core::H256;
use sp_runtime::traits::{BlockNumberProvider, UniqueSaturatedInto, Verify, Zero};

impl<T: Config> Pallet<T> {
	/// Now, in on-chain time.
	pub(crate) fn now() -> Moment {
		regchain_primitives::time::now::<T::UnixTime>()
	}

	pub(crate) fn work(id: WorkId) -> Result<Work<T::AccountId>, DispatchError> {
		Ok(Works::<T>::get(id).ok_or(Error::<T>::WorkNotFound)?)
	}

	pub(crate) fn ensure_not_frozen(work: WorkId) -> DispatchResult {
		Ok(Freezes::<Self>::ensure_not_frozen(work)?)
	}

	/// The next id of a counter, which moves on.
	pub(crate) fn allocate<C: frame_support::StorageValue<u64, Query = u64>>(
	) -> Result<u64, DispatchError> {
		let id = C::get();
		C::put(id.checked_add(1).ok_or(sp_runtime::ArithmeticError::Overflow)?);
		Ok(id)
	}
}
