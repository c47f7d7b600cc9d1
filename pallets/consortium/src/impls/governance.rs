//! Quotas and council seats.

use super::*;

impl<T: Config> Pallet<T> {
	/// Sets `org`'s own quota (`Override`) or, with `None`, the default (`Fallback`).
	/// Governance sets the transactions a quota period allows one organization (`Some`) or
	/// every organization without a quota of its own (`None`).
	pub(crate) fn do_set_tx_quota(org: Option<OrgId>, quota: u32) -> DispatchResult {
		ensure!(quota >= T::MinTxQuota::get(), Error::<T>::QuotaBelowFloor);
		Self::set_quota::<TxQuotaOverride<T>, DefaultTxQuota<T>>(org, quota)?;
		Self::deposit_event(Event::TxQuotaSet { org, quota });
		Ok(())
	}

	/// Governance sets the bytes of state a quota period allows, as `do_set_tx_quota`.
	pub(crate) fn do_set_byte_quota(org: Option<OrgId>, bytes: u32) -> DispatchResult {
		ensure!(bytes >= T::MinByteQuota::get(), Error::<T>::QuotaBelowFloor);
		Self::set_quota::<ByteQuotaOverride<T>, DefaultByteQuota<T>>(org, bytes)?;
		Self::deposit_event(Event::ByteQuotaSet { org, bytes });
		Ok(())
	}

	fn set_quota<Override, Fallback>(org: Option<OrgId>, value: u32) -> DispatchResult
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
}
