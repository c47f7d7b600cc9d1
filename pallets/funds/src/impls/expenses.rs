//! Spending an allocation: disbursements and expenses, each a line of its ledger.

use super::*;

impl<T: Config> Pallet<T> {
	pub(crate) fn do_disburse(
		manager: OrgId,
		id: AllocationId,
		amount: Fen,
		transfer: H256,
	) -> DispatchResult {
		let mut allocation = Self::allocation(id)?;
		let mut program = Self::managed(manager, allocation.program)?;
		Self::ensure_running(&program)?;
		Self::ensure_payable(id)?;
		Self::ensure_not_frozen(id, &allocation)?;
		ensure!(!amount.is_zero(), Error::<T>::ZeroAmount);
		let disbursed = Self::add(allocation.disbursed, amount)?;
		ensure!(disbursed <= allocation.approved, Error::<T>::ExceedsApproved);
		let rules = Self::rules(allocation.program);
		ensure!(disbursed <= Self::payable(id, &allocation, &rules)?, Error::<T>::ExceedsReleased);
		Self::ensure_co_funded(id, &rules, disbursed)?;
		if allocation.disbursed.is_zero() {
			Self::note_first_payment(allocation.program)?;
		}
		program.disbursed = Self::add(program.disbursed, amount)?;
		allocation.disbursed = disbursed;
		let (entry, movement) = (allocation.entries, Movement::Disbursed { amount, transfer });
		Self::push(id, &mut allocation, movement)?;
		Self::await_bank(id, entry, allocation.enterprise, &rules, &movement)?;
		Allocations::<T>::insert(id, allocation);
		Programs::<T>::insert(allocation.program, program);
		Self::deposit_event(Event::Disbursed { allocation: id, amount, transfer });
		Ok(())
	}

	pub(crate) fn do_record_expense(
		enterprise: OrgId,
		id: AllocationId,
		movement: Movement,
	) -> DispatchResult {
		let Movement::Spent { amount, category, invoice, .. } = movement else {
			return Err(DispatchError::Other("only an expense is recorded as one"));
		};
		let mut allocation = Self::allocation(id)?;
		ensure!(allocation.enterprise == enterprise, Error::<T>::NotRecipient);
		let mut program = Self::program(allocation.program)?;
		Self::ensure_running(&program)?;
		Self::ensure_not_frozen(id, &allocation)?;
		ensure!(!amount.is_zero(), Error::<T>::ZeroAmount);
		ensure!(program.categories.contains(category), Error::<T>::IneligibleCategory);
		let spent = Self::add(allocation.spent, amount)?;
		let rules = Self::rules(allocation.program);
		if rules.payment == PaymentForm::AfterTheFact {
			// The enterprise spends first, within the award; acceptances then release the grant
			// against what it spent.
			Self::ensure_payable(id)?;
			ensure!(spent <= allocation.approved, Error::<T>::ExceedsApproved);
		} else {
			ensure!(
				Self::add(spent, allocation.clawed_back)? <= allocation.disbursed,
				Error::<T>::ExceedsDisbursed
			);
		}
		let in_category = Self::capped_spending(id, &allocation, &rules, category, amount)?;
		program.spent = Self::add(program.spent, amount)?;
		if let Some(invoice) = invoice {
			let claim = Claim::new(crate::FUND_EXPENSE, id.into());
			T::Invoices::claim(invoice, enterprise, amount, claim)?;
		}
		allocation.spent = spent;
		if let Some(total) = in_category {
			CategorySpent::<T>::insert(id, category, total);
		}
		let entry = allocation.entries;
		Self::push(id, &mut allocation, movement)?;
		Self::await_bank(id, entry, enterprise, &rules, &movement)?;
		Allocations::<T>::insert(id, allocation);
		Programs::<T>::insert(allocation.program, program);
		Self::deposit_event(Event::ExpenseRecorded { allocation: id, amount, category, invoice });
		Ok(())
	}
}

/// A red invoice reduced an invoice that justifies an expense (claim id: the allocation): the
/// expense is justified no further than what remains, which the event tells the fund manager,
/// who recovers or disallows the difference.
impl<T: Config> regchain_primitives::InvoiceReversals for Pallet<T> {
	fn reversed(
		invoice: crate::InvoiceRef,
		claim: Claim,
		reversal: regchain_primitives::ClaimReversal,
	) {
		let Ok(allocation) = AllocationId::try_from(claim.id) else { return };
		Self::deposit_event(Event::ExpenseInvoiceReduced {
			allocation,
			invoice,
			red: reversal.red,
			reduced: reversal.reduced,
			remaining: reversal.remaining,
		});
	}

	/// The event deposited.
	fn weight() -> Weight {
		T::DbWeight::get().writes(1)
	}
}
