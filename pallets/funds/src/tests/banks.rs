//! Bank supervision: the special account's bank confirms what moved through it.

use crate::{mock::*, *};
use frame_support::{assert_noop, assert_ok};
use regchain_primitives::{testing::TestMembership, testing::TestOrg, OrgKind};
use sp_core::H256;
use sp_runtime::DispatchError::BadOrigin;

const OTHER_BANK: u64 = 31;

/// An award of 10,000 past its publicity, in a program whose banks confirm expenses from 5,000.
fn supervised() -> AllocationId {
	let rules = PaymentRules { bank_confirms_from: Some(5_000), ..Default::default() };
	let a = allocation(program_paid(rules), 10_000);
	end_publicity(a);
	a
}

fn confirm(who: u64, a: AllocationId, entry: u32) -> sp_runtime::DispatchResult {
	Funds::confirm_movement(RuntimeOrigin::signed(who), a, entry)
}

fn spend(a: AllocationId, amount: Fen) -> sp_runtime::DispatchResult {
	Funds::record_expense(
		RuntimeOrigin::signed(SME),
		a,
		amount,
		0,
		H256::zero(),
		H256::zero(),
		None,
	)
}

#[test]
fn an_enterprise_names_a_bank_to_hold_its_special_account() {
	ExtBuilder::default().build_and_execute(|| {
		let name = |who, bank| Funds::designate_bank(RuntimeOrigin::signed(who), bank);
		assert_noop!(name(MANAGER, 30), BadOrigin);
		assert_noop!(name(SME, 20), Error::<Test>::NotABank);
		assert_noop!(name(SME, 3), Error::<Test>::NotABank);
		assert_noop!(name(SME, 77), Error::<Test>::NotABank);
		assert_noop!(name(BANK, 30), Error::<Test>::OwnBank);
		assert_ok!(name(SME, 30));
		assert_eq!(last_event(), Event::BankDesignated { enterprise: 10, bank: 30 });
		assert_eq!(AccountBanks::<Test>::get(10), Some(30));
	});
}

#[test]
fn the_bank_confirms_tranches_own_money_and_large_expenses() {
	ExtBuilder::default().build_and_execute(|| {
		TestMembership::add(TestOrg::new(31, OrgKind::FinancialInstitution, &[], &[OTHER_BANK]));
		let a = supervised();
		// Under bank supervision money moves only into a named bank's account.
		assert_noop!(
			Funds::disburse(RuntimeOrigin::signed(MANAGER), a, 6_000, H256::zero()),
			Error::<Test>::NoBank
		);
		assert_ok!(Funds::designate_bank(RuntimeOrigin::signed(SME), 30));
		assert_ok!(Funds::disburse(RuntimeOrigin::signed(MANAGER), a, 6_000, H256::zero()));
		// Entry 1 (the tranche) awaits the bank; an expense below 5,000 does not, one of 5,000
		// does (entries 2 and 3), and so does the own money (entry 4).
		assert_ok!(spend(a, 500));
		assert_ok!(spend(a, 5_000));
		assert_ok!(Funds::contribute(RuntimeOrigin::signed(SME), a, 100, H256::zero()));
		assert_eq!(BankChecks::<Test>::iter_prefix(a).count(), 3);
		assert!(BankChecks::<Test>::get(a, 2).is_none());
		assert_eq!(Fundings::<Test>::get(a).awaiting_bank, 3);
		let listed: Vec<_> =
			Funds::bank_worklist(30, None, 10).into_iter().map(|(a, e, _)| (a, e)).collect();
		assert_eq!(listed.len(), 3);
		assert!(listed.contains(&(a, 1)) && listed.contains(&(a, 3)) && listed.contains(&(a, 4)));
		// Only the bank holding the account confirms, once, and only what awaits it.
		assert_noop!(confirm(SME, a, 1), BadOrigin);
		assert_noop!(confirm(OTHER_BANK, a, 1), Error::<Test>::NotTheBank);
		assert_noop!(confirm(BANK, a, 2), Error::<Test>::NothingToConfirm);
		assert_noop!(confirm(BANK, a, 0), Error::<Test>::NothingToConfirm);
		assert_ok!(confirm(BANK, a, 1));
		assert_eq!(last_event(), Event::BankConfirmed { allocation: a, entry: 1, bank: 30 });
		assert_noop!(confirm(BANK, a, 1), Error::<Test>::AlreadyConfirmed);
		let funding = Fundings::<Test>::get(a);
		assert_eq!((funding.awaiting_bank, funding.confirmed), (2, 6_000));
		assert!(BankChecks::<Test>::get(a, 1).unwrap().confirmed.is_some());
		assert_eq!(Funds::bank_worklist(30, None, 10).len(), 2);
		// The public sees what the bank confirmed.
		let p = Allocations::<Test>::get(a).unwrap().program;
		let (_, _, awards) = Funds::program_awards(p, None, 10).unwrap();
		assert_eq!((awards[0].disbursed, awards[0].confirmed), (6_000, 6_000));
		let checked: Vec<u32> = Funds::bank_checks(a, 0, 10).iter().map(|(e, _)| *e).collect();
		assert_eq!(checked, vec![1, 3, 4]);
		// A new bank confirms what moves from now on; the old one what moved before.
		assert_ok!(Funds::designate_bank(RuntimeOrigin::signed(SME), 31));
		assert_ok!(Funds::disburse(RuntimeOrigin::signed(MANAGER), a, 1_000, H256::zero()));
		assert_noop!(confirm(BANK, a, 5), Error::<Test>::NotTheBank);
		assert_ok!(confirm(OTHER_BANK, a, 5));
		assert_ok!(confirm(BANK, a, 3));
	});
}

#[test]
fn without_bank_supervision_no_bank_is_needed_or_asked() {
	ExtBuilder::default().build_and_execute(|| {
		let a = funded(1_000, 1_000);
		assert_ok!(spend(a, 1_000));
		assert_eq!(BankChecks::<Test>::iter_prefix(a).count(), 0);
		assert_eq!(Fundings::<Test>::get(a).awaiting_bank, 0);
	});
}
