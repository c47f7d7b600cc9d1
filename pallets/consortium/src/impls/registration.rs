//! Registering agencies and members, with the first account's consent.

use super::*;

impl<T: Config> Pallet<T> {
	/// Governance registers an agency with its jurisdiction.
	pub(crate) fn do_register_agency(
		kind: AgencyKind,
		name: Vec<u8>,
		account: T::AccountId,
		expires_at: Moment,
		jurisdiction: Division,
	) -> DispatchResult {
		ensure!(jurisdiction.is_valid(), Error::<T>::InvalidDivision);
		let org = NextOrgId::<T>::get();
		Self::do_register(OrgKind::Agency(kind), name, None, account, expires_at)?;
		Jurisdictions::<T>::insert(org, jurisdiction);
		Ok(())
	}

	/// Governance moves an agency's jurisdiction.
	pub(crate) fn do_set_jurisdiction(org: OrgId, jurisdiction: Division) -> DispatchResult {
		ensure!(jurisdiction.is_valid(), Error::<T>::InvalidDivision);
		let record = Organizations::<T>::get(org).ok_or(Error::<T>::OrganizationNotFound)?;
		ensure!(matches!(record.kind, OrgKind::Agency(_)), Error::<T>::NotAgency);
		Jurisdictions::<T>::insert(org, jurisdiction);
		Self::deposit_event(Event::JurisdictionSet { org, jurisdiction });
		Ok(())
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
		ensure!(signature.verify(message, account), Error::<T>::InvalidJoinSignature);
		Ok(())
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

	pub(crate) fn check_term(expires_at: Moment) -> DispatchResult {
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
		ensure!(!name.is_empty(), Error::<T>::EmptyName);
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
}
