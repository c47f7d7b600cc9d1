//! # Invoices pallet (区块链发票)
//!
//! VAT invoices issued, received, reversed and reimbursed on a shared ledger under the tax
//! bureau's supervision, with no central tax-control device: the chain allocates the numbers,
//! computes the tax, keeps every issuer's invoices in a hash chain and locks an invoice once it
//! has been reimbursed, so that the classic frauds — a missing or altered invoice, a double
//! reimbursement, reversing an invoice already claimed — are impossible or visible to all.
//!
//! ## Actors and terms
//! - **Tax bureau** ([`Config::TaxOrigin`]): sets each pilot taxpayer's [`IssuerLimits`]
//!   (a taxpayer must also hold the consortium role `InvoiceIssuer`, which the tax bureau
//!   grants there), keeps the table of VAT rates ([`Rates`]: a change applies from a future
//!   date on, never retroactively), freezes invoices for audit (the one freeze of
//!   `regchain-primitives`), finds them abnormal and voids them.
//! - **Seller** ([`Config::IssuerOrigin`]): [`issue`](Pallet::issue)s invoices and reduces
//!   them with red-letter invoices (红冲), in full or in part.
//! - **Buyer**: a member organization ([`Buyer::Member`]) confirms receipt of an invoice or
//!   rejects it, confirms its use, raises, confirms or refuses a red-letter request, and
//!   reimburses it; an
//!   outside taxpayer ([`Buyer::External`]) is only named by its credit code; a consumer
//!   ([`Buyer::Person`]) by nothing, or a salted commitment it gave.
//! - **Invoice type** ([`InvoiceType`]): a special invoice (增值税专用发票) goes to a taxpayer,
//!   whose use confirmation may deduct its tax; an ordinary one (普通发票) to anyone, its tax
//!   never anybody's input.
//! - **Invoice number** ([`InvoiceRef`]): the issuing organization and a sequence number the
//!   chain allocates, gap free, from 0.
//!
//! ## Life of an invoice
//! Blue: `Issued` → `Confirmed` (received) or `Rejected` by the buyer. Receipt counts nothing:
//! the buyer of a special invoice then confirms its use once, in a tax period
//! ([`confirm_use`](Pallet::confirm_use): deduct, not deduct, export refund), and only a
//! deduction counts its tax as the buyer's input of that period. There is no time limit on the
//! confirmation (国家税务总局公告2019年第45号 abolished the 360 days). The tax bureau may find an
//! invoice abnormal (异常凭证, [`mark_abnormal`](Pallet::mark_abnormal)): a deducted one's input
//! is transferred out in the period of the finding, periods already filed are not rewritten;
//! an abnormal invoice is neither deducted, claimed, pledged nor reversed until the bureau
//! clears it, when transferred input counts again in the period of clearing.
//!
//! A red invoice (红字发票) takes lines off a blue one — in full, or in part for a return, a
//! service stopped or an allowance, each line at most what remains of it ([`Reduced`]). The
//! seller issues it at once when nobody on the other side deducts the invoice without
//! answering (an ordinary invoice to an outside buyer or a person, an invoice its member buyer
//! has not received); otherwise either party raises a red-letter request (红字确认单,
//! [`RedRequests`]: [`reverse`](Pallet::reverse) by the seller,
//! [`request_reversal`](Pallet::request_reversal) by a member buyer), which locks the invoice
//! until the other party confirms it — the red invoice is then issued — or refuses it, or it
//! lapses unanswered after [`Config::ReversalAnswerWindow`] of on-chain time
//! ([`lapse_reversal`](Pallet::lapse_reversal)). The tax bureau confirms for an outside buyer
//! of a special invoice (which confirms in its own e-tax bureau) and settles a request the
//! parties are stuck on, either way ([`settle_reversal`](Pallet::settle_reversal)). A red
//! invoice counts against the seller's output of its period and, if the buyer had deducted
//! the original, against the buyer's input then (its transfer out); a claimed or financed
//! invoice is reduced like any other, and the claim's domain is told
//! ([`Config::ClaimHolders`]: a fund expense to recover, a reimbursement to correct, a
//! financed receivable for the bank) — the claim stays recorded. An invoice frozen for audit
//! or found abnormal is not reduced, even on a request made before. A request keeps room in
//! the invoice's bounded history for its answer and the final change. The tax bureau may void
//! a blue invoice that nothing reduced or requests to reduce, issued in the current period and
//! not yet used by its buyer: voiding never rewrites a period a taxpayer may have filed (a later
//! error is reversed or found abnormal). The tax bureau acts only on taxpayers within its
//! jurisdiction. A confirmed, valid, unfrozen, normal invoice can be **claimed once**, for at
//! most what remains of it: reimbursed by its buyer ([`reimburse`](Pallet::reimburse)) or,
//! through [`InvoiceClaims`], used to justify a special-fund expense; it is never claimed
//! again.
//!
//! ## Invariants (checked by `try_state`)
//! - An issuer's invoices are numbered `0..next_seq` without gaps, and each one's `prev_hash`
//!   is the previous one's hash, which is its recomputed content hash.
//! - [`Totals`] equal the sums of the invoices they count, per rate: output by type, input by
//!   use, with the transfers out and back of the invoices' histories, each for what remained
//!   of the invoice then.
//! - What [`Reduced`] says red invoices took off an invoice is what its red invoices in force
//!   sum to, each line at most its amount, and the invoice is reversed exactly when nothing
//!   remains; every freeze is of an invoice that exists.
//! - The buyer index, each invoice's history (first `Issued`, last its final change, its claim
//!   and freeze, its last request the pending one), and the pending requests (against blue
//!   invoices in force, with room for their answer) agree with the invoices' statuses.
//!
//! ## Rounding
//! Amounts are integers of fen (0.01 yuan); unit prices are in millionths of a fen. A line's
//! amount is quantity (in thousandths) × unit price less its discount, rounded half up to the
//! fen; its tax is net × rate rounded half up, or, for a price that includes the tax, its net
//! is the amount ÷ (1 + rate) rounded half up and its tax the rest ([`Line::compute`]); an
//! invoice's totals are the sums of its lines.
//!
//! ## Data privacy
//! On chain: parties (organization ids or credit codes; for a consumer only an optional salted
//! commitment), the issuing clerk's account, amounts, rates, tax classification codes, dates and
//! statuses — what the tax bureau sees on a VAT invoice; everyone may read them, as every
//! node holds them (the query gateway serves an invoice to its parties and agencies only).
//! Descriptions of the goods, the full document and every reason are stored as hashes only;
//! the documents stay with the parties.
#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

pub use pallet::*;

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

pub use regchain_primitives::{Claim, ClaimDomain, Fen, InvoiceClaims, InvoiceRef, OrgId};

/// The tag of the invoices' own claim: reimbursement (报销) by the buyer, whose organization is
/// the claim's id.
pub const REIMBURSEMENT: ClaimDomain = *b"rmbs";

/// The tag of an invoice as a record a regulator freezes (its id: the issuer in the high 32
/// bits, the sequence number in the low 32).
pub const INVOICE: ClaimDomain = *b"invc";

regchain_primitives::freeze_errors!();
regchain_primitives::jurisdiction_errors!();
pub use types::*;
pub use weights::WeightInfo;

/// An invoice as a runtime stores it.
pub type InvoiceOf<T> = Invoice<
	frame_system::pallet_prelude::BlockNumberFor<T>,
	<T as frame_system::Config>::AccountId,
>;

#[frame_support::pallet]
pub mod pallet {
	use super::*;
	use crate::impls::Answerer;
	use alloc::vec::Vec;
	use frame_support::{pallet_prelude::*, traits::UnixTime};
	use frame_system::pallet_prelude::*;
	use regchain_primitives::{time::Moment, Division, Freeze, Membership};
	use sp_core::H256;

	/// The storage layout's version; a migration bumps it with the layout
	/// ([`crate::migrations`]).
	pub const STORAGE_VERSION: StorageVersion = StorageVersion::new(6);

	#[pallet::pallet]
	#[pallet::storage_version(STORAGE_VERSION)]
	pub struct Pallet<T>(_);

	#[pallet::config]
	pub trait Config: frame_system::Config {
		/// Who is an active member, and the organizations' credit codes.
		type Membership: Membership<Self::AccountId>;

		/// The tax bureau; its success value is the acting account and its organization.
		type TaxOrigin: EnsureOrigin<Self::RuntimeOrigin, Success = (Self::AccountId, OrgId)>;

		/// A taxpayer allowed to issue invoices (the consortium role `InvoiceIssuer`).
		type IssuerOrigin: EnsureOrigin<Self::RuntimeOrigin, Success = (Self::AccountId, OrgId)>;

		/// A member, active or suspended (`EnsureAnswerer`), answering a red-letter request as
		/// the other party: a suspension does not cut off its answer while the window runs.
		type AnswerOrigin: EnsureOrigin<Self::RuntimeOrigin, Success = (Self::AccountId, OrgId)>;

		/// Any active member, acting as a buyer.
		type MemberOrigin: EnsureOrigin<Self::RuntimeOrigin, Success = (Self::AccountId, OrgId)>;

		/// The wall clock, which decides the tax period (month) of every invoice.
		type UnixTime: UnixTime;

		/// The most scheduled changes one rate code may have.
		#[pallet::constant]
		type MaxRateChanges: Get<u32>;

		/// How long the other party has to answer a red-letter request, in milliseconds of
		/// on-chain time; past it the request lapses and the invoice stands (the fully
		/// digitalized e-invoice rules give 72 hours to confirm a red-letter form, 红字确认单).
		#[pallet::constant]
		type ReversalAnswerWindow: Get<u64>;

		/// Joint discipline: who is listed (the credit pallet's). A listed issuer issues within
		/// `ListedLimits` at most while its listing lasts.
		type Standing: regchain_primitives::CreditStanding;

		/// The floor a listed issuer's limits are held at: what 纳税信用管理办法 (税务总局公告
		/// 2014年第40号) art. 32 gives a D-grade taxpayer, the auxiliary-period supply —
		/// invoices of at most 100,000 yuan, 25 at a time (a month's).
		#[pallet::constant]
		type ListedLimits: Get<IssuerLimits>;

		/// The domains holding claims on invoices (the funds, the credit pallet's financing),
		/// told when a red invoice reduces one they hold.
		type ClaimHolders: regchain_primitives::InvoiceReversals;

		/// Weights of this pallet's calls, from its benchmarks.
		type WeightInfo: WeightInfo;
	}

	/// The VAT rate table: each code's current rate and its scheduled changes, oldest first.
	/// Entries before the current one are dropped when the code is next changed.
	/// Twox64Concat: codes are chosen by the tax bureau alone.
	#[pallet::storage]
	pub type Rates<T: Config> = StorageMap<
		_,
		Twox64Concat,
		RateCode,
		BoundedVec<RateChange<Moment>, T::MaxRateChanges>,
		ValueQuery,
	>;

	/// The limits of each taxpayer allowed to issue; none means it may not issue.
	/// Twox64Concat: organization ids are allocated by the chain.
	#[pallet::storage]
	pub type Issuers<T: Config> = StorageMap<_, Twox64Concat, OrgId, IssuerLimits>;

	/// The head of each issuer's chain of invoices.
	#[pallet::storage]
	pub type ChainHeads<T: Config> = StorageMap<_, Twox64Concat, OrgId, ChainHead, ValueQuery>;

	/// The invoices, by issuer and sequence number.
	#[pallet::storage]
	pub type IssuedInvoices<T: Config> =
		StorageDoubleMap<_, Twox64Concat, OrgId, Twox64Concat, u32, InvoiceOf<T>>;

	/// Each invoice's status changes, oldest first.
	#[pallet::storage]
	pub type InvoiceHistory<T: Config> =
		StorageDoubleMap<_, Twox64Concat, OrgId, Twox64Concat, u32, History<Moment>, ValueQuery>;

	/// Index of the invoices each member organization received, blue and red.
	#[pallet::storage]
	pub type InvoicesByBuyer<T: Config> =
		StorageDoubleMap<_, Twox64Concat, OrgId, Twox64Concat, InvoiceRef, ()>;

	/// The red-letter request awaiting an answer against each invoice (issuer, number): one
	/// at a time, which locks the invoice until it ends.
	#[pallet::storage]
	pub type RedRequests<T: Config> =
		StorageDoubleMap<_, Twox64Concat, OrgId, Twox64Concat, u32, RedRequest<T::AccountId>>;

	/// What the red invoices in force took off each line of an invoice (issuer, number), for
	/// the invoices reduced since spec 124: the bound of the next request. A map apart, so
	/// that only reduced invoices pay for it.
	#[pallet::storage]
	pub type Reduced<T: Config> =
		StorageDoubleMap<_, Twox64Concat, OrgId, Twox64Concat, u32, Reductions>;

	/// The financing each receivable invoice is pledged for (invoice financing): the seller's
	/// lock, apart from the buyer's claim in the invoice itself, so that one invoice backs one
	/// financing only while its buyer still books the expense. A new map rather than a field of
	/// `Invoice`: no migration, and only financed invoices pay for it.
	#[pallet::storage]
	pub type ReceivableClaims<T: Config> = StorageMap<_, Blake2_128Concat, InvoiceRef, Claim>;

	/// Invoices the tax bureau froze for audit (the one freeze of `regchain-primitives`,
	/// domain [`INVOICE`]): none is claimed, pledged or reversed until unfrozen.
	#[pallet::storage]
	pub type FrozenInvoices<T: Config> = StorageMap<_, Twox64Concat, InvoiceRef, Freeze>;

	/// Each taxpayer's output and input totals per tax period, a row a rate, kept as invoices
	/// move.
	#[pallet::storage]
	pub type Totals<T: Config> =
		StorageDoubleMap<_, Twox64Concat, OrgId, Twox64Concat, Period, PeriodTotals, ValueQuery>;

	#[pallet::genesis_config]
	#[derive(frame_support::DefaultNoBound)]
	pub struct GenesisConfig<T: Config> {
		/// The rate table at genesis: each code and its rate.
		pub rates: Vec<(RateCode, TaxRate)>,
		#[serde(skip)]
		pub _config: core::marker::PhantomData<T>,
	}

	#[pallet::genesis_build]
	impl<T: Config> BuildGenesisConfig for GenesisConfig<T> {
		fn build(&self) {
			for (code, rate) in &self.rates {
				assert!(rate.is_valid(), "rate code {code}: a rate is at most 10,000 basis points");
				assert!(!Rates::<T>::contains_key(code), "rate code {code} appears twice");
				let change = RateChange { from: Zero::zero(), rate: Some(*rate) };
				Rates::<T>::insert(code, BoundedVec::truncate_from(alloc::vec![change]));
			}
		}
	}

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// The tax bureau set (or, with `None`, withdrew) a taxpayer's invoicing limits.
		IssuerLimitsSet { taxpayer: OrgId, limits: Option<IssuerLimits> },
		/// A rate code changes to `rate` (withdrawn if `None`) from `from` (on-chain time) on.
		RateScheduled { code: RateCode, rate: Option<TaxRate>, from: Moment },
		/// A blue invoice was issued.
		InvoiceIssued {
			invoice: InvoiceRef,
			invoice_type: InvoiceType,
			buyer: Buyer,
			net: Fen,
			tax: Fen,
			content_hash: H256,
		},
		/// The buyer confirmed receipt.
		InvoiceConfirmed { invoice: InvoiceRef },
		/// The buyer confirmed its use of a special invoice in tax period `period`.
		UseConfirmed { invoice: InvoiceRef, input_use: InputUse, period: Period },
		/// The tax bureau `by` found the invoice abnormal; if `transferred`, the buyer's
		/// deducted input was transferred out in the current period.
		MarkedAbnormal { invoice: InvoiceRef, by: OrgId, reason: H256, transferred: bool },
		/// The tax bureau `by` cleared the finding; if `restored`, the input transferred out
		/// counts again in the current period.
		AbnormalCleared { invoice: InvoiceRef, by: OrgId, restored: bool },
		/// The buyer rejected the invoice.
		InvoiceRejected { invoice: InvoiceRef, reason: H256 },
		/// Red invoice `red`, in force, took `net` and `tax` off `original`; `remaining` is
		/// the gross amount left of it (zero: reversed in full).
		RedInvoiceIssued {
			red: InvoiceRef,
			original: u32,
			net: Fen,
			tax: Fen,
			remaining: Fen,
			content_hash: H256,
		},
		/// Nothing remains of `invoice`: the red invoices in force reversed it in full, the
		/// last being `red`.
		InvoiceReversed { invoice: InvoiceRef, red: u32 },
		/// The request against `invoice` was refused by `by` (the other party or the tax
		/// bureau); the invoice stands.
		ReversalRefused { invoice: InvoiceRef, by: OrgId, reason: H256 },
		/// The request against `invoice` was not answered in time: it lapsed.
		ReversalLapsed { invoice: InvoiceRef },
		/// The invoice was claimed (reimbursed, or used for a fund expense) by its buyer.
		InvoiceClaimed { invoice: InvoiceRef, claim: Claim, amount: Fen },
		/// The invoice's issuer pledged it as a receivable for a financing.
		ReceivablePledged { invoice: InvoiceRef, claim: Claim },
		/// The financing it was pledged for ended: the lock is gone.
		ReceivableReleased { invoice: InvoiceRef, claim: Claim },
		/// The tax bureau `by` froze the invoice for audit.
		Frozen { invoice: InvoiceRef, by: OrgId, reason: H256 },
		/// The tax bureau `by` lifted the freeze.
		Unfrozen { invoice: InvoiceRef, by: OrgId },
		/// The tax bureau voided the invoice.
		InvoiceVoided { invoice: InvoiceRef, reason: H256 },
		/// `by` raised a red-letter request against `invoice` for `net` and `tax`, awaiting
		/// the other party (or, for an outside buyer, the tax bureau) until `deadline`.
		RedRequested {
			invoice: InvoiceRef,
			by: Party,
			reason: RedReason,
			net: Fen,
			tax: Fen,
			deadline: u64,
		},
		/// The red invoice reduced an invoice `claim` holds; the claim's domain was told.
		ClaimReduced { invoice: InvoiceRef, claim: Claim, reduced: Fen, remaining: Fen },
	}

	#[pallet::error]
	pub enum Error<T> {
		/// The organization is no active member with a credit code; only such taxpayers may be
		/// allowed to issue.
		NotTaxpayer,
		/// Limits must allow at least one invoice: a month's limit above zero, and a per-invoice
		/// cap, if any, above zero and at most the month's.
		InvalidLimits,
		/// The tax bureau has set no invoicing limits for this issuer.
		NoLimits,
		/// A rate is at most 10,000 basis points (100 %).
		InvalidRate,
		/// A rate change must start in the future; invoices keep their rates.
		RetroactiveChange,
		/// The code has too many scheduled changes; wait until some take effect.
		TooManyRateChanges,
		/// A line names a rate code that is not (or no longer) in the table.
		RateNotFound,
		/// An invoice needs at least one line.
		NoLines,
		/// More lines than an invoice may have ([`MAX_LINES`]).
		TooManyLines,
		/// A quantity or unit price is zero, or a line amounts to less than half a fen.
		ZeroAmount,
		/// A line's discount is its whole amount or more.
		DiscountTooLarge,
		/// A tax classification code (税收分类编码) has 19 digits.
		InvalidClassification,
		/// An amount or total is too large to represent.
		Overflow,
		/// The invoice's net amount exceeds the issuer's per-invoice limit.
		ExceedsInvoiceLimit,
		/// The invoice's net amount would take the issuer past its monthly limit.
		ExceedsMonthlyLimit,
		/// Seller and buyer are the same organization.
		BuyerIsSeller,
		/// The buyer organization is no active member; name an outside buyer by credit code.
		BuyerNotFound,
		/// The issuer has used every invoice number.
		SequenceExhausted,
		/// No invoice has this number.
		InvoiceNotFound,
		/// Only the invoice's buyer may do this.
		NotBuyer,
		/// Only the invoice's issuer may do this.
		NotIssuer,
		/// The invoice is not awaiting the buyer's confirmation (already confirmed, rejected,
		/// reversed or voided, or a red invoice).
		NotAwaitingBuyer,
		/// Only a blue invoice that is issued, confirmed or rejected can be reversed.
		NotReversible,
		/// The invoice was already reimbursed or used for a fund expense (by its buyer), or
		/// pledged for a financing (by its issuer).
		AlreadyClaimed,
		/// The tax bureau froze the invoice for audit.
		Frozen,
		/// Only an invoice its buyer confirmed can be claimed.
		NotConfirmed,
		/// The invoice is reversed, being reversed, voided, or red.
		NotValid,
		/// What remains of the invoice's gross amount is less than the amount claimed.
		AmountNotCovered,
		/// No red-letter request awaits an answer against this invoice.
		NoRequest,
		/// The invoice is frozen already.
		AlreadyFrozen,
		/// The invoice is not frozen.
		NotFrozen,
		/// Only a blue invoice of the current period, not reversed, being reversed, voided or
		/// used by its buyer, can be voided.
		NotVoidable,
		/// A special invoice goes to a taxpayer; a person gets an ordinary invoice.
		SpecialToPerson,
		/// Only a special invoice's use is confirmed.
		NotSpecial,
		/// Only an invoice the buyer confirmed receiving (and not reversed, voided or being
		/// reversed) has its use confirmed.
		NotReceived,
		/// The buyer already confirmed its use of this invoice.
		UseAlreadyConfirmed,
		/// The tax bureau found the invoice abnormal: it is neither deducted, claimed, pledged
		/// nor reversed until cleared.
		Abnormal,
		/// The invoice is marked abnormal already.
		AlreadyAbnormal,
		/// The invoice is not marked abnormal.
		NotAbnormal,
		/// The period's totals already hold a row for each of `MAX_RATE_ROWS` rates.
		TooManyRates,
		/// The invoice's history is full; no further optional change can be recorded.
		HistoryFull,
		/// The time to answer this request is over: it lapses (`lapse_reversal`).
		ReversalLapsed,
		/// The request may still be answered until its deadline.
		ReversalNotDue,
		/// The taxpayer or invoice issuer is outside the tax bureau's jurisdiction (or, for
		/// rates, the bureau's jurisdiction is not national).
		OutsideJurisdiction,
		/// No organization with this id: a regulator acts on members only.
		OrganizationNotFound,
		/// A red-letter request awaits an answer: the invoice is locked until it ends.
		RequestPending,
		/// Only the party that did not raise the request answers it (the tax bureau for an
		/// outside buyer).
		NotOtherParty,
		/// The buyer of a received invoice raises a request; an outside buyer's or a person's
		/// is raised by the seller.
		NotRequestable,
		/// A red line names a line twice or beyond the invoice's, reduces nothing, or does not
		/// fit the reason (an invoicing error reverses everything, a return names quantities,
		/// an allowance none).
		InvalidRedLine,
		/// A red line takes more than what remains of its line.
		ExceedsRemaining,
	}

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// Set or withdraw a taxpayer's invoicing limits.
		///
		/// - Origin: the tax bureau whose jurisdiction covers the taxpayer. The taxpayer must be
		///   an active organization with a credit code; to issue it also needs the consortium
		///   role `InvoiceIssuer`.
		///
		/// Errors: `OrganizationNotFound`, `OutsideJurisdiction`, `NotTaxpayer`, `InvalidLimits`.
		/// Events: `IssuerLimitsSet`.
		#[pallet::call_index(0)]
		#[pallet::weight(T::WeightInfo::set_issuer_limits())]
		pub fn set_issuer_limits(
			origin: OriginFor<T>,
			taxpayer: OrgId,
			limits: Option<IssuerLimits>,
		) -> DispatchResult {
			let (_, bureau) = T::TaxOrigin::ensure_origin(origin)?;
			T::Membership::ensure_jurisdiction(bureau, taxpayer).map_err(Error::<T>::from)?;
			Self::do_set_issuer_limits(taxpayer, limits)
		}

		/// Change a VAT rate code (or withdraw it, with `None`) from `from` (on-chain time) on.
		///
		/// - Origin: a tax bureau of national jurisdiction. `from` must be in the future.
		///   Changes already in effect before the current one are dropped from storage (the
		///   events keep them).
		///
		/// Errors: `OutsideJurisdiction`, `InvalidRate`, `RetroactiveChange`,
		/// `TooManyRateChanges`.
		/// Events: `RateScheduled`.
		#[pallet::call_index(1)]
		#[pallet::weight(T::WeightInfo::set_rate())]
		pub fn set_rate(
			origin: OriginFor<T>,
			code: RateCode,
			rate: Option<TaxRate>,
			from: Moment,
		) -> DispatchResult {
			let (_, bureau) = T::TaxOrigin::ensure_origin(origin)?;
			// VAT rates are national law: a district's or a province's bureau does not change them.
			ensure!(
				T::Membership::region(bureau) == Some(Division::NATIONAL),
				Error::<T>::OutsideJurisdiction
			);
			Self::do_set_rate(code, rate, from)
		}

		/// Issue a blue invoice, special or ordinary.
		///
		/// - Origin: an issuer (role `InvoiceIssuer`) with limits set. The chain allocates the
		///   next number of the issuer's chain, resolves the rates, computes lines, tax and
		///   totals, and links the invoice to the previous one by hash. A buyer named by the
		///   credit code of an active member is recorded as that member; a person buys on an
		///   ordinary invoice only. The limits count the net amount. The signing account is
		///   recorded as the invoice's clerk (开票人).
		///
		/// Errors: `NoLimits`, `NoLines`, `TooManyLines`, `SpecialToPerson`, `RateNotFound`,
		/// `InvalidClassification`, `ZeroAmount`, `DiscountTooLarge`, `Overflow`, `ExceedsInvoiceLimit`, `ExceedsMonthlyLimit`,
		/// `TooManyRates`, `BuyerIsSeller`, `BuyerNotFound`, `SequenceExhausted`.
		/// Events: `InvoiceIssued`.
		///
		/// Complexity: O(lines).
		#[pallet::call_index(2)]
		#[pallet::weight(T::WeightInfo::issue(lines.len().min(MAX_LINES as usize) as u32))]
		pub fn issue(
			origin: OriginFor<T>,
			invoice_type: InvoiceType,
			buyer: Buyer,
			lines: Vec<LineInput>,
			document: H256,
		) -> DispatchResult {
			let (clerk, seller) = T::IssuerOrigin::ensure_origin(origin)?;
			Self::do_issue((clerk, seller), invoice_type, buyer, lines, document)
		}

		/// Confirm receipt of an invoice. Receipt counts no input tax: that is the use
		/// confirmation's ([`confirm_use`](Pallet::confirm_use)).
		///
		/// - Origin: an account of the buyer.
		///
		/// Errors: `InvoiceNotFound`, `NotBuyer`, `NotAwaitingBuyer`, `HistoryFull`.
		/// Events: `InvoiceConfirmed`.
		#[pallet::call_index(3)]
		#[pallet::weight(T::WeightInfo::confirm())]
		pub fn confirm(origin: OriginFor<T>, invoice: InvoiceRef) -> DispatchResult {
			let (_, buyer) = T::MemberOrigin::ensure_origin(origin)?;
			Self::do_confirm(buyer, invoice)
		}

		/// Reject an invoice, with the hash of a reason; the seller should then reverse it.
		///
		/// - Origin: an account of the buyer.
		///
		/// Errors: `InvoiceNotFound`, `NotBuyer`, `NotAwaitingBuyer`, `HistoryFull`.
		/// Events: `InvoiceRejected`.
		#[pallet::call_index(4)]
		#[pallet::weight(T::WeightInfo::reject())]
		pub fn reject(origin: OriginFor<T>, invoice: InvoiceRef, reason: H256) -> DispatchResult {
			let (_, buyer) = T::MemberOrigin::ensure_origin(origin)?;
			Self::do_reject(buyer, invoice, reason)
		}

		/// Reduce one of the caller's invoices with a red invoice (红冲), in full or in part:
		/// the lines named (none: all that remains of it), for `reason`.
		///
		/// - Origin: an issuer, of the invoice's organization. If nobody deducts the invoice
		///   on the other side without answering — an ordinary invoice to an outside buyer or
		///   a person, an invoice its member buyer has not received (or rejected) — the red
		///   invoice is issued at once, in force, with the next number of the issuer's chain.
		///   Otherwise this raises a red-letter request that the buyer (a member that received
		///   it) or, for an outside buyer of a special invoice, the tax bureau confirms within
		///   `ReversalAnswerWindow`. A claimed or financed invoice is reduced too: the claim's
		///   domain is told (`ClaimReduced`).
		///
		/// Errors: `InvoiceNotFound`, `NotIssuer`, `NotReversible`, `RequestPending`,
		/// `Abnormal`, `Frozen`, `InvalidRedLine`, `ExceedsRemaining`, `SequenceExhausted`,
		/// `HistoryFull`, `TooManyRates`, `Overflow`.
		/// Events: `RedRequested`, or `RedInvoiceIssued` (and `InvoiceReversed`,
		/// `ClaimReduced`).
		///
		/// Complexity: O(lines of the invoice).
		#[pallet::call_index(5)]
		#[pallet::weight(Pallet::<T>::red_weight(T::WeightInfo::reverse()))]
		pub fn reverse(
			origin: OriginFor<T>,
			invoice: InvoiceRef,
			reason: RedReason,
			lines: Vec<RedLineInput>,
			document: H256,
		) -> DispatchResult {
			let (clerk, seller) = T::IssuerOrigin::ensure_origin(origin)?;
			Self::do_reverse((clerk, seller), invoice, reason, lines, document)
		}

		/// Raise a red-letter request as the buyer of an invoice received (a return, an
		/// allowance, a wrong invoice): the seller confirms it within `ReversalAnswerWindow`,
		/// when its red invoice is issued, or refuses it.
		///
		/// - Origin: an account of the buyer, a member that confirmed receipt.
		///
		/// Errors: `InvoiceNotFound`, `NotBuyer`, `NotRequestable`, `NotReversible`,
		/// `RequestPending`, `Abnormal`, `Frozen`, `InvalidRedLine`, `ExceedsRemaining`,
		/// `HistoryFull`, `Overflow`.
		/// Events: `RedRequested`.
		///
		/// Complexity: O(lines of the invoice).
		#[pallet::call_index(16)]
		#[pallet::weight(T::WeightInfo::request_reversal())]
		pub fn request_reversal(
			origin: OriginFor<T>,
			invoice: InvoiceRef,
			reason: RedReason,
			lines: Vec<RedLineInput>,
			document: H256,
		) -> DispatchResult {
			let (clerk, buyer) = T::MemberOrigin::ensure_origin(origin)?;
			Self::do_request_reversal((clerk, buyer), invoice, reason, lines, document)
		}

		/// Confirm the red-letter request against `invoice`, as the party that did not raise
		/// it: its red invoice is issued, in force — unless the tax bureau froze or found the
		/// invoice abnormal meanwhile.
		///
		/// - Origin: an account of the other party (active or suspended).
		///
		/// Errors: `InvoiceNotFound`, `NoRequest`, `NotOtherParty`, `ReversalLapsed`,
		/// `Frozen`, `Abnormal`, `SequenceExhausted`, `TooManyRates`, `Overflow`.
		/// Events: `RedInvoiceIssued` (and `InvoiceReversed`, `ClaimReduced`).
		#[pallet::call_index(6)]
		#[pallet::weight(Pallet::<T>::red_weight(T::WeightInfo::confirm_reversal()))]
		pub fn confirm_reversal(origin: OriginFor<T>, invoice: InvoiceRef) -> DispatchResult {
			let (clerk, org) = T::AnswerOrigin::ensure_origin(origin)?;
			Self::do_answer(Answerer::Party(clerk, org), invoice, None)
		}

		/// Refuse the red-letter request against `invoice`, with the hash of a reason, as the
		/// party that did not raise it: the invoice stands.
		///
		/// - Origin: an account of the other party (active or suspended).
		///
		/// Errors: `InvoiceNotFound`, `NoRequest`, `NotOtherParty`, `ReversalLapsed`,
		/// `HistoryFull`.
		/// Events: `ReversalRefused`.
		#[pallet::call_index(7)]
		#[pallet::weight(T::WeightInfo::refuse_reversal())]
		pub fn refuse_reversal(
			origin: OriginFor<T>,
			invoice: InvoiceRef,
			reason: H256,
		) -> DispatchResult {
			let (clerk, org) = T::AnswerOrigin::ensure_origin(origin)?;
			Self::do_answer(Answerer::Party(clerk, org), invoice, Some(reason))
		}

		/// Settle the red-letter request against `invoice` as the tax bureau: confirm it
		/// (`refusal` none) — for an outside buyer, which confirms in its own e-tax bureau, or
		/// a request the parties are stuck on — or refuse it, while it runs. A red invoice
		/// the bureau confirms on a buyer's request is issued by the bureau's account (代开).
		///
		/// - Origin: the tax bureau whose jurisdiction covers the issuer.
		///
		/// Errors: `OrganizationNotFound`, `OutsideJurisdiction`, `InvoiceNotFound`,
		/// `NoRequest`, `ReversalLapsed`, `Frozen`, `Abnormal`, `SequenceExhausted`,
		/// `TooManyRates`, `Overflow`, `HistoryFull`.
		/// Events: `RedInvoiceIssued` (and `InvoiceReversed`, `ClaimReduced`), or
		/// `ReversalRefused`.
		#[pallet::call_index(17)]
		#[pallet::weight(Pallet::<T>::red_weight(T::WeightInfo::settle_reversal()))]
		pub fn settle_reversal(
			origin: OriginFor<T>,
			invoice: InvoiceRef,
			refusal: Option<H256>,
		) -> DispatchResult {
			let (clerk, bureau) = T::TaxOrigin::ensure_origin(origin)?;
			T::Membership::ensure_jurisdiction(bureau, invoice.issuer).map_err(Error::<T>::from)?;
			Self::do_answer(Answerer::Bureau(clerk, bureau), invoice, refusal)
		}

		/// Record that the red-letter request against `invoice` lapsed: nobody answered it
		/// within `ReversalAnswerWindow`. The invoice stands; a party may raise a new one.
		///
		/// - Origin: any member (the seller, the buyer, the tax bureau).
		///
		/// Errors: `NoRequest`, `ReversalNotDue`, `InvoiceNotFound`.
		/// Events: `ReversalLapsed`.
		#[pallet::call_index(12)]
		#[pallet::weight(T::WeightInfo::lapse_reversal())]
		pub fn lapse_reversal(origin: OriginFor<T>, invoice: InvoiceRef) -> DispatchResult {
			T::MemberOrigin::ensure_origin(origin)?;
			Self::do_lapse_reversal(invoice)
		}

		/// Confirm the use of a special invoice received (用途确认), once: deduct its input tax,
		/// not deduct it, or use it for an export refund — counted in the current tax period.
		///
		/// - Origin: an account of the buyer.
		///
		/// Errors: `InvoiceNotFound`, `NotBuyer`, `NotSpecial`, `NotReceived`,
		/// `UseAlreadyConfirmed`, `Abnormal`, `TooManyRates`, `Overflow`, `HistoryFull`.
		/// Events: `UseConfirmed`.
		#[pallet::call_index(13)]
		#[pallet::weight(T::WeightInfo::confirm_use())]
		pub fn confirm_use(
			origin: OriginFor<T>,
			invoice: InvoiceRef,
			input_use: InputUse,
		) -> DispatchResult {
			let (_, buyer) = T::MemberOrigin::ensure_origin(origin)?;
			Self::do_confirm_use(buyer, invoice, input_use)
		}

		/// Find a blue invoice abnormal (异常凭证), with the hash of the finding. If its buyer had
		/// deducted it, the input is transferred out in the current period; until cleared it
		/// is neither deducted, claimed, pledged nor reversed.
		///
		/// - Origin: the tax bureau whose jurisdiction covers the issuer.
		///
		/// Errors: `OrganizationNotFound`, `OutsideJurisdiction`, `InvoiceNotFound`,
		/// `NotValid`, `AlreadyAbnormal`, `TooManyRates`, `Overflow`, `HistoryFull`.
		/// Events: `MarkedAbnormal`.
		#[pallet::call_index(14)]
		#[pallet::weight(T::WeightInfo::mark_abnormal())]
		pub fn mark_abnormal(
			origin: OriginFor<T>,
			invoice: InvoiceRef,
			reason: H256,
		) -> DispatchResult {
			let (_, bureau) = T::TaxOrigin::ensure_origin(origin)?;
			T::Membership::ensure_jurisdiction(bureau, invoice.issuer).map_err(Error::<T>::from)?;
			Self::do_mark_abnormal(bureau, invoice, reason)
		}

		/// Clear an abnormal invoice after verification: input transferred out counts again in
		/// the current period.
		///
		/// - Origin: the tax bureau whose jurisdiction covers the issuer.
		///
		/// Errors: `OrganizationNotFound`, `OutsideJurisdiction`, `InvoiceNotFound`,
		/// `NotAbnormal`, `TooManyRates`, `Overflow`, `HistoryFull`. Events: `AbnormalCleared`.
		#[pallet::call_index(15)]
		#[pallet::weight(T::WeightInfo::clear_abnormal())]
		pub fn clear_abnormal(origin: OriginFor<T>, invoice: InvoiceRef) -> DispatchResult {
			let (_, bureau) = T::TaxOrigin::ensure_origin(origin)?;
			T::Membership::ensure_jurisdiction(bureau, invoice.issuer).map_err(Error::<T>::from)?;
			Self::do_clear_abnormal(bureau, invoice)
		}

		/// Mark an invoice as reimbursed (报销), for its gross amount, exactly once: the
		/// same lock the special funds use, so an invoice reimbursed here can justify no fund
		/// expense and the reverse.
		///
		/// - Origin: an account of the buyer.
		///
		/// Errors: `InvoiceNotFound`, `NotBuyer`, `NotValid`, `NotConfirmed`,
		/// `AlreadyClaimed`, `Abnormal`, `Frozen`, `HistoryFull`. Events: `InvoiceClaimed`.
		#[pallet::call_index(8)]
		#[pallet::weight(T::WeightInfo::reimburse())]
		pub fn reimburse(origin: OriginFor<T>, invoice: InvoiceRef) -> DispatchResult {
			let (_, buyer) = T::MemberOrigin::ensure_origin(origin)?;
			Self::do_claim(invoice, buyer, None, Claim::new(REIMBURSEMENT, buyer.into()))
		}

		/// Freeze an invoice for audit, with the hash of the decision. While frozen it can be
		/// neither claimed, pledged nor reversed.
		///
		/// - Origin: the tax bureau whose jurisdiction covers the issuer.
		///
		/// Errors: `InvoiceNotFound`, `OutsideJurisdiction`, `AlreadyFrozen`, `HistoryFull`.
		/// Events: `Frozen`.
		#[pallet::call_index(9)]
		#[pallet::weight(T::WeightInfo::freeze())]
		pub fn freeze(origin: OriginFor<T>, invoice: InvoiceRef, reason: H256) -> DispatchResult {
			let (_, bureau) = T::TaxOrigin::ensure_origin(origin)?;
			Self::do_freeze(bureau, invoice, reason)
		}

		/// Lift an invoice's freeze.
		///
		/// - Origin: the tax bureau whose jurisdiction covers the issuer.
		///
		/// Errors: `InvoiceNotFound`, `OutsideJurisdiction`, `NotFrozen`, `HistoryFull`. Events:
		/// `Unfrozen`.
		#[pallet::call_index(10)]
		#[pallet::weight(T::WeightInfo::unfreeze())]
		pub fn unfreeze(origin: OriginFor<T>, invoice: InvoiceRef) -> DispatchResult {
			let (_, bureau) = T::TaxOrigin::ensure_origin(origin)?;
			Self::do_unfreeze(bureau, invoice)
		}

		/// Void a blue invoice of the current period that its buyer has not used, with the hash
		/// of a reason: it leaves the seller's output of the period. A claim stays recorded
		/// (the voided invoice shows what it justified).
		///
		/// - Origin: the tax bureau whose jurisdiction covers the issuer.
		///
		/// Errors: `OutsideJurisdiction`, `InvoiceNotFound`, `NotVoidable`. Events:
		/// `InvoiceVoided`.
		#[pallet::call_index(11)]
		#[pallet::weight(T::WeightInfo::void())]
		pub fn void(origin: OriginFor<T>, invoice: InvoiceRef, reason: H256) -> DispatchResult {
			let (_, bureau) = T::TaxOrigin::ensure_origin(origin)?;
			T::Membership::ensure_jurisdiction(bureau, invoice.issuer).map_err(Error::<T>::from)?;
			Self::do_void(invoice, reason)
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
