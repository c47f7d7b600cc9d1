//! The catalogue of claim types and who may attest them.

use super::*;

impl<T: Config> Pallet<T> {
	pub(crate) fn do_register_claim_type(
		regulator: OrgId,
		name: ClaimTypeName,
		schema: H256,
		ratings: Ratings,
		attester_kinds: OrgKinds,
		receivables: bool,
	) -> DispatchResult {
		ensure!(!name.is_empty(), Error::<T>::EmptyName);
		ensure!(!attester_kinds.is_empty(), Error::<T>::NoAttesterKinds);
		let distinct = ratings.iter().collect::<BTreeSet<_>>().len() == ratings.len();
		ensure!(distinct && ratings.iter().all(|r| !r.is_empty()), Error::<T>::InvalidRatings);
		let id = NextClaimTypeId::<T>::get();
		NextClaimTypeId::<T>::put(Self::next_id(id)?);
		let claim_type = ClaimType {
			name: name.clone(),
			schema,
			ratings,
			attester_kinds,
			receivables,
			registered_by: regulator,
			// 0 for the national catalogue, registered at genesis (before any time).
			registered_at: regchain_primitives::time::chain_now::<T, T::UnixTime>(),
			retired: false,
		};
		if let Some(kind) = Self::discipline_kind(&claim_type) {
			if !DisciplineClaimTypes::<T>::contains_key(kind) {
				DisciplineClaimTypes::<T>::insert(kind, id);
			}
		}
		ClaimTypes::<T>::insert(id, claim_type);
		Self::deposit_event(Event::ClaimTypeRegistered {
			claim_type: id,
			name,
			kinds: attester_kinds,
		});
		Ok(())
	}

	/// The claim type `id`, if `authority` may retire or reinstate it.
	pub(crate) fn catalogue_entry(
		authority: CatalogueAuthority,
		id: ClaimTypeId,
	) -> Result<ClaimType, DispatchError> {
		let claim_type = Self::claim_type(id)?;
		if let CatalogueAuthority::Regulator(org) = authority {
			let registrant = claim_type.registered_by;
			ensure!(
				org == registrant || T::Membership::has_jurisdiction(org, registrant),
				Error::<T>::NotRegistrant
			);
		}
		Ok(claim_type)
	}

	pub(crate) fn do_retire_claim_type(
		authority: CatalogueAuthority,
		id: ClaimTypeId,
	) -> DispatchResult {
		let mut claim_type = Self::catalogue_entry(authority, id)?;
		ensure!(!claim_type.retired, Error::<T>::ClaimTypeRetired);
		claim_type.retired = true;
		ClaimTypes::<T>::insert(id, claim_type);
		Self::deposit_event(Event::ClaimTypeRetired { claim_type: id });
		Ok(())
	}

	pub(crate) fn do_reinstate_claim_type(
		authority: CatalogueAuthority,
		id: ClaimTypeId,
	) -> DispatchResult {
		let mut claim_type = Self::catalogue_entry(authority, id)?;
		ensure!(claim_type.retired, Error::<T>::ClaimTypeNotRetired);
		claim_type.retired = false;
		ClaimTypes::<T>::insert(id, claim_type);
		Self::deposit_event(Event::ClaimTypeReinstated { claim_type: id });
		Ok(())
	}

	pub(crate) fn do_authorize_attester(
		regulator: OrgId,
		id: ClaimTypeId,
		attester: OrgId,
	) -> DispatchResult {
		let claim_type = Self::claim_type(id)?;
		ensure!(!claim_type.retired, Error::<T>::ClaimTypeRetired);
		let kind = T::Membership::kind(attester).ok_or(Error::<T>::OrganizationNotFound)?;
		ensure!(
			claim_type.attester_kinds.contains(kind)
				&& regchain_primitives::Role::Attester.may_be_held_by(kind),
			Error::<T>::WrongAttesterKind
		);
		T::Membership::ensure_jurisdiction(regulator, attester).map_err(Error::<T>::from)?;
		ensure!(!Attesters::<T>::contains_key(id, attester), Error::<T>::AlreadyAuthorized);
		Attesters::<T>::insert(id, attester, Self::now());
		Self::deposit_event(Event::AttesterAuthorized { claim_type: id, attester });
		Ok(())
	}

	pub(crate) fn do_deauthorize_attester(
		regulator: OrgId,
		id: ClaimTypeId,
		attester: OrgId,
	) -> DispatchResult {
		ensure!(Attesters::<T>::contains_key(id, attester), Error::<T>::NotAuthorized);
		T::Membership::ensure_jurisdiction(regulator, attester).map_err(Error::<T>::from)?;
		Attesters::<T>::remove(id, attester);
		Self::deposit_event(Event::AttesterDeauthorized { claim_type: id, attester });
		Ok(())
	}
}
