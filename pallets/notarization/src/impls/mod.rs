//! What the calls do, the queries of the runtime API, the shared freeze, and the storage
//! invariants.
//!
//! One file per call family, as `tests/` is: `notarize`, `certification`, `supervision`,
//! `queries`, `invariants`; the helpers they share are here.

mod certification;
mod invariants;
mod notarize;
mod queries;
mod supervision;

use crate::{merkle, pallet::*, types::*, NOTARIZATION};
use alloc::vec::Vec;
use frame_support::{ensure, pallet_prelude::*};
use regchain_primitives::{
	paging, time::Moment, Freeze, FreezeDomain, Freezes, FrozenRecord, Membership, OrgId,
};
use sp_core::H256;
use sp_runtime::traits::UniqueSaturatedInto;

impl<T: Config> Pallet<T> {
	/// Now, in on-chain time.
	pub(crate) fn now() -> Moment {
		regchain_primitives::time::now::<T::UnixTime>()
	}

	fn record(id: RecordId) -> Result<Record, DispatchError> {
		Ok(Records::<T>::get(id).ok_or(Error::<T>::RecordNotFound)?)
	}

	fn ensure_not_frozen(id: RecordId) -> DispatchResult {
		Ok(Freezes::<Self>::ensure_not_frozen(id)?)
	}

	/// Stores `record` under the next id.
	fn insert(record: Record) -> Result<RecordId, DispatchError> {
		let id = NextRecordId::<T>::get();
		let next = id.checked_add(1).ok_or(sp_runtime::ArithmeticError::Overflow)?;
		NextRecordId::<T>::put(next);
		RecordsByOwner::<T>::insert(record.owner, id, ());
		Records::<T>::insert(id, record);
		Ok(id)
	}

	fn new_record(
		owner: OrgId,
		anchor: Anchor,
		evidence_type: EvidenceType,
		metadata: H256,
		case: Option<H256>,
	) -> Record {
		let block = frame_system::Pallet::<T>::block_number().unique_saturated_into();
		Record { owner, anchor, evidence_type, metadata, case, at: Self::now(), block }
	}
}
