//! An SME's consent to a lender's reads, and the lender's declared access.

use super::*;

impl<T: Config> Pallet<T> {
	/// Checks a scope: not empty, claim types listed once and existing.
	pub(crate) fn check_scope(scope: &Scope) -> DispatchResult {
		ensure!(!scope.is_empty(), Error::<T>::EmptyScope);
		if let ClaimTypeScope::Only(list) = &scope.claim_types {
			let distinct = list.iter().collect::<BTreeSet<_>>().len() == list.len();
			ensure!(
				distinct && list.iter().all(|c| ClaimTypes::<T>::contains_key(c)),
				Error::<T>::InvalidScope
			);
		}
		Ok(())
	}

	pub(crate) fn do_grant_consent(
		sme: OrgId,
		lender: OrgId,
		scope: Scope,
		purpose: Purpose,
		until: Moment,
	) -> DispatchResult {
		ensure!(
			T::Membership::kind(lender) == Some(OrgKind::FinancialInstitution),
			Error::<T>::NotLender
		);
		Self::check_scope(&scope)?;
		let now = Self::now();
		ensure!(until > now && until - now <= T::MaxGrantTerm::get(), Error::<T>::InvalidTerm);
		let id = NextGrantId::<T>::get();
		NextGrantId::<T>::put(Self::next_id(id)?);
		Grants::<T>::insert(
			id,
			Grant { sme, lender, scope, purpose, granted_at: now, until, withdrawn_at: None },
		);
		GrantsBySme::<T>::insert(sme, id, ());
		GrantsByLender::<T>::insert(lender, id, ());
		if purpose == Purpose::InvoiceFinancing {
			FinancingConsents::<T>::insert(sme, lender, id);
		}
		Self::deposit_event(Event::ConsentGranted { grant: id, sme, lender, purpose, until });
		Ok(())
	}

	pub(crate) fn do_withdraw_consent(sme: OrgId, id: GrantId) -> DispatchResult {
		let mut grant = Self::grant(id)?;
		ensure!(grant.sme == sme, Error::<T>::NotGrantor);
		ensure!(grant.withdrawn_at.is_none(), Error::<T>::AlreadyWithdrawn);
		grant.withdrawn_at = Some(Self::now());
		if FinancingConsents::<T>::get(sme, grant.lender) == Some(id) {
			FinancingConsents::<T>::remove(sme, grant.lender);
		}
		Grants::<T>::insert(id, grant);
		Self::deposit_event(Event::ConsentWithdrawn { grant: id });
		Ok(())
	}

	pub(crate) fn do_declare_access(
		lender: OrgId,
		id: GrantId,
		scope: Scope,
		purpose: Purpose,
	) -> DispatchResult {
		let grant = Self::grant(id)?;
		ensure!(grant.lender == lender, Error::<T>::NotGrantee);
		ensure!(grant.withdrawn_at.is_none(), Error::<T>::GrantWithdrawn);
		let now = Self::now();
		ensure!(now < grant.until, Error::<T>::GrantExpired);
		ensure!(grant.purpose == purpose, Error::<T>::WrongPurpose);
		ensure!(!scope.is_empty(), Error::<T>::EmptyScope);
		ensure!(grant.scope.covers(&scope), Error::<T>::OutsideScope);
		let index = AccessCount::<T>::get(grant.sme);
		AccessCount::<T>::insert(grant.sme, index.checked_add(1).ok_or(Error::<T>::Overflow)?);
		Accesses::<T>::insert(
			grant.sme,
			index,
			Access { lender, grant: id, scope, purpose, at: now },
		);
		LatestAccesses::<T>::insert(grant.sme, lender, index);
		Self::deposit_event(Event::AccessDeclared { sme: grant.sme, index, lender, grant: id });
		Ok(())
	}
}
