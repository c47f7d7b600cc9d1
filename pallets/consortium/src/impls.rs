//! The pallet's logic: origin checks, the `do_*` functions behind the calls, the
//! [`Membership`] answer other pallets rely on, and the storage invariants.

use crate::{pallet::*, types::*, AgencyDeparture};
use alloc::vec::Vec;
use frame_support::{ensure, pallet_prelude::*, traits::EnsureOrigin};
use frame_system::{ensure_signed, pallet_prelude::*};
use regchain_primitives::{
	paging, time::Moment, AgencyKind, CreditCode, CreditCodeError, Division, MemberInfo,
	Membership, OrgId, OrgKind, Role, Roles,
};
use sp_runtime::{
	traits::{Verify, Zero},
	ArithmeticError,
};

impl<T: Config> From<CreditCodeError> for Error<T> {
	fn from(e: CreditCodeError) -> Self {
		match e {
			CreditCodeError::WrongLength => Error::CreditCodeWrongLength,
			CreditCodeError::InvalidCharacter => Error::CreditCodeInvalidCharacter,
			CreditCodeError::InvalidDivision => Error::CreditCodeInvalidDivision,
			CreditCodeError::CheckDigitMismatch => Error::CreditCodeCheckDigitMismatch,
			CreditCodeError::InvalidRegistrationType => Error::CreditCodeInvalidRegistrationType,
			CreditCodeError::OrgCodeCheckMismatch => Error::CreditCodeOrgCodeMismatch,
		}
	}
}

impl<T: Config> Pallet<T> {
	/// Now, in on-chain time; 0 while the genesis state is built (the founding agencies).
	pub(crate) fn now() -> Moment {
		regchain_primitives::time::chain_now::<T, T::UnixTime>()
	}

	/// The active organization `who` acts for, with its record.
	fn active_org_of(who: &T::AccountId) -> Option<(OrgId, Organization)> {
		let id = AccountOrganization::<T>::get(who)?;
		let org = Organizations::<T>::get(id)?;
		org.is_active_at(Self::now()).then_some((id, org))
	}

	/// A signed account of an active organization.
	pub(crate) fn ensure_member(
		origin: OriginFor<T>,
	) -> Result<(T::AccountId, OrgId), DispatchError> {
		let who = ensure_signed(origin)?;
		let (org, _) = Self::active_org_of(&who).ok_or(Error::<T>::NotActiveMember)?;
		Ok((who, org))
	}

	/// An administrator account of an active organization.
	pub(crate) fn ensure_admin(
		origin: OriginFor<T>,
	) -> Result<(T::AccountId, OrgId), DispatchError> {
		let (who, org) = Self::ensure_member(origin)?;
		ensure!(Admins::<T>::contains_key(&who), Error::<T>::NotAdmin);
		Ok((who, org))
	}

	/// The bytes an account signs to consent to joining `org` (as an administrator if
	/// `admin`) until `valid_until`: the SCALE encoding of
	/// `(b"regchain/join", genesis hash, org, admin, valid_until)`. The genesis hash keeps a
	/// consent from being replayed on another network.
	pub fn join_message(org: OrgId, admin: bool, valid_until: Moment) -> Vec<u8> {
		let genesis = frame_system::Pallet::<T>::block_hash(BlockNumberFor::<T>::zero());
		(b"regchain/join", genesis, org, admin, valid_until).encode()
	}

	/// The bytes an account signs to consent to being the first account (the administrator)
	/// of the organization of `kind` that the agency `registrar` registers under
	/// `credit_code`, until `valid_until`: the SCALE encoding of
	/// `(b"regchain/register", genesis hash, kind, registrar, credit_code, valid_until)`. The
	/// credit code, not the organization id, names the organization (the id is only known once
	/// registered); the kind and the registrar keep a consent given to one agency, for one
	/// kind of member, from being used by another agency or for another kind.
	pub fn register_message(
		kind: OrgKind,
		registrar: OrgId,
		credit_code: &[u8],
		valid_until: Moment,
	) -> Vec<u8> {
		let genesis = frame_system::Pallet::<T>::block_hash(BlockNumberFor::<T>::zero());
		(b"regchain/register", genesis, kind, registrar, credit_code, valid_until).encode()
	}

	/// Checks `account`'s consent to join `org`.
	pub(crate) fn check_join(
		org: OrgId,
		account: &T::AccountId,
		admin: bool,
		valid_until: Moment,
		signature: &T::JoinSignature,
	) -> DispatchResult {
		let message = Self::join_message(org, admin, valid_until);
		Self::check_consent(account, &message, valid_until, signature)
	}

	/// Checks that `signature` is `account`'s over `message` and that the consent is still
	/// valid and was not given too far ahead.
	pub(crate) fn check_consent(
		account: &T::AccountId,
		message: &[u8],
		valid_until: Moment,
		signature: &T::JoinSignature,
	) -> DispatchResult {
		let now = Self::now();
		ensure!(
			now <= valid_until && valid_until <= now.saturating_add(T::JoinValidity::get()),
			Error::<T>::JoinExpired
		);
		ensure!(signature.verify(message, account), Error::<T>::BadJoinSignature);
		Ok(())
	}

	/// Makes `account` of `org` an administrator or a clerk; an organization keeps one
	/// administrator at least.
	pub(crate) fn do_set_admin(org: OrgId, account: &T::AccountId, admin: bool) -> DispatchResult {
		let was = Admins::<T>::contains_key(account);
		if was == admin {
			return Ok(());
		}
		let count = AdminCount::<T>::get(org);
		if admin {
			Admins::<T>::insert(account, ());
			AdminCount::<T>::insert(org, count.checked_add(1).ok_or(ArithmeticError::Overflow)?);
		} else {
			ensure!(count > 1, Error::<T>::LastAdmin);
			Admins::<T>::remove(account);
			AdminCount::<T>::insert(org, count - 1);
		}
		Self::deposit_event(Event::AdminSet { org, account: account.clone(), admin });
		Ok(())
	}

	/// A signed account of an active agency of `kind`.
	pub(crate) fn ensure_agency(
		origin: OriginFor<T>,
		kind: AgencyKind,
	) -> Result<(T::AccountId, OrgId), DispatchError> {
		let who = ensure_signed(origin)?;
		match Self::active_org_of(&who) {
			Some((id, org)) if org.kind == OrgKind::Agency(kind) => Ok((who, id)),
			_ => Err(Error::<T>::NotAuthorized.into()),
		}
	}

	/// Governance, or the registrar agency of `org`'s kind (agencies have none) whose
	/// jurisdiction covers `org`.
	pub(crate) fn ensure_authority_over(origin: OriginFor<T>, org: OrgId) -> DispatchResult {
		let record = Organizations::<T>::get(org).ok_or(Error::<T>::OrganizationNotFound)?;
		match T::GovernanceOrigin::try_origin(origin) {
			Ok(_) => Ok(()),
			Err(origin) => {
				let registrar = record.kind.registrar().ok_or(Error::<T>::NotAuthorized)?;
				let (_, by) = Self::ensure_agency(origin, registrar)?;
				Self::ensure_jurisdiction(by, org)
			},
		}
	}

	/// The agency `agency` acts on `org` only if its jurisdiction covers `org`'s region.
	pub(crate) fn ensure_jurisdiction(agency: OrgId, org: OrgId) -> DispatchResult {
		ensure!(Organizations::<T>::contains_key(org), Error::<T>::OrganizationNotFound);
		ensure!(
			<Self as Membership<T::AccountId>>::has_jurisdiction(agency, org),
			Error::<T>::OutsideJurisdiction
		);
		Ok(())
	}

	/// The jurisdiction of an agency (national if none was set), the division of another
	/// member's credit code.
	fn region_of(id: OrgId, record: &Organization) -> Division {
		match (record.kind, record.credit_code) {
			(OrgKind::Agency(_), _) => Jurisdictions::<T>::get(id).unwrap_or(Division::NATIONAL),
			(_, Some(code)) => code.division(),
			(_, None) => Division::NATIONAL,
		}
	}

	/// Registers an enterprise or a financial institution for the registrar `by`, which must
	/// cover the division of its credit code.
	pub(crate) fn do_register_member(
		by: OrgId,
		kind: OrgKind,
		name: Vec<u8>,
		credit_code: &[u8],
		account: T::AccountId,
		expires_at: Moment,
	) -> DispatchResult {
		let code = CreditCode::parse(credit_code).map_err(Error::<T>::from)?;
		let jurisdiction = Organizations::<T>::get(by)
			.map(|r| Self::region_of(by, &r))
			.ok_or(Error::<T>::OrganizationNotFound)?;
		ensure!(jurisdiction.covers(&code.division()), Error::<T>::OutsideJurisdiction);
		Self::do_register(kind, name, Some(credit_code), account, expires_at)
	}

	fn check_term(expires_at: Moment) -> DispatchResult {
		let now = Self::now();
		ensure!(expires_at > now, Error::<T>::TermInPast);
		ensure!(expires_at <= now.saturating_add(T::MaxTerm::get()), Error::<T>::TermTooLong);
		Ok(())
	}

	pub(crate) fn do_register(
		kind: OrgKind,
		name: Vec<u8>,
		credit_code: Option<&[u8]>,
		account: T::AccountId,
		expires_at: Moment,
	) -> DispatchResult {
		ensure!(!name.is_empty(), Error::<T>::NameEmpty);
		let name: OrgName = name.try_into().map_err(|_| Error::<T>::NameTooLong)?;
		let credit_code =
			credit_code.map(CreditCode::parse).transpose().map_err(Error::<T>::from)?;
		Self::check_term(expires_at)?;
		let id = Self::insert_organization(kind, name, credit_code, account.clone(), expires_at)?;
		if matches!(kind, OrgKind::Agency(_)) {
			Self::seat_agency(id, account)?;
			Self::sync_council();
		}
		Ok(())
	}

	/// Stores a new organization after its inputs were checked; shared with genesis.
	///
	/// Its account gets a provider reference: members transact without fees, so they need no
	/// balance to exist on chain.
	pub(crate) fn insert_organization(
		kind: OrgKind,
		name: OrgName,
		credit_code: Option<CreditCode>,
		account: T::AccountId,
		expires_at: Moment,
	) -> Result<OrgId, DispatchError> {
		ensure!(!AccountOrganization::<T>::contains_key(&account), Error::<T>::AccountTaken);
		if let Some(code) = &credit_code {
			ensure!(
				!OrganizationByCreditCode::<T>::contains_key(code),
				Error::<T>::CreditCodeTaken
			);
		}
		let id = NextOrgId::<T>::get();
		NextOrgId::<T>::put(id.checked_add(1).ok_or(ArithmeticError::Overflow)?);
		if let Some(code) = credit_code {
			OrganizationByCreditCode::<T>::insert(code, id);
			MembersByRegion::<T>::insert(region_key(code.division(), id), ());
		}
		AccountOrganization::<T>::insert(&account, id);
		frame_system::Pallet::<T>::inc_providers(&account);
		Admins::<T>::insert(&account, ());
		AdminCount::<T>::insert(id, 1);
		Organizations::<T>::insert(
			id,
			Organization {
				kind,
				name,
				credit_code,
				status: OrgStatus::Active,
				expires_at,
				roles: Default::default(),
				accounts: 1,
			},
		);
		Self::deposit_event(Event::OrganizationRegistered { org: id, kind, account, expires_at });
		Ok(id)
	}

	pub(crate) fn do_add_account(org: OrgId, account: T::AccountId, admin: bool) -> DispatchResult {
		ensure!(!AccountOrganization::<T>::contains_key(&account), Error::<T>::AccountTaken);
		Organizations::<T>::try_mutate(org, |record| -> DispatchResult {
			let record = record.as_mut().ok_or(Error::<T>::OrganizationNotFound)?;
			ensure!(record.accounts < T::MaxAccountsPerOrg::get(), Error::<T>::TooManyAccounts);
			record.accounts = record.accounts.checked_add(1).ok_or(ArithmeticError::Overflow)?;
			Ok(())
		})?;
		AccountOrganization::<T>::insert(&account, org);
		frame_system::Pallet::<T>::inc_providers(&account);
		Self::deposit_event(Event::AccountAdded { org, account: account.clone() });
		if admin {
			Self::do_set_admin(org, &account, true)?;
		}
		Ok(())
	}

	pub(crate) fn do_remove_account(org: OrgId, account: T::AccountId) -> DispatchResult {
		ensure!(
			AccountOrganization::<T>::get(&account) == Some(org),
			Error::<T>::AccountNotInOrganization
		);
		ensure!(CouncilSeats::<T>::get(org).as_ref() != Some(&account), Error::<T>::CouncilSeat);
		Organizations::<T>::try_mutate(org, |record| -> DispatchResult {
			let record = record.as_mut().ok_or(Error::<T>::OrganizationNotFound)?;
			ensure!(record.accounts > 1, Error::<T>::LastAccount);
			record.accounts = record.accounts.checked_sub(1).ok_or(ArithmeticError::Underflow)?;
			Ok(())
		})?;
		if Admins::<T>::contains_key(&account) {
			let count = AdminCount::<T>::get(org);
			ensure!(count > 1, Error::<T>::LastAdmin);
			Admins::<T>::remove(&account);
			AdminCount::<T>::insert(org, count - 1);
		}
		AccountOrganization::<T>::remove(&account);
		frame_system::Pallet::<T>::dec_providers(&account).map_err(|_| Error::<T>::AccountInUse)?;
		Self::deposit_event(Event::AccountRemoved { org, account });
		Ok(())
	}

	pub(crate) fn do_renew(org: OrgId, expires_at: Moment) -> DispatchResult {
		Self::check_term(expires_at)?;
		let record = Organizations::<T>::try_mutate(org, |record| {
			let record = record.as_mut().ok_or(Error::<T>::OrganizationNotFound)?;
			ensure!(record.status != OrgStatus::Revoked, Error::<T>::Revoked);
			record.expires_at = expires_at;
			Ok::<_, DispatchError>(record.clone())
		})?;
		Self::sync_council_if_agency(&record);
		Self::deposit_event(Event::MembershipRenewed { org, expires_at });
		Ok(())
	}

	/// Sets `org`'s own quota (`Override`) or, with `None`, the default (`Fallback`).
	pub(crate) fn do_set_quota<Override, Fallback>(org: Option<OrgId>, value: u32) -> DispatchResult
	where
		Override: frame_support::storage::StorageMap<OrgId, u32>,
		Fallback: frame_support::storage::StorageValue<u32>,
	{
		match org {
			Some(id) => {
				ensure!(Organizations::<T>::contains_key(id), Error::<T>::OrganizationNotFound);
				Override::insert(id, value);
			},
			None => Fallback::put(value),
		}
		Ok(())
	}

	pub(crate) fn do_rotate_seat(org: OrgId, account: T::AccountId) -> DispatchResult {
		let old = CouncilSeats::<T>::get(org).ok_or(Error::<T>::NotSeated)?;
		ensure!(
			AccountOrganization::<T>::get(&account) == Some(org),
			Error::<T>::AccountNotInOrganization
		);
		CouncilSeats::<T>::insert(org, account.clone());
		Self::sync_council();
		Self::deposit_event(Event::SeatRotated { org, old, new: account });
		Ok(())
	}

	/// Moves `org` to `target`: suspend (from active), resume (from suspended) or revoke.
	/// Revoking an agency frees its council seat; no suspension or revocation may leave fewer
	/// than `MinAgencies` agencies on the council.
	pub(crate) fn do_set_status(org: OrgId, target: OrgStatus) -> DispatchResult {
		let record = Organizations::<T>::try_mutate(org, |record| {
			let record = record.as_mut().ok_or(Error::<T>::OrganizationNotFound)?;
			// An active agency leaving (suspended or revoked): governance and the validators
			// must go on without it.
			let leaving = record.status == OrgStatus::Active && target != OrgStatus::Active;
			if leaving && matches!(record.kind, OrgKind::Agency(_)) {
				let seated = Council::<T>::get();
				if CouncilSeats::<T>::get(org).is_some_and(|s| seated.contains(&s)) {
					ensure!(
						seated.len().saturating_sub(1) >= T::MinAgencies::get() as usize,
						Error::<T>::TooFewAgencies
					);
				}
				T::AgencyDeparture::ensure_can_leave(org)?;
			}
			match (record.status, target) {
				(OrgStatus::Revoked, _) => return Err(Error::<T>::Revoked.into()),
				(OrgStatus::Suspended, OrgStatus::Suspended) => {
					return Err(Error::<T>::AlreadySuspended.into())
				},
				(OrgStatus::Active, OrgStatus::Active) => {
					return Err(Error::<T>::NotSuspended.into())
				},
				_ => {},
			}
			record.status = target;
			Ok::<_, DispatchError>(record.clone())
		})?;
		if target == OrgStatus::Revoked {
			CouncilSeats::<T>::remove(org);
		}
		Self::sync_council_if_agency(&record);
		Self::deposit_event(match target {
			OrgStatus::Suspended => Event::OrganizationSuspended { org },
			OrgStatus::Active => Event::OrganizationResumed { org },
			OrgStatus::Revoked => Event::OrganizationRevoked { org },
		});
		Ok(())
	}

	/// Grants `role` to `org`, on behalf of the agency `by`, if its kind may hold it.
	pub(crate) fn do_grant_role(org: OrgId, role: Role, by: OrgId) -> DispatchResult {
		Organizations::<T>::try_mutate(org, |record| -> DispatchResult {
			let record = record.as_mut().ok_or(Error::<T>::OrganizationNotFound)?;
			ensure!(record.status != OrgStatus::Revoked, Error::<T>::Revoked);
			ensure!(role.may_be_held_by(record.kind), Error::<T>::RoleNotForKind);
			ensure!(record.roles.insert(role), Error::<T>::RoleAlreadyGranted);
			Ok(())
		})?;
		Self::deposit_event(Event::RoleGranted { org, role, by });
		Ok(())
	}

	/// Takes `role` from `org`, on behalf of the agency `by`.
	pub(crate) fn do_revoke_role(org: OrgId, role: Role, by: OrgId) -> DispatchResult {
		Organizations::<T>::try_mutate(org, |record| -> DispatchResult {
			let record = record.as_mut().ok_or(Error::<T>::OrganizationNotFound)?;
			ensure!(record.roles.remove(role), Error::<T>::RoleNotGranted);
			Ok(())
		})?;
		Self::deposit_event(Event::RoleRevoked { org, role, by });
		Ok(())
	}

	/// The storage invariants; run after every test and by `try-runtime`.
	pub fn do_try_state() -> Result<(), sp_runtime::TryRuntimeError> {
		use alloc::collections::btree_map::BTreeMap;
		let next = NextOrgId::<T>::get();
		let mut accounts = BTreeMap::<OrgId, u32>::new();
		let mut admins = BTreeMap::<OrgId, u32>::new();
		for (account, org) in AccountOrganization::<T>::iter() {
			ensure!(Organizations::<T>::contains_key(org), "an account maps to no organization");
			*accounts.entry(org).or_default() += 1;
			if Admins::<T>::contains_key(&account) {
				*admins.entry(org).or_default() += 1;
			}
		}
		ensure!(
			Admins::<T>::iter_keys().all(|a| AccountOrganization::<T>::contains_key(&a)),
			"an administrator acts for no organization"
		);
		for (id, org) in Organizations::<T>::iter() {
			ensure!(id < next, "an organization id is not below NextOrgId");
			ensure!(
				accounts.get(&id).copied().unwrap_or(0) == org.accounts,
				"an organization's account count is wrong"
			);
			ensure!(org.accounts >= 1, "an organization has no account");
			let admin_count = admins.get(&id).copied().unwrap_or(0);
			ensure!(admin_count >= 1, "an organization has no administrator");
			ensure!(AdminCount::<T>::get(id) == admin_count, "an administrator count is wrong");
			ensure!(
				org.credit_code.is_some() == org.kind.needs_credit_code(),
				"credit code presence does not match the organization kind"
			);
			if let Some(code) = org.credit_code {
				ensure!(
					OrganizationByCreditCode::<T>::get(code) == Some(id),
					"credit code index is wrong"
				);
				ensure!(
					MembersByRegion::<T>::contains_key(region_key(code.division(), id)),
					"a member is missing from the region index"
				);
			}
		}
		for key in MembersByRegion::<T>::iter_keys() {
			let (division, id) = region_of_key(&key);
			let code = Organizations::<T>::get(id).and_then(|o| o.credit_code);
			ensure!(
				code.is_some_and(|c| c.division() == Division(division)),
				"a region index entry matches no member of its division"
			);
		}
		for (_, id) in OrganizationByCreditCode::<T>::iter() {
			ensure!(Organizations::<T>::contains_key(id), "a credit code maps to no organization");
		}
		let mut seats = 0u32;
		for (org, seat) in CouncilSeats::<T>::iter() {
			seats += 1;
			let record =
				Organizations::<T>::get(org).ok_or("a council seat has no organization")?;
			ensure!(matches!(record.kind, OrgKind::Agency(_)), "a non-agency holds a seat");
			ensure!(AccountOrganization::<T>::get(&seat) == Some(org), "a seat is not its account");
		}
		ensure!(seats == CouncilSeats::<T>::count(), "the seat counter is wrong");
		let council = Council::<T>::get();
		ensure!(council.windows(2).all(|w| w[0] < w[1]), "the council is not sorted");
		let now = Self::now();
		let mut expected: Vec<T::AccountId> = CouncilSeats::<T>::iter()
			.filter(|(org, _)| Organizations::<T>::get(org).is_some_and(|o| o.is_active_at(now)))
			.map(|(_, seat)| seat)
			.collect();
		expected.sort();
		ensure!(council[..] == expected[..], "the council is not the seats of active agencies");
		for (org, _) in CouncilSeats::<T>::iter() {
			ensure!(
				Organizations::<T>::get(org).is_some_and(|o| o.status != OrgStatus::Revoked),
				"a revoked agency keeps its seat"
			);
		}
		Ok(())
	}
}

impl<T: Config> Membership<T::AccountId> for Pallet<T> {
	fn member(who: &T::AccountId) -> Option<MemberInfo> {
		Self::active_org_of(who).map(|(org, record)| MemberInfo {
			org,
			kind: record.kind,
			roles: record.roles,
		})
	}

	fn is_active_org(org: OrgId) -> bool {
		Organizations::<T>::get(org).is_some_and(|o| o.is_active_at(Self::now()))
	}

	fn kind(org: OrgId) -> Option<OrgKind> {
		let record = Organizations::<T>::get(org)?;
		record.is_active_at(Self::now()).then_some(record.kind)
	}

	fn roles(org: OrgId) -> Option<Roles> {
		let record = Organizations::<T>::get(org)?;
		record.is_active_at(Self::now()).then_some(record.roles)
	}

	fn region(org: OrgId) -> Option<Division> {
		Organizations::<T>::get(org).map(|record| Self::region_of(org, &record))
	}

	fn org_by_credit_code(code: &CreditCode) -> Option<OrgId> {
		let org = OrganizationByCreditCode::<T>::get(code)?;
		Self::is_active_org(org).then_some(org)
	}

	fn credit_code(org: OrgId) -> Option<CreditCode> {
		let record = Organizations::<T>::get(org)?;
		record.is_active_at(Self::now()).then_some(())?;
		record.credit_code
	}

	#[cfg(feature = "runtime-benchmarks")]
	fn make_member(who: &T::AccountId, kind: OrgKind, role: Option<Role>) -> OrgId {
		// Credit codes are derived from the id so that many sample members can coexist.
		let next = NextOrgId::<T>::get();
		let credit_code = kind.needs_credit_code().then(|| crate::benchmarking::credit_code(next));
		// The first thing a benchmark does is make the member its origin needs, so the clock
		// starts here (`benchmarking::now`), before this term and every check of it.
		let expires_at = crate::benchmarking::now::<T>().saturating_add(T::MaxTerm::get());
		let name: OrgName = b"benchmark member".to_vec().try_into().expect("short name");
		let id = Self::insert_organization(kind, name, credit_code, who.clone(), expires_at)
			.expect("benchmark member is new");
		if let Some(role) = role {
			Organizations::<T>::mutate(id, |o| {
				if let Some(o) = o {
					o.roles.insert(role);
				}
			});
		}
		id
	}
}

// Queries (runtime API).
impl<T: Config> Pallet<T> {
	/// Organization `id` as the query layer shows it.
	pub fn organization_view(id: OrgId) -> Option<OrganizationView> {
		let record = Organizations::<T>::get(id)?;
		let text = |bytes: &[u8]| alloc::string::String::from_utf8_lossy(bytes).into_owned();
		Some(OrganizationView {
			id,
			kind: record.kind,
			name: text(&record.name),
			credit_code: record.credit_code.as_ref().map(|c| text(c.as_bytes())),
			status: record.status,
			expires_at: record.expires_at,
			roles: record.roles.iter().collect(),
			region: Self::region_of(id, &record),
			accounts: record.accounts,
		})
	}

	/// The organization registered under `code`, as the query layer shows it.
	pub fn organization_by_credit_code(code: &[u8]) -> Option<OrganizationView> {
		let code = CreditCode::parse(code).ok()?;
		Self::organization_view(OrganizationByCreditCode::<T>::get(code)?)
	}

	/// The chain's time, for the runtime API.
	pub fn chain_now() -> Moment {
		Self::now()
	}

	/// The active organization `who` acts for, as the query layer shows it.
	pub fn member_view(who: &T::AccountId) -> Option<OrganizationView> {
		Self::organization_view(<Self as Membership<T::AccountId>>::member(who)?.org)
	}

	/// Whether `agency` is an active agency whose jurisdiction covers `org`.
	pub fn oversees(agency: OrgId, org: OrgId) -> bool {
		matches!(<Self as Membership<T::AccountId>>::kind(agency), Some(OrgKind::Agency(_)))
			&& <Self as Membership<T::AccountId>>::has_jurisdiction(agency, org)
	}

	/// The domains the active agency `org` reads, each with its remit there; nothing for any
	/// other organization.
	pub fn remit(org: OrgId) -> Vec<(regchain_primitives::Domain, regchain_primitives::Remit)> {
		match <Self as Membership<T::AccountId>>::kind(org) {
			Some(OrgKind::Agency(kind)) => regchain_primitives::Domain::ALL
				.into_iter()
				.filter_map(|domain| kind.remit(domain).map(|remit| (domain, remit)))
				.collect(),
			_ => Vec::new(),
		}
	}

	/// Up to `limit` (at most [`paging::QUERY_LIMIT`]) of the members (enterprises and
	/// financial institutions, whatever their status) within the jurisdiction of `agency`, by
	/// division then id, after the member `start_after`; nothing if `agency` is no agency.
	/// Reads only the index entries it returns: the jurisdiction is one range of keys.
	pub fn members_overseen(
		agency: OrgId,
		start_after: Option<OrgId>,
		limit: u32,
	) -> Vec<OrganizationView> {
		let Some(record) = Organizations::<T>::get(agency) else { return Vec::new() };
		if !matches!(record.kind, OrgKind::Agency(_)) {
			return Vec::new();
		}
		let (first, end) = Self::region_of(agency, &record).span();
		let start = region_key(Division(first), 0);
		// After the cursor (a member's key), or from the range's first key included; a cursor
		// that is no member ends the listing rather than restarting it.
		let cursor = match start_after {
			None => None,
			Some(org) => match Organizations::<T>::get(org).and_then(|o| o.credit_code) {
				Some(code) => Some(region_key(code.division(), org)).filter(|key| *key >= start),
				None => return Vec::new(),
			},
		};
		let head = match cursor {
			Some(_) => None,
			None => MembersByRegion::<T>::contains_key(start).then_some(start),
		};
		let from = MembersByRegion::<T>::hashed_key_for(cursor.unwrap_or(start));
		head.into_iter()
			.chain(MembersByRegion::<T>::iter_keys_from(from))
			.map(|key| region_of_key(&key))
			.take_while(|(division, _)| *division < end)
			.take(paging::page_size(limit) as usize)
			.filter_map(|(_, org)| Self::organization_view(org))
			.collect()
	}

	/// The organization registered under `code`, whatever its status now (an invoice of a
	/// revoked issuer is still checked by its issuer's code).
	pub fn org_by_code_any_status(code: &[u8]) -> Option<OrgId> {
		OrganizationByCreditCode::<T>::get(CreditCode::parse(code).ok()?)
	}
}
