//! Queries the runtime API serves.

use super::*;

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
		// After the cursor (a member's division and id); a cursor that is no member ends the
		// listing rather than restarting it.
		let cursor = match start_after {
			None => None,
			Some(org) => match Organizations::<T>::get(org).and_then(|o| o.credit_code) {
				Some(code) => Some((code.division(), org)),
				None => return Vec::new(),
			},
		};
		let region = Self::region_of(agency, &record);
		Self::members_of_region(region, cursor, paging::page_size(limit))
			.into_iter()
			.filter_map(|(_, org)| Self::organization_view(org))
			.collect()
	}

	/// The members in `region`'s span after `after`, at most `limit`, in the region index's
	/// order (by division, then id): keys from the span's first (or just past the cursor) while
	/// below its end. A cursor outside the span starts from the span's first key.
	pub fn members_of_region(
		region: Division,
		after: Option<(Division, OrgId)>,
		limit: u32,
	) -> Vec<(Division, OrgId)> {
		let (first, end) = region.span();
		let start = region_key(Division(first), 0);
		let cursor = after.map(|(d, org)| region_key(d, org)).filter(|key| *key >= start);
		let head = match cursor {
			Some(_) => None,
			None => MembersByRegion::<T>::contains_key(start).then_some(start),
		};
		let from = MembersByRegion::<T>::hashed_key_for(cursor.unwrap_or(start));
		head.into_iter()
			.chain(MembersByRegion::<T>::iter_keys_from(from))
			.map(|key| region_of_key(&key))
			.take_while(|(division, _)| *division < end)
			.take(limit as usize)
			.map(|(division, org)| (Division(division), org))
			.collect()
	}

	/// The organization registered under `code`, whatever its status now (an invoice of a
	/// revoked issuer is still checked by its issuer's code).
	pub fn org_by_code_any_status(code: &[u8]) -> Option<OrgId> {
		OrganizationByCreditCode::<T>::get(CreditCode::parse(code).ok()?)
	}
}
