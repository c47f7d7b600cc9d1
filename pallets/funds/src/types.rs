//! The special funds' stored types.

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use regchain_primitives::{Fen, InvoiceRef, OrgId};
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
