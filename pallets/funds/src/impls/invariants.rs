//! The storage invariants (`try_state`).

use super::*;

impl<T: Config> Pallet<T> {
	/// The storage invariants of the module doc; run after every test and by `try-runtime`.
	pub fn do_try_state() -> Result<(), sp_runtime::TryRuntimeError> {
		Freezes::<AllocationRecords<T>>::check()?;
		Freezes::<AccountRecords<T>>::check()?;
		let mut sums: BTreeMap<ProgramId, [Fen; 4]> = BTreeMap::new();
		for (id, allocation) in Allocations::<T>::iter() {
			let mut totals = [0 as Fen; 4];
			let mut frozen = false;
			for index in 0..allocation.entries {
				let entry = Ledger::<T>::get(id, index).ok_or("a ledger entry is missing")?;
				let (slot, amount) = match entry.movement {
					Movement::Approved { amount } => (0, amount),
					Movement::Disbursed { amount, .. } => (1, amount),
					Movement::Spent { amount, .. } => (2, amount),
					Movement::ClawedBack { amount, .. } => (3, amount),
					Movement::Frozen | Movement::Unfrozen => {
						frozen = entry.movement == Movement::Frozen;
						continue;
					},
				};
				totals[slot] = totals[slot].checked_add(amount).ok_or("ledger overflow")?;
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
			ensure!(
				allocation
					.spent
					.checked_add(allocation.clawed_back)
					.is_some_and(|used| { used <= allocation.disbursed })
					&& allocation.disbursed <= allocation.approved,
				"spent + clawed back ≤ disbursed ≤ approved is broken"
			);
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
		Ok(())
	}
}
