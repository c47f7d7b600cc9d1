//! The consortium layer under attack: what a member, a clerk key or a governance slip could do
//! to the others, tried through the runtime's own transaction checks and calls.

mod common;

use codec::Encode;
use common::genesis_of;
use frame_support::{dispatch::GetDispatchInfo, pallet_prelude::TransactionSource};
use regchain_runtime::{
	configs::{MAX_CONNECTIONS_PER_NODE, MAX_MOTIONS_PER_SEAT},
	AccountId, AgencyCouncil, Consortium, Runtime, RuntimeCall, RuntimeOrigin, System, TxExtension,
};
use sp_genesis_builder::LOCAL_TESTNET_RUNTIME_PRESET;
use sp_keyring::Sr25519Keyring::{self, *};
use sp_runtime::{
	generic::Era,
	traits::DispatchTransaction,
	transaction_validity::{InvalidTransaction, TransactionValidityError},
};

/// The runtime's transaction extensions, as a wallet signing with `nonce` builds them.
fn extensions(nonce: u32) -> TxExtension {
	regchain_runtime::tx_extension(nonce, Era::Immortal)
}

/// What the transaction pool says of `call` signed by `who` with `nonce`: its priority.
fn pool_check(
	who: &AccountId,
	call: &RuntimeCall,
	nonce: u32,
) -> Result<u64, TransactionValidityError> {
	extensions(nonce)
		.validate_only(
			RuntimeOrigin::signed(who.clone()),
			call,
			&call.get_dispatch_info(),
			call.encoded_size(),
			TransactionSource::External,
			0,
		)
		.map(|(validity, _, _)| validity.priority)
}

fn remark(bytes: usize) -> RuntimeCall {
	RuntimeCall::System(frame_system::Call::remark { remark: vec![0; bytes] })
}

/// The local testnet with an enterprise (`One`, organization 6) registered.
fn with_enterprise(test: impl FnOnce()) {
	genesis_of(LOCAL_TESTNET_RUNTIME_PRESET).execute_with(|| {
		System::set_block_number(1);
		common::register_enterprise(One, b"91350100M000100Y43")
			.expect("market regulation registers an enterprise");
		test()
	});
}

fn refused_call() -> Result<u64, TransactionValidityError> {
	Err(InvalidTransaction::Call.into())
}

#[test]
fn members_cannot_store_free_form_bytes_through_remarks() {
	with_enterprise(|| {
		// A 3 MiB remark was included for free before; now no member may remark at all.
		for who in [One, Alice] {
			assert_eq!(pool_check(&who.to_account_id(), &remark(3 << 20), 0), refused_call());
			assert_eq!(pool_check(&who.to_account_id(), &remark(0), 0), refused_call());
		}
		// What members are for still passes.
		let add = RuntimeCall::Consortium(pallet_consortium::Call::remove_account {
			account: Two.to_account_id(),
		});
		assert!(pool_check(&One.to_account_id(), &add, 0).is_ok());
	});
}

#[test]
fn node_authorization_is_for_agencies_with_bounded_lists() {
	use pallet_node_authorization::Call as Nodes;
	use sp_core::OpaquePeerId;
	with_enterprise(|| {
		let peer = |n: u8| OpaquePeerId(vec![n; 38]);
		let enterprise = One.to_account_id();
		let claim = RuntimeCall::NodeAuthorization(Nodes::claim_node { node: peer(1) });
		assert_eq!(pool_check(&enterprise, &claim, 0), refused_call());
		// 2,000 peer ids in one call were accepted before.
		let flood = RuntimeCall::NodeAuthorization(Nodes::add_connections {
			node: peer(1),
			connections: (0..2_000u32).map(|n| OpaquePeerId(n.encode())).collect(),
		});
		assert_eq!(pool_check(&enterprise, &flood, 0), refused_call());

		// An agency claims its own node and allows a few peers at a time, up to the bound.
		let agency = Alice.to_account_id();
		assert!(pool_check(&agency, &claim, 0).is_ok());
		assert_eq!(pool_check(&agency, &flood, 0), refused_call());
		let node = peer(1);
		pallet_node_authorization::Owners::<Runtime>::insert(&node, &agency);
		let add = |from: u8, n: u8| {
			RuntimeCall::NodeAuthorization(Nodes::add_connections {
				node: node.clone(),
				connections: (from..from + n).map(|i| peer(100 + i)).collect(),
			})
		};
		let mut added = 0u8;
		while (added as usize) < MAX_CONNECTIONS_PER_NODE {
			assert!(pool_check(&agency, &add(added, 4), 0).is_ok());
			use sp_runtime::traits::Dispatchable;
			add(added, 4).dispatch(RuntimeOrigin::signed(agency.clone())).expect("owner adds");
			added += 4;
		}
		assert_eq!(
			pallet_node_authorization::AdditionalConnections::<Runtime>::get(&node).len(),
			MAX_CONNECTIONS_PER_NODE
		);
		assert_eq!(pool_check(&agency, &add(added, 1), 0), refused_call(), "the node is full");
		// Transfers to other owners are governance's.
		let transfer = RuntimeCall::NodeAuthorization(Nodes::transfer_node {
			node,
			owner: sp_runtime::MultiAddress::Id(enterprise),
		});
		assert_eq!(pool_check(&agency, &transfer, 0), refused_call());
	});
}

#[test]
fn node_authorization_weights_charge_for_storage() {
	use pallet_node_authorization::WeightInfo;
	type W = <Runtime as pallet_node_authorization::Config>::WeightInfo;
	let read_write = <Runtime as frame_system::Config>::DbWeight::get().reads_writes(1, 1);
	for (name, weight) in [
		("add_connections", W::add_connections()),
		("claim_node", W::claim_node()),
		("reset_well_known_nodes", W::reset_well_known_nodes()),
	] {
		assert!(weight.ref_time() > 50_000_000 + read_write.ref_time() - 1, "{name}");
		assert!(weight.proof_size() > 0, "{name} charges no proof");
	}
}

#[test]
fn the_pool_holds_no_more_of_an_account_than_its_organization_has_left() {
	with_enterprise(|| {
		pallet_consortium::TxQuotaOverride::<Runtime>::insert(6, 20);
		let add = RuntimeCall::Consortium(pallet_consortium::Call::remove_account {
			account: Two.to_account_id(),
		});
		let sme = One.to_account_id();
		// Nonces 0…19 fit a quota of 20, each behind the one before; nonce 20 does not.
		let first = pool_check(&sme, &add, 0).expect("fits");
		let last = pool_check(&sme, &add, 19).expect("fits");
		assert!(first > last, "the deeper in its queue, the lower the priority");
		let exhausted = Err(InvalidTransaction::Custom(pallet_consortium::QUOTA_EXHAUSTED).into());
		assert_eq!(pool_check(&sme, &add, 20), exhausted);
		// An organization with nothing queued goes before the end of the flood.
		let other = pool_check(&Bob.to_account_id(), &add, 0).expect("fits");
		assert!(other > last);
	});
}

#[test]
fn a_seat_votes_past_its_quota_and_no_quota_goes_below_the_floor() {
	with_enterprise(|| {
		let tax = Bob.to_account_id();
		// Governance leaves the default at the floor; a clerk of the tax bureau uses it up.
		let floor = regchain_runtime::configs::MIN_TX_QUOTA;
		assert!(Consortium::set_tx_quota(RuntimeOrigin::root(), None, 0).is_err());
		assert!(Consortium::set_tx_quota(RuntimeOrigin::root(), None, floor).is_ok());
		pallet_consortium::TxUsage::<Runtime>::insert(
			1,
			pallet_consortium::Usage { period: 0, txs: floor, bytes: 0 },
		);
		let exhausted = Err(InvalidTransaction::Custom(pallet_consortium::QUOTA_EXHAUSTED).into());
		let add = RuntimeCall::Consortium(pallet_consortium::Call::remove_account {
			account: Two.to_account_id(),
		});
		assert_eq!(pool_check(&tax, &add, 0), exhausted);
		// Its seat can still propose, vote and close: the chain stays governable.
		let undo = RuntimeCall::Consortium(pallet_consortium::Call::set_tx_quota {
			org: None,
			quota: 1_000,
		});
		let propose = RuntimeCall::AgencyCouncil(pallet_collective::Call::propose {
			threshold: 4,
			proposal: Box::new(undo.clone()),
			length_bound: 100,
		});
		assert!(pool_check(&tax, &propose, 0).is_ok());
		let vote = RuntimeCall::AgencyCouncil(pallet_collective::Call::vote {
			proposal: sp_core::H256::zero(),
			index: 0,
			approve: true,
		});
		assert!(pool_check(&tax, &vote, 0).is_ok());
		// An enterprise cannot use the council at all.
		assert_eq!(pool_check(&One.to_account_id(), &vote, 0), refused_call());
	});
}

#[test]
fn one_agency_cannot_fill_the_councils_motion_slots() {
	with_enterprise(|| {
		let propose = |who: Sr25519Keyring, n: u32| {
			AgencyCouncil::propose(
				RuntimeOrigin::signed(who.to_account_id()),
				4,
				Box::new(RuntimeCall::Consortium(pallet_consortium::Call::set_tx_quota {
					org: Some(6),
					quota: 100 + n,
				})),
				100,
			)
			.map(|_| ())
			.map_err(|e| e.error)
		};
		for n in 0..MAX_MOTIONS_PER_SEAT as u32 {
			assert_eq!(propose(Alice, n), Ok(()));
		}
		assert_eq!(
			propose(Alice, 99),
			Err(pallet_consortium::Error::<Runtime>::TooManyMotions.into())
		);
		// The others still propose, and decide.
		assert_eq!(propose(Bob, 100), Ok(()));
		let hash = *pallet_collective::Proposals::<
			Runtime,
			regchain_runtime::configs::AgencyCouncilInstance,
		>::get()
		.last()
		.unwrap();
		let index = MAX_MOTIONS_PER_SEAT as u32;
		for who in [Bob, Charlie, Dave, Eve] {
			AgencyCouncil::vote(RuntimeOrigin::signed(who.to_account_id()), hash, index, true)
				.expect("votes");
		}
		AgencyCouncil::close(
			RuntimeOrigin::signed(Bob.to_account_id()),
			hash,
			index,
			frame_support::weights::Weight::from_parts(10_000_000_000, 1_000_000),
			100,
		)
		.expect("closes");
		assert_eq!(pallet_consortium::TxQuotaOverride::<Runtime>::get(6), Some(200));
		// A decided motion of Alice's frees her a slot at once.
		let alices = pallet_collective::Proposals::<
			Runtime,
			regchain_runtime::configs::AgencyCouncilInstance,
		>::get()[0];
		AgencyCouncil::disapprove_proposal(RuntimeOrigin::root(), alices).expect("disapproves");
		assert_eq!(propose(Alice, 99), Ok(()));
	});
}

#[test]
fn an_approved_validator_cannot_purge_its_keys_unchecked() {
	with_enterprise(|| {
		let purge = RuntimeCall::Session(pallet_session::Call::purge_keys {});
		// Alice runs a validator of the local testnet: purging its keys would drop it out of
		// production behind the minimum's back.
		assert_eq!(pool_check(&Alice.to_account_id(), &purge, 0), refused_call());
		// Eve's agency runs none: its keys are its own business.
		assert!(pool_check(&Eve.to_account_id(), &purge, 0).is_ok());
		assert_eq!(pool_check(&One.to_account_id(), &purge, 0), refused_call());
	});
}

#[test]
fn an_agency_whose_validator_produces_is_not_suspended_below_the_minimum() {
	with_enterprise(|| {
		// The local testnet: four producing validators (Alice, Bob, Charlie, Dave), minimum 3.
		let governance = RuntimeOrigin::root;
		assert!(Consortium::suspend(governance(), 1).is_ok(), "Bob's tax bureau: 3 left");
		assert_eq!(regchain_runtime::ValidatorSet::producing_count(), 3);
		assert_eq!(
			Consortium::suspend(governance(), 2),
			Err(pallet_validator_set::Error::<Runtime>::TooFewValidators.into())
		);
		assert_eq!(
			Consortium::revoke(governance(), 3),
			Err(pallet_validator_set::Error::<Runtime>::TooFewValidators.into())
		);
		// An agency running no validator (Eve's IP office) is not held back.
		assert!(Consortium::suspend(governance(), 4).is_ok());
	});
}

/// The bytes of state outside `System` (whose events are dropped every block): what every node
/// keeps.
fn kept_state() -> usize {
	let system = sp_io::hashing::twox_128(b"System");
	let mut total = 0;
	let mut key = Vec::new();
	while let Some(next) = sp_io::storage::next_key(&key) {
		if !next.starts_with(&system) {
			total += next.len() + sp_io::storage::get(&next).map_or(0, |value| value.len());
		}
		key = next;
	}
	total
}

#[test]
fn the_byte_quota_meters_the_state_a_call_adds() {
	use regchain_primitives::Role;
	use sp_runtime::traits::Dispatchable;
	with_enterprise(|| {
		common::register_enterprise(Two, b"91110000802100433B")
			.expect("market regulation registers a second enterprise");
		let org_of = |who: Sr25519Keyring| {
			pallet_consortium::AccountOrganization::<Runtime>::get(who.to_account_id()).unwrap()
		};
		let market = RuntimeOrigin::signed(Charlie.to_account_id());
		for (org, role) in [(org_of(One), Role::Manufacturer), (org_of(Two), Role::Retailer)] {
			Consortium::grant_role(market.clone(), org, role).expect("market regulation grants");
		}
		Consortium::grant_role(
			RuntimeOrigin::signed(Bob.to_account_id()),
			org_of(One),
			Role::InvoiceIssuer,
		)
		.expect("the tax bureau grants");
		let limits = pallet_invoices::IssuerLimits {
			per_invoice: Some(u64::MAX / 4),
			per_month: u64::MAX / 2,
		};
		pallet_invoices::Issuers::<Runtime>::insert(org_of(One), limits);
		// Each call, through the runtime's own transaction checks: the bytes the quota charged
		// its organization, against the state the call then added.
		let mut charged_below_growth = Vec::new();
		let mut metered = |name: &str, who: Sr25519Keyring, call: RuntimeCall| {
			let account = who.to_account_id();
			let org = org_of(who);
			let used = || pallet_consortium::TxUsage::<Runtime>::get(org).map_or(0, |u| u.bytes);
			let before_charge = used();
			extensions(System::account_nonce(&account))
				.validate_and_prepare(
					RuntimeOrigin::signed(account.clone()),
					&call,
					&call.get_dispatch_info(),
					call.encoded_size(),
					0,
				)
				.unwrap_or_else(|e| panic!("{name} refused: {e:?}"));
			let charged = used() - before_charge;
			let before = kept_state();
			call.clone()
				.dispatch(RuntimeOrigin::signed(account))
				.unwrap_or_else(|e| panic!("{name}: {e:?}"));
			let grown = kept_state().saturating_sub(before);
			println!(
				"{name}: {} bytes sent, {grown} bytes of state, {charged} charged",
				call.encoded_size()
			);
			if grown > charged as usize {
				charged_below_growth.push((name.to_string(), grown, charged));
			}
		};
		use pallet_provenance::Call as P;
		let site = pallet_provenance::Gln(1_234_567_890_128);
		// 256 codes tagged `tag`, and the ids of class 0's units of those codes.
		let codes = |tag: u8| -> pallet_provenance::ItemList {
			(0..256u32)
				.map(|n| {
					let mut id = [tag; 32];
					id[..4].copy_from_slice(&n.to_le_bytes());
					sp_core::H256(id)
				})
				.collect::<Vec<_>>()
				.try_into()
				.unwrap()
		};
		let ids = |tag: u8| -> pallet_provenance::ItemList {
			let scope = pallet_provenance::CodeScope::Class(0);
			let ids = codes(tag).iter().map(|c| pallet_provenance::item_id(scope, c)).collect();
			pallet_provenance::ItemList::truncate_from(ids)
		};
		let hash = sp_core::H256::repeat_byte(1);
		metered(
			"provenance.register_class",
			One,
			RuntimeCall::Provenance(P::register_class {
				sku: b"XP-TONER-9".to_vec().try_into().unwrap(),
				gtin: Some(pallet_provenance::Gtin(4_006_381_333_931)),
				metadata: hash,
			}),
		);
		metered(
			"provenance.register_batch",
			One,
			RuntimeCall::Provenance(P::register_batch {
				class: 0,
				lot: hash,
				produced_on: common::NOW,
			}),
		);
		metered(
			"provenance.register_items",
			One,
			RuntimeCall::Provenance(P::register_items {
				batch: 0,
				items: codes(0xa0),
				location: site,
			}),
		);
		metered(
			"provenance.offer",
			One,
			RuntimeCall::Provenance(P::offer { items: ids(0xa0), to: org_of(Two), waybill: hash }),
		);
		metered(
			"provenance.accept",
			Two,
			RuntimeCall::Provenance(P::accept { items: ids(0xa0), location: site, receipt: hash }),
		);
		metered(
			"provenance.register_containers",
			Two,
			RuntimeCall::Provenance(P::register_containers {
				containers: codes(0xc0),
				level: 1,
				location: site,
			}),
		);
		let line = pallet_invoices::LineInput {
			description: hash,
			quantity: 1_000,
			unit_price: 100 * pallet_invoices::PRICE_SCALE,
			classification: 1_100_101_020_000_000_000,
			tax_included: false,
			discount: 0,
			rate: 1,
		};
		metered(
			"invoices.issue (32 lines)",
			One,
			RuntimeCall::Invoices(pallet_invoices::Call::issue {
				invoice_type: pallet_invoices::InvoiceType::Special,
				buyer: pallet_invoices::Buyer::Member(org_of(Two)),
				lines: vec![line; pallet_invoices::MAX_LINES as usize],
				document: hash,
			}),
		);
		// The buyer never confirmed it: reversed at once, a red invoice of 32 lines.
		metered(
			"invoices.reverse (32 lines, none named)",
			One,
			RuntimeCall::Invoices(pallet_invoices::Call::reverse {
				invoice: regchain_primitives::InvoiceRef { issuer: org_of(One), seq: 0 },
				reason: pallet_invoices::RedReason::InvoicingError,
				lines: vec![],
				document: hash,
			}),
		);
		metered(
			"notarization.notarize",
			One,
			RuntimeCall::Notarization(pallet_notarization::Call::notarize {
				algorithm: pallet_notarization::HashAlgorithm::Sm3,
				digest: hash,
				evidence_type: pallet_notarization::EvidenceType::Contract,
				metadata: hash,
				case: Some(hash),
			}),
		);
		metered(
			"notarization.anchor_batch",
			Two,
			RuntimeCall::Notarization(pallet_notarization::Call::anchor_batch {
				algorithm: pallet_notarization::HashAlgorithm::Sm3,
				root: hash,
				leaves: 1_000_000,
				evidence_type: pallet_notarization::EvidenceType::Image,
				metadata: hash,
				case: Some(hash),
			}),
		);
		metered(
			"invoices.issue (1 line)",
			One,
			RuntimeCall::Invoices(pallet_invoices::Call::issue {
				invoice_type: pallet_invoices::InvoiceType::Special,
				buyer: pallet_invoices::Buyer::Member(org_of(Two)),
				lines: vec![line],
				document: hash,
			}),
		);
		// A random inspection: a plan, its inspectors, a page of its population — each charged
		// its bound (a page of 200 members).
		use pallet_supervision::{Call as S, SampleSize};
		use regchain_primitives::time::DAY;
		Consortium::grant_role(market.clone(), org_of(Charlie), Role::Inspector)
			.expect("market regulation inspects");
		metered(
			"supervision.open_plan",
			Charlie,
			RuntimeCall::Supervision(S::open_plan {
				region: regchain_primitives::Division::NATIONAL,
				kind: regchain_primitives::OrgKind::Enterprise,
				role: None,
				records: None,
				sample: SampleSize::Count(1),
				document: hash,
				commit_until: common::NOW + DAY,
				reveal_until: common::NOW + 2 * DAY,
				results_due: common::NOW + 30 * DAY,
			}),
		);
		metered(
			"supervision.enlist_inspectors",
			Charlie,
			RuntimeCall::Supervision(S::enlist_inspectors {
				plan: 0,
				inspectors: vec![Charlie.to_account_id()].try_into().unwrap(),
			}),
		);
		metered(
			"supervision.read_population",
			Charlie,
			RuntimeCall::Supervision(S::read_population { plan: 0 }),
		);
		assert!(
			charged_below_growth.is_empty(),
			"calls that add more state than the quota charges: {charged_below_growth:?}"
		);
	});
}

/// A suspended enterprise keeps answering — its statement in a case against it, its dispute of
/// an attestation, its answer to a red-letter request, whose deadlines keep running — and does
/// nothing else; a revoked one does nothing at all.
#[test]
fn a_suspended_member_submits_its_answers_and_nothing_else() {
	with_enterprise(|| {
		let enterprise = One.to_account_id();
		let org = pallet_consortium::AccountOrganization::<Runtime>::get(&enterprise).unwrap();
		let hash = sp_core::H256::repeat_byte(1);
		let answers = [
			RuntimeCall::Supervision(pallet_supervision::Call::submit_statement {
				case: 0,
				statement: hash,
				evidence: Default::default(),
			}),
			RuntimeCall::Supervision(pallet_supervision::Call::appeal {
				case: 0,
				grounds: hash,
				evidence: Default::default(),
			}),
			RuntimeCall::Credit(pallet_credit::Call::dispute { attestation: 0, reason: hash }),
			RuntimeCall::Invoices(pallet_invoices::Call::refuse_reversal {
				invoice: regchain_primitives::InvoiceRef { issuer: 0, seq: 1 },
				reason: hash,
			}),
		];
		let other = RuntimeCall::Notarization(pallet_notarization::Call::notarize {
			algorithm: pallet_notarization::HashAlgorithm::Sha256,
			digest: hash,
			evidence_type: pallet_notarization::EvidenceType::Contract,
			metadata: hash,
			case: None,
		});
		assert!(pool_check(&enterprise, &other, 0).is_ok());
		Consortium::suspend(RuntimeOrigin::root(), org).expect("governance suspends");
		for answer in &answers {
			assert!(pool_check(&enterprise, answer, 0).is_ok(), "{answer:?}");
		}
		assert_eq!(pool_check(&enterprise, &other, 0), refused_call());
		// Its answer reaches the pallet as its own: here, a case that does not exist.
		let origin = RuntimeOrigin::signed(enterprise.clone());
		let refused = pallet_supervision::Pallet::<Runtime>::submit_statement(
			origin,
			0,
			hash,
			Default::default(),
		);
		assert_eq!(refused, Err(pallet_supervision::Error::<Runtime>::CaseNotFound.into()));
		Consortium::revoke(RuntimeOrigin::root(), org).expect("governance revokes");
		assert_eq!(
			pool_check(&enterprise, &answers[0], 0),
			Err(InvalidTransaction::BadSigner.into())
		);
	});
}
