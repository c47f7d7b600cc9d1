//! The pallet's logic: origin checks, the `do_*` functions behind the calls, the
//! [`Membership`] answer other pallets rely on, and the storage invariants.
//!
//! One file per call family, as `tests/` is: `accounts`, `governance`, `invariants`, `membership`,
//! `queries`, `registration`, `roles`, `status`.

mod accounts;
mod governance;
mod invariants;
mod membership;
mod queries;
mod registration;
mod roles;
mod status;

use crate::{pallet::*, types::*, AgencyDeparture};
use alloc::vec::Vec;
use frame_support::{ensure, pallet_prelude::*, traits::EnsureOrigin};
use frame_system::{ensure_signed, pallet_prelude::*};
use regchain_primitives::{
	paging, time::Moment, AgencyKind, CreditCode, CreditCodeError, Division, MemberInfo,
	Membership, OrgId, OrgKind, Role, Roles,
};
use sp_runtime::{
	traits::{Verify, Zero},
	ArithmeticError,
};

impl<T: Config> From<CreditCodeError> for Error<T> {
	fn from(e: CreditCodeError) -> Self {
		match e {
			CreditCodeError::WrongLength => Error::CreditCodeWrongLength,
			CreditCodeError::InvalidCharacter => Error::CreditCodeInvalidCharacter,
			CreditCodeError::InvalidDivision => Error::CreditCodeInvalidDivision,
			CreditCodeError::CheckDigitMismatch => Error::CreditCodeCheckDigitMismatch,
			CreditCodeError::InvalidRegistrationType => Error::CreditCodeInvalidRegistrationType,
			CreditCodeError::OrgCodeCheckMismatch => Error::CreditCodeOrgCodeMismatch,
		}
	}
}

impl<T: Config> Pallet<T> {
	/// Now, in on-chain time; 0 while the genesis state is built (the founding agencies).
	pub(crate) fn now() -> Moment {
		regchain_primitives::time::chain_now::<T, T::UnixTime>()
	}

	/// The active organization `who` acts for, with its record.
	pub(crate) fn active_org_of(who: &T::AccountId) -> Option<(OrgId, Organization)> {
		let id = AccountOrganization::<T>::get(who)?;
		let org = Organizations::<T>::get(id)?;
		org.is_active_at(Self::now()).then_some((id, org))
	}

	/// A signed account of an active organization.
	pub(crate) fn ensure_member(
		origin: OriginFor<T>,
	) -> Result<(T::AccountId, OrgId), DispatchError> {
		let who = ensure_signed(origin)?;
		let (org, _) = Self::active_org_of(&who).ok_or(Error::<T>::NotActiveMember)?;
		Ok((who, org))
	}

	/// An administrator account of an active organization.
	pub(crate) fn ensure_admin(
		origin: OriginFor<T>,
	) -> Result<(T::AccountId, OrgId), DispatchError> {
		let (who, org) = Self::ensure_member(origin)?;
		ensure!(Admins::<T>::contains_key(&who), Error::<T>::NotAdmin);
		Ok((who, org))
	}

	/// A signed account of an active agency of `kind`.
	pub(crate) fn ensure_agency(
		origin: OriginFor<T>,
		kind: AgencyKind,
	) -> Result<(T::AccountId, OrgId), DispatchError> {
		let who = ensure_signed(origin)?;
		match Self::active_org_of(&who) {
			Some((id, org)) if org.kind == OrgKind::Agency(kind) => Ok((who, id)),
			_ => Err(Error::<T>::NotAuthorized.into()),
		}
	}

	/// Governance, or the registrar agency of `org`'s kind (agencies have none) whose
	/// jurisdiction covers `org`.
	pub(crate) fn ensure_authority_over(origin: OriginFor<T>, org: OrgId) -> DispatchResult {
		let record = Organizations::<T>::get(org).ok_or(Error::<T>::OrganizationNotFound)?;
		match T::GovernanceOrigin::try_origin(origin) {
			Ok(_) => Ok(()),
			Err(origin) => {
				let registrar = record.kind.registrar().ok_or(Error::<T>::NotAuthorized)?;
				let (_, by) = Self::ensure_agency(origin, registrar)?;
				Self::ensure_jurisdiction(by, org)
			},
		}
	}

	/// The one jurisdiction check (`Membership::ensure_jurisdiction`), with this pallet's errors.
	pub(crate) fn ensure_jurisdiction(agency: OrgId, org: OrgId) -> DispatchResult {
		<Self as Membership<T::AccountId>>::ensure_jurisdiction(agency, org)
			.map_err(Error::<T>::from)?;
		Ok(())
	}

	/// The jurisdiction of an agency (national if none was set), the division of another
	/// member's credit code.
	pub(crate) fn region_of(id: OrgId, record: &Organization) -> Division {
		match (record.kind, record.credit_code) {
			(OrgKind::Agency(_), _) => Jurisdictions::<T>::get(id).unwrap_or(Division::NATIONAL),
			(_, Some(code)) => code.division(),
			(_, None) => Division::NATIONAL,
		}
	}
}
