//! Benchmarks of every call, on their most expensive path: registrar calls go through the
//! governance check first and then the registrar's own membership.

use super::*;
use crate::Pallet as Consortium;
use alloc::{boxed::Box, vec};
use frame_benchmarking::v2::*;
use frame_support::{
	dispatch::{DispatchInfo, GetDispatchInfo, PostDispatchInfo},
	traits::{EnsureOrigin, Get},
};
use frame_system::RawOrigin;
use regchain_primitives::time::Moment;
use regchain_primitives::CreditCode;
use regchain_primitives::{BenchmarkClock, BenchmarkSigner};
use sp_runtime::traits::{AsSystemOriginSigner, DispatchTransaction, Dispatchable};

/// A valid credit code derived from `n`, so that benchmarks can register many organizations.
pub(crate) fn credit_code(n: u32) -> CreditCode {
	CreditCode::sample(n)
}

/// Now, as the benchmarked call sees it: the clock started ([`BenchmarkClock`]) and read
/// directly, since a benchmark's setup may run at block zero, where `Pallet::now` reads zero
/// (the genesis build's guard) while the call, at block one, reads the clock.
pub(crate) fn now<T: Config>() -> Moment {
	<T::BenchmarkHelper as BenchmarkClock>::start();
	regchain_primitives::time::now::<T::UnixTime>()
}

fn term<T: Config>() -> Moment {
	now::<T>().saturating_add(T::MaxTerm::get())
}

/// An account of a fresh agency of `kind`.
fn agency<T: Config>(kind: AgencyKind) -> T::AccountId {
	let who: T::AccountId = account("agency", kind as u32, 0);
	<Consortium<T> as Membership<T::AccountId>>::make_member(&who, OrgKind::Agency(kind), None);
	who
}

/// A fresh enterprise and its first account.
fn enterprise<T: Config>() -> (OrgId, T::AccountId) {
	let who: T::AccountId = account("enterprise", 0, 0);
	let org =
		<Consortium<T> as Membership<T::AccountId>>::make_member(&who, OrgKind::Enterprise, None);
	(org, who)
}

/// Seats active agencies until every seat is taken; returns the last one seated.
fn fill_seats<T: Config>() -> Option<OrgId> {
	fill_seats_but::<T>(0)
}

/// Seats active agencies until `free` seats are left; the last one seated.
fn fill_seats_but<T: Config>(free: u32) -> Option<OrgId> {
	let mut seated = None;
	let mut i = 0;
	while CouncilSeats::<T>::count() < T::MaxAgencies::get().saturating_sub(free) {
		let who: T::AccountId = account("seated agency", i, 0);
		let org = <Consortium<T> as Membership<T::AccountId>>::make_member(
			&who,
			OrgKind::Agency(AgencyKind::Court),
			None,
		);
		Consortium::<T>::seat_agency(org, who).ok()?;
		seated = Some(org);
		i += 1;
	}
	seated
}

#[benchmarks(where
	T: Send + Sync,
	<T as frame_system::Config>::RuntimeCall: Dispatchable<Info = DispatchInfo, PostInfo = PostDispatchInfo>,
	<T as frame_system::Config>::RuntimeOrigin: AsSystemOriginSigner<T::AccountId> + Clone,
)]
mod benchmarks {
	use super::*;

	/// The new agency takes the last free seat: the council is rebuilt at its largest, so the
	/// call's weight covers its council sync.
	#[benchmark]
	fn register_agency() -> Result<(), BenchmarkError> {
		let origin =
			T::GovernanceOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		fill_seats_but::<T>(1);
		Consortium::<T>::sync_council();
		let who: T::AccountId = account("new agency", 0, 0);
		let name = vec![b'a'; MAX_NAME_LEN as usize];
		let org = NextOrgId::<T>::get();

		#[extrinsic_call]
		_(
			origin as T::RuntimeOrigin,
			AgencyKind::Court,
			name,
			who.clone(),
			term::<T>(),
			Division(310115),
		);

		assert_eq!(AccountOrganization::<T>::get(&who), Some(org));
		Ok(())
	}

	#[benchmark]
	fn register_organization() {
		let registrar = agency::<T>(AgencyKind::MarketRegulation);
		let name = vec![b'e'; MAX_NAME_LEN as usize];
		let code = credit_code(1_000_001).as_bytes().to_vec();
		let org = NextOrgId::<T>::get();
		let valid_until = now::<T>().saturating_add(T::JoinValidity::get());
		let by = AccountOrganization::<T>::get(&registrar).expect("the registrar is a member");
		let message =
			Consortium::<T>::register_message(OrgKind::Enterprise, by, &code, valid_until);
		let who = T::BenchmarkHelper::new_key();
		let signature = T::BenchmarkHelper::sign(&who, &message);

		#[extrinsic_call]
		_(
			RawOrigin::Signed(registrar),
			OrgKind::Enterprise,
			name,
			code,
			who.clone(),
			term::<T>(),
			valid_until,
			signature,
		);

		assert_eq!(AccountOrganization::<T>::get(&who), Some(org));
	}

	#[benchmark]
	fn add_account() {
		let (org, who) = enterprise::<T>();
		let valid_until = now::<T>().saturating_add(T::JoinValidity::get());
		let message = Consortium::<T>::join_message(org, true, valid_until);
		let new = T::BenchmarkHelper::new_key();
		let signature = T::BenchmarkHelper::sign(&new, &message);

		// The heavier case: the new account is an administrator.
		#[extrinsic_call]
		_(RawOrigin::Signed(who), new.clone(), true, valid_until, signature);

		assert_eq!(AccountOrganization::<T>::get(&new), Some(org));
		assert!(Admins::<T>::contains_key(&new));
	}

	#[benchmark]
	fn remove_account() {
		let (org, who) = enterprise::<T>();
		let second: T::AccountId = account("second account", 0, 0);
		Consortium::<T>::do_add_account(org, second.clone(), true).expect("room for two accounts");

		#[extrinsic_call]
		_(RawOrigin::Signed(who), second.clone());

		assert_eq!(AccountOrganization::<T>::get(&second), None);
	}

	#[benchmark]
	fn renew() {
		let registrar = agency::<T>(AgencyKind::MarketRegulation);
		let (org, _) = enterprise::<T>();
		let expires_at = term::<T>();

		#[extrinsic_call]
		_(RawOrigin::Signed(registrar), org, expires_at);

		assert_eq!(Organizations::<T>::get(org).map(|o| o.expires_at), Some(expires_at));
	}

	#[benchmark]
	fn suspend() {
		let registrar = agency::<T>(AgencyKind::MarketRegulation);
		let (org, _) = enterprise::<T>();

		#[extrinsic_call]
		_(RawOrigin::Signed(registrar), org);

		assert_eq!(Organizations::<T>::get(org).map(|o| o.status), Some(OrgStatus::Suspended));
	}

	#[benchmark]
	fn resume() {
		let registrar = agency::<T>(AgencyKind::MarketRegulation);
		let (org, _) = enterprise::<T>();
		Consortium::<T>::do_set_status(org, OrgStatus::Suspended).expect("active");

		#[extrinsic_call]
		_(RawOrigin::Signed(registrar), org);

		assert_eq!(Organizations::<T>::get(org).map(|o| o.status), Some(OrgStatus::Active));
	}

	#[benchmark]
	fn revoke() {
		let registrar = agency::<T>(AgencyKind::MarketRegulation);
		let (org, _) = enterprise::<T>();

		#[extrinsic_call]
		_(RawOrigin::Signed(registrar), org);

		assert_eq!(Organizations::<T>::get(org).map(|o| o.status), Some(OrgStatus::Revoked));
	}

	#[benchmark]
	fn grant_role() {
		let tax = agency::<T>(AgencyKind::TaxBureau);
		let (org, who) = enterprise::<T>();

		#[extrinsic_call]
		_(RawOrigin::Signed(tax), org, Role::InvoiceIssuer);

		assert!(Consortium::<T>::has_role(&who, Role::InvoiceIssuer));
	}

	#[benchmark]
	fn revoke_role() {
		let tax = agency::<T>(AgencyKind::TaxBureau);
		let (org, who) = enterprise::<T>();
		let by = AccountOrganization::<T>::get(&tax).expect("agency registered");
		Consortium::<T>::do_grant_role(org, Role::InvoiceIssuer, by).expect("not yet granted");

		#[extrinsic_call]
		_(RawOrigin::Signed(tax), org, Role::InvoiceIssuer);

		assert!(!Consortium::<T>::has_role(&who, Role::InvoiceIssuer));
	}

	#[benchmark]
	fn enact() -> Result<(), BenchmarkError> {
		let origin =
			T::GovernanceOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		// The cheapest call there is: what is measured is `enact`'s own overhead; the enacted
		// call's weight is added to it.
		let call: <T as Config>::RuntimeCall =
			frame_system::Call::<T>::remark { remark: vec![] }.into();

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, Box::new(call));

		Ok(())
	}

	#[benchmark]
	fn set_tx_quota() -> Result<(), BenchmarkError> {
		let origin =
			T::GovernanceOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		let (org, _) = enterprise::<T>();

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, Some(org), 42);

		assert_eq!(TxQuotaOverride::<T>::get(org), Some(42));
		Ok(())
	}

	#[benchmark]
	fn set_byte_quota() -> Result<(), BenchmarkError> {
		let origin =
			T::GovernanceOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		let (org, _) = enterprise::<T>();
		let bytes = T::MinByteQuota::get();

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, Some(org), bytes);

		assert_eq!(ByteQuotaOverride::<T>::get(org), Some(bytes));
		Ok(())
	}

	/// Moving a seat re-syncs the council: every seat taken.
	#[benchmark]
	fn rotate_seat() -> Result<(), BenchmarkError> {
		let origin =
			T::GovernanceOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		let org = fill_seats::<T>().ok_or(BenchmarkError::Weightless)?;
		Consortium::<T>::sync_council();
		let new: T::AccountId = account("new seat", 0, 0);
		Consortium::<T>::do_add_account(org, new.clone(), false)
			.map_err(|_| BenchmarkError::Weightless)?;

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, org, new.clone());

		assert_eq!(CouncilSeats::<T>::get(org), Some(new));
		Ok(())
	}

	#[benchmark]
	fn set_jurisdiction() -> Result<(), BenchmarkError> {
		let origin =
			T::GovernanceOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		let who = agency::<T>(AgencyKind::TaxBureau);
		let org = AccountOrganization::<T>::get(&who).ok_or(BenchmarkError::Weightless)?;

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, org, Division(310115));

		assert_eq!(Jurisdictions::<T>::get(org), Some(Division(310115)));
		Ok(())
	}

	#[benchmark]
	fn set_admin() {
		let (org, who) = enterprise::<T>();
		let clerk: T::AccountId = account("clerk", 0, 0);
		Consortium::<T>::do_add_account(org, clerk.clone(), false).expect("room for a clerk");

		#[extrinsic_call]
		_(RawOrigin::Signed(who), clerk.clone(), true);

		assert!(Admins::<T>::contains_key(&clerk));
	}

	/// Every seat taken by an active agency and the council to be rebuilt from nothing.
	#[benchmark]
	fn sync_council() {
		fill_seats::<T>();
		Council::<T>::kill();

		#[block]
		{
			Consortium::<T>::sync_council();
		}

		assert_eq!(Council::<T>::get().len() as u32, T::MaxAgencies::get());
	}

	/// The [`CheckMember`] extension on an agency's empty remark (the call every runtime's call
	/// policy admits in benchmarking builds), as a transaction's validation and inclusion run
	/// it: membership, call policy, the quota (overrides and defaults) and usage read, the usage
	/// written. Measured once with its own storage: the weight every signed extrinsic adds.
	#[benchmark]
	fn check_member() -> Result<(), BenchmarkError> {
		let who = agency::<T>(AgencyKind::MarketRegulation);
		let org = AccountOrganization::<T>::get(&who).ok_or(BenchmarkError::Weightless)?;
		let call: <T as frame_system::Config>::RuntimeCall =
			frame_system::Call::<T>::remark { remark: vec![] }.into();
		let info = call.get_dispatch_info();

		#[block]
		{
			CheckMember::<T>::new()
				.test_run(RawOrigin::Signed(who).into(), &call, &info, 0, 0, |_| Ok(().into()))
				.map_err(|_| BenchmarkError::Stop("CheckMember refused the transaction"))?
				.map_err(|_| BenchmarkError::Stop("the transaction failed"))?;
		}

		assert_eq!(Consortium::<T>::usage_of(org).txs, 1);
		Ok(())
	}

	impl_benchmark_test_suite!(
		Consortium,
		crate::mock::ExtBuilder::default().build(),
		crate::mock::Test
	);
}
