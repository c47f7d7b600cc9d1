//! Receivables pledged to a financing: the SME's consent, their release.

use super::*;

impl<T: Config> Pallet<T> {
	/// Checks that `sme` consented to `lender` pledging its invoices for a receivable of
	/// `claim_type` that ends at `until`: its financing grant to the lender is in force, covers
	/// the claim type, and runs at least until then.
	pub(crate) fn ensure_financing_consent(
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
	pub(crate) fn own_active(
		attester: OrgId,
		id: AttestationId,
	) -> Result<Attestation, DispatchError> {
		let attestation = Self::attestation(id)?;
		ensure!(attestation.attester == attester, Error::<T>::NotAttester);
		ensure!(attestation.status == AttestationStatus::Active, Error::<T>::NotActive);
		Self::ensure_not_frozen(id)?;
		Ok(attestation)
	}

	/// Releases those of `invoices` that attestation `id` still holds; returns how many.
	pub(crate) fn release(id: AttestationId, invoices: &FinancedInvoices) -> u32 {
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
}

/// A red invoice reduced a receivable a financing pledged (claim id: the attestation): the
/// event is the report to the bank that attested it.
impl<T: Config> regchain_primitives::InvoiceReversals for Pallet<T> {
	fn reversed(
		invoice: crate::InvoiceRef,
		claim: regchain_primitives::Claim,
		reversal: regchain_primitives::ClaimReversal,
	) {
		Self::deposit_event(Event::FinancedInvoiceReduced {
			attestation: claim.id,
			invoice,
			red: reversal.red,
			reduced: reversal.reduced,
			remaining: reversal.remaining,
		});
	}

	/// The event deposited.
	fn weight() -> Weight {
		T::DbWeight::get().writes(1)
	}
}
