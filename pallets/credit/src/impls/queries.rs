//! Queries the runtime API serves.

use super::*;

impl<T: Config> Pallet<T> {
	// --- Queries of the runtime API ---

	/// One line of a profile, with whether it is published now.
	pub(crate) fn profile_entry(id: AttestationId, attestation: Attestation) -> ProfileEntry {
		let claim_type = ClaimTypes::<T>::get(attestation.claim_type);
		let rating = attestation
			.rating
			.and_then(|r| claim_type.as_ref().and_then(|c| c.ratings.get(usize::from(r)).cloned()));
		let discipline = claim_type.as_ref().and_then(Self::discipline_kind).is_some();
		let published_until = attestation.published_until(discipline);
		ProfileEntry {
			id,
			rating,
			dispute: Disputes::<T>::get(id),
			frozen: FrozenAttestations::<T>::contains_key(id),
			published_until,
			published: Self::now() < published_until,
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

	/// Every attestation about an SME, whatever became of it — those past their publication
	/// period too, marked (`published`): up to `limit` (at most 100) after `start_after`.
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

	/// A lender's notice log: up to `limit` (at most 100) entries from entry `from` on.
	pub fn repair_notices(lender: OrgId, from: u32, limit: u32) -> Vec<RepairNotice> {
		let end = paging::page_end(from, limit, RepairNoticeCount::<T>::get(lender));
		(from..end).filter_map(|index| RepairNotices::<T>::get(lender, index)).collect()
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
