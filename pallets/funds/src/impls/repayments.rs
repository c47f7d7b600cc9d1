//! After the fact: disallowed expenses become repayment obligations, tracked until repaid.

use super::*;

impl<T: Config> Pallet<T> {
	pub(crate) fn do_disallow(
		regulator: OrgId,
		id: AllocationId,
		entry: u32,
		amount: Fen,
		reason: H256,
		due: Moment,
	) -> DispatchResult {
		let mut allocation = Self::allocation(id)?;
		T::Membership::ensure_jurisdiction(regulator, allocation.enterprise)
			.map_err(Error::<T>::from)?;
		let spent = match Ledger::<T>::get(id, entry).map(|e| e.movement) {
			Some(Movement::Spent { amount, .. }) => amount,
			_ => return Err(Error::<T>::NotAnExpense.into()),
		};
		ensure!(!amount.is_zero(), Error::<T>::ZeroAmount);
		let disallowed = Self::add(Disallowances::<T>::get(id, entry).unwrap_or_default(), amount)?;
		ensure!(disallowed <= spent, Error::<T>::ExceedsExpense);
		ensure!(due > Self::now(), Error::<T>::InvalidDue);
		let enterprise = allocation.enterprise;
		let mut obligation = Obligations::<T>::get(id).unwrap_or(Obligation {
			enterprise,
			disallowed: 0,
			repaid: 0,
			due,
		});
		obligation.disallowed = Self::add(obligation.disallowed, amount)?;
		obligation.due = due;
		let owed = Self::add(Owed::<T>::get(enterprise).unwrap_or_default(), amount)?;
		Self::push(id, &mut allocation, Movement::Disallowed { entry, amount, reason })?;
		Disallowances::<T>::insert(id, entry, disallowed);
		Obligations::<T>::insert(id, obligation);
		Owed::<T>::insert(enterprise, owed);
		Allocations::<T>::insert(id, allocation);
		Self::deposit_event(Event::ExpenseDisallowed {
			allocation: id,
			entry,
			amount,
			by: regulator,
			reason,
			due,
		});
		Ok(())
	}

	pub(crate) fn do_record_repayment(
		manager: OrgId,
		id: AllocationId,
		amount: Fen,
		transfer: H256,
	) -> DispatchResult {
		let mut allocation = Self::allocation(id)?;
		// Repayments come in after a program closed too: its manager records them.
		ensure!(Self::program(allocation.program)?.manager == manager, Error::<T>::NotManager);
		ensure!(!amount.is_zero(), Error::<T>::ZeroAmount);
		let mut obligation = Obligations::<T>::get(id).ok_or(Error::<T>::ExceedsOwed)?;
		let repaid = Self::add(obligation.repaid, amount)?;
		ensure!(repaid <= obligation.disallowed, Error::<T>::ExceedsOwed);
		obligation.repaid = repaid;
		let enterprise = allocation.enterprise;
		let owed = Owed::<T>::get(enterprise)
			.unwrap_or_default()
			.checked_sub(amount)
			.ok_or(Error::<T>::Overflow)?;
		let (entry, movement) = (allocation.entries, Movement::Repaid { amount, transfer });
		Self::push(id, &mut allocation, movement)?;
		let rules = Self::rules(allocation.program);
		Self::await_bank(id, entry, enterprise, &rules, &movement)?;
		Obligations::<T>::insert(id, obligation);
		if owed.is_zero() {
			Owed::<T>::remove(enterprise);
		} else {
			Owed::<T>::insert(enterprise, owed);
		}
		Allocations::<T>::insert(id, allocation);
		let outstanding = obligation.outstanding();
		Self::deposit_event(Event::Repaid { allocation: id, amount, outstanding });
		Ok(())
	}

	/// An applicant that owes disallowed money back applies for nothing new until it repaid.
	pub(crate) fn ensure_nothing_owed(applicant: OrgId) -> DispatchResult {
		ensure!(Owed::<T>::get(applicant).is_none(), Error::<T>::OutstandingRepayment);
		Ok(())
	}
}
