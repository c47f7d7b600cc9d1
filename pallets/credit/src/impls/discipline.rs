//! Joint discipline (联合奖惩): the listings in force, kept with the attestations of the
//! catalogue's discipline claim types, which the other domains read through `CreditStanding`
//! and a supervision decision writes through `DisciplineRecords`.

use super::*;
use regchain_primitives::{CreditStanding, DisciplineRecords};

impl<T: Config> Pallet<T> {
	/// The discipline kind of a claim type: the catalogue's claim type of that name.
	pub(crate) fn discipline_kind(claim_type: &ClaimType) -> Option<DisciplineKind> {
		DisciplineKind::ALL
			.into_iter()
			.find(|k| claim_type.name.as_slice() == k.claim_type_name().as_bytes())
	}

	/// How serious a listing attested directly (not decided in a case) is: a court's defaulter
	/// listing and a fund misuse are; an administrative penalty attested without a case is
	/// taken as ordinary (a serious one is decided in a case, with the subject heard).
	pub(crate) fn serious_by_kind(kind: DisciplineKind) -> bool {
		kind != DisciplineKind::AdministrativePenalty
	}

	/// Adds a listing of `subject`, dropping those whose period is over; refuses with
	/// `TooManyListings` when `MAX_LISTINGS` are in force.
	pub(crate) fn add_listing(subject: OrgId, listing: Listing) -> DispatchResult {
		let now = Self::now();
		let mut list = Listings::<T>::get(subject).unwrap_or_default();
		list.retain(|l| l.until > now);
		list.try_push(listing).map_err(|_| Error::<T>::TooManyListings)?;
		Listings::<T>::insert(subject, list);
		Ok(())
	}

	/// Removes the listing that is attestation `id` of `subject`, if it is one.
	pub(crate) fn remove_listing(subject: OrgId, id: AttestationId) {
		Listings::<T>::mutate_exists(subject, |list| {
			if let Some(l) = list {
				l.retain(|x| x.attestation != id);
				if l.is_empty() {
					*list = None;
				}
			}
		});
	}

	/// The listings of `org` in force now.
	pub fn listings_in_force(org: OrgId) -> Vec<Listing> {
		let now = Self::now();
		Listings::<T>::get(org)
			.map(|list| list.into_iter().filter(|l| l.until > now).collect())
			.unwrap_or_default()
	}

	/// A listing decided in supervision case `case`: an attestation of `kind`'s claim type
	/// about `subject` in `by`'s name, from now until `until`, its data the decision's hash.
	/// The authority is the decision: no attester authorization is asked, and a retired claim
	/// type still takes it (a penalty is published whatever the catalogue's state).
	pub(crate) fn do_list(
		subject: OrgId,
		by: OrgId,
		kind: DisciplineKind,
		serious: bool,
		case: u64,
		decision: H256,
		until: Moment,
	) -> Result<Option<AttestationId>, DispatchError> {
		if T::Membership::kind(subject) != Some(OrgKind::Enterprise) {
			return Ok(None);
		}
		let claim_type =
			DisciplineClaimTypes::<T>::get(kind).ok_or(Error::<T>::ClaimTypeNotFound)?;
		let now = Self::now();
		ensure!(until > now, Error::<T>::InvalidPeriod);
		let longest = kind.max_publication(serious);
		ensure!(until.saturating_sub(now) <= longest, Error::<T>::PublicationTooLong);
		let attestation = Attestation {
			claim_type,
			subject,
			attester: by,
			data: decision,
			rating: None,
			valid_from: now,
			valid_until: until,
			attested_at: now,
			status: AttestationStatus::Active,
			invoices: Default::default(),
			supersedes: None,
		};
		Self::insert_attestation(attestation, Some((case, serious))).map(Some)
	}

	/// Ends listing `id` (overturned on appeal, a repair granted): it is revoked with `reason`.
	pub(crate) fn do_delist(id: AttestationId, reason: H256) -> DispatchResult {
		let attestation = Attestations::<T>::get(id).ok_or(Error::<T>::AttestationNotFound)?;
		ensure!(attestation.status == AttestationStatus::Active, Error::<T>::NotActive);
		Freezes::<Self>::ensure_not_frozen(id)?;
		Self::end(id, attestation, AttestationStatus::Revoked { at: Self::now(), reason });
		Self::deposit_event(Event::Revoked { attestation: id, reason });
		Ok(())
	}
}

impl<T: Config> Pallet<T> {
	/// A credit repair granted (信用修复): listing `id` is revoked with `reason`, and each lender
	/// whose latest declared access to the subject covered its claim type is told: an entry in
	/// its notice log ([`RepairNotices`]) and `RepairNotified` — the first `MAX_REPAIR_NOTICES`
	/// lenders of the subject's index; the others read the revocation in the attestation's
	/// status. Returns how many were told.
	pub(crate) fn do_repair(id: AttestationId, reason: H256) -> Result<u32, DispatchError> {
		let attestation = Attestations::<T>::get(id).ok_or(Error::<T>::AttestationNotFound)?;
		let (subject, claim_type, at) = (attestation.subject, attestation.claim_type, Self::now());
		Self::do_delist(id, reason)?;
		Self::deposit_event(Event::Repaired { attestation: id, reason });
		let asked = ClaimTypeScope::Only(BoundedVec::truncate_from(alloc::vec![claim_type]));
		let mut told = 0u32;
		for (lender, index) in
			LatestAccesses::<T>::iter_prefix(subject).take(MAX_REPAIR_NOTICES as usize)
		{
			let covered = Accesses::<T>::get(subject, index)
				.is_some_and(|access| access.scope.claim_types.covers(&asked));
			if covered {
				let notice = RepairNoticeCount::<T>::get(lender);
				let entry =
					RepairNotice { sme: subject, attestation: id, claim_type, access: index, at };
				RepairNotices::<T>::insert(lender, notice, entry);
				RepairNoticeCount::<T>::insert(lender, notice.saturating_add(1));
				Self::deposit_event(Event::RepairNotified { attestation: id, lender, notice });
				told += 1;
			}
		}
		Ok(told)
	}
}

impl<T: Config> CreditStanding for Pallet<T> {
	fn listings(org: OrgId) -> Vec<Listing> {
		Self::listings_in_force(org)
	}
}

impl<T: Config> DisciplineRecords for Pallet<T> {
	fn list(
		subject: OrgId,
		by: OrgId,
		kind: DisciplineKind,
		serious: bool,
		case: u64,
		decision: H256,
		until: Moment,
	) -> Result<Option<u64>, DispatchError> {
		Self::do_list(subject, by, kind, serious, case, decision, until)
	}

	fn delist(attestation: u64, reason: H256) -> Result<(), DispatchError> {
		Self::do_delist(attestation, reason)
	}

	fn repair(attestation: u64, reason: H256) -> Result<u32, DispatchError> {
		Self::do_repair(attestation, reason)
	}

	/// `MAX_REPAIR_NOTICES` lenders each with a declared access to every claim type of
	/// `subject` (entries of its access log, written directly: a repair reads only the index
	/// and the entries).
	#[cfg(feature = "runtime-benchmarks")]
	fn make_repair_audience(subject: OrgId) {
		let start = AccessCount::<T>::get(subject);
		for i in 0..MAX_REPAIR_NOTICES {
			let lender: OrgId = u32::MAX - i;
			let index = start + i;
			let access = Access {
				lender,
				grant: 0,
				scope: Scope { claim_types: ClaimTypeScope::All, figures: false },
				purpose: Purpose::PostLoanManagement,
				at: Self::now(),
			};
			Accesses::<T>::insert(subject, index, access);
			LatestAccesses::<T>::insert(subject, lender, index);
		}
		AccessCount::<T>::insert(subject, start + MAX_REPAIR_NOTICES);
	}
}
