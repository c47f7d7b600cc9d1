//! A minimal runtime for the pallet's tests: the in-memory consortium and evidence of
//! `regchain_primitives::testing` behind the real `EnsureMember` origins; authors sign with
//! `sp_runtime`'s `TestSignature` (the signer's number and the message).
//!
//! Organizations (account = organization id):
//! - 1: an IP office holding `IpExaminer`; 2: an IP office without it; 3: a court;
//! - 10, 20 and 30: enterprises (in Shanghai); 99 is no member.
//!
//! Authors' keys (no members): 1001, 1002, 1003. Evidence records 0–4 exist: 0 and 1 of
//! organization 20, 2 of 30, 3 of 10, and 4 of 30 admitted by a court (anyone may cite it).

use crate::{self as pallet_ip_rights, *};
use frame_support::{assert_ok, derive_impl};
pub use regchain_primitives::testing::{day, TestClock, TestEvidence, TestMembership};
use regchain_primitives::{
	params::{agency, role},
	testing::TestOrg,
	AgencyKind, AnyMember, EnsureAgency, EnsureMember, EnsureRole, OrgKind, Role,
};
use sp_core::H256;
use sp_runtime::{
	testing::{TestSignature, UintAuthorityId},
	BuildStorage,
};

type Block = frame_system::mocking::MockBlock<Test>;

frame_support::construct_runtime!(
	pub enum Test {
		System: frame_system,
		IpRights: pallet_ip_rights,
	}
);

#[derive_impl(frame_system::config_preludes::TestDefaultConfig)]
impl frame_system::Config for Test {
	type Block = Block;
	type AccountId = u64;
	type Lookup = sp_runtime::traits::IdentityLookup<u64>;
}

pub const OFFICE: u64 = 1;
pub const PLAIN_OFFICE: u64 = 2;
pub const COURT: u64 = 3;
pub const ALICE_CO: u64 = 10;
pub const BOB_CO: u64 = 20;
pub const CAROL_CO: u64 = 30;
pub const OUTSIDER: u64 = 99;
pub const WRITER: u64 = 1001;
pub const PAINTER: u64 = 1002;
pub const EDITOR: u64 = 1003;

frame_support::parameter_types! {
	/// A rejected claimant waits 30 days.
	pub const RefilingDelay: regchain_primitives::time::Moment = 30 * regchain_primitives::time::DAY;
}

impl Config for Test {
	type MemberOrigin = EnsureMember<u64, TestMembership, AnyMember>;
	type ExaminerOrigin = EnsureRole<u64, TestMembership, role::IpExaminer>;
	type FreezeOrigin = EnsureAgency<u64, TestMembership, agency::IpOffice>;
	type Membership = TestMembership;
	type Evidence = TestEvidence;
	type AuthorSignature = TestSignature;
	type AuthorSigner = UintAuthorityId;
	type UnixTime = TestClock;
	type RefilingDelay = RefilingDelay;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = regchain_primitives::testing::TestSigner;
	type WeightInfo = ();
}

#[derive(Default)]
pub struct ExtBuilder;

impl ExtBuilder {
	pub fn build(self) -> sp_io::TestExternalities {
		let storage = frame_system::GenesisConfig::<Test>::default().build_storage().unwrap();
		let agency = |id, kind, roles: &[Role], account| {
			TestOrg::new(id, OrgKind::Agency(kind), roles, &[account])
		};
		TestMembership::reset(vec![
			agency(1, AgencyKind::IpOffice, &[Role::IpExaminer], OFFICE),
			agency(2, AgencyKind::IpOffice, &[], PLAIN_OFFICE),
			agency(3, AgencyKind::Court, &[Role::Notary], COURT),
			TestOrg::new(10, OrgKind::Enterprise, &[], &[ALICE_CO]),
			TestOrg::new(20, OrgKind::Enterprise, &[], &[BOB_CO]),
			TestOrg::new(30, OrgKind::Enterprise, &[], &[CAROL_CO]),
		]);
		TestEvidence::reset();
		TestEvidence::add(0, 20, day(0));
		TestEvidence::add(1, 20, day(0));
		TestEvidence::add(2, 30, day(0));
		TestEvidence::add(3, 10, day(0));
		TestEvidence::add(4, 30, day(0));
		TestEvidence::set_admitted(4, true);
		let mut ext = sp_io::TestExternalities::new(storage);
		ext.execute_with(|| System::set_block_number(1));
		TestClock::set(day(1));
		ext
	}

	/// Runs `test`, then checks the storage invariants.
	pub fn build_and_execute(self, test: impl FnOnce()) {
		execute_checked(self.build(), test)
	}
}

regchain_primitives::mock_kit!(IpRights);

/// The `n`-th sample fingerprint.
pub fn fingerprint(n: u8) -> H256 {
	H256::repeat_byte(n)
}

/// The sample metadata hash.
pub const METADATA: H256 = H256::repeat_byte(0xee);

/// The declarations of `authors` (key, share) for `owner`'s registration of `fingerprint`
/// (an article, no further fingerprints), each signed with the author's next nonce.
pub fn declarations(
	fingerprint: H256,
	owner: OrgId,
	authors: &[(u64, u16)],
) -> Declarations<u64, TestSignature> {
	authors
		.iter()
		.map(|&(key, share)| {
			let nonce = AuthorNonces::<Test>::get(key);
			Declaration {
				key,
				share,
				nonce,
				signature: signed(fingerprint, owner, authors, key, nonce),
			}
		})
		.collect::<Vec<_>>()
		.try_into()
		.expect("at most MAX_AUTHORS")
}

/// `signer`'s signature over the declaration of `fingerprint` by `authors` for `owner` with
/// `nonce`.
pub fn signed(
	fingerprint: H256,
	owner: OrgId,
	authors: &[(u64, u16)],
	signer: u64,
	nonce: u64,
) -> TestSignature {
	let message = IpRights::declaration(
		fingerprint,
		&Fingerprints::default(),
		WorkType::Article,
		METADATA,
		owner,
		authors,
		nonce,
	);
	TestSignature(signer, message)
}

/// `who`'s organization registers sample work `n` by `authors`; its id.
pub fn registered_by(who: u64, n: u8, authors: &[(u64, u16)]) -> WorkId {
	let id = NextWorkId::<Test>::get();
	assert_ok!(IpRights::register_work(
		RuntimeOrigin::signed(who),
		fingerprint(n),
		Fingerprints::default(),
		WorkType::Article,
		METADATA,
		declarations(fingerprint(n), who as OrgId, authors),
	));
	id
}

/// Alice's company registers sample work `n`, written by the writer alone; its id.
pub fn registered(n: u8) -> WorkId {
	registered_by(ALICE_CO, n, &[(WRITER, 10_000)])
}

/// Terms of a licence offer open from now for ten days, licences of 30 days at 500 yuan.
pub fn terms(kind: LicenceKind, exclusive: bool, max_licences: Option<u32>) -> OfferTerms {
	let now = TestClock::get();
	OfferTerms {
		kind,
		exclusive,
		price: 50_000,
		terms: H256::repeat_byte(0x7e),
		max_licences,
		opens: now,
		closes: now + 10 * regchain_primitives::time::DAY,
		licence_term: 30 * regchain_primitives::time::DAY,
	}
}

/// The owner `who` publishes an offer of `work`; its id.
pub fn offered(who: u64, work: WorkId, terms: OfferTerms) -> OfferId {
	let id = NextOfferId::<Test>::get();
	assert_ok!(IpRights::publish_offer(RuntimeOrigin::signed(who), work, terms));
	id
}

/// `who` takes a licence against `offer`; its id.
pub fn licensed(who: u64, offer: OfferId) -> LicenceId {
	let id = NextLicenceId::<Test>::get();
	assert_ok!(IpRights::take_licence(RuntimeOrigin::signed(who), offer, H256::repeat_byte(0xaa)));
	id
}

/// Evidence as a dispute cites it.
pub fn evidence(records: &[u64]) -> EvidenceList {
	records.to_vec().try_into().expect("at most MAX_EVIDENCE")
}

/// `who` files a dispute of `work` citing evidence 4 (admitted by a court); its id.
pub fn disputed(who: u64, work: WorkId, kind: DisputeKind) -> DisputeId {
	let id = NextDisputeId::<Test>::get();
	assert_ok!(IpRights::file_dispute(
		RuntimeOrigin::signed(who),
		work,
		kind,
		evidence(&[4]),
		H256::repeat_byte(0x5a),
	));
	id
}
