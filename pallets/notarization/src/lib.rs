//! # Evidence notarization pallet (司法存证)
//!
//! A party puts the digital fingerprint of a photo, contract, web page or chat record on chain
//! the moment it has it; a court later checks that the file it is shown has not changed since.
//! The block and the on-chain time are the proof of time; the consortium's validators, run by
//! the agencies, are the witnesses. Internet courts (Hangzhou, Beijing, Guangzhou) accept such
//! evidence.
//!
//! ## Actors and terms
//! - **Members** ([`Config::SubmitterOrigin`]) notarize a digest (SHA-256, BLAKE2b-256 or SM3
//!   — see [`HashAlgorithm`]) with its evidence type, the hash of its metadata and, if it is for
//!   a case, the salted hash of the case reference; or anchor a **batch**: the Merkle root of
//!   any number of digests (a folder, a day's captures — millions) in one call, each digest
//!   later proved by its inclusion proof ([`merkle`] states the tree's rule). A digest, or a
//!   root, already notarized is refused (`AlreadyNotarized`) and the query names the original.
//!   A batch's owner indexes a digest of its batch (`index_batch_digest`) so that it is found
//!   by itself: otherwise a member who saw it could notarize it singly later and appear as the
//!   original; indexed, the batch is named first and the later record as later.
//! - **Courts and notary offices** ([`Config::NotaryOrigin`]: an agency of kind `Court` holding
//!   the `Notary` role) certify a notarized digest of an owner within their jurisdiction — one
//!   on its own, or one of a batch with its proof, which the chain checks — with the hash of
//!   their certificate and its date; mark their certification admitted or challenged in a
//!   case; withdraw it with a reason. Each court certifies for itself: several courts may
//!   certify the same digest (a case heard in two places), and none blocks another's by
//!   certifying first or withdrawing. Other domains learn whether a record stands admitted
//!   ([`regchain_primitives::EvidenceRecords`]): an IP dispute may cite another party's
//!   evidence only then.
//! - **Courts** ([`Config::FreezeOrigin`]) freeze a record of an owner within their
//!   jurisdiction (a preservation order, 证据保全): while frozen, its certifications do not
//!   change. The record itself is never changed by anyone.
//! - **Anyone** verifies, without an account, through the runtime API: for a digest, or a
//!   digest with its batch and proof, whether it is notarized, when, by whom, and its
//!   certification.
//!
//! ## Invariants (checked by `try_state`)
//! - Every record's digest (or root) is indexed under it, and every index entry names a record
//!   holding that digest (or root); ids stay below `NextRecordId`.
//! - Every record is indexed under its owner, and every owner index entry names a record of
//!   that owner.
//! - A batch holds at least one digest; every indexed batch digest names a batch record, earlier
//!   than any single record of the same digest.
//! - Every certification and every freeze concerns an existing record; a single digest's
//!   certification is filed under that digest, and under the office that gave it.
//! - A record's admissions count exactly its certifications that stand admitted.
//!
//! ## On chain, and who can read it
//! Every node of the consortium holds all state. On chain: digests and batch roots (never
//! files), the owner, the evidence type, the metadata's hash, the case reference's salted hash,
//! the time and block, and courts' certifications (certificate hashes, dates, status, case
//! hashes, one per court and digest). A digest reveals nothing of a file that cannot be guessed; a file that can be
//! guessed (a short standard text) should be notarized with a salt in it, which the owner keeps.
//! Outside the agencies' nodes, the query gateway verifies a digest for anyone and lists an
//! organization's records (`recordsOf`) only to it, courts and market regulation.
#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

pub use pallet::*;

regchain_primitives::freeze_errors!();
regchain_primitives::jurisdiction_errors!();

/// The notarization domain's tag: its records for regulatory actions.
pub const NOTARIZATION: regchain_primitives::ClaimDomain = *b"nota";

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
mod impls;
pub mod merkle;
pub mod migrations;
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

	/// The storage layout's version; a migration bumps it with the layout.
	pub const STORAGE_VERSION: StorageVersion = StorageVersion::new(3);

	#[pallet::pallet]
	#[pallet::storage_version(STORAGE_VERSION)]
	pub struct Pallet<T>(_);

	#[pallet::config]
	pub trait Config: frame_system::Config {
		/// A member that notarizes; success value: the account and its organization.
		type SubmitterOrigin: EnsureOrigin<Self::RuntimeOrigin, Success = (Self::AccountId, OrgId)>;

		/// A court or notary office holding the `Notary` role.
		type NotaryOrigin: EnsureOrigin<Self::RuntimeOrigin, Success = (Self::AccountId, OrgId)>;

		/// A court that may freeze records (within its jurisdiction).
		type FreezeOrigin: EnsureOrigin<Self::RuntimeOrigin, Success = (Self::AccountId, OrgId)>;

		/// Who is who: the courts' jurisdictions.
		type Membership: regchain_primitives::Membership<Self::AccountId>;

		/// The chain's clock (`pallet-timestamp`): the proof of time, certificate dates.
		type UnixTime: UnixTime;

		/// Weights of this pallet's calls, from its benchmarks.
		type WeightInfo: WeightInfo;
	}

	/// The next record's id.
	#[pallet::storage]
	pub type NextRecordId<T: Config> = StorageValue<_, RecordId, ValueQuery>;

	/// Every notarization. Twox64Concat: ids are allocated by the chain.
	#[pallet::storage]
	pub type Records<T: Config> = StorageMap<_, Twox64Concat, RecordId, Record>;

	/// The record of each notarized digest, by its algorithm and digest. Blake2_128Concat: the
	/// submitter chooses the key.
	#[pallet::storage]
	pub type Digests<T: Config> = StorageMap<_, Blake2_128Concat, (HashAlgorithm, H256), RecordId>;

	/// The record of each anchored batch root.
	#[pallet::storage]
	pub type Roots<T: Config> = StorageMap<_, Blake2_128Concat, H256, RecordId>;

	/// Certifications, by record, by the certified digest (a single record's own digest, or one
	/// of a batch's) and by the office that gave it: one per court, so that no court's
	/// certification or withdrawal stands in another's way (storage version 3).
	#[pallet::storage]
	pub type Certifications<T: Config> = StorageNMap<
		_,
		(
			NMapKey<Twox64Concat, RecordId>,
			NMapKey<Blake2_128Concat, H256>,
			NMapKey<Twox64Concat, OrgId>,
		),
		Certification,
	>;

	/// How many certifications of each record stand admitted in a case (absent: none). Other
	/// domains read it to know admitted evidence in one read (storage version 3).
	#[pallet::storage]
	pub type Admissions<T: Config> = StorageMap<_, Twox64Concat, RecordId, u32>;

	/// Digests of batches their owners indexed, by algorithm and digest: the batch record and
	/// the digest's index in it. A digest anchored in a batch is otherwise found only with its
	/// proof, so another member could notarize it singly later and appear as the original;
	/// indexed, it is found by itself, before any later single record.
	#[pallet::storage]
	pub type BatchDigests<T: Config> =
		StorageMap<_, Blake2_128Concat, (HashAlgorithm, H256), (RecordId, u32)>;

	/// Records a court froze.
	#[pallet::storage]
	pub type FrozenRecords<T: Config> = StorageMap<_, Twox64Concat, RecordId, Freeze>;

	/// Each organization's records, by owner then id: the evidence of an enterprise's dossier,
	/// paged without walking every record (storage version 2).
	#[pallet::storage]
	pub type RecordsByOwner<T: Config> =
		StorageDoubleMap<_, Twox64Concat, OrgId, Twox64Concat, RecordId, ()>;

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// A digest was notarized.
		Notarized { id: RecordId, owner: OrgId, algorithm: HashAlgorithm, digest: H256 },
		/// A batch root was anchored.
		BatchAnchored {
			id: RecordId,
			owner: OrgId,
			algorithm: HashAlgorithm,
			root: H256,
			leaves: u32,
		},
		/// An office certified a notarized digest.
		Certified { id: RecordId, digest: H256, office: OrgId, certificate: H256 },
		/// A certified digest was admitted as evidence in a case.
		Admitted { id: RecordId, digest: H256, case: H256 },
		/// A certified digest was challenged in a case.
		Challenged { id: RecordId, digest: H256, case: H256 },
		/// An office withdrew its certification.
		CertificationWithdrawn { id: RecordId, digest: H256, reason: H256 },
		/// A court froze a record.
		Frozen { id: RecordId, by: OrgId, reason: H256 },
		/// A court unfroze a record.
		Unfrozen { id: RecordId, by: OrgId },
		/// A batch's owner indexed one of its digests: found by itself, as the original.
		BatchDigestIndexed { id: RecordId, digest: H256, index: u32 },
	}

	#[pallet::error]
	pub enum Error<T> {
		/// The digest (or root) is notarized already: query it to see the original.
		AlreadyNotarized,
		/// A batch must hold at least one digest.
		EmptyBatch,
		/// No record with this id.
		RecordNotFound,
		/// The digest is not the record's: give the single record's own digest with an empty
		/// proof and index 0.
		NotInRecord,
		/// The inclusion proof does not lead from the digest to the batch's root.
		InvalidProof,
		/// The office certified this digest already (withdrawn certifications stay on record).
		AlreadyCertified,
		/// A certificate cannot bear a date after today.
		IssuedInFuture,
		/// The office gave no certification of this digest in this record (each office changes
		/// only its own).
		CertificationNotFound,
		/// The certification was withdrawn.
		Withdrawn,
		/// The certification is in that state already.
		Unchanged,
		/// The record is frozen: its certifications cannot change.
		Frozen,
		/// The record is frozen already.
		AlreadyFrozen,
		/// The record is not frozen.
		NotFrozen,
		/// The court has no jurisdiction over the record's owner.
		OutsideJurisdiction,
		/// So many courts admitted the record that the count would overflow.
		Overflow,
		/// The record is not a batch.
		NotABatch,
		/// Only the batch's owner indexes its digests.
		NotRecordOwner,
		/// The digest is indexed already.
		AlreadyIndexed,
		/// A single record of the digest is older than the batch: the batch is not the original.
		NotEarlier,
		/// No organization with this id: a regulator acts on members only.
		OrganizationNotFound,
	}

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// Notarize a digest: its time and block become the proof that the file existed then.
		///
		/// - Origin: any member (`SubmitterOrigin`); its organization owns the record.
		/// - `metadata`: hash of what describes the file, kept off chain.
		/// - `case`: salted hash of a case reference, if the evidence is for one.
		///
		/// Errors: `AlreadyNotarized` (also for a digest a batch's owner indexed).
		/// Events: `Notarized`.
		#[pallet::call_index(0)]
		#[pallet::weight(T::WeightInfo::notarize())]
		pub fn notarize(
			origin: OriginFor<T>,
			algorithm: HashAlgorithm,
			digest: H256,
			evidence_type: EvidenceType,
			metadata: H256,
			case: Option<H256>,
		) -> DispatchResult {
			let (_, owner) = T::SubmitterOrigin::ensure_origin(origin)?;
			Self::do_notarize(owner, algorithm, digest, evidence_type, metadata, case)
		}

		/// Anchor the Merkle root of a batch of `leaves` digests, all made by `algorithm`.
		///
		/// One call for any number of digests: each is later proved against the root
		/// ([`crate::merkle`]). The chain cannot check `leaves` against the root; a wrong count
		/// only makes the batch's own proofs fail.
		///
		/// - Origin: any member (`SubmitterOrigin`).
		///
		/// Errors: `EmptyBatch`, `AlreadyNotarized`. Events: `BatchAnchored`.
		#[pallet::call_index(1)]
		#[pallet::weight(T::WeightInfo::anchor_batch())]
		pub fn anchor_batch(
			origin: OriginFor<T>,
			algorithm: HashAlgorithm,
			root: H256,
			leaves: u32,
			evidence_type: EvidenceType,
			metadata: H256,
			case: Option<H256>,
		) -> DispatchResult {
			let (_, owner) = T::SubmitterOrigin::ensure_origin(origin)?;
			Self::do_anchor_batch(owner, algorithm, root, leaves, evidence_type, metadata, case)
		}

		/// Certify a notarized digest with the office's certificate.
		///
		/// Other courts' certifications of the same digest stand beside this one.
		///
		/// - Origin: a court or notary office (`NotaryOrigin`) with jurisdiction over the
		///   record's owner.
		/// - `digest`, `index`, `proof`: the record's own digest with index 0 and no proof, or
		///   one of its batch with its index and inclusion proof, which the chain checks.
		/// - `issued_on`: the date the certificate bears, not after today.
		///
		/// Errors: `RecordNotFound`, `OutsideJurisdiction`, `Frozen`, `NotInRecord`,
		/// `InvalidProof`, `AlreadyCertified`, `IssuedInFuture`. Events: `Certified`.
		/// Complexity: O(proof length).
		#[pallet::call_index(2)]
		#[pallet::weight(T::WeightInfo::certify(proof.len() as u32))]
		pub fn certify(
			origin: OriginFor<T>,
			id: RecordId,
			digest: H256,
			index: u32,
			proof: Proof,
			certificate: H256,
			issued_on: Moment,
		) -> DispatchResult {
			let (_, office) = T::NotaryOrigin::ensure_origin(origin)?;
			Self::do_certify(office, id, digest, index, proof, certificate, issued_on)
		}

		/// Record that a certified digest was admitted as evidence in a case.
		///
		/// - Origin: the office that certified it (its own certification changes).
		///
		/// Errors: `CertificationNotFound`, `Frozen`, `Withdrawn`, `Unchanged`, `Overflow`.
		/// Events: `Admitted`.
		#[pallet::call_index(3)]
		#[pallet::weight(T::WeightInfo::mark_admitted())]
		pub fn mark_admitted(
			origin: OriginFor<T>,
			id: RecordId,
			digest: H256,
			case: H256,
		) -> DispatchResult {
			let (_, office) = T::NotaryOrigin::ensure_origin(origin)?;
			Self::do_mark_admitted(office, id, digest, case)
		}

		/// Record that a certified digest's authenticity is challenged in a case.
		///
		/// - Origin: the office that certified it (its own certification changes).
		///
		/// Errors: `CertificationNotFound`, `Frozen`, `Withdrawn`, `Unchanged`.
		/// Events: `Challenged`.
		#[pallet::call_index(4)]
		#[pallet::weight(T::WeightInfo::mark_challenged())]
		pub fn mark_challenged(
			origin: OriginFor<T>,
			id: RecordId,
			digest: H256,
			case: H256,
		) -> DispatchResult {
			let (_, office) = T::NotaryOrigin::ensure_origin(origin)?;
			Self::do_mark_challenged(office, id, digest, case)
		}

		/// Withdraw a certification, with the hash of the decision.
		///
		/// The certification stays on record, marked withdrawn: a verifier sees it was once
		/// given and why it no longer stands.
		///
		/// - Origin: the office that certified it (other offices' certifications stand).
		///
		/// Errors: `CertificationNotFound`, `Frozen`, `Withdrawn`.
		/// Events: `CertificationWithdrawn`.
		#[pallet::call_index(5)]
		#[pallet::weight(T::WeightInfo::withdraw_certification())]
		pub fn withdraw_certification(
			origin: OriginFor<T>,
			id: RecordId,
			digest: H256,
			reason: H256,
		) -> DispatchResult {
			let (_, office) = T::NotaryOrigin::ensure_origin(origin)?;
			Self::do_withdraw_certification(office, id, digest, reason)
		}

		/// Freeze a record (a preservation order): its certifications stop changing.
		///
		/// - Origin: a court (`FreezeOrigin`) with jurisdiction over the record's owner.
		///
		/// Errors: `RecordNotFound`, `OutsideJurisdiction`, `Frozen`. Events: `Frozen`.
		#[pallet::call_index(6)]
		#[pallet::weight(T::WeightInfo::freeze())]
		pub fn freeze(origin: OriginFor<T>, id: RecordId, reason: H256) -> DispatchResult {
			let (_, court) = T::FreezeOrigin::ensure_origin(origin)?;
			Self::do_freeze(court, id, reason)
		}

		/// Lift a record's freeze.
		///
		/// - Origin: a court (`FreezeOrigin`) with jurisdiction over the record's owner.
		///
		/// Errors: `RecordNotFound`, `OutsideJurisdiction`, `NotFrozen`. Events: `Unfrozen`.
		#[pallet::call_index(7)]
		#[pallet::weight(T::WeightInfo::unfreeze())]
		pub fn unfreeze(origin: OriginFor<T>, id: RecordId) -> DispatchResult {
			let (_, court) = T::FreezeOrigin::ensure_origin(origin)?;
			Self::do_unfreeze(court, id)
		}

		/// Index a digest of one's own batch, so that it is found by itself: the batch is its
		/// original, and a later single record of the same digest is named as later. A digest
		/// indexed is not notarized singly afterwards.
		///
		/// - Origin: a member of the batch record's owner (`SubmitterOrigin`).
		/// - `index`, `proof`: the digest's place in the batch and its inclusion proof, which
		///   the chain checks.
		///
		/// Errors: `RecordNotFound`, `NotRecordOwner`, `NotABatch`, `InvalidProof`,
		/// `AlreadyIndexed`, `NotEarlier`. Events: `BatchDigestIndexed`.
		/// Complexity: O(proof length).
		#[pallet::call_index(8)]
		#[pallet::weight(T::WeightInfo::index_batch_digest(proof.len() as u32))]
		pub fn index_batch_digest(
			origin: OriginFor<T>,
			id: RecordId,
			digest: H256,
			index: u32,
			proof: Proof,
		) -> DispatchResult {
			let (_, owner) = T::SubmitterOrigin::ensure_origin(origin)?;
			Self::do_index_batch_digest(owner, id, digest, index, proof)
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
