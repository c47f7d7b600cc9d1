//! `try_state` sees a broken work, index or licence horizon: each check fires on the
//! corruption it names.

use crate::{mock::*, *};
use frame_support::assert_ok;

#[test]
fn the_invariants_catch_wrong_shares_a_missing_index_and_a_stray_fingerprint() {
	ExtBuilder::default().build().execute_with(|| {
		let work = registered(1);
		assert_ok!(IpRights::do_try_state());
		// Shares that no longer sum to the whole.
		let whole = Works::<Test>::get(work).unwrap();
		let mut halved = whole.clone();
		halved.authors[0].share = 5_000;
		Works::<Test>::insert(work, halved);
		assert_eq!(IpRights::do_try_state(), Err("a work's shares do not sum to 10,000".into()));
		Works::<Test>::insert(work, whole.clone());
		// The owner's index loses the work.
		WorksByOwner::<Test>::remove(whole.owner, work);
		assert_eq!(IpRights::do_try_state(), Err("a work is not indexed under its owner".into()));
		WorksByOwner::<Test>::insert(whole.owner, work, ());
		// A fingerprint pointing at a work of another fingerprint.
		WorkByFingerprint::<Test>::insert(fingerprint(2), work);
		assert_eq!(
			IpRights::do_try_state(),
			Err("a fingerprint index entry names a work of another fingerprint".into())
		);
		WorkByFingerprint::<Test>::remove(fingerprint(2));
		assert_ok!(IpRights::do_try_state());
	});
}
