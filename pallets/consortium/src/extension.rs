//! [`CheckMember`]: the transaction extension that keeps non-members out of the transaction
//! pool and meters members by a per-organization quota instead of fees.

use crate::pallet::*;
use codec::{Decode, DecodeWithMemTracking, Encode};
use core::marker::PhantomData;
use frame_support::{
	dispatch::DispatchInfo, pallet_prelude::TransactionSource, traits::Get, weights::Weight,
};
use frame_system::pallet_prelude::BlockNumberFor;
use regchain_primitives::{Membership, OrgId};
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
/// (`InvalidTransaction::BadSigner`) and counts each organization's transactions against its
/// quota (`InvalidTransaction::Custom(QUOTA_EXHAUSTED)` past it). Unsigned transactions and
/// inherents pass untouched. It carries no data, so wallets sign it without knowing it.
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

impl<T: Config> Pallet<T> {
	/// The start of the quota period block `now` falls in.
	fn quota_period_start(now: BlockNumberFor<T>) -> BlockNumberFor<T> {
		let period = T::QuotaPeriod::get();
		if period.is_zero() {
			return Zero::zero();
		}
		now.saturating_sub(now % period)
	}

	/// How many transactions `org` may still submit in the current quota period, and the usage
	/// record to store when it submits one more.
	pub fn tx_allowance(org: OrgId) -> (u32, (BlockNumberFor<T>, u32)) {
		let start = Self::quota_period_start(frame_system::Pallet::<T>::block_number());
		let used = match TxUsage::<T>::get(org) {
			Some((period, used)) if period == start => used,
			_ => 0,
		};
		let quota = TxQuotaOverride::<T>::get(org).unwrap_or_else(DefaultTxQuota::<T>::get);
		(quota.saturating_sub(used), (start, used.saturating_add(1)))
	}

	/// The organization `who` acts for and its usage record with this transaction counted, if
	/// it may submit one more transaction now.
	fn check_transactor(
		who: &T::AccountId,
	) -> Result<(OrgId, (BlockNumberFor<T>, u32)), TransactionValidityError> {
		let member =
			<Self as Membership<T::AccountId>>::member(who).ok_or(InvalidTransaction::BadSigner)?;
		let (left, usage) = Self::tx_allowance(member.org);
		if left == 0 {
			return Err(InvalidTransaction::Custom(QUOTA_EXHAUSTED).into());
		}
		Ok((member.org, usage))
	}
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
	type Val = Option<(OrgId, (BlockNumberFor<T>, u32))>;
	type Pre = ();

	/// Membership (account, organization) and quota (usage, override, default) reads and the
	/// usage write.
	fn weight(&self, _: &<T as frame_system::Config>::RuntimeCall) -> Weight {
		T::DbWeight::get().reads_writes(5, 1)
	}

	fn validate(
		&self,
		origin: <<T as frame_system::Config>::RuntimeCall as Dispatchable>::RuntimeOrigin,
		_call: &<T as frame_system::Config>::RuntimeCall,
		_info: &DispatchInfoOf<<T as frame_system::Config>::RuntimeCall>,
		_len: usize,
		_self_implicit: (),
		_inherited_implication: &impl Implication,
		_source: TransactionSource,
	) -> ValidateResult<Self::Val, <T as frame_system::Config>::RuntimeCall> {
		let Some(who) = origin.as_system_origin_signer() else {
			return Ok((ValidTransaction::default(), None, origin));
		};
		let charge = Pallet::<T>::check_transactor(who)?;
		Ok((ValidTransaction::default(), Some(charge), origin))
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
