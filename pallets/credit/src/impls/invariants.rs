//! `try_state`: the invariants the crate docs list, each checked by name.

use super::*;

impl<T: Config> Pallet<T> {
	/// Checks the invariants listed in the crate docs; the error names the one that broke.
	pub fn do_try_state() -> Result<(), sp_runtime::TryRuntimeError> {
		let next_claim_type = NextClaimTypeId::<T>::get();
		for (id, _) in ClaimTypes::<T>::iter() {
			ensure!(id < next_claim_type, "a claim type id beyond the counter");
		}
		for (claim_type, _, _) in Attesters::<T>::iter() {
			ensure!(ClaimTypes::<T>::contains_key(claim_type), "an attester of no claim type");
		}
		for (kind, claim_type) in DisciplineClaimTypes::<T>::iter() {
			let named = ClaimTypes::<T>::get(claim_type)
				.is_some_and(|c| Self::discipline_kind(&c) == Some(kind));
			ensure!(named, "a discipline kind's claim type of another name");
		}
		for (subject, listings) in Listings::<T>::iter() {
			for listing in listings {
				let found = Attestations::<T>::get(listing.attestation).is_some_and(|a| {
					a.subject == subject
						&& a.status == AttestationStatus::Active
						&& a.attester == listing.by
						&& a.valid_until == listing.until
						&& ClaimTypes::<T>::get(a.claim_type)
							.is_some_and(|c| Self::discipline_kind(&c) == Some(listing.kind))
				});
				ensure!(found, "a listing of no active discipline attestation of its subject");
				let longest = listing.kind.max_publication(listing.serious);
				let published = Attestations::<T>::get(listing.attestation).is_some_and(|a| {
					a.valid_until.saturating_sub(a.valid_from.max(a.attested_at)) <= longest
				});
				ensure!(published, "a listing longer than the law's publication period");
			}
		}
		for (lender, notice, entry) in RepairNotices::<T>::iter() {
			ensure!(notice < RepairNoticeCount::<T>::get(lender), "a notice beyond the log");
			let repaired = Attestations::<T>::get(entry.attestation).is_some_and(|a| {
				a.subject == entry.sme && matches!(a.status, AttestationStatus::Revoked { .. })
			});
			ensure!(repaired, "a repair notice of no revoked attestation of its SME");
			let read =
				Accesses::<T>::get(entry.sme, entry.access).is_some_and(|a| a.lender == lender);
			ensure!(read, "a repair notice to a lender that declared no such access");
		}
		for (lender, count) in RepairNoticeCount::<T>::iter() {
			ensure!(
				RepairNotices::<T>::iter_prefix(lender).count() == count as usize,
				"a notice count differs from the log"
			);
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
