//! What the calls do, the queries of the runtime API, the shared freeze, and the storage
//! invariants.

use crate::{pallet::*, types::*, IP_RIGHTS};
use alloc::vec::Vec;
use frame_support::{ensure, pallet_prelude::*};
use regchain_primitives::{
	paging, time::Moment, EvidenceRecords, Freeze, FreezeDomain, Freezes, FrozenRecord, Membership,
	OrgId,
};
use sp_core::H256;
use sp_runtime::traits::{BlockNumberProvider, UniqueSaturatedInto, Verify, Zero};

impl<T: Config> Pallet<T> {
	/// Now, in on-chain time.
	pub(crate) fn now() -> Moment {
		regchain_primitives::time::now::<T::UnixTime>()
	}

	fn work(id: WorkId) -> Result<Work<T::AccountId>, DispatchError> {
		Ok(Works::<T>::get(id).ok_or(Error::<T>::WorkNotFound)?)
	}

	fn ensure_not_frozen(work: WorkId) -> DispatchResult {
		Ok(Freezes::<Self>::ensure_not_frozen(work)?)
	}

	/// The next id of a counter, which moves on.
	fn allocate<C: frame_support::StorageValue<u64, Query = u64>>() -> Result<u64, DispatchError> {
		let id = C::get();
		C::put(id.checked_add(1).ok_or(sp_runtime::ArithmeticError::Overflow)?);
		Ok(id)
	}

	/// The message an author signs to declare a work:
	/// `(b"regchain/work", genesis hash, fingerprint, extra, work_type, metadata, owner,
	/// [(author, share)…], nonce)`, SCALE-encoded. The genesis hash keeps it to this chain, the
	/// owner to the organization the author chose, the list to the shares every author agreed
	/// to, the author's nonce to one registration.
	pub fn declaration(
		fingerprint: H256,
		extra: &Fingerprints,
		work_type: WorkType,
		metadata: H256,
		owner: OrgId,
		authors: &[(T::AccountId, u16)],
		nonce: u64,
	) -> Vec<u8> {
		let genesis = frame_system::Pallet::<T>::block_hash(
			frame_system::pallet_prelude::BlockNumberFor::<T>::zero(),
		);
		(b"regchain/work", genesis, fingerprint, extra, work_type, metadata, owner, authors, nonce)
			.encode()
	}

	pub(crate) fn do_register_work(
		owner: OrgId,
		fingerprint: H256,
		extra: Fingerprints,
		work_type: WorkType,
		metadata: H256,
		declarations: Declarations<T::AccountId, T::AuthorSignature>,
	) -> DispatchResult {
		ensure!(!fingerprint.is_zero(), Error::<T>::EmptyFingerprint);
		ensure!(!declarations.is_empty(), Error::<T>::NoAuthors);
		let mut total: u32 = 0;
		for (i, d) in declarations.iter().enumerate() {
			ensure!(d.share > 0, Error::<T>::ZeroShare);
			ensure!(
				!declarations.iter().take(i).any(|earlier| earlier.key == d.key),
				Error::<T>::DuplicateAuthor
			);
			total = total.saturating_add(d.share.into());
		}
		ensure!(total == u32::from(FULL_SHARE), Error::<T>::SharesDoNotSum);
		let shares: Vec<(T::AccountId, u16)> =
			declarations.iter().map(|d| (d.key.clone(), d.share)).collect();
		for d in declarations.iter() {
			ensure!(AuthorNonces::<T>::get(&d.key) == d.nonce, Error::<T>::BadNonce);
			let message = Self::declaration(
				fingerprint,
				&extra,
				work_type,
				metadata,
				owner,
				&shares,
				d.nonce,
			);
			ensure!(d.signature.verify(&message[..], &d.key), Error::<T>::BadAuthorSignature);
		}
		ensure!(!WorkByFingerprint::<T>::contains_key(fingerprint), Error::<T>::AlreadyRegistered);

		let id = Self::allocate::<NextWorkId<T>>()?;
		for d in declarations.iter() {
			// The nonce matched the stored one, which stays far below u64::MAX.
			AuthorNonces::<T>::insert(&d.key, d.nonce.saturating_add(1));
			WorksByAuthor::<T>::insert(&d.key, id, ());
		}
		let authors = declarations
			.into_iter()
			.map(|d| Author { key: d.key, share: d.share })
			.collect::<Vec<_>>()
			.try_into()
			.map_err(|_| Error::<T>::NoAuthors)?;
		let block = frame_system::Pallet::<T>::current_block_number().unique_saturated_into();
		let work = Work {
			fingerprint,
			extra,
			work_type,
			metadata,
			owner,
			authors,
			registered_at: Self::now(),
			block,
		};
		Works::<T>::insert(id, work);
		WorkByFingerprint::<T>::insert(fingerprint, id);
		WorksByOwner::<T>::insert(owner, id, ());
		Self::deposit_event(Event::WorkRegistered { id, fingerprint, owner });
		Ok(())
	}

	pub(crate) fn do_transfer(
		owner: OrgId,
		id: WorkId,
		to: OrgId,
		contract: H256,
	) -> DispatchResult {
		let work = Self::work(id)?;
		ensure!(work.owner == owner, Error::<T>::NotOwner);
		ensure!(to != owner, Error::<T>::AlreadyOwner);
		ensure!(T::Membership::is_active_org(to), Error::<T>::UnknownOrganization);
		Self::ensure_not_frozen(id)?;
		ensure!(OpenDisputes::<T>::get(id).is_empty(), Error::<T>::UnderDispute);
		Self::change_owner(id, work, to, contract);
		Ok(())
	}

	/// Passes `work` to `to`: the old owner's open offers close.
	fn change_owner(id: WorkId, mut work: Work<T::AccountId>, to: OrgId, contract: H256) {
		let from = work.owner;
		let now = Self::now();
		for offer in OpenOffers::<T>::take(id) {
			Offers::<T>::mutate(offer, |o| {
				if let Some(o) = o {
					o.status = OfferStatus::Closed { at: now };
				}
			});
			Self::deposit_event(Event::OfferClosed { offer });
		}
		WorksByOwner::<T>::remove(from, id);
		WorksByOwner::<T>::insert(to, id, ());
		work.owner = to;
		Works::<T>::insert(id, work);
		Self::deposit_event(Event::Transferred { work: id, from, to, contract });
	}

	pub(crate) fn do_publish_offer(owner: OrgId, id: WorkId, terms: OfferTerms) -> DispatchResult {
		let work = Self::work(id)?;
		ensure!(work.owner == owner, Error::<T>::NotOwner);
		Self::ensure_not_frozen(id)?;
		ensure!(
			terms.opens < terms.closes && terms.closes > Self::now() && terms.licence_term > 0,
			Error::<T>::BadOfferDates
		);
		ensure!(terms.max_licences != Some(0), Error::<T>::ZeroLimit);
		let mut open = OpenOffers::<T>::get(id);
		ensure!((open.len() as u32) < MAX_OPEN_OFFERS, Error::<T>::TooManyOffers);
		let offer = Self::allocate::<NextOfferId<T>>()?;
		open.try_push(offer).map_err(|_| Error::<T>::TooManyOffers)?;
		OpenOffers::<T>::insert(id, open);
		let (kind, exclusive) = (terms.kind, terms.exclusive);
		Offers::<T>::insert(
			offer,
			Offer { work: id, by: owner, terms, taken: 0, status: OfferStatus::Open },
		);
		Self::deposit_event(Event::OfferPublished { offer, work: id, kind, exclusive });
		Ok(())
	}

	pub(crate) fn do_withdraw_offer(owner: OrgId, id: OfferId) -> DispatchResult {
		let mut offer = Offers::<T>::get(id).ok_or(Error::<T>::OfferNotFound)?;
		ensure!(offer.status == OfferStatus::Open, Error::<T>::OfferClosed);
		ensure!(Self::work(offer.work)?.owner == owner, Error::<T>::NotOwner);
		OpenOffers::<T>::mutate(offer.work, |open| open.retain(|o| *o != id));
		offer.status = OfferStatus::Withdrawn { at: Self::now() };
		Offers::<T>::insert(id, offer);
		Self::deposit_event(Event::OfferWithdrawn { offer: id });
		Ok(())
	}

	/// Whether licence `id` (if any) is valid at `now`.
	fn valid(id: Option<LicenceId>, now: Moment) -> bool {
		id.and_then(Licences::<T>::get).is_some_and(|l| l.is_valid(now))
	}

	pub(crate) fn do_take_licence(licensee: OrgId, id: OfferId, payment: H256) -> DispatchResult {
		let mut offer = Offers::<T>::get(id).ok_or(Error::<T>::OfferNotFound)?;
		ensure!(offer.status == OfferStatus::Open, Error::<T>::OfferClosed);
		let now = Self::now();
		let terms = offer.terms.clone();
		ensure!(now >= terms.opens, Error::<T>::OfferNotOpen);
		ensure!(now < terms.closes, Error::<T>::OfferExpired);
		ensure!(terms.max_licences.is_none_or(|max| offer.taken < max), Error::<T>::OfferExhausted);
		let work = offer.work;
		ensure!(Self::work(work)?.owner != licensee, Error::<T>::AlreadyOwner);
		ensure!(!BarredLicensees::<T>::contains_key(work, licensee), Error::<T>::LicenseeBarred);
		Self::ensure_not_frozen(work)?;
		let kind = terms.kind;
		ensure!(
			!Self::valid(CurrentLicence::<T>::get((work, licensee, kind)), now),
			Error::<T>::AlreadyLicensed
		);
		ensure!(
			!Self::valid(ExclusiveLicence::<T>::get((work, kind)), now),
			Error::<T>::ExclusivelyLicensed
		);
		if terms.exclusive {
			ensure!(OpenDisputes::<T>::get(work).is_empty(), Error::<T>::UnderDispute);
			ensure!(LicenceHorizon::<T>::get((work, kind)) <= now, Error::<T>::LicencesActive);
		}
		let until = now.checked_add(terms.licence_term).ok_or(Error::<T>::Overflow)?;
		offer.taken = offer.taken.checked_add(1).ok_or(Error::<T>::OfferExhausted)?;

		let licence = Self::allocate::<NextLicenceId<T>>()?;
		let exclusive = terms.exclusive;
		Licences::<T>::insert(
			licence,
			Licence {
				work,
				offer: id,
				licensee,
				kind,
				exclusive,
				price: terms.price,
				payment,
				from: now,
				until,
				revoked: None,
			},
		);
		LicencesByWork::<T>::insert(work, licence, ());
		LicencesByLicensee::<T>::insert(licensee, licence, ());
		CurrentLicence::<T>::insert((work, licensee, kind), licence);
		if exclusive {
			ExclusiveLicence::<T>::insert((work, kind), licence);
		}
		LicenceHorizon::<T>::mutate((work, kind), |h| *h = (*h).max(until));
		Offers::<T>::insert(id, offer);
		Self::deposit_event(Event::LicenceTaken { licence, offer: id, work, licensee, until });
		Ok(())
	}

	pub(crate) fn do_file_dispute(
		claimant: OrgId,
		id: WorkId,
		kind: DisputeKind,
		evidence: EvidenceList,
		statement: H256,
	) -> DispatchResult {
		let work = Self::work(id)?;
		match kind {
			DisputeKind::Ownership => ensure!(work.owner != claimant, Error::<T>::AlreadyOwner),
			DisputeKind::Infringement { respondent } => {
				ensure!(respondent != claimant, Error::<T>::SelfAccused);
				ensure!(T::Membership::is_active_org(respondent), Error::<T>::UnknownOrganization);
			},
		}
		ensure!(!evidence.is_empty(), Error::<T>::NoEvidence);
		for record in evidence.iter() {
			let cited = T::Evidence::evidence(*record).ok_or(Error::<T>::EvidenceNotFound)?;
			ensure!(cited.owner == claimant || cited.admitted, Error::<T>::EvidenceNotAdmissible);
		}
		let now = Self::now();
		if let Some(rejections) = RejectedClaims::<T>::get((id, claimant)) {
			ensure!(rejections.count < MAX_REJECTIONS, Error::<T>::ClaimantBarred);
			let waited_until = rejections.last.saturating_add(T::RefilingDelay::get());
			ensure!(now >= waited_until, Error::<T>::RefilingTooSoon);
		}
		let mut open = OpenDisputes::<T>::get(id);
		ensure!(!open.iter().any(|(_, c)| *c == claimant), Error::<T>::AlreadyDisputed);
		ensure!((open.len() as u32) < MAX_OPEN_DISPUTES, Error::<T>::TooManyDisputes);
		let dispute = Self::allocate::<NextDisputeId<T>>()?;
		open.try_push((dispute, claimant)).map_err(|_| Error::<T>::TooManyDisputes)?;
		OpenDisputes::<T>::insert(id, open);
		Disputes::<T>::insert(
			dispute,
			Dispute {
				work: id,
				claimant,
				kind,
				evidence,
				statement,
				filed_at: now,
				status: DisputeStatus::Open,
			},
		);
		DisputesByWork::<T>::insert(id, dispute, ());
		Self::deposit_event(Event::DisputeFiled { dispute, work: id, claimant, kind });
		Ok(())
	}

	fn open_dispute(id: DisputeId) -> Result<Dispute, DispatchError> {
		let dispute = Disputes::<T>::get(id).ok_or(Error::<T>::DisputeNotFound)?;
		ensure!(dispute.status == DisputeStatus::Open, Error::<T>::DisputeClosed);
		Ok(dispute)
	}

	/// Stores `dispute` as `status` and takes it off its work's open disputes.
	fn close_dispute(id: DisputeId, mut dispute: Dispute, status: DisputeStatus) {
		OpenDisputes::<T>::mutate(dispute.work, |open| open.retain(|(d, _)| *d != id));
		dispute.status = status;
		Disputes::<T>::insert(id, dispute);
	}

	pub(crate) fn do_withdraw_dispute(claimant: OrgId, id: DisputeId) -> DispatchResult {
		let dispute = Disputes::<T>::get(id).ok_or(Error::<T>::DisputeNotFound)?;
		ensure!(dispute.claimant == claimant, Error::<T>::NotClaimant);
		let dispute = Self::open_dispute(id)?;
		Self::close_dispute(id, dispute, DisputeStatus::Withdrawn { at: Self::now() });
		Self::deposit_event(Event::DisputeWithdrawn { dispute: id });
		Ok(())
	}

	/// An open dispute the office may decide now, and its work.
	fn decidable(
		office: OrgId,
		id: DisputeId,
	) -> Result<(Dispute, Work<T::AccountId>), DispatchError> {
		let dispute = Self::open_dispute(id)?;
		let work = Self::work(dispute.work)?;
		ensure!(
			T::Membership::has_jurisdiction(office, work.owner),
			Error::<T>::OutsideJurisdiction
		);
		Self::ensure_not_frozen(dispute.work)?;
		Ok((dispute, work))
	}

	pub(crate) fn do_uphold_dispute(
		office: OrgId,
		id: DisputeId,
		decision: H256,
	) -> DispatchResult {
		let (dispute, work) = Self::decidable(office, id)?;
		let now = Self::now();
		match dispute.kind {
			DisputeKind::Ownership => {
				ensure!(
					T::Membership::is_active_org(dispute.claimant),
					Error::<T>::UnknownOrganization
				);
				Self::change_owner(dispute.work, work, dispute.claimant, decision);
			},
			DisputeKind::Infringement { respondent } => {
				let mut ended = false;
				for kind in [LicenceKind::Reprint, LicenceKind::Commercial] {
					let Some(licence) = CurrentLicence::<T>::get((dispute.work, respondent, kind))
					else {
						continue;
					};
					Licences::<T>::mutate(licence, |l| match l {
						Some(l) if l.is_valid(now) => {
							l.revoked = Some(now);
							ended = true;
							Self::deposit_event(Event::LicenceRevoked { licence });
						},
						_ => {},
					});
				}
				if ended {
					Self::recompute_horizons(dispute.work);
				}
				BarredLicensees::<T>::insert(dispute.work, respondent, id);
				Self::deposit_event(Event::LicenseeBarred {
					work: dispute.work,
					licensee: respondent,
					dispute: id,
				});
			},
		}
		Self::close_dispute(id, dispute, DisputeStatus::Upheld { by: office, at: now, decision });
		Self::deposit_event(Event::DisputeUpheld { dispute: id, by: office, decision });
		Ok(())
	}

	/// Sets each kind's licence horizon of `work` to the latest end of its licences that no
	/// dispute ended, reading at most [`MAX_HORIZON_WALK`] licences; a work with more keeps its
	/// horizons (never too early: an exclusive licence still waits for every licence).
	fn recompute_horizons(work: WorkId) {
		let ids: Vec<LicenceId> = LicencesByWork::<T>::iter_key_prefix(work)
			.take(MAX_HORIZON_WALK.saturating_add(1) as usize)
			.collect();
		if ids.len() > MAX_HORIZON_WALK as usize {
			return;
		}
		let (mut reprint, mut commercial) = (0, 0);
		for licence in ids.into_iter().filter_map(Licences::<T>::get) {
			if licence.revoked.is_some() {
				continue;
			}
			let horizon = match licence.kind {
				LicenceKind::Reprint => &mut reprint,
				LicenceKind::Commercial => &mut commercial,
			};
			*horizon = licence.until.max(*horizon);
		}
		LicenceHorizon::<T>::insert((work, LicenceKind::Reprint), reprint);
		LicenceHorizon::<T>::insert((work, LicenceKind::Commercial), commercial);
	}

	pub(crate) fn do_reject_dispute(office: OrgId, id: DisputeId, reason: H256) -> DispatchResult {
		let (dispute, _) = Self::decidable(office, id)?;
		let now = Self::now();
		RejectedClaims::<T>::mutate((dispute.work, dispute.claimant), |rejections| {
			let count = rejections.map_or(0, |r| r.count).saturating_add(1);
			*rejections = Some(Rejections { count, last: now });
		});
		let status = DisputeStatus::Rejected { by: office, at: now, reason };
		Self::close_dispute(id, dispute, status);
		Self::deposit_event(Event::DisputeRejected { dispute: id, by: office, reason });
		Ok(())
	}

	pub(crate) fn do_lift_licence_bar(
		owner: OrgId,
		work: WorkId,
		licensee: OrgId,
	) -> DispatchResult {
		ensure!(Self::work(work)?.owner == owner, Error::<T>::NotOwner);
		ensure!(BarredLicensees::<T>::contains_key(work, licensee), Error::<T>::NotBarred);
		BarredLicensees::<T>::remove(work, licensee);
		Self::deposit_event(Event::LicenceBarLifted { work, licensee });
		Ok(())
	}

	pub(crate) fn do_freeze(office: OrgId, work: WorkId, reason: H256) -> DispatchResult {
		Freezes::<Self>::freeze(office, work, reason).map(|_| ())
	}

	pub(crate) fn do_unfreeze(office: OrgId, work: WorkId) -> DispatchResult {
		Freezes::<Self>::unfreeze(office, work).map(|_| ())
	}

	// Queries (runtime API).

	/// The work registered under `fingerprint`: who holds priority, since when.
	pub fn work_by_fingerprint(fingerprint: H256) -> Option<(WorkId, Work<T::AccountId>)> {
		let id = WorkByFingerprint::<T>::get(fingerprint)?;
		Some((id, Works::<T>::get(id)?))
	}

	fn works_of(ids: Vec<WorkId>) -> Vec<(WorkId, Work<T::AccountId>)> {
		ids.into_iter().filter_map(|id| Works::<T>::get(id).map(|w| (id, w))).collect()
	}

	/// The works an author's key declared, after `start_after`.
	pub fn works_of_author(
		author: T::AccountId,
		start_after: Option<WorkId>,
		limit: u32,
	) -> Vec<(WorkId, Work<T::AccountId>)> {
		Self::works_of(paging::keys_after::<WorksByAuthor<T>, _, _, _>(author, start_after, limit))
	}

	/// The works an organization owns, after `start_after`.
	pub fn works_of_owner(
		owner: OrgId,
		start_after: Option<WorkId>,
		limit: u32,
	) -> Vec<(WorkId, Work<T::AccountId>)> {
		Self::works_of(paging::keys_after::<WorksByOwner<T>, _, _, _>(owner, start_after, limit))
	}

	/// A work's open offers.
	pub fn open_offers(work: WorkId) -> Vec<(OfferId, Offer)> {
		OpenOffers::<T>::get(work)
			.into_iter()
			.filter_map(|id| Offers::<T>::get(id).map(|o| (id, o)))
			.collect()
	}

	/// A work's licences, after `start_after`.
	pub fn licences_of_work(
		work: WorkId,
		start_after: Option<LicenceId>,
		limit: u32,
	) -> Vec<(LicenceId, Licence)> {
		paging::keys_after::<LicencesByWork<T>, _, _, _>(work, start_after, limit)
			.into_iter()
			.filter_map(|id| Licences::<T>::get(id).map(|l| (id, l)))
			.collect()
	}

	/// A work's disputes, after `start_after`.
	pub fn disputes_of_work(
		work: WorkId,
		start_after: Option<DisputeId>,
		limit: u32,
	) -> Vec<(DisputeId, Dispute)> {
		paging::keys_after::<DisputesByWork<T>, _, _, _>(work, start_after, limit)
			.into_iter()
			.filter_map(|id| Disputes::<T>::get(id).map(|d| (id, d)))
			.collect()
	}

	/// Whether `account` may use `work` for `kind` now: as the owner's, or under a valid
	/// licence of its organization. Needs no signature: a platform asks before it reprints.
	pub fn licence_check(work: WorkId, account: T::AccountId, kind: LicenceKind) -> LicenceCheck {
		let (Some(member), Some(w)) = (T::Membership::member(&account), Works::<T>::get(work))
		else {
			return LicenceCheck::NotLicensed;
		};
		if w.owner == member.org {
			return LicenceCheck::Owner;
		}
		let now = Self::now();
		CurrentLicence::<T>::get((work, member.org, kind))
			.and_then(|id| Licences::<T>::get(id).map(|l| (id, l)))
			.filter(|(_, l)| l.is_valid(now))
			.map_or(LicenceCheck::NotLicensed, |(id, l)| LicenceCheck::Licensed {
				id,
				until: l.until,
				exclusive: l.exclusive,
			})
	}

	/// Checks the invariants listed in the crate docs.
	pub fn do_try_state() -> Result<(), sp_runtime::TryRuntimeError> {
		let next_work = NextWorkId::<T>::get();
		for (id, work) in Works::<T>::iter() {
			ensure!(id < next_work, "a work's id is not below NextWorkId");
			ensure!(
				WorkByFingerprint::<T>::get(work.fingerprint) == Some(id),
				"a work is not indexed under its fingerprint"
			);
			ensure!(
				WorksByOwner::<T>::contains_key(work.owner, id),
				"a work is not indexed under its owner"
			);
			ensure!(!work.authors.is_empty(), "a work has no author");
			let total: u32 = work.authors.iter().map(|a| u32::from(a.share)).sum();
			ensure!(total == u32::from(FULL_SHARE), "a work's shares do not sum to 10,000");
			for author in work.authors.iter() {
				ensure!(
					WorksByAuthor::<T>::contains_key(&author.key, id),
					"a work is not indexed under an author"
				);
			}
		}
		for (fingerprint, id) in WorkByFingerprint::<T>::iter() {
			ensure!(
				Works::<T>::get(id).is_some_and(|w| w.fingerprint == fingerprint),
				"a fingerprint index entry names a work of another fingerprint"
			);
		}
		for (owner, id, ()) in WorksByOwner::<T>::iter() {
			ensure!(
				Works::<T>::get(id).is_some_and(|w| w.owner == owner),
				"an owner index entry names a work of another owner"
			);
		}
		for (author, id, ()) in WorksByAuthor::<T>::iter() {
			ensure!(
				Works::<T>::get(id).is_some_and(|w| w.authors.iter().any(|a| a.key == author)),
				"an author index entry names a work without that author"
			);
		}

		let next_offer = NextOfferId::<T>::get();
		for (id, offer) in Offers::<T>::iter() {
			ensure!(id < next_offer, "an offer's id is not below NextOfferId");
			ensure!(
				OpenOffers::<T>::get(offer.work).contains(&id)
					== (offer.status == OfferStatus::Open),
				"a work's open offers are not its offers with status Open"
			);
		}
		for (work, open) in OpenOffers::<T>::iter() {
			for id in open {
				ensure!(
					Offers::<T>::get(id).is_some_and(|o| o.work == work),
					"an open offer is listed under another work"
				);
			}
		}

		let next_licence = NextLicenceId::<T>::get();
		for (id, licence) in Licences::<T>::iter() {
			ensure!(id < next_licence, "a licence's id is not below NextLicenceId");
			ensure!(
				LicencesByWork::<T>::contains_key(licence.work, id)
					&& LicencesByLicensee::<T>::contains_key(licence.licensee, id),
				"a licence is not indexed under its work and licensee"
			);
			ensure!(
				licence.revoked.is_some()
					|| LicenceHorizon::<T>::get((licence.work, licence.kind)) >= licence.until,
				"a licence ends after its kind's horizon"
			);
		}
		for ((work, licensee, kind), id) in CurrentLicence::<T>::iter() {
			ensure!(
				Licences::<T>::get(id)
					.is_some_and(|l| l.work == work && l.licensee == licensee && l.kind == kind),
				"a current licence is of another work, licensee or kind"
			);
		}
		for ((work, kind), id) in ExclusiveLicence::<T>::iter() {
			ensure!(
				Licences::<T>::get(id)
					.is_some_and(|l| l.work == work && l.kind == kind && l.exclusive),
				"an exclusive licence entry names another work's, kind's or a plain licence"
			);
		}

		let next_dispute = NextDisputeId::<T>::get();
		for (id, dispute) in Disputes::<T>::iter() {
			ensure!(id < next_dispute, "a dispute's id is not below NextDisputeId");
			ensure!(
				DisputesByWork::<T>::contains_key(dispute.work, id),
				"a dispute is not indexed under its work"
			);
			ensure!(
				OpenDisputes::<T>::get(dispute.work).contains(&(id, dispute.claimant))
					== (dispute.status == DisputeStatus::Open),
				"a work's open disputes are not its disputes with status Open"
			);
		}
		for (work, open) in OpenDisputes::<T>::iter() {
			for (id, _) in open {
				ensure!(
					Disputes::<T>::get(id).is_some_and(|d| d.work == work),
					"an open dispute is listed under another work"
				);
			}
		}
		Freezes::<Self>::check()?;
		for (work, _, _) in BarredLicensees::<T>::iter() {
			ensure!(Works::<T>::contains_key(work), "a bar concerns no work");
		}
		for ((work, _), _) in RejectedClaims::<T>::iter() {
			ensure!(Works::<T>::contains_key(work), "rejections concern no work");
		}
		Ok(())
	}
}

/// Registered works under the one freeze of `regchain-primitives`: the pallet's own `freeze` call and a
/// supervision pallet go through it alike.
impl<T: Config> FreezeDomain for Pallet<T> {
	const DOMAIN: regchain_primitives::ClaimDomain = IP_RIGHTS;
	type Key = WorkId;
	type Map = FrozenWorks<T>;
	type Error = Error<T>;
	type Clock = T::UnixTime;

	fn subject(key: WorkId) -> Result<OrgId, DispatchError> {
		Ok(Works::<T>::get(key).map(|w| w.owner).ok_or(Error::<T>::WorkNotFound)?)
	}

	fn ensure_authority(regulator: OrgId, subject: OrgId) -> DispatchResult {
		ensure!(
			T::Membership::has_jurisdiction(regulator, subject),
			Error::<T>::OutsideJurisdiction
		);
		Ok(())
	}

	fn on_frozen(work: WorkId, freeze: &Freeze) -> DispatchResult {
		Self::deposit_event(Event::Frozen { work, by: freeze.by, reason: freeze.reason });
		Ok(())
	}

	fn on_unfrozen(work: WorkId, by: OrgId) -> DispatchResult {
		Self::deposit_event(Event::Unfrozen { work, by });
		Ok(())
	}
}

// Queries (runtime API): the open regulatory actions.
impl<T: Config> Pallet<T> {
	/// Up to `limit` (at most [`regchain_primitives::paging::QUERY_LIMIT`]) of the frozen
	/// works, after `start_after`, each with its subject.
	pub fn frozen_works(start_after: Option<WorkId>, limit: u32) -> Vec<FrozenRecord> {
		Freezes::<Self>::listing(start_after, limit)
	}
}
