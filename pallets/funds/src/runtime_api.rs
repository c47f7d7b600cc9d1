//! The special funds' runtime API: statements for enterprises, fund managers and auditors.
//! Polkadot.js exposes it as `api.call.fundsApi.*` from the runtime metadata.

use crate::types::{
	Agreement, Allocation, AllocationId, Award, BankCheck, Evaluation, Evaluator, Funding,
	LedgerEntry, Objection, Obligation, Program, ProgramId, Terms,
};
use alloc::vec::Vec;
use regchain_primitives::{time::Moment, OrgId};

sp_api::decl_runtime_apis! {
	/// Queries over the special funds. Version 2: programs' windows and ledger entries are
	/// dated in on-chain time. Version 3 lists the frozen allocations and special accounts (an
	/// allocation no longer carries a `frozen` flag). Version 4 publishes a program's awards
	/// with their publicity, and answers an award's objections and an allocation's repayment
	/// obligation. Version 5 adds to each award its spending, the enterprise's own money and
	/// its decisive evaluation, lists an enterprise's awards, and answers an award's
	/// agreement, acceptances and evaluations, and the bank checks of special accounts.
	#[api_version(5)]
	pub trait FundsApi {
		/// An enterprise's statement across all its funds: up to `limit` (at most 100) of the
		/// allocations in its special account, after `start_after`.
		fn enterprise_statement(
			org: OrgId,
			start_after: Option<AllocationId>,
			limit: u32,
		) -> Vec<(AllocationId, Allocation)>;
		/// A program's statement: the program with its totals and up to `limit` (at most 100)
		/// of its allocations, after `start_after`.
		fn program_statement(
			program: ProgramId,
			start_after: Option<AllocationId>,
			limit: u32,
		) -> Option<(Program<Moment>, Vec<(AllocationId, Allocation)>)>;
		/// An allocation's full history: the allocation and up to `limit` (at most 100) entries
		/// of its ledger from entry `from` on.
		fn allocation_history(
			allocation: AllocationId,
			from: u32,
			limit: u32,
		) -> Option<(Allocation, Vec<LedgerEntry<Moment>>)>;
		/// Up to `limit` (at most 100) of the frozen allocations, each with its enterprise and
		/// its freeze, after `start_after` (the last of the previous page), in storage order.
		fn frozen_allocations(
			start_after: Option<AllocationId>,
			limit: u32,
		) -> Vec<regchain_primitives::FrozenRecord>;
		/// Up to `limit` (at most 100) of the frozen special accounts (the record id is the
		/// organization's), after `start_after`, in storage order.
		fn frozen_accounts(start_after: Option<OrgId>, limit: u32) -> Vec<regchain_primitives::FrozenRecord>;
		/// A program as published (公示): the program, its terms (eligibility, publicity days;
		/// `None` for a program created before terms existed) and up to `limit` (at most 100)
		/// of its awards after `start_after` — recipient, granted, paid, publicity.
		fn program_awards(
			program: ProgramId,
			start_after: Option<AllocationId>,
			limit: u32,
		) -> Option<(Program<Moment>, Option<Terms>, Vec<Award>)>;
		/// The objections to an award (at most 16), each with its objector and the fund
		/// manager's answer once given.
		fn objections(allocation: AllocationId) -> Vec<(OrgId, Objection)>;
		/// What the enterprise owes back on an allocation (disallowed expenses, repaid, due),
		/// if any expense of it was disallowed.
		fn obligation(allocation: AllocationId) -> Option<Obligation>;
		/// Up to `limit` (at most 100) of an enterprise's awards after `start_after`, each with
		/// its program: what it was granted, paid and spent, its own money and evaluation.
		fn enterprise_awards(
			org: OrgId,
			start_after: Option<AllocationId>,
			limit: u32,
		) -> Vec<(ProgramId, Award)>;
		/// An award's agreement (milestones, performance targets; `None` until recorded), what
		/// acceptances released and the enterprise put in, and its evaluations.
		fn award_progress(
			allocation: AllocationId,
		) -> Option<(Option<Agreement>, Funding, Vec<(Evaluator, Evaluation)>)>;
		/// Up to `limit` (at most 100) of the movements awaiting `bank`'s confirmation, after
		/// `start_after`, each with its ledger entry.
		fn bank_worklist(
			bank: OrgId,
			start_after: Option<(AllocationId, u32)>,
			limit: u32,
		) -> Vec<(AllocationId, u32, LedgerEntry<Moment>)>;
		/// The bank checks of an allocation's ledger entries from `from` (up to `limit`, at
		/// most 100, entries read): which bank confirms each, and when it did.
		fn bank_checks(allocation: AllocationId, from: u32, limit: u32) -> Vec<(u32, BankCheck)>;
	}
}
