//! Attesting, superseding and revoking; an attestation's end.

use super::*;

impl<T: Config> Pallet<T> {
	/// The checks of a new attestation by `attester` about `subject`, shared by `attest` and
	/// `supersede`.
	pub(crate) fn check_attestation(
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
			T::Membership::ensure_jurisdiction(attester, subject).map_err(Error::<T>::from)?;
		}
		if let Some(rating) = rating {
			ensure!(usize::from(rating) < claim_type.ratings.len(), Error::<T>::RatingNotAllowed);
		}
		ensure!(valid_from < valid_until && valid_until > Self::now(), Error::<T>::InvalidPeriod);
		if let Some(kind) = Self::discipline_kind(&claim_type) {
			let longest = kind.max_publication(Self::serious_by_kind(kind));
			let within = valid_until.saturating_sub(valid_from.max(Self::now())) <= longest;
			ensure!(within, Error::<T>::PublicationTooLong);
		}
		Ok(claim_type)
	}

	/// Stores a checked attestation under a new id. One of a discipline claim type is also a
	/// listing ([`Self::add_listing`]): of `decision` (a supervision case and whether its
	/// penalty is serious), or else as serious as its kind.
	pub(crate) fn insert_attestation(
		attestation: Attestation,
		decision: Option<(u64, bool)>,
	) -> Result<AttestationId, DispatchError> {
		let id = NextAttestationId::<T>::get();
		let next = Self::next_id(id)?;
		// The listing first: refused, it leaves everything as it was.
		if let Some(kind) =
			Self::claim_type(attestation.claim_type).ok().and_then(|c| Self::discipline_kind(&c))
		{
			let (case, serious) = match decision {
				Some((case, serious)) => (Some(case), serious),
				None => (None, Self::serious_by_kind(kind)),
			};
			let listing = Listing {
				attestation: id,
				kind,
				serious,
				by: attestation.attester,
				case,
				until: attestation.valid_until,
			};
			Self::add_listing(attestation.subject, listing)?;
		}
		NextAttestationId::<T>::put(next);
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
		Self::insert_attestation(
			Attestation {
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
			},
			None,
		)
	}

	/// Ends an active attestation with `status` (the caller checked it may): the financing
	/// it stood for ends with it, so the invoices it pledged are released.
	pub(crate) fn end(id: AttestationId, mut attestation: Attestation, status: AttestationStatus) {
		CurrentAttestations::<T>::remove(attestation.subject, id);
		Self::remove_listing(attestation.subject, id);
		Self::release(id, &attestation.invoices);
		attestation.status = status;
		Attestations::<T>::insert(id, attestation);
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
		let new_id = Self::insert_attestation(
			Attestation {
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
			},
			None,
		)?;
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
}
