//! The pallet's tests, one file per call family.

mod admission;
mod maintenance;
mod session;

use crate::{mock::*, *};
use frame_support::{assert_noop, assert_ok};
use frame_system::RawOrigin;
use sp_runtime::DispatchError;

fn root() -> RuntimeOrigin {
	RawOrigin::Root.into()
}

fn signed(who: u64) -> RuntimeOrigin {
	RawOrigin::Signed(who).into()
}

fn validators() -> Vec<u64> {
	Validators::<Test>::get().into_inner()
}
