//! The shared freeze: a regulator freezes an attestation; nothing changes it until unfrozen.

use crate::{mock::*, *};
use frame_support::{assert_noop, assert_ok};
use regchain_primitives::{
	testing::assert_frozen_listing, Division, FreezableRecords, Freeze, Freezes, RecordRef,
};
use sp_core::H256;
use sp_runtime::DispatchError::BadOrigin;

const ACTION: H256 = H256::repeat_byte(0x66);

#[test]
fn a_frozen_attestation_cannot_be_revoked_superseded_disputed_or_decided() {
	ExtBuilder::default().build_and_execute(|| {
		let grade = tax_grade();
		let id = graded(grade, 0);
		let disputed = graded(grade, 1);
		assert_ok!(Credit::dispute(RuntimeOrigin::signed(SME), disputed, H256::zero()));
		for target in [id, disputed] {
			assert_ok!(Credit::freeze(RuntimeOrigin::signed(REGULATOR), target, ACTION));
		}
		assert_eq!(last_event(), Event::Frozen { attestation: disputed, by: 1, reason: ACTION });
		let record = RecordRef::new(CREDIT, id);
		assert_eq!(
			<Freezes<Credit> as FreezableRecords>::frozen(record),
			Some(Freeze { by: 1, at: day(1), reason: ACTION })
		);
		let now = TestClock::get();
		assert_noop!(
			Credit::revoke(RuntimeOrigin::signed(TAX), id, H256::zero()),
			Error::<Test>::Frozen
		);
		assert_noop!(
			Credit::supersede(RuntimeOrigin::signed(TAX), id, H256::zero(), None, now, now + 9),
			Error::<Test>::Frozen
		);
		assert_noop!(
			Credit::dispute(RuntimeOrigin::signed(SME), id, H256::zero()),
			Error::<Test>::Frozen
		);
		assert_noop!(
			Credit::reject_dispute(RuntimeOrigin::signed(TAX), disputed, H256::zero()),
			Error::<Test>::Frozen
		);
		assert!(Credit::credit_profile(10, None, 10).iter().all(|e| e.frozen));
		assert_noop!(
			Credit::freeze(RuntimeOrigin::signed(REGULATOR), id, ACTION),
			Error::<Test>::AlreadyFrozen
		);
		assert_ok!(Credit::unfreeze(RuntimeOrigin::signed(REGULATOR), id));
		assert_eq!(last_event(), Event::Unfrozen { attestation: id, by: 1 });
		assert_noop!(
			Credit::unfreeze(RuntimeOrigin::signed(REGULATOR), id),
			Error::<Test>::NotFrozen
		);
		assert_ok!(Credit::revoke(RuntimeOrigin::signed(TAX), id, H256::zero()));
	});
}

#[test]
fn only_the_credit_regulator_of_the_subjects_jurisdiction_freezes() {
	ExtBuilder::default().build_and_execute(|| {
		let id = graded(tax_grade(), 0);
		for who in [TAX, BANK, SME, OUTSIDER] {
			assert_noop!(Credit::freeze(RuntimeOrigin::signed(who), id, ACTION), BadOrigin);
		}
		assert_noop!(
			Credit::freeze(RuntimeOrigin::signed(REGULATOR), 9, ACTION),
			Error::<Test>::AttestationNotFound
		);
		TestMembership::set_jurisdiction(1, Division(440000));
		assert_noop!(
			Credit::freeze(RuntimeOrigin::signed(REGULATOR), id, ACTION),
			Error::<Test>::OutsideJurisdiction
		);
		assert_noop!(
			Credit::unfreeze(RuntimeOrigin::signed(REGULATOR), id),
			Error::<Test>::OutsideJurisdiction
		);
	});
}

#[test]
fn the_shared_freeze_knows_only_the_credit_domains_records_and_checks_as_the_call_does() {
	ExtBuilder::default().build_and_execute(|| {
		type Shared = Freezes<Credit>;
		let id = graded(tax_grade(), 0);
		assert!(<Shared as FreezableRecords>::keeps(CREDIT));
		assert!(!<Shared as FreezableRecords>::keeps(*b"fund"));
		assert_eq!(<Shared as FreezableRecords>::subject(RecordRef::new(CREDIT, id)), Some(10));
		assert_eq!(<Shared as FreezableRecords>::subject(RecordRef::new(*b"fund", id)), None);
		assert_noop!(
			<Shared as FreezableRecords>::freeze(RecordRef::new(*b"fund", id), 1, ACTION),
			sp_runtime::DispatchError::Other("a record of another domain")
		);
		assert_noop!(
			<Shared as FreezableRecords>::freeze(RecordRef::new(CREDIT, 9), 1, ACTION),
			Error::<Test>::AttestationNotFound
		);
		TestMembership::set_jurisdiction(1, Division(440000));
		assert_noop!(
			<Shared as FreezableRecords>::freeze(RecordRef::new(CREDIT, id), 1, ACTION),
			Error::<Test>::OutsideJurisdiction
		);
		TestMembership::set_jurisdiction(1, Division::NATIONAL);
		assert_ok!(<Shared as FreezableRecords>::freeze(RecordRef::new(CREDIT, id), 1, ACTION));
		assert_eq!(last_event(), Event::Frozen { attestation: id, by: 1, reason: ACTION });
		assert_eq!(FrozenAttestations::<Test>::get(id).map(|f| f.by), Some(1));
		assert_ok!(<Shared as FreezableRecords>::unfreeze(RecordRef::new(CREDIT, id), 1));
		assert_eq!(last_event(), Event::Unfrozen { attestation: id, by: 1 });
		assert_noop!(
			<Shared as FreezableRecords>::unfreeze(RecordRef::new(CREDIT, id), 1),
			Error::<Test>::NotFrozen
		);
	});
}

#[test]
fn the_frozen_attestations_are_listed_with_their_subject_and_freeze() {
	ExtBuilder::default().build_and_execute(|| {
		let grade = tax_grade();
		let ids: Vec<_> = (0..3).map(|n| graded(grade, n)).collect();
		assert_frozen_listing(Credit::frozen_attestations, &[]);
		for id in &ids[..2] {
			assert_ok!(Credit::freeze(RuntimeOrigin::signed(REGULATOR), *id, ACTION));
		}
		let entry = |id| {
			let subject = Attestations::<Test>::get(id).unwrap().subject;
			(id, subject, FrozenAttestations::<Test>::get(id).unwrap())
		};
		assert_frozen_listing(Credit::frozen_attestations, &[entry(ids[0]), entry(ids[1])]);
		assert_ok!(Credit::unfreeze(RuntimeOrigin::signed(REGULATOR), ids[0]));
		assert_frozen_listing(Credit::frozen_attestations, &[entry(ids[1])]);
	});
}
