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

/// A program's terms beyond its ledger: who may apply and how long an award is published
/// before money moves. Kept beside the program (`ProgramTerms`); a program created before
/// they existed has none and reads as [`Eligibility::any_enterprise`] without publicity.
#[derive(
	Clone, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, Debug,
)]
pub struct Terms {
	/// Who may apply.
	pub eligibility: Eligibility,
	/// How many days each award is published (公示) before it may be paid.
	pub publicity_days: u16,
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
}

#[cfg(test)]
mod tests {
	use super::*;

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
