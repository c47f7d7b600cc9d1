//! Benchmarks of every call, each on its most expensive path: buyers named by credit code (a
//! registry lookup), reversals that touch both parties' totals, and totals that already hold
//! a row for every rate but one (the most a period decodes and encodes).

use super::*;
use crate::pallet::{
	ChainHeads, FrozenInvoices, InvoiceHistory, IssuedInvoices, Issuers, Rates, RedRequests, Totals,
};
use alloc::{vec, vec::Vec};
use frame_benchmarking::v2::*;
use frame_support::{
	traits::{EnsureOrigin, Get},
	BoundedVec,
};
use regchain_primitives::time::DAY;
use regchain_primitives::{member_origin, Membership, OrgKind, Role};
use sp_core::H256;

/// The rate code the benchmarks use: 13 %.
const RATE: RateCode = 1;
/// A code that is exempt, so that a claimable invoice's gross equals its net.
const EXEMPT: RateCode = 200;

fn install_rates<T: Config>() {
	for (code, rate) in [(RATE, TaxRate::BasisPoints(1_300)), (EXEMPT, TaxRate::Exempt)] {
		let change = RateChange { from: 0, rate: Some(rate) };
		Rates::<T>::insert(code, BoundedVec::truncate_from(vec![change]));
	}
}

fn allow<T: Config>(org: OrgId) {
	Issuers::<T>::insert(
		org,
		IssuerLimits { per_invoice: Some(Fen::MAX / 4), per_month: Fen::MAX / 2 },
	);
}

/// A new member organization of `kind`; issuers get limits too.
fn member<T: Config>(name: &'static str, role: Option<Role>) -> (T::AccountId, OrgId) {
	let who: T::AccountId = account(name, 0, 0);
	let org = T::Membership::make_member(&who, OrgKind::Enterprise, role);
	if role == Some(Role::InvoiceIssuer) {
		allow::<T>(org);
	}
	(who, org)
}

/// Fills `org`'s totals of this period with a row for every rate but one on both sides, none
/// the benchmarks' own rates: the largest totals an invoice is still counted in.
fn fill_totals<T: Config>(org: OrgId) {
	let mut totals = PeriodTotals::default();
	let one = Sum { count: 1, net: 100, tax: 1 };
	for bp in 1..MAX_RATE_ROWS as u16 {
		let rate = TaxRate::BasisPoints(bp);
		let _ = totals
			.output
			.try_push(RateRow { rate, sums: OutputSums { special: one, ..Default::default() } });
		let _ = totals
			.input
			.try_push(RateRow { rate, sums: InputSums { deducted: one, ..Default::default() } });
	}
	totals.output.sort_by_key(|r| r.rate.return_order());
	totals.input.sort_by_key(|r| r.rate.return_order());
	Totals::<T>::insert(org, Pallet::<T>::current_period(), totals);
}

fn lines(n: u32, rate: RateCode, unit_price: Fen) -> Vec<LineInput> {
	(0..n)
		.map(|i| LineInput {
			description: H256::repeat_byte(i as u8),
			classification: 1_100_101_020_000_000_000,
			quantity: 1_000,
			unit_price: unit_price.saturating_mul(PRICE_SCALE),
			tax_included: false,
			discount: 0,
			rate,
		})
		.collect()
}

/// Issues an invoice from `seller` to `buyer` (by credit code when it has one).
fn issued<T: Config>(seller: OrgId, buyer: OrgId, rate: RateCode, amount: Fen) -> InvoiceRef {
	issued_lines::<T>(seller, buyer, rate, amount, 1)
}

/// Issues an invoice of `n` lines of `amount` each from `seller` to `buyer`.
fn issued_lines<T: Config>(
	seller: OrgId,
	buyer: OrgId,
	rate: RateCode,
	amount: Fen,
	n: u32,
) -> InvoiceRef {
	install_rates::<T>();
	allow::<T>(seller);
	let seq = ChainHeads::<T>::get(seller).next_seq;
	let to = T::Membership::credit_code(buyer).map_or(Buyer::Member(buyer), Buyer::External);
	let special = InvoiceType::Special;
	let clerk: T::AccountId = account("clerk", 0, 0);
	Pallet::<T>::do_issue(
		(clerk, seller),
		special,
		to,
		lines(n, rate, amount),
		H256::repeat_byte(1),
	)
	.expect("benchmark invoice is valid");
	InvoiceRef { issuer: seller, seq }
}

fn confirmed<T: Config>(seller: OrgId, buyer: OrgId, rate: RateCode, amount: Fen) -> InvoiceRef {
	let id = issued::<T>(seller, buyer, rate, amount);
	Pallet::<T>::do_confirm(buyer, id).expect("the buyer confirms");
	id
}

/// An invoice `buyer` received and deducted.
fn deducted<T: Config>(seller: OrgId, buyer: OrgId) -> InvoiceRef {
	let id = confirmed::<T>(seller, buyer, RATE, 100);
	Pallet::<T>::do_confirm_use(buyer, id, InputUse::Deduct).expect("the buyer deducts");
	id
}

/// An invoice `buyer` confirmed, whose gross amount is `amount`: what a special-fund expense
/// benchmark needs.
pub fn confirmed_invoice<T: Config>(seller: OrgId, buyer: OrgId, amount: Fen) -> InvoiceRef {
	confirmed::<T>(seller, buyer, EXEMPT, amount)
}

/// The buyer's origin and an invoice to it from a new seller, confirmed if `confirm`.
fn to_caller<T: Config>(confirm: bool) -> Result<(T::RuntimeOrigin, InvoiceRef), BenchmarkError> {
	let (origin, buyer) = caller::<T, T::MemberOrigin>()?;
	let (_, seller) = member::<T>("seller", Some(Role::InvoiceIssuer));
	let id = if confirm {
		confirmed::<T>(seller, buyer, RATE, 100)
	} else {
		issued::<T>(seller, buyer, RATE, 100)
	};
	Ok((origin, id))
}

/// The tax bureau's origin and an invoice between two new members, deducted by its buyer if
/// `deduct`; both parties' totals full.
fn for_tax_bureau<T: Config>(
	deduct: bool,
) -> Result<(T::RuntimeOrigin, InvoiceRef), BenchmarkError> {
	let (origin, _) = caller::<T, T::TaxOrigin>()?;
	let (_, seller) = member::<T>("seller", Some(Role::InvoiceIssuer));
	let (_, buyer) = member::<T>("buyer", None);
	fill_totals::<T>(seller);
	fill_totals::<T>(buyer);
	let id =
		if deduct { deducted::<T>(seller, buyer) } else { issued::<T>(seller, buyer, RATE, 100) };
	Ok((origin, id))
}

/// A 32-line invoice its buyer received, deducted and reimbursed, both parties' totals full,
/// and the seller's request to reverse it in full awaiting the buyer (the heaviest answer: a
/// 32-line red invoice counted on both sides and a claim holder told).
fn requested<T: Config>(buyer: OrgId) -> Result<InvoiceRef, BenchmarkError> {
	let (_, seller) = member::<T>("seller", Some(Role::InvoiceIssuer));
	fill_totals::<T>(seller);
	fill_totals::<T>(buyer);
	let id = issued_lines::<T>(seller, buyer, RATE, 100, MAX_LINES);
	Pallet::<T>::do_confirm(buyer, id).map_err(|_| BenchmarkError::Weightless)?;
	Pallet::<T>::do_confirm_use(buyer, id, InputUse::Deduct)
		.map_err(|_| BenchmarkError::Weightless)?;
	Pallet::<T>::do_claim(id, buyer, None, Claim::new(REIMBURSEMENT, buyer.into()))
		.map_err(|_| BenchmarkError::Weightless)?;
	let clerk: T::AccountId = account("clerk", 0, 0);
	let reason = RedReason::InvoicingError;
	Pallet::<T>::do_reverse((clerk, seller), id, reason, Vec::new(), H256::zero())
		.map_err(|_| BenchmarkError::Weightless)?;
	Ok(id)
}

fn stored<T: Config>(id: InvoiceRef) -> InvoiceOf<T> {
	IssuedInvoices::<T>::get(id.issuer, id.seq).expect("the benchmark's invoice exists")
}

/// The account and organization an origin stands for.
fn caller<T: Config, O: EnsureOrigin<T::RuntimeOrigin, Success = (T::AccountId, OrgId)>>(
) -> Result<(T::RuntimeOrigin, OrgId), BenchmarkError> {
	member_origin::<O, _, _>().map_err(|_| BenchmarkError::Weightless)
}

#[benchmarks]
mod benchmarks {
	use super::*;

	#[benchmark]
	fn set_issuer_limits() -> Result<(), BenchmarkError> {
		let (origin, _) = caller::<T, T::TaxOrigin>()?;
		let (_, taxpayer) = member::<T>("taxpayer", None);
		let limits = IssuerLimits { per_invoice: Some(1_000), per_month: 10_000 };
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, taxpayer, Some(limits));
		assert_eq!(Issuers::<T>::get(taxpayer), Some(limits));
		Ok(())
	}

	#[benchmark]
	fn set_rate() -> Result<(), BenchmarkError> {
		let (origin, _) = caller::<T, T::TaxOrigin>()?;
		// A full schedule but one place, the new change going in first.
		let changes: Vec<_> = (0..T::MaxRateChanges::get().saturating_sub(1))
			.map(|i| RateChange {
				from: Pallet::<T>::now().saturating_add(u64::from(10 + i * 10) * DAY),
				rate: Some(TaxRate::BasisPoints(100)),
			})
			.collect();
		Rates::<T>::insert(RATE, BoundedVec::truncate_from(changes));
		let from = Pallet::<T>::now().saturating_add(5 * DAY);
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, RATE, Some(TaxRate::BasisPoints(900)), from);
		assert_eq!(Rates::<T>::get(RATE)[0].from, from);
		Ok(())
	}

	#[benchmark]
	fn issue(l: Linear<1, MAX_LINES>) -> Result<(), BenchmarkError> {
		let (origin, seller) = caller::<T, T::IssuerOrigin>()?;
		install_rates::<T>();
		allow::<T>(seller);
		let (_, buyer) = member::<T>("buyer", None);
		issued::<T>(seller, buyer, RATE, 100);
		fill_totals::<T>(seller);
		let code = T::Membership::credit_code(buyer).ok_or(BenchmarkError::Weightless)?;
		let to = Buyer::External(code);
		// The longer path of every line: a discount taken off, the tax computed back.
		let lines: Vec<_> = lines(l, RATE, 100)
			.into_iter()
			.map(|line| LineInput { tax_included: true, discount: 1, ..line })
			.collect();
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, InvoiceType::Special, to, lines, H256::zero());
		assert_eq!(ChainHeads::<T>::get(seller).next_seq, 2);
		assert_eq!(stored::<T>(InvoiceRef { issuer: seller, seq: 1 }).lines.len() as u32, l);
		Ok(())
	}

	#[benchmark]
	fn confirm() -> Result<(), BenchmarkError> {
		let (origin, id) = to_caller::<T>(false)?;
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, id);
		assert_eq!(stored::<T>(id).status, InvoiceStatus::Confirmed);
		Ok(())
	}

	#[benchmark]
	fn reject() -> Result<(), BenchmarkError> {
		let (origin, id) = to_caller::<T>(false)?;
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, id, H256::zero());
		assert!(matches!(stored::<T>(id).status, InvoiceStatus::Rejected { .. }));
		Ok(())
	}

	#[benchmark]
	fn reverse() -> Result<(), BenchmarkError> {
		// Heaviest path: a 32-line invoice reversed in full at once (the buyer never received
		// it), the seller's totals full.
		let (origin, seller) = caller::<T, T::IssuerOrigin>()?;
		let (_, buyer) = member::<T>("buyer", None);
		let id = issued_lines::<T>(seller, buyer, RATE, 100, MAX_LINES);
		fill_totals::<T>(seller);
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, id, RedReason::InvoicingError, Vec::new(), H256::zero());
		assert_eq!(stored::<T>(id).status, InvoiceStatus::Reversed { red: 1 });
		Ok(())
	}

	#[benchmark]
	fn request_reversal() -> Result<(), BenchmarkError> {
		// A return of one of 32 lines, the request computed against all of them.
		let (origin, buyer) = caller::<T, T::MemberOrigin>()?;
		let (_, seller) = member::<T>("seller", Some(Role::InvoiceIssuer));
		let id = issued_lines::<T>(seller, buyer, RATE, 100, MAX_LINES);
		Pallet::<T>::do_confirm(buyer, id).map_err(|_| BenchmarkError::Weightless)?;
		let line = RedLineInput { line: (MAX_LINES - 1) as u8, quantity: 500, net: 50 };
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, id, RedReason::SalesReturn, vec![line], H256::zero());
		assert!(RedRequests::<T>::contains_key(id.issuer, id.seq));
		Ok(())
	}

	#[benchmark]
	fn confirm_reversal() -> Result<(), BenchmarkError> {
		let (origin, buyer) = caller::<T, T::MemberOrigin>()?;
		let id = requested::<T>(buyer)?;
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, id);
		assert_eq!(stored::<T>(id).status, InvoiceStatus::Reversed { red: 1 });
		Ok(())
	}

	#[benchmark]
	fn settle_reversal() -> Result<(), BenchmarkError> {
		let (origin, _) = caller::<T, T::TaxOrigin>()?;
		let (_, buyer) = member::<T>("buyer", None);
		let id = requested::<T>(buyer)?;
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, id, None);
		assert_eq!(stored::<T>(id).status, InvoiceStatus::Reversed { red: 1 });
		Ok(())
	}

	#[benchmark]
	fn refuse_reversal() -> Result<(), BenchmarkError> {
		let (origin, buyer) = caller::<T, T::MemberOrigin>()?;
		let id = requested::<T>(buyer)?;
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, id, H256::zero());
		assert!(!RedRequests::<T>::contains_key(id.issuer, id.seq));
		assert_eq!(stored::<T>(id).status, InvoiceStatus::Confirmed);
		Ok(())
	}

	#[benchmark]
	fn lapse_reversal() -> Result<(), BenchmarkError> {
		let (origin, buyer) = caller::<T, T::MemberOrigin>()?;
		let id = requested::<T>(buyer)?;
		// Its deadline reached, whatever the benchmark's clock says.
		RedRequests::<T>::mutate(id.issuer, id.seq, |r| r.as_mut().map(|r| r.deadline = 0));
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, id);
		assert!(!RedRequests::<T>::contains_key(id.issuer, id.seq));
		Ok(())
	}

	#[benchmark]
	fn reimburse() -> Result<(), BenchmarkError> {
		let (origin, id) = to_caller::<T>(true)?;
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, id);
		assert_eq!(stored::<T>(id).claim.map(|c| c.domain), Some(REIMBURSEMENT));
		Ok(())
	}

	#[benchmark]
	fn freeze() -> Result<(), BenchmarkError> {
		let (origin, id) = for_tax_bureau::<T>(false)?;
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, id, H256::zero());
		assert!(FrozenInvoices::<T>::contains_key(id));
		Ok(())
	}

	#[benchmark]
	fn unfreeze() -> Result<(), BenchmarkError> {
		let (origin, id) = for_tax_bureau::<T>(false)?;
		Pallet::<T>::freeze(origin.clone(), id, H256::zero())
			.map_err(|_| BenchmarkError::Weightless)?;
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, id);
		assert!(!FrozenInvoices::<T>::contains_key(id));
		Ok(())
	}

	#[benchmark]
	fn void() -> Result<(), BenchmarkError> {
		// An invoice its buyer has not used leaves the seller's full totals.
		let (origin, id) = for_tax_bureau::<T>(false)?;
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, id, H256::zero());
		assert!(matches!(stored::<T>(id).status, InvoiceStatus::Voided { .. }));
		assert_eq!(InvoiceHistory::<T>::get(id.issuer, id.seq).len(), 2);
		Ok(())
	}

	#[benchmark]
	fn confirm_use() -> Result<(), BenchmarkError> {
		let (origin, id) = to_caller::<T>(true)?;
		let buyer = stored::<T>(id).member_buyer().ok_or(BenchmarkError::Weightless)?;
		fill_totals::<T>(buyer);
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, id, InputUse::Deduct);
		assert_eq!(stored::<T>(id).input_use, Some(InputUse::Deduct));
		Ok(())
	}

	#[benchmark]
	fn mark_abnormal() -> Result<(), BenchmarkError> {
		// Heaviest path: a deducted invoice's input is transferred out.
		let (origin, id) = for_tax_bureau::<T>(true)?;
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, id, H256::zero());
		assert_eq!(stored::<T>(id).abnormal.map(|a| a.transferred), Some(true));
		Ok(())
	}

	#[benchmark]
	fn clear_abnormal() -> Result<(), BenchmarkError> {
		// Heaviest path: the input transferred out is restored.
		let (origin, id) = for_tax_bureau::<T>(true)?;
		Pallet::<T>::mark_abnormal(origin.clone(), id, H256::zero())
			.map_err(|_| BenchmarkError::Weightless)?;
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, id);
		assert_eq!(stored::<T>(id).abnormal, None);
		Ok(())
	}

	impl_benchmark_test_suite!(
		Pallet,
		crate::mock::ExtBuilder::default().build(),
		crate::mock::Test
	);
}
