//! The storage invariants (`try_state`).

use super::*;

impl<T: Config> Pallet<T> {
	/// The storage invariants of the module doc; run after every test and by `try-runtime`.
	pub fn do_try_state() -> Result<(), sp_runtime::TryRuntimeError> {
		Freezes::<AllocationRecords<T>>::check()?;
		Freezes::<AccountRecords<T>>::check()?;
		let mut sums: BTreeMap<ProgramId, [Fen; 4]> = BTreeMap::new();
		let mut owed: BTreeMap<OrgId, Fen> = BTreeMap::new();
		let mut unevaluated: BTreeMap<ProgramId, u32> = BTreeMap::new();
		for (id, allocation) in Allocations::<T>::iter() {
			let mut totals = [0 as Fen; 4];
			let mut withdrawn: Fen = 0;
			let mut frozen = false;
			let publicity = Publicities::<T>::get(id);
			let mut disallowed: BTreeMap<u32, Fen> = BTreeMap::new();
			let mut repaid: Fen = 0;
			let mut paid = Paid::default();
			for index in 0..allocation.entries {
				let entry = Ledger::<T>::get(id, index).ok_or("a ledger entry is missing")?;
				let (slot, amount) = match entry.movement {
					Movement::Approved { amount } => (0, amount),
					Movement::Disbursed { amount, .. } => {
						ensure!(
							publicity.is_none_or(|p| entry.at >= p.until),
							"money moved before the award's publicity ended"
						);
						(1, amount)
					},
					Movement::Spent { amount, category, .. } => {
						let sum = paid.by_category.entry(category).or_default();
						*sum = sum.checked_add(amount).ok_or("ledger overflow")?;
						(2, amount)
					},
					Movement::Accepted { amount, .. } => {
						paid.released =
							paid.released.checked_add(amount).ok_or("ledger overflow")?;
						paid.acceptances += 1;
						continue;
					},
					Movement::Contributed { amount, .. } => {
						paid.own = paid.own.checked_add(amount).ok_or("ledger overflow")?;
						continue;
					},
					Movement::ClawedBack { amount, .. } => (3, amount),
					Movement::Withdrawn { amount, .. } => {
						withdrawn = withdrawn.checked_add(amount).ok_or("ledger overflow")?;
						continue;
					},
					Movement::Disallowed { entry: expense, amount, .. } => {
						let sum = disallowed.entry(expense).or_default();
						*sum = sum.checked_add(amount).ok_or("ledger overflow")?;
						continue;
					},
					Movement::Repaid { amount, .. } => {
						repaid = repaid.checked_add(amount).ok_or("ledger overflow")?;
						continue;
					},
					Movement::Frozen | Movement::Unfrozen => {
						frozen = entry.movement == Movement::Frozen;
						continue;
					},
				};
				totals[slot] = totals[slot].checked_add(amount).ok_or("ledger overflow")?;
			}
			totals[0] = totals[0].checked_sub(withdrawn).ok_or("withdrawn more than approved")?;
			Self::check_publicity(id, &allocation, publicity, withdrawn)?;
			let outstanding = Self::check_obligation(id, &allocation, disallowed, repaid)?;
			if outstanding > 0 {
				let sum = owed.entry(allocation.enterprise).or_default();
				*sum = sum.checked_add(outstanding).ok_or("owed overflow")?;
			}
			ensure!(
				Ledger::<T>::get(id, allocation.entries).is_none(),
				"a ledger entry beyond the count"
			);
			ensure!(
				totals
					== [
						allocation.approved,
						allocation.disbursed,
						allocation.spent,
						allocation.clawed_back
					],
				"allocation totals differ from its ledger"
			);
			ensure!(
				frozen == FrozenAllocations::<T>::contains_key(id),
				"an allocation's freeze differs from its ledger"
			);
			Self::check_payments(id, &allocation, paid)?;
			if !allocation.disbursed.is_zero() && Self::decisive_evaluation(id).is_none() {
				*unevaluated.entry(allocation.program).or_default() += 1;
			}
			ensure!(
				AllocationsByProgram::<T>::contains_key(allocation.program, id)
					&& AllocationsByEnterprise::<T>::contains_key(allocation.enterprise, id),
				"an allocation is not indexed"
			);
			let sum = sums.entry(allocation.program).or_default();
			for (s, t) in sum.iter_mut().zip(totals) {
				*s = s.checked_add(t).ok_or("program totals overflow")?;
			}
		}
		for (id, program) in Programs::<T>::iter() {
			ensure!(
				Unevaluated::<T>::get(id) == unevaluated.remove(&id).unwrap_or_default(),
				"a program's count of unevaluated awards differs from its awards"
			);
			let sum = sums.remove(&id).unwrap_or_default();
			ensure!(
				sum == [program.approved, program.disbursed, program.spent, program.clawed_back],
				"program totals differ from its allocations"
			);
			ensure!(program.approved <= program.budget, "approvals exceed the budget");
		}
		ensure!(sums.is_empty(), "an allocation of no program");
		ensure!(
			AllocationsByProgram::<T>::iter_keys().count() == Allocations::<T>::iter_keys().count(),
			"the program index has extra entries"
		);
		// Applications agree with allocations: approved ones have the allocation of their id,
		// for the same program and enterprise; no other has one.
		for (id, application) in Applications::<T>::iter() {
			match (application.status, Allocations::<T>::get(id)) {
				(ApplicationStatus::Approved, Some(allocation)) => ensure!(
					allocation.program == application.program
						&& allocation.enterprise == application.applicant,
					"an allocation differs from its application"
				),
				(ApplicationStatus::Approved, None) => {
					return Err("an approved application has no allocation".into())
				},
				(_, Some(_)) => return Err("an unapproved application has an allocation".into()),
				(_, None) => {},
			}
		}
		ensure!(
			Allocations::<T>::iter_keys().all(|id| Applications::<T>::contains_key(id)),
			"an allocation has no application"
		);
		// The per-enterprise index lists exactly each enterprise's allocations.
		for (enterprise, id, ()) in AllocationsByEnterprise::<T>::iter() {
			ensure!(
				Allocations::<T>::get(id).is_some_and(|a| a.enterprise == enterprise),
				"the enterprise index names a foreign or missing allocation"
			);
		}
		ensure!(
			AllocationsByEnterprise::<T>::iter_keys().count()
				== Allocations::<T>::iter_keys().count(),
			"the enterprise index has extra entries"
		);
		ensure!(
			Owed::<T>::iter().collect::<BTreeMap<_, _>>() == owed,
			"what an enterprise owes differs from its obligations"
		);
		Self::check_awarded()?;
		Self::check_banks()?;
		Self::check_projects()
	}

	/// An allocation's money agrees with its program's payment rules and its ledger: spent +
	/// clawed back ≤ disbursed ≤ approved (after the fact: disbursed ≤ released ≤ spent ≤
	/// approved, nothing clawed back); disbursed within what the payment form released;
	/// acceptances and own money as the ledger says, at most one acceptance a milestone, each
	/// within its tranche; the own share at the co-funding ratio; each capped category's
	/// spending its expenses', within the cap; evaluations only of paid awards, graded by
	/// their scores.
	fn check_payments(
		id: AllocationId,
		allocation: &Allocation,
		paid: Paid,
	) -> Result<(), sp_runtime::TryRuntimeError> {
		let rules = Self::rules(allocation.program);
		let funding = Fundings::<T>::get(id);
		ensure!(
			funding.released == paid.released && funding.own == paid.own,
			"an award's acceptances or own money differ from its ledger"
		);
		let a = allocation;
		if rules.payment == PaymentForm::AfterTheFact {
			ensure!(
				a.disbursed <= funding.released
					&& funding.released <= a.spent
					&& a.spent <= a.approved
					&& a.clawed_back == 0,
				"disbursed ≤ released ≤ spent ≤ approved is broken (after the fact)"
			);
		} else {
			ensure!(
				a.spent.checked_add(a.clawed_back).is_some_and(|used| used <= a.disbursed)
					&& a.disbursed <= a.approved,
				"spent + clawed back ≤ disbursed ≤ approved is broken"
			);
		}
		match (rules.payment, Agreements::<T>::get(id)) {
			(PaymentForm::Milestones, Some(agreement)) => {
				let accepted = usize::from(funding.accepted);
				ensure!(
					accepted == paid.acceptances && accepted <= agreement.milestones.len(),
					"more acceptances than milestones"
				);
				let within: Fen =
					agreement.milestones.iter().take(accepted).map(|m| m.amount).sum();
				ensure!(funding.released <= within, "an acceptance beyond its milestone");
			},
			(PaymentForm::Milestones, None) => {
				ensure!(a.disbursed == 0 && paid.acceptances == 0, "paid by milestones unagreed")
			},
			(PaymentForm::Advance, _) => ensure!(paid.acceptances == 0, "an advance accepted"),
			(PaymentForm::AfterTheFact, agreement) => ensure!(
				agreement.is_none_or(|a| a.milestones.is_empty()),
				"milestones of an award paid after the fact"
			),
		}
		ensure!(
			a.disbursed <= Self::payable(id, a, &rules).unwrap_or_default() || a.disbursed == 0,
			"paid beyond what the payment form released"
		);
		ensure!(
			Self::ensure_co_funded(id, &rules, a.disbursed).is_ok(),
			"own share below the ratio"
		);
		for (category, spent) in CategorySpent::<T>::iter_prefix(id) {
			let cap = rules
				.caps
				.iter()
				.find(|c| c.category == category)
				.ok_or("an uncapped category tracked")?;
			ensure!(
				paid.by_category.get(&category).copied().unwrap_or_default() == spent
					&& u128::from(spent) <= u128::from(a.approved) * u128::from(cap.percent) / 100,
				"a capped category's spending differs from its expenses or exceeds its cap"
			);
		}
		for cap in &rules.caps {
			ensure!(
				paid.by_category.get(&cap.category).copied().unwrap_or_default()
					== CategorySpent::<T>::get(id, cap.category),
				"a capped category's expenses are not tracked"
			);
		}
		for (_, evaluation) in Evaluations::<T>::iter_prefix(id) {
			ensure!(
				a.disbursed > 0
					&& evaluation.score <= 100
					&& evaluation.grade == Grade::of(evaluation.score),
				"an evaluation of an unpaid award, or graded against its score"
			);
		}
		Ok(())
	}

	/// An allocation's disallowances and repayments agree with its ledger: each expense
	/// disallowed at most in full, the obligation their sums, repaid at most what was
	/// disallowed. Returns what is outstanding.
	fn check_obligation(
		id: AllocationId,
		allocation: &Allocation,
		disallowed: BTreeMap<u32, Fen>,
		repaid: Fen,
	) -> Result<Fen, sp_runtime::TryRuntimeError> {
		let stored: BTreeMap<u32, Fen> = Disallowances::<T>::iter_prefix(id).collect();
		ensure!(stored == disallowed, "an expense's disallowance differs from the ledger");
		let mut total: Fen = 0;
		for (entry, amount) in disallowed {
			let spent = match Ledger::<T>::get(id, entry).map(|e| e.movement) {
				Some(Movement::Spent { amount, .. }) => amount,
				_ => return Err("a disallowance of no expense".into()),
			};
			ensure!(amount <= spent, "an expense disallowed beyond its amount");
			total = total.checked_add(amount).ok_or("disallowed overflow")?;
		}
		match Obligations::<T>::get(id) {
			None => {
				ensure!(total == 0 && repaid == 0, "a disallowance without its obligation");
				Ok(0)
			},
			Some(obligation) => {
				ensure!(
					obligation.disallowed == total
						&& obligation.repaid == repaid
						&& repaid <= total && obligation.enterprise == allocation.enterprise,
					"an obligation differs from its disallowances and repayments"
				);
				Ok(obligation.outstanding())
			},
		}
	}

	/// An award's publicity agrees with its objections and its ledger: the counts are the
	/// objections' and their unanswered ones; money moved only with every objection answered
	/// and the award not withdrawn; withdrawn means its whole approval was taken back.
	fn check_publicity(
		id: AllocationId,
		allocation: &Allocation,
		publicity: Option<Publicity>,
		withdrawn: Fen,
	) -> Result<(), sp_runtime::TryRuntimeError> {
		let objections: Vec<Objection> = Objections::<T>::iter_prefix_values(id).collect();
		let Some(publicity) = publicity else {
			ensure!(objections.is_empty(), "objections to an award never published");
			ensure!(withdrawn == 0, "an award withdrawn without publicity");
			return Ok(());
		};
		let unanswered = objections.iter().filter(|o| o.answer.is_none()).count();
		ensure!(
			objections.len() == usize::from(publicity.objections)
				&& unanswered == usize::from(publicity.unanswered)
				&& publicity.objections <= crate::MAX_OBJECTIONS,
			"an award's objection counts differ from its objections"
		);
		ensure!(
			allocation.disbursed == 0 || (publicity.unanswered == 0 && !publicity.withdrawn),
			"money moved with an objection unanswered or the award withdrawn"
		);
		ensure!(
			publicity.withdrawn == (withdrawn > 0)
				&& (!publicity.withdrawn || allocation.approved == 0),
			"a withdrawal differs from the ledger"
		);
		Ok(())
	}

	/// What each applicant was granted in each program with terms is the sum of its awards.
	fn check_awarded() -> Result<(), sp_runtime::TryRuntimeError> {
		let mut sums: BTreeMap<(ProgramId, OrgId), Fen> = BTreeMap::new();
		for (_, allocation) in Allocations::<T>::iter() {
			if ProgramTerms::<T>::contains_key(allocation.program) {
				let sum = sums.entry((allocation.program, allocation.enterprise)).or_default();
				*sum = sum.checked_add(allocation.approved).ok_or("awards overflow")?;
			}
		}
		for (program, org, granted) in Awarded::<T>::iter() {
			let sum = sums.remove(&(program, org)).unwrap_or_default();
			ensure!(granted == sum, "an applicant's grant differs from its awards");
			let cap = ProgramTerms::<T>::get(program).and_then(|t| t.eligibility.max_per_applicant);
			ensure!(cap.is_none_or(|cap| granted <= cap), "a grant exceeds the cap per applicant");
		}
		ensure!(sums.values().all(|sum| *sum == 0), "an award missing from the grants");
		Ok(())
	}

	/// Project keys are unique among live applications (pending, or approved and not
	/// withdrawn), in every program: each live application's key names it, no other.
	fn check_projects() -> Result<(), sp_runtime::TryRuntimeError> {
		for (project, id) in Projects::<T>::iter() {
			ensure!(
				ApplicationProjects::<T>::get(id) == Some(project),
				"a project key names an application of another key"
			);
		}
		for (id, project) in ApplicationProjects::<T>::iter() {
			let application = Applications::<T>::get(id).ok_or("a key of no application")?;
			let live = match application.status {
				ApplicationStatus::Pending => true,
				ApplicationStatus::Approved => {
					!Publicities::<T>::get(id).is_some_and(|p| p.withdrawn)
				},
				ApplicationStatus::Rejected { .. } => false,
			};
			ensure!(
				live == (Projects::<T>::get(project) == Some(id)),
				"a live application's key does not name it, or a dead one's does"
			);
		}
		Ok(())
	}
}

/// What an allocation's ledger says of its payments beyond the four totals.
#[derive(Default)]
struct Paid {
	/// Sum of the acceptances' releases.
	released: Fen,
	/// How many acceptances.
	acceptances: usize,
	/// Sum of the enterprise's contributions.
	own: Fen,
	/// Expenses by category.
	by_category: BTreeMap<Category, Fen>,
}
