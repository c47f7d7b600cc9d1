//! The regulator's side: freezes of allocations and special accounts, claw-backs.

use super::*;

impl<T: Config> Pallet<T> {
	pub(crate) fn do_freeze(
		regulator: OrgId,
		target: FreezeTarget,
		reason: H256,
	) -> DispatchResult {
		match target {
			FreezeTarget::Allocation(id) => {
				Freezes::<AllocationRecords<T>>::freeze(regulator, id, reason).map(|_| ())
			},
			FreezeTarget::Account(org) => {
				Freezes::<AccountRecords<T>>::freeze(regulator, org, reason).map(|_| ())
			},
		}
	}

	pub(crate) fn do_unfreeze(regulator: OrgId, target: FreezeTarget) -> DispatchResult {
		match target {
			FreezeTarget::Allocation(id) => {
				Freezes::<AllocationRecords<T>>::unfreeze(regulator, id).map(|_| ())
			},
			FreezeTarget::Account(org) => {
				Freezes::<AccountRecords<T>>::unfreeze(regulator, org).map(|_| ())
			},
		}
	}

	pub(crate) fn do_claw_back(
		regulator: OrgId,
		id: AllocationId,
		amount: Fen,
		reason: H256,
	) -> DispatchResult {
		let mut allocation = Self::allocation(id)?;
		T::Membership::ensure_jurisdiction(regulator, allocation.enterprise)
			.map_err(Error::<T>::from)?;
		let mut program = Self::program(allocation.program)?;
		ensure!(!amount.is_zero(), Error::<T>::ZeroAmount);
		ensure!(allocation.unspent().unwrap_or_default() >= amount, Error::<T>::ExceedsUnspent);
		allocation.clawed_back = Self::add(allocation.clawed_back, amount)?;
		program.clawed_back = Self::add(program.clawed_back, amount)?;
		Self::push(id, &mut allocation, Movement::ClawedBack { amount, reason })?;
		Allocations::<T>::insert(id, allocation);
		Programs::<T>::insert(allocation.program, program);
		Self::deposit_event(Event::ClawedBack { allocation: id, amount, reason });
		Ok(())
	}
}

/// An allocation as a record under the one freeze of `regchain-primitives` (domain
/// [`FUND_ALLOCATION`](crate::FUND_ALLOCATION)): a freeze and its lifting are lines of the
/// allocation's ledger.
pub struct AllocationRecords<T>(PhantomData<T>);

impl<T: Config> FreezeDomain for AllocationRecords<T> {
	const DOMAIN: regchain_primitives::ClaimDomain = crate::FUND_ALLOCATION;
	const SUPERVISION: regchain_primitives::Domain = regchain_primitives::Domain::Funds;
	type Key = AllocationId;
	type Map = FrozenAllocations<T>;
	type Error = Error<T>;
	type Clock = T::UnixTime;

	fn subject(id: AllocationId) -> Result<OrgId, DispatchError> {
		Ok(Pallet::<T>::allocation(id)?.enterprise)
	}

	fn ensure_authority(regulator: OrgId, subject: OrgId) -> DispatchResult {
		Ok(T::Membership::ensure_jurisdiction(regulator, subject).map_err(Error::<T>::from)?)
	}

	fn on_frozen(id: AllocationId, freeze: &Freeze) -> DispatchResult {
		let mut allocation = Pallet::<T>::allocation(id)?;
		Pallet::<T>::push(id, &mut allocation, Movement::Frozen)?;
		Allocations::<T>::insert(id, allocation);
		let target = FreezeTarget::Allocation(id);
		Pallet::<T>::deposit_event(Event::Frozen { target, by: freeze.by, reason: freeze.reason });
		Ok(())
	}

	fn on_unfrozen(id: AllocationId, by: OrgId) -> DispatchResult {
		let mut allocation = Pallet::<T>::allocation(id)?;
		Pallet::<T>::push(id, &mut allocation, Movement::Unfrozen)?;
		Allocations::<T>::insert(id, allocation);
		Pallet::<T>::deposit_event(Event::Unfrozen { target: FreezeTarget::Allocation(id), by });
		Ok(())
	}
}

/// An enterprise's whole special account as a record under the one freeze (domain
/// [`FUND_ACCOUNT`](crate::FUND_ACCOUNT)): every allocation of the enterprise, and its
/// applications, stop.
pub struct AccountRecords<T>(PhantomData<T>);

impl<T: Config> FreezeDomain for AccountRecords<T> {
	const DOMAIN: regchain_primitives::ClaimDomain = crate::FUND_ACCOUNT;
	const SUPERVISION: regchain_primitives::Domain = regchain_primitives::Domain::Funds;
	type Key = OrgId;
	type Map = FrozenAccounts<T>;
	type Error = Error<T>;
	type Clock = T::UnixTime;

	/// Every member has a special account: it is about the member.
	fn subject(org: OrgId) -> Result<OrgId, DispatchError> {
		ensure!(T::Membership::region(org).is_some(), Error::<T>::OrganizationNotFound);
		Ok(org)
	}

	fn ensure_authority(regulator: OrgId, subject: OrgId) -> DispatchResult {
		Ok(T::Membership::ensure_jurisdiction(regulator, subject).map_err(Error::<T>::from)?)
	}

	fn on_frozen(org: OrgId, freeze: &Freeze) -> DispatchResult {
		let target = FreezeTarget::Account(org);
		Pallet::<T>::deposit_event(Event::Frozen { target, by: freeze.by, reason: freeze.reason });
		Ok(())
	}

	fn on_unfrozen(org: OrgId, by: OrgId) -> DispatchResult {
		Pallet::<T>::deposit_event(Event::Unfrozen { target: FreezeTarget::Account(org), by });
		Ok(())
	}
}
