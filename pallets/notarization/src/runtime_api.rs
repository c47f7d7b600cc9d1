//! The notarization pallet's runtime API: public verification, needing no account. Polkadot.js
//! exposes it as `api.call.notarizationApi.*` from the runtime metadata.

use crate::types::{Certification, HashAlgorithm, Record, RecordId, Verification};
use alloc::vec::Vec;
use regchain_primitives::OrgId;
use sp_core::H256;

sp_api::decl_runtime_apis! {
	/// Verification of notarized digests; every list at most 100 long, paged. Version 2 adds
	/// an organization's records.
	/// Version 3 adds the frozen records (a regulator's open actions).
	/// Version 4: a digest holds one certification per court (`Verification::certifications`),
	/// and a record's certifications page by (digest, office).
	#[api_version(4)]
	pub trait NotarizationApi {
		/// Whether `digest`, made by `algorithm`, is notarized on its own: when, by whom, in
		/// which block, and its certifications.
		fn verify_digest(algorithm: HashAlgorithm, digest: H256) -> Option<Verification>;
		/// Whether `digest` is the `index`-th of batch record `id` by `proof`: the same
		/// answer, for a digest of a batch.
		fn verify_in_batch(id: RecordId, algorithm: HashAlgorithm, digest: H256, index: u32, proof: Vec<H256>) -> Option<Verification>;
		/// One record.
		fn record(id: RecordId) -> Option<Record>;
		/// The record of an anchored batch root.
		fn batch_of_root(root: H256) -> Option<(RecordId, Record)>;
		/// A record's certifications after the certification `start_after` (its digest and office).
		fn certifications(id: RecordId, start_after: Option<(H256, OrgId)>, limit: u32) -> Vec<(H256, Certification)>;
		/// An organization's records (its notarized evidence), after `start_after`, in storage order.
		fn records_of(owner: OrgId, start_after: Option<RecordId>, limit: u32) -> Vec<(RecordId, Record)>;
		/// Up to `limit` (at most 100) of the frozen records, each with its subject and its freeze,
		/// after `start_after` (the last of the previous page), in storage order.
		fn frozen(start_after: Option<RecordId>, limit: u32) -> Vec<regchain_primitives::FrozenRecord>;
	}
}
