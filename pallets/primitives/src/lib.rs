//! # RegChain primitives
//!
//! The vocabulary every RegChain pallet shares, kept in one crate so that no pallet keeps its own
//! list of who may do what:
//! - [`OrgKind`] and [`AgencyKind`]: what a member organization is;
//! - [`Role`]: a permission, and the agency responsible for granting it ([`Role::granted_by`]);
//! - [`CreditCode`]: an enterprise's verified Unified Social Credit Code;
//! - [`Membership`]: the question every pallet asks — is this account an active member, of which
//!   organization, with which roles — answered by the consortium pallet;
//! - [`EnsureMember`] with its aliases [`EnsureRole`], [`EnsureAgency`] and [`EnsureRegulator`]:
//!   origins built on [`Membership`], to be used as the `EnsureOrigin` types of the domain
//!   pallets' `Config`;
//! - [`authority`]: [`Domain`] and [`AgencyKind::remit`], the one table of which agency kinds
//!   regulate or read which domain;
//! - [`Fen`], [`InvoiceRef`], [`Claim`] and [`InvoiceClaims`]: the one lock that keeps an
//!   invoice from justifying two reimbursements or fund expenses, whichever pallet asks;
//!   [`InvoiceReversals`] tells the lock's holder when a red invoice reduces the invoice;
//! - [`OrgKinds`]: a set of organization kinds (who may attest a claim type …);
//! - [`records`]: [`RecordRef`] names any record of any domain; [`EvidenceRecords`] lets a
//!   domain cite notarized evidence;
//! - [`freeze`]: the one freeze of every domain ([`Freezes`] over a pallet's [`FreezeDomain`]),
//!   and [`FreezableRecords`], through which supervision freezes any record;
//! - [`params`]: every agency kind, role and member kind as a `Get` type for `Config`s;
//! - [`migrations`]: the walk every new index's migration makes;
//! - [`paging`]: the one bound on what a runtime-API query returns, and paging by key;
//! - [`time`]: on-chain time for every date, and its calendar in China Standard Time;
//! - [`testing`] (with `std`): the kit every pallet's mock runtime uses.
#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

pub mod authority;
pub mod credit_code;
pub mod division;
pub mod freeze;
pub mod inspection;
pub mod migrations;
pub mod paging;
pub mod params;
pub mod population;
pub mod records;
pub mod standing;
#[cfg(feature = "std")]
pub mod testing;
pub mod time;

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use core::marker::PhantomData;
use frame_support::{
	dispatch::RawOrigin,
	traits::{EnsureOrigin, Get},
};
use scale_info::TypeInfo;
use sp_runtime::DispatchResult;

pub use authority::{Domain, JurisdictionError, Remit};
pub use credit_code::{CreditCode, CreditCodeError};
pub use division::Division;
pub use freeze::{FreezableRecords, Freeze, FreezeDomain, FreezeError, Freezes, FrozenRecord};
pub use population::{PopulationSources, RecordSet};
pub use records::{Evidence, EvidenceRecords, RecordRef};
pub use standing::{CreditStanding, DisciplineKind, DisciplineRecords, Listing};

/// Identifies a member organization; allocated by the consortium pallet, never reused.
pub type OrgId = u32;

/// Longest organization name, in bytes of UTF-8 (about 40 Chinese characters): the consortium
/// stores names with this bound and the node checks operator configs against it.
pub const MAX_NAME_LEN: u32 = 128;

/// An amount of money in fen (分, 0.01 yuan), the smallest unit of the renminbi. Money moves
/// off chain through banks; the chain records amounts, as integers, never as fractions.
pub type Fen = u64;

/// An invoice's number: the organization that issued it and its place in that issuer's
/// gap-free sequence (from 0).
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	PartialOrd,
	Ord,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	Debug,
)]
pub struct InvoiceRef {
	/// The issuing organization.
	pub issuer: OrgId,
	/// Its sequence number in the issuer's chain.
	pub seq: u32,
}

/// An invoice as one number (a [`RecordRef`] id): the issuer in the high 32 bits, the sequence
/// number in the low 32.
impl From<InvoiceRef> for u64 {
	fn from(id: InvoiceRef) -> u64 {
		(u64::from(id.issuer) << 32) | u64::from(id.seq)
	}
}

impl From<u64> for InvoiceRef {
	fn from(id: u64) -> InvoiceRef {
		InvoiceRef { issuer: (id >> 32) as OrgId, seq: id as u32 }
	}
}

/// The tag of a domain (a pallet) that locks invoices: four bytes of its own choosing, e.g.
/// `*b"fund"` for special-fund expenses. Each pallet declares its tag next to its code; the
/// runtime tests check that the tags of a runtime are distinct.
pub type ClaimDomain = [u8; 4];

/// What an invoice was used to justify — an invoice justifies one thing only: the domain that
/// locked it and the id of its record there (an allocation, a loan, an inspection…). Naming the
/// claimant this way keeps the lock pallet-agnostic: a new domain (invoice financing,
/// supervision) locks invoices with no change here or to the invoices' stored data.
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	Debug,
)]
pub struct Claim {
	/// The domain that locked the invoice.
	pub domain: ClaimDomain,
	/// The id of the domain's record that the invoice justifies.
	pub id: u64,
}

impl Claim {
	/// A claim of `domain` for its record `id`.
	pub const fn new(domain: ClaimDomain, id: u64) -> Self {
		Claim { domain, id }
	}
}

/// The invoice lock, implemented by the invoices pallet and used by every pallet that accepts
/// invoices as proof of an expense: the classic double claim becomes impossible.
pub trait InvoiceClaims {
	/// Locks `invoice` for `claim` by its buyer organization `buyer`, for `amount` fen. Fails,
	/// changing nothing, unless the invoice exists, names `buyer` as buyer, was confirmed by
	/// it, is neither reversed, voided nor under audit, has not been claimed, and its gross
	/// amount covers `amount`.
	fn claim(invoice: InvoiceRef, buyer: OrgId, amount: Fen, claim: Claim) -> DispatchResult;

	/// Locks `invoice` as a receivable of its issuer `seller` pledged for `claim` (invoice
	/// financing): a lock of its own, apart from the buyer's [`claim`](Self::claim), since the
	/// buyer still books the expense while the seller finances what it is owed. Fails, changing
	/// nothing, unless the invoice exists, was issued by `seller`, was confirmed by its buyer,
	/// is neither reversed, voided nor under audit, and no financing has locked it yet; once
	/// locked the seller can no longer reverse it.
	fn claim_receivable(invoice: InvoiceRef, seller: OrgId, claim: Claim) -> DispatchResult;

	/// Ends `invoice`'s receivable lock if `claim` holds it: the financing ended (repaid,
	/// revoked, expired, disputed away). Returns whether it held the lock; a lock held by
	/// another financing, or none, is left as it is.
	fn release_receivable(invoice: InvoiceRef, claim: Claim) -> bool;

	/// Benchmarks: an invoice from `seller` that `buyer` confirmed, of gross `amount`.
	#[cfg(feature = "runtime-benchmarks")]
	fn make_claimable(seller: OrgId, buyer: OrgId, amount: Fen) -> InvoiceRef;
}

/// What a red invoice did to an invoice a claim holds: told to the claim's domain.
#[derive(Clone, Copy, PartialEq, Eq, Encode, Decode, TypeInfo, Debug)]
pub struct ClaimReversal {
	/// The red invoice, in force.
	pub red: InvoiceRef,
	/// The gross amount it took off the invoice, in fen.
	pub reduced: Fen,
	/// The gross amount that remains of the invoice; zero when it is reversed in full.
	pub remaining: Fen,
}

/// The domains that lock invoices ([`InvoiceClaims`]) are told when a red invoice reduces one
/// they hold: the red invoice is the tax truth, so a claim does not stop it; the holder records
/// what it means for its own record (a fund expense to recover or disallow, a financed
/// receivable to report to the bank). Told after the red invoice took effect; cannot fail.
pub trait InvoiceReversals {
	/// `invoice`, which `claim` locks, was reduced as `reversal` says.
	fn reversed(invoice: InvoiceRef, claim: Claim, reversal: ClaimReversal);

	/// The most weight one [`reversed`](Self::reversed) takes, which the invoices pallet adds
	/// to its calls that issue red invoices, once per lock (the buyer's claim, the seller's
	/// pledge).
	fn weight() -> frame_support::weights::Weight;
}

impl InvoiceReversals for () {
	fn reversed(_: InvoiceRef, _: Claim, _: ClaimReversal) {}

	fn weight() -> frame_support::weights::Weight {
		frame_support::weights::Weight::zero()
	}
}

/// The government agencies of a consortium. In JSON (genesis, operator configs) a kind is its
/// name: `"TaxBureau"`.
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	PartialOrd,
	Ord,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	Debug,
	serde::Serialize,
	serde::Deserialize,
)]
pub enum AgencyKind {
	/// Finance bureau: fund programs (专项资金) and their audit.
	FinanceBureau,
	/// Tax bureau: blockchain invoices (区块链发票).
	TaxBureau,
	/// Market supervision: enterprise registration, provenance, random inspections.
	MarketRegulation,
	/// Court or notary office: evidence notarization (司法存证).
	Court,
	/// IP office: intellectual-property fingerprints (知识产权).
	IpOffice,
	/// Credit regulator: SME credit attestations (征信) and financial institutions.
	CreditRegulator,
	/// Economy and information commission (经济和信息化委员会): runs industrial special funds.
	EconomyCommission,
	/// Science and technology commission (科学技术委员会): runs research and innovation funds.
	ScienceCommission,
	/// Commerce commission (商务委员会): runs trade and commerce funds.
	CommerceCommission,
	/// Audit office (审计局): audits public money, special funds included.
	AuditOffice,
	/// Customs (海关): clears imported and exported goods (provenance).
	Customs,
}

impl AgencyKind {
	/// Every kind of agency, in declaration order: the one list of them.
	pub const ALL: [AgencyKind; 11] = [
		AgencyKind::FinanceBureau,
		AgencyKind::TaxBureau,
		AgencyKind::MarketRegulation,
		AgencyKind::Court,
		AgencyKind::IpOffice,
		AgencyKind::CreditRegulator,
		AgencyKind::EconomyCommission,
		AgencyKind::ScienceCommission,
		AgencyKind::CommerceCommission,
		AgencyKind::AuditOffice,
		AgencyKind::Customs,
	];

	/// The roles this kind of agency grants and revokes ([`Role::granted_by`] read the other
	/// way).
	pub fn grants(self) -> impl Iterator<Item = Role> {
		Role::ALL.into_iter().filter(move |r| r.granted_by() == self)
	}
}

/// What a member organization is.
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	Debug,
)]
pub enum OrgKind {
	/// A government agency; agencies run the validators and govern the consortium.
	Agency(AgencyKind),
	/// An enterprise, identified by its credit code.
	Enterprise,
	/// A bank or lender, identified by its credit code.
	FinancialInstitution,
}

impl OrgKind {
	/// Enterprises and financial institutions must be registered with a credit code.
	pub fn needs_credit_code(&self) -> bool {
		!matches!(self, OrgKind::Agency(_))
	}

	/// The agency that admits, renews, suspends and revokes this kind of member. Agencies
	/// themselves are admitted by the agencies together (governance), hence `None`.
	pub fn registrar(&self) -> Option<AgencyKind> {
		match self {
			OrgKind::Agency(_) => None,
			OrgKind::Enterprise => Some(AgencyKind::MarketRegulation),
			OrgKind::FinancialInstitution => Some(AgencyKind::CreditRegulator),
		}
	}
}

impl OrgKind {
	/// The kind's bit in an [`OrgKinds`] set: agencies by their kind, then enterprises and
	/// financial institutions.
	const fn bit(self) -> u32 {
		match self {
			OrgKind::Agency(a) => 1 << (a as u8),
			OrgKind::Enterprise => 1 << 16,
			OrgKind::FinancialInstitution => 1 << 17,
		}
	}
}

/// A set of organization kinds (four bytes on chain): e.g. the kinds of organization that may
/// attest a credit fact, or act at a step of a supply chain.
#[derive(
	Clone,
	Copy,
	Default,
	PartialEq,
	Eq,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	Debug,
	serde::Serialize,
	serde::Deserialize,
)]
pub struct OrgKinds(pub u32);

impl OrgKinds {
	/// The set of `kinds`.
	pub fn of(kinds: &[OrgKind]) -> Self {
		OrgKinds(kinds.iter().fold(0, |bits, k| bits | k.bit()))
	}
	/// Whether `kind` is in the set.
	pub fn contains(&self, kind: OrgKind) -> bool {
		self.0 & kind.bit() != 0
	}
	/// Whether the set holds no kind of organization that exists (unknown bits are ignored).
	pub fn is_empty(&self) -> bool {
		!self.iter().any(|_| true)
	}
	/// The kinds in the set.
	pub fn iter(&self) -> impl Iterator<Item = OrgKind> + '_ {
		AgencyKind::ALL
			.into_iter()
			.map(OrgKind::Agency)
			.chain([OrgKind::Enterprise, OrgKind::FinancialInstitution])
			.filter(|k| self.contains(*k))
	}
}

/// A permission held by an organization, granted and revoked by one responsible agency.
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	PartialOrd,
	Ord,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	Debug,
)]
pub enum Role {
	/// A taxpayer allowed to issue blockchain invoices (tax bureau).
	InvoiceIssuer,
	/// Manages special-fund programs (finance bureau).
	FundManager,
	/// Audits special funds (finance bureau).
	Auditor,
	/// Attests SME credit (credit regulator).
	Attester,
	/// Notarizes evidence (court / notary office).
	Notary,
	/// Registers IP fingerprints (IP office).
	IpExaminer,
	/// Takes part in supply chains: holds, hands over and receives goods, reports suspected
	/// counterfeits (market regulation).
	ProvenanceRecorder,
	/// Carries out random inspections (market regulation).
	Inspector,
	/// Makes goods or owns their brand: registers product classes, batches and items (market
	/// regulation).
	Manufacturer,
	/// Carries goods: a handover to a carrier is the goods' shipment (market regulation).
	Logistics,
	/// Sells goods to consumers: puts items on sale and sells them (market regulation).
	Retailer,
}

impl Role {
	/// Every role, for iteration in tests and benchmarks.
	pub const ALL: [Role; 11] = [
		Role::InvoiceIssuer,
		Role::FundManager,
		Role::Auditor,
		Role::Attester,
		Role::Notary,
		Role::IpExaminer,
		Role::ProvenanceRecorder,
		Role::Inspector,
		Role::Manufacturer,
		Role::Logistics,
		Role::Retailer,
	];

	/// Whether an organization of `kind` may hold this role: roles follow the law, so an
	/// enterprise can never audit funds or manage a program, and only taxpayers issue invoices.
	///
	/// - `InvoiceIssuer`: taxpayers — enterprises and financial institutions.
	/// - `FundManager`: the departments that run special funds — the finance bureau and the
	///   economy, science and commerce commissions.
	/// - `Auditor`: the audit office and the finance bureau.
	/// - `Attester`: agencies and financial institutions, and enterprises that keep payment
	///   records (utilities); each claim type of the credit pallet narrows this further.
	/// - `Notary`: courts and notary offices (an agency of kind `Court`).
	/// - `IpExaminer`: the IP office.
	/// - `ProvenanceRecorder`: enterprises along a supply chain, customs and market regulation.
	/// - `Inspector`: market regulation and customs.
	/// - `Manufacturer`, `Logistics`, `Retailer`: enterprises (a business licence's scope).
	pub fn may_be_held_by(&self, kind: OrgKind) -> bool {
		use AgencyKind::*;
		let agency = match kind {
			OrgKind::Agency(a) => Some(a),
			_ => None,
		};
		match self {
			Role::InvoiceIssuer => kind.needs_credit_code(),
			Role::FundManager => matches!(
				agency,
				Some(FinanceBureau | EconomyCommission | ScienceCommission | CommerceCommission)
			),
			Role::Auditor => matches!(agency, Some(AuditOffice | FinanceBureau)),
			Role::Attester => true,
			Role::Notary => agency == Some(Court),
			Role::IpExaminer => agency == Some(IpOffice),
			Role::ProvenanceRecorder => {
				kind == OrgKind::Enterprise || matches!(agency, Some(Customs | MarketRegulation))
			},
			Role::Inspector => matches!(agency, Some(MarketRegulation | Customs)),
			Role::Manufacturer | Role::Logistics | Role::Retailer => kind == OrgKind::Enterprise,
		}
	}

	/// The agency responsible for granting and revoking this role.
	pub fn granted_by(&self) -> AgencyKind {
		match self {
			Role::InvoiceIssuer => AgencyKind::TaxBureau,
			Role::FundManager | Role::Auditor => AgencyKind::FinanceBureau,
			Role::Attester => AgencyKind::CreditRegulator,
			Role::Notary => AgencyKind::Court,
			Role::IpExaminer => AgencyKind::IpOffice,
			Role::ProvenanceRecorder
			| Role::Inspector
			| Role::Manufacturer
			| Role::Logistics
			| Role::Retailer => AgencyKind::MarketRegulation,
		}
	}

	/// The role's bit in a [`Roles`] set.
	const fn bit(self) -> u16 {
		1 << (self as u8)
	}
}

/// A set of roles, stored as a bit set (two bytes on chain).
#[derive(
	Clone,
	Copy,
	Default,
	PartialEq,
	Eq,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	Debug,
)]
pub struct Roles(u16);

impl Roles {
	/// Whether `role` is in the set.
	pub fn contains(&self, role: Role) -> bool {
		self.0 & role.bit() != 0
	}
	/// Adds `role`; returns whether it was absent.
	pub fn insert(&mut self, role: Role) -> bool {
		let absent = !self.contains(role);
		self.0 |= role.bit();
		absent
	}
	/// Removes `role`; returns whether it was present.
	pub fn remove(&mut self, role: Role) -> bool {
		let present = self.contains(role);
		self.0 &= !role.bit();
		present
	}
	/// The roles in the set.
	pub fn iter(&self) -> impl Iterator<Item = Role> + '_ {
		Role::ALL.into_iter().filter(|r| self.contains(*r))
	}
}

/// What an active member account is, as the other pallets see it.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub struct MemberInfo {
	/// The organization the account acts for.
	pub org: OrgId,
	/// What the organization is.
	pub kind: OrgKind,
	/// Its roles.
	pub roles: Roles,
}

/// Who is an active member: implemented by the consortium pallet, asked by every other pallet.
/// An account of an expired, revoked or suspended organization is no member at all.
pub trait Membership<AccountId> {
	/// The member information of `who`, if it acts for an active organization.
	fn member(who: &AccountId) -> Option<MemberInfo>;

	/// The member information of `who`, if it acts for an active organization or a suspended
	/// one: what a suspended organization may still answer ([`EnsureAnswerer`]). Without
	/// suspensions, [`Membership::member`].
	fn answering_member(who: &AccountId) -> Option<MemberInfo> {
		Self::member(who)
	}

	/// Whether `who` acts for an active organization holding `role`.
	fn has_role(who: &AccountId, role: Role) -> bool {
		Self::member(who).is_some_and(|m| m.roles.contains(role))
	}

	/// Whether `who` acts for an active agency of `kind`.
	fn is_agency(who: &AccountId, kind: AgencyKind) -> bool {
		Self::member(who).is_some_and(|m| m.kind == OrgKind::Agency(kind))
	}

	/// Whether `org` is an active organization.
	fn is_active_org(org: OrgId) -> bool;

	/// What the active organization `org` is; `None` for an unknown or inactive one.
	fn kind(org: OrgId) -> Option<OrgKind>;

	/// The roles of the active organization `org`; `None` for an unknown or inactive one.
	fn roles(org: OrgId) -> Option<Roles>;

	/// Whether the active organization `org` holds `role`.
	fn org_has_role(org: OrgId, role: Role) -> bool {
		Self::roles(org).is_some_and(|roles| roles.contains(role))
	}

	/// Where `org` is: an agency's jurisdiction, an enterprise's or a financial institution's
	/// division (from its credit code). `None` for an unknown organization.
	fn region(org: OrgId) -> Option<Division>;

	/// The one jurisdiction check, asked by every pallet (and by the query gateway, through
	/// `ConsortiumApi::oversees`) before an agency acts on, or reads, an organization's records:
	/// `agency` is an active agency and the region of `org` — a known organization, active or
	/// not (a suspended member's records stay under supervision) — lies within its jurisdiction.
	/// Remit (which domains the agency acts in) is the origins' part
	/// (`EnsureRegulator`), not this one's.
	fn ensure_jurisdiction(agency: OrgId, org: OrgId) -> Result<(), JurisdictionError> {
		let region = Self::region(org).ok_or(JurisdictionError::OrganizationNotFound)?;
		Self::ensure_jurisdiction_over(agency, region)
	}

	/// The same check over a whole division (a random inspection's population): `agency` is an
	/// active agency whose jurisdiction covers `region` — and so every member of it, divisions
	/// nesting.
	fn ensure_jurisdiction_over(agency: OrgId, region: Division) -> Result<(), JurisdictionError> {
		match (Self::kind(agency), Self::region(agency)) {
			(Some(OrgKind::Agency(_)), Some(jurisdiction)) if jurisdiction.covers(&region) => {
				Ok(())
			},
			_ => Err(JurisdictionError::OutsideJurisdiction),
		}
	}

	/// Whether `ensure_jurisdiction(agency, org)` passes.
	fn has_jurisdiction(agency: OrgId, org: OrgId) -> bool {
		Self::ensure_jurisdiction(agency, org).is_ok()
	}

	/// The credit code of an active organization.
	fn credit_code(org: OrgId) -> Option<CreditCode>;

	/// The active organization registered with `code`, if any.
	fn org_by_credit_code(code: &CreditCode) -> Option<OrgId>;

	/// The members registered in `region` (those with a credit code: enterprises and
	/// financial institutions, of any status), in the order of the region index — by division,
	/// then id — after `after` (a member's division and id), at most `limit`: the population of
	/// a random inspection, read a page at a time.
	fn members_in(
		region: Division,
		after: Option<(Division, OrgId)>,
		limit: u32,
	) -> alloc::vec::Vec<(Division, OrgId)>;

	/// Benchmarks and tests of other pallets: makes `who` an active member holding `role`.
	#[cfg(feature = "runtime-benchmarks")]
	fn make_member(who: &AccountId, kind: OrgKind, role: Option<Role>) -> OrgId;

	/// Benchmarks: makes `who` another account of `org`.
	#[cfg(feature = "runtime-benchmarks")]
	fn add_account(org: OrgId, who: &AccountId);
}

/// Benchmarks: an origin that `O` accepts (made with `O::try_successful_origin`) and the
/// organization it acts for.
#[cfg(feature = "runtime-benchmarks")]
pub fn member_origin<O, RuntimeOrigin, AccountId>() -> Result<(RuntimeOrigin, OrgId), ()>
where
	O: EnsureOrigin<RuntimeOrigin, Success = (AccountId, OrgId)>,
	RuntimeOrigin: Clone,
{
	let origin = O::try_successful_origin()?;
	let (_, org) = O::try_origin(origin.clone()).map_err(|_| ())?;
	Ok((origin, org))
}

/// Benchmarks: signatures by fresh keys of the runtime's signature scheme, for calls that
/// carry a key holder's signed consent (joining an organization, an author's declaration).
#[cfg(feature = "runtime-benchmarks")]
pub trait BenchmarkSigner<AccountId, Signature> {
	/// A fresh key, as its account.
	fn new_key() -> AccountId;
	/// `key`'s signature over `message`; `key` came from [`new_key`](Self::new_key).
	fn sign(key: &AccountId, message: &[u8]) -> Signature;
}

/// Benchmarks: on-chain time in a benchmark's state. Benchmarks run on the genesis state, where
/// no block has set the time: every read of the clock would give zero — terms, windows and tax
/// periods computed in 1970, and `pallet_timestamp` logging an error on each read, which the
/// benchmark would time with the call (millions of lines in one run of the pallets'
/// benchmarks). The consortium starts the clock when it makes a benchmark member, which every
/// member or agency origin of a benchmark does first.
#[cfg(feature = "runtime-benchmarks")]
pub trait BenchmarkClock {
	/// Sets the time to [`BENCHMARK_EPOCH`] unless a time is already set.
	fn start();
}

/// Benchmarks: the time [`BenchmarkClock::start`] sets, 2026-01-01 00:00 UTC.
#[cfg(feature = "runtime-benchmarks")]
pub const BENCHMARK_EPOCH: time::Moment = 1_767_225_600_000;

/// Which active members an origin accepts.
pub trait MemberFilter {
	/// Whether a member with this information is accepted.
	fn allows(member: &MemberInfo) -> bool;

	/// Benchmarks: the kind and role of a member that is accepted.
	#[cfg(feature = "runtime-benchmarks")]
	fn sample() -> (OrgKind, Option<Role>);
}

/// Accepts every active member.
pub struct AnyMember;
impl MemberFilter for AnyMember {
	fn allows(_: &MemberInfo) -> bool {
		true
	}

	#[cfg(feature = "runtime-benchmarks")]
	fn sample() -> (OrgKind, Option<Role>) {
		(OrgKind::Enterprise, None)
	}
}

/// Accepts members of the kind `K::get()` (e.g. enterprises).
pub struct IsKind<K>(PhantomData<K>);
impl<K: Get<OrgKind>> MemberFilter for IsKind<K> {
	fn allows(member: &MemberInfo) -> bool {
		member.kind == K::get()
	}

	#[cfg(feature = "runtime-benchmarks")]
	fn sample() -> (OrgKind, Option<Role>) {
		(K::get(), None)
	}
}

/// Accepts members holding the role `R::get()`.
pub struct HasRole<R>(PhantomData<R>);
impl<R: Get<Role>> MemberFilter for HasRole<R> {
	fn allows(member: &MemberInfo) -> bool {
		member.roles.contains(R::get())
	}

	/// The first kind that may hold the role in law (an enterprise where it may), so that a
	/// benchmark's caller passes the checks a call makes beyond its origin (an examiner's
	/// jurisdiction is an agency's).
	#[cfg(feature = "runtime-benchmarks")]
	fn sample() -> (OrgKind, Option<Role>) {
		let role = R::get();
		let kind = [OrgKind::Enterprise, OrgKind::FinancialInstitution]
			.into_iter()
			.chain(AgencyKind::ALL.into_iter().map(OrgKind::Agency))
			.find(|kind| role.may_be_held_by(*kind))
			.unwrap_or(OrgKind::Enterprise);
		(kind, Some(role))
	}
}

/// Accepts accounts of the agency of kind `K::get()`.
pub struct IsAgency<K>(PhantomData<K>);
impl<K: Get<AgencyKind>> MemberFilter for IsAgency<K> {
	fn allows(member: &MemberInfo) -> bool {
		member.kind == OrgKind::Agency(K::get())
	}

	#[cfg(feature = "runtime-benchmarks")]
	fn sample() -> (OrgKind, Option<Role>) {
		(OrgKind::Agency(K::get()), None)
	}
}

/// Accepts accounts of every agency, whatever its kind: the origin of calls whose remit each
/// argument decides (a supervision case names records of several domains).
pub struct AnyAgency;
impl MemberFilter for AnyAgency {
	fn allows(member: &MemberInfo) -> bool {
		matches!(member.kind, OrgKind::Agency(_))
	}

	/// Market regulation: the kind that reads every domain.
	#[cfg(feature = "runtime-benchmarks")]
	fn sample() -> (OrgKind, Option<Role>) {
		(OrgKind::Agency(AgencyKind::MarketRegulation), None)
	}
}

/// Accepts accounts of the agency whose kind regulates the domain `D::get()`
/// ([`AgencyKind::remit`]).
pub struct Regulates<D>(PhantomData<D>);
impl<D: Get<Domain>> MemberFilter for Regulates<D> {
	fn allows(member: &MemberInfo) -> bool {
		matches!(member.kind, OrgKind::Agency(kind) if kind.regulates(D::get()))
	}

	#[cfg(feature = "runtime-benchmarks")]
	fn sample() -> (OrgKind, Option<Role>) {
		let regulator = AgencyKind::ALL.into_iter().find(|k| k.regulates(D::get()));
		(OrgKind::Agency(regulator.expect("every domain has a regulator")), None)
	}
}

/// An origin: a signed account of an active organization accepted by the filter `F`.
/// Success value: the account and its organization. Any other origin, and any account of an
/// expired, revoked or suspended organization, is refused — except, with `ANSWERING`, a
/// suspended one's ([`EnsureAnswerer`]).
pub struct EnsureMember<AccountId, M, F, const ANSWERING: bool = false>(
	PhantomData<(AccountId, M, F)>,
);

/// A signed account of an active or suspended organization accepted by the filter `F`: the
/// origin of the answers a suspension must not cut off (a statement in a case against it, a
/// dispute of an attestation about it, its answer to a red-letter request), whose deadlines
/// keep running while it is suspended.
pub type EnsureAnswerer<AccountId, M, F> = EnsureMember<AccountId, M, F, true>;

/// A signed account of an active organization holding the role `R::get()`.
pub type EnsureRole<AccountId, M, R> = EnsureMember<AccountId, M, HasRole<R>>;
/// A signed account of the active agency of kind `K::get()`.
pub type EnsureAgency<AccountId, M, K> = EnsureMember<AccountId, M, IsAgency<K>>;
/// A signed account of an active agency whose kind regulates the domain `D::get()`: the
/// origin of a domain's regulatory calls, from the one table of remits.
pub type EnsureRegulator<AccountId, M, D> = EnsureMember<AccountId, M, Regulates<D>>;

impl<O, AccountId, M, F, const ANSWERING: bool> EnsureOrigin<O>
	for EnsureMember<AccountId, M, F, ANSWERING>
where
	O: Into<Result<RawOrigin<AccountId>, O>> + From<RawOrigin<AccountId>>,
	AccountId: Clone + Decode,
	M: Membership<AccountId>,
	F: MemberFilter,
{
	type Success = (AccountId, OrgId);

	fn try_origin(o: O) -> Result<Self::Success, O> {
		o.into().and_then(|raw| match raw {
			RawOrigin::Signed(who) => {
				match if ANSWERING { M::answering_member(&who) } else { M::member(&who) } {
					Some(member) if F::allows(&member) => Ok((who, member.org)),
					_ => Err(O::from(RawOrigin::Signed(who))),
				}
			},
			other => Err(O::from(other)),
		})
	}

	#[cfg(feature = "runtime-benchmarks")]
	fn try_successful_origin() -> Result<O, ()> {
		// One account per kind of member the filter accepts, so that a benchmark using two
		// origins with different filters gets two distinct members.
		let (kind, role) = F::sample();
		use sp_runtime::traits::{BlakeTwo256, Hash};
		let seed = BlakeTwo256::hash_of(&(b"regchain/ensure-member", kind, role));
		let who = AccountId::decode(&mut sp_runtime::traits::TrailingZeroInput::new(seed.as_ref()))
			.map_err(|_| ())?;
		M::make_member(&who, kind, role);
		Ok(O::from(RawOrigin::Signed(who)))
	}
}

#[cfg(test)]
mod tests {
	use super::*;

	/// An invoice's record id keeps its issuer and number apart, both in full.
	#[test]
	fn an_invoice_is_one_number_and_back() {
		let id = InvoiceRef { issuer: u32::MAX - 1, seq: 7 };
		assert_eq!(u64::from(id), ((u32::MAX as u64 - 1) << 32) | 7);
		assert_eq!(InvoiceRef::from(u64::from(id)), id);
		assert_eq!(InvoiceRef::from(5u64), InvoiceRef { issuer: 0, seq: 5 });
	}

	#[test]
	fn org_kind_sets_hold_exactly_their_kinds() {
		let set =
			OrgKinds::of(&[OrgKind::Agency(AgencyKind::TaxBureau), OrgKind::FinancialInstitution]);
		assert!(set.contains(OrgKind::Agency(AgencyKind::TaxBureau)));
		assert!(set.contains(OrgKind::FinancialInstitution));
		assert!(!set.contains(OrgKind::Enterprise));
		assert!(!set.contains(OrgKind::Agency(AgencyKind::Court)));
		assert_eq!(
			set.iter().collect::<Vec<_>>(),
			[OrgKind::Agency(AgencyKind::TaxBureau), OrgKind::FinancialInstitution]
		);
		assert!(OrgKinds::default().is_empty());
		// Bits no kind stands for do not make a set non-empty.
		assert!(OrgKinds(1 << 31).is_empty());
		// Every kind has its own bit.
		let all: Vec<OrgKind> = OrgKinds(u32::MAX).iter().collect();
		assert_eq!(all.len(), AgencyKind::ALL.len() + 2);
	}
}
