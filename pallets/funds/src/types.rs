//! The special funds' stored types.

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use frame_support::{traits::ConstU32, BoundedVec};
use regchain_primitives::{
	time::Moment, Division, Fen, InvoiceRef, OrgId, OrgKind, OrgKinds, Roles,
};
use scale_info::TypeInfo;
use sp_core::H256;

/// Identifies a fund program; allocated by the chain from 0, never reused.
pub type ProgramId = u32;
/// Identifies an application and, once approved, the allocation it became.
pub type AllocationId = u32;
/// A spending category (equipment, R&D, training …), numbered 0–31 by the fund managers'
/// published catalogue; the chain only checks that a program lists it.
pub type Category = u8;

/// The spending categories a program funds, as a bit set of 32.
#[derive(
	Clone,
	Copy,
	Default,
	PartialEq,
	Eq,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	Debug,
)]
pub struct Categories(pub u32);

impl Categories {
	/// Whether `category` is in the set (categories beyond 31 never are).
	pub fn contains(&self, category: Category) -> bool {
		1u32.checked_shl(category.into()).is_some_and(|bit| self.0 & bit != 0)
	}
}

/// Whether a program still takes applications, approvals, disbursements and expenses.
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	Debug,
)]
pub enum ProgramStatus {
	/// Running (until its end date for disbursements and expenses).
	Open,
	/// Closed for good; only claw-backs remain possible.
	Closed {
		/// Hash of the final statement.
		statement: H256,
	},
}

/// A fund program (专项资金项目). Its four totals are the sums of its allocations'.
#[derive(
	Clone, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, Debug,
)]
pub struct Program<Time> {
	/// The fund manager's organization; only it approves and disburses.
	pub manager: OrgId,
	/// Hash of the policy document.
	pub policy: H256,
	/// The budget, in fen; approvals never exceed it.
	pub budget: Fen,
	/// The categories expenses may be booked in.
	pub categories: Categories,
	/// When applications open.
	pub apply_from: Time,
	/// When applications close: none is accepted from then on.
	pub apply_until: Time,
	/// When the program ends: no approval, disbursement or expense is accepted from then on.
	pub ends_at: Time,
	/// Open or closed.
	pub status: ProgramStatus,
	/// Sum of the allocations' approved amounts.
	pub approved: Fen,
	/// Sum of their disbursements.
	pub disbursed: Fen,
	/// Sum of their expenses.
	pub spent: Fen,
	/// Sum of what was clawed back from them.
	pub clawed_back: Fen,
}

/// Where an application stands.
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	Debug,
)]
pub enum ApplicationStatus {
	/// Awaiting the fund manager.
	Pending,
	/// Approved: the allocation of the same id exists.
	Approved,
	/// Rejected.
	Rejected {
		/// Hash of the reason.
		reason: H256,
	},
}

/// An enterprise's application to a program.
#[derive(
	Clone, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, Debug,
)]
pub struct Application {
	/// The program applied to.
	pub program: ProgramId,
	/// The applying enterprise.
	pub applicant: OrgId,
	/// The amount asked for, in fen.
	pub requested: Fen,
	/// Hash of the application document.
	pub document: H256,
	/// Where it stands.
	pub status: ApplicationStatus,
}

/// Money one program granted one enterprise, tracked on its own in the enterprise's special
/// account. Invariant: `spent + clawed_back ≤ disbursed ≤ approved`.
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	Debug,
)]
pub struct Allocation {
	/// The program.
	pub program: ProgramId,
	/// The enterprise.
	pub enterprise: OrgId,
	/// Approved, in fen.
	pub approved: Fen,
	/// Disbursed so far.
	pub disbursed: Fen,
	/// Spent so far, as recorded expenses.
	pub spent: Fen,
	/// Unspent money clawed back by regulators.
	pub clawed_back: Fen,
	/// How many entries its ledger has.
	pub entries: u32,
}

impl Allocation {
	/// Disbursed money neither spent nor clawed back.
	pub fn unspent(&self) -> Option<Fen> {
		self.disbursed.checked_sub(self.spent)?.checked_sub(self.clawed_back)
	}
}

/// One movement of an allocation; its ledger of movements rebuilds its whole history.
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	Debug,
)]
pub enum Movement {
	/// The fund manager approved the amount.
	Approved {
		/// In fen.
		amount: Fen,
	},
	/// The fund manager disbursed a tranche through a bank.
	Disbursed {
		/// In fen.
		amount: Fen,
		/// Hash of the bank-transfer reference.
		transfer: H256,
	},
	/// The enterprise booked an expense.
	Spent {
		/// In fen.
		amount: Fen,
		/// An eligible category of the program.
		category: Category,
		/// Hash of the counterparty's identity (confidential).
		counterparty: H256,
		/// Hash of the expense's documents (contract, voucher …), kept off chain.
		document: H256,
		/// The on-chain invoice justifying it, now locked to this expense.
		invoice: Option<InvoiceRef>,
	},
	/// A regulator clawed back unspent money.
	ClawedBack {
		/// In fen.
		amount: Fen,
		/// Hash of the reason.
		reason: H256,
	},
	/// A regulator froze the allocation.
	Frozen,
	/// A regulator unfroze it.
	Unfrozen,
	/// The fund manager upheld an objection during the award's publicity: the award is
	/// withdrawn before any money moved, its amount back in the program's budget.
	Withdrawn {
		/// The amount that had been approved, in fen.
		amount: Fen,
		/// Hash of the manager's answer to the objection.
		reason: H256,
	},
	/// An auditor or the finance bureau disallowed (part of) a recorded expense: spent money
	/// the enterprise owes back.
	Disallowed {
		/// The ledger entry of the expense.
		entry: u32,
		/// In fen.
		amount: Fen,
		/// Hash of the audit finding.
		reason: H256,
	},
	/// The enterprise repaid disallowed money through its bank, as the fund manager recorded.
	Repaid {
		/// In fen.
		amount: Fen,
		/// Hash of the bank-transfer reference.
		transfer: H256,
	},
	/// The fund manager accepted (验收) a milestone, or verified spending after the fact,
	/// releasing `amount` for payment.
	Accepted {
		/// Released, in fen.
		amount: Fen,
		/// Hash of the acceptance report.
		report: H256,
	},
	/// The enterprise put its own money into the project (co-funding).
	Contributed {
		/// In fen.
		amount: Fen,
		/// Hash of the bank voucher proving it.
		proof: H256,
	},
}

/// A ledger entry: a movement and when it happened.
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	Debug,
)]
pub struct LedgerEntry<Time> {
	/// When it moved.
	pub at: Time,
	/// What moved.
	pub movement: Movement,
}

/// What a regulator freezes: one allocation, or an enterprise's whole special account.
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	Debug,
)]
pub enum FreezeTarget {
	/// One allocation.
	Allocation(AllocationId),
	/// Every allocation of an organization.
	Account(OrgId),
}

/// How many divisions a program's eligibility may name.
pub type MaxRegions = ConstU32<8>;

/// Who may apply to a program (申报条件), as its guide states them; `apply` checks each and
/// names the one that fails.
#[derive(
	Clone, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, Debug,
)]
pub struct Eligibility {
	/// The divisions applicants must be registered in (a district's program names its
	/// district; a city's, the city), each covering the divisions within it; none: anywhere.
	pub regions: BoundedVec<Division, MaxRegions>,
	/// The kinds of organizations that may apply: enterprises, and financial institutions for
	/// the programs that pay banks (loan risk compensation); never agencies.
	pub kinds: OrgKinds,
	/// Roles every applicant must hold (a manufacturing upgrade program asks for
	/// `Manufacturer`).
	pub roles: Roles,
	/// The most one applicant may be granted in the program, over all its applications, in
	/// fen (单个企业资助上限); `None`: the budget alone limits it.
	pub max_per_applicant: Option<Fen>,
}

impl Eligibility {
	/// Any enterprise, anywhere, without a cap: the terms of programs created before
	/// eligibility existed.
	pub fn any_enterprise() -> Self {
		Eligibility {
			regions: Default::default(),
			kinds: OrgKinds::of(&[OrgKind::Enterprise]),
			roles: Roles::default(),
			max_per_applicant: None,
		}
	}
}

/// A program's terms beyond its ledger: who may apply, how long an award is published
/// before money moves, and how it is paid. Kept beside the program (`ProgramTerms`); a
/// program created before they existed has none and reads as [`Eligibility::any_enterprise`]
/// without publicity, paid in advance.
#[derive(
	Clone, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, Debug,
)]
pub struct Terms {
	/// Who may apply.
	pub eligibility: Eligibility,
	/// How many days each award is published (公示) before it may be paid.
	pub publicity_days: u16,
	/// How awards are paid, the enterprises' own share and the category caps.
	pub rules: PaymentRules,
}

/// How a program pays its awards (拨付方式), as its guide states it.
#[derive(
	Clone,
	Copy,
	Default,
	PartialEq,
	Eq,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	Debug,
)]
pub enum PaymentForm {
	/// In advance (事前拨付): tranches up to the award once its publicity is over; expenses
	/// never exceed what was paid.
	#[default]
	Advance,
	/// By milestones (按进度拨付): the award's agreement splits part of it into milestones;
	/// the rest is the advance, and each milestone's tranche is released by the fund
	/// manager's acceptance (验收) of it, in order.
	Milestones,
	/// After the fact (事后补助): the enterprise spends first and records its spending; the
	/// fund manager's acceptance verifies it, releasing the grant against verified spending.
	AfterTheFact,
}

/// The most category caps a program sets.
pub type MaxCaps = ConstU32<8>;

/// A cap on one spending category: at most `percent` of each award is spent in it (e.g.
/// indirect costs ≤ 10 %).
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	Debug,
)]
pub struct CategoryCap {
	/// The capped category, one of the program's.
	pub category: Category,
	/// The most of an award spent in it, 1–100 %.
	pub percent: u8,
}

/// How a program's awards are paid and spent.
#[derive(
	Clone,
	Default,
	PartialEq,
	Eq,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	Debug,
)]
pub struct PaymentRules {
	/// Advance, milestones or after the fact.
	pub payment: PaymentForm,
	/// The least share of the project's funding the enterprise puts in itself (企业自筹比例),
	/// in percent of its own money plus the grant paid: 50 is one-to-one matching; 0, none.
	/// No tranche is paid that would take the share below it. At most 90.
	pub co_funding: u8,
	/// Caps on categories, one per category.
	pub caps: BoundedVec<CategoryCap, MaxCaps>,
	/// Bank supervision (专户银行监管): the recipients' special-account banks confirm every
	/// tranche received, the enterprises' own money and repayments, and expenses of at least
	/// this amount (fen); the recipient names its bank before money moves. `None`: no bank
	/// confirms.
	pub bank_confirms_from: Option<Fen>,
}

/// The most milestones an award's agreement has.
pub type MaxMilestones = ConstU32<8>;

/// The most performance targets an award's agreement sets.
pub type MaxTargets = ConstU32<8>;

/// A milestone of an award's agreement: the tranche its acceptance releases, and when it is
/// due.
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	Debug,
)]
pub struct Milestone {
	/// The tranche, in fen.
	pub amount: Fen,
	/// When the milestone is due (on-chain time).
	pub due: Moment,
}

/// A performance target (绩效目标): an indicator of the program's catalogue (the hash of its
/// definition, e.g. "new jobs", "output value") and the value to reach, in the indicator's
/// unit.
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	Debug,
)]
pub struct Target {
	/// Hash of the indicator's definition.
	pub indicator: H256,
	/// The value to reach.
	pub value: u64,
}

/// An award's agreement (项目任务书), recorded by the fund manager after the publicity and
/// before the first payment: its milestones (programs paid by milestones) and performance
/// targets, which the evaluations grade.
#[derive(
	Clone, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, Debug,
)]
pub struct Agreement {
	/// Hash of the signed agreement.
	pub document: H256,
	/// The milestones, in order; their sum at most the award, the rest the advance.
	pub milestones: BoundedVec<Milestone, MaxMilestones>,
	/// The performance targets.
	pub targets: BoundedVec<Target, MaxTargets>,
}

/// An award's money beyond the ledger's totals: what acceptances released and what the
/// enterprise put in itself.
#[derive(
	Clone,
	Copy,
	Default,
	PartialEq,
	Eq,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	Debug,
)]
pub struct Funding {
	/// How many milestones were accepted.
	pub accepted: u8,
	/// What acceptances released for payment (milestones' tranches, or verified spending
	/// after the fact), in fen.
	pub released: Fen,
	/// The enterprise's own money put into the project (自筹资金), in fen.
	pub own: Fen,
	/// How many movements await the special-account bank's confirmation.
	pub awaiting_bank: u32,
	/// What of the tranches paid the bank confirmed it received, in fen.
	pub confirmed: Fen,
}

/// A movement of a special account the account's bank is to confirm, and whether it did.
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	Debug,
)]
pub struct BankCheck {
	/// The bank holding the special account when the movement was recorded.
	pub bank: OrgId,
	/// When it confirmed the movement; `None` while it has not.
	pub confirmed: Option<Moment>,
}

/// Who evaluates an award's performance (绩效评价).
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	PartialOrd,
	Ord,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	Debug,
)]
pub enum Evaluator {
	/// The enterprise's self-evaluation (绩效自评).
	Recipient,
	/// The managing department's evaluation.
	Manager,
	/// The finance bureau's or the audit office's evaluation (重点绩效评价, often carried out
	/// for them by a commissioned firm): a third party to the award.
	ThirdParty,
}

/// The grades of a performance evaluation, by score as the finance ministry's rules set them:
/// 优 90 and above, 良 80–89, 中 60–79, 差 below 60.
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	Debug,
)]
pub enum Grade {
	/// 优: 90–100.
	Excellent,
	/// 良: 80–89.
	Good,
	/// 中: 60–79.
	Fair,
	/// 差: below 60.
	Poor,
}

impl Grade {
	/// The grade of a score (0–100).
	pub fn of(score: u8) -> Grade {
		match score {
			90.. => Grade::Excellent,
			80..=89 => Grade::Good,
			60..=79 => Grade::Fair,
			_ => Grade::Poor,
		}
	}
}

/// A performance evaluation of an award against its targets: public, per program and per
/// enterprise.
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	Debug,
)]
pub struct Evaluation {
	/// The evaluating organization.
	pub by: OrgId,
	/// The score, 0–100.
	pub score: u8,
	/// Its grade, from the score.
	pub grade: Grade,
	/// Hash of the evaluation report.
	pub report: H256,
	/// When it was recorded.
	pub at: Moment,
}

/// An award's publicity (公示): published until `until`, when members — and the public
/// through the gateway — may object; paid only once it is over with every objection answered.
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	Debug,
)]
pub struct Publicity {
	/// When the publicity window ends (on-chain time): objections are accepted before it,
	/// disbursements from it on.
	pub until: Moment,
	/// How many members objected.
	pub objections: u16,
	/// How many of those objections the fund manager has not answered yet.
	pub unanswered: u16,
	/// Whether an upheld objection withdrew the award.
	pub withdrawn: bool,
}

/// The fund manager's answer to an objection.
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	Debug,
)]
pub struct ObjectionAnswer {
	/// Hash of the answer (published with the award's outcome; the text stays off chain).
	pub answer: H256,
	/// Whether the objection was upheld, withdrawing the award.
	pub upheld: bool,
	/// When it was answered.
	pub at: Moment,
}

/// A member's objection to an award during its publicity.
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	Debug,
)]
pub struct Objection {
	/// Hash of the reason.
	pub reason: H256,
	/// Hash of the evidence, kept off chain by the objector for the manager and auditors.
	pub evidence: H256,
	/// When it was raised.
	pub at: Moment,
	/// The manager's answer, once given.
	pub answer: Option<ObjectionAnswer>,
}

/// What an enterprise owes back on an allocation: disallowed expenses, less what it repaid,
/// due by `due`. Kept until repaid in full (and after, for the record).
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	Debug,
)]
pub struct Obligation {
	/// The enterprise that owes.
	pub enterprise: OrgId,
	/// Disallowed so far, in fen.
	pub disallowed: Fen,
	/// Repaid so far.
	pub repaid: Fen,
	/// When the latest disallowance is to be repaid by (on-chain time): an obligation unpaid
	/// after it is overdue, for the agencies to act on (a case for fund misuse).
	pub due: Moment,
}

impl Obligation {
	/// What is still owed.
	pub fn outstanding(&self) -> Fen {
		self.disallowed.saturating_sub(self.repaid)
	}
}

/// An award as the public sees it (公示): who was granted how much, what was paid, and where
/// its publicity stands — not the enterprise's business details (the ledger's counterparties
/// and documents stay with the agencies).
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	Debug,
)]
pub struct Award {
	/// The allocation.
	pub allocation: AllocationId,
	/// The recipient.
	pub enterprise: OrgId,
	/// Granted (zero once withdrawn).
	pub approved: Fen,
	/// Paid so far.
	pub disbursed: Fen,
	/// Its publicity: `None` for an award of a program created before publicity existed.
	pub publicity: Option<Publicity>,
	/// Spent so far, as recorded expenses (after the fact: spending before payment).
	pub spent: Fen,
	/// The enterprise's own money put in (co-funding).
	pub own: Fen,
	/// What of the paid tranches the special account's bank confirmed it received.
	pub confirmed: Fen,
	/// The decisive performance evaluation: the third party's, else the manager's.
	pub evaluation: Option<Evaluation>,
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn grades_follow_the_scores_bands() {
		assert_eq!(Grade::of(100), Grade::Excellent);
		assert_eq!(Grade::of(90), Grade::Excellent);
		assert_eq!(Grade::of(89), Grade::Good);
		assert_eq!(Grade::of(80), Grade::Good);
		assert_eq!(Grade::of(79), Grade::Fair);
		assert_eq!(Grade::of(60), Grade::Fair);
		assert_eq!(Grade::of(59), Grade::Poor);
		assert_eq!(Grade::of(0), Grade::Poor);
	}

	#[test]
	fn categories_are_a_bit_set_of_32() {
		let set = Categories(0b1010);
		assert!(set.contains(1) && set.contains(3));
		assert!(!set.contains(0) && !set.contains(2));
		assert!(Categories(u32::MAX).contains(31));
		assert!(!Categories(u32::MAX).contains(32));
		assert!(!Categories(u32::MAX).contains(255));
	}

	#[test]
	fn unspent_is_what_was_disbursed_and_neither_spent_nor_clawed_back() {
		let a = Allocation {
			program: 0,
			enterprise: 1,
			approved: 100,
			disbursed: 80,
			spent: 30,
			clawed_back: 20,
			entries: 0,
		};
		assert_eq!(a.unspent(), Some(30));
		assert_eq!(Allocation { spent: 81, ..a }.unspent(), None);
	}
}
