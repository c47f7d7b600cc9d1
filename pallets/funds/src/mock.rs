//! A minimal runtime for the pallet's tests: the in-memory consortium of
//! `regchain_primitives::testing` behind the real `EnsureMember` origins, and a small invoice
//! book standing in for the invoices pallet's lock (the two pallets together are tested in the
//! runtime).
//!
//! Organizations (account = organization id):
//! - 1: the finance bureau (a regulator); 2: the audit office holding `Auditor`;
//! - 3: a fund manager (the science commission, holding `FundManager`); 4: another manager
//!   (the commerce commission);
//! - 10 and 20: enterprises; 99 is no member.

use crate::{self as pallet_funds, *};
use core::cell::RefCell;
use frame_support::{derive_impl, parameter_types, traits::EitherOf};
use regchain_primitives::{
	testing::{TestMembership, TestOrg},
	AgencyKind, Claim, EnsureAgency, EnsureMember, EnsureRole, InvoiceClaims, IsKind, OrgKind,
	Role,
};
use sp_core::H256;
use sp_runtime::{BuildStorage, DispatchError, DispatchResult};
use std::collections::BTreeMap;

type Block = frame_system::mocking::MockBlock<Test>;

frame_support::construct_runtime!(
	pub enum Test {
		System: frame_system,
		Funds: pallet_funds,
	}
);

#[derive_impl(frame_system::config_preludes::TestDefaultConfig)]
impl frame_system::Config for Test {
	type Block = Block;
	type AccountId = u64;
	type Lookup = sp_runtime::traits::IdentityLookup<u64>;
}

pub const FINANCE: u64 = 1;
pub const AUDITOR: u64 = 2;
pub const MANAGER: u64 = 3;
pub const OTHER_MANAGER: u64 = 4;
pub const SME: u64 = 10;
pub const OTHER_SME: u64 = 20;
pub const OUTSIDER: u64 = 99;

/// An invoice in the stand-in book: its buyer, gross amount and claim.
#[derive(Clone, Copy)]
pub struct BookInvoice {
	pub buyer: OrgId,
	pub gross: Fen,
	pub valid: bool,
	pub claim: Option<Claim>,
}

thread_local! {
	static BOOK: RefCell<BTreeMap<InvoiceRef, BookInvoice>> = RefCell::new(BTreeMap::new());
}

/// Puts a confirmed invoice from organization 50 to `buyer` in the book.
pub fn book_invoice(seq: u32, buyer: OrgId, gross: Fen) -> InvoiceRef {
	let id = InvoiceRef { issuer: 50, seq };
	BOOK.with(|b| {
		b.borrow_mut().insert(id, BookInvoice { buyer, gross, valid: true, claim: None })
	});
	id
}

/// Marks a book invoice reversed.
pub fn reverse_invoice(id: InvoiceRef) {
	BOOK.with(|b| b.borrow_mut().get_mut(&id).map(|i| i.valid = false));
}

/// The claim recorded on a book invoice.
pub fn claim_of(id: InvoiceRef) -> Option<Claim> {
	BOOK.with(|b| b.borrow().get(&id).and_then(|i| i.claim))
}

/// The stand-in lock, with the invoices pallet's refusals as `Other` errors.
pub struct TestInvoices;
impl InvoiceClaims for TestInvoices {
	fn claim(invoice: InvoiceRef, buyer: OrgId, amount: Fen, claim: Claim) -> DispatchResult {
		BOOK.with(|b| {
			let mut book = b.borrow_mut();
			let entry = book.get_mut(&invoice).ok_or(DispatchError::Other("InvoiceNotFound"))?;
			if entry.buyer != buyer {
				return Err(DispatchError::Other("NotBuyer"));
			}
			if !entry.valid {
				return Err(DispatchError::Other("NotValid"));
			}
			if entry.claim.is_some() {
				return Err(DispatchError::Other("AlreadyClaimed"));
			}
			if entry.gross < amount {
				return Err(DispatchError::Other("AmountNotCovered"));
			}
			entry.claim = Some(claim);
			Ok(())
		})
	}

	#[cfg(feature = "runtime-benchmarks")]
	fn make_claimable(_seller: OrgId, buyer: OrgId, amount: Fen) -> InvoiceRef {
		book_invoice(BOOK.with(|b| b.borrow().len() as u32), buyer, amount)
	}
}

parameter_types! {
	pub const Finance: AgencyKind = AgencyKind::FinanceBureau;
	pub const Auditor: Role = Role::Auditor;
	pub const Manager: Role = Role::FundManager;
	pub const Enterprise: OrgKind = OrgKind::Enterprise;
}

impl Config for Test {
	type ManagerOrigin = EnsureRole<u64, TestMembership, Manager>;
	type EnterpriseOrigin = EnsureMember<u64, TestMembership, IsKind<Enterprise>>;
	type RegulatorOrigin = EitherOf<
		EnsureAgency<u64, TestMembership, Finance>,
		EnsureRole<u64, TestMembership, Auditor>,
	>;
	type Invoices = TestInvoices;
	type WeightInfo = ();
	type Membership = TestMembership;
}

#[derive(Default)]
pub struct ExtBuilder;

impl ExtBuilder {
	pub fn build(self) -> sp_io::TestExternalities {
		let storage = frame_system::GenesisConfig::<Test>::default().build_storage().unwrap();
		TestMembership::reset(vec![
			TestOrg::new(1, OrgKind::Agency(AgencyKind::FinanceBureau), &[], &[FINANCE]),
			TestOrg::new(2, OrgKind::Agency(AgencyKind::AuditOffice), &[Role::Auditor], &[AUDITOR]),
			TestOrg::new(
				3,
				OrgKind::Agency(AgencyKind::ScienceCommission),
				&[Role::FundManager],
				&[MANAGER],
			),
			TestOrg::new(
				4,
				OrgKind::Agency(AgencyKind::CommerceCommission),
				&[Role::FundManager],
				&[OTHER_MANAGER],
			),
			TestOrg::new(10, OrgKind::Enterprise, &[], &[SME]),
			TestOrg::new(20, OrgKind::Enterprise, &[], &[OTHER_SME]),
		]);
		let mut ext = sp_io::TestExternalities::new(storage);
		ext.execute_with(|| System::set_block_number(1));
		ext
	}

	/// Runs `test`, then checks the storage invariants.
	pub fn build_and_execute(self, test: impl FnOnce()) {
		self.build().execute_with(|| {
			test();
			Funds::do_try_state().expect("storage invariants hold");
		});
	}
}

/// Moves to block `n`.
pub fn run_to(n: u64) {
	System::set_block_number(n);
}

/// The last event the pallet emitted.
pub fn last_event() -> Event<Test> {
	System::events()
		.into_iter()
		.filter_map(|r| match r.event {
			RuntimeEvent::Funds(e) => Some(e),
			_ => None,
		})
		.last()
		.expect("an event was emitted")
}

/// Categories 0 (equipment) and 1 (R&D).
pub const ELIGIBLE: Categories = Categories(0b11);

/// Program 0 by the manager: budget 1,000,000, window blocks 1–100, end at 200.
pub fn program() -> ProgramId {
	let id = NextProgramId::<Test>::get();
	frame_support::assert_ok!(Funds::create_program(
		RuntimeOrigin::signed(MANAGER),
		H256::repeat_byte(1),
		1_000_000,
		ELIGIBLE,
		1,
		100,
		200,
	));
	id
}

/// An application of the enterprise to `program` for `amount`, approved in full.
pub fn allocation(program: ProgramId, amount: Fen) -> AllocationId {
	let id = NextApplicationId::<Test>::get();
	frame_support::assert_ok!(Funds::apply(
		RuntimeOrigin::signed(SME),
		program,
		amount,
		H256::zero()
	));
	frame_support::assert_ok!(Funds::approve(RuntimeOrigin::signed(MANAGER), id, amount));
	id
}

/// An allocation of `approved`, of which `disbursed` is disbursed.
pub fn funded(approved: Fen, disbursed: Fen) -> AllocationId {
	let id = allocation(program(), approved);
	frame_support::assert_ok!(Funds::disburse(
		RuntimeOrigin::signed(MANAGER),
		id,
		disbursed,
		H256::zero()
	));
	id
}
