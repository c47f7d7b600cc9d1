//! Storage migrations of the invoices pallet.
//!
//! ## v1 → v2: claims name their domain
//! Version 1 stored what an invoice justified as a closed enum of the two domains known then
//! (`Reimbursement`, `FundExpense { program, allocation }`). Version 2 stores a
//! pallet-agnostic [`Claim`]: a domain tag and the id of the domain's record, so new domains
//! lock invoices without another migration. The invoices and their histories are rewritten:
//! - `Reimbursement` → `Claim { domain: REIMBURSEMENT, id: the buyer organization }`;
//! - `FundExpense { allocation, .. }` → `Claim { domain: *b"fund", id: allocation }` (the tag
//!   the funds pallet declares; allocation ids are unique across programs).
//!
//! Run it with [`MigrateV1ToV2`] in the runtime's multi-block migrations; it does nothing
//! unless the stored version is 1, and sets it to 2.
//!
//! ## v2 → v3: rate changes and histories are dated
//! Version 2 kept when a rate change takes effect, and when each change of an invoice's
//! history happened, as block numbers; version 3 keeps them as moments of on-chain time (see
//! [`regchain_primitives::time`]), dated by [`BlockDating`] from the current block and time,
//! `BlockTime` per block. An invoice's block of issue stays a block number: it is inside the
//! invoice's hash, which a migration must not change.
//!
//! Run it with [`MigrateV2ToV3`] after [`MigrateV1ToV2`].
//!
//! ## v3 → v4: the one freeze
//! Version 3 kept the tax bureau's audit flag in the invoice; version 4 keeps it as a
//! [`Freeze`] in [`FrozenInvoices`], as every domain keeps its freezes
//! ([`regchain_primitives::freeze`]), and the invoice without it. A flag keeps its reason and
//! the date of the history's last `Frozen` change (then called `Flagged`); version 3 did not
//! record who flagged, recorded as the organization `By` (the runtime names the consortium's
//! founding agency). Run it with [`MigrateV3ToV4`] after [`MigrateV2ToV3`].
//!
//! ## v4 → v5: invoice types, use apart from receipt, totals per rate
//! Version 4 knew one kind of invoice, counted a member buyer's input when it confirmed
//! receipt, and kept four sums a period with every rate mixed. Version 5 gives every invoice a
//! [`InvoiceType`] and its buyer's [`InputUse`], and keeps [`Totals`] a row a rate. The stored
//! invoices were all deductible: each becomes [`InvoiceType::Special`] hashed as before
//! ([`Preimage::V1`], so every chain still verifies), and one its buyer had confirmed is
//! deducted in the period it was confirmed in (`buyer_period`, kept). The totals cannot be
//! split from the old sums, so they are counted again from the invoices by the rules of the
//! calls. Lines gain their tax classification code (0: unknown), a price in millionths of a
//! fen, tax excluded, no discount; invoices a clerk (`None`: not recorded then); issuers' limits
//! an optional per-invoice cap (the one they had). Four walks, in this order: the invoices
//! rewritten ([`TypeInvoices`]), the old totals removed ([`DropTotals`]), the totals counted
//! ([`CountTotals`]), the limits rewritten ([`CapLimits`], which sets version 5); run them with
//! [`MigrateV4ToV5`] after [`MigrateV3ToV4`].
//!
//! ## v5 → v6: red-letter requests apart from red invoices
//! Version 5 numbered a red invoice when the seller asked to reverse an invoice its buyer had
//! received, the original `ReversalPending` until the buyer answered, with a deadline a red
//! invoice in `ReversalDeadlines`. Version 6 keeps a request apart ([`RedRequests`], by the
//! original) and numbers a red invoice only when it takes effect. Each pending reversal becomes
//! a request raised by the seller in full, `numbered` with its red invoice, which an answer
//! puts in force or ends as before; the original is `Confirmed` again. Run it with
//! [`MigrateV5ToV6`] after [`MigrateV4ToV5`].

use crate::{pallet::*, types::*, InvoiceOf, REIMBURSEMENT};
use alloc::vec::Vec;
use codec::Decode;
use frame_support::{pallet_prelude::*, storage::PrefixIterator};
use frame_system::pallet_prelude::BlockNumberFor;
use regchain_primitives::{
	migrations::{SteppedWalk, Walk},
	time::{BlockDating, Moment},
	Claim, ClaimDomain, Fen, Freeze, InvoiceRef, OrgId,
};
use sp_core::H256;

/// The tag of the funds pallet's expense claims (`pallet_funds::FUND_EXPENSE`).
pub const FUND_EXPENSE: ClaimDomain = *b"fund";

/// The layout of version 1, as far as it differs (fields as in the version-2 types).
#[allow(missing_docs)]
pub mod v1 {
	use super::*;

	/// What an invoice justified, in version 1.
	#[derive(Clone, Copy, PartialEq, Eq, Encode, Decode, Debug)]
	pub enum Claim {
		/// Reimbursed by the buyer's organization.
		Reimbursement,
		/// An expense of a special-fund allocation.
		FundExpense {
			/// The fund program.
			program: u32,
			/// The allocation.
			allocation: u32,
		},
	}

	/// An invoice, in version 1: as now, but with the version-1 claim.
	#[derive(Clone, PartialEq, Eq, Encode, Decode, Debug)]
	pub struct Invoice<BlockNumber> {
		pub kind: InvoiceKind,
		pub buyer: Buyer,
		pub lines: LegacyLines,
		pub net: Fen,
		pub tax: Fen,
		pub document: H256,
		pub prev_hash: H256,
		pub content_hash: H256,
		pub issued_at: BlockNumber,
		pub period: Period,
		pub status: InvoiceStatus,
		pub buyer_period: Option<Period>,
		pub claim: Option<Claim>,
		pub audit_flag: Option<H256>,
	}

	/// A change of an invoice's history, in version 1: as now, but with the version-1 claim.
	#[derive(Clone, Copy, PartialEq, Eq, Encode, Decode, Debug)]
	pub enum Change {
		Issued,
		Confirmed,
		Rejected,
		ReversalRequested { red: u32 },
		ReversalRefused { red: u32 },
		Reversed { red: u32 },
		Claimed(Claim),
		Flagged,
		FlagCleared,
		Voided,
		ReversalLapsed { red: u32 },
	}

	/// One entry of an invoice's history, in version 1.
	#[derive(Clone, Copy, PartialEq, Eq, Encode, Decode, Debug)]
	pub struct HistoryEntry<BlockNumber> {
		pub at: BlockNumber,
		pub change: Change,
	}

	/// The invoices, in version 1.
	#[frame_support::storage_alias]
	pub type IssuedInvoices<T: Config> = StorageDoubleMap<
		Pallet<T>,
		Twox64Concat,
		OrgId,
		Twox64Concat,
		u32,
		Invoice<BlockNumberFor<T>>,
	>;

	/// The histories, in version 1.
	#[frame_support::storage_alias]
	pub type InvoiceHistory<T: Config> = StorageDoubleMap<
		Pallet<T>,
		Twox64Concat,
		OrgId,
		Twox64Concat,
		u32,
		Vec<HistoryEntry<BlockNumberFor<T>>>,
	>;
}

/// The layout of version 2, as far as it differs from version 3.
pub mod v2 {
	use super::*;

	/// The histories, dated by block number.
	#[frame_support::storage_alias]
	pub type InvoiceHistory<T: Config> = StorageDoubleMap<
		Pallet<T>,
		Twox64Concat,
		OrgId,
		Twox64Concat,
		u32,
		History<BlockNumberFor<T>>,
		ValueQuery,
	>;

	/// The rate schedules, dated by block number.
	#[frame_support::storage_alias]
	pub type Rates<T: Config> = StorageMap<
		Pallet<T>,
		Twox64Concat,
		RateCode,
		BoundedVec<RateChange<BlockNumberFor<T>>, <T as Config>::MaxRateChanges>,
	>;
}

/// The layout of version 4, as far as it differs from version 5.
#[allow(missing_docs)]
pub mod v4 {
	use super::*;

	/// An invoice, in version 4: no type, no use, no abnormal finding.
	#[derive(Clone, PartialEq, Eq, Encode, Decode, Debug)]
	pub struct Invoice<BlockNumber> {
		pub kind: InvoiceKind,
		pub buyer: Buyer,
		pub lines: LegacyLines,
		pub net: Fen,
		pub tax: Fen,
		pub document: H256,
		pub prev_hash: H256,
		pub content_hash: H256,
		pub issued_at: BlockNumber,
		pub period: Period,
		pub status: InvoiceStatus,
		pub buyer_period: Option<Period>,
		pub claim: Option<Claim>,
	}

	/// The invoices, in version 4.
	#[frame_support::storage_alias]
	pub type IssuedInvoices<T: Config> = StorageDoubleMap<
		Pallet<T>,
		Twox64Concat,
		OrgId,
		Twox64Concat,
		u32,
		Invoice<BlockNumberFor<T>>,
	>;

	/// A period's totals in version 4: every rate mixed.
	#[derive(Clone, Copy, Default, PartialEq, Eq, Encode, Decode, Debug)]
	pub struct PeriodTotals {
		pub output: Sum,
		pub output_credit: Sum,
		pub input: Sum,
		pub input_credit: Sum,
	}

	/// The totals, in version 4.
	#[frame_support::storage_alias]
	pub type Totals<T: Config> =
		StorageDoubleMap<Pallet<T>, Twox64Concat, OrgId, Twox64Concat, Period, PeriodTotals>;

	/// An issuer's limits in version 4: gross amounts, a cap on every invoice (the migration
	/// keeps the numbers; version 5 reads them as net amounts).
	#[derive(Clone, Copy, PartialEq, Eq, Encode, Decode, Debug)]
	pub struct IssuerLimits {
		pub per_invoice: Fen,
		pub per_month: Fen,
	}

	/// The limits, in version 4.
	#[frame_support::storage_alias]
	pub type Issuers<T: Config> = StorageMap<Pallet<T>, Twox64Concat, OrgId, IssuerLimits>;
}

/// The layout of versions 2 and 3, as far as it differs from version 4.
#[allow(missing_docs)]
pub mod v3 {
	use super::*;

	/// An invoice, in versions 2 and 3: as now, with the audit flag (the hash of its reason).
	#[derive(Clone, PartialEq, Eq, Encode, Decode, Debug)]
	pub struct Invoice<BlockNumber> {
		pub kind: InvoiceKind,
		pub buyer: Buyer,
		pub lines: LegacyLines,
		pub net: Fen,
		pub tax: Fen,
		pub document: H256,
		pub prev_hash: H256,
		pub content_hash: H256,
		pub issued_at: BlockNumber,
		pub period: Period,
		pub status: InvoiceStatus,
		pub buyer_period: Option<Period>,
		pub claim: Option<Claim>,
		pub audit_flag: Option<H256>,
	}

	/// The invoices, in versions 2 and 3.
	#[frame_support::storage_alias]
	pub type IssuedInvoices<T: Config> = StorageDoubleMap<
		Pallet<T>,
		Twox64Concat,
		OrgId,
		Twox64Concat,
		u32,
		Invoice<BlockNumberFor<T>>,
	>;
}

/// The version-2 claim of a version-1 claim on an invoice bought by `buyer`.
fn claim_v2(old: v1::Claim, buyer: &Buyer) -> Claim {
	match old {
		v1::Claim::Reimbursement => {
			// Only a member buyer can confirm and so reimburse an invoice.
			let org: OrgId = match buyer {
				Buyer::Member(org) => *org,
				Buyer::External(_) | Buyer::Person { .. } => 0,
			};
			Claim::new(REIMBURSEMENT, org.into())
		},
		v1::Claim::FundExpense { allocation, .. } => Claim::new(FUND_EXPENSE, allocation.into()),
	}
}

fn change_v2(old: v1::Change, buyer: &Buyer) -> Change {
	match old {
		v1::Change::Issued => Change::Issued,
		v1::Change::Confirmed => Change::Confirmed,
		v1::Change::Rejected => Change::Rejected,
		v1::Change::ReversalRequested { red } => Change::ReversalRequested { red },
		v1::Change::ReversalRefused { red } => Change::ReversalRefused { red },
		v1::Change::Reversed { red } => Change::Reversed { red },
		v1::Change::Claimed(claim) => Change::Claimed(claim_v2(claim, buyer)),
		v1::Change::Flagged => Change::Frozen,
		v1::Change::FlagCleared => Change::Unfrozen,
		v1::Change::Voided => Change::Voided,
		v1::Change::ReversalLapsed { red } => Change::ReversalLapsed { red },
	}
}

/// Rewrites every invoice from the version-1 to the version-2 claim, an invoice at a time.
/// Unversioned: use [`MigrateV1ToV2`].
pub struct ClaimInvoices<T>(core::marker::PhantomData<T>);

impl<T: Config> Walk for ClaimInvoices<T> {
	const NAME: &'static [u8] = b"regchain invoices v1-v2: invoice claims";
	type Entry = (OrgId, u32, v1::Invoice<BlockNumberFor<T>>);

	fn entries(after: Option<Vec<u8>>) -> PrefixIterator<Self::Entry> {
		after.map_or_else(v1::IssuedInvoices::<T>::iter, v1::IssuedInvoices::<T>::iter_from)
	}

	fn weight_per_entry() -> Weight {
		T::DbWeight::get().reads_writes(1, 1)
	}

	fn migrate((issuer, seq, old): Self::Entry) {
		let invoice = v3::Invoice {
			kind: old.kind,
			claim: old.claim.map(|c| claim_v2(c, &old.buyer)),
			buyer: old.buyer,
			lines: old.lines,
			net: old.net,
			tax: old.tax,
			document: old.document,
			prev_hash: old.prev_hash,
			content_hash: old.content_hash,
			issued_at: old.issued_at,
			period: old.period,
			status: old.status,
			buyer_period: old.buyer_period,
			audit_flag: old.audit_flag,
		};
		v3::IssuedInvoices::<T>::insert(issuer, seq, invoice);
	}
}

/// Rewrites every history from the version-1 to the version-2 claim, a history at a time,
/// after [`ClaimInvoices`] (it reads the invoices' buyers, which did not change). Unversioned:
/// use [`MigrateV1ToV2`].
pub struct ClaimHistories<T>(core::marker::PhantomData<T>);

impl<T: Config> Walk for ClaimHistories<T> {
	const NAME: &'static [u8] = b"regchain invoices v1-v2: history claims";
	type Entry = (OrgId, u32, Vec<v1::HistoryEntry<BlockNumberFor<T>>>);

	fn entries(after: Option<Vec<u8>>) -> PrefixIterator<Self::Entry> {
		after.map_or_else(v1::InvoiceHistory::<T>::iter, v1::InvoiceHistory::<T>::iter_from)
	}

	fn weight_per_entry() -> Weight {
		T::DbWeight::get().reads_writes(2, 1)
	}

	fn migrate((issuer, seq, old): Self::Entry) {
		let buyer =
			v3::IssuedInvoices::<T>::get(issuer, seq).map(|i| i.buyer).unwrap_or(Buyer::Member(0));
		let entries: Vec<HistoryEntry<BlockNumberFor<T>>> = old
			.into_iter()
			.map(|e| HistoryEntry { at: e.at, change: change_v2(e.change, &buyer) })
			.collect();
		// Same number of entries as before, so within the bound.
		v2::InvoiceHistory::<T>::insert(issuer, seq, BoundedVec::truncate_from(entries));
	}
}

/// The v1 → v2 migration, two multi-block walks in this order (invoices, then histories): they
/// run only while the stored version is 1; the second sets it to 2.
pub type MigrateV1ToV2<T> = (
	SteppedWalk<ClaimInvoices<T>, Pallet<T>, 1, 2, false>,
	SteppedWalk<ClaimHistories<T>, Pallet<T>, 1, 2, true>,
);

/// The date of `block` from the current block and time, `BlockTime` per block.
fn date<T: Config, BlockTime: Get<u64>>(block: BlockNumberFor<T>) -> Moment {
	BlockDating::date_on_chain::<T, T::UnixTime>(BlockTime::get(), block)
}

/// Rewrites every rate change's start from a block number to a moment, a rate at a time.
/// Unversioned: use [`MigrateV2ToV3`].
pub struct DateRates<T, BlockTime>(core::marker::PhantomData<(T, BlockTime)>);

impl<T: Config, BlockTime: Get<u64>> Walk for DateRates<T, BlockTime> {
	const NAME: &'static [u8] = b"regchain invoices v2-v3: rates dated";
	type Entry = (RateCode, BoundedVec<RateChange<BlockNumberFor<T>>, T::MaxRateChanges>);

	fn entries(after: Option<Vec<u8>>) -> PrefixIterator<Self::Entry> {
		after.map_or_else(v2::Rates::<T>::iter, v2::Rates::<T>::iter_from)
	}

	/// The schedule, the block number and the time read; the schedule written.
	fn weight_per_entry() -> Weight {
		T::DbWeight::get().reads_writes(3, 1)
	}

	fn migrate((code, old): Self::Entry) {
		let changes: Vec<_> = old
			.into_iter()
			.map(|c| RateChange { from: date::<T, BlockTime>(c.from), rate: c.rate })
			.collect();
		// As many changes as before: within the bound.
		Rates::<T>::insert(code, BoundedVec::truncate_from(changes));
	}
}

/// Rewrites every history entry's time from a block number to a moment, a history at a time.
/// Unversioned: use [`MigrateV2ToV3`].
pub struct DateHistories<T, BlockTime>(core::marker::PhantomData<(T, BlockTime)>);

impl<T: Config, BlockTime: Get<u64>> Walk for DateHistories<T, BlockTime> {
	const NAME: &'static [u8] = b"regchain invoices v2-v3: histories dated";
	type Entry = (OrgId, u32, History<BlockNumberFor<T>>);

	fn entries(after: Option<Vec<u8>>) -> PrefixIterator<Self::Entry> {
		after.map_or_else(v2::InvoiceHistory::<T>::iter, v2::InvoiceHistory::<T>::iter_from)
	}

	/// The history, the block number and the time read; the history written.
	fn weight_per_entry() -> Weight {
		T::DbWeight::get().reads_writes(3, 1)
	}

	fn migrate((issuer, seq, old): Self::Entry) {
		let entries: Vec<_> = old
			.into_iter()
			.map(|e| HistoryEntry { at: date::<T, BlockTime>(e.at), change: e.change })
			.collect();
		InvoiceHistory::<T>::insert(issuer, seq, BoundedVec::truncate_from(entries));
	}
}

/// The v2 → v3 migration, two multi-block walks in this order (rates, then histories) after
/// [`MigrateV1ToV2`]: they run only while the stored version is 2; the second sets it to 3.
pub type MigrateV2ToV3<T, BlockTime> = (
	SteppedWalk<DateRates<T, BlockTime>, Pallet<T>, 2, 3, false>,
	SteppedWalk<DateHistories<T, BlockTime>, Pallet<T>, 2, 3, true>,
);

/// Rewrites every invoice without its audit flag, a flagged one's freeze moved to
/// [`FrozenInvoices`]. Unversioned: use [`MigrateV3ToV4`].
pub struct UnflagInvoices<T, By>(core::marker::PhantomData<(T, By)>);

impl<T: Config, By: Get<OrgId>> Walk for UnflagInvoices<T, By> {
	const NAME: &'static [u8] = b"regchain invoices v3-v4: audit freezes";
	type Entry = (OrgId, u32, v3::Invoice<BlockNumberFor<T>>);

	fn entries(after: Option<Vec<u8>>) -> PrefixIterator<Self::Entry> {
		after.map_or_else(v3::IssuedInvoices::<T>::iter, v3::IssuedInvoices::<T>::iter_from)
	}

	/// The invoice and, if flagged, its history and the time read; the invoice and its freeze
	/// written.
	fn weight_per_entry() -> Weight {
		T::DbWeight::get().reads_writes(3, 2)
	}

	fn migrate((issuer, seq, old): Self::Entry) {
		if let Some(reason) = old.audit_flag {
			let history = InvoiceHistory::<T>::get(issuer, seq);
			let flagged = history.iter().rev().find(|e| e.change == Change::Frozen);
			let at = flagged.map_or_else(Pallet::<T>::now, |e| e.at);
			let freeze = Freeze { by: By::get(), at, reason };
			FrozenInvoices::<T>::insert(InvoiceRef { issuer, seq }, freeze);
		}
		let invoice = v4::Invoice {
			kind: old.kind,
			buyer: old.buyer,
			lines: old.lines,
			net: old.net,
			tax: old.tax,
			document: old.document,
			prev_hash: old.prev_hash,
			content_hash: old.content_hash,
			issued_at: old.issued_at,
			period: old.period,
			status: old.status,
			buyer_period: old.buyer_period,
			claim: old.claim,
		};
		v4::IssuedInvoices::<T>::insert(issuer, seq, invoice);
	}
}

/// The v3 → v4 migration, one multi-block walk over the invoices after [`MigrateV2ToV3`]: it
/// runs only while the stored version is 3, and sets it to 4.
pub type MigrateV3ToV4<T, By> = SteppedWalk<UnflagInvoices<T, By>, Pallet<T>, 3, 4, true>;

/// Rewrites every invoice with its type (special) and its buyer's use (deducted, if the buyer
/// had confirmed it), hashed as before. Unversioned: use [`MigrateV4ToV5`].
pub struct TypeInvoices<T>(core::marker::PhantomData<T>);

impl<T: Config> Walk for TypeInvoices<T> {
	const NAME: &'static [u8] = b"regchain invoices v4-v5: invoice types";
	type Entry = (OrgId, u32, v4::Invoice<BlockNumberFor<T>>);

	fn entries(after: Option<Vec<u8>>) -> PrefixIterator<Self::Entry> {
		after.map_or_else(v4::IssuedInvoices::<T>::iter, v4::IssuedInvoices::<T>::iter_from)
	}

	fn weight_per_entry() -> Weight {
		T::DbWeight::get().reads_writes(1, 1)
	}

	fn migrate((issuer, seq, old): Self::Entry) {
		// Version 4 counted a blue invoice's input when its buyer confirmed it.
		let deducted = old.kind == InvoiceKind::Blue && old.buyer_period.is_some();
		let lines = old.lines.into_iter().map(LegacyLine::upgrade).collect::<Vec<_>>();
		let invoice = Invoice {
			kind: old.kind,
			invoice_type: InvoiceType::Special,
			buyer: old.buyer,
			// As many lines as before: within the bound.
			lines: BoundedVec::truncate_from(lines),
			net: old.net,
			tax: old.tax,
			document: old.document,
			clerk: None,
			prev_hash: old.prev_hash,
			content_hash: old.content_hash,
			preimage: Preimage::V1,
			issued_at: old.issued_at,
			period: old.period,
			status: old.status,
			buyer_period: old.buyer_period,
			input_use: deducted.then_some(InputUse::Deduct),
			claim: old.claim,
			abnormal: None,
		};
		IssuedInvoices::<T>::insert(issuer, seq, invoice);
	}
}

/// Removes every version-4 total. Unversioned: use [`MigrateV4ToV5`].
pub struct DropTotals<T>(core::marker::PhantomData<T>);

impl<T: Config> Walk for DropTotals<T> {
	const NAME: &'static [u8] = b"regchain invoices v4-v5: old totals";
	type Entry = (OrgId, Period, v4::PeriodTotals);

	fn entries(after: Option<Vec<u8>>) -> PrefixIterator<Self::Entry> {
		after.map_or_else(v4::Totals::<T>::iter, v4::Totals::<T>::iter_from)
	}

	fn weight_per_entry() -> Weight {
		T::DbWeight::get().reads_writes(1, 1)
	}

	fn migrate((org, period, _): Self::Entry) {
		v4::Totals::<T>::remove(org, period);
	}
}

/// Counts every invoice in the totals of version 5, as [`Pallet::counted_in`] says (version 4
/// histories hold no abnormal findings). Unversioned: use [`MigrateV4ToV5`].
pub struct CountTotals<T>(core::marker::PhantomData<T>);

impl<T: Config> Walk for CountTotals<T> {
	const NAME: &'static [u8] = b"regchain invoices v4-v5: totals by rate";
	type Entry = (OrgId, u32, InvoiceOf<T>);

	fn entries(after: Option<Vec<u8>>) -> PrefixIterator<Self::Entry> {
		after.map_or_else(IssuedInvoices::<T>::iter, IssuedInvoices::<T>::iter_from)
	}

	/// The invoice, a red one's original, and the totals of seller and buyer read; both
	/// totals written.
	fn weight_per_entry() -> Weight {
		T::DbWeight::get().reads_writes(4, 2)
	}

	fn migrate((issuer, seq, invoice): Self::Entry) {
		// Neither can fail on a chain whose invariants held: a red invoice's original exists,
		// and a period holds at most the national table's rates.
		let Some(counted) = Pallet::<T>::counted_in(issuer, &invoice, &[]) else {
			frame_support::defensive!("invoices v4-v5: a red invoice's original is missing", seq);
			return;
		};
		for (org, period, column, amounts) in counted {
			Totals::<T>::mutate(org, period, |totals| {
				if totals.count(column, &amounts, true).is_err() {
					frame_support::defensive!("invoices v4-v5: an invoice not counted", seq);
				}
			});
		}
	}
}

/// Rewrites every issuer's limits with an optional per-invoice cap: the cap it had.
/// Unversioned: use [`MigrateV4ToV5`].
pub struct CapLimits<T>(core::marker::PhantomData<T>);

impl<T: Config> Walk for CapLimits<T> {
	const NAME: &'static [u8] = b"regchain invoices v4-v5: optional caps";
	type Entry = (OrgId, v4::IssuerLimits);

	fn entries(after: Option<Vec<u8>>) -> PrefixIterator<Self::Entry> {
		after.map_or_else(v4::Issuers::<T>::iter, v4::Issuers::<T>::iter_from)
	}

	fn weight_per_entry() -> Weight {
		T::DbWeight::get().reads_writes(1, 1)
	}

	fn migrate((org, old): Self::Entry) {
		let limits = IssuerLimits { per_invoice: Some(old.per_invoice), per_month: old.per_month };
		Issuers::<T>::insert(org, limits);
	}
}

/// The layout of version 5, as far as it differs.
pub mod v5 {
	use super::*;

	/// When each red invoice awaiting its buyer lapsed (Unix milliseconds), by issuer and the
	/// red invoice's number.
	#[frame_support::storage_alias]
	pub type ReversalDeadlines<T: Config> =
		StorageDoubleMap<Pallet<T>, Twox64Concat, OrgId, Twox64Concat, u32, u64>;
}

/// Moves every reversal awaiting its buyer to a red-letter request against its original: raised
/// by the seller, in full, its red invoice numbered already (`numbered`), the same deadline;
/// the original back to `Confirmed` (the request locks it now). Sets version 6.
pub struct PendingRequests<T>(core::marker::PhantomData<T>);

impl<T: Config> Walk for PendingRequests<T> {
	const NAME: &'static [u8] = b"regchain invoices v5-v6: red-letter requests";
	type Entry = (OrgId, u32, u64);

	fn entries(after: Option<Vec<u8>>) -> PrefixIterator<Self::Entry> {
		after.map_or_else(v5::ReversalDeadlines::<T>::iter, v5::ReversalDeadlines::<T>::iter_from)
	}

	/// The red invoice and its original read, the original and the request written, the
	/// deadline removed.
	fn weight_per_entry() -> Weight {
		T::DbWeight::get().reads_writes(2, 3)
	}

	fn migrate((issuer, seq, deadline): Self::Entry) {
		v5::ReversalDeadlines::<T>::remove(issuer, seq);
		let Some(red) = IssuedInvoices::<T>::get(issuer, seq) else {
			frame_support::defensive!("invoices v5-v6: a pending red invoice is missing", seq);
			return;
		};
		let InvoiceKind::Red { original } = red.kind else {
			frame_support::defensive!("invoices v5-v6: a deadline of a blue invoice", seq);
			return;
		};
		IssuedInvoices::<T>::mutate(issuer, original, |i| {
			if let Some(i) = i.as_mut() {
				i.status = InvoiceStatus::Confirmed;
			}
		});
		let request = RedRequest {
			raised_by: Party::Seller,
			clerk: red.clerk,
			reason: RedReason::InvoicingError,
			lines: RedLines::new(),
			document: red.document,
			deadline,
			numbered: Some(seq),
		};
		RedRequests::<T>::insert(issuer, original, request);
	}
}

/// The v5 → v6 migration: one multi-block walk ([`PendingRequests`]) after [`MigrateV4ToV5`].
pub type MigrateV5ToV6<T> = SteppedWalk<PendingRequests<T>, Pallet<T>, 5, 6, true>;

/// The v4 → v5 migration, four multi-block walks in this order after [`MigrateV3ToV4`]: they
/// run only while the stored version is 4; the last sets it to 5.
pub type MigrateV4ToV5<T> = (
	SteppedWalk<TypeInvoices<T>, Pallet<T>, 4, 5, false>,
	SteppedWalk<DropTotals<T>, Pallet<T>, 4, 5, false>,
	SteppedWalk<CountTotals<T>, Pallet<T>, 4, 5, false>,
	SteppedWalk<CapLimits<T>, Pallet<T>, 4, 5, true>,
);

#[cfg(test)]
mod tests {
	use super::*;
	use crate::mock::*;
	use frame_support::{assert_noop, assert_ok, storage::unhashed, traits::ConstU32};
	use regchain_primitives::migrations::run_to_end;
	use regchain_primitives::{
		testing::{assert_migrated_once, TestBlockTime as BlockTime},
		InvoiceRef,
	};

	/// Makes the invoices issued so far look issued before version 5 (lines without
	/// classification, no clerk, hashed without their type, the seller's chain relinked),
	/// empties the totals, which the v4 → v5 migration counts again, and writes the seller's
	/// limits in the version-4 layout: what a test of an older migration starts from.
	fn issued_before_v5(issuer: OrgId) {
		let mut prev = H256::zero();
		for seq in 0..ChainHeads::<Test>::get(issuer).next_seq {
			IssuedInvoices::<Test>::mutate(issuer, seq, |i| {
				let invoice = i.as_mut().unwrap();
				let lines = invoice.lines.iter().map(|l| l.legacy().upgrade()).collect();
				invoice.lines = BoundedVec::truncate_from(lines);
				invoice.clerk = None;
				invoice.preimage = Preimage::V1;
				invoice.prev_hash = prev;
				invoice.content_hash = invoice.compute_hash(issuer, seq);
				prev = invoice.content_hash;
			});
		}
		ChainHeads::<Test>::mutate(issuer, |head| head.last_hash = prev);
		let _ = Totals::<Test>::clear(u32::MAX, None);
		let limits = v4::IssuerLimits { per_invoice: 1_000_000, per_month: 5_000_000 };
		v4::Issuers::<Test>::insert(10, limits);
	}

	/// Lines in the layout before version 5.
	fn legacy(lines: &Lines) -> LegacyLines {
		BoundedVec::truncate_from(lines.iter().map(Line::legacy).collect())
	}

	/// `invoice` in the version-4 layout.
	fn to_v4(invoice: InvoiceOf<Test>) -> v4::Invoice<u64> {
		v4::Invoice {
			kind: invoice.kind,
			buyer: invoice.buyer,
			lines: legacy(&invoice.lines),
			net: invoice.net,
			tax: invoice.tax,
			document: invoice.document,
			prev_hash: invoice.prev_hash,
			content_hash: invoice.content_hash,
			issued_at: invoice.issued_at,
			period: invoice.period,
			status: invoice.status,
			buyer_period: invoice.buyer_period,
			claim: invoice.claim,
		}
	}

	/// Invoices of version 4 — deducted when confirmed, a red one that reduced the buyer's
	/// input, one never confirmed — read back special, hashed as before, with their buyer's
	/// deductions; the mixed totals are gone and counted again a row a rate, as the calls of
	/// version 5 count them.
	#[test]
	fn v4_invoices_become_special_and_totals_are_counted_by_rate() {
		ExtBuilder::default().build_and_execute(|| {
			deducted(1_000);
			issue_to_buyer(2_000);
			let reversed = deducted(500);
			// Requested in November's last hour, confirmed in December.
			set_time(DECEMBER_2026 - 3_600_000);
			assert_ok!(reverse_all(reversed));
			set_time(DECEMBER_2026);
			assert_ok!(Invoices::confirm_reversal(RuntimeOrigin::signed(BUYER), reversed));
			let counted: Vec<_> = Totals::<Test>::iter().collect::<Vec<_>>();
			assert_eq!(counted.len(), 4);
			issued_before_v5(10);
			let before: Vec<_> = IssuedInvoices::<Test>::iter().collect();
			for (issuer, seq, invoice) in before.clone() {
				v4::IssuedInvoices::<Test>::insert(issuer, seq, to_v4(invoice));
			}
			let mixed = v4::PeriodTotals {
				output: Sum { count: 4, net: 3_500, tax: 455 },
				..Default::default()
			};
			v4::Totals::<Test>::insert(10, 202611, mixed);
			v4::Totals::<Test>::insert(20, 202501, mixed);
			StorageVersion::new(4).put::<Invoices>();

			assert_eq!(run_to_end::<MigrateV4ToV5<Test>>(Weight::MAX), Ok(4));

			assert_eq!(Invoices::on_chain_storage_version(), StorageVersion::new(5));
			assert_eq!(
				Issuers::<Test>::get(10),
				Some(IssuerLimits { per_invoice: Some(1_000_000), per_month: 5_000_000 })
			);
			for (issuer, seq, was) in before {
				let now = IssuedInvoices::<Test>::get(issuer, seq).unwrap();
				assert_eq!(now, was);
				assert_eq!((now.invoice_type, now.preimage), (InvoiceType::Special, Preimage::V1));
				assert_eq!(now.compute_hash(issuer, seq), now.content_hash);
			}
			let deduction = IssuedInvoices::<Test>::get(10, 0).unwrap();
			assert_eq!(deduction.input_use, Some(InputUse::Deduct));
			assert_eq!(IssuedInvoices::<Test>::get(10, 1).unwrap().input_use, None);
			let mut now: Vec<_> = Totals::<Test>::iter().collect();
			let mut want = counted;
			now.sort_by_key(|(org, period, _)| (*org, *period));
			want.sort_by_key(|(org, period, _)| (*org, *period));
			assert_eq!(now, want);
			assert_eq!(input_of(20, 202612, R13).red, one(500, 65));
			assert_migrated_once::<MigrateV4ToV5<Test>>();
		});
	}

	/// Writes a reversal of `id` pending as version 5 kept it: a red invoice numbered at once,
	/// awaiting the buyer, with a deadline; the original `ReversalPending`.
	fn pending_in_v5(id: InvoiceRef, deadline: u64) -> InvoiceRef {
		let original = IssuedInvoices::<Test>::get(id.issuer, id.seq).unwrap();
		let (red, _) = Pallet::<Test>::append(
			(SELLER, id.issuer),
			(InvoiceKind::Red { original: id.seq }, original.invoice_type),
			original.buyer,
			Lines::new(),
			(original.net, original.tax),
			H256::repeat_byte(5),
		)
		.unwrap();
		assert_ok!(Pallet::<Test>::record(id, Change::ReversalRequested { red: red.seq }, 2));
		IssuedInvoices::<Test>::mutate(id.issuer, id.seq, |i| {
			i.as_mut().unwrap().status = InvoiceStatus::ReversalPending { red: red.seq }
		});
		v5::ReversalDeadlines::<Test>::insert(red.issuer, red.seq, deadline);
		red
	}

	/// Reversals pending in version 5 become requests with their red invoices numbered, which
	/// the buyer's answer puts in force or ends as before.
	#[test]
	fn v5_pending_reversals_become_requests() {
		ExtBuilder::default().build_and_execute(|| {
			let confirmed_later = deducted(1_000);
			let refused_later = confirmed(500);
			let deadline = NOVEMBER_2026 + ANSWER_WINDOW;
			let red = pending_in_v5(confirmed_later, deadline);
			let refused_red = pending_in_v5(refused_later, deadline);
			StorageVersion::new(5).put::<Invoices>();

			assert_eq!(run_to_end::<MigrateV5ToV6<Test>>(Weight::MAX), Ok(1));

			assert_eq!(Invoices::on_chain_storage_version(), StorageVersion::new(6));
			assert!(v5::ReversalDeadlines::<Test>::iter().next().is_none());
			let request = RedRequests::<Test>::get(10, confirmed_later.seq).unwrap();
			assert_eq!(
				request,
				RedRequest {
					raised_by: Party::Seller,
					clerk: Some(SELLER),
					reason: RedReason::InvoicingError,
					lines: RedLines::new(),
					document: H256::repeat_byte(5),
					deadline,
					numbered: Some(red.seq),
				}
			);
			let status = |id: InvoiceRef| IssuedInvoices::<Test>::get(10, id.seq).unwrap().status;
			assert_eq!(status(confirmed_later), InvoiceStatus::Confirmed);
			assert_ok!(Invoices::do_try_state());
			// The buyer's answers act on the red invoices numbered then.
			assert_ok!(Invoices::confirm_reversal(RuntimeOrigin::signed(BUYER), confirmed_later));
			assert_eq!(status(confirmed_later), InvoiceStatus::Reversed { red: red.seq });
			assert_eq!(status(red), InvoiceStatus::Effective { period: 202611 });
			assert_eq!(input_of(20, 202611, R13).red, one(1_000, 130));
			let reason = H256::repeat_byte(6);
			assert_ok!(Invoices::refuse_reversal(
				RuntimeOrigin::signed(BUYER),
				refused_later,
				reason
			));
			assert_eq!(status(refused_red), InvoiceStatus::Refused { reason });
			assert_eq!(status(refused_later), InvoiceStatus::Confirmed);
			assert_eq!(ChainHeads::<Test>::get(10).next_seq, 4);
			assert_migrated_once::<MigrateV5ToV6<Test>>();
		});
	}

	/// An invoice and history written in the version-1 layout read back in version 2, with
	/// each kind of claim translated and nothing else changed.
	#[test]
	fn v1_claims_become_domain_claims() {
		ExtBuilder::default().build_and_execute(|| {
			let reimbursed = confirmed(1_000);
			assert_ok!(Invoices::reimburse(RuntimeOrigin::signed(BUYER), reimbursed));
			let expensed = confirmed(2_000);
			issued_before_v5(10);
			// Rewrite both in the version-1 layout, with a fund expense on the second.
			let to_v1 = |id: InvoiceRef, claim: v1::Claim| {
				let now = IssuedInvoices::<Test>::get(id.issuer, id.seq).unwrap();
				let old = v1::Invoice {
					kind: now.kind,
					buyer: now.buyer.clone(),
					lines: legacy(&now.lines),
					net: now.net,
					tax: now.tax,
					document: now.document,
					prev_hash: now.prev_hash,
					content_hash: now.content_hash,
					issued_at: now.issued_at,
					period: now.period,
					status: now.status,
					buyer_period: now.buyer_period,
					claim: Some(claim),
					audit_flag: None,
				};
				let key = IssuedInvoices::<Test>::hashed_key_for(id.issuer, id.seq);
				unhashed::put_raw(&key, &old.encode());
				let history: Vec<v1::HistoryEntry<u64>> = vec![
					v1::HistoryEntry { at: 1, change: v1::Change::Issued },
					v1::HistoryEntry { at: 1, change: v1::Change::Confirmed },
					v1::HistoryEntry { at: 1, change: v1::Change::Claimed(claim) },
				];
				let key = InvoiceHistory::<Test>::hashed_key_for(id.issuer, id.seq);
				unhashed::put_raw(&key, &history.encode());
				now
			};
			let before = to_v1(reimbursed, v1::Claim::Reimbursement);
			to_v1(expensed, v1::Claim::FundExpense { program: 3, allocation: 7 });
			StorageVersion::new(1).put::<Invoices>();

			assert_eq!(run_to_end::<MigrateV1ToV2<Test>>(Weight::MAX), Ok(2));

			assert_eq!(Invoices::on_chain_storage_version(), StorageVersion::new(2));
			let after = v3::IssuedInvoices::<Test>::get(reimbursed.issuer, reimbursed.seq).unwrap();
			assert_eq!(after.claim, Some(Claim::new(REIMBURSEMENT, 20)));
			assert_eq!((after.content_hash, after.audit_flag), (before.content_hash, None));
			let expense = Claim::new(*b"fund", 7);
			let second = v3::IssuedInvoices::<Test>::get(expensed.issuer, expensed.seq).unwrap();
			assert_eq!(second.claim, Some(expense));
			let history = v2::InvoiceHistory::<Test>::get(expensed.issuer, expensed.seq);
			assert_eq!(history.last().map(|e| e.change), Some(Change::Claimed(expense)));
			assert_eq!(history.len(), 3);
			assert_migrated_once::<MigrateV1ToV2<Test>>();

			// The later versions follow, as in the runtime: the invoice as it was issued.
			type Later = (
				MigrateV2ToV3<Test, BlockTime>,
				MigrateV3ToV4<Test, ConstU32<0>>,
				MigrateV4ToV5<Test>,
			);
			assert_eq!(run_to_end::<Later>(Weight::MAX), Ok(7));
			let now = IssuedInvoices::<Test>::get(reimbursed.issuer, reimbursed.seq).unwrap();
			assert_eq!(now, before);
		});
	}

	/// Rate changes and history entries written as block numbers in the version-2 layout come
	/// out as the dates those blocks fall on; the invoice and its hash do not change.
	#[test]
	fn v2_rate_changes_and_histories_in_blocks_become_dates() {
		ExtBuilder::default().build_and_execute(|| {
			let id = confirmed(1_000);
			let invoice = IssuedInvoices::<Test>::get(id.issuer, id.seq).unwrap();
			System::set_block_number(100);
			let now = regchain_primitives::testing::TestClock::get();
			let history: History<u64> = BoundedVec::truncate_from(vec![
				HistoryEntry { at: 1, change: Change::Issued },
				HistoryEntry { at: 40, change: Change::Confirmed },
			]);
			v2::InvoiceHistory::<Test>::insert(id.issuer, id.seq, history);
			let rates: Vec<RateChange<u64>> = vec![
				RateChange { from: 0, rate: Some(TaxRate::BasisPoints(1_300)) },
				RateChange { from: 1_100, rate: Some(TaxRate::BasisPoints(900)) },
			];
			unhashed::put_raw(&Rates::<Test>::hashed_key_for(1), &rates.encode());
			StorageVersion::new(2).put::<Invoices>();

			assert_eq!(run_to_end::<MigrateV2ToV3<Test, BlockTime>>(Weight::MAX), Ok(2));

			assert_eq!(Invoices::on_chain_storage_version(), StorageVersion::new(3));
			let at: Vec<_> =
				InvoiceHistory::<Test>::get(id.issuer, id.seq).iter().map(|e| e.at).collect();
			assert_eq!(at, vec![now - 99 * 6_000, now - 60 * 6_000]);
			let from: Vec<_> = Rates::<Test>::get(1).iter().map(|c| c.from).collect();
			assert_eq!(from, vec![now - 100 * 6_000, now + 1_000 * 6_000]);
			assert_eq!(Invoices::rate_at(1, now), Some(TaxRate::BasisPoints(1_300)));
			let after = IssuedInvoices::<Test>::get(id.issuer, id.seq).unwrap();
			assert_eq!(after, invoice);
			assert_eq!(after.compute_hash(id.issuer, id.seq), after.content_hash);
			assert_migrated_once::<MigrateV2ToV3<Test, BlockTime>>();
		});
	}

	/// A flagged and an unflagged invoice in the version-3 layout: the flagged one's freeze is
	/// in `FrozenInvoices` with its reason and the date of its history's freeze, by `By`; both
	/// invoices read back as they were, their hashes unchanged.
	#[test]
	fn v3_audit_flags_become_freezes() {
		ExtBuilder::default().build_and_execute(|| {
			let flagged = confirmed(1_000);
			let plain = confirmed(2_000);
			issued_before_v5(10);
			let reason = H256::repeat_byte(0xa7);
			assert_ok!(Invoices::freeze(RuntimeOrigin::signed(TAX), flagged, reason));
			let frozen_at = FrozenInvoices::<Test>::get(flagged).unwrap().at;
			FrozenInvoices::<Test>::remove(flagged);
			regchain_primitives::testing::TestClock::advance(60_000);
			let mut before = Vec::new();
			for (id, flag) in [(flagged, Some(reason)), (plain, None)] {
				let now = IssuedInvoices::<Test>::get(id.issuer, id.seq).unwrap();
				let old = v3::Invoice {
					kind: now.kind,
					buyer: now.buyer.clone(),
					lines: legacy(&now.lines),
					net: now.net,
					tax: now.tax,
					document: now.document,
					prev_hash: now.prev_hash,
					content_hash: now.content_hash,
					issued_at: now.issued_at,
					period: now.period,
					status: now.status,
					buyer_period: now.buyer_period,
					claim: now.claim,
					audit_flag: flag,
				};
				v3::IssuedInvoices::<Test>::insert(id.issuer, id.seq, old);
				before.push(now);
			}
			StorageVersion::new(3).put::<Invoices>();

			type By = ConstU32<7>;
			assert_eq!(run_to_end::<MigrateV3ToV4<Test, By>>(Weight::MAX), Ok(1));
			assert_eq!(Invoices::on_chain_storage_version(), StorageVersion::new(4));
			assert_eq!(run_to_end::<MigrateV4ToV5<Test>>(Weight::MAX), Ok(4));
			assert_eq!(
				FrozenInvoices::<Test>::get(flagged),
				Some(Freeze { by: 7, at: frozen_at, reason })
			);
			assert_eq!(FrozenInvoices::<Test>::get(plain), None);
			for (id, was) in [flagged, plain].into_iter().zip(before) {
				let now = IssuedInvoices::<Test>::get(id.issuer, id.seq).unwrap();
				assert_eq!(now.compute_hash(id.issuer, id.seq), now.content_hash);
				assert_eq!(now, was);
			}
			assert_noop!(
				Invoices::reimburse(RuntimeOrigin::signed(BUYER), flagged),
				Error::<Test>::Frozen
			);
			assert_migrated_once::<MigrateV3ToV4<Test, By>>();
		});
	}
}
