//! The pallet's tests, one file per call family.

mod accounts;
mod extension;
mod governance;
mod jurisdiction;
mod membership;
mod queries;
mod registration;
mod roles;
mod status;

use crate::{mock::*, *};
use frame_support::assert_ok;

/// Market regulation registers an enterprise with `code` and first account `account`.
pub(crate) fn register_enterprise(code: &[u8], account: u64) -> OrgId {
	let id = NextOrgId::<Test>::get();
	assert_ok!(register(
		RuntimeOrigin::signed(agency(AgencyKind::MarketRegulation)),
		OrgKind::Enterprise,
		b"Pudong Widgets Ltd".to_vec(),
		code.to_vec(),
		account
	));
	id
}
