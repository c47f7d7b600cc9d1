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
//! ready queue could hold it together with all of those; everything else is the wrapped
//! pool's.
//! The node's own local submissions (offchain workers) do not pass here.

use std::{
	collections::HashMap,
	pin::Pin,
	sync::{Arc, Mutex},
};

use codec::Encode;
use sc_transaction_pool_api::{
	error::Error as PoolError, ChainEvent, ImportNotificationStream, MaintainedTransactionPool,
	PoolStatus, ReadyTransactions, TransactionFor, TransactionPool, TransactionSource,
	TransactionStatusStreamFor, TxHash, TxInvalidityReportMap,
};
use sp_runtime::traits::Block as BlockT;

/// What admission lets into a pool's ready queue: its capacity (`--pool-limit`,
/// `--pool-kbytes`) less the future queue's (a tenth, as Substrate sizes it). When a missing
/// nonce arrives, the pool promotes that account's waiting transactions from the future queue
/// to the ready queue without asking admission; were the ready queue full to its capacity, the
/// pool would make room by evicting accepted transactions (the load harness lost 500–650 of
/// 3,000 through a pool of 1,000 that way). Keeping the future queue's worth free means every
/// promotion fits.
///
/// The future queue (a tenth of that) is left to the pool: a transaction lands there only
/// when its account's earlier nonces are missing, and admission cannot know that before the
/// pool validates it. Refusing because the future queue is full would also refuse the missing
/// nonces that would empty it — a deadlock the first version of this check ran into. The pool
/// still evicts the oldest of the future queue when it is full: a client must keep its
/// account's nonce order (hold the next transactions while one is refused), and then never
/// waits there.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PoolLimits {
	/// Transactions the ready queue holds.
	pub count: usize,
	/// Bytes of encoded transactions the ready queue holds.
	pub bytes: usize,
}

impl PoolLimits {
	/// The admission limits of a pool given `--pool-limit count` and `--pool-kbytes kbytes`:
	/// its ready queue's capacity less its future queue's.
	pub fn new(count: usize, kbytes: usize) -> Self {
		let bytes = kbytes.saturating_mul(1024);
		Self { count: count - count / 10, bytes: bytes - bytes / 10 }
	}

	/// Whether the ready queue in `status`, with `pending` transactions of `pending_bytes`
	/// still being validated, has room for one more of `len` bytes.
	fn have_room(
		&self,
		status: &PoolStatus,
		pending: usize,
		pending_bytes: usize,
		len: usize,
	) -> bool {
		status.ready.saturating_add(pending).saturating_add(1) <= self.count
			&& status.ready_bytes.saturating_add(pending_bytes).saturating_add(len) <= self.bytes
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
pub struct AdmissionPool<P> {
	inner: Arc<P>,
	limits: PoolLimits,
	in_flight: InFlight,
}

impl<P> AdmissionPool<P> {
	/// Admission control for `inner`, whose queues have `limits`.
	pub fn new(inner: Arc<P>, limits: PoolLimits) -> Self {
		Self { inner, limits, in_flight: Default::default() }
	}
}

impl<P: TransactionPool> AdmissionPool<P> {
	/// Reserves room for `xt`, or refuses it: the pool is full.
	fn admit(&self, xt: &TransactionFor<P>) -> Result<Admitted, P::Error> {
		let len = xt.encoded_size();
		let status = self.inner.status();
		let mut in_flight = self.in_flight.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
		if !self.limits.have_room(&status, in_flight.0, in_flight.1, len) {
			return Err(PoolError::ImmediatelyDropped.into());
		}
		in_flight.0 = in_flight.0.saturating_add(1);
		in_flight.1 = in_flight.1.saturating_add(len);
		Ok(Admitted { in_flight: self.in_flight.clone(), len })
	}
}

#[async_trait::async_trait]
impl<P> TransactionPool for AdmissionPool<P>
where
	P: TransactionPool + 'static,
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
impl<P> MaintainedTransactionPool for AdmissionPool<P>
where
	P: MaintainedTransactionPool + 'static,
{
	async fn maintain(&self, event: ChainEvent<Self::Block>) {
		self.inner.maintain(event).await
	}
}

#[cfg(test)]
mod tests {
	use super::*;

	const LIMITS: PoolLimits = PoolLimits { count: 10, bytes: 1_000 };

	fn status(ready: usize, ready_bytes: usize, future: usize, future_bytes: usize) -> PoolStatus {
		PoolStatus { ready, ready_bytes, future, future_bytes }
	}

	#[test]
	fn limits_leave_the_future_queues_worth_of_the_ready_queue_free() {
		assert_eq!(
			PoolLimits::new(8192, 20480),
			PoolLimits { count: 8192 - 819, bytes: 20 * 1024 * 1024 - 2_097_152 }
		);
	}

	#[test]
	fn a_transaction_is_admitted_only_with_room_for_it_and_all_in_flight() {
		assert!(LIMITS.have_room(&status(9, 0, 0, 0), 0, 0, 10));
		// The last place is taken by one still being validated.
		assert!(!LIMITS.have_room(&status(9, 0, 0, 0), 1, 10, 10));
		assert!(!LIMITS.have_room(&status(10, 0, 0, 0), 0, 0, 10));
		// Bytes count as much as transactions.
		assert!(LIMITS.have_room(&status(0, 900, 0, 0), 0, 0, 100));
		assert!(!LIMITS.have_room(&status(0, 900, 0, 0), 0, 0, 101));
		assert!(!LIMITS.have_room(&status(0, 850, 0, 0), 1, 100, 51));
		// A full future queue does not stop the missing nonces that would empty it.
		assert!(LIMITS.have_room(&status(0, 0, 1_000, 100_000), 0, 0, 10));
	}
}
