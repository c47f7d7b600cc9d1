//! The test kit every pallet's mock runtime uses (with `std` only), so that no pallet keeps its
//! own copy of a stand-in:
//! - [`TestMembership`]: an in-memory consortium behind the real [`Membership`] origins, so a
//!   domain pallet is tested on its own, not against the consortium pallet;
//! - [`TestInvoiceClaims`]: an in-memory invoice book behind [`InvoiceClaims`], for pallets
//!   that lock invoices; [`TestInvoiceReversals`]: what the claim holders were told;
//! - [`mock_kit!`](crate::mock_kit): `last_event()` and `execute_checked` (a test, then the
//!   pallet's storage invariants) for a mock runtime;
//! - [`TestClock`]: on-chain time a test sets ([`TestClock::set`]) behind the pallets'
//!   `UnixTime` clock;
//! - sample credit codes: [`CreditCode::sample`], the one generator;
//! - [`TestEvidence`]: in-memory notarized evidence behind [`EvidenceRecords`](crate::EvidenceRecords);
//! - [`assert_frozen_listing`]: a domain's list of frozen records, whole and page by page;
//! - [`TestRecords`]: in-memory records of every domain behind [`FreezableRecords`](crate::FreezableRecords),
//!   for pallets that act across domains;
//! - `TestSigner` (benchmarks): fresh accounts that sign with `TestSignature`; it also starts
//!   the [`TestClock`] at the benchmark epoch (`BenchmarkClock`).
//!
//! Accounts are `u64`. The registries live in thread-locals, so each test (each runs on its
//! own thread) starts from what its mock resets them to.

use crate::{
	time::Moment, Claim, CreditCode, Fen, InvoiceClaims, InvoiceRef, MemberInfo, Membership, OrgId,
	OrgKind, Role, Roles,
};
use core::cell::RefCell;
use sp_runtime::{DispatchError, DispatchResult};
use std::collections::BTreeMap;

/// For a mock runtime named `Test` with `System` and the pallet `$pallet` (whose `Event` is in
/// scope): `last_event()`, the last event `$pallet` emitted, and `execute_checked(ext, test)`,
/// which runs `test` in `ext` and then the pallet's `do_try_state`, so that every unit test
/// also checks the storage invariants.
#[macro_export]
macro_rules! mock_kit {
	($pallet:ident) => {
		/// The last event the pallet emitted.
		pub fn last_event() -> Event<Test> {
			System::events()
				.into_iter()
				.filter_map(|r| match r.event {
					RuntimeEvent::$pallet(e) => Some(e),
					_ => None,
				})
				.last()
				.expect("an event was emitted")
		}

		/// Runs `test` in `ext`, then checks the pallet's storage invariants.
		pub fn execute_checked(mut ext: sp_io::TestExternalities, test: impl FnOnce()) {
			ext.execute_with(|| {
				test();
				if let Err(broken) = $pallet::do_try_state() {
					panic!("storage invariant broken: {broken:?}");
				}
			});
		}
	};
}

/// An organization of the test registry.
#[derive(Clone, Debug)]
pub struct TestOrg {
	/// Its id.
	pub id: OrgId,
	/// What it is.
	pub kind: OrgKind,
	/// Its roles.
	pub roles: Roles,
	/// Whether it is an active member.
	pub active: bool,
	/// The accounts acting for it.
	pub accounts: Vec<u64>,
	/// An agency's jurisdiction (national unless a test narrows it).
	pub jurisdiction: crate::Division,
}

impl TestOrg {
	/// An active organization with one role at most and the given accounts.
	pub fn new(id: OrgId, kind: OrgKind, roles: &[Role], accounts: &[u64]) -> Self {
		let mut set = Roles::default();
		for role in roles {
			set.insert(*role);
		}
		TestOrg {
			id,
			kind,
			roles: set,
			active: true,
			accounts: accounts.to_vec(),
			jurisdiction: crate::Division::NATIONAL,
		}
	}
}

/// 2026-11-10T12:00:00+08:00: where every test's clock starts.
pub const TEST_EPOCH: Moment = 1_794_283_200_000;

thread_local! {
	static NOW: RefCell<Moment> = const { RefCell::new(TEST_EPOCH) };
}

/// Six seconds a block, as the runtime's: the block time migration tests date blocks with.
pub type TestBlockTime = frame_support::traits::ConstU64<6_000>;

/// Runs the multi-block migration `M` a second time, at the version it migrated to, and
/// asserts that it ends at once and changes nothing (the state's root stays the same).
pub fn assert_migrated_once<M: frame_support::migrations::SteppedMigrations>() {
	let root = || sp_io::storage::root(sp_runtime::StateVersion::V1);
	let before = root();
	assert_eq!(
		crate::migrations::run_to_end::<M>(frame_support::weights::Weight::MAX),
		Ok(M::len()),
		"a second run ends at once"
	);
	assert_eq!(root(), before, "a second run changes nothing");
}

/// `n` hours after [`TEST_EPOCH`].
pub const fn hour(n: u64) -> Moment {
	TEST_EPOCH + n * crate::time::HOUR
}

/// `n` days after [`TEST_EPOCH`].
pub const fn day(n: u64) -> Moment {
	TEST_EPOCH + n * crate::time::DAY
}

/// On-chain time in a mock runtime: starts at [`TEST_EPOCH`] on each test's thread and moves
/// only when the test moves it.
pub struct TestClock;

impl TestClock {
	/// Sets the time.
	pub fn set(moment: Moment) {
		NOW.with(|n| *n.borrow_mut() = moment);
	}

	/// Moves the time on by `by`.
	pub fn advance(by: Moment) {
		NOW.with(|n| {
			let next = n.borrow().saturating_add(by);
			*n.borrow_mut() = next;
		});
	}

	/// The time.
	pub fn get() -> Moment {
		NOW.with(|n| *n.borrow())
	}
}

impl frame_support::traits::UnixTime for TestClock {
	fn now() -> core::time::Duration {
		core::time::Duration::from_millis(Self::get())
	}
}

thread_local! {
	static ORGS: RefCell<Vec<TestOrg>> = const { RefCell::new(Vec::new()) };
}

fn with_org(org: OrgId, f: impl FnMut(&mut TestOrg)) {
	ORGS.with(|o| o.borrow_mut().iter_mut().filter(|x| x.id == org).for_each(f));
}

/// The test registry; enterprises and financial institutions have the credit code
/// [`CreditCode::sample`] of their id.
pub struct TestMembership;

impl TestMembership {
	/// Replaces the registry.
	pub fn reset(orgs: Vec<TestOrg>) {
		ORGS.with(|o| *o.borrow_mut() = orgs);
	}

	/// Adds an organization to the registry.
	pub fn add(org: TestOrg) {
		ORGS.with(|o| o.borrow_mut().push(org));
	}

	/// Narrows an agency's jurisdiction.
	pub fn set_jurisdiction(org: OrgId, jurisdiction: crate::Division) {
		with_org(org, |x| x.jurisdiction = jurisdiction);
	}

	/// Suspends (`false`) or resumes an organization, as the consortium would.
	pub fn set_active(org: OrgId, active: bool) {
		with_org(org, |x| x.active = active);
	}

	/// Grants a role to an organization.
	pub fn grant_role(org: OrgId, role: Role) {
		with_org(org, |x| {
			x.roles.insert(role);
		});
	}

	/// Gives an organization another account.
	pub fn add_account_of(org: OrgId, who: u64) {
		with_org(org, |x| x.accounts.push(who));
	}

	/// Revokes a role of an organization.
	pub fn revoke_role(org: OrgId, role: Role) {
		with_org(org, |x| {
			x.roles.remove(role);
		});
	}

	fn find<R>(pred: impl Fn(&TestOrg) -> bool, map: impl FnOnce(&TestOrg) -> R) -> Option<R> {
		ORGS.with(|o| o.borrow().iter().find(|x| x.active && pred(x)).map(map))
	}
}

impl Membership<u64> for TestMembership {
	fn member(who: &u64) -> Option<MemberInfo> {
		Self::find(
			|x| x.accounts.contains(who),
			|x| MemberInfo { org: x.id, kind: x.kind, roles: x.roles },
		)
	}

	/// Every organization of the registry not active is suspended (none is revoked).
	fn answering_member(who: &u64) -> Option<MemberInfo> {
		ORGS.with(|o| {
			o.borrow().iter().find(|x| x.accounts.contains(who)).map(|x| MemberInfo {
				org: x.id,
				kind: x.kind,
				roles: x.roles,
			})
		})
	}

	fn is_active_org(org: OrgId) -> bool {
		Self::find(|x| x.id == org, |_| ()).is_some()
	}

	fn kind(org: OrgId) -> Option<OrgKind> {
		Self::find(|x| x.id == org, |x| x.kind)
	}

	fn roles(org: OrgId) -> Option<crate::Roles> {
		Self::find(|x| x.id == org, |x| x.roles)
	}

	/// Agencies of the test registry act nationally; enterprises are in Shanghai (their codes).
	/// A suspended organization keeps its region, as in the consortium.
	fn region(org: OrgId) -> Option<crate::Division> {
		ORGS.with(|o| {
			o.borrow().iter().find(|x| x.id == org).map(|x| {
				if x.kind.needs_credit_code() {
					CreditCode::sample(x.id).division()
				} else {
					x.jurisdiction
				}
			})
		})
	}

	fn credit_code(org: OrgId) -> Option<CreditCode> {
		Self::find(|x| x.id == org && x.kind.needs_credit_code(), |x| CreditCode::sample(x.id))
	}

	fn org_by_credit_code(code: &CreditCode) -> Option<OrgId> {
		Self::find(|x| x.kind.needs_credit_code() && CreditCode::sample(x.id) == *code, |x| x.id)
	}

	fn members_in(
		region: crate::Division,
		after: Option<(crate::Division, OrgId)>,
		limit: u32,
	) -> Vec<(crate::Division, OrgId)> {
		let mut members: Vec<(crate::Division, OrgId)> = ORGS.with(|o| {
			o.borrow()
				.iter()
				.filter(|x| x.kind.needs_credit_code())
				.map(|x| (CreditCode::sample(x.id).division(), x.id))
				.filter(|(division, _)| region.covers(division))
				.collect()
		});
		members.sort();
		members.into_iter().filter(|m| after.is_none_or(|a| *m > a)).take(limit as usize).collect()
	}

	#[cfg(feature = "runtime-benchmarks")]
	fn make_member(who: &u64, kind: OrgKind, role: Option<Role>) -> OrgId {
		ORGS.with(|o| {
			let mut orgs = o.borrow_mut();
			let id = 40 + orgs.len() as OrgId;
			orgs.push(TestOrg::new(id, kind, role.as_slice(), &[*who]));
			id
		})
	}

	#[cfg(feature = "runtime-benchmarks")]
	fn add_account(org: OrgId, who: &u64) {
		Self::add_account_of(org, *who);
	}
}

/// An invoice of the test book: its buyer, gross amount, whether it may be claimed at all, and
/// its claim.
#[derive(Clone, Copy, Debug)]
pub struct BookInvoice {
	/// The buyer organization.
	pub buyer: OrgId,
	/// Its gross amount.
	pub gross: Fen,
	/// False once reversed, voided or flagged.
	pub valid: bool,
	/// What it justified.
	pub claim: Option<Claim>,
	/// The financing its issuer pledged it for.
	pub receivable: Option<Claim>,
}

thread_local! {
	static BOOK: RefCell<BTreeMap<InvoiceRef, BookInvoice>> = const { RefCell::new(BTreeMap::new()) };
}

/// An in-memory invoice book standing in for the invoices pallet's lock, with that pallet's
/// refusals as `DispatchError::Other("InvoiceNotFound" | "NotBuyer" | "NotValid" |
/// "AlreadyClaimed" | "AmountNotCovered" | "NotIssuer")`. Invoices are issued by organization 50.
pub struct TestInvoiceClaims;

impl TestInvoiceClaims {
	/// The issuer of the book's invoices.
	pub const ISSUER: OrgId = 50;

	/// Empties the book.
	pub fn reset() {
		BOOK.with(|b| b.borrow_mut().clear());
	}

	/// Puts an invoice `seq` to `buyer` of `gross`, confirmed and unclaimed, in the book.
	pub fn add(seq: u32, buyer: OrgId, gross: Fen) -> InvoiceRef {
		Self::add_from(Self::ISSUER, seq, buyer, gross)
	}

	/// Puts an invoice `seq` of `issuer` to `buyer` of `gross`, confirmed and unclaimed, in
	/// the book.
	pub fn add_from(issuer: OrgId, seq: u32, buyer: OrgId, gross: Fen) -> InvoiceRef {
		let id = InvoiceRef { issuer, seq };
		let invoice = BookInvoice { buyer, gross, valid: true, claim: None, receivable: None };
		BOOK.with(|b| b.borrow_mut().insert(id, invoice));
		id
	}

	/// Marks an invoice of the book reversed: it can no longer be claimed.
	pub fn reverse(id: InvoiceRef) {
		BOOK.with(|b| b.borrow_mut().get_mut(&id).map(|i| i.valid = false));
	}

	/// The claim on an invoice of the book.
	pub fn claim_of(id: InvoiceRef) -> Option<Claim> {
		BOOK.with(|b| b.borrow().get(&id).and_then(|i| i.claim))
	}

	/// The financing an invoice of the book is pledged for.
	pub fn receivable_of(id: InvoiceRef) -> Option<Claim> {
		BOOK.with(|b| b.borrow().get(&id).and_then(|i| i.receivable))
	}
}

impl InvoiceClaims for TestInvoiceClaims {
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

	fn claim_receivable(invoice: InvoiceRef, seller: OrgId, claim: Claim) -> DispatchResult {
		BOOK.with(|b| {
			let mut book = b.borrow_mut();
			let entry = book.get_mut(&invoice).ok_or(DispatchError::Other("InvoiceNotFound"))?;
			if invoice.issuer != seller {
				return Err(DispatchError::Other("NotIssuer"));
			}
			if !entry.valid {
				return Err(DispatchError::Other("NotValid"));
			}
			if entry.receivable.is_some() {
				return Err(DispatchError::Other("AlreadyClaimed"));
			}
			entry.receivable = Some(claim);
			Ok(())
		})
	}

	fn release_receivable(invoice: InvoiceRef, claim: Claim) -> bool {
		BOOK.with(|b| {
			let mut book = b.borrow_mut();
			match book.get_mut(&invoice) {
				Some(entry) if entry.receivable == Some(claim) => {
					entry.receivable = None;
					true
				},
				_ => false,
			}
		})
	}

	#[cfg(feature = "runtime-benchmarks")]
	fn make_claimable(seller: OrgId, buyer: OrgId, amount: Fen) -> InvoiceRef {
		Self::add_from(seller, BOOK.with(|b| b.borrow().len() as u32), buyer, amount)
	}
}

thread_local! {
	static TOLD: RefCell<Vec<(InvoiceRef, Claim, crate::ClaimReversal)>> = const { RefCell::new(Vec::new()) };
}

/// The claim holders of a mock runtime: records what each was told (see
/// [`crate::InvoiceReversals`]).
pub struct TestInvoiceReversals;

impl TestInvoiceReversals {
	/// What the holders were told since the last call, oldest first; forgets it.
	pub fn take() -> Vec<(InvoiceRef, Claim, crate::ClaimReversal)> {
		TOLD.with(|t| core::mem::take(&mut *t.borrow_mut()))
	}
}

impl crate::InvoiceReversals for TestInvoiceReversals {
	fn reversed(invoice: InvoiceRef, claim: Claim, reversal: crate::ClaimReversal) {
		TOLD.with(|t| t.borrow_mut().push((invoice, claim, reversal)));
	}

	fn weight() -> frame_support::weights::Weight {
		frame_support::weights::Weight::from_parts(1_000_000, 0)
	}
}

/// Benchmarks: fresh accounts from 1,000 on, each signing with `sp_runtime`'s
/// `TestSignature` (which verifies when its signer is the account and the message matches).
#[cfg(feature = "runtime-benchmarks")]
pub struct TestSigner;
#[cfg(feature = "runtime-benchmarks")]
impl crate::BenchmarkSigner<u64, sp_runtime::testing::TestSignature> for TestSigner {
	fn new_key() -> u64 {
		thread_local! {
			static NEXT: core::cell::Cell<u64> = const { core::cell::Cell::new(1_000) };
		}
		NEXT.with(|n| {
			let a = n.get();
			n.set(a + 1);
			a
		})
	}

	fn sign(key: &u64, message: &[u8]) -> sp_runtime::testing::TestSignature {
		sp_runtime::testing::TestSignature(*key, message.to_vec())
	}
}

/// Benchmarks in a mock: the [`TestClock`] starts at the benchmark epoch.
#[cfg(feature = "runtime-benchmarks")]
impl crate::BenchmarkClock for TestSigner {
	fn start() {
		if TestClock::get() == 0 {
			TestClock::set(crate::BENCHMARK_EPOCH);
		}
	}
}

thread_local! {
	static EVIDENCE: RefCell<BTreeMap<u64, crate::Evidence>> = const { RefCell::new(BTreeMap::new()) };
}

/// In-memory notarized evidence standing in for the notarization pallet, for pallets whose
/// records cite evidence.
pub struct TestEvidence;

impl TestEvidence {
	/// Empties the book.
	pub fn reset() {
		EVIDENCE.with(|e| e.borrow_mut().clear());
	}

	/// Records evidence `id`, notarized by `owner` at `at`, not admitted by any court.
	pub fn add(id: u64, owner: OrgId, at: Moment) {
		let evidence = crate::Evidence { owner, at, admitted: false };
		EVIDENCE.with(|e| e.borrow_mut().insert(id, evidence));
	}

	/// Marks evidence `id` admitted by a court in a case (or no longer).
	pub fn set_admitted(id: u64, admitted: bool) {
		EVIDENCE.with(|e| e.borrow_mut().get_mut(&id).map(|e| e.admitted = admitted));
	}
}

impl crate::EvidenceRecords for TestEvidence {
	fn evidence(id: u64) -> Option<crate::Evidence> {
		EVIDENCE.with(|e| e.borrow().get(&id).copied())
	}

	#[cfg(feature = "runtime-benchmarks")]
	fn make_evidence(owner: OrgId, admitted: bool) -> u64 {
		let id = EVIDENCE.with(|e| e.borrow().keys().next_back().map_or(0, |last| last + 1));
		Self::add(id, owner, TestClock::get());
		Self::set_admitted(id, admitted);
		id
	}
}

/// Checks a domain's `frozen(start_after, limit)` listing: it holds exactly `expected` (record
/// id, subject, freeze) in some order; pages of one, each after the last, yield the same
/// records; after the last one nothing follows.
pub fn assert_frozen_listing<K: TryFrom<u64>>(
	list: impl Fn(Option<K>, u32) -> Vec<crate::FrozenRecord>,
	expected: &[(u64, OrgId, crate::Freeze)],
) where
	<K as TryFrom<u64>>::Error: core::fmt::Debug,
{
	let mut whole: Vec<_> =
		list(None, 100).into_iter().map(|r| (r.id, r.subject.unwrap(), r.freeze)).collect();
	whole.sort_by_key(|(id, ..)| *id);
	let mut wanted = expected.to_vec();
	wanted.sort_by_key(|(id, ..)| *id);
	assert_eq!(whole, wanted);
	let mut paged = Vec::new();
	let mut cursor: Option<K> = None;
	loop {
		let page = list(cursor, 1);
		assert!(page.len() <= 1, "a page of one holds one record at most");
		let Some(last) = page.last() else { break };
		paged.push(last.id);
		cursor = Some(K::try_from(last.id).unwrap());
		assert!(paged.len() <= expected.len(), "paging does not end");
	}
	paged.sort();
	assert_eq!(paged, wanted.iter().map(|(id, ..)| *id).collect::<Vec<_>>());
}

/// The tags [`TestRecords`] keeps, with their domains of supervision: the runtime's own tags.
pub const TEST_RECORD_DOMAINS: [(crate::ClaimDomain, crate::Domain); 6] = [
	(*b"fund", crate::Domain::Funds),
	(*b"invc", crate::Domain::Invoices),
	(*b"cred", crate::Domain::Credit),
	(*b"nota", crate::Domain::Notarization),
	(*b"prov", crate::Domain::Provenance),
	(*b"ipwk", crate::Domain::IpRights),
];

thread_local! {
	static RECORDS: RefCell<BTreeMap<crate::RecordRef, OrgId>> = const { RefCell::new(BTreeMap::new()) };
}

/// In-memory records of every domain, standing in for the runtime's `FreezableDomains`: each
/// record is about one organization; a freeze makes the one freeze's checks (the record exists,
/// the regulator's jurisdiction over [`TestMembership`], not frozen already) and refuses with
/// `DispatchError::Other` of the domain error's name. The freezes are kept in the test's
/// storage, so that a failed call's freezes roll back as in a runtime, and `assert_noop!` sees
/// them.
pub struct TestRecords;

impl TestRecords {
	/// Empties the book.
	pub fn reset() {
		RECORDS.with(|r| r.borrow_mut().clear());
	}

	/// Records `record`, about `subject`.
	pub fn add(record: crate::RecordRef, subject: OrgId) {
		RECORDS.with(|r| r.borrow_mut().insert(record, subject));
	}

	/// Whether `record` is frozen, as its domain's own change calls would ask.
	pub fn is_frozen(record: crate::RecordRef) -> bool {
		frame_support::storage::unhashed::exists(&Self::freeze_key(record))
	}

	/// A domain's own unfreeze call, outside any case.
	pub fn lift(record: crate::RecordRef) {
		frame_support::storage::unhashed::kill(&Self::freeze_key(record));
	}

	fn freeze_key(record: crate::RecordRef) -> Vec<u8> {
		let mut key = b"test-records/freeze/".to_vec();
		codec::Encode::encode_to(&record, &mut key);
		key
	}
}

impl crate::FreezableRecords for TestRecords {
	fn keeps(domain: crate::ClaimDomain) -> bool {
		Self::supervision(domain).is_some()
	}

	fn supervision(domain: crate::ClaimDomain) -> Option<crate::Domain> {
		TEST_RECORD_DOMAINS.iter().find(|(tag, _)| *tag == domain).map(|(_, d)| *d)
	}

	fn subject(record: crate::RecordRef) -> Option<OrgId> {
		RECORDS.with(|r| r.borrow().get(&record).copied())
	}

	fn frozen(record: crate::RecordRef) -> Option<crate::Freeze> {
		frame_support::storage::unhashed::get(&Self::freeze_key(record))
	}

	fn freeze(record: crate::RecordRef, regulator: OrgId, reason: sp_core::H256) -> DispatchResult {
		let subject = Self::subject(record).ok_or(DispatchError::Other("RecordNotFound"))?;
		TestMembership::ensure_jurisdiction(regulator, subject)
			.map_err(|_| DispatchError::Other("OutsideJurisdiction"))?;
		if Self::is_frozen(record) {
			return Err(DispatchError::Other("AlreadyFrozen"));
		}
		let freeze = crate::Freeze { by: regulator, at: TestClock::get(), reason };
		frame_support::storage::unhashed::put(&Self::freeze_key(record), &freeze);
		Ok(())
	}

	fn unfreeze(record: crate::RecordRef, regulator: OrgId) -> DispatchResult {
		let subject = Self::subject(record).ok_or(DispatchError::Other("RecordNotFound"))?;
		TestMembership::ensure_jurisdiction(regulator, subject)
			.map_err(|_| DispatchError::Other("OutsideJurisdiction"))?;
		if !Self::is_frozen(record) {
			return Err(DispatchError::Other("NotFrozen"));
		}
		Self::lift(record);
		Ok(())
	}
}

/// In-memory discipline listings standing in for the credit pallet, behind both
/// [`CreditStanding`](crate::CreditStanding) (for the domains that read who is listed) and
/// [`DisciplineRecords`](crate::DisciplineRecords) (for supervision, which lists). Kept in the
/// test's storage, so that a failed call's listings roll back as in a runtime.
pub struct TestStanding;

impl TestStanding {
	fn key(org: OrgId) -> Vec<u8> {
		let mut key = b"test-standing/".to_vec();
		codec::Encode::encode_to(&org, &mut key);
		key
	}

	/// Every listing of `org`, in force or not.
	pub fn all(org: OrgId) -> Vec<crate::Listing> {
		frame_support::storage::unhashed::get(&Self::key(org)).unwrap_or_default()
	}

	/// Lists `org` as `listing` says.
	pub fn add(org: OrgId, listing: crate::Listing) {
		let mut list = Self::all(org);
		list.push(listing);
		frame_support::storage::unhashed::put(&Self::key(org), &list);
	}
}

impl crate::CreditStanding for TestStanding {
	fn listings(org: OrgId) -> Vec<crate::Listing> {
		let now = TestClock::get();
		Self::all(org).into_iter().filter(|l| l.until > now).collect()
	}
}

impl crate::DisciplineRecords for TestStanding {
	/// Listing ids count from 1000 in the order of listing, over every organization.
	fn list(
		subject: OrgId,
		by: OrgId,
		kind: crate::DisciplineKind,
		serious: bool,
		case: u64,
		_decision: sp_core::H256,
		until: Moment,
	) -> Result<Option<u64>, DispatchError> {
		let next: u64 =
			frame_support::storage::unhashed::get(b"test-standing-next").unwrap_or(1000);
		frame_support::storage::unhashed::put(b"test-standing-next", &(next + 1));
		let listing =
			crate::Listing { attestation: next, kind, serious, by, case: Some(case), until };
		Self::add(subject, listing);
		Ok(Some(next))
	}

	fn delist(attestation: u64, _reason: sp_core::H256) -> Result<(), DispatchError> {
		let prefix = b"test-standing/";
		let mut key = prefix.to_vec();
		while let Some(next) = sp_io::storage::next_key(&key) {
			if !next.starts_with(prefix) {
				break;
			}
			let mut list: Vec<crate::Listing> =
				frame_support::storage::unhashed::get(&next).unwrap_or_default();
			if list.iter().any(|l| l.attestation == attestation) {
				list.retain(|l| l.attestation != attestation);
				frame_support::storage::unhashed::put(&next, &list);
				return Ok(());
			}
			key = next;
		}
		Err(DispatchError::Other("NotActive"))
	}

	/// As `delist`; no lender is told (the kit keeps no access log).
	fn repair(attestation: u64, reason: sp_core::H256) -> Result<u32, DispatchError> {
		<Self as crate::DisciplineRecords>::delist(attestation, reason).map(|()| 0)
	}

	#[cfg(feature = "runtime-benchmarks")]
	fn make_repair_audience(_: OrgId) {}
}

/// In-memory record sets and recalls standing in for the funds, provenance and invoices
/// pallets behind [`PopulationSources`](crate::PopulationSources): programs and classes with
/// their records (id, holder), invoiced totals, recalls. Kept in the test's storage.
pub struct TestPopulation;

impl TestPopulation {
	fn key(what: &[u8], id: impl codec::Encode) -> Vec<u8> {
		let mut key = b"test-population/".to_vec();
		key.extend_from_slice(what);
		id.encode_to(&mut key);
		key
	}

	fn records(set: &crate::RecordSet) -> Option<Vec<(u64, OrgId)>> {
		match set {
			crate::RecordSet::FundProgram(p) => {
				frame_support::storage::unhashed::get(&Self::key(b"program", p))
			},
			crate::RecordSet::ProductClass(c) => {
				frame_support::storage::unhashed::get(&Self::key(b"class", c))
			},
			crate::RecordSet::InvoicedAbove { .. } => None,
		}
	}

	/// An indexed set (a program or a class) whose records, in id order, are held by
	/// `holders`: record ids count from 1.
	pub fn set_records(set: crate::RecordSet, holders: &[OrgId]) {
		let records: Vec<(u64, OrgId)> = (1..).zip(holders.iter().copied()).collect();
		let key = match set {
			crate::RecordSet::FundProgram(p) => Self::key(b"program", p),
			crate::RecordSet::ProductClass(c) => Self::key(b"class", c),
			crate::RecordSet::InvoicedAbove { .. } => return,
		};
		frame_support::storage::unhashed::put(&key, &records);
	}

	/// `org` invoiced `net` (fen) in `period`.
	pub fn set_invoiced(org: OrgId, period: u32, net: crate::Fen) {
		frame_support::storage::unhashed::put(&Self::key(b"invoiced", (org, period)), &net);
	}

	/// Goods `maker` made were recalled at `at`.
	pub fn set_recall(maker: OrgId, at: Moment) {
		frame_support::storage::unhashed::put(&Self::key(b"recall", maker), &at);
	}
}

impl crate::PopulationSources for TestPopulation {
	/// A program or class with records set; any plausible period (a month 1–12).
	fn exists(set: &crate::RecordSet) -> bool {
		match set {
			crate::RecordSet::InvoicedAbove { period, .. } => (1..=12).contains(&(period % 100)),
			indexed => Self::records(indexed).is_some(),
		}
	}

	fn holders(set: &crate::RecordSet, after: Option<u64>, limit: u32) -> Vec<(u64, OrgId)> {
		let records = Self::records(set).unwrap_or_default();
		records
			.into_iter()
			.filter(|(id, _)| after.is_none_or(|a| *id > a))
			.take(limit as usize)
			.collect()
	}

	fn holds(set: &crate::RecordSet, org: OrgId) -> bool {
		match set {
			crate::RecordSet::InvoicedAbove { period, amount } => {
				let key = Self::key(b"invoiced", (org, *period));
				frame_support::storage::unhashed::get::<crate::Fen>(&key)
					.is_some_and(|net| net > *amount)
			},
			_ => true,
		}
	}

	fn latest_recall(maker: OrgId) -> Option<Moment> {
		frame_support::storage::unhashed::get(&Self::key(b"recall", maker))
	}
}
