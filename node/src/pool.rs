//! Admission control in front of the transaction pool: a transaction enters only while the pool
//! has room for it, so that the pool never makes room by evicting one it already accepted.
//!
//! Substrate's pool enforces its limits (`--pool-limit`, `--pool-kbytes`) after an import, by
//! removing the lowest-priority transactions — and, among equals, the *oldest* — with all that
//! depend on them. Their submitters were told "accepted" and are never told otherwise unless
//! they watch the transaction: the load harness lost 10,926 of 20,000 invoices that way, with
//! one refusal. An enterprise's system that submits a day's invoices must instead be refused
//! (`1016: Immediately Dropped`, retriable) while the pool is full, and keep what was accepted.
//!
//! [`AdmissionPool`] counts the transactions being validated and admits one only if the pool's
//! ready queue could hold it together with all of those, and — once the future queue could
//! fill — only if it is its account's next transaction (see [`Sequence`]); everything else is
//! the wrapped pool's.
//! The node's own local submissions (offchain workers) do not pass here.

use std::{
	collections::HashMap,
	pin::Pin,
	sync::{Arc, Mutex},
};

use codec::{Decode, Encode};
use regchain_runtime::{opaque::Block, AccountId, Nonce, TxExtension, UncheckedExtrinsic};
use sc_transaction_pool_api::{
	error::Error as PoolError, ChainEvent, ImportNotificationStream, InPoolTransaction,
	MaintainedTransactionPool, PoolStatus, ReadyTransactions, TransactionFor, TransactionPool,
	TransactionSource, TransactionStatusStreamFor, TxHash, TxInvalidityReportMap,
};
use sp_api::ProvideRuntimeApi;
use sp_blockchain::HeaderBackend;
use sp_runtime::{
	generic::Preamble, traits::Block as BlockT, transaction_validity::TransactionTag, MultiAddress,
	OpaqueExtrinsic,
};

/// The pool's queues as admission sees them. The ready queue (`--pool-limit`, `--pool-kbytes`)
/// must never overflow: the pool would make room by evicting accepted transactions, the lowest
/// priority first with all that depend on them. Whatever waits in the future queue may be
/// promoted to the ready queue, without asking admission, when its account's missing nonce
/// arrives — so admission keeps the ready queue's capacity for the ready *and* the future
/// queue, with every transaction still being validated (the load harness lost 500–650 of 3,000
/// through a pool of 1,000 while only the ready queue was counted).
///
/// The future queue (a tenth of the ready queue, as Substrate sizes it) must not overflow
/// either: the pool evicts its oldest, and a client that sends past a refused nonce (the load
/// harness's first retry loop did) lost 132–890 of 3,000 that way. Once every transaction in
/// flight could land there and overflow it, a transaction is admitted only if it is its
/// account's next one: on chain, or after one ready in the pool. Refusing by the future
/// queue's fill alone would also refuse the missing nonces that empty it — a deadlock the
/// first version of this check ran into; the next nonce is never refused for it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PoolLimits {
	/// Transactions the ready queue holds.
	pub count: usize,
	/// Bytes of encoded transactions the ready queue holds.
	pub bytes: usize,
	/// Transactions the future queue holds.
	pub future_count: usize,
	/// Bytes of encoded transactions the future queue holds.
	pub future_bytes: usize,
}

impl PoolLimits {
	/// The limits of a pool given `--pool-limit count` and `--pool-kbytes kbytes`, sized as
	/// Substrate's pool sizes its queues.
	pub fn new(count: usize, kbytes: usize) -> Self {
		let bytes = kbytes.saturating_mul(1024);
		Self { count, bytes, future_count: count / 10, future_bytes: bytes / 10 }
	}

	/// Whether the ready queue in `status` has room for one more transaction of `len` bytes,
	/// were everything in the future queue and all `pending` transactions of `pending_bytes`
	/// still being validated to become ready too.
	fn have_room(
		&self,
		status: &PoolStatus,
		pending: usize,
		pending_bytes: usize,
		len: usize,
	) -> bool {
		status.ready.saturating_add(status.future).saturating_add(pending).saturating_add(1)
			<= self.count
			&& status
				.ready_bytes
				.saturating_add(status.future_bytes)
				.saturating_add(pending_bytes)
				.saturating_add(len)
				<= self.bytes
	}

	/// Whether the future queue in `status` could overflow were this transaction and all
	/// `pending` ones still being validated to land there: then only an account's next
	/// transaction is admitted.
	fn future_could_overflow(
		&self,
		status: &PoolStatus,
		pending: usize,
		pending_bytes: usize,
		len: usize,
	) -> bool {
		status.future.saturating_add(pending).saturating_add(1) > self.future_count
			|| status.future_bytes.saturating_add(pending_bytes).saturating_add(len)
				> self.future_bytes
	}
}

/// Where a transaction stands in its account's sequence of nonces.
pub trait Sequence<Xt>: Send + Sync {
	/// The tag its predecessor provides in the pool when its account's earlier nonces are not
	/// all on chain; `None` for the account's next nonce on chain and for anything that is not
	/// a signed transaction.
	fn predecessor(&self, xt: &Xt) -> Option<TransactionTag>;
}

/// The runtime's sequence: the nonce a signed extrinsic carries in `CheckNonce`, against its
/// account's nonce at the best block; the predecessor's tag is what `CheckNonce` provides,
/// `(account, nonce - 1)` encoded.
pub struct AccountNonces<C> {
	client: Arc<C>,
}

impl<C> AccountNonces<C> {
	/// Reads account nonces through `client`.
	pub fn new(client: Arc<C>) -> Self {
		Self { client }
	}
}

/// The signer of a signed extrinsic of this runtime and the nonce it carries in `CheckNonce`
/// (whose place among the extensions the compiler checks).
fn signer_and_nonce(xt: &OpaqueExtrinsic) -> Option<(AccountId, Nonce)> {
	let uxt = UncheckedExtrinsic::decode(&mut &xt.encode()[..]).ok()?;
	let Preamble::Signed(MultiAddress::Id(who), _, extensions) = uxt.preamble else {
		return None;
	};
	let extensions: TxExtension = extensions;
	Some((who, extensions.6 .0))
}

impl<C> Sequence<OpaqueExtrinsic> for AccountNonces<C>
where
	C: ProvideRuntimeApi<Block> + HeaderBackend<Block> + Send + Sync,
	C::Api: frame_system_rpc_runtime_api::AccountNonceApi<Block, AccountId, Nonce>,
{
	fn predecessor(&self, xt: &OpaqueExtrinsic) -> Option<TransactionTag> {
		use frame_system_rpc_runtime_api::AccountNonceApi;
		let (who, nonce) = signer_and_nonce(xt)?;
		let best = self.client.info().best_hash;
		let on_chain = self.client.runtime_api().account_nonce(best, who.clone()).ok()?;
		(nonce > on_chain).then(|| (who, nonce - 1).encode())
	}
}

/// Transactions admitted and still being validated: (count, bytes).
type InFlight = Arc<Mutex<(usize, usize)>>;

/// Releases an admission when the wrapped pool has decided on the transaction.
struct Admitted {
	in_flight: InFlight,
	len: usize,
}

impl Drop for Admitted {
	fn drop(&mut self) {
		let mut in_flight = self.in_flight.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
		in_flight.0 = in_flight.0.saturating_sub(1);
		in_flight.1 = in_flight.1.saturating_sub(self.len);
	}
}

/// A transaction pool that refuses a transaction it has no room for instead of taking it and
/// evicting another (see the module documentation).
pub struct AdmissionPool<P, S> {
	inner: Arc<P>,
	limits: PoolLimits,
	sequence: S,
	in_flight: InFlight,
}

impl<P, S> AdmissionPool<P, S> {
	/// Admission control for `inner`, whose queues have `limits`, reading nonces through
	/// `sequence`.
	pub fn new(inner: Arc<P>, limits: PoolLimits, sequence: S) -> Self {
		Self { inner, limits, sequence, in_flight: Default::default() }
	}
}

impl<P: TransactionPool, S: Sequence<TransactionFor<P>>> AdmissionPool<P, S> {
	/// Reserves room for `xt`, or refuses it: the pool is full, or its future queue could fill
	/// and `xt` would wait there.
	fn admit(&self, xt: &TransactionFor<P>) -> Result<Admitted, P::Error> {
		let len = xt.encoded_size();
		// The pool's status is read under the lock: a transaction no longer counted in flight
		// is then already in it.
		let mut in_flight = self.in_flight.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
		let status = self.inner.status();
		if !self.limits.have_room(&status, in_flight.0, in_flight.1, len) {
			return Err(PoolError::ImmediatelyDropped.into());
		}
		if self.limits.future_could_overflow(&status, in_flight.0, in_flight.1, len)
			&& self.waits_in_future(xt)
		{
			return Err(PoolError::ImmediatelyDropped.into());
		}
		in_flight.0 = in_flight.0.saturating_add(1);
		in_flight.1 = in_flight.1.saturating_add(len);
		Ok(Admitted { in_flight: self.in_flight.clone(), len })
	}

	/// Whether `xt` would wait in the future queue: its predecessor is neither on chain nor
	/// ready in the pool. A predecessor still being validated counts as missing, so its
	/// successor is refused (retriable) rather than risk the future queue.
	fn waits_in_future(&self, xt: &TransactionFor<P>) -> bool {
		match self.sequence.predecessor(xt) {
			None => false,
			Some(tag) => !self.inner.ready().any(|tx| tx.provides().contains(&tag)),
		}
	}
}

#[async_trait::async_trait]
impl<P, S> TransactionPool for AdmissionPool<P, S>
where
	P: TransactionPool + 'static,
	S: Sequence<TransactionFor<P>> + 'static,
{
	type Block = P::Block;
	type Hash = P::Hash;
	type InPoolTransaction = P::InPoolTransaction;
	type Error = P::Error;

	async fn submit_at(
		&self,
		at: <Self::Block as BlockT>::Hash,
		source: TransactionSource,
		xts: Vec<TransactionFor<Self>>,
	) -> Result<Vec<Result<TxHash<Self>, Self::Error>>, Self::Error> {
		// Admit what fits, in order; submit those together; answer each in its place.
		let mut admitted = Vec::new();
		let mut results: Vec<Option<Result<TxHash<Self>, Self::Error>>> = Vec::new();
		let mut submitted = Vec::new();
		for xt in xts {
			match self.admit(&xt) {
				Ok(admission) => {
					admitted.push(admission);
					submitted.push(xt);
					results.push(None);
				},
				Err(refused) => results.push(Some(Err(refused))),
			}
		}
		let mut outcomes = self.inner.submit_at(at, source, submitted).await?.into_iter();
		drop(admitted);
		Ok(results
			.into_iter()
			.map(|result| {
				result.unwrap_or_else(|| {
					outcomes.next().unwrap_or_else(|| Err(PoolError::ImmediatelyDropped.into()))
				})
			})
			.collect())
	}

	async fn submit_one(
		&self,
		at: <Self::Block as BlockT>::Hash,
		source: TransactionSource,
		xt: TransactionFor<Self>,
	) -> Result<TxHash<Self>, Self::Error> {
		let _admitted = self.admit(&xt)?;
		self.inner.submit_one(at, source, xt).await
	}

	async fn submit_and_watch(
		&self,
		at: <Self::Block as BlockT>::Hash,
		source: TransactionSource,
		xt: TransactionFor<Self>,
	) -> Result<Pin<Box<TransactionStatusStreamFor<Self>>>, Self::Error> {
		let _admitted = self.admit(&xt)?;
		self.inner.submit_and_watch(at, source, xt).await
	}

	async fn ready_at(
		&self,
		at: <Self::Block as BlockT>::Hash,
	) -> Box<dyn ReadyTransactions<Item = Arc<Self::InPoolTransaction>> + Send> {
		self.inner.ready_at(at).await
	}

	fn ready(&self) -> Box<dyn ReadyTransactions<Item = Arc<Self::InPoolTransaction>> + Send> {
		self.inner.ready()
	}

	async fn report_invalid(
		&self,
		at: Option<<Self::Block as BlockT>::Hash>,
		invalid_tx_errors: TxInvalidityReportMap<TxHash<Self>>,
	) -> Vec<Arc<Self::InPoolTransaction>> {
		self.inner.report_invalid(at, invalid_tx_errors).await
	}

	fn futures(&self) -> Vec<Self::InPoolTransaction> {
		self.inner.futures()
	}

	fn status(&self) -> PoolStatus {
		self.inner.status()
	}

	fn import_notification_stream(&self) -> ImportNotificationStream<TxHash<Self>> {
		self.inner.import_notification_stream()
	}

	fn on_broadcasted(&self, propagations: HashMap<TxHash<Self>, Vec<String>>) {
		self.inner.on_broadcasted(propagations)
	}

	fn hash_of(&self, xt: &TransactionFor<Self>) -> TxHash<Self> {
		self.inner.hash_of(xt)
	}

	fn ready_transaction(&self, hash: &TxHash<Self>) -> Option<Arc<Self::InPoolTransaction>> {
		self.inner.ready_transaction(hash)
	}

	async fn ready_at_with_timeout(
		&self,
		at: <Self::Block as BlockT>::Hash,
		timeout: std::time::Duration,
	) -> Box<dyn ReadyTransactions<Item = Arc<Self::InPoolTransaction>> + Send> {
		self.inner.ready_at_with_timeout(at, timeout).await
	}
}

#[async_trait::async_trait]
impl<P, S> MaintainedTransactionPool for AdmissionPool<P, S>
where
	P: MaintainedTransactionPool + 'static,
	S: Sequence<TransactionFor<P>> + 'static,
{
	async fn maintain(&self, event: ChainEvent<Self::Block>) {
		self.inner.maintain(event).await
	}
}

#[cfg(test)]
mod tests {
	use super::*;

	const LIMITS: PoolLimits =
		PoolLimits { count: 10, bytes: 1_000, future_count: 3, future_bytes: 300 };

	fn status(ready: usize, ready_bytes: usize, future: usize, future_bytes: usize) -> PoolStatus {
		PoolStatus { ready, ready_bytes, future, future_bytes }
	}

	#[test]
	fn limits_are_the_pools_own() {
		assert_eq!(
			PoolLimits::new(8192, 20480),
			PoolLimits {
				count: 8192,
				bytes: 20 * 1024 * 1024,
				future_count: 819,
				future_bytes: 2_097_152,
			}
		);
	}

	#[test]
	fn a_transaction_is_admitted_only_with_room_for_it_and_all_that_may_become_ready() {
		assert!(LIMITS.have_room(&status(9, 0, 0, 0), 0, 0, 10));
		// The last place is taken by one still being validated…
		assert!(!LIMITS.have_room(&status(9, 0, 0, 0), 1, 10, 10));
		// …or by one waiting in the future queue.
		assert!(!LIMITS.have_room(&status(9, 0, 1, 0), 0, 0, 10));
		assert!(LIMITS.have_room(&status(8, 0, 1, 0), 0, 0, 10));
		assert!(!LIMITS.have_room(&status(10, 0, 0, 0), 0, 0, 10));
		// Bytes count as much as transactions.
		assert!(LIMITS.have_room(&status(0, 900, 0, 0), 0, 0, 100));
		assert!(!LIMITS.have_room(&status(0, 900, 0, 0), 0, 0, 101));
		assert!(!LIMITS.have_room(&status(0, 800, 0, 100), 0, 0, 101));
		assert!(!LIMITS.have_room(&status(0, 850, 0, 0), 1, 100, 51));
	}

	#[test]
	fn the_future_queue_could_overflow_once_it_and_all_in_flight_fill_it() {
		// Two waiting and nothing in flight: this one fits whatever it is.
		assert!(!LIMITS.future_could_overflow(&status(0, 0, 2, 20), 0, 0, 10));
		// One of them in flight instead: it and this one could both land there.
		assert!(!LIMITS.future_could_overflow(&status(0, 0, 1, 10), 1, 10, 10));
		assert!(LIMITS.future_could_overflow(&status(0, 0, 2, 20), 1, 10, 10));
		assert!(LIMITS.future_could_overflow(&status(0, 0, 3, 30), 0, 0, 10));
		// Bytes count as much as transactions.
		assert!(!LIMITS.future_could_overflow(&status(0, 0, 0, 200), 0, 0, 100));
		assert!(LIMITS.future_could_overflow(&status(0, 0, 0, 200), 0, 0, 101));
	}

	#[test]
	fn the_signer_and_nonce_are_read_from_a_signed_extrinsic_only() {
		let who = AccountId::from([7u8; 32]);
		let extensions: TxExtension =
			regchain_runtime::tx_extension(41, sp_runtime::generic::Era::Immortal);
		let call = regchain_runtime::RuntimeCall::System(frame_system::Call::remark {
			remark: vec![1, 2, 3],
		});
		let opaque = |uxt: UncheckedExtrinsic| {
			OpaqueExtrinsic::try_from_encoded_extrinsic(&uxt.encode()).expect("an extrinsic")
		};
		let signed = UncheckedExtrinsic::new_signed(
			call.clone(),
			MultiAddress::Id(who.clone()),
			sp_runtime::MultiSignature::Sr25519(sp_core::sr25519::Signature::default()),
			extensions,
		);
		assert_eq!(signer_and_nonce(&opaque(signed)), Some((who, 41)));
		assert_eq!(signer_and_nonce(&opaque(UncheckedExtrinsic::new_bare(call))), None);
		assert_eq!(signer_and_nonce(&OpaqueExtrinsic::from_blob(vec![4, 0, 1])), None);
	}
}
