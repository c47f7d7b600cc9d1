//! Invoice financing: a lender pledges an SME's invoices only with the SME's consent, and the
//! lock ends with the financing.

use crate::{mock::*, *};
use frame_support::{assert_noop, assert_ok};
use regchain_primitives::{time::DAY, Claim, InvoiceRef};
use sp_core::H256;
use sp_runtime::DispatchError;

/// Two confirmed invoices of the SME (10) to the other enterprise (20).
fn owed() -> [InvoiceRef; 2] {
	[TestInvoiceClaims::add_from(10, 0, 20, 50_000), TestInvoiceClaims::add_from(10, 1, 20, 80_000)]
}

/// The bank's receivable attestation of `claim_type` over `list`, ending `term` from now.
fn pledge(claim_type: ClaimTypeId, list: &[InvoiceRef], term: u64) -> sp_runtime::DispatchResult {
	let now = TestClock::get();
	Credit::attest(
		RuntimeOrigin::signed(BANK),
		10,
		claim_type,
		H256::repeat_byte(5),
		None,
		now,
		now + term,
		list.to_vec().try_into().expect("few"),
	)
}

fn pledged_to(list: &[InvoiceRef], id: AttestationId) -> bool {
	list.iter().all(|i| TestInvoiceClaims::receivable_of(*i) == Some(Claim::new(CREDIT, id)))
}

fn free(list: &[InvoiceRef]) -> bool {
	list.iter().all(|i| TestInvoiceClaims::receivable_of(*i).is_none())
}

#[test]
fn a_bank_pledges_an_smes_invoices_only_under_its_financing_consent() {
	ExtBuilder::default().build_and_execute(|| {
		let financing = receivable();
		let invoices = owed();
		// No consent at all: the finding — a bank locked any SME's invoices.
		assert_noop!(pledge(financing, &invoices, 90 * DAY), Error::<Test>::NoFinancingConsent);
		// A consent to read for a financing review is no consent to the pledge.
		assert_ok!(Credit::grant_consent(
			RuntimeOrigin::signed(SME),
			4,
			only(&[financing], false),
			Purpose::InvoiceFinancingReview,
			TestClock::get() + 180 * DAY,
		));
		assert_noop!(pledge(financing, &invoices, 90 * DAY), Error::<Test>::NoFinancingConsent);
		// Consent for another claim type only.
		let grade = tax_grade();
		financing_consent(&[grade], 180 * DAY);
		assert_noop!(pledge(financing, &invoices, 90 * DAY), Error::<Test>::NoFinancingConsent);
		// Consent to another lender.
		assert_ok!(Credit::grant_consent(
			RuntimeOrigin::signed(SME),
			5,
			only(&[financing], false),
			Purpose::InvoiceFinancing,
			TestClock::get() + 180 * DAY,
		));
		assert_noop!(pledge(financing, &invoices, 90 * DAY), Error::<Test>::NoFinancingConsent);
		// Withdrawn consent.
		let grant = financing_consent(&[financing], 180 * DAY);
		assert_eq!(FinancingConsents::<Test>::get(10, 4), Some(grant));
		assert_ok!(Credit::withdraw_consent(RuntimeOrigin::signed(SME), grant));
		assert_eq!(FinancingConsents::<Test>::get(10, 4), None);
		assert_noop!(pledge(financing, &invoices, 90 * DAY), Error::<Test>::NoFinancingConsent);
		// Lapsed consent.
		financing_consent(&[financing], 10 * DAY);
		TestClock::set(TestClock::get() + 10 * DAY);
		assert_noop!(pledge(financing, &invoices, 5 * DAY), Error::<Test>::NoFinancingConsent);
		// A pledge that would outlast the consent.
		let consent = financing_consent(&[financing], 60 * DAY);
		assert_noop!(pledge(financing, &invoices, 61 * DAY), Error::<Test>::BeyondConsent);
		assert!(free(&invoices));
		// Within it.
		assert_ok!(pledge(financing, &invoices, 60 * DAY));
		assert!(pledged_to(&invoices, 0));
		// Withdrawing the consent afterwards stops new pledges, not the financing made.
		let third = TestInvoiceClaims::add_from(10, 2, 20, 1_000);
		assert_ok!(Credit::withdraw_consent(RuntimeOrigin::signed(SME), consent));
		assert_noop!(pledge(financing, &[third], DAY), Error::<Test>::NoFinancingConsent);
		assert!(pledged_to(&invoices, 0));
	});
}

#[test]
fn revoking_superseding_or_upholding_a_dispute_ends_the_pledge() {
	ExtBuilder::default().build_and_execute(|| {
		let financing = receivable();
		financing_consent(&[financing], 365 * DAY);
		let invoices = owed();
		assert_ok!(pledge(financing, &invoices, 90 * DAY));
		assert_ok!(Credit::revoke(RuntimeOrigin::signed(BANK), 0, H256::zero()));
		assert!(free(&invoices));
		assert!(System::events().iter().any(|r| r.event
			== RuntimeEvent::Credit(Event::ReceivablesReleased { attestation: 0, invoices: 2 })));
		// The attestation keeps the record of what it financed.
		assert_eq!(Attestations::<Test>::get(0).unwrap().invoices.len(), 2);

		assert_ok!(pledge(financing, &invoices, 90 * DAY));
		let now = TestClock::get();
		assert_ok!(Credit::supersede(
			RuntimeOrigin::signed(BANK),
			1,
			H256::zero(),
			None,
			now,
			now + DAY
		));
		assert!(free(&invoices));

		assert_ok!(pledge(financing, &invoices, 90 * DAY));
		assert!(pledged_to(&invoices, 3));
		assert_ok!(Credit::dispute(RuntimeOrigin::signed(SME), 3, H256::repeat_byte(1)));
		assert_ok!(Credit::uphold_dispute(RuntimeOrigin::signed(BANK), 3));
		assert!(free(&invoices));
	});
}

#[test]
fn the_attester_releases_a_repaid_financing_and_anyone_one_past_its_term() {
	ExtBuilder::default().build_and_execute(|| {
		let financing = receivable();
		financing_consent(&[financing], 365 * DAY);
		let invoices = owed();
		assert_ok!(pledge(financing, &invoices, 90 * DAY));
		// While it runs, only the attester (repaid); the SME waits for its end.
		assert_noop!(
			Credit::release_receivables(RuntimeOrigin::signed(SME), 0),
			Error::<Test>::FinancingNotEnded
		);
		assert_noop!(
			Credit::release_receivables(RuntimeOrigin::signed(OUTSIDER), 0),
			DispatchError::BadOrigin
		);
		assert_noop!(
			Credit::release_receivables(RuntimeOrigin::signed(BANK), 7),
			Error::<Test>::AttestationNotFound
		);
		assert_ok!(Credit::release_receivables(RuntimeOrigin::signed(BANK), 0));
		assert_eq!(last_event(), Event::ReceivablesReleased { attestation: 0, invoices: 2 });
		assert!(free(&invoices));
		// The attestation stands (the fact of the financing), its invoices are free.
		assert!(Attestations::<Test>::get(0).unwrap().status == AttestationStatus::Active);
		assert_noop!(
			Credit::release_receivables(RuntimeOrigin::signed(BANK), 0),
			Error::<Test>::NothingPledged
		);
		// A tax grade pledges nothing.
		let grade = tax_grade();
		let graded_id = graded(grade, 0);
		assert_noop!(
			Credit::release_receivables(RuntimeOrigin::signed(TAX), graded_id),
			Error::<Test>::NothingPledged
		);

		// Past its validity, the SME ends it itself: no lender holds invoices beyond the term.
		assert_ok!(pledge(financing, &invoices, 30 * DAY));
		let id = NextAttestationId::<Test>::get() - 1;
		TestClock::set(TestClock::get() + 30 * DAY);
		assert_ok!(Credit::release_receivables(RuntimeOrigin::signed(SME), id));
		assert!(free(&invoices));
	});
}

#[test]
fn a_frozen_financing_keeps_its_pledge_until_unfrozen() {
	ExtBuilder::default().build_and_execute(|| {
		let financing = receivable();
		financing_consent(&[financing], 365 * DAY);
		let invoices = owed();
		assert_ok!(pledge(financing, &invoices, 30 * DAY));
		assert_ok!(Credit::freeze(RuntimeOrigin::signed(REGULATOR), 0, H256::zero()));
		TestClock::set(TestClock::get() + 30 * DAY);
		assert_noop!(
			Credit::release_receivables(RuntimeOrigin::signed(SME), 0),
			Error::<Test>::Frozen
		);
		assert_ok!(Credit::unfreeze(RuntimeOrigin::signed(REGULATOR), 0));
		assert_ok!(Credit::release_receivables(RuntimeOrigin::signed(SME), 0));
		assert!(free(&invoices));
	});
}

#[test]
fn an_attestation_under_an_undecided_dispute_cannot_be_superseded() {
	ExtBuilder::default().build_and_execute(|| {
		let grade = tax_grade();
		let id = graded(grade, 3);
		assert_ok!(Credit::dispute(RuntimeOrigin::signed(SME), id, H256::repeat_byte(1)));
		let supersede = || {
			let now = TestClock::get();
			Credit::supersede(RuntimeOrigin::signed(TAX), id, H256::zero(), Some(0), now, now + DAY)
		};
		assert_noop!(supersede(), Error::<Test>::DisputeUndecided);
		// Lapsed is still undecided: the regulator may yet uphold it.
		TestClock::set(TestClock::get() + DISPUTE_WINDOW);
		assert_ok!(Credit::mark_dispute_lapsed(RuntimeOrigin::signed(SME), id));
		assert_noop!(supersede(), Error::<Test>::DisputeUndecided);
		assert_ok!(Credit::reject_dispute(RuntimeOrigin::signed(REGULATOR), id, H256::zero()));
		assert_ok!(supersede());
	});
}

#[test]
fn a_red_invoice_on_a_pledged_receivable_is_reported_to_the_bank() {
	use regchain_primitives::{ClaimReversal, InvoiceReversals};
	ExtBuilder::default().build_and_execute(|| {
		let invoice = InvoiceRef { issuer: 10, seq: 0 };
		let red = InvoiceRef { issuer: 10, seq: 1 };
		let reversal = ClaimReversal { red, reduced: 50_000, remaining: 0 };
		<Credit as InvoiceReversals>::reversed(invoice, Claim::new(CREDIT, 4), reversal);
		assert_eq!(
			last_event(),
			Event::FinancedInvoiceReduced {
				attestation: 4,
				invoice,
				red,
				reduced: 50_000,
				remaining: 0
			}
		);
	});
}
