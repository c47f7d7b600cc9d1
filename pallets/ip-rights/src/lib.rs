//! # IP fingerprints pallet (知识产权)
//!
//! Infringement on social platforms is scattered and small licensing deals are too many for
//! the old ways. An author puts the one-way fingerprint of a work on chain at once and gets a
//! priority proof; its owner sets how others may reprint or use it and at what price; a
//! licensee finds the original and licenses it without negotiation; a platform checks a licence
//! before it reprints; the IP office decides disputes on notarized evidence.
//!
//! ## Actors and terms
//! - **Members** ([`Config::MemberOrigin`]) register a work: its content fingerprint (a 32-byte
//!   hash), further fingerprints as given (ISCC code, perceptual hash), its type, the hash of
//!   its title and metadata, and its authors with their shares in basis points summing to
//!   10,000. Every author signs the declaration with their own key ([`Pallet::declaration`]):
//!   the genesis hash keeps it to this chain, the author's nonce makes it count once, and it
//!   names the registering organization, so nobody registers an author's work for someone else.
//!   The registering organization owns the work. The first registrant of a fingerprint holds
//!   priority: a later registration is refused (`AlreadyRegistered`) and the query names the
//!   original owner and date.
//! - **Owners** publish licence offers (reprint or commercial use, exclusive or not, a price in
//!   fen, the terms' hash, an optional limit on licences, the dates it is open and each
//!   licence's term), withdraw them, and transfer the work with the hash of the assignment
//!   contract. A transfer closes the old owner's open offers; licences already granted stand.
//! - **Members** take a licence against an open offer with the hash of their payment reference
//!   (money moves off chain). A licence runs from when it is taken for the offer's term; an
//!   exclusive licence needs every earlier licence of its kind ended and excludes any other of
//!   its kind while it runs. Licences expire without any call.
//! - **Members** file disputes citing notarization records — their own, or another's that a
//!   court admitted in a case (anyone's notarization proves nothing of a rival's work): an
//!   ownership claim (the claimant created it first) or an infringement claim against a
//!   respondent. While a dispute is open the work is neither transferred nor exclusively
//!   licensed, so sham claims are bounded: one open claim per claimant, four per work, a
//!   rejected claimant waits [`Config::RefilingDelay`] before claiming on that work again, and
//!   after [`MAX_REJECTIONS`] rejections it claims on that work no more. The claimant may
//!   withdraw its claim.
//! - **The IP office** ([`Config::ExaminerOrigin`]: the `IpExaminer` role, held only by IP
//!   offices) decides a dispute of a work whose owner lies within its jurisdiction: upheld, an
//!   ownership claim passes the work to the claimant (its open offers close) and an
//!   infringement claim ends the respondent's licences of the work, takes their ends off the
//!   licence horizon (an exclusive licence no longer waits for them) and bars the respondent
//!   from new licences of the work until its owner lifts the bar; rejected, with reasons.
//! - **IP offices** ([`Config::FreezeOrigin`]) freeze a work within their jurisdiction through
//!   the shared [`regchain_primitives::FreezableRecords`] (domain [`IP_RIGHTS`]): a frozen work
//!   is not transferred, offered, licensed, and its disputes are not decided until unfrozen;
//!   offers can still be withdrawn and disputes filed.
//! - **Anyone**, without an account (runtime API): the work of a fingerprint, an author's and an
//!   owner's works, a work's offers, licences and disputes, whether an account may use a work
//!   now.
//!
//! ## Invariants (checked by `try_state`)
//! - Every work is indexed under its fingerprint, its owner and each author, and every index
//!   entry names a work that has them; a work has 1–8 authors whose shares sum to 10,000.
//! - A work's open offers are exactly its offers with status `Open`; its open disputes exactly
//!   its disputes with status `Open`, each with its claimant.
//! - Every licence is indexed under its work and its licensee; the current and exclusive
//!   licences named per work and kind are licences of that work and kind (and licensee); a
//!   kind's licence horizon is at least the end of each of its licences not ended by a dispute.
//! - Every bar and every claimant's rejections concern an existing work.
//! - Ids stay below their counters; every freeze concerns an existing work.
//!
//! ## On chain, and who can read it
//! Every node of the consortium holds all state. On chain: fingerprints (never content), the
//! hash of the title and metadata, the authors' keys and shares, the owning organization,
//! offers (prices, the terms' hash, dates), licences (licensee, price, the payment reference's
//! hash, dates), disputes (parties, the cited record ids, the statement's and decision's
//! hashes). A title or a payment reference that can be guessed should be hashed with a salt
//! its holder keeps. Authors' keys are pseudonymous; who holds one stays off chain.
#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

pub use pallet::*;

regchain_primitives::freeze_errors!();
regchain_primitives::jurisdiction_errors!();

/// The IP domain's tag: its works for regulatory actions.
pub const IP_RIGHTS: regchain_primitives::ClaimDomain = *b"ipwk";

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
mod impls;
#[cfg(test)]
mod mock;
pub mod runtime_api;
#[cfg(test)]
mod tests;
pub mod types;
pub mod weights;

pub use regchain_primitives::OrgId;
pub use types::*;
pub use weights::WeightInfo;

#[frame_support::pallet]
pub mod pallet {
	use super::*;
	use frame_support::pallet_prelude::*;
	use frame_support::traits::UnixTime;
	use frame_system::pallet_prelude::*;
	use regchain_primitives::{time::Moment, Freeze};
	use sp_core::H256;
	use sp_runtime::traits::{IdentifyAccount, Verify};

	/// The storage layout's version; a migration bumps it with the layout.
	pub const STORAGE_VERSION: StorageVersion = StorageVersion::new(1);

	#[pallet::pallet]
	#[pallet::storage_version(STORAGE_VERSION)]
	pub struct Pallet<T>(_);

	#[pallet::config]
	pub trait Config: frame_system::Config {
		/// A member that registers works, takes licences and files disputes; success value:
		/// the account and its organization.
		type MemberOrigin: EnsureOrigin<Self::RuntimeOrigin, Success = (Self::AccountId, OrgId)>;

		/// An IP office holding the `IpExaminer` role: decides disputes.
		type ExaminerOrigin: EnsureOrigin<Self::RuntimeOrigin, Success = (Self::AccountId, OrgId)>;

		/// An IP office that may freeze works (within its jurisdiction).
		type FreezeOrigin: EnsureOrigin<Self::RuntimeOrigin, Success = (Self::AccountId, OrgId)>;

		/// Who is who: organizations, the offices' jurisdictions.
		type Membership: regchain_primitives::Membership<Self::AccountId>;

		/// The notarized evidence disputes cite (the notarization pallet).
		type Evidence: regchain_primitives::EvidenceRecords;

		/// The signature an author gives to a declaration (the runtime's transaction
		/// signature scheme).
		type AuthorSignature: Parameter + Verify<Signer = Self::AuthorSigner>;

		/// Who signs [`Config::AuthorSignature`]s: the author's key, as an account.
		type AuthorSigner: IdentifyAccount<AccountId = Self::AccountId>;

		/// The chain's clock (`pallet-timestamp`): priority dates, offers' and licences' dates.
		type UnixTime: UnixTime;

		/// How long a claimant whose claim on a work was rejected waits before claiming on that
		/// work again, in milliseconds of on-chain time.
		#[pallet::constant]
		type RefilingDelay: Get<Moment>;

		/// Benchmarks: authors' declarations signed by fresh keys.
		#[cfg(feature = "runtime-benchmarks")]
		type BenchmarkHelper: regchain_primitives::BenchmarkSigner<
			Self::AccountId,
			Self::AuthorSignature,
		>;

		/// Weights of this pallet's calls, from its benchmarks.
		type WeightInfo: WeightInfo;
	}

	/// The next work's id.
	#[pallet::storage]
	pub type NextWorkId<T: Config> = StorageValue<_, WorkId, ValueQuery>;

	/// Every registered work. Twox64Concat: ids are allocated by the chain.
	#[pallet::storage]
	pub type Works<T: Config> = StorageMap<_, Twox64Concat, WorkId, Work<T::AccountId>>;

	/// The work of each content fingerprint: priority. Blake2_128Concat: the registrant
	/// chooses the key.
	#[pallet::storage]
	pub type WorkByFingerprint<T: Config> = StorageMap<_, Blake2_128Concat, H256, WorkId>;

	/// The works each organization owns.
	#[pallet::storage]
	pub type WorksByOwner<T: Config> =
		StorageDoubleMap<_, Twox64Concat, OrgId, Twox64Concat, WorkId, ()>;

	/// The works each author's key declared.
	#[pallet::storage]
	pub type WorksByAuthor<T: Config> =
		StorageDoubleMap<_, Blake2_128Concat, T::AccountId, Twox64Concat, WorkId, ()>;

	/// Each author key's next declaration number.
	#[pallet::storage]
	pub type AuthorNonces<T: Config> =
		StorageMap<_, Blake2_128Concat, T::AccountId, u64, ValueQuery>;

	/// The next offer's id.
	#[pallet::storage]
	pub type NextOfferId<T: Config> = StorageValue<_, OfferId, ValueQuery>;

	/// Every licence offer.
	#[pallet::storage]
	pub type Offers<T: Config> = StorageMap<_, Twox64Concat, OfferId, Offer>;

	/// Each work's open offers.
	#[pallet::storage]
	pub type OpenOffers<T: Config> = StorageMap<
		_,
		Twox64Concat,
		WorkId,
		BoundedVec<OfferId, ConstU32<MAX_OPEN_OFFERS>>,
		ValueQuery,
	>;

	/// The next licence's id.
	#[pallet::storage]
	pub type NextLicenceId<T: Config> = StorageValue<_, LicenceId, ValueQuery>;

	/// Every licence.
	#[pallet::storage]
	pub type Licences<T: Config> = StorageMap<_, Twox64Concat, LicenceId, Licence>;

	/// The licences of each work.
	#[pallet::storage]
	pub type LicencesByWork<T: Config> =
		StorageDoubleMap<_, Twox64Concat, WorkId, Twox64Concat, LicenceId, ()>;

	/// The licences each organization took.
	#[pallet::storage]
	pub type LicencesByLicensee<T: Config> =
		StorageDoubleMap<_, Twox64Concat, OrgId, Twox64Concat, LicenceId, ()>;

	/// Each organization's latest licence of a work, by kind: it holds at most one valid
	/// licence of a kind at a time, so this is the one a check reads.
	#[pallet::storage]
	pub type CurrentLicence<T: Config> =
		StorageMap<_, Twox64Concat, (WorkId, OrgId, LicenceKind), LicenceId>;

	/// The latest exclusive licence of a work, by kind.
	#[pallet::storage]
	pub type ExclusiveLicence<T: Config> =
		StorageMap<_, Twox64Concat, (WorkId, LicenceKind), LicenceId>;

	/// When every licence of a work of a kind granted so far has ended (their latest end): an
	/// exclusive licence waits for it. An upheld infringement claim recomputes it without the
	/// licences it ended.
	#[pallet::storage]
	pub type LicenceHorizon<T: Config> =
		StorageMap<_, Twox64Concat, (WorkId, LicenceKind), Moment, ValueQuery>;

	/// The next dispute's id.
	#[pallet::storage]
	pub type NextDisputeId<T: Config> = StorageValue<_, DisputeId, ValueQuery>;

	/// Every dispute.
	#[pallet::storage]
	pub type Disputes<T: Config> = StorageMap<_, Twox64Concat, DisputeId, Dispute>;

	/// The disputes of each work.
	#[pallet::storage]
	pub type DisputesByWork<T: Config> =
		StorageDoubleMap<_, Twox64Concat, WorkId, Twox64Concat, DisputeId, ()>;

	/// Each work's open disputes, with their claimants.
	#[pallet::storage]
	pub type OpenDisputes<T: Config> = StorageMap<
		_,
		Twox64Concat,
		WorkId,
		BoundedVec<(DisputeId, OrgId), ConstU32<MAX_OPEN_DISPUTES>>,
		ValueQuery,
	>;

	/// Each claimant's rejected claims on a work: it waits before claiming again, and claims
	/// no more after [`MAX_REJECTIONS`].
	#[pallet::storage]
	pub type RejectedClaims<T: Config> = StorageMap<_, Twox64Concat, (WorkId, OrgId), Rejections>;

	/// Organizations barred from new licences of a work by an upheld infringement claim (the
	/// dispute), until the work's owner lifts the bar.
	#[pallet::storage]
	pub type BarredLicensees<T: Config> =
		StorageDoubleMap<_, Twox64Concat, WorkId, Twox64Concat, OrgId, DisputeId>;

	/// Works an IP office froze.
	#[pallet::storage]
	pub type FrozenWorks<T: Config> = StorageMap<_, Twox64Concat, WorkId, Freeze>;

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// A work was registered: its owner holds priority for its fingerprint.
		WorkRegistered { id: WorkId, fingerprint: H256, owner: OrgId },
		/// A work changed owner by transfer.
		Transferred { work: WorkId, from: OrgId, to: OrgId, contract: H256 },
		/// An owner published a licence offer.
		OfferPublished { offer: OfferId, work: WorkId, kind: LicenceKind, exclusive: bool },
		/// An owner withdrew an offer.
		OfferWithdrawn { offer: OfferId },
		/// An offer closed because its work changed owner.
		OfferClosed { offer: OfferId },
		/// A member took a licence.
		LicenceTaken {
			licence: LicenceId,
			offer: OfferId,
			work: WorkId,
			licensee: OrgId,
			until: Moment,
		},
		/// An upheld infringement claim ended a licence.
		LicenceRevoked { licence: LicenceId },
		/// An upheld infringement claim barred the infringer from new licences of the work.
		LicenseeBarred { work: WorkId, licensee: OrgId, dispute: DisputeId },
		/// The work's owner lifted a bar: the organization may license the work again.
		LicenceBarLifted { work: WorkId, licensee: OrgId },
		/// A member filed a dispute.
		DisputeFiled { dispute: DisputeId, work: WorkId, claimant: OrgId, kind: DisputeKind },
		/// The IP office upheld a dispute (ownership passed or licences ended).
		DisputeUpheld { dispute: DisputeId, by: OrgId, decision: H256 },
		/// The IP office rejected a dispute.
		DisputeRejected { dispute: DisputeId, by: OrgId, reason: H256 },
		/// A claimant withdrew its dispute.
		DisputeWithdrawn { dispute: DisputeId },
		/// An IP office froze a work.
		Frozen { work: WorkId, by: OrgId, reason: H256 },
		/// An IP office unfroze a work.
		Unfrozen { work: WorkId, by: OrgId },
	}

	#[pallet::error]
	pub enum Error<T> {
		/// The fingerprint is registered already: query it to see the original owner and date.
		AlreadyRegistered,
		/// A fingerprint of all zeros fingerprints nothing.
		EmptyFingerprint,
		/// A work needs at least one author.
		NoAuthors,
		/// An author appears twice.
		DuplicateAuthor,
		/// Every author holds a share above zero.
		ZeroShare,
		/// The authors' shares must sum to 10,000 basis points.
		SharesDoNotSum,
		/// The declaration's number is not the author's next (`authorNonces`): a declaration
		/// counts once; sign a new one.
		InvalidNonce,
		/// An author's signature does not cover this declaration: sign
		/// `declaration(…)` with the author's key.
		InvalidAuthorSignature,
		/// No work with this id.
		WorkNotFound,
		/// Only the work's owner may do this.
		NotOwner,
		/// The organization owns the work already (or would license its own work).
		AlreadyOwner,
		/// No organization with this id (or, for a transfer or licence, none active).
		OrganizationNotFound,
		/// The work has an open dispute: no transfer, no exclusive licence until it is decided.
		UnderDispute,
		/// The work is frozen by a regulatory action.
		Frozen,
		/// The work is frozen already.
		AlreadyFrozen,
		/// The work is not frozen.
		NotFrozen,
		/// The office has no jurisdiction over the work's owner.
		OutsideJurisdiction,
		/// An offer closes after it opens, and not in the past; its licences run for some time.
		InvalidOfferDates,
		/// A limit on licences must allow at least one.
		ZeroLimit,
		/// The work has the most open offers it may have: withdraw one first.
		TooManyOffers,
		/// No offer with this id.
		OfferNotFound,
		/// The offer was withdrawn or closed.
		OfferClosed,
		/// The offer does not open before its opening date.
		OfferNotOpen,
		/// The offer's closing date passed.
		OfferExpired,
		/// The offer granted all the licences it may.
		OfferExhausted,
		/// The organization holds a valid licence of this kind of the work already.
		AlreadyLicensed,
		/// An exclusive licence of this kind runs: no other licence of its kind until it ends.
		ExclusivelyLicensed,
		/// An exclusive licence needs every earlier licence of its kind ended.
		LicencesActive,
		/// A dispute cites at least one notarization record.
		NoEvidence,
		/// A cited notarization record does not exist.
		EvidenceNotFound,
		/// A cited record is another organization's and no court admitted it: cite your own
		/// notarized evidence, or evidence a court admitted in a case.
		EvidenceNotAdmissible,
		/// The IP office rejected this claimant's claim on the work lately: claim again once
		/// the refiling delay (`refilingDelay`) has passed.
		RefilingTooSoon,
		/// The IP office rejected this claimant's claims on the work twice: it claims on this
		/// work no more.
		ClaimantBarred,
		/// An upheld infringement claim barred the organization from licences of this work
		/// until the owner lifts the bar.
		LicenseeBarred,
		/// The organization is not barred from licences of the work.
		NotBarred,
		/// An infringement claim accuses another organization than the claimant.
		SelfAccused,
		/// The claimant has an open dispute of this work already.
		AlreadyDisputed,
		/// The work has the most open disputes it may have.
		TooManyDisputes,
		/// No dispute with this id.
		DisputeNotFound,
		/// The dispute was decided or withdrawn.
		DisputeClosed,
		/// Only the claimant may withdraw its dispute.
		NotClaimant,
		/// The end of a licence lies beyond what on-chain time can count.
		Overflow,
	}

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// Register a work by its fingerprint, under every author's signed declaration.
		///
		/// The registering organization owns the work. Each author signs
		/// [`Pallet::declaration`] (this chain's genesis hash, the fingerprints, type,
		/// metadata, owner, every author with their share, and the author's next nonce).
		///
		/// - Origin: any member (`MemberOrigin`).
		/// - `authors`: 1–8 declarations whose shares sum to 10,000 basis points.
		///
		/// Errors: `EmptyFingerprint`, `NoAuthors`, `DuplicateAuthor`, `ZeroShare`,
		/// `SharesDoNotSum`, `InvalidNonce`, `InvalidAuthorSignature`, `AlreadyRegistered`.
		/// Events: `WorkRegistered`. Complexity: O(authors).
		#[pallet::call_index(0)]
		#[pallet::weight(T::WeightInfo::register_work(authors.len() as u32))]
		pub fn register_work(
			origin: OriginFor<T>,
			fingerprint: H256,
			extra: Fingerprints,
			work_type: WorkType,
			metadata: H256,
			authors: Declarations<T::AccountId, T::AuthorSignature>,
		) -> DispatchResult {
			let (_, owner) = T::MemberOrigin::ensure_origin(origin)?;
			Self::do_register_work(owner, fingerprint, extra, work_type, metadata, authors)
		}

		/// Transfer a work to another organization under an assignment contract.
		///
		/// The old owner's open offers close; licences granted stand.
		///
		/// - Origin: a member of the owning organization.
		///
		/// Errors: `WorkNotFound`, `NotOwner`, `AlreadyOwner`, `OrganizationNotFound`, `Frozen`,
		/// `UnderDispute`. Events: `Transferred`, `OfferClosed` for each open offer.
		#[pallet::call_index(1)]
		#[pallet::weight(T::WeightInfo::transfer())]
		pub fn transfer(
			origin: OriginFor<T>,
			work: WorkId,
			to: OrgId,
			contract: H256,
		) -> DispatchResult {
			let (_, owner) = T::MemberOrigin::ensure_origin(origin)?;
			Self::do_transfer(owner, work, to, contract)
		}

		/// Publish a licence offer of a work.
		///
		/// - Origin: a member of the owning organization.
		/// - `terms`: closes after it opens and after now; licences run for a term above zero;
		///   a limit, if any, of at least one.
		///
		/// Errors: `WorkNotFound`, `NotOwner`, `Frozen`, `InvalidOfferDates`, `ZeroLimit`,
		/// `TooManyOffers`. Events: `OfferPublished`.
		#[pallet::call_index(2)]
		#[pallet::weight(T::WeightInfo::publish_offer())]
		pub fn publish_offer(
			origin: OriginFor<T>,
			work: WorkId,
			terms: OfferTerms,
		) -> DispatchResult {
			let (_, owner) = T::MemberOrigin::ensure_origin(origin)?;
			Self::do_publish_offer(owner, work, terms)
		}

		/// Withdraw an open offer; licences taken against it stand.
		///
		/// - Origin: a member of the work's owner.
		///
		/// Errors: `OfferNotFound`, `OfferClosed`, `NotOwner`. Events: `OfferWithdrawn`.
		#[pallet::call_index(3)]
		#[pallet::weight(T::WeightInfo::withdraw_offer())]
		pub fn withdraw_offer(origin: OriginFor<T>, offer: OfferId) -> DispatchResult {
			let (_, owner) = T::MemberOrigin::ensure_origin(origin)?;
			Self::do_withdraw_offer(owner, offer)
		}

		/// Take a licence against an open offer.
		///
		/// - Origin: any member but the work's owner (`MemberOrigin`).
		/// - `payment`: hash of the payment reference; the price is paid off chain.
		///
		/// Errors: `OfferNotFound`, `OfferClosed`, `OfferNotOpen`, `OfferExpired`,
		/// `OfferExhausted`, `AlreadyOwner`, `LicenseeBarred`, `Frozen`, `AlreadyLicensed`,
		/// `ExclusivelyLicensed`, `UnderDispute`, `LicencesActive`, `Overflow`.
		/// Events: `LicenceTaken`.
		#[pallet::call_index(4)]
		#[pallet::weight(T::WeightInfo::take_licence())]
		pub fn take_licence(origin: OriginFor<T>, offer: OfferId, payment: H256) -> DispatchResult {
			let (_, licensee) = T::MemberOrigin::ensure_origin(origin)?;
			Self::do_take_licence(licensee, offer, payment)
		}

		/// File a dispute of a work, citing notarized evidence.
		///
		/// - Origin: any member (`MemberOrigin`): an ownership claim by anyone but the owner;
		///   an infringement claim against another organization. Not while a rejection of its
		///   claim on the work is more recent than the refiling delay, nor after two.
		/// - `evidence`: 1–8 records of the notarization pallet, each the claimant's own or
		///   admitted by a court in a case.
		/// - `statement`: hash of the claim's statement.
		///
		/// Errors: `WorkNotFound`, `AlreadyOwner`, `SelfAccused`, `OrganizationNotFound`,
		/// `NoEvidence`, `EvidenceNotFound`, `EvidenceNotAdmissible`, `ClaimantBarred`,
		/// `RefilingTooSoon`, `AlreadyDisputed`, `TooManyDisputes`.
		/// Events: `DisputeFiled`. Complexity: O(evidence).
		#[pallet::call_index(5)]
		#[pallet::weight(T::WeightInfo::file_dispute(evidence.len() as u32))]
		pub fn file_dispute(
			origin: OriginFor<T>,
			work: WorkId,
			kind: DisputeKind,
			evidence: EvidenceList,
			statement: H256,
		) -> DispatchResult {
			let (_, claimant) = T::MemberOrigin::ensure_origin(origin)?;
			Self::do_file_dispute(claimant, work, kind, evidence, statement)
		}

		/// Withdraw an open dispute.
		///
		/// - Origin: a member of the claimant.
		///
		/// Errors: `DisputeNotFound`, `NotClaimant`, `DisputeClosed`. Events: `DisputeWithdrawn`.
		#[pallet::call_index(6)]
		#[pallet::weight(T::WeightInfo::withdraw_dispute())]
		pub fn withdraw_dispute(origin: OriginFor<T>, dispute: DisputeId) -> DispatchResult {
			let (_, claimant) = T::MemberOrigin::ensure_origin(origin)?;
			Self::do_withdraw_dispute(claimant, dispute)
		}

		/// Uphold a dispute and apply its consequences: an ownership claim passes the work to
		/// the claimant (its open offers close); an infringement claim ends the respondent's
		/// licences of the work, recomputes the licence horizon without them and bars the
		/// respondent from new licences of the work.
		///
		/// - Origin: an IP office (`ExaminerOrigin`) with jurisdiction over the work's owner.
		/// - `decision`: hash of the decision.
		///
		/// Errors: `DisputeNotFound`, `DisputeClosed`, `OutsideJurisdiction`, `Frozen`,
		/// `OrganizationNotFound` (the claimant left). Events: `DisputeUpheld`,
		/// `Transferred` and `OfferClosed`, or `LicenceRevoked` and `LicenseeBarred`.
		/// Complexity: an infringement claim reads up to [`MAX_HORIZON_WALK`] licences.
		#[pallet::call_index(7)]
		#[pallet::weight(T::WeightInfo::uphold_ownership()
			.max(T::WeightInfo::uphold_infringement(MAX_HORIZON_WALK)))]
		pub fn uphold_dispute(
			origin: OriginFor<T>,
			dispute: DisputeId,
			decision: H256,
		) -> DispatchResult {
			let (_, office) = T::ExaminerOrigin::ensure_origin(origin)?;
			Self::do_uphold_dispute(office, dispute, decision)
		}

		/// Reject a dispute with the hash of the reasons; the work stands as registered. The
		/// claimant waits the refiling delay before claiming on the work again, and after a
		/// second rejection claims on it no more.
		///
		/// - Origin: as for `uphold_dispute`.
		///
		/// Errors: `DisputeNotFound`, `DisputeClosed`, `OutsideJurisdiction`, `Frozen`.
		/// Events: `DisputeRejected`.
		#[pallet::call_index(8)]
		#[pallet::weight(T::WeightInfo::reject_dispute())]
		pub fn reject_dispute(
			origin: OriginFor<T>,
			dispute: DisputeId,
			reason: H256,
		) -> DispatchResult {
			let (_, office) = T::ExaminerOrigin::ensure_origin(origin)?;
			Self::do_reject_dispute(office, dispute, reason)
		}

		/// Freeze a work under a regulatory action: no transfer, offer, licence or decision
		/// until it is unfrozen; it stays readable.
		///
		/// - Origin: an IP office (`FreezeOrigin`) with jurisdiction over the owner.
		///
		/// Errors: `WorkNotFound`, `OutsideJurisdiction`, `Frozen`. Events: `Frozen`.
		#[pallet::call_index(9)]
		#[pallet::weight(T::WeightInfo::freeze())]
		pub fn freeze(origin: OriginFor<T>, work: WorkId, reason: H256) -> DispatchResult {
			let (_, office) = T::FreezeOrigin::ensure_origin(origin)?;
			Self::do_freeze(office, work, reason)
		}

		/// Lift a work's freeze.
		///
		/// - Origin: an IP office (`FreezeOrigin`) with jurisdiction over the owner.
		///
		/// Errors: `WorkNotFound`, `OutsideJurisdiction`, `NotFrozen`. Events: `Unfrozen`.
		#[pallet::call_index(10)]
		#[pallet::weight(T::WeightInfo::unfreeze())]
		pub fn unfreeze(origin: OriginFor<T>, work: WorkId) -> DispatchResult {
			let (_, office) = T::FreezeOrigin::ensure_origin(origin)?;
			Self::do_unfreeze(office, work)
		}

		/// Lift the bar an upheld infringement claim put on an organization: it may license
		/// the work again (the owner settled with it).
		///
		/// The bar protects the owner, so the owner alone lifts it.
		///
		/// - Origin: a member of the work's owner.
		///
		/// Errors: `WorkNotFound`, `NotOwner`, `NotBarred`. Events: `LicenceBarLifted`.
		#[pallet::call_index(11)]
		#[pallet::weight(T::WeightInfo::lift_licence_bar())]
		pub fn lift_licence_bar(
			origin: OriginFor<T>,
			work: WorkId,
			licensee: OrgId,
		) -> DispatchResult {
			let (_, owner) = T::MemberOrigin::ensure_origin(origin)?;
			Self::do_lift_licence_bar(owner, work, licensee)
		}
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		#[cfg(feature = "try-runtime")]
		fn try_state(_: BlockNumberFor<T>) -> Result<(), sp_runtime::TryRuntimeError> {
			Self::do_try_state()
		}
	}
}
