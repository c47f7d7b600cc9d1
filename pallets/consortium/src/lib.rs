//! # Consortium pallet
//!
//! Who is this account, and may it do this? Every other RegChain pallet asks this pallet,
//! through the [`Membership`] trait and the `EnsureRole` / `EnsureAgency` origins of
//! `regchain-primitives`, instead of keeping its own lists.
//!
//! ## Actors and terms
//! - **Organization**: a member of the consortium — a government agency, an enterprise or a
//!   financial institution — with a name, a kind, a term, a status, roles, and one or more
//!   **accounts** that act for it. An account acts for one organization only.
//! - **Governance** ([`Config::GovernanceOrigin`]): the agencies together. It admits agencies,
//!   and can renew, suspend, resume or revoke any organization, set transaction quotas, and
//!   [`enact`](Pallet::enact) any call with the `Root` origin (runtime upgrades included).
//! - **Council**: each active agency holds one seat ([`CouncilSeats`], the account it was
//!   admitted with) in the collective that [`Config::Council`] names. This pallet keeps that
//!   collective's members equal to the seats of the active agencies — on admission,
//!   suspension, resumption, revocation, renewal and when a term runs out — so that one vote is
//!   one agency, however many accounts it has. The runtime's governance origin is a two-thirds
//!   majority of that council: a single key (or a single agency) can decide nothing alone,
//!   unlike with `sudo`, and unlike a fixed multisig the threshold follows the agencies as they
//!   join and leave.
//! - **Registrar**: the agency responsible for a kind of member ([`OrgKind::registrar`]): market
//!   regulation registers enterprises, the credit regulator financial institutions, each
//!   identified by its verified Unified Social Credit Code; the registrar also renews,
//!   suspends, resumes and revokes them.
//! - **Roles** ([`Role`]) are granted and revoked by the agency responsible for each
//!   ([`Role::granted_by`]): the tax bureau grants `InvoiceIssuer`, the credit regulator
//!   `Attester`, and so on — and only to the kinds of organization that hold them in law
//!   ([`Role::may_be_held_by`]): no enterprise audits funds or manages a program.
//! - **Jurisdiction**: each agency acts on the members of an administrative division
//!   ([`Division`], GB/T 2260; [`Jurisdictions`]): an enterprise's or financial institution's
//!   region is the division in its credit code, an agency's its jurisdiction. A registrar
//!   registers, renews, suspends and revokes, and an agency grants roles, only within its
//!   jurisdiction ([`Membership::ensure_jurisdiction`], the one check every pallet asks).
//!
//! ## Member-only, fee-less transactions
//! [`CheckMember`] is a transaction extension: a signed transaction from an account that acts
//! for no active organization is refused by the transaction pool (`BadSigner`), so spam by
//! outsiders never reaches a block, and so is a call the runtime's [`MemberCallPolicy`] does
//! not allow members (`InvalidTransaction::Call`). Members pay no fees; instead each
//! organization may submit a quota of transactions and of bytes per [`Config::QuotaPeriod`]
//! ([`DefaultTxQuota`], [`DefaultByteQuota`], or its own) — the bytes a transaction is charged
//! are its length or the state it may add ([`MemberCallPolicy::state_bytes`]), whichever is
//! more, so the quota bounds what every node stores — set by governance and never below
//! the floors ([`Config::MinTxQuota`], [`Config::MinByteQuota`]). Past it, its transactions are
//! refused with `Custom(QUOTA_EXHAUSTED)` until the next period; an account may not queue more
//! than its organization has left, and the pool serves organizations that used less first, so
//! one member flooding the chain cannot starve or delay the others. A council seat's council
//! calls may go [`Config::GovernanceReserve`] past the quota: governance always gets through.
//!
//! ## Governance cannot lock itself out
//! An agency's term is a review date: past it the agency stays a member with its seat
//! (`TermOverdue`) until governance renews or revokes it. No suspension or revocation leaves
//! fewer than [`Config::MinAgencies`] agencies on the council; a revoked agency's seat is freed;
//! governance moves a seat to another account of its agency ([`Pallet::rotate_seat`]).
//!
//! ## Invariants
//! - An organization's accounts are members only while it is `Active` and its term has not run
//!   out: an expired, suspended or revoked organization's accounts are non-members everywhere,
//!   at once, with no per-account bookkeeping.
//! - A credit code belongs to one organization for ever (revoked ones keep theirs), an account
//!   to one organization; an organization keeps at least one account.
//! - Every organization's `accounts` count equals the accounts mapped to it (`try_state`).
//!
//! ## Data privacy
//! On chain: names, kinds, credit codes (public registration data), terms, statuses, roles and
//! account keys. Nothing else about an organization is stored.
#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

pub use pallet::*;

regchain_primitives::jurisdiction_errors!();

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
mod council;
mod extension;
mod impls;
pub mod migrations;
#[cfg(test)]
mod mock;
pub mod runtime_api;
#[cfg(test)]
mod tests;
pub mod types;
pub mod weights;

pub use extension::{AgencyDeparture, Allowance, CheckMember, MemberCallPolicy, QUOTA_EXHAUSTED};

pub use regchain_primitives::{AgencyKind, Division, Membership, OrgId, OrgKind, Role};
pub use types::*;

pub use weights::WeightInfo;

#[frame_support::pallet]
pub mod pallet {
	use super::*;
	use alloc::{boxed::Box, vec::Vec};
	use frame_support::{
		dispatch::{GetDispatchInfo, RawOrigin},
		pallet_prelude::*,
		traits::{ChangeMembers, UnfilteredDispatchable, UnixTime},
	};
	use frame_system::pallet_prelude::*;
	use regchain_primitives::{time::Moment, CreditCode};
	use sp_runtime::traits::{IdentifyAccount, Verify};

	/// The storage layout's version; a migration bumps it with the layout.
	pub const STORAGE_VERSION: StorageVersion = StorageVersion::new(3);

	#[pallet::pallet]
	#[pallet::storage_version(STORAGE_VERSION)]
	pub struct Pallet<T>(_);

	#[pallet::config]
	pub trait Config: frame_system::Config {
		/// The agencies together: admits agencies and acts on any organization.
		type GovernanceOrigin: EnsureOrigin<Self::RuntimeOrigin>;

		/// The calls governance may [`enact`](Pallet::enact) as `Root`.
		type RuntimeCall: Parameter
			+ UnfilteredDispatchable<RuntimeOrigin = Self::RuntimeOrigin>
			+ GetDispatchInfo
			+ From<frame_system::Call<Self>>;

		/// The agencies' council, whose members this pallet keeps equal to the seats of the
		/// active agencies.
		type Council: ChangeMembers<Self::AccountId>;

		/// The most agencies (council seats) the consortium may have.
		#[pallet::constant]
		type MaxAgencies: Get<u32>;

		/// The length of a transaction-quota period, in blocks.
		#[pallet::constant]
		type QuotaPeriod: Get<BlockNumberFor<Self>>;

		/// The longest term a registration or renewal may grant, in on-chain time.
		#[pallet::constant]
		type MaxTerm: Get<Moment>;

		/// The most accounts one organization may have.
		#[pallet::constant]
		type MaxAccountsPerOrg: Get<u32>;

		/// The fewest transactions per quota period governance may leave an organization: a
		/// quota of 0 would lock an agency out of governance for good.
		#[pallet::constant]
		type MinTxQuota: Get<u32>;

		/// The fewest bytes per quota period governance may leave an organization.
		#[pallet::constant]
		type MinByteQuota: Get<u32>;

		/// Transactions a council seat may still send past its organization's quota, for its
		/// council calls only: however its clerks used the quota, the agency can still vote.
		#[pallet::constant]
		type GovernanceReserve: Get<u32>;

		/// The fewest active agencies (council members) suspensions and revocations may leave:
		/// below it governance could lock itself out.
		#[pallet::constant]
		type MinAgencies: Get<u32>;

		/// The signature an account gives to join an organization (the runtime's transaction
		/// signature): no account is made a member without its own consent.
		type JoinSignature: Parameter + Verify<Signer = Self::JoinSigner>;

		/// Who signs [`Config::JoinSignature`]s: the account itself.
		type JoinSigner: IdentifyAccount<AccountId = Self::AccountId>;

		/// How long an account's signed consent to join may wait before an administrator uses
		/// it, in on-chain time: an old consent cannot be replayed to re-add a removed account.
		#[pallet::constant]
		type JoinValidity: Get<Moment>;

		/// The chain's clock (`pallet-timestamp`): terms and consents are dates.
		type UnixTime: UnixTime;

		/// Benchmarks: signs join consents with fresh keys, and starts the clock of the
		/// benchmark's state (`UnixTime` would read zero at genesis).
		#[cfg(feature = "runtime-benchmarks")]
		type BenchmarkHelper: regchain_primitives::BenchmarkSigner<Self::AccountId, Self::JoinSignature>
			+ regchain_primitives::BenchmarkClock;

		/// What an agency's suspension or revocation must not break (the validator set's
		/// minimum of producing validators).
		type AgencyDeparture: AgencyDeparture;

		/// Which calls members may submit at all ([`MemberCallPolicy`]).
		type CallPolicy: MemberCallPolicy<
			Self::AccountId,
			<Self as frame_system::Config>::RuntimeCall,
		>;

		/// Weights of this pallet's calls, from its benchmarks.
		type WeightInfo: WeightInfo;
	}

	/// The member organizations. `OrgId`s are allocated in sequence, so `Twox64Concat` is safe.
	#[pallet::storage]
	pub type Organizations<T: Config> = StorageMap<_, Twox64Concat, OrgId, Organization>;

	/// The organization each account acts for. Accounts are chosen by users: `Blake2_128Concat`.
	#[pallet::storage]
	pub type AccountOrganization<T: Config> = StorageMap<_, Blake2_128Concat, T::AccountId, OrgId>;

	/// The administrator accounts: they manage their organization's accounts; the others
	/// (clerks) only transact. An organization's first account is its first administrator.
	#[pallet::storage]
	pub type Admins<T: Config> = StorageMap<_, Blake2_128Concat, T::AccountId, ()>;

	/// How many administrators each organization has (never fewer than one).
	#[pallet::storage]
	pub type AdminCount<T: Config> = StorageMap<_, Twox64Concat, OrgId, u32, ValueQuery>;

	/// The organization registered under each credit code. Codes are user input:
	/// `Blake2_128Concat`.
	#[pallet::storage]
	pub type OrganizationByCreditCode<T: Config> =
		StorageMap<_, Blake2_128Concat, CreditCode, OrgId>;

	/// The members registered with a credit code (enterprises, financial institutions), by
	/// region: the key is the division of the code then the id, both big-endian, so that the
	/// members within a jurisdiction (a range of codes) are one ordered range of keys, paged by
	/// `members_overseen` without reading anyone outside it. `Identity`: divisions are checked
	/// codes and ids allocated by the chain, so nobody chooses where a key lands.
	#[pallet::storage]
	pub type MembersByRegion<T: Config> = StorageMap<_, Identity, RegionKey, ()>;

	/// The id the next registered organization receives.
	#[pallet::storage]
	pub type NextOrgId<T: Config> = StorageValue<_, OrgId, ValueQuery>;

	/// Each agency's jurisdiction: the members it acts on are those whose region it covers.
	#[pallet::storage]
	pub type Jurisdictions<T: Config> = StorageMap<_, Twox64Concat, OrgId, Division>;

	/// Each agency's council seat: the account it was admitted with.
	#[pallet::storage]
	pub type CouncilSeats<T: Config> = CountedStorageMap<_, Twox64Concat, OrgId, T::AccountId>;

	/// The council members this pallet last gave to [`Config::Council`], sorted.
	#[pallet::storage]
	pub type Council<T: Config> =
		StorageValue<_, BoundedVec<T::AccountId, T::MaxAgencies>, ValueQuery>;

	/// When the next seated agency's term runs out: the council is recomputed in the first
	/// block after that moment.
	#[pallet::storage]
	pub type CouncilReviewAt<T: Config> = StorageValue<_, Moment, OptionQuery>;

	/// How many transactions an organization may submit per quota period, unless governance set
	/// its own quota.
	#[pallet::storage]
	pub type DefaultTxQuota<T: Config> = StorageValue<_, u32, ValueQuery>;

	/// Organizations with a quota of their own.
	#[pallet::storage]
	pub type TxQuotaOverride<T: Config> = StorageMap<_, Twox64Concat, OrgId, u32>;

	/// How many bytes of transactions an organization may submit per quota period, unless
	/// governance set its own.
	#[pallet::storage]
	pub type DefaultByteQuota<T: Config> = StorageValue<_, u32, ValueQuery>;

	/// Organizations with a byte quota of their own.
	#[pallet::storage]
	pub type ByteQuotaOverride<T: Config> = StorageMap<_, Twox64Concat, OrgId, u32>;

	/// Each organization's transactions and bytes in its current quota period.
	#[pallet::storage]
	pub type TxUsage<T: Config> = StorageMap<_, Twox64Concat, OrgId, Usage<BlockNumberFor<T>>>;

	/// The founding agencies of a network.
	#[pallet::genesis_config]
	#[derive(frame_support::DefaultNoBound)]
	pub struct GenesisConfig<T: Config> {
		/// Each agency's kind, name, first account (its council seat) and end of term.
		pub agencies: Vec<(AgencyKind, Vec<u8>, T::AccountId, Moment)>,
		/// Transactions per organization and quota period.
		pub default_tx_quota: u32,
		/// Bytes of transactions per organization and quota period.
		pub default_byte_quota: u32,
		/// The founding agencies' jurisdiction (`0`: national, no division of authority).
		pub jurisdiction: Division,
	}

	#[pallet::genesis_build]
	impl<T: Config> BuildGenesisConfig for GenesisConfig<T> {
		fn build(&self) {
			for (kind, name, account, expires_at) in &self.agencies {
				let name: OrgName =
					name.clone().try_into().expect("genesis agency name is too long");
				let org = Pallet::<T>::insert_organization(
					OrgKind::Agency(*kind),
					name,
					None,
					account.clone(),
					*expires_at,
				)
				.expect("genesis agencies must be valid");
				Pallet::<T>::seat_agency(org, account.clone()).expect("too many genesis agencies");
				assert!(self.jurisdiction.is_valid(), "the jurisdiction is not a division code");
				Jurisdictions::<T>::insert(org, self.jurisdiction);
			}
			DefaultTxQuota::<T>::put(self.default_tx_quota);
			DefaultByteQuota::<T>::put(self.default_byte_quota);
			Pallet::<T>::sync_council();
		}
	}

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// An organization became a member, with its first account.
		OrganizationRegistered {
			org: OrgId,
			kind: OrgKind,
			account: T::AccountId,
			expires_at: Moment,
		},
		/// An account now acts for an organization.
		AccountAdded { org: OrgId, account: T::AccountId },
		/// An account no longer acts for an organization.
		AccountRemoved { org: OrgId, account: T::AccountId },
		/// An account became (`admin: true`) or stopped being an administrator of its
		/// organization.
		AdminSet { org: OrgId, account: T::AccountId, admin: bool },
		/// An organization's term now ends at `expires_at`.
		MembershipRenewed { org: OrgId, expires_at: Moment },
		/// An organization's accounts are barred until it is resumed.
		OrganizationSuspended { org: OrgId },
		/// A suspended organization is a member again.
		OrganizationResumed { org: OrgId },
		/// An organization is expelled for good.
		OrganizationRevoked { org: OrgId },
		/// A responsible agency granted a role.
		RoleGranted { org: OrgId, role: Role, by: OrgId },
		/// A responsible agency revoked a role.
		RoleRevoked { org: OrgId, role: Role, by: OrgId },
		/// The council now has these members (the seats of the active agencies).
		CouncilChanged { members: u32 },
		/// Governance enacted a call as `Root`, with this result.
		Enacted { result: DispatchResult },
		/// Governance set the transaction quota of `org`, or the default when `org` is `None`.
		TxQuotaSet { org: Option<OrgId>, quota: u32 },
		/// Governance set the byte quota of `org`, or the default when `org` is `None`.
		ByteQuotaSet { org: Option<OrgId>, bytes: u32 },
		/// An agency's term ran out unrenewed: it keeps its seat and membership until
		/// governance renews or revokes it.
		TermOverdue { org: OrgId, expired_at: Moment },
		/// Governance moved an agency's council seat to another of its accounts.
		SeatRotated { org: OrgId, old: T::AccountId, new: T::AccountId },
		/// An agency's jurisdiction is now `jurisdiction`.
		JurisdictionSet { org: OrgId, jurisdiction: Division },
	}

	#[pallet::error]
	pub enum Error<T> {
		/// No organization has this id.
		OrganizationNotFound,
		/// The caller is not allowed to do this: use governance, the organization's registrar
		/// or the agency responsible for the role.
		NotAuthorized,
		/// The caller's account acts for no active organization.
		NotActiveMember,
		/// Agencies are admitted by governance with `register_agency`, not by a registrar.
		AgencyNeedsGovernance,
		/// The name is longer than `MAX_NAME_LEN` bytes.
		NameTooLong,
		/// The name is empty.
		EmptyName,
		/// The credit code is not 18 characters.
		CreditCodeWrongLength,
		/// The credit code has a character outside its alphabet (no I, O, S, V, Z, no lower case).
		CreditCodeInvalidCharacter,
		/// Characters 3 to 8 of the credit code (the administrative division) must be digits.
		CreditCodeInvalidDivision,
		/// The credit code's check character does not match: it was mistyped.
		CreditCodeCheckDigitMismatch,
		/// Another organization is registered with this credit code.
		CreditCodeTaken,
		/// The account already acts for an organization.
		AccountTaken,
		/// The account does not act for the caller's organization.
		AccountNotInOrganization,
		/// An organization must keep at least one account.
		LastAccount,
		/// The organization has `MaxAccountsPerOrg` accounts already.
		TooManyAccounts,
		/// The end of term must be in the future.
		TermInPast,
		/// The end of term is further away than `MaxTerm`.
		TermTooLong,
		/// The organization is suspended already.
		AlreadySuspended,
		/// The organization is not suspended.
		NotSuspended,
		/// The organization was revoked; nothing can change it any more.
		Revoked,
		/// The organization holds this role already.
		RoleAlreadyGranted,
		/// The organization does not hold this role.
		RoleNotGranted,
		/// The consortium has `MaxAgencies` agencies already.
		TooManyAgencies,
		/// This account holds its agency's council seat and cannot be removed.
		CouncilSeat,
		/// The account is still in use on chain (e.g. it holds session keys): release that
		/// first.
		AccountInUse,
		/// Characters 1–2 of the credit code are not a registration authority with one of its
		/// organization categories (e.g. `91` for an enterprise).
		CreditCodeInvalidRegistrationType,
		/// Character 17 of the credit code, the check character of the embedded organization
		/// code (GB 11714), does not match characters 9–16: it was mistyped.
		CreditCodeOrgCodeMismatch,
		/// Organizations of this kind cannot hold this role (see `Role::may_be_held_by`).
		RoleNotForKind,
		/// A quota below the floor (`MinTxQuota`, `MinByteQuota`) could lock a member, and
		/// governance with it, out of the chain.
		QuotaBelowFloor,
		/// Fewer than `MinAgencies` active agencies would remain to govern.
		TooFewAgencies,
		/// The organization is not an agency holding a council seat.
		NotSeated,
		/// The member is outside the calling agency's jurisdiction: an agency acts only on members
		/// whose region (an enterprise's division, from its credit code) it covers.
		OutsideJurisdiction,
		/// Not a division code (GB/T 2260: six digits).
		InvalidDivision,
		/// The organization is not an agency.
		NotAgency,
		/// Only an administrator account of the organization manages its accounts.
		NotAdmin,
		/// The account's signature does not consent to joining this organization in this role
		/// (sign `joinMessage`'s bytes with the joining account).
		InvalidJoinSignature,
		/// The consent is past its `valid_until`, or further away than `JoinValidity`.
		JoinExpired,
		/// An organization keeps at least one administrator.
		LastAdmin,
		/// This council member has as many open motions as one seat may have: one agency
		/// cannot fill the council's motion slots and block the others (returned by the
		/// runtime's council configuration).
		TooManyMotions,
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		/// Announces seated agencies whose term has run out (`TermOverdue`).
		///
		/// On-chain time here is still the previous block's (the timestamp inherent comes
		/// after): a term is reviewed in the first block that starts after it ended.
		fn on_initialize(_: BlockNumberFor<T>) -> Weight {
			let now = Self::now();
			match CouncilReviewAt::<T>::get() {
				Some(at) if at <= now => {
					Self::review_terms(at, now);
					T::WeightInfo::sync_council()
				},
				_ => T::DbWeight::get().reads(1),
			}
		}

		#[cfg(feature = "try-runtime")]
		fn try_state(_n: BlockNumberFor<T>) -> Result<(), sp_runtime::TryRuntimeError> {
			Self::do_try_state()
		}
	}

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// Admit a government agency, with its first account.
		///
		/// - Origin: [`Config::GovernanceOrigin`] (the agencies together).
		/// - `expires_at`: the end of its first term (on-chain time), at most `MaxTerm` away.
		/// - `jurisdiction`: the division it acts on (`310000` Shanghai, `310115` Pudong, `0`
		///   national).
		///
		/// The agency takes a council seat with `account` at once.
		///
		/// Errors: `InvalidDivision`, `EmptyName`, `NameTooLong`, `AccountTaken`, `TermInPast`,
		/// `TermTooLong`, `TooManyAgencies`. Events: `OrganizationRegistered`, `CouncilChanged`.
		#[pallet::call_index(0)]
		#[pallet::weight(T::WeightInfo::register_agency())]
		pub fn register_agency(
			origin: OriginFor<T>,
			kind: AgencyKind,
			name: Vec<u8>,
			account: T::AccountId,
			expires_at: Moment,
			jurisdiction: Division,
		) -> DispatchResult {
			T::GovernanceOrigin::ensure_origin(origin)?;
			Self::do_register_agency(kind, name, account, expires_at, jurisdiction)
		}

		/// Register an enterprise or a financial institution, identified by its credit code.
		///
		/// - Origin: an account of the registrar agency of `kind` (market regulation for
		///   enterprises, the credit regulator for financial institutions) whose jurisdiction
		///   covers the division in the credit code.
		/// - `credit_code`: the 18-character Unified Social Credit Code, verified on chain.
		/// - `account`: the organization's first administrator account, which consents with its
		///   `signature` over [`Pallet::register_message`]`(kind, registrar, credit_code,
		///   valid_until)` — SCALE of `(b"regchain/register", genesis hash, kind, the registering
		///   agency's organization id, credit_code, valid_until)`. A registrar cannot bind someone
		///   else's key to an organization, nor use a consent given to another agency or for
		///   another kind.
		/// - `valid_until`: the last moment (on-chain time) the consent may be used, at most
		///   `JoinValidity` away.
		///
		/// Errors: `AgencyNeedsGovernance`, `NotAuthorized`, `JoinExpired`, `InvalidJoinSignature`,
		/// `EmptyName`, `NameTooLong`, the `CreditCode…` errors, `OutsideJurisdiction`,
		/// `CreditCodeTaken`, `AccountTaken`, `TermInPast`, `TermTooLong`.
		/// Events: `OrganizationRegistered`.
		#[pallet::call_index(1)]
		#[pallet::weight(T::WeightInfo::register_organization())]
		pub fn register_organization(
			origin: OriginFor<T>,
			kind: OrgKind,
			name: Vec<u8>,
			credit_code: Vec<u8>,
			account: T::AccountId,
			expires_at: Moment,
			valid_until: Moment,
			signature: T::JoinSignature,
		) -> DispatchResult {
			let registrar = kind.registrar().ok_or(Error::<T>::AgencyNeedsGovernance)?;
			let (_, by) = Self::ensure_agency(origin, registrar)?;
			let message = Self::register_message(kind, by, &credit_code, valid_until);
			Self::check_consent(&account, &message, valid_until, &signature)?;
			Self::do_register_member(by, kind, name, &credit_code, account, expires_at)
		}

		/// Let another account act for the caller's organization, as a clerk or an
		/// administrator, with the account's own consent: its `signature` over
		/// [`Pallet::join_message`]`(org, admin, valid_until)` — SCALE of
		/// `(b"regchain/join", genesis hash, org, admin, valid_until)`. Nobody can make an
		/// account a member (and so take it) without its key.
		///
		/// - Origin: an administrator account of an active organization.
		/// - `valid_until`: the last moment (on-chain time) the consent may be used, at most
		///   `JoinValidity` away.
		///
		/// Errors: `NotActiveMember`, `NotAdmin`, `JoinExpired`, `InvalidJoinSignature`,
		/// `AccountTaken`, `TooManyAccounts`. Events: `AccountAdded` (and `AdminSet`).
		#[pallet::call_index(2)]
		#[pallet::weight(T::WeightInfo::add_account())]
		pub fn add_account(
			origin: OriginFor<T>,
			account: T::AccountId,
			admin: bool,
			valid_until: Moment,
			signature: T::JoinSignature,
		) -> DispatchResult {
			let (_, org) = Self::ensure_admin(origin)?;
			Self::check_join(org, &account, admin, valid_until, &signature)?;
			Self::do_add_account(org, account, admin)
		}

		/// Stop an account acting for the caller's organization (e.g. a departed clerk's key).
		///
		/// - Origin: an administrator of the same active organization, or the account itself.
		///
		/// Errors: `NotActiveMember`, `NotAdmin`, `AccountNotInOrganization`, `CouncilSeat` (an
		/// agency's seat account stays), `LastAccount`, `LastAdmin`, `AccountInUse` (e.g. it
		/// holds session keys). Events: `AccountRemoved`.
		#[pallet::call_index(3)]
		#[pallet::weight(T::WeightInfo::remove_account())]
		pub fn remove_account(origin: OriginFor<T>, account: T::AccountId) -> DispatchResult {
			let (who, org) = Self::ensure_member(origin)?;
			ensure!(who == account || Admins::<T>::contains_key(&who), Error::<T>::NotAdmin);
			Self::do_remove_account(org, account)
		}

		/// Set the end of an organization's term; renewing a lapsed one makes it a member again.
		/// An agency's end of term is a review date: it stays a member past it (`TermOverdue`)
		/// until governance renews or revokes it.
		///
		/// - Origin: governance, or for enterprises and financial institutions their registrar.
		///
		/// Errors: `OrganizationNotFound`, `NotAuthorized`, `Revoked`, `TermInPast`,
		/// `TermTooLong`. Events: `MembershipRenewed`.
		#[pallet::call_index(4)]
		#[pallet::weight(T::WeightInfo::renew().saturating_add(T::WeightInfo::sync_council()))]
		pub fn renew(origin: OriginFor<T>, org: OrgId, expires_at: Moment) -> DispatchResult {
			Self::ensure_authority_over(origin, org)?;
			Self::do_renew(org, expires_at)
		}

		/// Suspend an organization: all its accounts are non-members until it is resumed, except
		/// for their answers (a statement in a case against it, a dispute of an attestation, an
		/// answer to a red-letter request: `EnsureAnswerer`, `MemberCallPolicy::is_answer`),
		/// whose deadlines keep running. A suspended agency loses its council seat until then
		/// (`CouncilChanged`).
		///
		/// - Origin: governance, or for enterprises and financial institutions their registrar.
		///
		/// Errors: `OrganizationNotFound`, `NotAuthorized`, `Revoked`, `AlreadySuspended`,
		/// `TooFewAgencies` (fewer than `MinAgencies` would be left to govern), and what
		/// [`Config::AgencyDeparture`] refuses (the validator set's `TooFewValidators`).
		/// Events: `OrganizationSuspended`.
		#[pallet::call_index(5)]
		#[pallet::weight(T::WeightInfo::suspend().saturating_add(T::WeightInfo::sync_council()))]
		pub fn suspend(origin: OriginFor<T>, org: OrgId) -> DispatchResult {
			Self::ensure_authority_over(origin, org)?;
			Self::do_set_status(org, OrgStatus::Suspended)
		}

		/// Lift a suspension.
		///
		/// - Origin: governance, or for enterprises and financial institutions their registrar.
		///
		/// Errors: `OrganizationNotFound`, `NotAuthorized`, `Revoked`, `NotSuspended`.
		/// Events: `OrganizationResumed`.
		#[pallet::call_index(6)]
		#[pallet::weight(T::WeightInfo::resume().saturating_add(T::WeightInfo::sync_council()))]
		pub fn resume(origin: OriginFor<T>, org: OrgId) -> DispatchResult {
			Self::ensure_authority_over(origin, org)?;
			Self::do_set_status(org, OrgStatus::Active)
		}

		/// Expel an organization for good. Its record, accounts and credit code stay taken, so
		/// that its history remains attributable; a revoked agency's council seat is freed.
		///
		/// - Origin: governance, or for enterprises and financial institutions their registrar.
		///
		/// Errors: `OrganizationNotFound`, `NotAuthorized`, `Revoked`, `TooFewAgencies`,
		/// and what [`Config::AgencyDeparture`] refuses.
		/// Events: `OrganizationRevoked`.
		#[pallet::call_index(7)]
		#[pallet::weight(T::WeightInfo::revoke().saturating_add(T::WeightInfo::sync_council()))]
		pub fn revoke(origin: OriginFor<T>, org: OrgId) -> DispatchResult {
			Self::ensure_authority_over(origin, org)?;
			Self::do_set_status(org, OrgStatus::Revoked)
		}

		/// Grant a role to an organization.
		///
		/// - Origin: an account of an active agency responsible for `role`
		///   ([`Role::granted_by`]) whose jurisdiction covers the organization.
		///
		/// Errors: `NotAuthorized`, `OrganizationNotFound`, `OutsideJurisdiction`, `Revoked`,
		/// `RoleNotForKind` (e.g. an enterprise as `Auditor`), `RoleAlreadyGranted`.
		/// Events: `RoleGranted`.
		#[pallet::call_index(8)]
		#[pallet::weight(T::WeightInfo::grant_role())]
		pub fn grant_role(origin: OriginFor<T>, org: OrgId, role: Role) -> DispatchResult {
			let (_, by) = Self::ensure_agency(origin, role.granted_by())?;
			Self::ensure_jurisdiction(by, org)?;
			Self::do_grant_role(org, role, by)
		}

		/// Revoke a role from an organization.
		///
		/// - Origin: an account of an active agency responsible for `role` whose jurisdiction
		///   covers the organization.
		///
		/// Errors: `NotAuthorized`, `OrganizationNotFound`, `OutsideJurisdiction`,
		/// `RoleNotGranted`.
		/// Events: `RoleRevoked`.
		#[pallet::call_index(9)]
		#[pallet::weight(T::WeightInfo::revoke_role())]
		pub fn revoke_role(origin: OriginFor<T>, org: OrgId, role: Role) -> DispatchResult {
			let (_, by) = Self::ensure_agency(origin, role.granted_by())?;
			Self::ensure_jurisdiction(by, org)?;
			Self::do_revoke_role(org, role, by)
		}

		/// Dispatch a call with the `Root` origin: how the agencies together upgrade the
		/// runtime (`system.setCode`) or change what only `Root` may change.
		///
		/// - Origin: [`Config::GovernanceOrigin`].
		///
		/// The call's own failure does not fail this call: it is reported in `Enacted`.
		#[pallet::call_index(10)]
		#[pallet::weight({
			let info = call.get_dispatch_info();
			(T::WeightInfo::enact().saturating_add(info.call_weight), info.class)
		})]
		pub fn enact(
			origin: OriginFor<T>,
			call: Box<<T as Config>::RuntimeCall>,
		) -> DispatchResultWithPostInfo {
			T::GovernanceOrigin::ensure_origin(origin)?;
			let result = call.dispatch_bypass_filter(RawOrigin::Root.into());
			Self::deposit_event(Event::Enacted { result: result.map(|_| ()).map_err(|e| e.error) });
			let actual = match result {
				Ok(info) => info.actual_weight,
				Err(e) => e.post_info.actual_weight,
			};
			Ok(actual.map(|w| w.saturating_add(T::WeightInfo::enact())).into())
		}

		/// Set how many transactions an organization may submit per quota period; with
		/// `org: None`, the default of every organization without its own quota.
		///
		/// - Origin: [`Config::GovernanceOrigin`].
		///
		/// Errors: `QuotaBelowFloor` (below `MinTxQuota`), `OrganizationNotFound`.
		/// Events: `TxQuotaSet`.
		#[pallet::call_index(11)]
		#[pallet::weight(T::WeightInfo::set_tx_quota())]
		pub fn set_tx_quota(
			origin: OriginFor<T>,
			org: Option<OrgId>,
			quota: u32,
		) -> DispatchResult {
			T::GovernanceOrigin::ensure_origin(origin)?;
			Self::do_set_tx_quota(org, quota)
		}

		/// Set how many bytes of transactions an organization may submit per quota period;
		/// with `org: None`, the default of every organization without its own.
		///
		/// - Origin: [`Config::GovernanceOrigin`].
		///
		/// Errors: `QuotaBelowFloor` (below `MinByteQuota`), `OrganizationNotFound`.
		/// Events: `ByteQuotaSet`.
		#[pallet::call_index(12)]
		#[pallet::weight(T::WeightInfo::set_byte_quota())]
		pub fn set_byte_quota(
			origin: OriginFor<T>,
			org: Option<OrgId>,
			bytes: u32,
		) -> DispatchResult {
			T::GovernanceOrigin::ensure_origin(origin)?;
			Self::do_set_byte_quota(org, bytes)
		}

		/// Move an agency's council seat to another of its accounts, e.g. when the seat's key
		/// may have leaked. The agency asks, governance consents (a leaked key alone can do
		/// nothing: the new account must already act for the agency).
		///
		/// - Origin: [`Config::GovernanceOrigin`].
		///
		/// Errors: `NotSeated`, `AccountNotInOrganization`. Events: `SeatRotated`,
		/// `CouncilChanged`.
		#[pallet::call_index(13)]
		#[pallet::weight(T::WeightInfo::rotate_seat())]
		pub fn rotate_seat(
			origin: OriginFor<T>,
			org: OrgId,
			account: T::AccountId,
		) -> DispatchResult {
			T::GovernanceOrigin::ensure_origin(origin)?;
			Self::do_rotate_seat(org, account)
		}

		/// Make an account of the caller's organization an administrator (`admin: true`) or a
		/// clerk.
		///
		/// - Origin: an administrator of the same active organization.
		///
		/// Errors: `NotActiveMember`, `NotAdmin`, `AccountNotInOrganization`, `LastAdmin`.
		/// Events: `AdminSet`.
		#[pallet::call_index(15)]
		#[pallet::weight(T::WeightInfo::set_admin())]
		pub fn set_admin(
			origin: OriginFor<T>,
			account: T::AccountId,
			admin: bool,
		) -> DispatchResult {
			let (_, org) = Self::ensure_admin(origin)?;
			ensure!(
				AccountOrganization::<T>::get(&account) == Some(org),
				Error::<T>::AccountNotInOrganization
			);
			Self::do_set_admin(org, &account, admin)
		}

		/// Set the division an agency acts on: a district's tax bureau acts on the district's
		/// taxpayers, a city's market regulation on the city's districts.
		///
		/// - Origin: [`Config::GovernanceOrigin`].
		///
		/// Errors: `InvalidDivision`, `OrganizationNotFound`, `NotAgency`.
		/// Events: `JurisdictionSet`.
		#[pallet::call_index(14)]
		#[pallet::weight(T::WeightInfo::set_jurisdiction())]
		pub fn set_jurisdiction(
			origin: OriginFor<T>,
			org: OrgId,
			jurisdiction: Division,
		) -> DispatchResult {
			T::GovernanceOrigin::ensure_origin(origin)?;
			Self::do_set_jurisdiction(org, jurisdiction)
		}
	}
}
