//! An in-memory consortium for the domain pallets' unit tests (with `std` only), so that each
//! pallet is tested against this small stand-in of [`Membership`] instead of the consortium
//! pallet, and no pallet keeps its own copy of one.
//!
//! Accounts are `u64`. The registry lives in a thread-local, so each test (each runs on its
//! own thread) starts from what its mock [`TestMembership::reset`]s it to.

use crate::{CreditCode, MemberInfo, Membership, OrgId, OrgKind, Role, Roles};
use core::cell::RefCell;

/// An organization of the test registry.
#[derive(Clone, Debug)]
pub struct TestOrg {
	/// Its id.
	pub id: OrgId,
	/// What it is.
	pub kind: OrgKind,
	/// Its roles.
	pub roles: Roles,
	/// Whether it is an active member.
	pub active: bool,
	/// The accounts acting for it.
	pub accounts: Vec<u64>,
	/// An agency's jurisdiction (national unless a test narrows it).
	pub jurisdiction: crate::Division,
}

impl TestOrg {
	/// An active organization with one role at most and the given accounts.
	pub fn new(id: OrgId, kind: OrgKind, roles: &[Role], accounts: &[u64]) -> Self {
		let mut set = Roles::default();
		for role in roles {
			set.insert(*role);
		}
		TestOrg {
			id,
			kind,
			roles: set,
			active: true,
			accounts: accounts.to_vec(),
			jurisdiction: crate::Division::NATIONAL,
		}
	}
}

thread_local! {
	static ORGS: RefCell<Vec<TestOrg>> = const { RefCell::new(Vec::new()) };
}

/// A valid credit code, distinct for each `n < 100`: the code of organization `n` in tests.
pub fn test_code(n: u64) -> CreditCode {
	CreditCode::sample(n as u32)
}

fn with_org(org: OrgId, f: impl FnMut(&mut TestOrg)) {
	ORGS.with(|o| o.borrow_mut().iter_mut().filter(|x| x.id == org).for_each(f));
}

/// The test registry; enterprises and financial institutions have the credit code
/// [`test_code`] of their id.
pub struct TestMembership;

impl TestMembership {
	/// Replaces the registry.
	pub fn reset(orgs: Vec<TestOrg>) {
		ORGS.with(|o| *o.borrow_mut() = orgs);
	}

	/// Adds an organization to the registry.
	pub fn add(org: TestOrg) {
		ORGS.with(|o| o.borrow_mut().push(org));
	}

	/// Narrows an agency's jurisdiction.
	pub fn set_jurisdiction(org: OrgId, jurisdiction: crate::Division) {
		with_org(org, |x| x.jurisdiction = jurisdiction);
	}

	/// Suspends (`false`) or resumes an organization, as the consortium would.
	pub fn set_active(org: OrgId, active: bool) {
		with_org(org, |x| x.active = active);
	}

	/// Revokes a role of an organization.
	pub fn revoke_role(org: OrgId, role: Role) {
		with_org(org, |x| {
			x.roles.remove(role);
		});
	}

	fn find<R>(pred: impl Fn(&TestOrg) -> bool, map: impl FnOnce(&TestOrg) -> R) -> Option<R> {
		ORGS.with(|o| o.borrow().iter().find(|x| x.active && pred(x)).map(map))
	}
}

impl Membership<u64> for TestMembership {
	fn member(who: &u64) -> Option<MemberInfo> {
		Self::find(
			|x| x.accounts.contains(who),
			|x| MemberInfo { org: x.id, kind: x.kind, roles: x.roles },
		)
	}

	fn is_active_org(org: OrgId) -> bool {
		Self::find(|x| x.id == org, |_| ()).is_some()
	}

	/// Agencies of the test registry act nationally; enterprises are in Shanghai (their codes).
	fn region(org: OrgId) -> Option<crate::Division> {
		Self::find(
			|x| x.id == org,
			|x| {
				if x.kind.needs_credit_code() {
					test_code(x.id.into()).division()
				} else {
					x.jurisdiction
				}
			},
		)
	}

	fn credit_code(org: OrgId) -> Option<CreditCode> {
		Self::find(|x| x.id == org && x.kind.needs_credit_code(), |x| test_code(x.id.into()))
	}

	fn org_by_credit_code(code: &CreditCode) -> Option<OrgId> {
		Self::find(|x| x.kind.needs_credit_code() && test_code(x.id.into()) == *code, |x| x.id)
	}

	#[cfg(feature = "runtime-benchmarks")]
	fn make_member(who: &u64, kind: OrgKind, role: Option<Role>) -> OrgId {
		ORGS.with(|o| {
			let mut orgs = o.borrow_mut();
			let id = 40 + orgs.len() as OrgId;
			orgs.push(TestOrg::new(id, kind, role.as_slice(), &[*who]));
			id
		})
	}
}
