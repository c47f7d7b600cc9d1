//! `Membership`: what every other pallet asks of the consortium.

use super::*;

impl<T: Config> Membership<T::AccountId> for Pallet<T> {
	fn member(who: &T::AccountId) -> Option<MemberInfo> {
		Self::active_org_of(who).map(|(org, record)| MemberInfo {
			org,
			kind: record.kind,
			roles: record.roles,
		})
	}

	/// An account of a suspended organization answers (its term, for an enterprise, still
	/// running or not: a suspension must not cut off its answers); a revoked one's does not.
	fn answering_member(who: &T::AccountId) -> Option<MemberInfo> {
		let org = AccountOrganization::<T>::get(who)?;
		let record = Organizations::<T>::get(org)?;
		let answers = record.status == OrgStatus::Suspended || record.is_active_at(Self::now());
		answers.then_some(MemberInfo { org, kind: record.kind, roles: record.roles })
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

	fn members_in(
		region: Division,
		after: Option<(Division, OrgId)>,
		limit: u32,
	) -> Vec<(Division, OrgId)> {
		Self::members_of_region(region, after, limit)
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

	#[cfg(feature = "runtime-benchmarks")]
	fn add_account(org: OrgId, who: &T::AccountId) {
		Self::do_add_account(org, who.clone(), false).expect("benchmark account is new");
	}
}
