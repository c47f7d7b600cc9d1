//! Attesting, superseding and revoking; invoice financing through the receivable lock.

use crate::{mock::*, *};
use frame_support::{assert_noop, assert_ok};
use regchain_primitives::{time::DAY, Claim, Division, InvoiceRef};
use sp_core::H256;
use sp_runtime::DispatchError::{self, BadOrigin};

fn attest_by(
	who: u64,
	subject: OrgId,
	claim_type: ClaimTypeId,
	rating: Option<Rating>,
) -> sp_runtime::DispatchResult {
	let now = TestClock::get();
	Credit::attest(
		RuntimeOrigin::signed(who),
		subject,
		claim_type,
		H256::repeat_byte(7),
		rating,
		now,
		now + 100 * DAY,
		Default::default(),
	)
}

fn invoices(list: &[InvoiceRef]) -> FinancedInvoices {
	list.to_vec().try_into().expect("few")
}

#[test]
fn an_authorized_attester_attests_an_enterprise_with_a_rating_and_a_period() {
	ExtBuilder::default().build_and_execute(|| {
		let grade = tax_grade();
		let id = graded(grade, 2);
		assert_eq!(
			last_event(),
			Event::Attested {
				attestation: id,
				claim_type: grade,
				subject: 10,
				attester: 2,
				rating: Some(2)
			}
		);
		let a = Attestations::<Test>::get(id).unwrap();
		assert_eq!(
			(a.subject, a.attester, a.rating, a.data),
			(10, 2, Some(2), H256::repeat_byte(9))
		);
		assert_eq!((a.valid_from, a.valid_until, a.attested_at), (day(1), day(366), day(1)));
		assert_eq!(a.status, AttestationStatus::Active);
		assert!(CurrentAttestations::<Test>::contains_key(10, id));
		assert!(AttestationsBySubject::<Test>::contains_key(10, id));
	});
}

#[test]
fn attesting_refuses_unauthorized_attesters_and_claim_types() {
	ExtBuilder::default().build_and_execute(|| {
		let grade = tax_grade();
		// The court holds the attester role but no authorization for tax grades.
		assert_noop!(attest_by(COURT, 10, grade, None), Error::<Test>::NotAuthorized);
		// The lending bank holds no attester role at all; enterprises and outsiders neither.
		for who in [LENDER, SME, OUTSIDER, REGULATOR] {
			assert_noop!(attest_by(who, 10, grade, None), BadOrigin);
		}
		assert_noop!(attest_by(TAX, 10, 7, None), Error::<Test>::ClaimTypeNotFound);
	});
}

#[test]
fn attesting_refuses_non_enterprises_oneself_outside_jurisdiction_bad_ratings_and_periods() {
	ExtBuilder::default().build_and_execute(|| {
		let grade = tax_grade();
		for subject in [1, 4, 5, 77] {
			assert_noop!(attest_by(TAX, subject, grade, None), Error::<Test>::NotEnterprise);
		}
		assert_noop!(attest_by(TAX, 10, grade, Some(5)), Error::<Test>::RatingNotAllowed);
		let now = TestClock::get();
		let attest = |from, until| {
			Credit::attest(
				RuntimeOrigin::signed(TAX),
				10,
				grade,
				H256::zero(),
				None,
				from,
				until,
				Default::default(),
			)
		};
		assert_noop!(attest(now, now), Error::<Test>::InvalidPeriod);
		assert_noop!(attest(now - DAY, now), Error::<Test>::InvalidPeriod);
		TestMembership::set_jurisdiction(2, Division(440000));
		assert_noop!(attest_by(TAX, 10, grade, None), Error::<Test>::OutsideJurisdiction);
		// A utility attests payments of others, not its own.
		let utility = NextClaimTypeId::<Test>::get();
		assert_ok!(Credit::register_claim_type(
			RuntimeOrigin::signed(REGULATOR),
			bounded(b"utility-payment"),
			H256::zero(),
			Ratings::default(),
			regchain_primitives::OrgKinds::of(&[regchain_primitives::OrgKind::Enterprise]),
			false
		));
		assert_ok!(Credit::authorize_attester(RuntimeOrigin::signed(REGULATOR), utility, 30));
		assert_noop!(attest_by(UTILITY, 30, utility, None), Error::<Test>::SelfAttestation);
		// An enterprise attester is not bound to a jurisdiction.
		assert_ok!(attest_by(UTILITY, 10, utility, None));
	});
}

#[test]
fn an_attestation_expires_without_a_call() {
	ExtBuilder::default().build_and_execute(|| {
		let grade = tax_grade();
		let now = TestClock::get();
		assert_ok!(Credit::attest(
			RuntimeOrigin::signed(TAX),
			10,
			grade,
			H256::zero(),
			Some(0),
			now + DAY,
			now + 3 * DAY,
			Default::default()
		));
		assert!(Credit::credit_profile(10, None, 10).is_empty(), "not valid yet");
		TestClock::set(now + DAY);
		assert_eq!(Credit::credit_profile(10, None, 10).len(), 1);
		TestClock::set(now + 3 * DAY);
		assert!(Credit::credit_profile(10, None, 10).is_empty(), "expired");
		assert_eq!(Credit::attestation_history(10, None, 10).len(), 1);
	});
}

#[test]
fn superseding_links_the_old_attestation_to_its_replacement() {
	ExtBuilder::default().build_and_execute(|| {
		let grade = tax_grade();
		let old = graded(grade, 3);
		let now = TestClock::get();
		assert_ok!(Credit::supersede(
			RuntimeOrigin::signed(TAX),
			old,
			H256::repeat_byte(5),
			Some(0),
			now,
			now + DAY
		));
		let new = old + 1;
		assert_eq!(last_event(), Event::Superseded { attestation: old, by: new });
		assert_eq!(
			Attestations::<Test>::get(old).unwrap().status,
			AttestationStatus::Superseded { at: now, by: new }
		);
		let replacement = Attestations::<Test>::get(new).unwrap();
		assert_eq!(
			(replacement.supersedes, replacement.rating, replacement.subject),
			(Some(old), Some(0), 10)
		);
		assert!(!CurrentAttestations::<Test>::contains_key(10, old));
		assert_eq!(
			Credit::credit_profile(10, None, 10).iter().map(|e| e.id).collect::<Vec<_>>(),
			[new]
		);
		// The old one is history now.
		assert_noop!(
			Credit::supersede(RuntimeOrigin::signed(TAX), old, H256::zero(), None, now, now + DAY),
			Error::<Test>::NotActive
		);
		assert_noop!(
			Credit::supersede(
				RuntimeOrigin::signed(TAX),
				new,
				H256::zero(),
				Some(9),
				now,
				now + DAY
			),
			Error::<Test>::RatingNotAllowed
		);
	});
}

#[test]
fn only_its_attester_revokes_or_supersedes_an_attestation() {
	ExtBuilder::default().build_and_execute(|| {
		let grade = tax_grade();
		let id = graded(grade, 0);
		let now = TestClock::get();
		assert_noop!(
			Credit::revoke(RuntimeOrigin::signed(BANK), id, H256::zero()),
			Error::<Test>::NotAttester
		);
		assert_noop!(Credit::revoke(RuntimeOrigin::signed(SME), id, H256::zero()), BadOrigin);
		assert_noop!(
			Credit::supersede(RuntimeOrigin::signed(COURT), id, H256::zero(), None, now, now + DAY),
			Error::<Test>::NotAttester
		);
		assert_noop!(
			Credit::revoke(RuntimeOrigin::signed(TAX), 9, H256::zero()),
			Error::<Test>::AttestationNotFound
		);
		assert_ok!(Credit::revoke(RuntimeOrigin::signed(TAX), id, H256::repeat_byte(3)));
		assert_eq!(last_event(), Event::Revoked { attestation: id, reason: H256::repeat_byte(3) });
		assert_eq!(
			Attestations::<Test>::get(id).unwrap().status,
			AttestationStatus::Revoked { at: now, reason: H256::repeat_byte(3) }
		);
		assert!(Credit::credit_profile(10, None, 10).is_empty());
		assert_noop!(
			Credit::revoke(RuntimeOrigin::signed(TAX), id, H256::zero()),
			Error::<Test>::NotActive
		);
	});
}

#[test]
fn a_bank_attesting_a_receivable_locks_the_invoices_for_that_financing_only() {
	ExtBuilder::default().build_and_execute(|| {
		let financing = receivable();
		financing_consent(&[financing], 90 * DAY);
		let first = TestInvoiceClaims::add_from(10, 0, 20, 50_000);
		let second = TestInvoiceClaims::add_from(10, 1, 20, 80_000);
		let now = TestClock::get();
		let attest = |list: &[InvoiceRef]| {
			Credit::attest(
				RuntimeOrigin::signed(BANK),
				10,
				financing,
				H256::zero(),
				None,
				now,
				now + 90 * DAY,
				invoices(list),
			)
		};
		assert_ok!(attest(&[first, second]));
		assert_eq!(TestInvoiceClaims::receivable_of(first), Some(Claim::new(CREDIT, 0)));
		assert_eq!(TestInvoiceClaims::receivable_of(second), Some(Claim::new(CREDIT, 0)));
		assert_eq!(Attestations::<Test>::get(0).unwrap().invoices, invoices(&[first, second]));
		// A second financing of the same invoice is refused and locks nothing else (that a
		// lock taken before the refusal is undone is the runtime's test: the book here is no
		// storage).
		let third = TestInvoiceClaims::add_from(10, 2, 20, 10_000);
		assert_noop!(attest(&[first, third]), DispatchError::Other("AlreadyClaimed"));
		assert_eq!(TestInvoiceClaims::receivable_of(third), None);
	});
}

#[test]
fn invoices_are_refused_twice_in_one_list_for_other_claim_types_and_from_other_issuers() {
	ExtBuilder::default().build_and_execute(|| {
		let financing = receivable();
		financing_consent(&[financing], 90 * DAY);
		let grade = tax_grade();
		let own = TestInvoiceClaims::add_from(10, 0, 20, 50_000);
		let others = TestInvoiceClaims::add_from(20, 0, 10, 50_000);
		let now = TestClock::get();
		assert_noop!(
			Credit::attest(
				RuntimeOrigin::signed(BANK),
				10,
				financing,
				H256::zero(),
				None,
				now,
				now + DAY,
				invoices(&[own, own])
			),
			Error::<Test>::DuplicateInvoice
		);
		assert_noop!(
			Credit::attest(
				RuntimeOrigin::signed(TAX),
				10,
				grade,
				H256::zero(),
				None,
				now,
				now + DAY,
				invoices(&[own])
			),
			Error::<Test>::InvoicesNotAllowed
		);
		// The SME pledges only what it is owed: its own invoices.
		assert_noop!(
			Credit::attest(
				RuntimeOrigin::signed(BANK),
				10,
				financing,
				H256::zero(),
				None,
				now,
				now + DAY,
				invoices(&[others])
			),
			DispatchError::Other("NotIssuer")
		);
	});
}
