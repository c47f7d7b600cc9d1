//! `try_state`: the invariants the crate docs list, each checked by name.

use super::*;

impl<T: Config> Pallet<T> {
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
