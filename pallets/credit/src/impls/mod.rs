//! What the calls do, the queries of the runtime API, the shared freeze, and the storage
//! invariants.
//!
//! One file per call family, as `tests/` is: `attestations`, `claim_types`, `consent`,
//! `discipline`, `disputes`, `financing`, `invariants`, `queries`, `supervision`.

mod attestations;
mod claim_types;
mod consent;
mod discipline;
mod disputes;
mod financing;
mod invariants;
mod queries;
mod supervision;

use crate::{pallet::*, types::*, CREDIT};
use alloc::{collections::BTreeSet, vec::Vec};
use frame_support::{ensure, pallet_prelude::*, traits::EnsureOrigin};
use regchain_primitives::{
	paging, time::Moment, Claim, DisciplineKind, Freeze, FreezeDomain, Freezes, FrozenRecord,
	InvoiceClaims, Listing, Membership, OrgId, OrgKind, OrgKinds,
};
use sp_core::H256;

/// Who decides a dispute: its attester before the deadline, or the credit regulator after it.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Decider {
	/// The attester's organization.
	Attester(OrgId),
	/// The credit regulator's organization.
	Regulator(OrgId),
}

impl Decider {
	fn org(self) -> OrgId {
		match self {
			Decider::Attester(org) | Decider::Regulator(org) => org,
		}
	}
}

/// Who retires or reinstates a claim type: governance any, a credit regulator those it or a
/// regulator within its jurisdiction registered.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum CatalogueAuthority {
	/// The agencies' governance.
	Governance,
	/// A credit regulator's organization.
	Regulator(OrgId),
}

impl<T: Config> Pallet<T> {
	/// Now, in on-chain time.
	pub(crate) fn now() -> Moment {
		regchain_primitives::time::now::<T::UnixTime>()
	}

	/// The catalogue authority an origin stands for: governance, or else a credit regulator.
	pub(crate) fn catalogue_authority(
		origin: T::RuntimeOrigin,
	) -> Result<CatalogueAuthority, DispatchError> {
		Ok(match T::GovernanceOrigin::try_origin(origin) {
			Ok(_) => CatalogueAuthority::Governance,
			Err(origin) => {
				CatalogueAuthority::Regulator(T::RegulatorOrigin::ensure_origin(origin)?.1)
			},
		})
	}

	/// The decider an origin stands for: the credit regulator, or else an attester.
	pub(crate) fn decider(origin: T::RuntimeOrigin) -> Result<Decider, DispatchError> {
		Ok(match T::RegulatorOrigin::try_origin(origin) {
			Ok((_, regulator)) => Decider::Regulator(regulator),
			Err(origin) => Decider::Attester(T::AttesterOrigin::ensure_origin(origin)?.1),
		})
	}

	pub(crate) fn claim_type(id: ClaimTypeId) -> Result<ClaimType, DispatchError> {
		Ok(ClaimTypes::<T>::get(id).ok_or(Error::<T>::ClaimTypeNotFound)?)
	}

	pub(crate) fn attestation(id: AttestationId) -> Result<Attestation, DispatchError> {
		Ok(Attestations::<T>::get(id).ok_or(Error::<T>::AttestationNotFound)?)
	}

	pub(crate) fn grant(id: GrantId) -> Result<Grant, DispatchError> {
		Ok(Grants::<T>::get(id).ok_or(Error::<T>::GrantNotFound)?)
	}

	pub(crate) fn ensure_not_frozen(id: AttestationId) -> DispatchResult {
		Ok(Freezes::<Self>::ensure_not_frozen(id)?)
	}

	/// Takes the next id from a counter.
	pub(crate) fn next_id<V>(counter: V) -> Result<V, DispatchError>
	where
		V: Copy + sp_runtime::traits::CheckedAdd + sp_runtime::traits::One,
	{
		let next = counter.checked_add(&V::one()).ok_or(sp_runtime::ArithmeticError::Overflow)?;
		Ok(next)
	}
}
