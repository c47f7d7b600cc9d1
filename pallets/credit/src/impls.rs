//! What the calls do, the queries of the runtime API, the shared freeze, and the storage
//! invariants.

use crate::{pallet::*, types::*, CREDIT};
use alloc::{collections::BTreeSet, vec::Vec};
use frame_support::{ensure, pallet_prelude::*, traits::EnsureOrigin};
use regchain_primitives::{
	paging, time::Moment, Claim, Freeze, FreezeDomain, Freezes, FrozenRecord, InvoiceClaims,
	Membership, OrgId, OrgKind, OrgKinds,
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

	fn claim_type(id: ClaimTypeId) -> Result<ClaimType, DispatchError> {
		Ok(ClaimTypes::<T>::get(id).ok_or(Error::<T>::ClaimTypeNotFound)?)
	}

	fn attestation(id: AttestationId) -> Result<Attestation, DispatchError> {
		Ok(Attestations::<T>::get(id).ok_or(Error::<T>::AttestationNotFound)?)
	}

	fn grant(id: GrantId) -> Result<Grant, DispatchError> {
		Ok(Grants::<T>::get(id).ok_or(Error::<T>::GrantNotFound)?)
	}

	fn ensure_jurisdiction(agency: OrgId, org: OrgId) -> DispatchResult {
		ensure!(T::Membership::has_jurisdiction(agency, org), Error::<T>::OutsideJurisdiction);
		Ok(())
	}

	fn ensure_not_frozen(id: AttestationId) -> DispatchResult {
		Ok(Freezes::<Self>::ensure_not_frozen(id)?)
	}

	/// Takes the next id from a counter.
	fn next_id<V>(counter: V) -> Result<V, DispatchError>
	where
		V: Copy + sp_runtime::traits::CheckedAdd + sp_runtime::traits::One,
	{
		let next = counter.checked_add(&V::one()).ok_or(sp_runtime::ArithmeticError::Overflow)?;
		Ok(next)
	}

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
		ClaimTypes::<T>::insert(
			id,
			ClaimType {
				name: name.clone(),
				schema,
				ratings,
				attester_kinds,
				receivables,
				registered_by: regulator,
				// 0 for the national catalogue, registered at genesis (before any time).
				registered_at: regchain_primitives::time::chain_now::<T, T::UnixTime>(),
				retired: false,
			},
		);
		Self::deposit_event(Event::ClaimTypeRegistered {
			claim_type: id,
			name,
			kinds: attester_kinds,
		});
		Ok(())
	}

	/// The claim type `id`, if `authority` may retire or reinstate it.
	fn catalogue_entry(
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
		Self::ensure_jurisdiction(regulator, attester)?;
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
		Self::ensure_jurisdiction(regulator, attester)?;
		Attesters::<T>::remove(id, attester);
		Self::deposit_event(Event::AttesterDeauthorized { claim_type: id, attester });
		Ok(())
	}

	/// The checks of a new attestation by `attester` about `subject`, shared by `attest` and
	/// `supersede`.
	fn check_attestation(
		attester: OrgId,
		subject: OrgId,
		claim_type_id: ClaimTypeId,
		rating: Option<Rating>,
		valid_from: Moment,
		valid_until: Moment,
	) -> Result<ClaimType, DispatchError> {
		let claim_type = Self::claim_type(claim_type_id)?;
		ensure!(!claim_type.retired, Error::<T>::ClaimTypeRetired);
		ensure!(Attesters::<T>::contains_key(claim_type_id, attester), Error::<T>::NotAuthorized);
		ensure!(
			T::Membership::kind(subject) == Some(OrgKind::Enterprise),
			Error::<T>::NotEnterprise
		);
		ensure!(attester != subject, Error::<T>::SelfAttestation);
		if matches!(T::Membership::kind(attester), Some(OrgKind::Agency(_))) {
			Self::ensure_jurisdiction(attester, subject)?;
		}
		if let Some(rating) = rating {
			ensure!(usize::from(rating) < claim_type.ratings.len(), Error::<T>::RatingNotAllowed);
		}
		ensure!(valid_from < valid_until && valid_until > Self::now(), Error::<T>::InvalidPeriod);
		Ok(claim_type)
	}

	/// Stores a checked attestation under a new id.
	fn insert_attestation(attestation: Attestation) -> Result<AttestationId, DispatchError> {
		let id = NextAttestationId::<T>::get();
		NextAttestationId::<T>::put(Self::next_id(id)?);
		AttestationsBySubject::<T>::insert(attestation.subject, id, ());
		CurrentAttestations::<T>::insert(attestation.subject, id, ());
		Self::deposit_event(Event::Attested {
			attestation: id,
			claim_type: attestation.claim_type,
			subject: attestation.subject,
			attester: attestation.attester,
			rating: attestation.rating,
		});
		Attestations::<T>::insert(id, attestation);
		Ok(id)
	}

	#[allow(clippy::too_many_arguments)]
	pub(crate) fn do_attest(
		attester: OrgId,
		subject: OrgId,
		claim_type: ClaimTypeId,
		data: H256,
		rating: Option<Rating>,
		valid_from: Moment,
		valid_until: Moment,
		invoices: FinancedInvoices,
	) -> Result<AttestationId, DispatchError> {
		let kind = Self::check_attestation(
			attester,
			subject,
			claim_type,
			rating,
			valid_from,
			valid_until,
		)?;
		if !invoices.is_empty() {
			ensure!(kind.receivables, Error::<T>::InvoicesNotAllowed);
			let distinct = invoices.iter().collect::<BTreeSet<_>>().len() == invoices.len();
			ensure!(distinct, Error::<T>::DuplicateInvoice);
			Self::ensure_financing_consent(subject, attester, claim_type, valid_until)?;
		}
		let id = NextAttestationId::<T>::get();
		// The call is transactional: a refused invoice unlocks the ones before it.
		for invoice in invoices.iter() {
			T::Invoices::claim_receivable(*invoice, subject, Claim::new(CREDIT, id))?;
		}
		Self::insert_attestation(Attestation {
			claim_type,
			subject,
			attester,
			data,
			rating,
			valid_from,
			valid_until,
			attested_at: Self::now(),
			status: AttestationStatus::Active,
			invoices,
			supersedes: None,
		})
	}

	/// Checks that `sme` consented to `lender` pledging its invoices for a receivable of
	/// `claim_type` that ends at `until`: its financing grant to the lender is in force, covers
	/// the claim type, and runs at least until then.
	fn ensure_financing_consent(
		sme: OrgId,
		lender: OrgId,
		claim_type: ClaimTypeId,
		until: Moment,
	) -> DispatchResult {
		let grant = FinancingConsents::<T>::get(sme, lender)
			.and_then(Grants::<T>::get)
			.ok_or(Error::<T>::NoFinancingConsent)?;
		let asked = ClaimTypeScope::Only(
			ClaimTypeList::try_from(alloc::vec![claim_type]).map_err(|_| Error::<T>::Overflow)?,
		);
		ensure!(
			grant.is_valid_at(Self::now()) && grant.scope.claim_types.covers(&asked),
			Error::<T>::NoFinancingConsent
		);
		ensure!(until <= grant.until, Error::<T>::BeyondConsent);
		Ok(())
	}

	/// The active attestation `id`, if `attester` gave it and it is not frozen.
	fn own_active(attester: OrgId, id: AttestationId) -> Result<Attestation, DispatchError> {
		let attestation = Self::attestation(id)?;
		ensure!(attestation.attester == attester, Error::<T>::NotAttester);
		ensure!(attestation.status == AttestationStatus::Active, Error::<T>::NotActive);
		Self::ensure_not_frozen(id)?;
		Ok(attestation)
	}

	/// Ends an active attestation with `status` (the caller checked it may): the financing
	/// it stood for ends with it, so the invoices it pledged are released.
	fn end(id: AttestationId, mut attestation: Attestation, status: AttestationStatus) {
		CurrentAttestations::<T>::remove(attestation.subject, id);
		Self::release(id, &attestation.invoices);
		attestation.status = status;
		Attestations::<T>::insert(id, attestation);
	}

	/// Releases those of `invoices` that attestation `id` still holds; returns how many.
	fn release(id: AttestationId, invoices: &FinancedInvoices) -> u32 {
		let claim = Claim::new(CREDIT, id);
		let released =
			invoices.iter().filter(|i| T::Invoices::release_receivable(**i, claim)).count() as u32;
		if released > 0 {
			Self::deposit_event(Event::ReceivablesReleased { attestation: id, invoices: released });
		}
		released
	}

	pub(crate) fn do_release_receivables(caller: OrgId, id: AttestationId) -> DispatchResult {
		let attestation = Self::attestation(id)?;
		let ended = attestation.status != AttestationStatus::Active
			|| Self::now() >= attestation.valid_until;
		ensure!(caller == attestation.attester || ended, Error::<T>::FinancingNotEnded);
		Self::ensure_not_frozen(id)?;
		ensure!(Self::release(id, &attestation.invoices) > 0, Error::<T>::NothingPledged);
		Ok(())
	}

	pub(crate) fn do_supersede(
		attester: OrgId,
		old_id: AttestationId,
		data: H256,
		rating: Option<Rating>,
		valid_from: Moment,
		valid_until: Moment,
	) -> DispatchResult {
		let old = Self::own_active(attester, old_id)?;
		ensure!(
			!Disputes::<T>::get(old_id).is_some_and(|d| d.is_undecided()),
			Error::<T>::DisputeUndecided
		);
		Self::check_attestation(
			attester,
			old.subject,
			old.claim_type,
			rating,
			valid_from,
			valid_until,
		)?;
		let new_id = Self::insert_attestation(Attestation {
			claim_type: old.claim_type,
			subject: old.subject,
			attester,
			data,
			rating,
			valid_from,
			valid_until,
			attested_at: Self::now(),
			status: AttestationStatus::Active,
			invoices: Default::default(),
			supersedes: Some(old_id),
		})?;
		Self::end(old_id, old, AttestationStatus::Superseded { at: Self::now(), by: new_id });
		Self::deposit_event(Event::Superseded { attestation: old_id, by: new_id });
		Ok(())
	}

	pub(crate) fn do_revoke(attester: OrgId, id: AttestationId, reason: H256) -> DispatchResult {
		let attestation = Self::own_active(attester, id)?;
		Self::end(id, attestation, AttestationStatus::Revoked { at: Self::now(), reason });
		Self::deposit_event(Event::Revoked { attestation: id, reason });
		Ok(())
	}

	/// Checks a scope: not empty, claim types listed once and existing.
	fn check_scope(scope: &Scope) -> DispatchResult {
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

	pub(crate) fn do_dispute(sme: OrgId, id: AttestationId, reason: H256) -> DispatchResult {
		let attestation = Self::attestation(id)?;
		ensure!(attestation.subject == sme, Error::<T>::NotSubject);
		ensure!(attestation.status == AttestationStatus::Active, Error::<T>::NotActive);
		ensure!(!Disputes::<T>::contains_key(id), Error::<T>::AlreadyDisputed);
		Self::ensure_not_frozen(id)?;
		let now = Self::now();
		let deadline = now.saturating_add(T::DisputeWindow::get());
		Disputes::<T>::insert(
			id,
			Dispute { reason, filed_at: now, deadline, status: DisputeStatus::Open },
		);
		Self::deposit_event(Event::Disputed { attestation: id, deadline });
		Ok(())
	}

	/// The undecided dispute of `id` with its attestation, if `decider` may decide it now: the
	/// attester before the deadline, the regulator of the subject's jurisdiction after it.
	fn decidable(
		decider: Decider,
		id: AttestationId,
	) -> Result<(Attestation, Dispute), DispatchError> {
		let attestation = Self::attestation(id)?;
		let dispute = Disputes::<T>::get(id).ok_or(Error::<T>::NoDispute)?;
		ensure!(dispute.is_undecided(), Error::<T>::DisputeDecided);
		Self::ensure_not_frozen(id)?;
		let overdue = Self::now() >= dispute.deadline;
		match decider {
			Decider::Attester(org) => {
				ensure!(attestation.attester == org, Error::<T>::NotAttester);
				ensure!(!overdue, Error::<T>::DeadlinePassed);
			},
			Decider::Regulator(org) => {
				ensure!(overdue, Error::<T>::DeadlineNotPassed);
				Self::ensure_jurisdiction(org, attestation.subject)?;
			},
		}
		Ok((attestation, dispute))
	}

	pub(crate) fn do_uphold_dispute(decider: Decider, id: AttestationId) -> DispatchResult {
		let (attestation, mut dispute) = Self::decidable(decider, id)?;
		ensure!(attestation.status == AttestationStatus::Active, Error::<T>::NotActive);
		let now = Self::now();
		dispute.status = DisputeStatus::Upheld { by: decider.org(), at: now };
		Disputes::<T>::insert(id, dispute);
		Self::end(id, attestation, AttestationStatus::Revoked { at: now, reason: dispute.reason });
		Self::deposit_event(Event::DisputeUpheld { attestation: id, by: decider.org() });
		Self::deposit_event(Event::Revoked { attestation: id, reason: dispute.reason });
		Ok(())
	}

	pub(crate) fn do_reject_dispute(
		decider: Decider,
		id: AttestationId,
		reason: H256,
	) -> DispatchResult {
		let (_, mut dispute) = Self::decidable(decider, id)?;
		dispute.status = DisputeStatus::Rejected { by: decider.org(), at: Self::now(), reason };
		Disputes::<T>::insert(id, dispute);
		Self::deposit_event(Event::DisputeRejected { attestation: id, by: decider.org(), reason });
		Ok(())
	}

	pub(crate) fn do_mark_dispute_lapsed(id: AttestationId) -> DispatchResult {
		ensure!(Attestations::<T>::contains_key(id), Error::<T>::AttestationNotFound);
		let mut dispute = Disputes::<T>::get(id).ok_or(Error::<T>::NoDispute)?;
		ensure!(dispute.status == DisputeStatus::Open, Error::<T>::DisputeDecided);
		let now = Self::now();
		ensure!(now >= dispute.deadline, Error::<T>::DeadlineNotPassed);
		dispute.status = DisputeStatus::Lapsed { at: now };
		Disputes::<T>::insert(id, dispute);
		Self::deposit_event(Event::DisputeLapsed { attestation: id });
		Ok(())
	}

	pub(crate) fn do_freeze(regulator: OrgId, id: AttestationId, reason: H256) -> DispatchResult {
		Freezes::<Self>::freeze(regulator, id, reason).map(|_| ())
	}

	pub(crate) fn do_unfreeze(regulator: OrgId, id: AttestationId) -> DispatchResult {
		Freezes::<Self>::unfreeze(regulator, id).map(|_| ())
	}

	// --- Queries of the runtime API ---

	/// One line of a profile.
	fn profile_entry(id: AttestationId, attestation: Attestation) -> ProfileEntry {
		let rating = attestation.rating.and_then(|r| {
			ClaimTypes::<T>::get(attestation.claim_type)
				.and_then(|c| c.ratings.get(usize::from(r)).cloned())
		});
		ProfileEntry {
			id,
			rating,
			dispute: Disputes::<T>::get(id),
			frozen: FrozenAttestations::<T>::contains_key(id),
			attestation,
		}
	}

	/// An SME's current credit profile: of up to `limit` (at most 100) of its active
	/// attestations after `start_after`, those within their validity period now, with rating
	/// label, dispute and freeze. An empty page only ends the profile when the keys run out:
	/// page on from the last key of [`Self::profile_keys`].
	pub fn credit_profile(
		sme: OrgId,
		start_after: Option<AttestationId>,
		limit: u32,
	) -> Vec<ProfileEntry> {
		let now = Self::now();
		paging::keys_after::<CurrentAttestations<T>, _, _, _>(sme, start_after, limit)
			.into_iter()
			.filter_map(|id| Attestations::<T>::get(id).map(|a| (id, a)))
			.filter(|(_, a)| a.counts_at(now))
			.map(|(id, a)| Self::profile_entry(id, a))
			.collect()
	}

	/// Every attestation about an SME, whatever became of it: up to `limit` (at most 100)
	/// after `start_after`.
	pub fn attestation_history(
		sme: OrgId,
		start_after: Option<AttestationId>,
		limit: u32,
	) -> Vec<ProfileEntry> {
		paging::keys_after::<AttestationsBySubject<T>, _, _, _>(sme, start_after, limit)
			.into_iter()
			.filter_map(|id| Attestations::<T>::get(id).map(|a| Self::profile_entry(id, a)))
			.collect()
	}

	/// One attestation with its rating label, dispute and freeze.
	pub fn attestation_of(id: AttestationId) -> Option<ProfileEntry> {
		Attestations::<T>::get(id).map(|a| Self::profile_entry(id, a))
	}

	/// The grants `lender` holds from `sme` that are in force now: whether it holds consent,
	/// and for what. Pages through the SME's grants: up to `limit` (at most 100) after
	/// `start_after`.
	pub fn consents(
		sme: OrgId,
		lender: OrgId,
		start_after: Option<GrantId>,
		limit: u32,
	) -> Vec<(GrantId, Grant)> {
		let now = Self::now();
		paging::keys_after::<GrantsBySme<T>, _, _, _>(sme, start_after, limit)
			.into_iter()
			.filter_map(|id| Grants::<T>::get(id).map(|g| (id, g)))
			.filter(|(_, g)| g.lender == lender && g.is_valid_at(now))
			.collect()
	}

	/// Every grant an SME gave, withdrawn and lapsed ones too: up to `limit` (at most 100)
	/// after `start_after`.
	pub fn grants_of(
		sme: OrgId,
		start_after: Option<GrantId>,
		limit: u32,
	) -> Vec<(GrantId, Grant)> {
		paging::keys_after::<GrantsBySme<T>, _, _, _>(sme, start_after, limit)
			.into_iter()
			.filter_map(|id| Grants::<T>::get(id).map(|g| (id, g)))
			.collect()
	}

	/// An SME's access log: up to `limit` (at most 100) entries from entry `from` on.
	pub fn access_log(sme: OrgId, from: u32, limit: u32) -> Vec<Access> {
		let end = paging::page_end(from, limit, AccessCount::<T>::get(sme));
		(from..end).filter_map(|index| Accesses::<T>::get(sme, index)).collect()
	}

	/// The latest access `lender` declared on `sme`'s data, if it was at or after `since` and
	/// its grant is still in force: one read of the index [`LatestAccesses`], so accesses other
	/// lenders declared since never hide it.
	pub fn declared_access(sme: OrgId, lender: OrgId, since: Moment) -> Option<Access> {
		let now = Self::now();
		LatestAccesses::<T>::get(sme, lender)
			.and_then(|index| Accesses::<T>::get(sme, index))
			.filter(|access| {
				access.at >= since
					&& Grants::<T>::get(access.grant).is_some_and(|g| g.is_valid_at(now))
			})
	}

	/// What `lender` may read of `sme`'s data now: its latest access declared within
	/// [`Config::AccessValidity`] under a grant still in force. The query gateway asks this.
	pub fn current_access(sme: OrgId, lender: OrgId) -> Option<Access> {
		Self::declared_access(sme, lender, Self::now().saturating_sub(T::AccessValidity::get()))
	}

	/// The claim types: up to `limit` (at most 100) from id `from` on.
	pub fn claim_types(from: ClaimTypeId, limit: u32) -> Vec<(ClaimTypeId, ClaimType)> {
		let end = paging::page_end(from, limit, NextClaimTypeId::<T>::get());
		(from..end).filter_map(|id| ClaimTypes::<T>::get(id).map(|c| (id, c))).collect()
	}

	/// Checks the invariants listed in the crate docs; the error names the one that broke.
	pub fn do_try_state() -> Result<(), sp_runtime::TryRuntimeError> {
		let next_claim_type = NextClaimTypeId::<T>::get();
		for (id, _) in ClaimTypes::<T>::iter() {
			ensure!(id < next_claim_type, "a claim type id beyond the counter");
		}
		for (claim_type, _, _) in Attesters::<T>::iter() {
			ensure!(ClaimTypes::<T>::contains_key(claim_type), "an attester of no claim type");
		}
		let next_attestation = NextAttestationId::<T>::get();
		let mut active = 0usize;
		for (id, a) in Attestations::<T>::iter() {
			ensure!(id < next_attestation, "an attestation id beyond the counter");
			ensure!(ClaimTypes::<T>::contains_key(a.claim_type), "an attestation of no claim type");
			ensure!(
				AttestationsBySubject::<T>::contains_key(a.subject, id),
				"an attestation missing from its subject's index"
			);
			let is_active = a.status == AttestationStatus::Active;
			active += usize::from(is_active);
			ensure!(
				CurrentAttestations::<T>::contains_key(a.subject, id) == is_active,
				"the current index differs from the attestations' status"
			);
			if let AttestationStatus::Superseded { by, .. } = a.status {
				let successor = Attestations::<T>::get(by).ok_or("a successor is missing")?;
				ensure!(
					successor.supersedes == Some(id),
					"a successor does not name its predecessor"
				);
			}
		}
		ensure!(
			AttestationsBySubject::<T>::iter_keys().count()
				== Attestations::<T>::iter_keys().count(),
			"the subject index lists attestations that do not exist"
		);
		ensure!(
			CurrentAttestations::<T>::iter_keys().count() == active,
			"the current index lists attestations that are not active"
		);
		for id in Disputes::<T>::iter_keys().chain(FrozenAttestations::<T>::iter_keys()) {
			ensure!(Attestations::<T>::contains_key(id), "a dispute or freeze of no attestation");
		}
		let next_grant = NextGrantId::<T>::get();
		for (id, g) in Grants::<T>::iter() {
			ensure!(id < next_grant, "a grant id beyond the counter");
			ensure!(
				GrantsBySme::<T>::contains_key(g.sme, id)
					&& GrantsByLender::<T>::contains_key(g.lender, id),
				"a grant missing from its indexes"
			);
		}
		let grants = Grants::<T>::iter_keys().count();
		ensure!(
			GrantsBySme::<T>::iter_keys().count() == grants
				&& GrantsByLender::<T>::iter_keys().count() == grants,
			"a grant index lists grants that do not exist"
		);
		for (sme, index, access) in Accesses::<T>::iter() {
			ensure!(index < AccessCount::<T>::get(sme), "an access beyond the log's length");
			let grant = Grants::<T>::get(access.grant).ok_or("an access under no grant")?;
			ensure!(
				grant.sme == sme && grant.lender == access.lender,
				"an access under another SME's or lender's grant"
			);
		}
		for (sme, count) in AccessCount::<T>::iter() {
			ensure!(
				Accesses::<T>::iter_prefix(sme).count() == count as usize,
				"an access count differs from the log"
			);
		}
		for (sme, index, access) in Accesses::<T>::iter() {
			let latest = LatestAccesses::<T>::get(sme, access.lender);
			ensure!(latest.is_some_and(|l| l >= index), "an access newer than its lender's latest");
		}
		for (sme, lender, index) in LatestAccesses::<T>::iter() {
			ensure!(
				Accesses::<T>::get(sme, index).is_some_and(|a| a.lender == lender),
				"a latest access that is another lender's or none"
			);
		}
		for (sme, lender, id) in FinancingConsents::<T>::iter() {
			ensure!(
				Grants::<T>::get(id).is_some_and(|g| g.sme == sme
					&& g.lender == lender
					&& g.purpose == Purpose::InvoiceFinancing
					&& g.withdrawn_at.is_none()),
				"a financing consent that is no such grant, or withdrawn"
			);
		}
		Ok(())
	}
}

/// Attestations under the one freeze of `regchain-primitives`: the credit regulator's own
/// `freeze` call and a supervision pallet go through it alike.
impl<T: Config> FreezeDomain for Pallet<T> {
	const DOMAIN: regchain_primitives::ClaimDomain = CREDIT;
	type Key = AttestationId;
	type Map = FrozenAttestations<T>;
	type Error = Error<T>;
	type Clock = T::UnixTime;

	fn subject(id: AttestationId) -> Result<OrgId, DispatchError> {
		Ok(Attestations::<T>::get(id).ok_or(Error::<T>::AttestationNotFound)?.subject)
	}

	fn ensure_authority(regulator: OrgId, subject: OrgId) -> DispatchResult {
		Self::ensure_jurisdiction(regulator, subject)
	}

	fn on_frozen(attestation: AttestationId, freeze: &Freeze) -> DispatchResult {
		Self::deposit_event(Event::Frozen { attestation, by: freeze.by, reason: freeze.reason });
		Ok(())
	}

	fn on_unfrozen(attestation: AttestationId, by: OrgId) -> DispatchResult {
		Self::deposit_event(Event::Unfrozen { attestation, by });
		Ok(())
	}
}

// Queries (runtime API): the open regulatory actions.
impl<T: Config> Pallet<T> {
	/// Up to `limit` (at most [`regchain_primitives::paging::QUERY_LIMIT`]) of the frozen
	/// attestations, after `start_after`, each with its subject.
	pub fn frozen_attestations(
		start_after: Option<AttestationId>,
		limit: u32,
	) -> Vec<FrozenRecord> {
		Freezes::<Self>::listing(start_after, limit)
	}
}
