//! Bank supervision (专户银行监管): the bank holding an enterprise's special account confirms
//! what moved through it — tranches received, own money paid in, repayments and large
//! expenses paid out — so that statements show what a bank confirmed, not only what the parties
//! declared.

use super::*;

impl<T: Config> Pallet<T> {
	pub(crate) fn do_designate_bank(enterprise: OrgId, bank: OrgId) -> DispatchResult {
		ensure!(bank != enterprise, Error::<T>::OwnBank);
		ensure!(
			T::Membership::kind(bank) == Some(OrgKind::FinancialInstitution),
			Error::<T>::NotABank
		);
		AccountBanks::<T>::insert(enterprise, bank);
		Self::deposit_event(Event::BankDesignated { enterprise, bank });
		Ok(())
	}

	pub(crate) fn do_confirm_movement(bank: OrgId, id: AllocationId, entry: u32) -> DispatchResult {
		let mut check = BankChecks::<T>::get(id, entry).ok_or(Error::<T>::NothingToConfirm)?;
		ensure!(check.bank == bank, Error::<T>::NotTheBank);
		ensure!(check.confirmed.is_none(), Error::<T>::AlreadyConfirmed);
		check.confirmed = Some(Self::now());
		let received = match Ledger::<T>::get(id, entry).map(|e| e.movement) {
			Some(Movement::Disbursed { amount, .. }) => amount,
			_ => 0,
		};
		let mut funding = Fundings::<T>::get(id);
		funding.awaiting_bank = funding.awaiting_bank.checked_sub(1).ok_or(Error::<T>::Overflow)?;
		funding.confirmed = Self::add(funding.confirmed, received)?;
		Fundings::<T>::insert(id, funding);
		BankChecks::<T>::insert(id, entry, check);
		AwaitingBank::<T>::remove(bank, (id, entry));
		Self::deposit_event(Event::BankConfirmed { allocation: id, entry, bank });
		Ok(())
	}

	/// Whether the bank confirms `movement` under `rules`: every tranche, own money and
	/// repayment, and expenses from the program's threshold on.
	pub(crate) fn bank_confirms(rules: &PaymentRules, movement: &Movement) -> bool {
		let Some(from) = rules.bank_confirms_from else { return false };
		match movement {
			Movement::Disbursed { .. } | Movement::Contributed { .. } | Movement::Repaid { .. } => {
				true
			},
			Movement::Spent { amount, .. } => *amount >= from,
			_ => false,
		}
	}

	/// Under bank supervision, the movement just recorded at ledger entry `entry` awaits the
	/// special account's bank, which the enterprise must have named (`NoBank`).
	pub(crate) fn await_bank(
		id: AllocationId,
		entry: u32,
		enterprise: OrgId,
		rules: &PaymentRules,
		movement: &Movement,
	) -> DispatchResult {
		if !Self::bank_confirms(rules, movement) {
			return Ok(());
		}
		let bank = AccountBanks::<T>::get(enterprise).ok_or(Error::<T>::NoBank)?;
		let mut funding = Fundings::<T>::get(id);
		funding.awaiting_bank = funding.awaiting_bank.checked_add(1).ok_or(Error::<T>::Overflow)?;
		Fundings::<T>::insert(id, funding);
		BankChecks::<T>::insert(id, entry, BankCheck { bank, confirmed: None });
		AwaitingBank::<T>::insert(bank, (id, entry), ());
		Ok(())
	}

	/// Runtime API: up to `limit` (at most [`paging::QUERY_LIMIT`]) of the movements awaiting
	/// `bank`'s confirmation after `start_after`, each with its ledger entry.
	pub fn bank_worklist(
		bank: OrgId,
		start_after: Option<(AllocationId, u32)>,
		limit: u32,
	) -> Vec<(AllocationId, u32, LedgerEntry<Moment>)> {
		paging::keys_after::<AwaitingBank<T>, _, _, _>(bank, start_after, limit)
			.into_iter()
			.filter_map(|(id, entry)| Ledger::<T>::get(id, entry).map(|e| (id, entry, e)))
			.collect()
	}

	/// Runtime API: the bank checks of an allocation's ledger entries `from` to `from + limit`
	/// (at most [`paging::QUERY_LIMIT`] entries read).
	pub fn bank_checks(id: AllocationId, from: u32, limit: u32) -> Vec<(u32, BankCheck)> {
		let Some(allocation) = Allocations::<T>::get(id) else { return Vec::new() };
		let end = paging::page_end(from, limit, allocation.entries);
		(from..end)
			.filter_map(|entry| BankChecks::<T>::get(id, entry).map(|c| (entry, c)))
			.collect()
	}

	/// The bank checks agree with the ledgers, the allocations' counts and the worklists:
	/// each check is of a money movement; an unconfirmed one is on its bank's worklist, a
	/// confirmed one not; each award's count of awaiting checks and its confirmed tranches are
	/// its checks'; every worklist entry is an unconfirmed check of that bank.
	pub(crate) fn check_banks() -> Result<(), sp_runtime::TryRuntimeError> {
		let mut counts: BTreeMap<AllocationId, (u32, Fen)> = BTreeMap::new();
		for (id, entry, check) in BankChecks::<T>::iter() {
			let movement = Ledger::<T>::get(id, entry).ok_or("a bank check of no entry")?.movement;
			let amount = match movement {
				Movement::Disbursed { amount, .. } => amount,
				Movement::Contributed { .. } | Movement::Repaid { .. } | Movement::Spent { .. } => {
					0
				},
				_ => return Err("a bank check of no money movement".into()),
			};
			let awaiting = AwaitingBank::<T>::contains_key(check.bank, (id, entry));
			let count = counts.entry(id).or_default();
			match check.confirmed {
				None => {
					ensure!(awaiting, "an unconfirmed movement is not on its bank's worklist");
					count.0 += 1;
				},
				Some(_) => {
					ensure!(!awaiting, "a confirmed movement is still on a worklist");
					count.1 = count.1.checked_add(amount).ok_or("confirmed overflow")?;
				},
			}
		}
		for (id, funding) in Fundings::<T>::iter() {
			let (awaiting, confirmed) = counts.remove(&id).unwrap_or_default();
			ensure!(
				funding.awaiting_bank == awaiting && funding.confirmed == confirmed,
				"an award's bank counts differ from its checks"
			);
		}
		ensure!(counts.is_empty(), "bank checks of an award without its funding record");
		for (bank, (id, entry), ()) in AwaitingBank::<T>::iter() {
			ensure!(
				BankChecks::<T>::get(id, entry)
					.is_some_and(|c| c.bank == bank && c.confirmed.is_none()),
				"a worklist entry of no unconfirmed check of its bank"
			);
		}
		Ok(())
	}
}
