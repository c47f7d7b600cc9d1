//! `regchain_proveFinality`: a GRANDPA finality proof for any finalized block, on demand.
//!
//! Substrate's `grandpa_proveFinality` answers "Block not covered by authority set changes"
//! on a chain whose authority set never changed (a consortium's usual state: our sessions keep
//! the set when no validator changes), and for the current set it always hands out the latest
//! justification, so the header chain of a months-old block's proof would run to the chain's
//! head. This method answers with the first justification the node stored at or after the
//! block — one every [`crate::service::GRANDPA_JUSTIFICATION_PERIOD`] blocks and at every set
//! change — or, for a block newer than the last stored one, the latest justification the node
//! holds. The answer has `grandpa_proveFinality`'s encoding (`FinalityProof`: the justified
//! block's hash, the justification, the headers after the asked block up to it), so a
//! verifier needs no second format.

use codec::Encode;
use jsonrpsee::{types::ErrorObjectOwned, RpcModule};
use regchain_runtime::{opaque::Block, BlockNumber};
use sc_client_api::{AuxStore, Backend};
use sc_consensus_grandpa::{FinalityProof, GrandpaJustification};
use sp_blockchain::{Backend as _, HeaderBackend};
use sp_consensus_grandpa::GRANDPA_ENGINE_ID;
use sp_core::Bytes;
use std::sync::Arc;

/// How far after the asked block a stored justification is looked for: two periods, since
/// GRANDPA may finalize past a period's boundary before storing one.
const SCAN: BlockNumber = 2 * crate::service::GRANDPA_JUSTIFICATION_PERIOD;

fn error(message: String) -> ErrorObjectOwned {
	ErrorObjectOwned::owned(-32000, message, None::<()>)
}

/// The finality proof of block `number`, SCALE-encoded; `None` if the node holds no
/// justification covering it (e.g. a node that warp-synced past it).
pub fn prove<B: Backend<Block>>(
	backend: &B,
	number: BlockNumber,
) -> Result<Option<Vec<u8>>, String> {
	let chain = backend.blockchain();
	let finalized = chain.info().finalized_number;
	if number > finalized {
		return Err(format!("block {number} is not finalized yet (finalized: {finalized})"));
	}
	let hash_of = |n: BlockNumber| -> Result<_, String> {
		chain.hash(n).map_err(|e| e.to_string())?.ok_or(format!("the node has no block {n}"))
	};
	let mut found = None;
	for n in number..=finalized.min(number.saturating_add(SCAN)) {
		let hash = hash_of(n)?;
		let stored = chain.justifications(hash).map_err(|e| e.to_string())?;
		if let Some(justification) = stored.and_then(|j| j.into_justification(GRANDPA_ENGINE_ID)) {
			found = Some((n, hash, justification));
			break;
		}
	}
	if found.is_none() {
		let latest: Option<GrandpaJustification<Block>> =
			sc_consensus_grandpa::best_justification(backend).map_err(|e| e.to_string())?;
		found = latest
			.map(|j| {
				let (n, hash) = j.target();
				(n, hash, j.encode())
			})
			.filter(|(n, _, _)| *n >= number);
	}
	let Some((target, hash, justification)) = found else { return Ok(None) };
	let unknown_headers = (number + 1..=target)
		.map(|n| {
			chain.header(hash_of(n)?).map_err(|e| e.to_string())?.ok_or(format!("no header {n}"))
		})
		.collect::<Result<Vec<_>, String>>()?;
	Ok(Some(FinalityProof { block: hash, justification, unknown_headers }.encode()))
}

/// The `regchain_proveFinality` method.
pub fn module<B>(backend: Arc<B>) -> RpcModule<Arc<B>>
where
	B: Backend<Block> + AuxStore + Send + Sync + 'static,
{
	let mut module = RpcModule::new(backend);
	module
		.register_blocking_method("regchain_proveFinality", |params, backend, _| {
			let number: BlockNumber = params.one()?;
			prove(&**backend, number).map(|proof| proof.map(Bytes)).map_err(error)
		})
		.expect("one registration of a new name");
	module
}
