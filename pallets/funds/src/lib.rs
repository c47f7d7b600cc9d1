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
//!   the finance bureau to itself or a managing department): creates a **program** with its
//!   guide's terms (policy document hash, eligible spending categories, application window,
//!   end date, [`Eligibility`], publicity days, [`PaymentRules`]: in advance, by milestones
//!   or after the fact, a co-funding share, category caps), approves or rejects applications,
//!   answers objections, records each award's [`Agreement`] (milestones, performance
//!   targets), accepts milestones or verifies spending after the fact, disburses tranches and
//!   evaluates performance. Only the manager's organization manages a program.
//! - **Finance bureau** ([`Config::FinanceOrigin`]): appropriates each program's budget
//!   (预算指标) and changes it; a program's budget is zero until then, and the managing
//!   department cannot raise it.
//! - **Enterprise** ([`Config::EnterpriseOrigin`]; a financial institution where a program
//!   admits them): applies to a program it is eligible for, naming its project's key (one
//!   live application per project in all programs), and records expenses against its
//!   **allocations** (an approved application), optionally justified by an on-chain invoice of
//!   the invoices pallet, which is then locked ([`Config::Invoices`]): the same invoice can
//!   justify nothing else, here or in a reimbursement; records its own money put in
//!   (co-funding) and evaluates its own performance.
//! - **Bank** ([`Config::BankOrigin`]): holds an enterprise's special account, as the
//!   enterprise named it; under a program's bank supervision it confirms each tranche
//!   received, own money paid in, repayments and expenses from the program's threshold on.
//!   A missing confirmation blocks nothing: statements show what a bank confirmed.
//! - **Any member** ([`Config::ObjectorOrigin`]): objects to an award during its publicity
//!   (公示, at least [`MIN_PUBLICITY_DAYS`]); nothing is paid before the publicity ends with
//!   every objection answered, and an upheld objection withdraws the award.
//! - **Regulators** ([`Config::RegulatorOrigin`]: the finance bureau and auditors): freeze and
//!   unfreeze an allocation or a whole special account, claw back unspent money, disallow
//!   spent money (a repayment obligation the manager records repayments against; an
//!   enterprise that owes applies for nothing new), and close a program with a final
//!   statement (its manager may close it too) once every paid award is evaluated (a regulator
//!   evaluates as a third party). Misuse is penalized through a supervision case,
//!   whose listing bars the enterprise from funding ([`Config::Standing`]).
//!
//! ## Invariants (checked by `try_state`)
//! - For every allocation `spent + clawed_back ≤ disbursed ≤ approved` (after the fact:
//!   `disbursed ≤ released ≤ spent ≤ approved`), disbursed within what its payment form
//!   released, the own share at the co-funding ratio, capped categories within their caps.
//! - Acceptances: at most one a milestone, within its tranche; acceptances, own money and
//!   capped spending as the ledger says; evaluations only of paid awards, graded by score;
//!   each program's count of paid awards without a decisive evaluation right.
//! - Every bank check is of a money movement, on its bank's worklist until confirmed; each
//!   award's count of awaiting checks and its bank-confirmed tranches are its checks'.
//! - For every program the sum of approvals is at most its budget.
//! - An allocation's totals equal the sums of its ledger entries (approvals less withdrawals);
//!   a program's totals equal the sums of its allocations'.
//! - Nothing is disbursed before its award's publicity ends, with an objection unanswered, or
//!   after the award was withdrawn; objection counts are the objections'.
//! - Each applicant's grant in a program is the sum of its awards, within the cap; every live
//!   application's project key names it and no other.
//! - Each expense is disallowed at most in full; an obligation is its disallowances less its
//!   repayments, as the ledger says; what an enterprise owes is its obligations' outstanding
//!   sum.
//!
//! ## Data privacy
//! Public (the gateway serves them to anyone): programs, their terms, budgets, enterprises,
//! awards with their publicity, and approved, disbursed, spent and clawed-back amounts,
//! categories and dates, agreements' milestones and targets, acceptances, own money and
//! performance evaluations. Confidential: counterparties, contracts, vouchers, bank transfers,
//! reasons and objections' evidence are stored as hashes only, the documents staying with the
//! parties, who show them to an auditor, who checks them against the hashes; who objected is
//! served to the agencies only; project keys are salted commitments.
#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

pub use pallet::*;

/// The tag of the funds' claims on invoices: an expense of an allocation, whose id is the
/// claim's id.
pub const FUND_EXPENSE: regchain_primitives::ClaimDomain = *b"fund";

/// The tag of an allocation as a record a regulator freezes (its id is the allocation's): the
/// same as the claims', which name allocations too.
pub const FUND_ALLOCATION: regchain_primitives::ClaimDomain = FUND_EXPENSE;

/// The shortest publicity (公示期) of an award, in days: the default, and the least a program
/// may set; awards of government funds are published at least a week before payment.
pub const MIN_PUBLICITY_DAYS: u16 = 7;

/// The longest publicity a program may set, in days.
pub const MAX_PUBLICITY_DAYS: u16 = 30;

/// The most objections one award holds (one per objecting organization): enough for every
/// competitor and agency concerned, bounded as every free call's state is.
pub const MAX_OBJECTIONS: u16 = 16;

/// The highest co-funding ratio a program may set, in percent: an enterprise's own share
/// above it would make the grant a token.
pub const MAX_CO_FUNDING: u8 = 90;

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
	use crate::impls::{Closer, Schedule};
	use frame_support::pallet_prelude::*;
	use frame_support::traits::UnixTime;
	use frame_system::pallet_prelude::*;
	use regchain_primitives::{time::Moment, Freeze, InvoiceClaims};
	use sp_core::H256;

	/// The storage layout's version; a migration bumps it with the layout.
	pub const STORAGE_VERSION: StorageVersion = StorageVersion::new(4);

	#[pallet::pallet]
	#[pallet::storage_version(STORAGE_VERSION)]
	pub struct Pallet<T>(_);

	#[pallet::config]
	pub trait Config: frame_system::Config {
		/// A fund manager; success value: the account and its organization.
		type ManagerOrigin: EnsureOrigin<Self::RuntimeOrigin, Success = (Self::AccountId, OrgId)>;

		/// An applicant, applying and spending: an enterprise, or a financial institution for
		/// the programs whose eligibility admits them.
		type EnterpriseOrigin: EnsureOrigin<Self::RuntimeOrigin, Success = (Self::AccountId, OrgId)>;

		/// The finance bureau: it appropriates programs' budgets (预算指标); the managing
		/// departments spend within them and cannot raise them.
		type FinanceOrigin: EnsureOrigin<Self::RuntimeOrigin, Success = (Self::AccountId, OrgId)>;

		/// Any member, objecting to an award during its publicity.
		type ObjectorOrigin: EnsureOrigin<Self::RuntimeOrigin, Success = (Self::AccountId, OrgId)>;

		/// The finance bureau or an auditor.
		type RegulatorOrigin: EnsureOrigin<Self::RuntimeOrigin, Success = (Self::AccountId, OrgId)>;

		/// A bank (financial institution), confirming the movements of the special accounts it
		/// holds.
		type BankOrigin: EnsureOrigin<Self::RuntimeOrigin, Success = (Self::AccountId, OrgId)>;

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

	/// Each program's terms: eligibility and publicity. Beside the program rather than in it,
	/// so that programs created before terms existed read unchanged (they have none).
	#[pallet::storage]
	pub type ProgramTerms<T: Config> = StorageMap<_, Twox64Concat, ProgramId, Terms>;

	/// What each applicant was granted in each program with terms (approved less withdrawn):
	/// the per-applicant cap is checked against it.
	#[pallet::storage]
	pub type Awarded<T: Config> =
		StorageDoubleMap<_, Twox64Concat, ProgramId, Twox64Concat, OrgId, Fen, ValueQuery>;

	/// Each award's publicity, for the allocations of programs with terms.
	#[pallet::storage]
	pub type Publicities<T: Config> = StorageMap<_, Twox64Concat, AllocationId, Publicity>;

	/// The objections to each award, one per objecting organization, at most
	/// [`MAX_OBJECTIONS`] an award.
	#[pallet::storage]
	pub type Objections<T: Config> =
		StorageDoubleMap<_, Twox64Concat, AllocationId, Twox64Concat, OrgId, Objection>;

	/// The live application of each project key (a salted commitment of the project's
	/// identity): pending, or approved and not withdrawn, in any program. A second application
	/// with the key is refused; this map names the first. Blake2: keys are chosen by
	/// applicants.
	#[pallet::storage]
	pub type Projects<T: Config> = StorageMap<_, Blake2_128Concat, H256, AllocationId>;

	/// The project key of each application that named one (every application since keys
	/// existed).
	#[pallet::storage]
	pub type ApplicationProjects<T: Config> = StorageMap<_, Twox64Concat, AllocationId, H256>;

	/// What was disallowed of each expense (allocation, ledger entry), so that no expense is
	/// disallowed beyond its amount.
	#[pallet::storage]
	pub type Disallowances<T: Config> =
		StorageDoubleMap<_, Twox64Concat, AllocationId, Twox64Concat, u32, Fen>;

	/// Each allocation's repayment obligation, once an expense of it was disallowed.
	#[pallet::storage]
	pub type Obligations<T: Config> = StorageMap<_, Twox64Concat, AllocationId, Obligation>;

	/// What each enterprise still owes back over all its allocations: it applies for no new
	/// funds until it is repaid.
	#[pallet::storage]
	pub type Owed<T: Config> = StorageMap<_, Twox64Concat, OrgId, Fen>;

	/// Each award's agreement (项目任务书): its milestones and performance targets.
	#[pallet::storage]
	pub type Agreements<T: Config> = StorageMap<_, Twox64Concat, AllocationId, Agreement>;

	/// Each award's acceptances and co-funding: what was released for payment and what the
	/// enterprise put in itself (default: nothing yet).
	#[pallet::storage]
	pub type Fundings<T: Config> = StorageMap<_, Twox64Concat, AllocationId, Funding, ValueQuery>;

	/// What each award spent in each category its program caps.
	#[pallet::storage]
	pub type CategorySpent<T: Config> =
		StorageDoubleMap<_, Twox64Concat, AllocationId, Twox64Concat, Category, Fen, ValueQuery>;

	/// The performance evaluations of each award, one per evaluator.
	#[pallet::storage]
	pub type Evaluations<T: Config> =
		StorageDoubleMap<_, Twox64Concat, AllocationId, Twox64Concat, Evaluator, Evaluation>;

	/// How many of each program's awards received money and have no decisive evaluation (the
	/// manager's or a third party's) yet: the program closes only once none is left.
	#[pallet::storage]
	pub type Unevaluated<T: Config> = StorageMap<_, Twox64Concat, ProgramId, u32, ValueQuery>;

	/// The bank holding each enterprise's special account (专户银行), as the enterprise named it.
	#[pallet::storage]
	pub type AccountBanks<T: Config> = StorageMap<_, Twox64Concat, OrgId, OrgId>;

	/// The movements (allocation, ledger entry) a bank is to confirm under bank supervision,
	/// and whether it did.
	#[pallet::storage]
	pub type BankChecks<T: Config> =
		StorageDoubleMap<_, Twox64Concat, AllocationId, Twox64Concat, u32, BankCheck>;

	/// Each bank's worklist: the movements awaiting its confirmation.
	#[pallet::storage]
	pub type AwaitingBank<T: Config> =
		StorageDoubleMap<_, Twox64Concat, OrgId, Twox64Concat, (AllocationId, u32), ()>;

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// A fund manager created a program; its budget is the finance bureau's to appropriate.
		ProgramCreated { program: ProgramId, manager: OrgId, policy: H256 },
		/// The finance bureau appropriated the program's budget, or changed it.
		BudgetChanged { program: ProgramId, budget: Fen },
		/// The program was closed with a final statement.
		ProgramClosed { program: ProgramId, statement: H256 },
		/// An enterprise applied.
		Applied { application: AllocationId, program: ProgramId, applicant: OrgId, requested: Fen },
		/// The application was approved: the allocation of the same id holds `amount`, paid
		/// from `until` on if its publicity ends with every objection answered (`until` is now
		/// for a program without publicity).
		Approved {
			allocation: AllocationId,
			program: ProgramId,
			enterprise: OrgId,
			amount: Fen,
			until: Moment,
		},
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
		/// The member `by` objected to an award during its publicity.
		Objected { allocation: AllocationId, by: OrgId, reason: H256, evidence: H256 },
		/// The fund manager answered `objector`'s objection; upheld, it withdrew the award.
		ObjectionAnswered { allocation: AllocationId, objector: OrgId, answer: H256, upheld: bool },
		/// An upheld objection withdrew the award of `amount`, back in the program's budget.
		AwardWithdrawn { allocation: AllocationId, amount: Fen },
		/// The regulator `by` disallowed `amount` of the expense at ledger entry `entry`: the
		/// enterprise owes it back by `due`.
		ExpenseDisallowed {
			allocation: AllocationId,
			entry: u32,
			amount: Fen,
			by: OrgId,
			reason: H256,
			due: Moment,
		},
		/// The enterprise repaid `amount`; `outstanding` is still owed on the allocation.
		Repaid { allocation: AllocationId, amount: Fen, outstanding: Fen },
		/// The fund manager recorded the award's agreement.
		AgreementRecorded {
			allocation: AllocationId,
			document: H256,
			milestones: u32,
			targets: u32,
		},
		/// The fund manager accepted milestone `milestone` (none: verified spending after the
		/// fact), releasing `amount` for payment.
		Accepted { allocation: AllocationId, milestone: Option<u8>, amount: Fen, report: H256 },
		/// The enterprise put `amount` of its own money into the project.
		Contributed { allocation: AllocationId, amount: Fen, proof: H256 },
		/// The enterprise named the bank holding its special account.
		BankDesignated { enterprise: OrgId, bank: OrgId },
		/// The special account's bank confirmed the movement at ledger entry `entry`.
		BankConfirmed { allocation: AllocationId, entry: u32, bank: OrgId },
		/// `by` evaluated the award's performance.
		Evaluated {
			allocation: AllocationId,
			evaluator: Evaluator,
			by: OrgId,
			score: u8,
			grade: Grade,
			report: H256,
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
		/// The finance bureau has not appropriated the program's budget yet.
		NotAppropriated,
		/// The eligibility is void: no kinds, or a kind that may not apply (an agency), or a
		/// zero cap.
		InvalidEligibility,
		/// The publicity is shorter than the law's [`MIN_PUBLICITY_DAYS`] or longer than
		/// [`MAX_PUBLICITY_DAYS`].
		InvalidPublicity,
		/// The applicant is registered outside the divisions the program is for.
		IneligibleRegion,
		/// The program is not for this kind of organization.
		IneligibleKind,
		/// The applicant lacks a role the program requires.
		MissingRole,
		/// The grant would exceed the program's cap per applicant.
		ExceedsPerApplicant,
		/// Another live application has this project key: `funds.projects(key)` names it.
		DuplicateProject,
		/// The publicity would outlast the program.
		PublicityBeyondEnd,
		/// The award is in its publicity: nothing is paid before `until`.
		InPublicity,
		/// Objections to the award await the fund manager's answer.
		ObjectionsUnanswered,
		/// An upheld objection withdrew the award.
		AwardWithdrawn,
		/// The award is not (or no longer) open to objections: its publicity is over, or the
		/// program has none.
		NotInPublicity,
		/// This organization already objected to the award.
		AlreadyObjected,
		/// The award has the most objections it may hold.
		TooManyObjections,
		/// The recipient and the fund manager do not object to their own award.
		OwnAward,
		/// No objection of this organization to this award.
		ObjectionNotFound,
		/// The objection was already answered.
		AlreadyAnswered,
		/// The ledger entry is not an expense.
		NotAnExpense,
		/// The disallowance would exceed what remains of the expense.
		ExceedsExpense,
		/// A repayment is due in the future.
		InvalidDue,
		/// The repayment exceeds what is owed on the allocation.
		ExceedsOwed,
		/// The enterprise has disallowed money still to repay: `funds.owed` says how much.
		OutstandingRepayment,
		/// The payment rules are void: a co-funding share above 90 %, or a cap on a category
		/// the program does not fund, of 0 or above 100 %, or twice on one category.
		InvalidRules,
		/// The award already has its agreement.
		AgreementExists,
		/// The agreement does not fit the program's payment form: milestones for a program not
		/// paid by milestones, none for one that is, a zero milestone, milestones beyond the
		/// award, or due dates not in the future, in order and before the program ends.
		InvalidAgreement,
		/// The program pays by milestones: the award's agreement comes first.
		NoAgreement,
		/// Money was paid already: the agreement comes before the first payment.
		AlreadyPaid,
		/// The program pays in advance: there is nothing to accept.
		NotStaged,
		/// Every milestone of the agreement was accepted.
		NoMilestoneLeft,
		/// An acceptance releases at most its milestone's tranche.
		ExceedsMilestone,
		/// After the fact, an acceptance releases at most the spending recorded, not disallowed
		/// and not released yet.
		ExceedsVerified,
		/// The tranche exceeds what the advance and the acceptances released.
		ExceedsReleased,
		/// The tranche would take the enterprise's own share below the program's co-funding
		/// ratio: it puts in its own money first (`contribute`).
		CoFundingShort,
		/// The expense would exceed the program's cap on its category.
		ExceedsCategoryCap,
		/// Nothing was paid on the award yet: there is nothing to evaluate.
		NothingPaid,
		/// Only the recipient, the program's manager and the regulators evaluate an award.
		NotEvaluator,
		/// This evaluator already evaluated the award.
		AlreadyEvaluated,
		/// A score is at most 100.
		InvalidScore,
		/// Awards that received money await their manager's or a third party's evaluation:
		/// `funds.unevaluated` counts them.
		EvaluationsMissing,
		/// The program is under bank supervision: the recipient names its special account's
		/// bank first (`designateBank`).
		NoBank,
		/// Only a financial institution member holds a special account.
		NotABank,
		/// A bank does not hold, and confirm, its own special account.
		OwnBank,
		/// No movement of this ledger entry awaits a bank's confirmation.
		NothingToConfirm,
		/// Another bank confirms this movement: the one holding the account when it moved.
		NotTheBank,
		/// The bank already confirmed the movement.
		AlreadyConfirmed,
	}

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// Create a fund program with its guide's terms: who may apply (`eligibility`), from
		/// `apply_from` until `apply_until`; each award published for `publicity_days` (default
		/// and least [`MIN_PUBLICITY_DAYS`]) before it is paid, then paid as `rules` say (in
		/// advance, by milestones or after the fact; the enterprises' own share; category
		/// caps); nothing approved, disbursed or spent from `ends_at` on (dates of on-chain
		/// time). Its budget is zero until the finance bureau appropriates it (`set_budget`).
		///
		/// - Origin: a fund manager (the finance bureau or a managing department), who will
		///   manage it.
		///
		/// Errors: `NoCategories`, `InvalidSchedule`, `InvalidEligibility`, `InvalidPublicity`,
		/// `InvalidRules`, `Overflow`. Events: `ProgramCreated`.
		#[pallet::call_index(0)]
		#[pallet::weight(T::WeightInfo::create_program())]
		pub fn create_program(
			origin: OriginFor<T>,
			policy: H256,
			categories: Categories,
			apply_from: Moment,
			apply_until: Moment,
			ends_at: Moment,
			eligibility: Eligibility,
			publicity_days: Option<u16>,
			rules: PaymentRules,
		) -> DispatchResult {
			let (_, manager) = T::ManagerOrigin::ensure_origin(origin)?;
			let schedule = Schedule { apply_from, apply_until, ends_at };
			Self::do_create_program(
				manager,
				policy,
				categories,
				schedule,
				eligibility,
				publicity_days,
				rules,
			)
		}

		/// Appropriate a program's budget (预算指标) or change it; never below what was
		/// approved. The managing department spends within it and cannot raise it.
		///
		/// - Origin: the finance bureau, whose jurisdiction covers the program's manager.
		///
		/// Errors: `ProgramNotFound`, `OutsideJurisdiction`, `ProgramClosed`, `ZeroAmount`,
		/// `BudgetBelowApproved`. Events: `BudgetChanged`.
		#[pallet::call_index(1)]
		#[pallet::weight(T::WeightInfo::set_budget())]
		pub fn set_budget(origin: OriginFor<T>, program: ProgramId, budget: Fen) -> DispatchResult {
			let (_, finance) = T::FinanceOrigin::ensure_origin(origin)?;
			Self::do_set_budget(finance, program, budget)
		}

		/// Close a program for good with the hash of its final statement. Claw-backs stay
		/// possible afterwards.
		///
		/// - Origin: the program's fund manager, or a regulator.
		///
		/// Errors: `ProgramNotFound`, `NotManager`, `OutsideJurisdiction` (a regulator closes
		/// programs of managers within its jurisdiction), `ProgramClosed`, `EvaluationsMissing`
		/// (every award that received money is evaluated by its manager or a third party
		/// first). Events: `ProgramClosed`.
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

		/// Apply to a program for `requested` fen for the project whose key is `project`: a
		/// salted commitment of the project's identity (`blake2_256(salt ‖ project code)`, the
		/// salt the consortium's, the code the investment project's filing code), the same in
		/// every program, so that one project is funded once.
		///
		/// - Origin: an enterprise (or a financial institution, where the program admits them)
		///   whose special account is not frozen, under no listing that bars funding
		///   (`Standing`).
		///
		/// Errors: `ProgramNotFound`, `ProgramClosed`, `OutsideWindow`, `ZeroAmount`,
		/// `ExceedsBudget`, `IneligibleKind`, `IneligibleRegion`, `MissingRole`,
		/// `ExceedsPerApplicant`, `Frozen`, `ApplicantListed`, `OutstandingRepayment`,
		/// `DuplicateProject` (the first
		/// application is `funds.projects(project)`), `Overflow`. Events: `Applied`.
		#[pallet::call_index(3)]
		#[pallet::weight(T::WeightInfo::apply())]
		pub fn apply(
			origin: OriginFor<T>,
			program: ProgramId,
			requested: Fen,
			document: H256,
			project: H256,
		) -> DispatchResult {
			let (_, applicant) = T::EnterpriseOrigin::ensure_origin(origin)?;
			Self::do_apply(applicant, program, requested, document, project)
		}

		/// Approve an application for `amount` (at most the request): it becomes an
		/// allocation of the same id in the enterprise's special account, published for the
		/// program's publicity days (公示) before it may be paid.
		///
		/// - Origin: the program's fund manager.
		///
		/// Errors: `ApplicationNotFound`, `NotPending`, `NotManager`, `ProgramClosed`,
		/// `ProgramEnded`, `OwnApplication`, `ZeroAmount`, `ExceedsRequest`, `NotAppropriated`,
		/// `ExceedsBudget`, `ExceedsPerApplicant`, `PublicityBeyondEnd`. Events: `Approved`.
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

		/// Record a tranche paid through a bank, with the hash of the transfer reference; only
		/// once the award's publicity is over with every objection answered, within what the
		/// program's payment form released (the advance and accepted milestones; after the
		/// fact, verified spending), and keeping the enterprise's own share at the program's
		/// co-funding ratio.
		///
		/// - Origin: the program's fund manager.
		///
		/// Errors: `AllocationNotFound`, `NotManager`, `ProgramClosed`, `ProgramEnded`,
		/// `AwardWithdrawn`, `InPublicity`, `ObjectionsUnanswered`, `Frozen`, `ZeroAmount`,
		/// `ExceedsApproved`, `NoAgreement`, `ExceedsReleased`, `CoFundingShort`, `Overflow`.
		/// Events: `Disbursed`.
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
		/// amount; it is then locked to this expense. Expenses stay within what was paid — after
		/// the fact, within the award, spent before it is paid — and within the program's cap
		/// on their category.
		///
		/// - Origin: the enterprise holding the allocation.
		///
		/// Errors: `AllocationNotFound`, `NotRecipient`, `ProgramClosed`, `ProgramEnded`,
		/// `Frozen`, `ZeroAmount`, `IneligibleCategory`, `ExceedsDisbursed`, `ExceedsApproved`
		/// (after the fact), `ExceedsCategoryCap`, `Overflow`, and
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

		/// Object to an award during its publicity, with the hashes of the reason and of the
		/// evidence: the award is not paid until the fund manager answers. One objection per
		/// organization and award, at most [`MAX_OBJECTIONS`] an award.
		///
		/// - Origin: any member but the recipient and the program's manager.
		///
		/// Errors: `AllocationNotFound`, `NotInPublicity`, `AwardWithdrawn`, `OwnAward`,
		/// `AlreadyObjected`, `TooManyObjections`. Events: `Objected`.
		#[pallet::call_index(11)]
		#[pallet::weight(T::WeightInfo::object())]
		pub fn object(
			origin: OriginFor<T>,
			allocation: AllocationId,
			reason: H256,
			evidence: H256,
		) -> DispatchResult {
			let (_, objector) = T::ObjectorOrigin::ensure_origin(origin)?;
			Self::do_object(objector, allocation, reason, evidence)
		}

		/// Answer `objector`'s objection to an award, with the hash of the answer; `upheld`
		/// withdraws the award (nothing was paid yet), its amount back in the budget.
		///
		/// - Origin: the program's fund manager.
		///
		/// Errors: `AllocationNotFound`, `NotManager`, `ProgramClosed`, `ObjectionNotFound`,
		/// `AlreadyAnswered`. Events: `ObjectionAnswered`, and `AwardWithdrawn` when upheld.
		#[pallet::call_index(12)]
		#[pallet::weight(T::WeightInfo::answer_objection())]
		pub fn answer_objection(
			origin: OriginFor<T>,
			allocation: AllocationId,
			objector: OrgId,
			answer: H256,
			upheld: bool,
		) -> DispatchResult {
			let (_, manager) = T::ManagerOrigin::ensure_origin(origin)?;
			Self::do_answer_objection(manager, allocation, objector, answer, upheld)
		}

		/// Disallow `amount` of the expense at ledger entry `entry` of an allocation (an audit
		/// finding: ineligible, unjustified, or its invoice reduced by a red invoice): spent
		/// money becomes a repayment obligation due by `due`, tracked until repaid, and the
		/// enterprise applies for no new funds meanwhile. Also after the program closed. Misuse
		/// is penalized through a supervision case (`FundMisuse`), whose listing bars funding.
		///
		/// - Origin: a regulator (the finance bureau or an auditor) whose jurisdiction covers
		///   the enterprise.
		///
		/// Errors: `AllocationNotFound`, `OutsideJurisdiction`, `NotAnExpense`, `ZeroAmount`,
		/// `ExceedsExpense`, `InvalidDue`, `Overflow`. Events: `ExpenseDisallowed`.
		#[pallet::call_index(13)]
		#[pallet::weight(T::WeightInfo::disallow())]
		pub fn disallow(
			origin: OriginFor<T>,
			allocation: AllocationId,
			entry: u32,
			amount: Fen,
			reason: H256,
			due: Moment,
		) -> DispatchResult {
			let (_, regulator) = T::RegulatorOrigin::ensure_origin(origin)?;
			Self::do_disallow(regulator, allocation, entry, amount, reason, due)
		}

		/// Record money the enterprise repaid on a disallowance, with the hash of the bank
		/// transfer. Also after the program closed.
		///
		/// - Origin: the program's fund manager.
		///
		/// Errors: `AllocationNotFound`, `NotManager`, `ZeroAmount`, `ExceedsOwed`, `Overflow`.
		/// Events: `Repaid`.
		#[pallet::call_index(14)]
		#[pallet::weight(T::WeightInfo::record_repayment())]
		pub fn record_repayment(
			origin: OriginFor<T>,
			allocation: AllocationId,
			amount: Fen,
			transfer: H256,
		) -> DispatchResult {
			let (_, manager) = T::ManagerOrigin::ensure_origin(origin)?;
			Self::do_record_repayment(manager, allocation, amount, transfer)
		}

		/// Record an award's agreement (项目任务书), with the hash of the signed document: its
		/// milestones (a program paid by milestones needs at least one; the others none), their
		/// tranches summing to at most the award — the rest is the advance — and due in order
		/// before the program ends,
		/// and its performance targets, which the evaluations grade. Once, after the publicity
		/// and before the first payment.
		///
		/// - Origin: the program's fund manager.
		///
		/// Errors: `AllocationNotFound`, `NotManager`, `ProgramClosed`, `AwardWithdrawn`,
		/// `InPublicity`, `ObjectionsUnanswered`, `AgreementExists`, `AlreadyPaid`,
		/// `InvalidAgreement`, `Overflow`. Events: `AgreementRecorded`.
		#[pallet::call_index(15)]
		#[pallet::weight(T::WeightInfo::record_agreement())]
		pub fn record_agreement(
			origin: OriginFor<T>,
			allocation: AllocationId,
			document: H256,
			milestones: BoundedVec<Milestone, MaxMilestones>,
			targets: BoundedVec<Target, MaxTargets>,
		) -> DispatchResult {
			let (_, manager) = T::ManagerOrigin::ensure_origin(origin)?;
			let agreement = Agreement { document, milestones, targets };
			Self::do_record_agreement(manager, allocation, agreement)
		}

		/// Accept (验收) the award's next milestone with the hash of the acceptance report,
		/// releasing `amount` — at most its tranche, less for a milestone met in part — for
		/// payment; after the fact, verify spending the enterprise recorded, releasing `amount`
		/// of it (at most what is recorded, not disallowed and not yet released).
		///
		/// - Origin: the program's fund manager.
		///
		/// Errors: `AllocationNotFound`, `NotManager`, `ProgramClosed`, `ProgramEnded`,
		/// `AwardWithdrawn`, `InPublicity`, `ObjectionsUnanswered`, `ZeroAmount`, `NotStaged`,
		/// `NoAgreement`, `NoMilestoneLeft`, `ExceedsMilestone`, `ExceedsVerified`,
		/// `ExceedsApproved`, `Overflow`. Events: `Accepted`.
		#[pallet::call_index(16)]
		#[pallet::weight(T::WeightInfo::accept())]
		pub fn accept(
			origin: OriginFor<T>,
			allocation: AllocationId,
			amount: Fen,
			report: H256,
		) -> DispatchResult {
			let (_, manager) = T::ManagerOrigin::ensure_origin(origin)?;
			Self::do_accept(manager, allocation, amount, report)
		}

		/// Record the enterprise's own money put into the project (co-funding), with the hash
		/// of the bank voucher: tranches are paid only while its share stays at the program's
		/// co-funding ratio.
		///
		/// - Origin: the enterprise holding the allocation.
		///
		/// Errors: `AllocationNotFound`, `NotRecipient`, `ProgramClosed`, `ProgramEnded`,
		/// `AwardWithdrawn`, `ZeroAmount`, `Overflow`. Events: `Contributed`.
		#[pallet::call_index(17)]
		#[pallet::weight(T::WeightInfo::contribute())]
		pub fn contribute(
			origin: OriginFor<T>,
			allocation: AllocationId,
			amount: Fen,
			proof: H256,
		) -> DispatchResult {
			let (_, enterprise) = T::EnterpriseOrigin::ensure_origin(origin)?;
			Self::do_contribute(enterprise, allocation, amount, proof)
		}

		/// Evaluate the award's performance (绩效评价) against its targets: a score of 0–100
		/// (graded 优/良/中/差 by the finance ministry's bands) and the hash of the report.
		/// The recipient evaluates itself; the program's manager, and a regulator (the finance
		/// bureau or the audit office, within its jurisdiction, as a third party) evaluate it;
		/// once each, after money was paid. The program closes only once every paid award has
		/// its manager's or a third party's evaluation. Results are public.
		///
		/// - Origin: the recipient, the program's fund manager, or a regulator.
		///
		/// Errors: `AllocationNotFound`, `NotEvaluator`, `OutsideJurisdiction`, `InvalidScore`,
		/// `NothingPaid`, `AlreadyEvaluated`. Events: `Evaluated`.
		#[pallet::call_index(18)]
		#[pallet::weight(T::WeightInfo::evaluate())]
		pub fn evaluate(
			origin: OriginFor<T>,
			allocation: AllocationId,
			score: u8,
			report: H256,
		) -> DispatchResult {
			let org = |o: Result<(T::AccountId, OrgId), _>| o.ok().map(|(_, org)| org);
			let evaluators = crate::impls::Evaluators {
				enterprise: org(T::EnterpriseOrigin::try_origin(origin.clone())),
				manager: org(T::ManagerOrigin::try_origin(origin.clone())),
				regulator: org(T::RegulatorOrigin::try_origin(origin.clone())),
			};
			if evaluators.is_empty() {
				return Err(DispatchError::BadOrigin);
			}
			Self::do_evaluate(evaluators, allocation, score, report)
		}

		/// Name the bank holding the enterprise's special account (专户银行), a financial
		/// institution member: under a program's bank supervision it confirms the tranches
		/// received, the own money, the repayments and the large expenses. Movements recorded
		/// from now on await this bank; those before, the bank named then.
		///
		/// - Origin: an enterprise (or a financial institution applying to programs).
		///
		/// Errors: `OwnBank`, `NotABank`. Events: `BankDesignated`.
		#[pallet::call_index(19)]
		#[pallet::weight(T::WeightInfo::designate_bank())]
		pub fn designate_bank(origin: OriginFor<T>, bank: OrgId) -> DispatchResult {
			let (_, enterprise) = T::EnterpriseOrigin::ensure_origin(origin)?;
			Self::do_designate_bank(enterprise, bank)
		}

		/// Confirm a movement of a special account the bank holds (the ledger entry `entry` of
		/// `allocation`): the tranche arrived, the own money was paid in, the repayment or the
		/// expense left the account. Statements show what is bank-confirmed.
		///
		/// - Origin: the bank the movement awaits.
		///
		/// Errors: `NothingToConfirm`, `NotTheBank`, `AlreadyConfirmed`, `Overflow`.
		/// Events: `BankConfirmed`.
		#[pallet::call_index(20)]
		#[pallet::weight(T::WeightInfo::confirm_movement())]
		pub fn confirm_movement(
			origin: OriginFor<T>,
			allocation: AllocationId,
			entry: u32,
		) -> DispatchResult {
			let (_, bank) = T::BankOrigin::ensure_origin(origin)?;
			Self::do_confirm_movement(bank, allocation, entry)
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
