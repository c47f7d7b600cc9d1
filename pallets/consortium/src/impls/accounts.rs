//! An organization's accounts and administrators.

use super::*;

impl<T: Config> Pallet<T> {
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
}
