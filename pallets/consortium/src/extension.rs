//! [`CheckMember`]: the transaction extension that keeps non-members out of the transaction
//! pool and meters members by a per-organization quota instead of fees.

use crate::pallet::*;
use crate::types::{Quota, Usage};
use crate::weights::WeightInfo;
use codec::{Decode, DecodeWithMemTracking, Encode};
use core::marker::PhantomData;
use frame_support::{
	dispatch::DispatchInfo, pallet_prelude::TransactionSource, traits::Get, weights::Weight,
};
use frame_system::pallet_prelude::BlockNumberFor;
use regchain_primitives::{MemberInfo, Membership, OrgId};
use scale_info::TypeInfo;
use sp_runtime::{
	traits::{
		AsSystemOriginSigner, DispatchInfoOf, Dispatchable, Implication, TransactionExtension,
		ValidateResult, Zero,
	},
	transaction_validity::{InvalidTransaction, TransactionValidityError, ValidTransaction},
	Saturating,
};

/// `InvalidTransaction::Custom` code: the organization used up its transactions for this quota
/// period; they are accepted again from the next period on.
pub const QUOTA_EXHAUSTED: u8 = 1;

/// Refuses signed transactions of accounts that act for no active organization
/// (`InvalidTransaction::BadSigner`) — a suspended one's only answers
/// ([`MemberCallPolicy::is_answer`]; any other call is `InvalidTransaction::Call`) — and calls the runtime's [`MemberCallPolicy`] does not
/// allow members (`InvalidTransaction::Call`), and counts each organization's transactions and
/// bytes against its quota (`InvalidTransaction::Custom(QUOTA_EXHAUSTED)` past it). Unsigned
/// transactions and inherents pass untouched. It carries no data, so wallets sign it without
/// knowing it. The runtime must place it immediately before `frame_system::CheckNonce`: it
/// reads the transaction's nonce to count the account's transactions already in the pool.
#[derive(Encode, Decode, DecodeWithMemTracking, Clone, Eq, PartialEq, TypeInfo)]
#[scale_info(skip_type_params(T))]
pub struct CheckMember<T: Config>(PhantomData<T>);

impl<T: Config> CheckMember<T> {
	/// The extension, as a transaction carries it.
	pub fn new() -> Self {
		Self(PhantomData)
	}
}

impl<T: Config> Default for CheckMember<T> {
	fn default() -> Self {
		Self::new()
	}
}

impl<T: Config> core::fmt::Debug for CheckMember<T> {
	fn fmt(&self, f: &mut core::fmt::Formatter) -> core::fmt::Result {
		write!(f, "CheckMember")
	}
}

/// Which calls members may submit at all, stated once for the whole runtime: members pay no
/// fees, so a call that writes free-form data or serves no member's purpose is refused before
/// it reaches the pool, whoever signs it.
pub trait MemberCallPolicy<AccountId, Call> {
	/// Whether `who`, an account of the member described by `member`, may submit `call` as a
	/// transaction. Refused calls fail validation with `InvalidTransaction::Call` and are never
	/// included.
	fn allows(who: &AccountId, member: &MemberInfo, call: &Call) -> bool;

	/// Whether `call` is a council call (propose, vote, close): a council seat's council calls
	/// are never metered by bytes and may use [`Config::GovernanceReserve`] transactions past
	/// the organization's quota, so governance always gets through.
	fn is_council_call(call: &Call) -> bool;

	/// At most how many bytes of state `call` adds, when that can be more than the
	/// transaction's own length (a call naming 256 items writes a record and a history entry
	/// for each): the byte quota charges the larger, so it bounds what every node stores, not
	/// only what members send. 0: never more than its length.
	fn state_bytes(_call: &Call) -> u32 {
		0
	}

	/// Whether `call` is an answer a suspended organization may still submit (its statement
	/// in a case against it, its dispute of an attestation, its answer to a red-letter
	/// request): a suspension must not cut off answers whose deadlines keep running. Nothing
	/// else passes for a suspended organization.
	fn is_answer(_call: &Call) -> bool {
		false
	}
}

/// Every call allowed, none a council call (mocks).
impl<AccountId, Call> MemberCallPolicy<AccountId, Call> for () {
	fn allows(_: &AccountId, _: &MemberInfo, _: &Call) -> bool {
		true
	}
	fn is_council_call(_: &Call) -> bool {
		false
	}
}

/// What an agency's suspension or revocation must not break, checked before either: the
/// runtime's validator set keeps its minimum of producing validators.
pub trait AgencyDeparture {
	/// Whether the agency `org` may stop being a member now.
	fn ensure_can_leave(org: OrgId) -> sp_runtime::DispatchResult;
}

/// Nothing depends on agencies (mocks).
impl AgencyDeparture for () {
	fn ensure_can_leave(_: OrgId) -> sp_runtime::DispatchResult {
		Ok(())
	}
}

/// What an organization may still submit in the current quota period.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub struct Allowance {
	/// Transactions left.
	pub txs: u32,
	/// Bytes left: of encoded transactions, or of the state they add where that is more.
	pub bytes: u32,
}

impl<T: Config> Pallet<T> {
	/// The start of the quota period block `now` falls in.
	fn quota_period_start(now: BlockNumberFor<T>) -> BlockNumberFor<T> {
		let period = T::QuotaPeriod::get();
		if period.is_zero() {
			return Zero::zero();
		}
		now.saturating_sub(now % period)
	}

	/// `org`'s quota per period: its own or the default, never below the floors.
	pub fn quota_of(org: OrgId) -> Quota {
		let txs = TxQuotaOverride::<T>::get(org).unwrap_or_else(DefaultTxQuota::<T>::get);
		let bytes = ByteQuotaOverride::<T>::get(org).unwrap_or_else(DefaultByteQuota::<T>::get);
		Quota { txs: txs.max(T::MinTxQuota::get()), bytes: bytes.max(T::MinByteQuota::get()) }
	}

	/// What `org` used in the current quota period.
	pub fn usage_of(org: OrgId) -> Usage<BlockNumberFor<T>> {
		let start = Self::quota_period_start(frame_system::Pallet::<T>::block_number());
		match TxUsage::<T>::get(org) {
			Some(usage) if usage.period == start => usage,
			_ => Usage { period: start, txs: 0, bytes: 0 },
		}
	}

	/// What `org` may still submit in the current quota period.
	pub fn tx_allowance(org: OrgId) -> Allowance {
		let (quota, used) = (Self::quota_of(org), Self::usage_of(org));
		Allowance {
			txs: quota.txs.saturating_sub(used.txs),
			bytes: quota.bytes.saturating_sub(used.bytes),
		}
	}

	/// Checks that `who` may submit `call` of `len` bytes as the transaction that follows
	/// `pending` of its own in the pool; returns the transaction's priority and the usage to
	/// store when it is included. The bytes charged are `len` or the state the call may add
	/// ([`MemberCallPolicy::state_bytes`]), whichever is more.
	///
	/// Each account may queue no more transactions than its organization has left, so a flood
	/// is refused at the pool's door instead of being held there; and an organization that has
	/// used less of its quota goes first (priority = transactions left after this one's
	/// predecessors), so a flooding member cannot delay the others.
	pub(crate) fn check_transactor(
		who: &T::AccountId,
		call: &<T as frame_system::Config>::RuntimeCall,
		len: usize,
		pending: u32,
	) -> Result<(u64, OrgId, Usage<BlockNumberFor<T>>), TransactionValidityError> {
		let member = match <Self as Membership<T::AccountId>>::member(who) {
			Some(member) => member,
			// A suspended organization answers, and does nothing else.
			None => {
				let member = <Self as Membership<T::AccountId>>::answering_member(who)
					.ok_or(InvalidTransaction::BadSigner)?;
				if !T::CallPolicy::is_answer(call) {
					return Err(InvalidTransaction::Call.into());
				}
				member
			},
		};
		if !T::CallPolicy::allows(who, &member, call) {
			return Err(InvalidTransaction::Call.into());
		}
		let (quota, used) = (Self::quota_of(member.org), Self::usage_of(member.org));
		let len = u32::try_from(len).unwrap_or(u32::MAX).max(T::CallPolicy::state_bytes(call));
		let governs = T::CallPolicy::is_council_call(call) && Council::<T>::get().contains(who);
		let (tx_limit, bytes_left) = if governs {
			(quota.txs.saturating_add(T::GovernanceReserve::get()), u32::MAX)
		} else {
			(quota.txs, quota.bytes.saturating_sub(used.bytes))
		};
		let txs_left = tx_limit.saturating_sub(used.txs);
		if pending >= txs_left || len > bytes_left {
			return Err(InvalidTransaction::Custom(QUOTA_EXHAUSTED).into());
		}
		let charged = Usage {
			period: used.period,
			txs: used.txs.saturating_add(1),
			bytes: used.bytes.saturating_add(if governs { 0 } else { len }),
		};
		Ok(((txs_left - pending) as u64, member.org, charged))
	}
}

/// The nonce of the transaction: the first explicit value of the extensions that follow
/// `CheckMember`, which the runtime places immediately before `CheckNonce`. `None` if it does
/// not decode (the runtime test `the_pool_holds_no_more_of_an_account_than_its_organization_has_left`
/// keeps the order right).
fn following_nonce<N: codec::HasCompact>(implication: &impl Implication) -> Option<N> {
	let explicit = implication.parts().explicit.encode();
	<N as codec::HasCompact>::Type::decode(&mut &explicit[..]).ok().map(Into::into)
}

impl<T: Config + Send + Sync> TransactionExtension<<T as frame_system::Config>::RuntimeCall>
	for CheckMember<T>
where
	<T as frame_system::Config>::RuntimeCall: Dispatchable<Info = DispatchInfo>,
	<<T as frame_system::Config>::RuntimeCall as Dispatchable>::RuntimeOrigin:
		AsSystemOriginSigner<T::AccountId> + Clone,
{
	const IDENTIFIER: &'static str = "CheckMember";
	type Implicit = ();
	/// For signed transactions: the organization to charge and its usage record once charged,
	/// computed by `validate` so that `prepare` only writes it.
	type Val = Option<(OrgId, Usage<BlockNumberFor<T>>)>;
	type Pre = ();

	/// Benchmarked (`check_member`): membership, call policy, quota and usage reads, the usage
	/// write; plus the council read a council call adds.
	fn weight(&self, call: &<T as frame_system::Config>::RuntimeCall) -> Weight {
		let council = if T::CallPolicy::is_council_call(call) { 1 } else { 0 };
		T::WeightInfo::check_member().saturating_add(T::DbWeight::get().reads(council))
	}

	fn validate(
		&self,
		origin: <<T as frame_system::Config>::RuntimeCall as Dispatchable>::RuntimeOrigin,
		call: &<T as frame_system::Config>::RuntimeCall,
		_info: &DispatchInfoOf<<T as frame_system::Config>::RuntimeCall>,
		len: usize,
		_self_implicit: (),
		inherited_implication: &impl Implication,
		_source: TransactionSource,
	) -> ValidateResult<Self::Val, <T as frame_system::Config>::RuntimeCall> {
		let Some(who) = origin.as_system_origin_signer() else {
			return Ok((ValidTransaction::default(), None, origin));
		};
		let pending = following_nonce::<T::Nonce>(inherited_implication)
			.map(|nonce| nonce.saturating_sub(frame_system::Pallet::<T>::account_nonce(who)))
			.map_or(0, |n| n.try_into().unwrap_or(u32::MAX));
		let (priority, org, usage) = Pallet::<T>::check_transactor(who, call, len, pending)?;
		let validity = ValidTransaction { priority, ..Default::default() };
		Ok((validity, Some((org, usage)), origin))
	}

	fn prepare(
		self,
		val: Self::Val,
		_origin: &<<T as frame_system::Config>::RuntimeCall as Dispatchable>::RuntimeOrigin,
		_call: &<T as frame_system::Config>::RuntimeCall,
		_info: &DispatchInfoOf<<T as frame_system::Config>::RuntimeCall>,
		_len: usize,
	) -> Result<(), TransactionValidityError> {
		if let Some((org, usage)) = val {
			TxUsage::<T>::insert(org, usage);
		}
		Ok(())
	}
}
