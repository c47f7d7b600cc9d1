//! Granting and revoking roles.

use super::*;

impl<T: Config> Pallet<T> {
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
}
