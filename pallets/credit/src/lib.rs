//! # SME credit attestations pallet (征信)
//!
//! Authorized institutions attest facts about small and medium enterprises — a tax credit
//! grade, a loan repayment record, social-insurance payments, a court's enforcement list — and
//! the enterprise decides which lender may use them and for what (经授权使用). Lenders that
//! cannot reach the central bank's credit system get facts from their sources, and the SME gets
//! what no credit bureau gives it: its consent record and a log of every access, on chain.
//!
//! ## Actors and terms
//! - **Credit regulator** ([`Config::RegulatorOrigin`], the `CreditRegulator` agency) registers
//!   **claim types** (like KILT's CTypes: a name, a schema hash, the public ratings allowed, the
//!   organization kinds that may attest), retires and reinstates those it or a regulator within
//!   its jurisdiction registered (governance, [`Config::GovernanceOrigin`], any: the national
//!   catalogue is the founding regulator's), authorizes **attesters** per claim type
//!   (organizations of an allowed kind holding the consortium's `Attester` role, within its
//!   jurisdiction), decides disputes left unanswered, and freezes attestations.
//! - **Attesters** ([`Config::AttesterOrigin`]) attest an enterprise member: the hash of the
//!   underlying data (kept off chain by the attester), an optional rating from the allowed
//!   ones, a validity period. They revoke with a reason, or supersede with a newer attestation
//!   (the old one links to its replacement; nothing is overwritten). Expired attestations stop
//!   counting without a call. An agency attests only enterprises within its jurisdiction. A
//!   bank attesting a receivable pledges the invoices behind it through the invoices pallet's
//!   receivable lock ([`Config::Invoices`]): one invoice backs one financing only. It may do so
//!   only under the SME's consent for that purpose (a grant for [`Purpose::InvoiceFinancing`]
//!   covering the claim type, in force, that runs at least as long as the attestation), and
//!   the lock ends with the financing: when the attestation is revoked (by its attester or on
//!   an upheld dispute) or superseded, when its attester releases it (repaid), and, once the
//!   attestation's validity period is over, on anyone's call (the SME's, typically) — so no
//!   lender holds an SME's invoices beyond the term the SME agreed to.
//! - **Enterprises** ([`Config::EnterpriseOrigin`]) grant a **lender** (a financial-institution
//!   member) consent for some or all claim types and, separately, their tax and invoice figures,
//!   for one [`Purpose`], until a date; they withdraw it at any time. They dispute an
//!   attestation about them (异议): the attester answers before the deadline
//!   ([`Config::DisputeWindow`]) — upheld revokes it, rejected keeps it with a reason; past the
//!   deadline anyone marks the dispute lapsed and the credit regulator decides it.
//! - **Joint discipline** (联合奖惩): an attestation of one of the catalogue's discipline claim
//!   types (`administrative-penalty`, `special-fund-misuse`, `court-enforcement`) is a
//!   **listing** of its subject until its validity ends or it is revoked. A supervision case's
//!   penalty lists the enterprise in the deciding agency's name
//!   ([`regchain_primitives::DisciplineRecords`]: no attester authorization, the decision is the
//!   authority; overturned on appeal, it is revoked). The other domains read who is listed,
//!   in one read, through [`regchain_primitives::CreditStanding`]: this pallet is the one
//!   place that says it. At most [`MAX_LISTINGS`] are in force about one enterprise.
//! - **Publication limits** (公示期限): a listing is valid no longer than the law publishes its
//!   kind (`PublicationTooLong`; [`regchain_primitives::DisciplineKind::max_publication`]:
//!   an ordinary penalty one year, a serious one three, a defaulter listing or fund misuse
//!   five) and is published only while it counts; any other record is published five years
//!   after it stops counting. Past that the chain keeps it for the audit trail: the history
//!   marks it (`published: false`) and the query gateway no longer shows it to lenders.
//! - **Credit repair** (信用修复), granted in the supervision case that decided the listing,
//!   revokes it at once, and each lender whose latest declared access covered its claim type
//!   gets an entry in its **notice log** ([`RepairNotices`], event `RepairNotified`).
//! - **Lenders** ([`Config::LenderOrigin`]) declare each access (which claim types or figures,
//!   for what purpose, under which grant) before the query layer serves them the data; an
//!   access the grant does not cover is refused.
//!
//! ## Invariants (checked by `try_state`)
//! - Every attestation's claim type exists; its successor, if superseded, exists and names it.
//! - `CurrentAttestations` lists exactly the active (unrevoked, unsuperseded) attestations, and
//!   `AttestationsBySubject` every attestation, each under its subject.
//! - Every grant is indexed under its SME and its lender; every access names a grant of that
//!   SME and lender; each SME's access count equals its log's length; `LatestAccesses` names
//!   each lender's newest entry of each SME's log; `FinancingConsents` names unwithdrawn
//!   `InvoiceFinancing` grants of that SME to that lender.
//! - Disputes and freezes concern existing attestations; ids stay below their counters.
//! - Every listing names an active attestation of its subject, by its attester, of the claim
//!   type of its discipline kind, ending when it ends, published no longer than the law
//!   allows its kind; each discipline kind names a claim type of its name.
//! - Every repair notice lies within its lender's notice log, names a revoked attestation of
//!   its SME and an access that lender declared; each lender's count equals its log's length.
//!
//! ## On chain, and who can read it
//! Every node of the consortium holds all state. On chain: claim types, who is authorized to
//! attest what, each attestation's subject, attester, dates, public rating and status, the
//! data's **hash** (salted by the attester: the underlying records — tax figures, loan
//! balances, judgments — stay with the attester, who shows them to a lender under consent),
//! disputes with their reasons' hashes, grants (who, to whom, what, why, until) and the access
//! log. The query layer serves attestations' underlying data and an SME's figures to a lender
//! only against a valid grant and a declared access.
#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

pub use pallet::*;

/// The credit domain's tag: its claims on invoices (receivable financing, the attestation's id
/// is the claim's id) and its records for regulatory actions (attestations).
pub const CREDIT: regchain_primitives::ClaimDomain = *b"cred";

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
mod impls;
pub mod migrations;
#[cfg(test)]
mod mock;
pub mod runtime_api;
#[cfg(test)]
mod tests;
pub mod types;
pub mod weights;

pub use impls::{CatalogueAuthority, Decider};

regchain_primitives::freeze_errors!();
regchain_primitives::jurisdiction_errors!();
pub use regchain_primitives::{InvoiceRef, OrgId, OrgKinds};
pub use types::*;
pub use weights::WeightInfo;

#[frame_support::pallet]
pub mod pallet {
	use super::*;
	use alloc::vec::Vec;
	use frame_support::pallet_prelude::*;
	use frame_support::traits::UnixTime;
	use frame_system::pallet_prelude::*;
	use regchain_primitives::{time::Moment, DisciplineKind, Freeze, InvoiceClaims, Listing};
	use sp_core::H256;

	/// The storage layout's version; a migration bumps it with the layout.
	pub const STORAGE_VERSION: StorageVersion = StorageVersion::new(3);

	#[pallet::pallet]
	#[pallet::storage_version(STORAGE_VERSION)]
	pub struct Pallet<T>(_);

	#[pallet::config]
	pub trait Config: frame_system::Config {
		/// The credit regulator; success value: the account and its organization.
		type RegulatorOrigin: EnsureOrigin<Self::RuntimeOrigin, Success = (Self::AccountId, OrgId)>;

		/// A member holding the `Attester` role (each claim type needs its own authorization).
		type AttesterOrigin: EnsureOrigin<Self::RuntimeOrigin, Success = (Self::AccountId, OrgId)>;

		/// An enterprise: grants consent and disputes attestations about itself.
		type EnterpriseOrigin: EnsureOrigin<Self::RuntimeOrigin, Success = (Self::AccountId, OrgId)>;

		/// An enterprise, active or suspended (`EnsureAnswerer`): disputes an attestation about
		/// itself — a suspension does not cut off its dispute of what lists it.
		type AnswerOrigin: EnsureOrigin<Self::RuntimeOrigin, Success = (Self::AccountId, OrgId)>;

		/// A financial institution: declares its accesses.
		type LenderOrigin: EnsureOrigin<Self::RuntimeOrigin, Success = (Self::AccountId, OrgId)>;

		/// Who is who: the kinds of the organizations named, and the agencies' jurisdictions.
		type Membership: regchain_primitives::Membership<Self::AccountId>;

		/// The invoices' receivable lock, for invoice financing.
		type Invoices: InvoiceClaims;

		/// The agencies' governance: retires or reinstates any claim type.
		type GovernanceOrigin: EnsureOrigin<Self::RuntimeOrigin>;

		/// The chain's clock (`pallet-timestamp`): validity periods, grants and deadlines are
		/// dates.
		type UnixTime: UnixTime;

		/// How long an attester has to answer a dispute (征信业管理条例: 20 days).
		#[pallet::constant]
		type DisputeWindow: Get<Moment>;

		/// The longest consent an SME may give at once.
		#[pallet::constant]
		type MaxGrantTerm: Get<Moment>;

		/// How long a declared access serves a lender's reads (a loan review's day): what a
		/// lender may read now is what it declared within this time (`current_access`), so a
		/// lender's every read session is in the SME's access log.
		#[pallet::constant]
		type AccessValidity: Get<Moment>;

		/// Weights of this pallet's calls, from its benchmarks.
		type WeightInfo: WeightInfo;
	}

	/// The next claim type's id.
	#[pallet::storage]
	pub type NextClaimTypeId<T: Config> = StorageValue<_, ClaimTypeId, ValueQuery>;

	/// The claim types. Twox64Concat: ids are allocated by the chain.
	#[pallet::storage]
	pub type ClaimTypes<T: Config> = StorageMap<_, Twox64Concat, ClaimTypeId, ClaimType>;

	/// The attesters of each claim type, with when they were authorized.
	#[pallet::storage]
	pub type Attesters<T: Config> =
		StorageDoubleMap<_, Twox64Concat, ClaimTypeId, Twox64Concat, OrgId, Moment>;

	/// The next attestation's id.
	#[pallet::storage]
	pub type NextAttestationId<T: Config> = StorageValue<_, AttestationId, ValueQuery>;

	/// Every attestation, whatever became of it.
	#[pallet::storage]
	pub type Attestations<T: Config> = StorageMap<_, Twox64Concat, AttestationId, Attestation>;

	/// Index of every attestation about each enterprise.
	#[pallet::storage]
	pub type AttestationsBySubject<T: Config> =
		StorageDoubleMap<_, Twox64Concat, OrgId, Twox64Concat, AttestationId, ()>;

	/// Index of each enterprise's active attestations (neither revoked nor superseded; expired
	/// ones stay until replaced, the profile skips them): its credit profile.
	#[pallet::storage]
	pub type CurrentAttestations<T: Config> =
		StorageDoubleMap<_, Twox64Concat, OrgId, Twox64Concat, AttestationId, ()>;

	/// The dispute of each disputed attestation.
	#[pallet::storage]
	pub type Disputes<T: Config> = StorageMap<_, Twox64Concat, AttestationId, Dispute>;

	/// Attestations a regulator froze.
	#[pallet::storage]
	pub type FrozenAttestations<T: Config> = StorageMap<_, Twox64Concat, AttestationId, Freeze>;

	/// The next grant's id.
	#[pallet::storage]
	pub type NextGrantId<T: Config> = StorageValue<_, GrantId, ValueQuery>;

	/// Every consent grant, withdrawn or lapsed ones too.
	#[pallet::storage]
	pub type Grants<T: Config> = StorageMap<_, Twox64Concat, GrantId, Grant>;

	/// Index of each SME's grants.
	#[pallet::storage]
	pub type GrantsBySme<T: Config> =
		StorageDoubleMap<_, Twox64Concat, OrgId, Twox64Concat, GrantId, ()>;

	/// Index of each lender's grants.
	#[pallet::storage]
	pub type GrantsByLender<T: Config> =
		StorageDoubleMap<_, Twox64Concat, OrgId, Twox64Concat, GrantId, ()>;

	/// Each SME's access log, numbered from 0.
	#[pallet::storage]
	pub type Accesses<T: Config> =
		StorageDoubleMap<_, Twox64Concat, OrgId, Twox64Concat, u32, Access>;

	/// The length of each SME's access log.
	#[pallet::storage]
	pub type AccessCount<T: Config> = StorageMap<_, Twox64Concat, OrgId, u32, ValueQuery>;

	/// Index of the log: each lender's latest access to each SME's data (its entry's number),
	/// which the query layer checks before it serves the lender, in one read however many
	/// accesses other lenders declared since.
	#[pallet::storage]
	pub type LatestAccesses<T: Config> =
		StorageDoubleMap<_, Twox64Concat, OrgId, Twox64Concat, OrgId, u32>;

	/// Each SME's latest grant for [`Purpose::InvoiceFinancing`] to each lender: the consent
	/// a receivable attestation of that lender needs. Removed when that grant is withdrawn.
	#[pallet::storage]
	pub type FinancingConsents<T: Config> =
		StorageDoubleMap<_, Twox64Concat, OrgId, Twox64Concat, OrgId, GrantId>;

	/// The discipline listings in force about each enterprise (and ended ones until the next
	/// listing drops them): the attestations of the catalogue's discipline claim types, read by
	/// the other domains in one read (`CreditStanding`). At most `MAX_LISTINGS` (storage
	/// version 3).
	#[pallet::storage]
	pub type Listings<T: Config> =
		StorageMap<_, Twox64Concat, OrgId, BoundedVec<Listing, ConstU32<MAX_LISTINGS>>>;

	/// Each lender's notice log: the credit repairs of SMEs whose data it read, by entry number
	/// (at most `MAX_REPAIR_NOTICES` entries a repair, written only by a granted repair).
	#[pallet::storage]
	pub type RepairNotices<T: Config> =
		StorageDoubleMap<_, Twox64Concat, OrgId, Twox64Concat, u32, RepairNotice>;

	/// The length of each lender's notice log.
	#[pallet::storage]
	pub type RepairNoticeCount<T: Config> = StorageMap<_, Twox64Concat, OrgId, u32, ValueQuery>;

	/// The catalogue's claim type of each discipline kind (the first registered under its
	/// name), which a supervision decision attests (storage version 3).
	#[pallet::storage]
	pub type DisciplineClaimTypes<T: Config> =
		StorageMap<_, Twox64Concat, DisciplineKind, ClaimTypeId>;

	/// The claim types a network starts with (the national catalogue of credit facts, in the
	/// runtime's genesis presets), registered in the name of the credit regulator `regulator`.
	#[pallet::genesis_config]
	#[derive(frame_support::DefaultNoBound)]
	pub struct GenesisConfig<T: Config> {
		/// The founding credit regulator's organization.
		pub regulator: OrgId,
		/// Each claim type: name, rating labels, who may attest, whether it is a receivable.
		/// The schema hash starts as zero: no schema document published yet.
		pub claim_types: Vec<(Vec<u8>, Vec<Vec<u8>>, OrgKinds, bool)>,
		#[serde(skip)]
		pub _config: core::marker::PhantomData<T>,
	}

	#[pallet::genesis_build]
	impl<T: Config> BuildGenesisConfig for GenesisConfig<T> {
		fn build(&self) {
			if self.claim_types.is_empty() {
				return;
			}
			use regchain_primitives::{AgencyKind, Membership, OrgKind};
			assert_eq!(
				T::Membership::kind(self.regulator),
				Some(OrgKind::Agency(AgencyKind::CreditRegulator)),
				"genesis claim types are registered by the founding credit regulator"
			);
			for (name, ratings, kinds, receivables) in &self.claim_types {
				let name: ClaimTypeName =
					name.clone().try_into().expect("genesis claim type name is too long");
				let ratings: Ratings = ratings
					.iter()
					.map(|r| r.clone().try_into().expect("genesis rating label is too long"))
					.collect::<Vec<_>>()
					.try_into()
					.expect("too many genesis ratings");
				Pallet::<T>::do_register_claim_type(
					self.regulator,
					name,
					H256::zero(),
					ratings,
					*kinds,
					*receivables,
				)
				.expect("genesis claim types must be valid");
			}
		}
	}

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// The credit regulator registered a claim type.
		ClaimTypeRegistered { claim_type: ClaimTypeId, name: ClaimTypeName, kinds: OrgKinds },
		/// The claim type takes no new attestations.
		ClaimTypeRetired { claim_type: ClaimTypeId },
		/// An organization may attest the claim type.
		AttesterAuthorized { claim_type: ClaimTypeId, attester: OrgId },
		/// It may no longer (its attestations stand).
		AttesterDeauthorized { claim_type: ClaimTypeId, attester: OrgId },
		/// A fact was attested.
		Attested {
			attestation: AttestationId,
			claim_type: ClaimTypeId,
			subject: OrgId,
			attester: OrgId,
			rating: Option<Rating>,
		},
		/// An attestation was replaced by a newer one.
		Superseded { attestation: AttestationId, by: AttestationId },
		/// An attestation was revoked.
		Revoked { attestation: AttestationId, reason: H256 },
		/// The financing of a receivable attestation ended: its invoices are released.
		ReceivablesReleased { attestation: AttestationId, invoices: u32 },
		/// A retired claim type was reinstated: it may be attested again.
		ClaimTypeReinstated { claim_type: ClaimTypeId },
		/// An SME granted a lender consent.
		ConsentGranted {
			grant: GrantId,
			sme: OrgId,
			lender: OrgId,
			purpose: Purpose,
			until: Moment,
		},
		/// The SME withdrew it.
		ConsentWithdrawn { grant: GrantId },
		/// A lender declared an access, entry `index` of the SME's log.
		AccessDeclared { sme: OrgId, index: u32, lender: OrgId, grant: GrantId },
		/// The SME disputed an attestation.
		Disputed { attestation: AttestationId, deadline: Moment },
		/// The dispute's deadline passed unanswered.
		DisputeLapsed { attestation: AttestationId },
		/// The dispute was upheld (the attestation is revoked).
		DisputeUpheld { attestation: AttestationId, by: OrgId },
		/// The dispute was rejected.
		DisputeRejected { attestation: AttestationId, by: OrgId, reason: H256 },
		/// A regulator froze an attestation.
		Frozen { attestation: AttestationId, by: OrgId, reason: H256 },
		/// The regulator `by` lifted the freeze.
		Unfrozen { attestation: AttestationId, by: OrgId },
		/// A credit repair (信用修复) ended a listing: it is revoked and no longer published.
		Repaired { attestation: AttestationId, reason: H256 },
		/// A lender whose declared access covered a repaired listing is told of the repair: entry
		/// `notice` of its notice log.
		RepairNotified { attestation: AttestationId, lender: OrgId, notice: u32 },
		/// Red invoice `red` took `reduced` (gross) off `invoice`, a receivable the financing
		/// attested by `attestation` pledged: the report to its bank, which `remaining` is left
		/// of.
		FinancedInvoiceReduced {
			attestation: AttestationId,
			invoice: InvoiceRef,
			red: InvoiceRef,
			reduced: regchain_primitives::Fen,
			remaining: regchain_primitives::Fen,
		},
	}

	#[pallet::error]
	pub enum Error<T> {
		/// Name the claim type (1 to 64 bytes).
		EmptyName,
		/// A claim type needs at least one kind of organization that exists.
		NoAttesterKinds,
		/// Rating labels must be non-empty and distinct.
		InvalidRatings,
		/// No claim type has this id.
		ClaimTypeNotFound,
		/// The claim type is retired.
		ClaimTypeRetired,
		/// No active organization has this id.
		OrganizationNotFound,
		/// This kind of organization may not attest this claim type (or hold the attester role).
		WrongAttesterKind,
		/// The organization is already an attester of this claim type.
		AlreadyAuthorized,
		/// The organization is not an authorized attester of this claim type.
		NotAuthorized,
		/// Attestations are about enterprise members only.
		NotEnterprise,
		/// An organization cannot attest itself.
		SelfAttestation,
		/// The enterprise is outside the agency's jurisdiction.
		OutsideJurisdiction,
		/// The rating is not one the claim type allows.
		RatingNotAllowed,
		/// The validity period must end after it starts, and in the future.
		InvalidPeriod,
		/// Only receivable claim types pledge invoices.
		InvoicesNotAllowed,
		/// An invoice is listed twice.
		DuplicateInvoice,
		/// No attestation has this id.
		AttestationNotFound,
		/// Only the attestation's attester may do this.
		NotAttester,
		/// The attestation was revoked or superseded.
		NotActive,
		/// A regulator froze the attestation: nothing changes it until unfrozen.
		Frozen,
		/// The attestation is frozen already.
		AlreadyFrozen,
		/// The attestation is not frozen.
		NotFrozen,
		/// The lender must be an active financial-institution member.
		NotLender,
		/// A grant or access must cover something.
		EmptyScope,
		/// A claim type is listed twice, or does not exist.
		InvalidScope,
		/// A grant must end in the future and within the longest term.
		InvalidTerm,
		/// No grant has this id.
		GrantNotFound,
		/// Only the SME that granted it may withdraw it.
		NotGrantor,
		/// The grant was withdrawn already.
		AlreadyWithdrawn,
		/// The grant is for another lender.
		NotGrantee,
		/// The grant was withdrawn.
		GrantWithdrawn,
		/// The grant has lapsed.
		GrantExpired,
		/// The grant is for another purpose.
		WrongPurpose,
		/// The access asks for claim types or figures the grant does not cover.
		OutsideScope,
		/// Only the enterprise the attestation is about may dispute it.
		NotSubject,
		/// The attestation was disputed already (one dispute per attestation).
		AlreadyDisputed,
		/// The attestation is not disputed.
		NoDispute,
		/// The dispute was decided already.
		DisputeDecided,
		/// The attester's deadline has passed: the regulator decides now.
		DeadlinePassed,
		/// The deadline has not passed: the attester answers first.
		DeadlineNotPassed,
		/// A counter is too large to represent.
		Overflow,
		/// Only the regulator that registered the claim type, one whose jurisdiction covers
		/// it, or governance may retire or reinstate it.
		NotRegistrant,
		/// The claim type is not retired.
		ClaimTypeNotRetired,
		/// Pledging the SME's invoices needs its grant to this lender for `InvoiceFinancing`,
		/// in force and covering the claim type.
		NoFinancingConsent,
		/// The attestation would outlast the SME's consent: end it by the grant's end.
		BeyondConsent,
		/// The attestation's dispute awaits a decision: decide it before replacing it.
		DisputeUndecided,
		/// The attestation holds no invoices (none pledged, or all released).
		NothingPledged,
		/// Only the attester releases the invoices while the attestation is in force; anyone
		/// may once it is revoked, superseded or past its validity.
		FinancingNotEnded,
		/// The enterprise holds `MAX_LISTINGS` discipline listings in force already.
		TooManyListings,
		/// A discipline listing's validity is longer than the law lets it be published (one
		/// year for an administrative penalty attested directly, five for a court's defaulter
		/// listing or a fund misuse).
		PublicationTooLong,
	}

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// Register a claim type: a kind of credit fact and who may attest it.
		///
		/// - Origin: the credit regulator.
		/// - `ratings`: the public ratings allowed, in order (empty: no ratings).
		/// - `receivables`: attestations of it pledge invoices (invoice financing).
		///
		/// Errors: `EmptyName`, `NoAttesterKinds`, `InvalidRatings`, `Overflow`.
		/// Events: `ClaimTypeRegistered`. Complexity: O(r²) in the number of ratings (≤ 16).
		#[pallet::call_index(0)]
		#[pallet::weight(T::WeightInfo::register_claim_type())]
		pub fn register_claim_type(
			origin: OriginFor<T>,
			name: ClaimTypeName,
			schema: H256,
			ratings: Ratings,
			attester_kinds: OrgKinds,
			receivables: bool,
		) -> DispatchResult {
			let (_, regulator) = T::RegulatorOrigin::ensure_origin(origin)?;
			Self::do_register_claim_type(
				regulator,
				name,
				schema,
				ratings,
				attester_kinds,
				receivables,
			)
		}

		/// Retire a claim type: no new attestations of it; those given keep counting.
		///
		/// - Origin: the credit regulator that registered it or one whose jurisdiction covers
		///   that regulator's, or governance (the national catalogue is the founding
		///   regulator's: a district regulator cannot retire it). Reversible: `reinstate`.
		///
		/// Errors: `ClaimTypeNotFound`, `NotRegistrant`, `ClaimTypeRetired`.
		/// Events: `ClaimTypeRetired`.
		#[pallet::call_index(1)]
		#[pallet::weight(T::WeightInfo::retire_claim_type())]
		pub fn retire_claim_type(origin: OriginFor<T>, claim_type: ClaimTypeId) -> DispatchResult {
			let authority = Self::catalogue_authority(origin)?;
			Self::do_retire_claim_type(authority, claim_type)
		}

		/// Reinstate a retired claim type: it may be attested again.
		///
		/// - Origin: as for `retire_claim_type`.
		///
		/// Errors: `ClaimTypeNotFound`, `NotRegistrant`, `ClaimTypeNotRetired`.
		/// Events: `ClaimTypeReinstated`.
		#[pallet::call_index(16)]
		#[pallet::weight(T::WeightInfo::reinstate_claim_type())]
		pub fn reinstate_claim_type(
			origin: OriginFor<T>,
			claim_type: ClaimTypeId,
		) -> DispatchResult {
			let authority = Self::catalogue_authority(origin)?;
			Self::do_reinstate_claim_type(authority, claim_type)
		}

		/// Release the invoices a receivable attestation pledged: the financing ended.
		///
		/// Revoking or superseding the attestation, or upholding a dispute of it, releases
		/// them too; this call is for a financing repaid (its attester, while the attestation
		/// is in force) and for one past its term (anyone, the SME typically, once the
		/// attestation is past its validity), so that no lock outlives the financing.
		///
		/// - Origin: a member; the attester, unless the attestation has ended.
		///
		/// Errors: `AttestationNotFound`, `FinancingNotEnded`, `Frozen`, `NothingPledged`.
		/// Events: `ReceivablesReleased`. Complexity: O(i) in the invoices (≤ 16).
		#[pallet::call_index(17)]
		#[pallet::weight(T::WeightInfo::release_receivables())]
		pub fn release_receivables(
			origin: OriginFor<T>,
			attestation: AttestationId,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			let org = <T::Membership as regchain_primitives::Membership<_>>::member(&who)
				.ok_or(DispatchError::BadOrigin)?
				.org;
			Self::do_release_receivables(org, attestation)
		}

		/// Authorize an organization to attest a claim type.
		///
		/// - Origin: the credit regulator, for organizations within its jurisdiction.
		/// - `attester`: of a kind the claim type allows, holding the `Attester` role.
		///
		/// Errors: `ClaimTypeNotFound`, `ClaimTypeRetired`, `OrganizationNotFound`,
		/// `WrongAttesterKind`, `OutsideJurisdiction`, `AlreadyAuthorized`.
		/// Events: `AttesterAuthorized`.
		#[pallet::call_index(2)]
		#[pallet::weight(T::WeightInfo::authorize_attester())]
		pub fn authorize_attester(
			origin: OriginFor<T>,
			claim_type: ClaimTypeId,
			attester: OrgId,
		) -> DispatchResult {
			let (_, regulator) = T::RegulatorOrigin::ensure_origin(origin)?;
			Self::do_authorize_attester(regulator, claim_type, attester)
		}

		/// Withdraw an attester's authorization for a claim type (its attestations stand).
		///
		/// - Origin: the credit regulator, for organizations within its jurisdiction.
		///
		/// Errors: `NotAuthorized`, `OutsideJurisdiction`. Events: `AttesterDeauthorized`.
		#[pallet::call_index(3)]
		#[pallet::weight(T::WeightInfo::deauthorize_attester())]
		pub fn deauthorize_attester(
			origin: OriginFor<T>,
			claim_type: ClaimTypeId,
			attester: OrgId,
		) -> DispatchResult {
			let (_, regulator) = T::RegulatorOrigin::ensure_origin(origin)?;
			Self::do_deauthorize_attester(regulator, claim_type, attester)
		}

		/// Attest a fact about an enterprise.
		///
		/// - Origin: an attester authorized for the claim type; an agency only for enterprises
		///   within its jurisdiction, nobody about itself.
		/// - `data`: the salted hash of the underlying record, which the attester keeps.
		/// - `rating`: an index into the claim type's ratings.
		/// - `valid_from`, `valid_until`: the validity period, in on-chain time.
		/// - `invoices`: for a receivable claim type, the subject's invoices financed, each
		///   locked for this attestation alone — only under the subject's grant to the
		///   attester for `InvoiceFinancing` covering the claim type, and `valid_until` no
		///   later than that grant's end (the lock ends with the attestation: see
		///   `release_receivables`).
		///
		/// Errors: `ClaimTypeNotFound`, `ClaimTypeRetired`, `NotAuthorized`, `NotEnterprise`,
		/// `SelfAttestation`, `OutsideJurisdiction`, `RatingNotAllowed`, `InvalidPeriod`,
		/// `PublicationTooLong`, `InvoicesNotAllowed`, `DuplicateInvoice`, `NoFinancingConsent`, `BeyondConsent`,
		/// the invoices pallet's lock errors, `Overflow`. Events: `Attested`. Complexity: O(i) in the invoices (≤ 16).
		#[pallet::call_index(4)]
		#[pallet::weight(T::WeightInfo::attest(invoices.len() as u32))]
		pub fn attest(
			origin: OriginFor<T>,
			subject: OrgId,
			claim_type: ClaimTypeId,
			data: H256,
			rating: Option<Rating>,
			valid_from: Moment,
			valid_until: Moment,
			invoices: FinancedInvoices,
		) -> DispatchResult {
			let (_, attester) = T::AttesterOrigin::ensure_origin(origin)?;
			Self::do_attest(
				attester,
				subject,
				claim_type,
				data,
				rating,
				valid_from,
				valid_until,
				invoices,
			)
			.map(|_| ())
		}

		/// Replace an attestation with a newer one of the same claim type and subject; the old
		/// one links to its replacement.
		///
		/// - Origin: the old attestation's attester, still authorized.
		///
		/// A dispute of the old attestation is decided first: a replacement must not hide it.
		/// The replacement pledges nothing: invoices the old one pledged are released.
		///
		/// Errors: those of `attest` (without invoices), `AttestationNotFound`, `NotAttester`,
		/// `NotActive`, `Frozen`, `DisputeUndecided`. Events: `Attested`, `Superseded`,
		/// `ReceivablesReleased` when it pledged invoices.
		#[pallet::call_index(5)]
		#[pallet::weight(T::WeightInfo::supersede())]
		pub fn supersede(
			origin: OriginFor<T>,
			attestation: AttestationId,
			data: H256,
			rating: Option<Rating>,
			valid_from: Moment,
			valid_until: Moment,
		) -> DispatchResult {
			let (_, attester) = T::AttesterOrigin::ensure_origin(origin)?;
			Self::do_supersede(attester, attestation, data, rating, valid_from, valid_until)
		}

		/// Revoke an attestation.
		///
		/// - Origin: its attester (even if no longer authorized: withdrawing a wrong fact must
		///   stay possible).
		///
		/// Errors: `AttestationNotFound`, `NotAttester`, `NotActive`, `Frozen`.
		/// Events: `Revoked`, `ReceivablesReleased` when it pledged invoices.
		#[pallet::call_index(6)]
		#[pallet::weight(T::WeightInfo::revoke())]
		pub fn revoke(
			origin: OriginFor<T>,
			attestation: AttestationId,
			reason: H256,
		) -> DispatchResult {
			let (_, attester) = T::AttesterOrigin::ensure_origin(origin)?;
			Self::do_revoke(attester, attestation, reason)
		}

		/// Grant a lender consent to use some or all attestations and, separately, the tax
		/// and invoice figures, for one purpose, until a date.
		///
		/// - Origin: the enterprise (the SME) itself.
		/// - `lender`: an active financial-institution member.
		/// - `until`: in the future, at most `MaxGrantTerm` away.
		///
		/// Errors: `NotLender`, `EmptyScope`, `InvalidScope`, `InvalidTerm`, `Overflow`.
		/// Events: `ConsentGranted`. Complexity: O(c²) in the claim types listed (≤ 16).
		#[pallet::call_index(7)]
		#[pallet::weight(T::WeightInfo::grant_consent())]
		pub fn grant_consent(
			origin: OriginFor<T>,
			lender: OrgId,
			scope: Scope,
			purpose: Purpose,
			until: Moment,
		) -> DispatchResult {
			let (_, sme) = T::EnterpriseOrigin::ensure_origin(origin)?;
			Self::do_grant_consent(sme, lender, scope, purpose, until)
		}

		/// Withdraw a consent, at once.
		///
		/// - Origin: the SME that granted it.
		///
		/// Errors: `GrantNotFound`, `NotGrantor`, `AlreadyWithdrawn`. Events: `ConsentWithdrawn`.
		#[pallet::call_index(8)]
		#[pallet::weight(T::WeightInfo::withdraw_consent())]
		pub fn withdraw_consent(origin: OriginFor<T>, grant: GrantId) -> DispatchResult {
			let (_, sme) = T::EnterpriseOrigin::ensure_origin(origin)?;
			Self::do_withdraw_consent(sme, grant)
		}

		/// Declare an access to an SME's data under its grant: logged for the SME to see.
		///
		/// - Origin: the lender the grant names.
		/// - `scope`, `purpose`: within the grant's.
		///
		/// Errors: `GrantNotFound`, `NotGrantee`, `GrantWithdrawn`, `GrantExpired`,
		/// `WrongPurpose`, `EmptyScope`, `OutsideScope`, `Overflow`. Events: `AccessDeclared`.
		#[pallet::call_index(9)]
		#[pallet::weight(T::WeightInfo::declare_access())]
		pub fn declare_access(
			origin: OriginFor<T>,
			grant: GrantId,
			scope: Scope,
			purpose: Purpose,
		) -> DispatchResult {
			let (_, lender) = T::LenderOrigin::ensure_origin(origin)?;
			Self::do_declare_access(lender, grant, scope, purpose)
		}

		/// Dispute an attestation (异议): its attester answers before the deadline.
		///
		/// - Origin: the enterprise it is about (`AnswerOrigin`), suspended or not.
		///
		/// Errors: `AttestationNotFound`, `NotSubject`, `NotActive`, `AlreadyDisputed`.
		/// Events: `Disputed`.
		#[pallet::call_index(10)]
		#[pallet::weight(T::WeightInfo::dispute())]
		pub fn dispute(
			origin: OriginFor<T>,
			attestation: AttestationId,
			reason: H256,
		) -> DispatchResult {
			let (_, sme) = T::AnswerOrigin::ensure_origin(origin)?;
			Self::do_dispute(sme, attestation, reason)
		}

		/// Uphold a dispute: the attestation is revoked with the dispute's reason.
		///
		/// - Origin: the attester before the deadline, or the credit regulator (within its
		///   jurisdiction) once the dispute lapsed.
		///
		/// Errors: `AttestationNotFound`, `NoDispute`, `DisputeDecided`, `NotAttester`,
		/// `DeadlinePassed`, `DeadlineNotPassed`, `OutsideJurisdiction`, `NotActive`,
		/// `Frozen`. Events: `DisputeUpheld`, `Revoked`, `ReceivablesReleased` when it
		/// pledged invoices.
		#[pallet::call_index(11)]
		#[pallet::weight(T::WeightInfo::uphold_dispute())]
		pub fn uphold_dispute(origin: OriginFor<T>, attestation: AttestationId) -> DispatchResult {
			let decider = Self::decider(origin)?;
			Self::do_uphold_dispute(decider, attestation)
		}

		/// Reject a dispute with a reason: the attestation stands.
		///
		/// - Origin: as for `uphold_dispute`.
		///
		/// Errors: as `uphold_dispute`. Events: `DisputeRejected`.
		#[pallet::call_index(12)]
		#[pallet::weight(T::WeightInfo::reject_dispute())]
		pub fn reject_dispute(
			origin: OriginFor<T>,
			attestation: AttestationId,
			reason: H256,
		) -> DispatchResult {
			let decider = Self::decider(origin)?;
			Self::do_reject_dispute(decider, attestation, reason)
		}

		/// Mark a dispute whose deadline passed unanswered as lapsed: the credit regulator
		/// decides it now.
		///
		/// - Origin: any member (the SME, typically).
		///
		/// Errors: `AttestationNotFound`, `NoDispute`, `DisputeDecided`, `DeadlineNotPassed`.
		/// Events: `DisputeLapsed`.
		#[pallet::call_index(13)]
		#[pallet::weight(T::WeightInfo::mark_dispute_lapsed())]
		pub fn mark_dispute_lapsed(
			origin: OriginFor<T>,
			attestation: AttestationId,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			ensure!(
				<T::Membership as regchain_primitives::Membership<_>>::member(&who).is_some(),
				DispatchError::BadOrigin
			);
			Self::do_mark_dispute_lapsed(attestation)
		}

		/// Freeze an attestation under a regulatory action: nothing changes it (revocation,
		/// replacement, disputes, decisions) until it is unfrozen; it stays readable.
		///
		/// - Origin: the credit regulator, for subjects within its jurisdiction.
		///
		/// Errors: `AttestationNotFound`, `OutsideJurisdiction`, `Frozen`. Events: `Frozen`.
		#[pallet::call_index(14)]
		#[pallet::weight(T::WeightInfo::freeze())]
		pub fn freeze(
			origin: OriginFor<T>,
			attestation: AttestationId,
			reason: H256,
		) -> DispatchResult {
			let (_, regulator) = T::RegulatorOrigin::ensure_origin(origin)?;
			Self::do_freeze(regulator, attestation, reason)
		}

		/// Unfreeze an attestation.
		///
		/// - Origin: the credit regulator, for subjects within its jurisdiction.
		///
		/// Errors: `AttestationNotFound`, `OutsideJurisdiction`, `NotFrozen`.
		/// Events: `Unfrozen`.
		#[pallet::call_index(15)]
		#[pallet::weight(T::WeightInfo::unfreeze())]
		pub fn unfreeze(origin: OriginFor<T>, attestation: AttestationId) -> DispatchResult {
			let (_, regulator) = T::RegulatorOrigin::ensure_origin(origin)?;
			Self::do_unfreeze(regulator, attestation)
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
