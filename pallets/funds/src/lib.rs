//! # Special-fund accounts pallet (政府专项资金)
//!
//! Earmarked government funds tracked from approval to every expense. Each enterprise has one
//! special account on chain that holds allocations from several fund programs at once, each
//! tracked on its own, so the finance bureau and auditors follow every fen without asking for
//! separate bank accounts, stacks of vouchers or bank statements. Money moves off chain
//! through banks; the chain is the ledger.
//!
//! ## Actors and terms
//! - **Fund manager** ([`Config::ManagerOrigin`], the consortium role `FundManager` granted by
//!   the finance bureau): creates a **program** (policy document hash, budget in fen, eligible
//!   spending categories, application window, end date), changes its budget, approves or
//!   rejects applications and disburses tranches. Only the manager's organization manages a
//!   program.
//! - **Enterprise** ([`Config::EnterpriseOrigin`]): applies to a program and records expenses
//!   against its **allocations** (an approved application), optionally justified by an
//!   on-chain invoice of the invoices pallet, which is then locked ([`Config::Invoices`]): the
//!   same invoice can justify nothing else, here or in a reimbursement.
//! - **Regulators** ([`Config::RegulatorOrigin`]: the finance bureau and auditors): freeze and
//!   unfreeze an allocation or a whole special account, claw back unspent money, and close a
//!   program with a final statement (its manager may close it too).
//!
//! ## Invariants (checked by `try_state`)
//! - For every allocation `spent + clawed_back ≤ disbursed ≤ approved`.
//! - For every program the sum of approvals is at most its budget.
//! - An allocation's totals equal the sums of its ledger entries; a program's totals equal the
//!   sums of its allocations'.
//!
//! ## Data privacy
//! Public: programs, budgets, enterprises, and approved, disbursed, spent and clawed-back
//! amounts, categories and dates. Confidential: counterparties, contracts, vouchers, bank
//! transfers and reasons are stored as hashes only; the documents stay with the parties, who
//! show them to an auditor, who checks them against the hashes.
#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

pub use pallet::*;

/// The tag of the funds' claims on invoices: an expense of an allocation, whose id is the
/// claim's id.
pub const FUND_EXPENSE: regchain_primitives::ClaimDomain = *b"fund";

/// The tag of an allocation as a record a regulator freezes (its id is the allocation's): the
/// same as the claims', which name allocations too.
pub const FUND_ALLOCATION: regchain_primitives::ClaimDomain = FUND_EXPENSE;

/// The tag of an enterprise's special account as a record a regulator freezes (its id is the
/// organization's).
pub const FUND_ACCOUNT: regchain_primitives::ClaimDomain = *b"facc";

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

pub use impls::{AccountRecords, AllocationRecords};
pub use regchain_primitives::{Fen, InvoiceRef, OrgId};

regchain_primitives::freeze_errors!();
regchain_primitives::jurisdiction_errors!();
pub use types::*;
pub use weights::WeightInfo;

#[frame_support::pallet]
pub mod pallet {
	use super::*;
	use crate::impls::Closer;
	use frame_support::pallet_prelude::*;
	use frame_support::traits::UnixTime;
	use frame_system::pallet_prelude::*;
	use regchain_primitives::{time::Moment, Freeze, InvoiceClaims};
	use sp_core::H256;

	/// The storage layout's version; a migration bumps it with the layout.
	pub const STORAGE_VERSION: StorageVersion = StorageVersion::new(3);

	#[pallet::pallet]
	#[pallet::storage_version(STORAGE_VERSION)]
	pub struct Pallet<T>(_);

	#[pallet::config]
	pub trait Config: frame_system::Config {
		/// A fund manager; success value: the account and its organization.
		type ManagerOrigin: EnsureOrigin<Self::RuntimeOrigin, Success = (Self::AccountId, OrgId)>;

		/// An enterprise, applying and spending.
		type EnterpriseOrigin: EnsureOrigin<Self::RuntimeOrigin, Success = (Self::AccountId, OrgId)>;

		/// The finance bureau or an auditor.
		type RegulatorOrigin: EnsureOrigin<Self::RuntimeOrigin, Success = (Self::AccountId, OrgId)>;

		/// The invoice lock shared with reimbursements.
		type Invoices: InvoiceClaims;

		/// The chain's clock (`pallet-timestamp`): application windows and program ends are
		/// dates.
		type UnixTime: UnixTime;

		/// Weights of this pallet's calls, from its benchmarks.
		type WeightInfo: WeightInfo;

		/// The membership the origins above consult: who is where (a regulator acts only on
		/// enterprises and programs within its jurisdiction); benchmarks make members with it.
		type Membership: regchain_primitives::Membership<Self::AccountId>;

		/// Joint discipline: who is listed (the credit pallet's). An enterprise under a listing
		/// that bars funding (a serious penalty, a fund misuse, a court's defaulter listing)
		/// does not apply while it lasts.
		type Standing: regchain_primitives::CreditStanding;
	}

	/// The next program id.
	#[pallet::storage]
	pub type NextProgramId<T: Config> = StorageValue<_, ProgramId, ValueQuery>;

	/// The programs. Twox64Concat: ids are allocated by the chain.
	#[pallet::storage]
	pub type Programs<T: Config> = StorageMap<_, Twox64Concat, ProgramId, Program<Moment>>;

	/// The next application (and allocation) id.
	#[pallet::storage]
	pub type NextApplicationId<T: Config> = StorageValue<_, AllocationId, ValueQuery>;

	/// The applications, kept whatever their outcome.
	#[pallet::storage]
	pub type Applications<T: Config> = StorageMap<_, Twox64Concat, AllocationId, Application>;

	/// The allocations, by the id of the application they were approved from.
	#[pallet::storage]
	pub type Allocations<T: Config> = StorageMap<_, Twox64Concat, AllocationId, Allocation>;

	/// Each allocation's ledger: every movement, numbered from 0.
	#[pallet::storage]
	pub type Ledger<T: Config> =
		StorageDoubleMap<_, Twox64Concat, AllocationId, Twox64Concat, u32, LedgerEntry<Moment>>;

	/// Index of each program's allocations.
	#[pallet::storage]
	pub type AllocationsByProgram<T: Config> =
		StorageDoubleMap<_, Twox64Concat, ProgramId, Twox64Concat, AllocationId, ()>;

	/// Each enterprise's special account: the index of its allocations.
	#[pallet::storage]
	pub type AllocationsByEnterprise<T: Config> =
		StorageDoubleMap<_, Twox64Concat, OrgId, Twox64Concat, AllocationId, ()>;

	/// Allocations frozen by a regulator (the one freeze of `regchain-primitives`, domain
	/// [`FUND_ALLOCATION`]).
	#[pallet::storage]
	pub type FrozenAllocations<T: Config> = StorageMap<_, Twox64Concat, AllocationId, Freeze>;

	/// Special accounts frozen as a whole by a regulator (domain [`FUND_ACCOUNT`]).
	#[pallet::storage]
	pub type FrozenAccounts<T: Config> = StorageMap<_, Twox64Concat, OrgId, Freeze>;

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// A fund manager created a program.
		ProgramCreated { program: ProgramId, manager: OrgId, budget: Fen, policy: H256 },
		/// The program's budget changed.
		BudgetChanged { program: ProgramId, budget: Fen },
		/// The program was closed with a final statement.
		ProgramClosed { program: ProgramId, statement: H256 },
		/// An enterprise applied.
		Applied { application: AllocationId, program: ProgramId, applicant: OrgId, requested: Fen },
		/// The application was approved: the allocation of the same id holds `amount`.
		Approved { allocation: AllocationId, program: ProgramId, enterprise: OrgId, amount: Fen },
		/// The application was rejected.
		ApplicationRejected { application: AllocationId, reason: H256 },
		/// A tranche was disbursed.
		Disbursed { allocation: AllocationId, amount: Fen, transfer: H256 },
		/// The enterprise recorded an expense.
		ExpenseRecorded {
			allocation: AllocationId,
			amount: Fen,
			category: Category,
			invoice: Option<InvoiceRef>,
		},
		/// The regulator `by` froze an allocation or a special account.
		Frozen { target: FreezeTarget, by: OrgId, reason: H256 },
		/// The regulator `by` lifted the freeze.
		Unfrozen { target: FreezeTarget, by: OrgId },
		/// A regulator clawed back unspent money.
		ClawedBack { allocation: AllocationId, amount: Fen, reason: H256 },
		/// Red invoice `red` took `reduced` (gross) off `invoice`, which justifies an expense of
		/// the allocation; `remaining` is left of it. The expense is justified no further than
		/// that: the fund manager recovers or disallows the difference.
		ExpenseInvoiceReduced {
			allocation: AllocationId,
			invoice: InvoiceRef,
			red: InvoiceRef,
			reduced: Fen,
			remaining: Fen,
		},
	}

	#[pallet::error]
	pub enum Error<T> {
		/// Amounts and budgets must not be zero.
		ZeroAmount,
		/// A program needs at least one eligible category.
		NoCategories,
		/// The window must open before it closes, close no later than the end, and the end
		/// must be in the future.
		InvalidSchedule,
		/// No program has this id.
		ProgramNotFound,
		/// Only the program's fund manager may do this.
		NotManager,
		/// The program is closed.
		ProgramClosed,
		/// The program has reached its end date.
		ProgramEnded,
		/// The budget would fall below what was already approved.
		BudgetBelowApproved,
		/// Applications are accepted only within the program's window.
		OutsideWindow,
		/// The approvals would exceed the program's budget (or the request exceeds it).
		ExceedsBudget,
		/// No application has this id.
		ApplicationNotFound,
		/// The application was already decided.
		NotPending,
		/// An approval may not exceed the amount requested.
		ExceedsRequest,
		/// No allocation has this id.
		AllocationNotFound,
		/// Only the enterprise holding the allocation may spend it.
		NotRecipient,
		/// The allocation or the enterprise's special account is frozen.
		Frozen,
		/// Already frozen.
		AlreadyFrozen,
		/// Not frozen.
		NotFrozen,
		/// Disbursements may not exceed the approved amount.
		ExceedsApproved,
		/// Expenses may not exceed what was disbursed and not clawed back.
		ExceedsDisbursed,
		/// A claw-back may not exceed the unspent money.
		ExceedsUnspent,
		/// The category is not eligible in this program.
		IneligibleCategory,
		/// A total or a counter is too large to represent.
		Overflow,
		/// A fund manager cannot decide its own organization's application.
		OwnApplication,
		/// The enterprise or program is outside the regulator's jurisdiction.
		OutsideJurisdiction,
		/// No organization has this id.
		OrganizationNotFound,
		/// The enterprise is listed under joint discipline (a serious penalty, a fund misuse, a
		/// court's defaulter listing) until its listing ends: `creditApi.listings` names the
		/// case and the date.
		ApplicantListed,
	}

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// Create a fund program: enterprises apply from `apply_from` until `apply_until`;
		/// nothing is approved, disbursed or spent from `ends_at` on (dates of on-chain time).
		///
		/// - Origin: a fund manager, who will manage it.
		///
		/// Errors: `ZeroAmount`, `NoCategories`, `InvalidSchedule`, `Overflow`.
		/// Events: `ProgramCreated`.
		#[pallet::call_index(0)]
		#[pallet::weight(T::WeightInfo::create_program())]
		pub fn create_program(
			origin: OriginFor<T>,
			policy: H256,
			budget: Fen,
			categories: Categories,
			apply_from: Moment,
			apply_until: Moment,
			ends_at: Moment,
		) -> DispatchResult {
			let (_, manager) = T::ManagerOrigin::ensure_origin(origin)?;
			Self::do_create_program(
				manager,
				policy,
				budget,
				categories,
				apply_from,
				apply_until,
				ends_at,
			)
		}

		/// Change a program's budget; never below what was approved.
		///
		/// - Origin: the program's fund manager.
		///
		/// Errors: `ProgramNotFound`, `NotManager`, `ProgramClosed`, `ZeroAmount`,
		/// `BudgetBelowApproved`. Events: `BudgetChanged`.
		#[pallet::call_index(1)]
		#[pallet::weight(T::WeightInfo::set_budget())]
		pub fn set_budget(origin: OriginFor<T>, program: ProgramId, budget: Fen) -> DispatchResult {
			let (_, manager) = T::ManagerOrigin::ensure_origin(origin)?;
			Self::do_set_budget(manager, program, budget)
		}

		/// Close a program for good with the hash of its final statement. Claw-backs stay
		/// possible afterwards.
		///
		/// - Origin: the program's fund manager, or a regulator.
		///
		/// Errors: `ProgramNotFound`, `NotManager`, `OutsideJurisdiction` (a regulator closes
		/// programs of managers within its jurisdiction), `ProgramClosed`. Events: `ProgramClosed`.
		#[pallet::call_index(2)]
		#[pallet::weight(T::WeightInfo::close_program())]
		pub fn close_program(
			origin: OriginFor<T>,
			program: ProgramId,
			statement: H256,
		) -> DispatchResult {
			let closer = match T::RegulatorOrigin::try_origin(origin) {
				Ok((_, regulator)) => Closer::Regulator(regulator),
				Err(origin) => Closer::Manager(T::ManagerOrigin::ensure_origin(origin)?.1),
			};
			Self::do_close_program(closer, program, statement)
		}

		/// Apply to a program for `requested` fen.
		///
		/// - Origin: an enterprise whose special account is not frozen, under no listing that
		///   bars funding (`Standing`).
		///
		/// Errors: `ProgramNotFound`, `ProgramClosed`, `OutsideWindow`, `ZeroAmount`,
		/// `ExceedsBudget`, `Frozen`, `ApplicantListed`, `Overflow`. Events: `Applied`.
		#[pallet::call_index(3)]
		#[pallet::weight(T::WeightInfo::apply())]
		pub fn apply(
			origin: OriginFor<T>,
			program: ProgramId,
			requested: Fen,
			document: H256,
		) -> DispatchResult {
			let (_, applicant) = T::EnterpriseOrigin::ensure_origin(origin)?;
			Self::do_apply(applicant, program, requested, document)
		}

		/// Approve an application for `amount` (at most the request): it becomes an
		/// allocation of the same id in the enterprise's special account.
		///
		/// - Origin: the program's fund manager.
		///
		/// Errors: `ApplicationNotFound`, `NotPending`, `NotManager`, `ProgramClosed`,
		/// `ProgramEnded`, `OwnApplication`, `ZeroAmount`, `ExceedsRequest`, `ExceedsBudget`.
		/// Events: `Approved`.
		#[pallet::call_index(4)]
		#[pallet::weight(T::WeightInfo::approve())]
		pub fn approve(
			origin: OriginFor<T>,
			application: AllocationId,
			amount: Fen,
		) -> DispatchResult {
			let (_, manager) = T::ManagerOrigin::ensure_origin(origin)?;
			Self::do_approve(manager, application, amount)
		}

		/// Reject an application with the hash of a reason.
		///
		/// - Origin: the program's fund manager.
		///
		/// Errors: `ApplicationNotFound`, `NotPending`, `NotManager`, `OwnApplication`.
		/// Events: `ApplicationRejected`.
		#[pallet::call_index(5)]
		#[pallet::weight(T::WeightInfo::reject_application())]
		pub fn reject_application(
			origin: OriginFor<T>,
			application: AllocationId,
			reason: H256,
		) -> DispatchResult {
			let (_, manager) = T::ManagerOrigin::ensure_origin(origin)?;
			Self::do_reject(manager, application, reason)
		}

		/// Record a tranche paid through a bank, with the hash of the transfer reference.
		///
		/// - Origin: the program's fund manager.
		///
		/// Errors: `AllocationNotFound`, `NotManager`, `ProgramClosed`, `ProgramEnded`,
		/// `Frozen`, `ZeroAmount`, `ExceedsApproved`, `Overflow`. Events: `Disbursed`.
		#[pallet::call_index(6)]
		#[pallet::weight(T::WeightInfo::disburse())]
		pub fn disburse(
			origin: OriginFor<T>,
			allocation: AllocationId,
			amount: Fen,
			transfer: H256,
		) -> DispatchResult {
			let (_, manager) = T::ManagerOrigin::ensure_origin(origin)?;
			Self::do_disburse(manager, allocation, amount, transfer)
		}

		/// Record an expense against an allocation: amount, eligible category, hashes of the
		/// counterparty and of the documents, and optionally an on-chain invoice, which must
		/// name this enterprise as buyer, be confirmed, valid and unclaimed and cover the
		/// amount; it is then locked to this expense.
		///
		/// - Origin: the enterprise holding the allocation.
		///
		/// Errors: `AllocationNotFound`, `NotRecipient`, `ProgramClosed`, `ProgramEnded`,
		/// `Frozen`, `ZeroAmount`, `IneligibleCategory`, `ExceedsDisbursed`, `Overflow`, and
		/// the invoices pallet's errors for the invoice (`invoices.AlreadyClaimed`,
		/// `invoices.NotValid`, `invoices.NotBuyer`, `invoices.AmountNotCovered` …).
		/// Events: `ExpenseRecorded`.
		#[pallet::call_index(7)]
		#[pallet::weight(T::WeightInfo::record_expense())]
		pub fn record_expense(
			origin: OriginFor<T>,
			allocation: AllocationId,
			amount: Fen,
			category: Category,
			counterparty: H256,
			document: H256,
			invoice: Option<InvoiceRef>,
		) -> DispatchResult {
			let (_, enterprise) = T::EnterpriseOrigin::ensure_origin(origin)?;
			let movement = Movement::Spent { amount, category, counterparty, document, invoice };
			Self::do_record_expense(enterprise, allocation, movement)
		}

		/// Freeze an allocation or a whole special account, with the hash of the decision: no
		/// disbursement, expense or application until unfrozen. Claw-backs stay possible.
		///
		/// - Origin: a regulator whose jurisdiction covers the enterprise.
		///
		/// Errors: `AllocationNotFound`, `OrganizationNotFound`, `OutsideJurisdiction`,
		/// `AlreadyFrozen`, `Overflow`. Events: `Frozen`.
		#[pallet::call_index(8)]
		#[pallet::weight(T::WeightInfo::freeze())]
		pub fn freeze(origin: OriginFor<T>, target: FreezeTarget, reason: H256) -> DispatchResult {
			let (_, regulator) = T::RegulatorOrigin::ensure_origin(origin)?;
			Self::do_freeze(regulator, target, reason)
		}

		/// Unfreeze an allocation or a special account.
		///
		/// - Origin: a regulator whose jurisdiction covers the enterprise.
		///
		/// Errors: `AllocationNotFound`, `OrganizationNotFound`, `OutsideJurisdiction`,
		/// `NotFrozen`, `Overflow`. Events: `Unfrozen`.
		#[pallet::call_index(9)]
		#[pallet::weight(T::WeightInfo::unfreeze())]
		pub fn unfreeze(origin: OriginFor<T>, target: FreezeTarget) -> DispatchResult {
			let (_, regulator) = T::RegulatorOrigin::ensure_origin(origin)?;
			Self::do_unfreeze(regulator, target)
		}

		/// Claw back unspent money of an allocation (the enterprise returns it through its
		/// bank), with the hash of a reason; also after the program closed.
		///
		/// - Origin: a regulator.
		///
		/// Errors: `AllocationNotFound`, `OutsideJurisdiction`, `ZeroAmount`, `ExceedsUnspent`,
		/// `Overflow`. Events: `ClawedBack`.
		#[pallet::call_index(10)]
		#[pallet::weight(T::WeightInfo::claw_back())]
		pub fn claw_back(
			origin: OriginFor<T>,
			allocation: AllocationId,
			amount: Fen,
			reason: H256,
		) -> DispatchResult {
			let (_, regulator) = T::RegulatorOrigin::ensure_origin(origin)?;
			Self::do_claw_back(regulator, allocation, amount, reason)
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
