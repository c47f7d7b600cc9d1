//! Benchmarks of every call, each on its most expensive path: an agency attester (its
//! jurisdiction is read) pledging the most invoices under a financing consent (in a chain only
//! a bank holds one; both reads are measured together), ending attestations that release the
//! most invoices, the regulator deciding a dispute, a regulator acting on a claim type another
//! registered, scopes of the most claim types.

use super::*;
use crate::pallet::{
	Attestations, AttestationsBySubject, Attesters, ClaimTypes, Disputes, FinancingConsents,
	FrozenAttestations, Grants, NextAttestationId, NextClaimTypeId, NextGrantId,
};
use frame_benchmarking::v2::*;
use frame_support::traits::{EnsureOrigin, Get};
use frame_system::RawOrigin;
use regchain_primitives::{
	member_origin, time::DAY, AgencyKind, Freeze, InvoiceClaims, Membership, OrgKind, OrgKinds,
	Role,
};
use sp_core::H256;

/// The origin `O` stands for, and its organization.
fn caller<T: Config, O: EnsureOrigin<T::RuntimeOrigin, Success = (T::AccountId, OrgId)>>(
) -> Result<(T::RuntimeOrigin, OrgId), BenchmarkError> {
	member_origin::<O, _, _>().map_err(|_| BenchmarkError::Weightless)
}

/// A new member of `kind` holding `role`, with its signed origin.
fn member<T: Config>(
	name: &'static str,
	kind: OrgKind,
	role: Option<Role>,
) -> (T::RuntimeOrigin, OrgId) {
	let who: T::AccountId = account(name, 0, 0);
	// A benchmark's set-up runs once per component value on the same state: reuse the member.
	let org = match T::Membership::member(&who) {
		Some(info) => info.org,
		None => T::Membership::make_member(&who, kind, role),
	};
	(RawOrigin::Signed(who).into(), org)
}

/// The longest ratings list, of the longest labels.
fn ratings() -> Ratings {
	(0..MAX_RATINGS)
		.map(|i| {
			let mut label = alloc::vec![b'R'; MAX_RATING_LEN as usize];
			label[0] = i as u8;
			label.try_into().expect("bounded")
		})
		.collect::<alloc::vec::Vec<_>>()
		.try_into()
		.expect("bounded")
}

/// A claim type any kind may attest (receivables), registered by `regulator`.
fn claim_type<T: Config>(regulator: OrgId) -> ClaimTypeId {
	let id = NextClaimTypeId::<T>::get();
	let name = alloc::vec![b'n'; MAX_NAME_LEN as usize].try_into().expect("bounded");
	Pallet::<T>::do_register_claim_type(
		regulator,
		name,
		H256::zero(),
		ratings(),
		OrgKinds(u32::MAX),
		true,
	)
	.expect("benchmark claim type is valid");
	id
}

/// `MAX_SCOPE_CLAIM_TYPES` claim types, as a scope with the figures.
fn widest_scope<T: Config>(regulator: OrgId) -> Scope {
	let list: alloc::vec::Vec<_> =
		(0..MAX_SCOPE_CLAIM_TYPES).map(|_| claim_type::<T>(regulator)).collect();
	Scope { claim_types: ClaimTypeScope::Only(list.try_into().expect("bounded")), figures: true }
}

/// An agency attester (the tax bureau) authorized for a new claim type, and an enterprise.
struct Setup<T: Config> {
	regulator: (T::RuntimeOrigin, OrgId),
	attester: (T::RuntimeOrigin, OrgId),
	subject: (T::RuntimeOrigin, OrgId),
	claim_type: ClaimTypeId,
}

fn setup<T: Config>() -> Result<Setup<T>, BenchmarkError> {
	let regulator = caller::<T, T::RegulatorOrigin>()?;
	let attester =
		member::<T>("attester", OrgKind::Agency(AgencyKind::TaxBureau), Some(Role::Attester));
	let subject = member::<T>("sme", OrgKind::Enterprise, None);
	let claim_type = claim_type::<T>(regulator.1);
	Pallet::<T>::do_authorize_attester(regulator.1, claim_type, attester.1)?;
	Ok(Setup { regulator, attester, subject, claim_type })
}

/// The subject's consent to the set-up's attester pledging its invoices, for a year and a
/// day. Written directly: the grant's check would refuse the agency attester as a lender.
fn financed<T: Config>(s: &Setup<T>) {
	let id = NextGrantId::<T>::get();
	NextGrantId::<T>::put(id + 1);
	let now = Pallet::<T>::now();
	let grant = Grant {
		sme: s.subject.1,
		lender: s.attester.1,
		scope: Scope { claim_types: ClaimTypeScope::All, figures: false },
		purpose: Purpose::InvoiceFinancing,
		granted_at: now,
		until: now.saturating_add(366 * DAY),
		withdrawn_at: None,
	};
	Grants::<T>::insert(id, grant);
	crate::pallet::GrantsBySme::<T>::insert(s.subject.1, id, ());
	crate::pallet::GrantsByLender::<T>::insert(s.attester.1, id, ());
	FinancingConsents::<T>::insert(s.subject.1, s.attester.1, id);
}

/// `n` confirmed invoices of the set-up's subject to a buyer.
fn receivables<T: Config>(s: &Setup<T>, n: u32) -> FinancedInvoices {
	let (_, buyer) = member::<T>("buyer", OrgKind::Enterprise, None);
	let invoices: alloc::vec::Vec<_> =
		(0..n).map(|_| T::Invoices::make_claimable(s.subject.1, buyer, 1_000)).collect();
	invoices.try_into().expect("bounded")
}

/// An attestation of the set-up's attester about its subject, valid for a year, pledging the
/// most invoices.
fn attested<T: Config>(s: &Setup<T>) -> Result<AttestationId, BenchmarkError> {
	financed::<T>(s);
	let now = Pallet::<T>::now();
	Ok(Pallet::<T>::do_attest(
		s.attester.1,
		s.subject.1,
		s.claim_type,
		H256::zero(),
		Some(0),
		now,
		now.saturating_add(365 * DAY),
		receivables::<T>(s, MAX_FINANCED_INVOICES),
	)?)
}

/// An attestation disputed by its subject.
fn disputed<T: Config>(s: &Setup<T>) -> Result<AttestationId, BenchmarkError> {
	let id = attested::<T>(s)?;
	Pallet::<T>::do_dispute(s.subject.1, id, H256::zero())?;
	Ok(id)
}

/// Its deadline passed, whatever the benchmark's clock says.
fn overdue<T: Config>(id: AttestationId) {
	Disputes::<T>::mutate(id, |d| {
		if let Some(d) = d {
			d.deadline = 0;
		}
	});
}

/// A lender and the SME's grant to it of the widest scope.
fn granted<T: Config>(
	s: &Setup<T>,
) -> Result<((T::RuntimeOrigin, OrgId), GrantId, Scope), BenchmarkError> {
	let lender = member::<T>("lender", OrgKind::FinancialInstitution, None);
	let scope = widest_scope::<T>(s.regulator.1);
	let id = NextGrantId::<T>::get();
	let until = Pallet::<T>::now().saturating_add(T::MaxGrantTerm::get());
	Pallet::<T>::do_grant_consent(
		s.subject.1,
		lender.1,
		scope.clone(),
		Purpose::PreLoanReview,
		until,
	)?;
	Ok((lender, id, scope))
}

#[benchmarks]
mod benchmarks {
	use super::*;

	#[benchmark]
	fn register_claim_type() -> Result<(), BenchmarkError> {
		let (origin, _) = caller::<T, T::RegulatorOrigin>()?;
		let name: ClaimTypeName =
			alloc::vec![b'n'; MAX_NAME_LEN as usize].try_into().expect("bounded");
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, name, H256::zero(), ratings(), OrgKinds(u32::MAX), true);
		assert!(ClaimTypes::<T>::contains_key(0));
		Ok(())
	}

	/// A claim type another regulator registered: the registrant's region is read.
	#[benchmark]
	fn retire_claim_type() -> Result<(), BenchmarkError> {
		let (origin, _) = caller::<T, T::RegulatorOrigin>()?;
		let (_, registrant) =
			member::<T>("registrant", OrgKind::Agency(AgencyKind::CreditRegulator), None);
		let id = claim_type::<T>(registrant);
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, id);
		assert!(ClaimTypes::<T>::get(id).is_some_and(|c| c.retired));
		Ok(())
	}

	#[benchmark]
	fn reinstate_claim_type() -> Result<(), BenchmarkError> {
		let (origin, _) = caller::<T, T::RegulatorOrigin>()?;
		let (_, registrant) =
			member::<T>("registrant", OrgKind::Agency(AgencyKind::CreditRegulator), None);
		let id = claim_type::<T>(registrant);
		ClaimTypes::<T>::mutate(id, |c| c.as_mut().map(|c| c.retired = true));
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, id);
		assert!(ClaimTypes::<T>::get(id).is_some_and(|c| !c.retired));
		Ok(())
	}

	/// Its attester releases the most invoices of an attestation in force (repaid).
	#[benchmark]
	fn release_receivables() -> Result<(), BenchmarkError> {
		let s = setup::<T>()?;
		let id = attested::<T>(&s)?;
		#[extrinsic_call]
		_(s.attester.0 as T::RuntimeOrigin, id);
		let invoices = Attestations::<T>::get(id).map(|a| a.invoices).unwrap_or_default();
		// Released: the attestation's claim no longer holds any of them.
		let claim = regchain_primitives::Claim::new(CREDIT, id);
		assert!(!invoices.is_empty());
		assert!(invoices.iter().all(|i| !T::Invoices::release_receivable(*i, claim)));
		Ok(())
	}

	#[benchmark]
	fn authorize_attester() -> Result<(), BenchmarkError> {
		let (origin, regulator) = caller::<T, T::RegulatorOrigin>()?;
		let (_, attester) =
			member::<T>("attester", OrgKind::Agency(AgencyKind::TaxBureau), Some(Role::Attester));
		let id = claim_type::<T>(regulator);
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, id, attester);
		assert!(Attesters::<T>::contains_key(id, attester));
		Ok(())
	}

	#[benchmark]
	fn deauthorize_attester() -> Result<(), BenchmarkError> {
		let s = setup::<T>()?;
		#[extrinsic_call]
		_(s.regulator.0 as T::RuntimeOrigin, s.claim_type, s.attester.1);
		assert!(!Attesters::<T>::contains_key(s.claim_type, s.attester.1));
		Ok(())
	}

	#[benchmark]
	fn attest(i: Linear<0, MAX_FINANCED_INVOICES>) -> Result<(), BenchmarkError> {
		let s = setup::<T>()?;
		financed::<T>(&s);
		let invoices = receivables::<T>(&s, i);
		let now = Pallet::<T>::now();
		#[extrinsic_call]
		_(
			s.attester.0 as T::RuntimeOrigin,
			s.subject.1,
			s.claim_type,
			H256::zero(),
			Some(0),
			now,
			now.saturating_add(365 * DAY),
			invoices,
		);
		assert!(AttestationsBySubject::<T>::contains_key(s.subject.1, 0));
		Ok(())
	}

	#[benchmark]
	fn supersede() -> Result<(), BenchmarkError> {
		let s = setup::<T>()?;
		let old = attested::<T>(&s)?;
		let now = Pallet::<T>::now();
		#[extrinsic_call]
		_(
			s.attester.0 as T::RuntimeOrigin,
			old,
			H256::zero(),
			Some(1),
			now,
			now.saturating_add(DAY),
		);
		assert_eq!(NextAttestationId::<T>::get(), old + 2);
		Ok(())
	}

	#[benchmark]
	fn revoke() -> Result<(), BenchmarkError> {
		let s = setup::<T>()?;
		let id = attested::<T>(&s)?;
		#[extrinsic_call]
		_(s.attester.0 as T::RuntimeOrigin, id, H256::zero());
		assert!(Attestations::<T>::get(id).is_some_and(|a| a.status != AttestationStatus::Active));
		Ok(())
	}

	#[benchmark]
	fn grant_consent() -> Result<(), BenchmarkError> {
		let s = setup::<T>()?;
		let (_, lender) = member::<T>("lender", OrgKind::FinancialInstitution, None);
		let scope = widest_scope::<T>(s.regulator.1);
		let until = Pallet::<T>::now().saturating_add(T::MaxGrantTerm::get());
		#[extrinsic_call]
		_(s.subject.0 as T::RuntimeOrigin, lender, scope, Purpose::PreLoanReview, until);
		assert!(Grants::<T>::contains_key(0));
		Ok(())
	}

	#[benchmark]
	fn withdraw_consent() -> Result<(), BenchmarkError> {
		let s = setup::<T>()?;
		let (_, id, _) = granted::<T>(&s)?;
		#[extrinsic_call]
		_(s.subject.0 as T::RuntimeOrigin, id);
		assert!(Grants::<T>::get(id).is_some_and(|g| g.withdrawn_at.is_some()));
		Ok(())
	}

	#[benchmark]
	fn declare_access() -> Result<(), BenchmarkError> {
		let s = setup::<T>()?;
		let (lender, id, scope) = granted::<T>(&s)?;
		#[extrinsic_call]
		_(lender.0 as T::RuntimeOrigin, id, scope, Purpose::PreLoanReview);
		assert_eq!(crate::pallet::AccessCount::<T>::get(s.subject.1), 1);
		Ok(())
	}

	#[benchmark]
	fn dispute() -> Result<(), BenchmarkError> {
		let s = setup::<T>()?;
		let id = attested::<T>(&s)?;
		#[extrinsic_call]
		_(s.subject.0 as T::RuntimeOrigin, id, H256::zero());
		assert!(Disputes::<T>::contains_key(id));
		Ok(())
	}

	/// The regulator's path: its origin is tried first and its jurisdiction read.
	#[benchmark]
	fn uphold_dispute() -> Result<(), BenchmarkError> {
		let s = setup::<T>()?;
		let id = disputed::<T>(&s)?;
		overdue::<T>(id);
		#[extrinsic_call]
		_(s.regulator.0 as T::RuntimeOrigin, id);
		assert!(Disputes::<T>::get(id).is_some_and(|d| !d.is_undecided()));
		Ok(())
	}

	#[benchmark]
	fn reject_dispute() -> Result<(), BenchmarkError> {
		let s = setup::<T>()?;
		let id = disputed::<T>(&s)?;
		overdue::<T>(id);
		#[extrinsic_call]
		_(s.regulator.0 as T::RuntimeOrigin, id, H256::zero());
		assert!(Disputes::<T>::get(id).is_some_and(|d| !d.is_undecided()));
		Ok(())
	}

	#[benchmark]
	fn mark_dispute_lapsed() -> Result<(), BenchmarkError> {
		let s = setup::<T>()?;
		let id = disputed::<T>(&s)?;
		overdue::<T>(id);
		#[extrinsic_call]
		_(s.subject.0 as T::RuntimeOrigin, id);
		assert!(Disputes::<T>::get(id).is_some_and(|d| d.status != DisputeStatus::Open));
		Ok(())
	}

	#[benchmark]
	fn freeze() -> Result<(), BenchmarkError> {
		let s = setup::<T>()?;
		let id = attested::<T>(&s)?;
		#[extrinsic_call]
		_(s.regulator.0 as T::RuntimeOrigin, id, H256::zero());
		assert!(FrozenAttestations::<T>::contains_key(id));
		Ok(())
	}

	#[benchmark]
	fn unfreeze() -> Result<(), BenchmarkError> {
		let s = setup::<T>()?;
		let id = attested::<T>(&s)?;
		let frozen = Freeze { by: s.regulator.1, at: 0, reason: H256::zero() };
		FrozenAttestations::<T>::insert(id, frozen);
		#[extrinsic_call]
		_(s.regulator.0 as T::RuntimeOrigin, id);
		assert!(!FrozenAttestations::<T>::contains_key(id));
		Ok(())
	}

	impl_benchmark_test_suite!(
		Pallet,
		crate::mock::ExtBuilder::default().build(),
		crate::mock::Test
	);
}
