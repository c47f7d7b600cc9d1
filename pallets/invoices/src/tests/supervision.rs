//! The tax bureau's supervision: freezes for audit, voiding and abnormal invoices.

use crate::{mock::*, *};
use frame_support::{assert_noop, assert_ok};
use regchain_primitives::{FreezableRecords, Freezes, RecordRef};
use sp_core::H256;
use sp_runtime::DispatchError::BadOrigin;

#[test]
fn the_tax_bureau_freezes_an_invoice_for_audit_and_lifts_the_freeze() {
	ExtBuilder::default().build_and_execute(|| {
		let id = issue_to_buyer(1_000);
		let reason = H256::repeat_byte(4);
		assert_ok!(Invoices::freeze(RuntimeOrigin::signed(TAX), id, reason));
		assert_eq!(last_event(), Event::Frozen { invoice: id, by: 1, reason });
		assert_eq!(FrozenInvoices::<Test>::get(id).map(|f| (f.by, f.reason)), Some((1, reason)));
		assert_eq!(
			Invoices::invoice_record(id).and_then(|r| r.frozen).map(|f| f.reason),
			Some(reason)
		);
		assert_noop!(
			Invoices::freeze(RuntimeOrigin::signed(TAX), id, reason),
			Error::<Test>::AlreadyFrozen
		);
		assert_ok!(Invoices::unfreeze(RuntimeOrigin::signed(TAX), id));
		assert_eq!(last_event(), Event::Unfrozen { invoice: id, by: 1 });
		assert_eq!(FrozenInvoices::<Test>::get(id), None);
		let history = InvoiceHistory::<Test>::get(10, 0);
		let changes: Vec<_> = history.iter().rev().take(2).map(|e| e.change).collect();
		assert_eq!(changes, [Change::Unfrozen, Change::Frozen]);
		assert_noop!(Invoices::unfreeze(RuntimeOrigin::signed(TAX), id), Error::<Test>::NotFrozen);
	});
}

#[test]
fn the_tax_bureau_voids_an_unused_invoice_of_the_month_out_of_the_sellers_output() {
	ExtBuilder::default().build_and_execute(|| {
		let id = confirmed(1_000);
		issue_to_buyer(500);
		let reason = H256::repeat_byte(5);
		assert_ok!(Invoices::void(RuntimeOrigin::signed(TAX), id, reason));
		assert_eq!(last_event(), Event::InvoiceVoided { invoice: id, reason });
		assert_eq!(
			IssuedInvoices::<Test>::get(10, 0).unwrap().status,
			InvoiceStatus::Voided { reason }
		);
		assert_eq!(output_of(10, 202611, R13).special, one(500, 65));
		assert_noop!(
			Invoices::void(RuntimeOrigin::signed(TAX), id, reason),
			Error::<Test>::NotVoidable
		);
		// The last invoice of a rate voided, its row goes.
		let exempt = Invoices::issue(
			RuntimeOrigin::signed(SELLER),
			InvoiceType::Ordinary,
			Buyer::Member(20),
			vec![line(1, 700, 6)],
			H256::zero(),
		);
		assert_ok!(exempt);
		assert_eq!(Totals::<Test>::get(10, 202611).output.len(), 2);
		assert_ok!(Invoices::void(
			RuntimeOrigin::signed(TAX),
			InvoiceRef { issuer: 10, seq: 2 },
			reason
		));
		assert_eq!(Totals::<Test>::get(10, 202611).output.len(), 1);
	});
}

#[test]
fn voiding_never_rewrites_a_period_filed_or_an_invoice_used() {
	ExtBuilder::default().build_and_execute(|| {
		let used = deducted(1_000);
		let november = issue_to_buyer(500);
		assert_noop!(
			Invoices::void(RuntimeOrigin::signed(TAX), used, H256::zero()),
			Error::<Test>::NotVoidable
		);
		set_time(DECEMBER_2026);
		assert_noop!(
			Invoices::void(RuntimeOrigin::signed(TAX), november, H256::zero()),
			Error::<Test>::NotVoidable
		);
	});
}

#[test]
fn an_abnormal_deducted_invoice_is_transferred_out_now_and_restored_when_cleared() {
	ExtBuilder::default().build_and_execute(|| {
		let id = deducted(1_000);
		assert_eq!(input_of(20, 202611, R13).deducted, one(1_000, 130));
		set_time(DECEMBER_2026);
		let reason = H256::repeat_byte(0x38);
		assert_ok!(Invoices::mark_abnormal(RuntimeOrigin::signed(TAX), id, reason));
		assert_eq!(
			last_event(),
			Event::MarkedAbnormal { invoice: id, by: 1, reason, transferred: true }
		);
		// November, perhaps filed, stands; December transfers the input out.
		assert_eq!(input_of(20, 202611, R13).deducted, one(1_000, 130));
		assert_eq!(input_of(20, 202612, R13).transferred_out, one(1_000, 130));
		let invoice = IssuedInvoices::<Test>::get(10, 0).unwrap();
		assert_eq!(invoice.abnormal, Some(Abnormal { reason, transferred: true }));
		assert!(!invoice.is_deducted());
		assert!(Invoices::check(10, 0, invoice.content_hash).unwrap().abnormal);
		// Neither claimed, pledged, reversed nor marked again meanwhile.
		let buyer = RuntimeOrigin::signed(BUYER);
		assert_noop!(Invoices::reimburse(buyer.clone(), id), Error::<Test>::Abnormal);
		assert_noop!(
			<Invoices as InvoiceClaims>::claim_receivable(id, 10, Claim::new(*b"bank", 1)),
			Error::<Test>::Abnormal
		);
		assert_noop!(reverse_all(id), Error::<Test>::Abnormal);
		assert_noop!(
			Invoices::mark_abnormal(RuntimeOrigin::signed(TAX), id, reason),
			Error::<Test>::AlreadyAbnormal
		);
		// Cleared in January: counted again then.
		set_time(DECEMBER_2026 + 31 * 24 * 3_600_000);
		assert_ok!(Invoices::clear_abnormal(RuntimeOrigin::signed(TAX), id));
		assert_eq!(last_event(), Event::AbnormalCleared { invoice: id, by: 1, restored: true });
		assert_eq!(input_of(20, 202701, R13).restored, one(1_000, 130));
		assert!(IssuedInvoices::<Test>::get(10, 0).unwrap().is_deducted());
		assert_noop!(
			Invoices::clear_abnormal(RuntimeOrigin::signed(TAX), id),
			Error::<Test>::NotAbnormal
		);
		assert_ok!(Invoices::reimburse(buyer, id));
		let changes: Vec<_> =
			InvoiceHistory::<Test>::get(10, 0).iter().skip(3).map(|e| e.change).collect();
		assert_eq!(
			changes[..2],
			[
				Change::MarkedAbnormal { transferred: true },
				Change::AbnormalCleared { restored: true }
			]
		);
	});
}

#[test]
fn an_abnormal_invoice_not_yet_deducted_cannot_be_deducted_until_cleared() {
	ExtBuilder::default().build_and_execute(|| {
		let id = confirmed(1_000);
		assert_ok!(Invoices::mark_abnormal(RuntimeOrigin::signed(TAX), id, H256::zero()));
		assert_eq!(
			last_event(),
			Event::MarkedAbnormal { invoice: id, by: 1, reason: H256::zero(), transferred: false }
		);
		assert_eq!(Totals::<Test>::get(20, 202611), PeriodTotals::default());
		let buyer = RuntimeOrigin::signed(BUYER);
		assert_noop!(
			Invoices::confirm_use(buyer.clone(), id, InputUse::Deduct),
			Error::<Test>::Abnormal
		);
		assert_ok!(Invoices::clear_abnormal(RuntimeOrigin::signed(TAX), id));
		assert_eq!(last_event(), Event::AbnormalCleared { invoice: id, by: 1, restored: false });
		assert_eq!(Totals::<Test>::get(20, 202611), PeriodTotals::default());
		assert_ok!(Invoices::confirm_use(buyer, id, InputUse::Deduct));
		// Only a valid blue invoice is found abnormal.
		assert_ok!(reverse_all(issue_to_buyer(10)));
		for gone in [InvoiceRef { issuer: 10, seq: 1 }, InvoiceRef { issuer: 10, seq: 2 }] {
			assert_noop!(
				Invoices::mark_abnormal(RuntimeOrigin::signed(TAX), gone, H256::zero()),
				Error::<Test>::NotValid
			);
		}
		assert_noop!(
			Invoices::mark_abnormal(
				RuntimeOrigin::signed(TAX),
				InvoiceRef { issuer: 10, seq: 9 },
				H256::zero()
			),
			Error::<Test>::InvoiceNotFound
		);
	});
}

#[test]
fn void_fails_for_reversed_pending_and_red_invoices() {
	ExtBuilder::default().build_and_execute(|| {
		let reversed = issue_to_buyer(1_000);
		assert_ok!(reverse_all(reversed));
		let red = InvoiceRef { issuer: 10, seq: 1 };
		let pending = confirmed(1_000);
		assert_ok!(reverse_all(pending));
		for id in [reversed, red, pending] {
			assert_noop!(
				Invoices::void(RuntimeOrigin::signed(TAX), id, H256::zero()),
				Error::<Test>::NotVoidable
			);
		}
		assert_noop!(
			Invoices::void(
				RuntimeOrigin::signed(TAX),
				InvoiceRef { issuer: 10, seq: 9 },
				H256::zero()
			),
			Error::<Test>::InvoiceNotFound
		);
	});
}

#[test]
fn supervision_fails_for_anyone_but_the_tax_bureau() {
	ExtBuilder::default().build_and_execute(|| {
		let id = issue_to_buyer(1_000);
		for who in [FINANCE, SELLER, BUYER, OUTSIDER] {
			let origin = RuntimeOrigin::signed(who);
			assert_noop!(Invoices::freeze(origin.clone(), id, H256::zero()), BadOrigin);
			assert_noop!(Invoices::unfreeze(origin.clone(), id), BadOrigin);
			assert_noop!(Invoices::mark_abnormal(origin.clone(), id, H256::zero()), BadOrigin);
			assert_noop!(Invoices::clear_abnormal(origin.clone(), id), BadOrigin);
			assert_noop!(Invoices::void(origin, id, H256::zero()), BadOrigin);
		}
		assert_noop!(
			Invoices::freeze(
				RuntimeOrigin::signed(TAX),
				InvoiceRef { issuer: 3, seq: 0 },
				H256::zero()
			),
			Error::<Test>::InvoiceNotFound
		);
	});
}

#[test]
fn a_district_tax_bureau_supervises_only_its_districts_taxpayers() {
	ExtBuilder::default().build_and_execute(|| {
		use regchain_primitives::{testing::TestMembership, Division};
		let id = issue_to_buyer(1_000);
		// Test enterprises are registered in Shanghai (310000); a Minhang bureau does not
		// cover them, a Shanghai one does.
		TestMembership::set_jurisdiction(1, Division(310112));
		let tax = RuntimeOrigin::signed(TAX);
		let reason = H256::repeat_byte(1);
		assert_noop!(Invoices::freeze(tax.clone(), id, reason), Error::<Test>::OutsideJurisdiction);
		assert_noop!(Invoices::void(tax.clone(), id, reason), Error::<Test>::OutsideJurisdiction);
		assert_noop!(
			Invoices::mark_abnormal(tax.clone(), id, reason),
			Error::<Test>::OutsideJurisdiction
		);
		assert_noop!(Invoices::clear_abnormal(tax.clone(), id), Error::<Test>::OutsideJurisdiction);
		assert_noop!(
			Invoices::set_issuer_limits(tax.clone(), 10, None),
			Error::<Test>::OutsideJurisdiction
		);
		TestMembership::set_jurisdiction(1, Division(310000));
		assert_ok!(Invoices::freeze(tax.clone(), id, reason));
		TestMembership::set_jurisdiction(1, Division(310112));
		assert_noop!(Invoices::unfreeze(tax, id), Error::<Test>::OutsideJurisdiction);
	});
}

#[test]
fn only_a_national_tax_bureau_changes_vat_rates() {
	ExtBuilder::default().build_and_execute(|| {
		use regchain_primitives::{testing::TestMembership, Division};
		TestMembership::set_jurisdiction(1, Division(310000));
		assert_noop!(
			Invoices::set_rate(RuntimeOrigin::signed(TAX), 1, None, hour(10)),
			Error::<Test>::OutsideJurisdiction
		);
		TestMembership::set_jurisdiction(1, Division::NATIONAL);
		assert_ok!(Invoices::set_rate(RuntimeOrigin::signed(TAX), 1, None, hour(10)));
	});
}

#[test]
fn the_shared_freeze_names_an_invoice_by_issuer_and_number_and_checks_as_the_call_does() {
	ExtBuilder::default().build_and_execute(|| {
		type Shared = Freezes<Invoices>;
		let id = confirmed(1_000);
		let record = RecordRef::new(INVOICE, (10u64 << 32) | u64::from(id.seq));
		assert_eq!(<Shared as FreezableRecords>::subject(record), Some(10));
		assert_eq!(<Shared as FreezableRecords>::subject(RecordRef::new(INVOICE, 10)), None);
		assert_noop!(
			<Shared as FreezableRecords>::freeze(
				RecordRef::new(INVOICE, 10u64 << 32 | 9),
				1,
				H256::zero()
			),
			Error::<Test>::InvoiceNotFound
		);
		assert_ok!(<Shared as FreezableRecords>::freeze(record, 1, H256::repeat_byte(4)));
		assert_eq!(
			last_event(),
			Event::Frozen { invoice: id, by: 1, reason: H256::repeat_byte(4) }
		);
		assert_noop!(Invoices::reimburse(RuntimeOrigin::signed(BUYER), id), Error::<Test>::Frozen);
		assert_eq!(
			Invoices::frozen_invoices(None, 10).iter().map(|r| r.id).collect::<Vec<_>>(),
			[record.id]
		);
		assert_ok!(<Shared as FreezableRecords>::unfreeze(record, 1));
		assert_eq!(last_event(), Event::Unfrozen { invoice: id, by: 1 });
	});
}
