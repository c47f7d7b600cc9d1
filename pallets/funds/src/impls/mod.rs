//! What the calls do, the statements of the runtime API, and the storage invariants.
//!
//! One file per call family, as `tests/` is: `programs`, `applications`, `expenses`,
//! `publicity`, `payments`, `banks`, `evaluations`, `repayments`, `supervision`, `statements` (the runtime
//! API's), `invariants`; the helpers they share are here.

mod applications;
mod banks;
mod evaluations;
mod expenses;
mod invariants;
mod payments;
mod programs;
mod publicity;
mod repayments;
mod statements;
mod supervision;

pub(crate) use evaluations::Evaluators;
pub(crate) use programs::{Closer, Schedule};
pub use supervision::{AccountRecords, AllocationRecords};

use crate::{pallet::*, types::*};
use alloc::{collections::BTreeMap, vec::Vec};
use core::marker::PhantomData;
use frame_support::{ensure, pallet_prelude::*};
use regchain_primitives::{
	paging, time::Moment, Claim, Fen, Freeze, FreezeDomain, Freezes, InvoiceClaims, Membership,
	OrgId, OrgKind,
};
use sp_core::H256;
use sp_runtime::traits::Zero;

type ProgramOf = Program<Moment>;

impl<T: Config> Pallet<T> {
	fn add(a: Fen, b: Fen) -> Result<Fen, DispatchError> {
		Ok(a.checked_add(b).ok_or(Error::<T>::Overflow)?)
	}

	/// Now, in on-chain time.
	pub(crate) fn now() -> Moment {
		regchain_primitives::time::now::<T::UnixTime>()
	}

	fn program(id: ProgramId) -> Result<ProgramOf, DispatchError> {
		Ok(Programs::<T>::get(id).ok_or(Error::<T>::ProgramNotFound)?)
	}

	fn allocation(id: AllocationId) -> Result<Allocation, DispatchError> {
		Ok(Allocations::<T>::get(id).ok_or(Error::<T>::AllocationNotFound)?)
	}

	/// The program, if `manager` manages it and it is open.
	fn managed(manager: OrgId, id: ProgramId) -> Result<ProgramOf, DispatchError> {
		let program = Self::program(id)?;
		ensure!(program.manager == manager, Error::<T>::NotManager);
		ensure!(program.status == ProgramStatus::Open, Error::<T>::ProgramClosed);
		Ok(program)
	}

	fn ensure_running(program: &ProgramOf) -> DispatchResult {
		ensure!(program.status == ProgramStatus::Open, Error::<T>::ProgramClosed);
		ensure!(Self::now() < program.ends_at, Error::<T>::ProgramEnded);
		Ok(())
	}

	/// Refuses a change of a frozen allocation, or of any of a frozen account's.
	fn ensure_not_frozen(id: AllocationId, allocation: &Allocation) -> DispatchResult {
		Freezes::<AllocationRecords<T>>::ensure_not_frozen(id)?;
		Ok(Freezes::<AccountRecords<T>>::ensure_not_frozen(allocation.enterprise)?)
	}

	/// Appends a movement to an allocation's ledger (the caller stores the allocation).
	fn push(id: AllocationId, allocation: &mut Allocation, movement: Movement) -> DispatchResult {
		let index = allocation.entries;
		allocation.entries = index.checked_add(1).ok_or(Error::<T>::Overflow)?;
		Ledger::<T>::insert(id, index, LedgerEntry { at: Self::now(), movement });
		Ok(())
	}
}
