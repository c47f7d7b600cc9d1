//! `try_state` sees a broken index: each check fires on the corruption it names.

use crate::{mock::*, *};
use frame_support::assert_ok;

#[test]
fn the_invariants_catch_a_missing_subject_index_and_a_stale_current_index() {
	ExtBuilder::default().build().execute_with(|| {
		let id = graded(tax_grade(), 2);
		assert_ok!(Credit::do_try_state());
		let subject = Attestations::<Test>::get(id).unwrap().subject;
		AttestationsBySubject::<Test>::remove(subject, id);
		assert_eq!(
			Credit::do_try_state(),
			Err("an attestation missing from its subject's index".into())
		);
		AttestationsBySubject::<Test>::insert(subject, id, ());
		CurrentAttestations::<Test>::remove(subject, id);
		assert_eq!(
			Credit::do_try_state(),
			Err("the current index differs from the attestations' status".into())
		);
		CurrentAttestations::<Test>::insert(subject, id, ());
		assert_ok!(Credit::do_try_state());
	});
}
