//! The authorization matrix: every privileged call of every pallet in the runtime, tried from
//! every kind of actor — each agency, an enterprise, a bank, a non-member, the agencies'
//! council with and without a two-thirds majority, and `Root` — on the `local_testnet` genesis
//! with a seventh agency, the science commission, that runs a fund program. Only the intended
//! actors may succeed, and every other actor is refused *for lack of authority*: a refusal for
//! a business reason (an unknown id, a wrong state) would hide a missing permission check, so
//! it counts as a wrong outcome. Each new pallet adds its calls to [`rows`].

mod common;

use frame_support::dispatch::GetDispatchInfo;
use regchain_primitives::time::{Moment, DAY, HOUR};
use regchain_primitives::{AgencyKind, InvoiceRef, OrgId, OrgKind, Role};
use regchain_runtime::{
	configs::AgencyCouncilInstance, opaque::SessionKeys, AccountId, Runtime, RuntimeCall,
	RuntimeOrigin,
};
use sp_keyring::Sr25519Keyring;
use sp_runtime::traits::Dispatchable;

/// Who tries a call.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Actor {
	/// The founding agency of this kind, through its council-seat account.
	Agency(AgencyKind),
	/// An agency of this kind for one district (Minhang, 310112) only: the setup's members are
	/// all outside its jurisdiction.
	District(AgencyKind),
	/// An enterprise member without roles.
	Enterprise,
	/// A financial institution member.
	Bank,
	/// A signed account of no member.
	NonMember,
	/// A council motion approved by 4 of the 6 agencies.
	CouncilMajority,
	/// A council motion approved by 3 of the 6 agencies: not two thirds.
	CouncilMinority,
	/// `Root`: only reachable through `sudo` (dev chains) or `consortium.enact`.
	Root,
}

use Actor::*;
use AgencyKind::*;

/// The local testnet's founding agencies, in organization-id order.
const FOUNDING: [AgencyKind; 6] =
	[FinanceBureau, TaxBureau, MarketRegulation, Court, IpOffice, CreditRegulator];

/// Every agency of the setup: the founding six and the science commission (a fund manager).
const AGENCIES: [AgencyKind; 7] = [
	FinanceBureau,
	TaxBureau,
	MarketRegulation,
	Court,
	IpOffice,
	CreditRegulator,
	ScienceCommission,
];

/// The kinds that also have a district agency in the setup.
const DISTRICT: [AgencyKind; 3] = [TaxBureau, MarketRegulation, FinanceBureau];

/// Every agency actor: each holds a council seat.
fn agency_actors() -> Vec<Actor> {
	AGENCIES.into_iter().map(Agency).chain(DISTRICT.into_iter().map(District)).collect()
}

fn all_actors() -> Vec<Actor> {
	agency_actors()
		.into_iter()
		.chain([Enterprise, Bank, NonMember, CouncilMajority, CouncilMinority, Root])
		.collect()
}

fn district_account(kind: AgencyKind) -> AccountId {
	AccountId::from([70 + DISTRICT.iter().position(|k| *k == kind).unwrap() as u8; 32])
}

/// The errors that mean "you may not do this": the only acceptable reason for a refusal.
const AUTHORITY_ERRORS: [&str; 40] = [
	"OutsideJurisdiction",
	// A fund program states the kinds of organizations that may apply (a bank passes the
	// applicants' origin), only an allocation's holder spends it, an award's recipient and
	// manager do not object to it, and only they and the regulators evaluate it.
	"IneligibleKind",
	"NotRecipient",
	"OwnAward",
	"NotEvaluator",
	// A special account's movements are confirmed by the bank holding it, never by the
	// account's owner itself.
	"OwnBank",
	"NotTheBank",
	// A red-letter request is answered by the party that did not raise it.
	"NotOtherParty",
	"NotAdmin",
	// A consent to join another organization: the caller may not add that account.
	"InvalidJoinSignature",
	"NotAuthorized",
	"NotActiveMember",
	"NotManager",
	"NotIssuer",
	"NotBuyer",
	"NotMember",
	"RequireSudo",
	"NotValidator",
	"NotAttester",
	"NotSubject",
	"NotGrantor",
	"NotGrantee",
	// A claim type is retired or reinstated by its registrant, a regulator above it, or
	// governance; a financing's invoices are released by its attester until it ends.
	"NotRegistrant",
	"FinancingNotEnded",
	// A batch's digests are indexed by the batch's owner.
	"NotRecordOwner",
	// Goods: only their custodian acts on them, only a class's owner makes its batches.
	"NotCustodian",
	"NotClassOwner",
	"NotManufacturer",
	// A receiver must take part in supply chains.
	"NotParticipant",
	// A dispute is the attester's to answer before its deadline and the credit regulator's
	// after it: each is refused in the other's time.
	"DeadlinePassed",
	"DeadlineNotPassed",
	// A work is its owner's to offer and transfer, a dispute its claimant's to withdraw, and
	// an author's declaration names the organization that may register it.
	"NotOwner",
	"NotClaimant",
	"InvalidAuthorSignature",
	// A case: its agencies act in it within their kinds' remit, its lead freezes and closes,
	// the agency that decided a penalty rules on its appeal, its subject answers.
	"OutsideRemit",
	"NotCaseAgency",
	"NotLead",
	"NotDecidingAgency",
	// A random inspection: its agencies act in it, only an inspecting agency (market
	// regulation, customs) leads one or enlists inspectors.
	"NotPlanAgency",
	"NotInspector",
];

/// Whether `error` is a refusal for lack of authority.
fn is_authority_error(error: &sp_runtime::DispatchError) -> bool {
	match error {
		sp_runtime::DispatchError::BadOrigin => true,
		sp_runtime::DispatchError::Module(e) => {
			e.message.is_some_and(|m| AUTHORITY_ERRORS.contains(&m))
		},
		_ => false,
	}
}

fn account(kind: AgencyKind) -> AccountId {
	match kind {
		FinanceBureau => Sr25519Keyring::Alice,
		TaxBureau => Sr25519Keyring::Bob,
		MarketRegulation => Sr25519Keyring::Charlie,
		Court => Sr25519Keyring::Dave,
		IpOffice => Sr25519Keyring::Eve,
		CreditRegulator => Sr25519Keyring::Ferdie,
		_ => return AccountId::from([60u8; 32]),
	}
	.to_account_id()
}

fn org_of(kind: AgencyKind) -> OrgId {
	match FOUNDING.iter().position(|k| *k == kind) {
		Some(i) => i as OrgId,
		None => SCIENCE_ORG,
	}
}

/// An organization that may hold `role` in law: the bank where it may, else the enterprise,
/// else the first agency of a kind that may.
fn holder(role: Role) -> OrgId {
	if role.may_be_held_by(OrgKind::FinancialInstitution) {
		BANK_ORG
	} else if role.may_be_held_by(OrgKind::Enterprise) {
		ENTERPRISE_ORG
	} else {
		let kind = AGENCIES.into_iter().find(|k| role.may_be_held_by(OrgKind::Agency(*k)));
		org_of(kind.expect("some agency of the setup may hold every agency role"))
	}
}

const ENTERPRISE_ORG: OrgId = 6;
const BANK_ORG: OrgId = 7;
const SUSPENDED_ORG: OrgId = 8;
const SCIENCE_ORG: OrgId = 9;
/// The end of the matrix members' terms: 100 days on.
const TERM: Moment = common::NOW + 100 * DAY;

fn enterprise() -> AccountId {
	Sr25519Keyring::One.to_account_id()
}

fn bank() -> AccountId {
	Sr25519Keyring::Two.to_account_id()
}

fn outsider() -> AccountId {
	AccountId::from([7u8; 32])
}

fn fresh(n: u8) -> AccountId {
	AccountId::from([100 + n; 32])
}

/// When the matrix's join consents expire.
const CONSENT_UNTIL: Moment = common::NOW + HOUR;

/// The account of `seed` and its consent to join `org` as a clerk until [`CONSENT_UNTIL`].
fn consent(seed: &str, org: OrgId) -> (AccountId, regchain_runtime::Signature) {
	use sp_core::Pair;
	let pair = sp_core::sr25519::Pair::from_string(seed, None).expect("a valid seed");
	let message = pallet_consortium::Pallet::<Runtime>::join_message(org, false, CONSENT_UNTIL);
	(pair.public().into(), pair.sign(&message).into())
}

/// A valid credit code no setup member has.
fn new_code() -> Vec<u8> {
	regchain_primitives::CreditCode::sample(1).as_bytes().to_vec()
}

/// `register_organization` of a member of `kind` under `code`, whose first account (of
/// `seed`) consents until [`CONSENT_UNTIL`] to registration by the founding registrar of that
/// kind. The consent names the local testnet's genesis hash, read in a genesis of its own (the
/// matrix builds its calls outside any).
fn new_member(kind: OrgKind, code: Vec<u8>, seed: &str) -> RuntimeCall {
	let registrar = org_of(kind.registrar().expect("a kind with a registrar"));
	let (account, signature) = common::genesis_of(sp_genesis_builder::LOCAL_TESTNET_RUNTIME_PRESET)
		.execute_with(|| common::register_consent(seed, kind, registrar, &code, CONSENT_UNTIL));
	RuntimeCall::Consortium(pallet_consortium::Call::register_organization {
		kind,
		name: b"Member".to_vec(),
		credit_code: code,
		account,
		expires_at: TERM,
		valid_until: CONSENT_UNTIL,
		signature,
	})
}

fn origin(actor: Actor) -> RuntimeOrigin {
	match actor {
		Agency(kind) => RuntimeOrigin::signed(account(kind)),
		District(kind) => RuntimeOrigin::signed(district_account(kind)),
		Enterprise => RuntimeOrigin::signed(enterprise()),
		Bank => RuntimeOrigin::signed(bank()),
		NonMember => RuntimeOrigin::signed(outsider()),
		CouncilMajority => {
			pallet_collective::RawOrigin::<AccountId, AgencyCouncilInstance>::Members(4, 6).into()
		},
		CouncilMinority => {
			pallet_collective::RawOrigin::<AccountId, AgencyCouncilInstance>::Members(3, 6).into()
		},
		Root => RuntimeOrigin::root(),
	}
}

/// The state every call is tried on: the local testnet's six agencies and four validators,
/// an enterprise, a bank, a suspended enterprise, an enterprise role to revoke, a barred
/// account and a fifth agency account with session keys.
fn setup() {
	frame_system::Pallet::<Runtime>::set_block_number(1);
	let registrar = RuntimeOrigin::signed(account(MarketRegulation));
	let register = |origin: RuntimeOrigin, kind, code: &[u8], seed: &str| {
		new_member(kind, code.to_vec(), seed).dispatch(origin).expect("setup registers members");
	};
	register(registrar.clone(), OrgKind::Enterprise, b"91350100M000100Y43", "//One");
	register(
		RuntimeOrigin::signed(account(CreditRegulator)),
		OrgKind::FinancialInstitution,
		b"91110000802100433B",
		"//Two",
	);
	register(registrar, OrgKind::Enterprise, b"91440300708461136T", "//Suspended");
	pallet_consortium::Pallet::<Runtime>::suspend(RuntimeOrigin::root(), SUSPENDED_ORG)
		.expect("setup suspends");
	pallet_consortium::Pallet::<Runtime>::register_agency(
		RuntimeOrigin::root(),
		ScienceCommission,
		b"Science and technology commission".to_vec(),
		account(ScienceCommission),
		TERM,
		regchain_primitives::Division::NATIONAL,
	)
	.expect("setup admits the science commission");
	for kind in DISTRICT {
		pallet_consortium::Pallet::<Runtime>::register_agency(
			RuntimeOrigin::root(),
			kind,
			b"Minhang district agency".to_vec(),
			district_account(kind),
			TERM,
			regchain_primitives::Division(310112),
		)
		.expect("setup admits district agencies");
	}
	// A second key of the tax bureau, to which governance may move its seat.
	let (second_tax_key, signature) = consent("//TaxBureauSecondKey", org_of(TaxBureau));
	pallet_consortium::Pallet::<Runtime>::add_account(
		RuntimeOrigin::signed(account(TaxBureau)),
		second_tax_key,
		false,
		CONSENT_UNTIL,
		signature,
	)
	.expect("setup adds an account");
	pallet_consortium::Pallet::<Runtime>::grant_role(
		RuntimeOrigin::signed(account(TaxBureau)),
		ENTERPRISE_ORG,
		Role::InvoiceIssuer,
	)
	.expect("setup grants");
	invoices_setup();
	funds_setup();
	credit_setup();
	notarization_setup();
	provenance_setup();
	ip_rights_setup();
	supervision_setup();
	inspection_setup();
	pallet_validator_set::Barred::<Runtime>::insert(fresh(1), 1);
	let eve = account(IpOffice);
	let keys = SessionKeys {
		aura: Sr25519Keyring::Eve.public().into(),
		grandpa: sp_keyring::Ed25519Keyring::Eve.public().into(),
	};
	pallet_session::NextKeys::<Runtime>::insert(&eve, keys);
	frame_system::Pallet::<Runtime>::reset_events();
}

/// The enterprise (an invoice issuer with limits) has issued invoices to the bank: 0 issued,
/// 1 confirmed, 2 frozen for audit and found abnormal, 3 confirmed, its reversal requested by
/// the enterprise.
fn invoices_setup() {
	use pallet_invoices::{Buyer, IssuerLimits, LineInput};
	let limits = IssuerLimits { per_invoice: Some(1_000_000), per_month: 10_000_000 };
	pallet_invoices::Issuers::<Runtime>::insert(ENTERPRISE_ORG, limits);
	let line = LineInput {
		description: Default::default(),
		classification: 1_100_101_020_000_000_000,
		quantity: 1_000,
		unit_price: 100 * pallet_invoices::PRICE_SCALE,
		tax_included: false,
		discount: 0,
		rate: 1,
	};
	let issuer = RuntimeOrigin::signed(enterprise());
	let tax = RuntimeOrigin::signed(account(TaxBureau));
	let buyer = RuntimeOrigin::signed(bank());
	let invoice = |seq| InvoiceRef { issuer: ENTERPRISE_ORG, seq };
	for _ in 0..4 {
		pallet_invoices::Pallet::<Runtime>::issue(
			issuer.clone(),
			pallet_invoices::InvoiceType::Special,
			Buyer::Member(BANK_ORG),
			vec![line],
			Default::default(),
		)
		.expect("setup issues");
	}
	for seq in [1, 3] {
		pallet_invoices::Pallet::<Runtime>::confirm(buyer.clone(), invoice(seq)).expect("confirms");
	}
	pallet_invoices::Pallet::<Runtime>::freeze(tax.clone(), invoice(2), Default::default())
		.expect("freezes");
	pallet_invoices::Pallet::<Runtime>::mark_abnormal(tax, invoice(2), Default::default())
		.expect("finds it abnormal");
	let reason = pallet_invoices::RedReason::InvoicingError;
	pallet_invoices::Pallet::<Runtime>::reverse(
		issuer,
		invoice(3),
		reason,
		vec![],
		Default::default(),
	)
	.expect("requests a reversal");
}

/// The science commission manages a fund program (0), its budget appropriated by the finance
/// bureau, in which the enterprise holds allocation 0 (past its publicity, 500 of 1,000
/// disbursed), a pending application 1, a frozen allocation 2 and an allocation 3 the bank
/// objected to (both in their publicity); the bank owes 100 of its allocation 4's expense,
/// disallowed (program 1, for banks).
fn funds_setup() {
	use pallet_funds::{Categories, Eligibility, FreezeTarget, Pallet as Funds};
	let manager = RuntimeOrigin::signed(account(ScienceCommission));
	let sme = RuntimeOrigin::signed(enterprise());
	pallet_consortium::Pallet::<Runtime>::grant_role(
		RuntimeOrigin::signed(account(FinanceBureau)),
		SCIENCE_ORG,
		Role::FundManager,
	)
	.expect("setup grants");
	Funds::<Runtime>::create_program(
		manager.clone(),
		Default::default(),
		Categories(1),
		common::NOW,
		common::NOW + 100 * DAY,
		common::NOW + 200 * DAY,
		Eligibility::any_enterprise(),
		None,
		Default::default(),
	)
	.expect("creates");
	let finance = RuntimeOrigin::signed(account(FinanceBureau));
	Funds::<Runtime>::set_budget(finance, 0, 1_000_000).expect("appropriates");
	for n in 0..4 {
		let project = sp_core::H256::repeat_byte(0x50 + n);
		Funds::<Runtime>::apply(sme.clone(), 0, 1_000, Default::default(), project)
			.expect("applies");
	}
	for id in [0, 2, 3] {
		Funds::<Runtime>::approve(manager.clone(), id, 1_000).expect("approves");
	}
	// Allocation 0's week of publicity has passed without objection.
	pallet_funds::Publicities::<Runtime>::mutate(0, |p| p.as_mut().map(|p| p.until = common::NOW));
	Funds::<Runtime>::disburse(manager.clone(), 0, 500, Default::default()).expect("disburses");
	// Its manager evaluated it: program 0 may close.
	Funds::<Runtime>::evaluate(manager.clone(), 0, 80, Default::default()).expect("evaluates");
	// Program 1 pays banks (loan risk compensation): the bank's allocation 4, disbursed, with
	// an expense (ledger entry 2) of which the finance bureau disallowed 100, owed by the bank.
	let banks = Eligibility {
		kinds: regchain_primitives::OrgKinds::of(&[
			regchain_primitives::OrgKind::FinancialInstitution,
		]),
		..Eligibility::any_enterprise()
	};
	Funds::<Runtime>::create_program(
		manager.clone(),
		Default::default(),
		Categories(1),
		common::NOW,
		common::NOW + 100 * DAY,
		common::NOW + 200 * DAY,
		banks,
		None,
		Default::default(),
	)
	.expect("creates");
	let finance = RuntimeOrigin::signed(account(FinanceBureau));
	Funds::<Runtime>::set_budget(finance.clone(), 1, 1_000).expect("appropriates");
	let lender = RuntimeOrigin::signed(bank());
	Funds::<Runtime>::apply(
		lender.clone(),
		1,
		1_000,
		Default::default(),
		sp_core::H256::repeat_byte(0x5f),
	)
	.expect("applies");
	Funds::<Runtime>::approve(manager.clone(), 4, 1_000).expect("approves");
	pallet_funds::Publicities::<Runtime>::mutate(4, |p| p.as_mut().map(|p| p.until = common::NOW));
	Funds::<Runtime>::disburse(manager.clone(), 4, 1_000, Default::default()).expect("disburses");
	Funds::<Runtime>::record_expense(
		lender,
		4,
		200,
		0,
		Default::default(),
		Default::default(),
		None,
	)
	.expect("spends");
	Funds::<Runtime>::disallow(
		finance.clone(),
		4,
		2,
		100,
		Default::default(),
		common::NOW + 30 * DAY,
	)
	.expect("disallows");
	Funds::<Runtime>::object(
		RuntimeOrigin::signed(bank()),
		3,
		Default::default(),
		Default::default(),
	)
	.expect("objects");
	Funds::<Runtime>::freeze(
		RuntimeOrigin::signed(account(FinanceBureau)),
		FreezeTarget::Allocation(2),
		Default::default(),
	)
	.expect("freezes");
	// Program 2 pays by milestones, under bank supervision: awards 5 (past its publicity, no
	// agreement yet) and 6 (its agreement of one milestone of 500 recorded; the enterprise's
	// own money, at ledger entry 1, awaits the bank holding its special account).
	let staged = pallet_funds::PaymentRules {
		payment: pallet_funds::PaymentForm::Milestones,
		bank_confirms_from: Some(1_000),
		..Default::default()
	};
	Funds::<Runtime>::designate_bank(sme.clone(), BANK_ORG).expect("names its bank");
	Funds::<Runtime>::create_program(
		manager.clone(),
		Default::default(),
		Categories(1),
		common::NOW,
		common::NOW + 100 * DAY,
		common::NOW + 200 * DAY,
		Eligibility::any_enterprise(),
		None,
		staged,
	)
	.expect("creates");
	Funds::<Runtime>::set_budget(finance, 2, 10_000).expect("appropriates");
	for id in [5, 6] {
		let project = sp_core::H256::repeat_byte(0x70 + id as u8);
		Funds::<Runtime>::apply(sme.clone(), 2, 1_000, Default::default(), project)
			.expect("applies");
		Funds::<Runtime>::approve(manager.clone(), id, 1_000).expect("approves");
		pallet_funds::Publicities::<Runtime>::mutate(id, |p| {
			p.as_mut().map(|p| p.until = common::NOW)
		});
	}
	Funds::<Runtime>::record_agreement(
		manager,
		6,
		Default::default(),
		milestone(),
		Default::default(),
	)
	.expect("agrees");
	Funds::<Runtime>::contribute(sme, 6, 100, Default::default()).expect("contributes");
}

/// One milestone of 500, due in 50 days.
fn milestone() -> frame_support::BoundedVec<pallet_funds::Milestone, pallet_funds::MaxMilestones> {
	let due = common::NOW + 50 * DAY;
	vec![pallet_funds::Milestone { amount: 500, due }].try_into().expect("one fits")
}

/// Every privileged call and the actors that may make it.
fn rows() -> Vec<(&'static str, RuntimeCall, Vec<Actor>)> {
	use pallet_consortium::Call as C;
	use pallet_validator_set::Call as V;
	let governance = vec![CouncilMajority, Root];
	let with = |mut actors: Vec<Actor>, extra: &[Actor]| {
		actors.extend_from_slice(extra);
		actors
	};
	let remark = || Box::new(RuntimeCall::System(frame_system::Call::remark { remark: vec![] }));
	let mut rows = vec![
		(
			"consortium.register_agency",
			RuntimeCall::Consortium(C::register_agency {
				kind: Court,
				name: b"Second court".to_vec(),
				account: fresh(2),
				expires_at: TERM,
				jurisdiction: regchain_primitives::Division(310000),
			}),
			governance.clone(),
		),
		(
			"consortium.register_organization(enterprise)",
			new_member(OrgKind::Enterprise, new_code(), "//Fresh/3"),
			vec![Agency(MarketRegulation)],
		),
		(
			"consortium.register_organization(bank)",
			new_member(OrgKind::FinancialInstitution, new_code(), "//Fresh/3"),
			vec![Agency(CreditRegulator)],
		),
		(
			"consortium.add_account",
			{
				// A clerk's consent to join the enterprise: only its administrator can use it.
				let (account, signature) =
					common::genesis_of(sp_genesis_builder::LOCAL_TESTNET_RUNTIME_PRESET)
						.execute_with(|| consent("//EnterpriseClerk", ENTERPRISE_ORG));
				RuntimeCall::Consortium(C::add_account {
					account,
					admin: false,
					valid_until: CONSENT_UNTIL,
					signature,
				})
			},
			vec![Enterprise],
		),
		(
			"consortium.renew(enterprise)",
			RuntimeCall::Consortium(C::renew { org: ENTERPRISE_ORG, expires_at: TERM + 1 }),
			with(governance.clone(), &[Agency(MarketRegulation)]),
		),
		(
			"consortium.suspend(enterprise)",
			RuntimeCall::Consortium(C::suspend { org: ENTERPRISE_ORG }),
			with(governance.clone(), &[Agency(MarketRegulation)]),
		),
		(
			"consortium.resume(enterprise)",
			RuntimeCall::Consortium(C::resume { org: SUSPENDED_ORG }),
			with(governance.clone(), &[Agency(MarketRegulation)]),
		),
		(
			"consortium.revoke(enterprise)",
			RuntimeCall::Consortium(C::revoke { org: ENTERPRISE_ORG }),
			with(governance.clone(), &[Agency(MarketRegulation)]),
		),
		(
			"consortium.suspend(bank)",
			RuntimeCall::Consortium(C::suspend { org: BANK_ORG }),
			with(governance.clone(), &[Agency(CreditRegulator)]),
		),
		(
			"consortium.renew(agency)",
			RuntimeCall::Consortium(C::renew { org: org_of(TaxBureau), expires_at: TERM }),
			governance.clone(),
		),
		(
			"consortium.suspend(agency)",
			RuntimeCall::Consortium(C::suspend { org: org_of(Court) }),
			governance.clone(),
		),
		(
			"consortium.revoke(agency)",
			RuntimeCall::Consortium(C::revoke { org: org_of(IpOffice) }),
			governance.clone(),
		),
		(
			"consortium.revoke_role(InvoiceIssuer)",
			RuntimeCall::Consortium(C::revoke_role {
				org: ENTERPRISE_ORG,
				role: Role::InvoiceIssuer,
			}),
			vec![Agency(TaxBureau)],
		),
		(
			"consortium.enact",
			RuntimeCall::Consortium(C::enact { call: remark() }),
			governance.clone(),
		),
		(
			"consortium.set_tx_quota",
			RuntimeCall::Consortium(C::set_tx_quota { org: Some(ENTERPRISE_ORG), quota: 50 }),
			governance.clone(),
		),
		(
			"consortium.set_byte_quota",
			RuntimeCall::Consortium(C::set_byte_quota { org: None, bytes: 100_000 }),
			governance.clone(),
		),
		(
			"consortium.set_jurisdiction",
			RuntimeCall::Consortium(C::set_jurisdiction {
				org: org_of(TaxBureau),
				jurisdiction: regchain_primitives::Division(310000),
			}),
			governance.clone(),
		),
		(
			"consortium.rotate_seat",
			RuntimeCall::Consortium(C::rotate_seat {
				org: org_of(TaxBureau),
				account: common::genesis_of(sp_genesis_builder::LOCAL_TESTNET_RUNTIME_PRESET)
					.execute_with(|| consent("//TaxBureauSecondKey", org_of(TaxBureau)).0),
			}),
			governance.clone(),
		),
		(
			"validator_set.add_validator",
			RuntimeCall::ValidatorSet(V::add_validator { who: account(IpOffice) }),
			governance.clone(),
		),
		(
			"validator_set.remove_validator",
			RuntimeCall::ValidatorSet(V::remove_validator { who: account(Court) }),
			governance.clone(),
		),
		(
			"validator_set.bar",
			RuntimeCall::ValidatorSet(V::bar { who: account(Court) }),
			governance.clone(),
		),
		(
			"validator_set.lift_bar",
			RuntimeCall::ValidatorSet(V::lift_bar { who: fresh(1) }),
			governance.clone(),
		),
		(
			"validator_set.set_min_validators",
			RuntimeCall::ValidatorSet(V::set_min_validators { min: 2 }),
			governance.clone(),
		),
		(
			"validator_set.announce_maintenance",
			RuntimeCall::ValidatorSet(V::announce_maintenance {}),
			// The local testnet's validators.
			vec![Agency(FinanceBureau), Agency(TaxBureau), Agency(MarketRegulation), Agency(Court)],
		),
		(
			"agency_council.propose",
			RuntimeCall::AgencyCouncil(pallet_collective::Call::propose {
				threshold: 4,
				proposal: remark(),
				length_bound: 100,
			}),
			// Every agency holds a seat.
			agency_actors(),
		),
		(
			"agency_council.set_members",
			RuntimeCall::AgencyCouncil(pallet_collective::Call::set_members {
				new_members: vec![outsider()],
				prime: None,
				old_count: 6,
			}),
			// Only the consortium pallet changes the council.
			vec![],
		),
		(
			"sudo.sudo",
			RuntimeCall::Sudo(pallet_sudo::Call::sudo { call: remark() }),
			// The local testnet has no sudo key: no account may; `Root` passes, being Root.
			vec![Root],
		),
		(
			"system.set_storage",
			RuntimeCall::System(frame_system::Call::set_storage { items: vec![] }),
			// Root only: the council reaches it through `consortium.enact`.
			vec![Root],
		),
		(
			"balances.force_set_balance",
			RuntimeCall::Balances(pallet_balances::Call::force_set_balance {
				who: outsider().into(),
				new_free: 1,
			}),
			vec![Root],
		),
	];
	rows.extend(invoice_rows());
	rows.extend(fund_rows());
	rows.extend(credit_rows());
	rows.extend(notarization_rows());
	rows.extend(provenance_rows());
	rows.extend(ip_rights_rows());
	rows.extend(supervision_rows());
	rows.extend(inspection_rows());
	for role in Role::ALL {
		// A role the setup already gave its holder (the court certifies, the enterprise makes
		// and sells goods, market regulation inspects): that row revokes it instead, which
		// takes the same authority.
		let (name, call) = if SETUP_ROLES.contains(&role) {
			("consortium.revoke_role", C::revoke_role { org: holder(role), role })
		} else {
			("consortium.grant_role", C::grant_role { org: holder(role), role })
		};
		rows.push((name, RuntimeCall::Consortium(call), vec![Agency(role.granted_by())]));
	}
	rows
}

/// The invoices pallet: the tax bureau supervises, the issuer issues and reverses, the buyer
/// answers and reimburses.
fn invoice_rows() -> Vec<(&'static str, RuntimeCall, Vec<Actor>)> {
	use pallet_invoices::{Buyer, Call as I, IssuerLimits, LineInput, TaxRate};
	let invoice = |seq| InvoiceRef { issuer: ENTERPRISE_ORG, seq };
	let reason = sp_core::H256::repeat_byte(1);
	let tax = vec![Agency(TaxBureau)];
	vec![
		(
			"invoices.set_issuer_limits",
			RuntimeCall::Invoices(I::set_issuer_limits {
				taxpayer: BANK_ORG,
				limits: Some(IssuerLimits { per_invoice: Some(1), per_month: 1 }),
			}),
			tax.clone(),
		),
		(
			"invoices.set_rate",
			RuntimeCall::Invoices(I::set_rate {
				code: 1,
				rate: Some(TaxRate::BasisPoints(900)),
				from: common::NOW + DAY,
			}),
			tax.clone(),
		),
		(
			"invoices.issue",
			RuntimeCall::Invoices(I::issue {
				invoice_type: pallet_invoices::InvoiceType::Special,
				buyer: Buyer::Member(BANK_ORG),
				lines: vec![LineInput {
					description: reason,
					quantity: 1_000,
					unit_price: 100 * pallet_invoices::PRICE_SCALE,
					classification: 1_100_101_020_000_000_000,
					tax_included: false,
					discount: 0,
					rate: 1,
				}],
				document: reason,
			}),
			vec![Enterprise],
		),
		("invoices.confirm", RuntimeCall::Invoices(I::confirm { invoice: invoice(0) }), vec![Bank]),
		(
			"invoices.reject",
			RuntimeCall::Invoices(I::reject { invoice: invoice(0), reason }),
			vec![Bank],
		),
		(
			"invoices.reverse",
			RuntimeCall::Invoices(I::reverse {
				invoice: invoice(0),
				reason: pallet_invoices::RedReason::InvoicingError,
				lines: vec![],
				document: reason,
			}),
			vec![Enterprise],
		),
		(
			"invoices.request_reversal",
			RuntimeCall::Invoices(I::request_reversal {
				invoice: invoice(1),
				reason: pallet_invoices::RedReason::SalesAllowance,
				lines: vec![pallet_invoices::RedLineInput { line: 0, quantity: 0, net: 1 }],
				document: reason,
			}),
			vec![Bank],
		),
		(
			"invoices.confirm_reversal",
			RuntimeCall::Invoices(I::confirm_reversal { invoice: invoice(3) }),
			vec![Bank],
		),
		(
			"invoices.refuse_reversal",
			RuntimeCall::Invoices(I::refuse_reversal { invoice: invoice(3), reason }),
			vec![Bank],
		),
		(
			"invoices.settle_reversal",
			RuntimeCall::Invoices(I::settle_reversal { invoice: invoice(3), refusal: None }),
			tax.clone(),
		),
		(
			"invoices.reimburse",
			RuntimeCall::Invoices(I::reimburse { invoice: invoice(1) }),
			vec![Bank],
		),
		(
			"invoices.freeze",
			RuntimeCall::Invoices(I::freeze { invoice: invoice(0), reason }),
			tax.clone(),
		),
		(
			"invoices.unfreeze",
			RuntimeCall::Invoices(I::unfreeze { invoice: invoice(2) }),
			tax.clone(),
		),
		(
			"invoices.confirm_use",
			RuntimeCall::Invoices(I::confirm_use {
				invoice: invoice(1),
				input_use: pallet_invoices::InputUse::Deduct,
			}),
			vec![Bank],
		),
		(
			"invoices.mark_abnormal",
			RuntimeCall::Invoices(I::mark_abnormal { invoice: invoice(0), reason }),
			tax.clone(),
		),
		(
			"invoices.clear_abnormal",
			RuntimeCall::Invoices(I::clear_abnormal { invoice: invoice(2) }),
			tax.clone(),
		),
		("invoices.void", RuntimeCall::Invoices(I::void { invoice: invoice(0), reason }), tax),
	]
}

/// The first claim type the setup registers: after the genesis catalogue.
fn setup_claim_type() -> u32 {
	use regchain_runtime::genesis_config_presets::{credit_catalogue, test_agencies};
	credit_catalogue(&test_agencies()).claim_types.len() as u32
}

/// Credit: claim type `setup_claim_type()` (a tax grade, attested by tax bureaus; the tax
/// bureau is authorized), the next (loan repayment, by banks; the bank is not authorized), a
/// receivable (+2, the bank is authorized) and a retired one (+3); attestations 0–3 of the tax
/// bureau about the enterprise: 1 disputed in time, 2 disputed and overdue, 3 frozen; grant 0
/// from the enterprise to the bank for pre-loan review, grant 1 for invoice financing, under
/// which the bank's attestation 4 pledges the enterprise's invoice 5 (issued here, confirmed by
/// the bank).
fn credit_setup() {
	use pallet_credit::{ClaimTypeScope, OrgKinds, Pallet as Credit, Purpose, Scope};
	let regulator = RuntimeOrigin::signed(account(CreditRegulator));
	let tax = RuntimeOrigin::signed(account(TaxBureau));
	let sme = RuntimeOrigin::signed(enterprise());
	pallet_consortium::Pallet::<Runtime>::grant_role(
		regulator.clone(),
		org_of(TaxBureau),
		Role::Attester,
	)
	.expect("setup grants");
	let label = |n: &[u8]| -> pallet_credit::RatingLabel { n.to_vec().try_into().unwrap() };
	let name = |n: &[u8]| -> pallet_credit::ClaimTypeName { n.to_vec().try_into().unwrap() };
	let grade: pallet_credit::Ratings = vec![label(b"A"), label(b"B")].try_into().unwrap();
	Credit::<Runtime>::register_claim_type(
		regulator.clone(),
		name(b"tax-credit-grade"),
		Default::default(),
		grade,
		OrgKinds::of(&[OrgKind::Agency(TaxBureau)]),
		false,
	)
	.expect("registers");
	Credit::<Runtime>::register_claim_type(
		regulator.clone(),
		name(b"loan-repayment"),
		Default::default(),
		Default::default(),
		OrgKinds::of(&[OrgKind::FinancialInstitution]),
		false,
	)
	.expect("registers");
	assert_eq!(pallet_credit::NextClaimTypeId::<Runtime>::get(), setup_claim_type() + 2);
	Credit::<Runtime>::authorize_attester(regulator.clone(), setup_claim_type(), org_of(TaxBureau))
		.expect("authorizes");
	for _ in 0..4 {
		let now = common::NOW;
		Credit::<Runtime>::attest(
			tax.clone(),
			ENTERPRISE_ORG,
			setup_claim_type(),
			Default::default(),
			Some(0),
			now,
			now + 300 * DAY,
			Default::default(),
		)
		.expect("attests");
	}
	for id in [1, 2] {
		Credit::<Runtime>::dispute(sme.clone(), id, Default::default()).expect("disputes");
	}
	pallet_credit::Disputes::<Runtime>::mutate(2, |d| d.as_mut().expect("disputed").deadline = 0);
	Credit::<Runtime>::freeze(regulator.clone(), 3, Default::default()).expect("freezes");
	let scope = Scope { claim_types: ClaimTypeScope::All, figures: true };
	Credit::<Runtime>::grant_consent(sme.clone(), BANK_ORG, scope, Purpose::PreLoanReview, TERM)
		.expect("grants");
	for (label, receivables) in [(&b"receivable"[..], true), (&b"retired"[..], false)] {
		Credit::<Runtime>::register_claim_type(
			regulator.clone(),
			name(label),
			Default::default(),
			Default::default(),
			OrgKinds::of(&[OrgKind::FinancialInstitution]),
			receivables,
		)
		.expect("registers");
	}
	Credit::<Runtime>::retire_claim_type(regulator.clone(), setup_claim_type() + 3)
		.expect("retires");
	pallet_consortium::Pallet::<Runtime>::grant_role(regulator.clone(), BANK_ORG, Role::Attester)
		.expect("setup grants");
	Credit::<Runtime>::authorize_attester(regulator, setup_claim_type() + 2, BANK_ORG)
		.expect("authorizes");
	let line = pallet_invoices::LineInput {
		description: Default::default(),
		quantity: 1_000,
		unit_price: 100 * pallet_invoices::PRICE_SCALE,
		classification: 1_100_101_020_000_000_000,
		tax_included: false,
		discount: 0,
		rate: 1,
	};
	let invoices = pallet_invoices::Pallet::<Runtime>::issue(
		sme.clone(),
		pallet_invoices::InvoiceType::Special,
		pallet_invoices::Buyer::Member(BANK_ORG),
		vec![line],
		Default::default(),
	);
	invoices.expect("setup issues");
	let financed = InvoiceRef { issuer: ENTERPRISE_ORG, seq: 4 };
	pallet_invoices::Pallet::<Runtime>::confirm(RuntimeOrigin::signed(bank()), financed)
		.expect("confirms");
	let all = Scope { claim_types: ClaimTypeScope::All, figures: false };
	Credit::<Runtime>::grant_consent(sme, BANK_ORG, all, Purpose::InvoiceFinancing, TERM)
		.expect("grants");
	Credit::<Runtime>::attest(
		RuntimeOrigin::signed(bank()),
		ENTERPRISE_ORG,
		setup_claim_type() + 2,
		Default::default(),
		None,
		common::NOW,
		TERM,
		vec![financed].try_into().unwrap(),
	)
	.expect("the bank finances");
	assert!(pallet_invoices::ReceivableClaims::<Runtime>::contains_key(financed));
}

/// Credit: the credit regulator governs claim types and attesters and decides overdue
/// disputes, the tax bureau attests, the enterprise consents and disputes, the bank declares.
fn credit_rows() -> Vec<(&'static str, RuntimeCall, Vec<Actor>)> {
	use pallet_credit::{Call as K, ClaimTypeScope, OrgKinds, Purpose, Scope};
	let hash = sp_core::H256::repeat_byte(1);
	let regulator = vec![Agency(CreditRegulator)];
	// The catalogue: its registrant (or a regulator above it) and governance.
	let governed: Vec<Actor> = regulator.iter().copied().chain([CouncilMajority, Root]).collect();
	let tax = vec![Agency(TaxBureau)];
	let members: Vec<Actor> = agency_actors().into_iter().chain([Enterprise, Bank]).collect();
	let scope = Scope { claim_types: ClaimTypeScope::All, figures: false };
	let grade = setup_claim_type();
	vec![
		(
			"credit.register_claim_type",
			RuntimeCall::Credit(K::register_claim_type {
				name: b"court-enforcement".to_vec().try_into().unwrap(),
				schema: hash,
				ratings: Default::default(),
				attester_kinds: OrgKinds::of(&[OrgKind::Agency(Court)]),
				receivables: false,
			}),
			regulator.clone(),
		),
		(
			"credit.retire_claim_type",
			RuntimeCall::Credit(K::retire_claim_type { claim_type: grade }),
			governed.clone(),
		),
		(
			"credit.reinstate_claim_type",
			RuntimeCall::Credit(K::reinstate_claim_type { claim_type: grade + 3 }),
			governed,
		),
		(
			"credit.release_receivables (in force)",
			RuntimeCall::Credit(K::release_receivables { attestation: 4 }),
			vec![Bank],
		),
		(
			"credit.authorize_attester",
			RuntimeCall::Credit(K::authorize_attester {
				claim_type: grade + 1,
				attester: BANK_ORG,
			}),
			regulator.clone(),
		),
		(
			"credit.deauthorize_attester",
			RuntimeCall::Credit(K::deauthorize_attester {
				claim_type: grade,
				attester: org_of(TaxBureau),
			}),
			regulator.clone(),
		),
		(
			"credit.attest",
			RuntimeCall::Credit(K::attest {
				subject: ENTERPRISE_ORG,
				claim_type: grade,
				data: hash,
				rating: Some(1),
				valid_from: common::NOW,
				valid_until: common::NOW + DAY,
				invoices: Default::default(),
			}),
			tax.clone(),
		),
		(
			"credit.supersede",
			RuntimeCall::Credit(K::supersede {
				attestation: 0,
				data: hash,
				rating: None,
				valid_from: common::NOW,
				valid_until: common::NOW + DAY,
			}),
			tax.clone(),
		),
		(
			"credit.revoke",
			RuntimeCall::Credit(K::revoke { attestation: 0, reason: hash }),
			tax.clone(),
		),
		(
			"credit.grant_consent",
			RuntimeCall::Credit(K::grant_consent {
				lender: BANK_ORG,
				scope: scope.clone(),
				purpose: Purpose::PostLoanManagement,
				until: common::NOW + DAY,
			}),
			vec![Enterprise],
		),
		(
			"credit.withdraw_consent",
			RuntimeCall::Credit(K::withdraw_consent { grant: 0 }),
			vec![Enterprise],
		),
		(
			"credit.declare_access",
			RuntimeCall::Credit(K::declare_access {
				grant: 0,
				scope,
				purpose: Purpose::PreLoanReview,
			}),
			vec![Bank],
		),
		(
			"credit.dispute",
			RuntimeCall::Credit(K::dispute { attestation: 0, reason: hash }),
			vec![Enterprise],
		),
		(
			"credit.uphold_dispute (in time)",
			RuntimeCall::Credit(K::uphold_dispute { attestation: 1 }),
			tax.clone(),
		),
		(
			"credit.reject_dispute (in time)",
			RuntimeCall::Credit(K::reject_dispute { attestation: 1, reason: hash }),
			tax,
		),
		(
			"credit.uphold_dispute (overdue)",
			RuntimeCall::Credit(K::uphold_dispute { attestation: 2 }),
			regulator.clone(),
		),
		(
			"credit.reject_dispute (overdue)",
			RuntimeCall::Credit(K::reject_dispute { attestation: 2, reason: hash }),
			regulator.clone(),
		),
		(
			"credit.mark_dispute_lapsed",
			RuntimeCall::Credit(K::mark_dispute_lapsed { attestation: 2 }),
			members,
		),
		(
			"credit.freeze",
			RuntimeCall::Credit(K::freeze { attestation: 0, reason: hash }),
			regulator.clone(),
		),
		("credit.unfreeze", RuntimeCall::Credit(K::unfreeze { attestation: 3 }), regulator),
	]
}

/// The special funds: the fund manager (the science commission) runs its program, the
/// enterprise applies and spends, the finance bureau supervises.
fn fund_rows() -> Vec<(&'static str, RuntimeCall, Vec<Actor>)> {
	use pallet_funds::{Call as F, Categories, FreezeTarget};
	let hash = sp_core::H256::repeat_byte(1);
	let manager = vec![Agency(ScienceCommission)];
	let regulator = vec![Agency(FinanceBureau)];
	vec![
		(
			"funds.create_program",
			RuntimeCall::Funds(F::create_program {
				policy: hash,
				categories: Categories(1),
				apply_from: common::NOW,
				apply_until: common::NOW + 10 * DAY,
				ends_at: common::NOW + 20 * DAY,
				eligibility: pallet_funds::Eligibility::any_enterprise(),
				publicity_days: None,
				rules: Default::default(),
			}),
			manager.clone(),
		),
		(
			// The finance bureau appropriates; the district one's jurisdiction stops at
			// Minhang.
			"funds.set_budget",
			RuntimeCall::Funds(F::set_budget { program: 0, budget: 2_000_000 }),
			regulator.clone(),
		),
		(
			"funds.close_program",
			RuntimeCall::Funds(F::close_program { program: 0, statement: hash }),
			vec![Agency(ScienceCommission), Agency(FinanceBureau)],
		),
		(
			"funds.apply",
			RuntimeCall::Funds(F::apply {
				program: 0,
				requested: 100,
				document: hash,
				project: sp_core::H256::repeat_byte(0x60),
			}),
			vec![Enterprise],
		),
		(
			"funds.approve",
			RuntimeCall::Funds(F::approve { application: 1, amount: 100 }),
			manager.clone(),
		),
		(
			"funds.reject_application",
			RuntimeCall::Funds(F::reject_application { application: 1, reason: hash }),
			manager.clone(),
		),
		(
			"funds.disburse",
			RuntimeCall::Funds(F::disburse { allocation: 0, amount: 100, transfer: hash }),
			manager,
		),
		(
			"funds.record_expense",
			RuntimeCall::Funds(F::record_expense {
				allocation: 0,
				amount: 100,
				category: 0,
				counterparty: hash,
				document: hash,
				invoice: None,
			}),
			vec![Enterprise],
		),
		(
			"funds.freeze",
			RuntimeCall::Funds(F::freeze {
				target: FreezeTarget::Allocation(0),
				reason: Default::default(),
			}),
			regulator.clone(),
		),
		(
			"funds.unfreeze",
			RuntimeCall::Funds(F::unfreeze { target: FreezeTarget::Allocation(2) }),
			regulator.clone(),
		),
		(
			"funds.claw_back",
			RuntimeCall::Funds(F::claw_back { allocation: 0, amount: 100, reason: hash }),
			regulator,
		),
		(
			// Any member but the award's recipient and manager.
			"funds.object",
			RuntimeCall::Funds(F::object { allocation: 2, reason: hash, evidence: hash }),
			agency_actors()
				.into_iter()
				.filter(|a| *a != Agency(ScienceCommission))
				.chain([Bank])
				.collect(),
		),
		(
			// The bank's expense at ledger entry 2 of allocation 4; a district finance bureau's
			// jurisdiction stops at Minhang.
			"funds.disallow",
			RuntimeCall::Funds(F::disallow {
				allocation: 4,
				entry: 2,
				amount: 100,
				reason: hash,
				due: common::NOW + 30 * DAY,
			}),
			vec![Agency(FinanceBureau)],
		),
		(
			"funds.record_repayment",
			RuntimeCall::Funds(F::record_repayment { allocation: 4, amount: 50, transfer: hash }),
			vec![Agency(ScienceCommission)],
		),
		(
			"funds.answer_objection",
			RuntimeCall::Funds(F::answer_objection {
				allocation: 3,
				objector: BANK_ORG,
				answer: hash,
				upheld: false,
			}),
			vec![Agency(ScienceCommission)],
		),
		(
			"funds.record_agreement",
			RuntimeCall::Funds(F::record_agreement {
				allocation: 5,
				document: hash,
				milestones: milestone(),
				targets: Default::default(),
			}),
			vec![Agency(ScienceCommission)],
		),
		(
			"funds.accept",
			RuntimeCall::Funds(F::accept { allocation: 6, amount: 500, report: hash }),
			vec![Agency(ScienceCommission)],
		),
		(
			"funds.contribute",
			RuntimeCall::Funds(F::contribute { allocation: 0, amount: 100, proof: hash }),
			vec![Enterprise],
		),
		(
			// The bank's award 4: the bank itself, its manager, the finance bureau as a third
			// party (a district one's jurisdiction stops at Minhang).
			"funds.evaluate",
			RuntimeCall::Funds(F::evaluate { allocation: 4, score: 90, report: hash }),
			vec![Bank, Agency(ScienceCommission), Agency(FinanceBureau)],
		),
		(
			// An enterprise names a bank; the bank itself does not hold its own account.
			"funds.designate_bank",
			RuntimeCall::Funds(F::designate_bank { bank: BANK_ORG }),
			vec![Enterprise],
		),
		(
			"funds.confirm_movement",
			RuntimeCall::Funds(F::confirm_movement { allocation: 6, entry: 1 }),
			vec![Bank],
		),
	]
}

#[test]
fn only_the_intended_actors_may_make_each_privileged_call() {
	let mut wrong = Vec::new();
	let mut tried = 0;
	for (name, call, allowed) in rows() {
		for actor in all_actors() {
			let mut ext = common::genesis_of(sp_genesis_builder::LOCAL_TESTNET_RUNTIME_PRESET);
			let result = ext.execute_with(|| {
				setup();
				call.clone().dispatch(origin(actor))
			});
			tried += 1;
			let expected = allowed.contains(&actor);
			let result = result.map(|_| ()).map_err(|e| e.error);
			if result.is_ok() != expected {
				wrong.push(format!(
					"{name} by {actor:?}: expected {}, got {:?}",
					if expected { "success" } else { "refusal" },
					result
				));
			} else if let Err(error) = result {
				if !is_authority_error(&error) {
					wrong.push(format!(
						"{name} by {actor:?}: refused for a reason other than authority: {error:?}"
					));
				}
			}
		}
	}
	assert!(tried > 300, "the matrix covers {tried} cases");
	assert!(wrong.is_empty(), "{} wrong outcomes:\n{}", wrong.len(), wrong.join("\n"));
}

/// The matrix's own sanity: a refused governance call changes nothing, and every call in it
/// has a weight (it would not be accepted into a block otherwise).
#[test]
fn refused_calls_change_nothing_and_every_call_is_weighed() {
	for (name, call, _) in rows() {
		assert!(call.get_dispatch_info().call_weight.ref_time() > 0, "{name} has no weight");
	}
	let mut ext = common::genesis_of(sp_genesis_builder::LOCAL_TESTNET_RUNTIME_PRESET);
	ext.execute_with(|| {
		setup();
		let before = sp_io::storage::root(sp_runtime::StateVersion::V1);
		let call = RuntimeCall::ValidatorSet(pallet_validator_set::Call::remove_validator {
			who: account(Court),
		});
		assert!(call.dispatch(origin(CouncilMinority)).is_err());
		assert_eq!(before, sp_io::storage::root(sp_runtime::StateVersion::V1));
	});
}

/// The digest of the setup's `n`-th notarized file.
fn evidence(n: u8) -> sp_core::H256 {
	sp_core::H256::repeat_byte(0xe0 + n)
}

/// Notarization: the court holds the `Notary` role; the enterprise has notarized records 0
/// (certified by the court and admitted in a case), 1 (not certified) and 2 (frozen by the
/// court), and anchored batch 3 of [`batch_items`].
fn notarization_setup() {
	use pallet_notarization::{EvidenceType, HashAlgorithm, Pallet as Notarization};
	let court = RuntimeOrigin::signed(account(Court));
	let sme = RuntimeOrigin::signed(enterprise());
	pallet_consortium::Pallet::<Runtime>::grant_role(court.clone(), org_of(Court), Role::Notary)
		.expect("the court is a notary");
	let first = pallet_notarization::NextRecordId::<Runtime>::get();
	assert_eq!(first, 0, "the setup's records are 0–2");
	for n in 0..3 {
		Notarization::<Runtime>::notarize(
			sme.clone(),
			HashAlgorithm::Sha256,
			evidence(n),
			EvidenceType::Contract,
			Default::default(),
			None,
		)
		.expect("setup notarizes");
	}
	Notarization::<Runtime>::certify(
		court.clone(),
		0,
		evidence(0),
		0,
		Default::default(),
		Default::default(),
		common::NOW,
	)
	.expect("setup certifies");
	Notarization::<Runtime>::mark_admitted(court.clone(), 0, evidence(0), Default::default())
		.expect("setup admits");
	Notarization::<Runtime>::freeze(court, 2, Default::default()).expect("setup freezes");
	Notarization::<Runtime>::anchor_batch(
		sme,
		HashAlgorithm::Sm3,
		pallet_notarization::merkle::root(HashAlgorithm::Sm3, &batch_items()),
		2,
		EvidenceType::Image,
		Default::default(),
		None,
	)
	.expect("setup anchors a batch");
}

/// The two digests of the setup's batch record 3.
fn batch_items() -> Vec<sp_core::H256> {
	vec![evidence(10), evidence(11)]
}

/// The notarization pallet: any member notarizes; the court (a `Notary`) certifies and
/// changes its certifications; a court freezes.
fn notarization_rows() -> Vec<(&'static str, RuntimeCall, Vec<Actor>)> {
	use pallet_notarization::{Call as N, EvidenceType, HashAlgorithm};
	let hash = sp_core::H256::repeat_byte(1);
	let members: Vec<Actor> = agency_actors().into_iter().chain([Enterprise, Bank]).collect();
	let court = vec![Agency(Court)];
	vec![
		(
			"notarization.notarize",
			RuntimeCall::Notarization(N::notarize {
				algorithm: HashAlgorithm::Sm3,
				digest: hash,
				evidence_type: EvidenceType::Image,
				metadata: hash,
				case: None,
			}),
			members.clone(),
		),
		(
			"notarization.anchor_batch",
			RuntimeCall::Notarization(N::anchor_batch {
				algorithm: HashAlgorithm::Sha256,
				root: hash,
				leaves: 1_000_000,
				evidence_type: EvidenceType::ChatRecord,
				metadata: hash,
				case: Some(hash),
			}),
			members,
		),
		(
			"notarization.certify",
			RuntimeCall::Notarization(N::certify {
				id: 1,
				digest: evidence(1),
				index: 0,
				proof: Default::default(),
				certificate: hash,
				issued_on: common::NOW,
			}),
			court.clone(),
		),
		(
			"notarization.mark_admitted",
			RuntimeCall::Notarization(N::mark_admitted { id: 0, digest: evidence(0), case: hash }),
			court.clone(),
		),
		(
			"notarization.mark_challenged",
			RuntimeCall::Notarization(N::mark_challenged {
				id: 0,
				digest: evidence(0),
				case: hash,
			}),
			court.clone(),
		),
		(
			"notarization.withdraw_certification",
			RuntimeCall::Notarization(N::withdraw_certification {
				id: 0,
				digest: evidence(0),
				reason: hash,
			}),
			court.clone(),
		),
		(
			"notarization.index_batch_digest",
			RuntimeCall::Notarization(N::index_batch_digest {
				id: 3,
				digest: batch_items()[0],
				index: 0,
				proof: pallet_notarization::merkle::proof(HashAlgorithm::Sm3, &batch_items(), 0)
					.unwrap()
					.try_into()
					.unwrap(),
			}),
			vec![Enterprise],
		),
		(
			"notarization.freeze",
			RuntimeCall::Notarization(N::freeze { id: 1, reason: hash }),
			court.clone(),
		),
		("notarization.unfreeze", RuntimeCall::Notarization(N::unfreeze { id: 2 }), court),
	]
}

/// Roles the setup grants to their [`holder`]: the court is a notary; the enterprise makes and
/// sells goods; market regulation inspects; the IP office examines; the bank attests
/// (receivables).
const SETUP_ROLES: [Role; 6] = [
	Role::Notary,
	Role::Manufacturer,
	Role::Retailer,
	Role::Inspector,
	Role::IpExaminer,
	Role::Attester,
];

/// A GLN with a right check digit.
const SITE: pallet_provenance::Gln = pallet_provenance::Gln(1_234_567_890_128);

/// The code of the setup's `n`-th unit of goods.
fn code(n: u8) -> pallet_provenance::ItemCode {
	sp_core::H256::repeat_byte(0xa0 + n)
}

/// The setup's `n`-th unit of goods (of class 0).
fn goods(n: u8) -> pallet_provenance::ItemId {
	pallet_provenance::item_id(pallet_provenance::CodeScope::Class(0), &code(n))
}

fn goods_list(ns: &[u8]) -> pallet_provenance::ItemList {
	ns.iter().map(|n| goods(*n)).collect::<Vec<_>>().try_into().unwrap()
}

fn code_list(ns: &[u8]) -> pallet_provenance::ItemList {
	ns.iter().map(|n| code(*n)).collect::<Vec<_>>().try_into().unwrap()
}

/// Provenance: the enterprise (a manufacturer and retailer) owns class 0 with batches 0 and 1
/// (frozen by market regulation) and holds units 0–3 of batch 0, unit 1 on sale, units 2 and 3
/// reported as suspected clones; market regulation holds the `Inspector` role.
fn provenance_setup() {
	use pallet_provenance::Pallet as Provenance;
	let market = RuntimeOrigin::signed(account(MarketRegulation));
	let firm = RuntimeOrigin::signed(enterprise());
	for role in [Role::Manufacturer, Role::Retailer] {
		pallet_consortium::Pallet::<Runtime>::grant_role(market.clone(), ENTERPRISE_ORG, role)
			.expect("the enterprise makes and sells goods");
	}
	pallet_consortium::Pallet::<Runtime>::grant_role(
		market.clone(),
		org_of(MarketRegulation),
		Role::Inspector,
	)
	.expect("market regulation inspects");
	Provenance::<Runtime>::register_class(
		firm.clone(),
		Default::default(),
		None,
		Default::default(),
	)
	.expect("setup registers a class");
	for _ in 0..2 {
		Provenance::<Runtime>::register_batch(firm.clone(), 0, Default::default(), common::NOW)
			.expect("setup registers a batch");
	}
	Provenance::<Runtime>::register_items(firm.clone(), 0, code_list(&[0, 1, 2, 3]), SITE)
		.expect("setup registers units");
	Provenance::<Runtime>::put_on_sale(firm, goods_list(&[1])).expect("setup puts on sale");
	Provenance::<Runtime>::freeze(market, 1, Default::default()).expect("setup freezes");
	for n in [2, 3] {
		pallet_provenance::Items::<Runtime>::mutate(goods(n), |item| {
			item.as_mut().expect("registered").suspicion = pallet_provenance::Suspicion::Reported
		});
	}
}

/// The provenance pallet: manufacturers register, retailers sell, the custodian offers (to an
/// organization that takes no part in supply chains: refused for everyone), inspectors inspect,
/// customs clears (the setup has no customs agency: every actor is refused), market regulation
/// recalls, freezes and rules on reported clones.
fn provenance_rows() -> Vec<(&'static str, RuntimeCall, Vec<Actor>)> {
	use pallet_provenance::Call as P;
	let hash = sp_core::H256::repeat_byte(1);
	let firm = vec![Enterprise];
	let market = vec![Agency(MarketRegulation)];
	vec![
		(
			"provenance.register_class",
			RuntimeCall::Provenance(P::register_class {
				sku: Default::default(),
				gtin: Some(pallet_provenance::Gtin(4_006_381_333_931)),
				metadata: hash,
			}),
			firm.clone(),
		),
		(
			"provenance.register_batch",
			RuntimeCall::Provenance(P::register_batch {
				class: 0,
				lot: hash,
				produced_on: common::NOW,
			}),
			firm.clone(),
		),
		(
			"provenance.register_items",
			RuntimeCall::Provenance(P::register_items {
				batch: 0,
				items: code_list(&[9]),
				location: SITE,
			}),
			firm.clone(),
		),
		(
			"provenance.put_on_sale",
			RuntimeCall::Provenance(P::put_on_sale { items: goods_list(&[0]) }),
			firm.clone(),
		),
		(
			"provenance.sell",
			RuntimeCall::Provenance(P::sell { items: goods_list(&[1]), receipt: hash }),
			firm.clone(),
		),
		(
			"provenance.offer",
			RuntimeCall::Provenance(P::offer { items: goods_list(&[2]), to: 999, waybill: hash }),
			vec![],
		),
		(
			"provenance.inspect",
			RuntimeCall::Provenance(P::inspect {
				items: goods_list(&[2]),
				passed: true,
				report: hash,
			}),
			market.clone(),
		),
		(
			"provenance.clear_customs",
			RuntimeCall::Provenance(P::clear_customs {
				items: goods_list(&[2]),
				declaration: hash,
			}),
			vec![],
		),
		(
			"provenance.recall_batch",
			RuntimeCall::Provenance(P::recall_batch { batch: 0, reason: hash }),
			market.clone(),
		),
		(
			"provenance.recall_class",
			RuntimeCall::Provenance(P::recall_class { class: 0, reason: hash }),
			market.clone(),
		),
		(
			"provenance.freeze",
			RuntimeCall::Provenance(P::freeze { batch: 0, reason: hash }),
			market.clone(),
		),
		(
			"provenance.confirm_clone",
			RuntimeCall::Provenance(P::confirm_clone { item: goods(2), finding: hash }),
			market.clone(),
		),
		(
			"provenance.clear_suspicion",
			RuntimeCall::Provenance(P::clear_suspicion { item: goods(3), finding: hash }),
			market.clone(),
		),
		("provenance.unfreeze", RuntimeCall::Provenance(P::unfreeze { batch: 1 }), market),
	]
}

/// The `//Author` key's declaration of the setup's `n`-th work, registered by `owner`: the
/// call that registers it. Built in the local testnet's genesis (the declaration names its
/// hash); the matrix builds its calls outside any.
fn work_registration(n: u8, owner: OrgId) -> RuntimeCall {
	use pallet_ip_rights::{Declaration, WorkType};
	use sp_core::Pair;
	let pair = sp_core::sr25519::Pair::from_string("//Author", None).expect("a valid seed");
	let key: AccountId = pair.public().into();
	let fingerprint = sp_core::H256::repeat_byte(0xb0 + n);
	let nonce = u64::from(n);
	let signature = common::genesis_of(sp_genesis_builder::LOCAL_TESTNET_RUNTIME_PRESET)
		.execute_with(|| {
			let message = pallet_ip_rights::Pallet::<Runtime>::declaration(
				fingerprint,
				&Default::default(),
				WorkType::Report,
				Default::default(),
				owner,
				&[(key.clone(), 10_000)],
				nonce,
			);
			pair.sign(&message).into()
		});
	RuntimeCall::IpRights(pallet_ip_rights::Call::register_work {
		fingerprint,
		extra: Default::default(),
		work_type: WorkType::Report,
		metadata: Default::default(),
		authors: vec![Declaration { key, share: 10_000, nonce, signature }].try_into().unwrap(),
	})
}

/// IP: the IP office holds `IpExaminer`; the enterprise owns works 0 (with reprint offer 0;
/// the bank barred from its licences by dispute 1, upheld), 1 (frozen by the IP office) and 2
/// (claimed by the bank in dispute 0, citing notarization record 0, which a court admitted).
fn ip_rights_setup() {
	use pallet_ip_rights::{DisputeKind, LicenceKind, OfferTerms, Pallet as IpRights};
	let office = RuntimeOrigin::signed(account(IpOffice));
	let firm = RuntimeOrigin::signed(enterprise());
	pallet_consortium::Pallet::<Runtime>::grant_role(
		office.clone(),
		org_of(IpOffice),
		Role::IpExaminer,
	)
	.expect("the IP office examines");
	for n in 0..3 {
		work_registration(n, ENTERPRISE_ORG).dispatch(firm.clone()).expect("setup registers");
	}
	let terms = OfferTerms {
		kind: LicenceKind::Reprint,
		exclusive: false,
		price: 100,
		terms: Default::default(),
		max_licences: None,
		opens: common::NOW,
		closes: common::NOW + DAY,
		licence_term: DAY,
	};
	IpRights::<Runtime>::publish_offer(firm.clone(), 0, terms).expect("setup offers");
	IpRights::<Runtime>::freeze(office.clone(), 1, Default::default()).expect("setup freezes");
	IpRights::<Runtime>::file_dispute(
		RuntimeOrigin::signed(bank()),
		2,
		DisputeKind::Ownership,
		vec![0].try_into().unwrap(),
		Default::default(),
	)
	.expect("setup disputes");
	IpRights::<Runtime>::file_dispute(
		firm,
		0,
		DisputeKind::Infringement { respondent: BANK_ORG },
		vec![1].try_into().unwrap(),
		Default::default(),
	)
	.expect("setup disputes");
	IpRights::<Runtime>::uphold_dispute(office, 1, Default::default()).expect("setup bars");
}

/// The IP pallet: a declaration registers only for the organization it names; the owner
/// offers and transfers; the claimant withdraws; the IP office decides and freezes.
fn ip_rights_rows() -> Vec<(&'static str, RuntimeCall, Vec<Actor>)> {
	use pallet_ip_rights::{Call as R, LicenceKind, OfferTerms};
	let hash = sp_core::H256::repeat_byte(1);
	let office = vec![Agency(IpOffice)];
	let terms = OfferTerms {
		kind: LicenceKind::Commercial,
		exclusive: true,
		price: 100,
		terms: hash,
		max_licences: Some(1),
		opens: common::NOW,
		closes: common::NOW + DAY,
		licence_term: DAY,
	};
	vec![
		("ip_rights.register_work", work_registration(3, ENTERPRISE_ORG), vec![Enterprise]),
		(
			"ip_rights.transfer",
			RuntimeCall::IpRights(R::transfer { work: 0, to: BANK_ORG, contract: hash }),
			vec![Enterprise],
		),
		(
			"ip_rights.publish_offer",
			RuntimeCall::IpRights(R::publish_offer { work: 0, terms }),
			vec![Enterprise],
		),
		(
			"ip_rights.withdraw_offer",
			RuntimeCall::IpRights(R::withdraw_offer { offer: 0 }),
			vec![Enterprise],
		),
		(
			"ip_rights.withdraw_dispute",
			RuntimeCall::IpRights(R::withdraw_dispute { dispute: 0 }),
			vec![Bank],
		),
		(
			"ip_rights.uphold_dispute",
			RuntimeCall::IpRights(R::uphold_dispute { dispute: 0, decision: hash }),
			office.clone(),
		),
		(
			"ip_rights.reject_dispute",
			RuntimeCall::IpRights(R::reject_dispute { dispute: 0, reason: hash }),
			office.clone(),
		),
		(
			"ip_rights.freeze",
			RuntimeCall::IpRights(R::freeze { work: 0, reason: hash }),
			office.clone(),
		),
		("ip_rights.unfreeze", RuntimeCall::IpRights(R::unfreeze { work: 1 }), office),
		(
			"ip_rights.lift_licence_bar",
			RuntimeCall::IpRights(R::lift_licence_bar { work: 0, licensee: BANK_ORG }),
			vec![Enterprise],
		),
	]
}

/// The setup's two notarization records for cases (the other domains' setup records stay as
/// their rows expect them).
const CASE_RECORD_A: u64 = 4;
const CASE_RECORD_B: u64 = 5;

fn case_record(id: u64) -> regchain_primitives::RecordRef {
	regchain_primitives::RecordRef::new(pallet_notarization::NOTARIZATION, id)
}

/// Supervision: the enterprise notarized records 4 and 5. Case 0: the science commission's,
/// about the enterprise's allocation 0, joined by no one. Case 1: market regulation's, about
/// record 4, joined by the court and the finance bureau. Case 2: market regulation's, about
/// record 4, with a penalty (not appealed) and an order to rectify. Case 3: market
/// regulation's, about record 5, joined by the court, frozen, with a penalty under appeal.
/// Cases 4 and 5: market regulation's, about record 5, with ordinary penalties decided 100 days
/// ago; 5's subject applied for repair.
fn supervision_setup() {
	use pallet_notarization::{EvidenceType, HashAlgorithm, Pallet as Notarization};
	use pallet_supervision::{Pallet as Supervision, Severity, Violation};
	let sme = RuntimeOrigin::signed(enterprise());
	let market = RuntimeOrigin::signed(account(MarketRegulation));
	let court = RuntimeOrigin::signed(account(Court));
	assert_eq!(pallet_notarization::NextRecordId::<Runtime>::get(), CASE_RECORD_A);
	for n in 20..22 {
		Notarization::<Runtime>::notarize(
			sme.clone(),
			HashAlgorithm::Sha256,
			evidence(n),
			EvidenceType::Contract,
			Default::default(),
			None,
		)
		.expect("setup notarizes");
	}
	let open = |origin: RuntimeOrigin, record| {
		Supervision::<Runtime>::open_case(
			origin,
			ENTERPRISE_ORG,
			Violation::FundMisuse,
			Default::default(),
			Default::default(),
			vec![record].try_into().unwrap(),
		)
		.expect("setup opens a case");
	};
	let allocation = regchain_primitives::RecordRef::new(pallet_funds::FUND_ALLOCATION, 0);
	open(RuntimeOrigin::signed(account(ScienceCommission)), allocation);
	open(market.clone(), case_record(CASE_RECORD_A));
	Supervision::<Runtime>::join_case(court.clone(), 1).expect("setup joins");
	Supervision::<Runtime>::join_case(RuntimeOrigin::signed(account(FinanceBureau)), 1)
		.expect("setup joins");
	open(market.clone(), case_record(CASE_RECORD_A));
	let penalty = |case| {
		Supervision::<Runtime>::decide_penalty(
			market.clone(),
			case,
			Default::default(),
			100,
			Severity::Ordinary,
		)
		.expect("setup decides")
	};
	penalty(2);
	Supervision::<Runtime>::order_rectification(
		market.clone(),
		2,
		Default::default(),
		common::NOW + 10 * DAY,
	)
	.expect("setup orders");
	open(market.clone(), case_record(CASE_RECORD_B));
	Supervision::<Runtime>::join_case(court, 3).expect("setup joins");
	Supervision::<Runtime>::freeze_records(market.clone(), 3, Default::default())
		.expect("setup freezes");
	penalty(3);
	Supervision::<Runtime>::appeal(sme.clone(), 3, Default::default(), Default::default())
		.expect("setup appeals");
	// Cases 4 and 5: penalties decided long enough ago for repair; 5's repair applied for.
	for case in [4, 5] {
		open(market.clone(), case_record(CASE_RECORD_B));
		penalty(case);
		pallet_supervision::Cases::<Runtime>::mutate(case, |c| {
			if let Some(p) = c.as_mut().and_then(|c| c.penalty.as_mut()) {
				p.decided_at -= 100 * DAY;
			}
		});
	}
	Supervision::<Runtime>::apply_for_repair(sme, 5, Default::default(), Default::default())
		.expect("setup applies for repair");
}

/// Random inspections over Shanghai's enterprises, led by market regulation: plan 0 joined by
/// the court, within its commit period; plan 1 lapsed.
fn inspection_setup() {
	use pallet_supervision::{Pallet as Supervision, PlanStatus, SampleSize};
	let market = RuntimeOrigin::signed(account(MarketRegulation));
	for _ in 0..2 {
		Supervision::<Runtime>::open_plan(
			market.clone(),
			regchain_primitives::Division(310_000),
			OrgKind::Enterprise,
			None,
			None,
			SampleSize::Count(1),
			Default::default(),
			common::NOW + DAY,
			common::NOW + 2 * DAY,
			common::NOW + 30 * DAY,
		)
		.expect("setup opens a plan");
	}
	Supervision::<Runtime>::join_plan(RuntimeOrigin::signed(account(Court)), 0)
		.expect("setup joins");
	// Target 0 of plan 0, the enterprise, inspected with findings (written directly: a draw
	// needs the clock to pass the deadlines).
	let enterprise = pallet_consortium::AccountOrganization::<Runtime>::get(enterprise())
		.expect("the enterprise is a member");
	let result = pallet_supervision::InspectionResult {
		outcome: pallet_supervision::Outcome::Findings { report: sp_core::H256::repeat_byte(7) },
		by: 0,
		at: common::NOW,
		late: false,
	};
	pallet_supervision::Targets::<Runtime>::insert(
		0,
		0,
		pallet_supervision::Target {
			org: enterprise,
			weight: 1,
			key: 0,
			inspectors: Default::default(),
			recused: Default::default(),
			barred: Default::default(),
			next_attempt: 0,
			result: Some(result),
		},
	);
	pallet_supervision::Plans::<Runtime>::mutate(0, |p| {
		if let Some(p) = p {
			p.targets = 1;
			p.results = 1;
		}
	});
	pallet_supervision::Plans::<Runtime>::mutate(1, |p| {
		if let Some(p) = p {
			p.status = PlanStatus::Lapsed;
		}
	});
}

/// Random inspections: only an inspecting agency leads a plan or enlists inspectors, a plan's
/// agencies commit and read its population, its lead closes it. (`joinPlan` has no row: its
/// lead's own join is refused as `AlreadyJoined`, not for lack of authority; the unit tests
/// cover it.)
fn inspection_rows() -> Vec<(&'static str, RuntimeCall, Vec<Actor>)> {
	use pallet_supervision::{Call as S, SampleSize};
	let hash = sp_core::H256::repeat_byte(1);
	let participants = vec![Agency(MarketRegulation), Agency(Court)];
	vec![
		(
			"supervision.open_plan",
			RuntimeCall::Supervision(S::open_plan {
				region: regchain_primitives::Division(310_000),
				kind: OrgKind::Enterprise,
				role: None,
				records: None,
				sample: SampleSize::Count(1),
				document: hash,
				commit_until: common::NOW + DAY,
				reveal_until: common::NOW + 2 * DAY,
				results_due: common::NOW + 30 * DAY,
			}),
			vec![Agency(MarketRegulation)],
		),
		(
			"supervision.open_case_from_finding",
			RuntimeCall::Supervision(S::open_case_from_finding {
				plan: 0,
				target: 0,
				violation: pallet_supervision::Violation::Other,
				legal_basis: hash,
				evidence: Default::default(),
				records: Default::default(),
			}),
			participants.clone(),
		),
		(
			"supervision.commit",
			RuntimeCall::Supervision(S::commit { plan: 0, commitment: hash }),
			participants.clone(),
		),
		(
			"supervision.enlist_inspectors",
			RuntimeCall::Supervision(S::enlist_inspectors {
				plan: 0,
				inspectors: vec![account(MarketRegulation)].try_into().unwrap(),
			}),
			vec![Agency(MarketRegulation)],
		),
		(
			"supervision.read_population",
			RuntimeCall::Supervision(S::read_population { plan: 0 }),
			participants,
		),
		(
			"supervision.close_plan",
			RuntimeCall::Supervision(S::close_plan { plan: 1, conclusion: hash }),
			vec![Agency(MarketRegulation)],
		),
	]
}

/// The supervision pallet: agencies with jurisdiction open cases on records of the domains
/// they read, regulators join, a case's agencies act in it, its lead freezes, lifts and
/// closes, the deciding agency rules, the subject answers.
fn supervision_rows() -> Vec<(&'static str, RuntimeCall, Vec<Actor>)> {
	use pallet_supervision::{Call as S, Severity, Violation};
	let hash = sp_core::H256::repeat_byte(1);
	let none = pallet_supervision::EvidenceList::default;
	let market = vec![Agency(MarketRegulation)];
	vec![
		(
			"supervision.open_case",
			RuntimeCall::Supervision(S::open_case {
				subject: ENTERPRISE_ORG,
				violation: Violation::FalseEvidence,
				legal_basis: hash,
				evidence: none(),
				records: vec![case_record(CASE_RECORD_B)].try_into().unwrap(),
			}),
			vec![Agency(MarketRegulation), Agency(Court)],
		),
		(
			"supervision.join_case",
			RuntimeCall::Supervision(S::join_case { case: 0 }),
			FOUNDING.into_iter().map(Agency).collect(),
		),
		(
			"supervision.add_records",
			RuntimeCall::Supervision(S::add_records {
				case: 1,
				records: vec![case_record(CASE_RECORD_B)].try_into().unwrap(),
			}),
			vec![Agency(MarketRegulation), Agency(Court)],
		),
		(
			"supervision.note",
			RuntimeCall::Supervision(S::note { case: 1, document: hash, evidence: none() }),
			vec![Agency(MarketRegulation), Agency(Court), Agency(FinanceBureau)],
		),
		(
			"supervision.freeze_records",
			RuntimeCall::Supervision(S::freeze_records { case: 1, reason: hash }),
			market.clone(),
		),
		(
			"supervision.unfreeze_records",
			RuntimeCall::Supervision(S::unfreeze_records { case: 3 }),
			market.clone(),
		),
		(
			"supervision.order_rectification",
			RuntimeCall::Supervision(S::order_rectification {
				case: 1,
				requirement: hash,
				deadline: common::NOW + 10 * DAY,
			}),
			vec![Agency(MarketRegulation), Agency(Court), Agency(FinanceBureau)],
		),
		(
			"supervision.report_rectification",
			RuntimeCall::Supervision(S::report_rectification {
				case: 2,
				report: hash,
				evidence: none(),
			}),
			vec![Enterprise],
		),
		(
			"supervision.submit_statement",
			RuntimeCall::Supervision(S::submit_statement {
				case: 1,
				statement: hash,
				evidence: none(),
			}),
			vec![Enterprise],
		),
		(
			"supervision.decide_penalty",
			RuntimeCall::Supervision(S::decide_penalty {
				case: 1,
				decision: hash,
				amount: 100,
				severity: Severity::Serious,
			}),
			vec![Agency(MarketRegulation), Agency(Court), Agency(FinanceBureau)],
		),
		(
			"supervision.appeal",
			RuntimeCall::Supervision(S::appeal { case: 2, grounds: hash, evidence: none() }),
			vec![Enterprise],
		),
		(
			"supervision.uphold_penalty",
			RuntimeCall::Supervision(S::uphold_penalty { case: 3, reasons: hash }),
			market.clone(),
		),
		(
			"supervision.overturn_penalty",
			RuntimeCall::Supervision(S::overturn_penalty { case: 3, reasons: hash }),
			market.clone(),
		),
		(
			"supervision.close_case",
			RuntimeCall::Supervision(S::close_case { case: 1, conclusion: hash }),
			market.clone(),
		),
		(
			"supervision.apply_for_repair",
			RuntimeCall::Supervision(S::apply_for_repair {
				case: 4,
				statement: hash,
				evidence: none(),
			}),
			vec![Enterprise],
		),
		(
			"supervision.grant_repair",
			RuntimeCall::Supervision(S::grant_repair { case: 5, reasons: hash }),
			market.clone(),
		),
		(
			"supervision.refuse_repair",
			RuntimeCall::Supervision(S::refuse_repair { case: 5, reasons: hash }),
			market,
		),
	]
}
