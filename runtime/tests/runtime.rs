//! Runtime-level tests: pallet indices are pinned, the genesis presets build the states they
//! promise, and the chain constants are the documented ones.

mod common;

use common::genesis_of;

use regchain_runtime::{
	genesis_config_presets::{get_preset, preset_names, DEV_ENDOWMENT, LOCAL_AGENCIES},
	Aura, Balances, Consortium, Funds, Grandpa, Invoices, Runtime, RuntimeOrigin, System,
	TransactionPayment, MILLI_SECS_PER_BLOCK, SS58_PREFIX, VERSION,
};
use sp_genesis_builder::{DEV_RUNTIME_PRESET, LOCAL_TESTNET_RUNTIME_PRESET};
use sp_keyring::{Ed25519Keyring, Sr25519Keyring};

#[test]
fn pallet_indices_and_storage_prefixes_are_pinned() {
	use frame_support::traits::PalletsInfoAccess;
	// A pallet's index is the first byte of its encoded calls, and its name the prefix of its
	// storage keys: changing either breaks every signed transaction and every stored record of
	// that pallet. Every pallet of the runtime is listed: adding one means adding it here.
	let pinned = [
		(0, "System"),
		(1, "Timestamp"),
		(2, "Aura"),
		(3, "Grandpa"),
		(4, "Balances"),
		(5, "TransactionPayment"),
		(6, "Sudo"),
		(7, "MultiBlockMigrations"),
		(10, "Consortium"),
		(11, "AgencyCouncil"),
		(12, "ValidatorSet"),
		(13, "Session"),
		(14, "NodeAuthorization"),
		(20, "Invoices"),
		(21, "Funds"),
		(22, "Credit"),
		(23, "Notarization"),
		(24, "Provenance"),
		(25, "IpRights"),
		(40, "Supervision"),
	];
	let actual: Vec<(usize, &str)> = regchain_runtime::AllPalletsWithSystem::infos()
		.into_iter()
		.map(|info| (info.index, info.name))
		.collect();
	assert_eq!(actual, pinned);
	// The storage of the RegChain pallets lives under their names.
	use frame_support::{storage::StoragePrefixedMap, StorageHasher, Twox128};
	let prefix = |name: &str| Twox128::hash(name.as_bytes());
	assert_eq!(
		pallet_consortium::Organizations::<Runtime>::final_prefix()[..16],
		prefix("Consortium")
	);
	assert_eq!(
		pallet_validator_set::Validators::<Runtime>::hashed_key()[..16],
		prefix("ValidatorSet")
	);
	assert_eq!(
		pallet_invoices::IssuedInvoices::<Runtime>::final_prefix()[..16],
		prefix("Invoices")
	);
	assert_eq!(pallet_funds::Programs::<Runtime>::final_prefix()[..16], prefix("Funds"));
	assert_eq!(pallet_credit::Attestations::<Runtime>::final_prefix()[..16], prefix("Credit"));
	assert_eq!(
		pallet_notarization::Records::<Runtime>::final_prefix()[..16],
		prefix("Notarization")
	);
	assert_eq!(pallet_provenance::Items::<Runtime>::final_prefix()[..16], prefix("Provenance"));
	assert_eq!(pallet_ip_rights::Works::<Runtime>::final_prefix()[..16], prefix("IpRights"));
}

#[test]
fn runtime_identity_is_the_documented_one() {
	assert_eq!(VERSION.spec_name, "regchain");
	assert_eq!(SS58_PREFIX, 42);
	assert_eq!(<Runtime as frame_system::Config>::SS58Prefix::get(), 42);
	assert_eq!(MILLI_SECS_PER_BLOCK, 6000);
}

#[test]
fn presets_are_listed_and_unknown_ones_refused() {
	let names: Vec<String> = preset_names();
	assert_eq!(names, vec![DEV_RUNTIME_PRESET, LOCAL_TESTNET_RUNTIME_PRESET]);
	assert!(get_preset(&"no_such_preset".into()).is_none());
}

#[test]
fn development_preset_has_one_validator_and_a_sudo_key() {
	genesis_of(DEV_RUNTIME_PRESET).execute_with(|| {
		let aura = pallet_aura::Authorities::<Runtime>::get();
		assert_eq!(aura.into_inner(), vec![Sr25519Keyring::Alice.public().into()]);
		assert_eq!(
			Grandpa::grandpa_authorities(),
			vec![(Ed25519Keyring::Alice.public().into(), 1)]
		);
		assert_eq!(pallet_sudo::Key::<Runtime>::get(), Some(Sr25519Keyring::Alice.to_account_id()));
		for who in Sr25519Keyring::well_known() {
			assert_eq!(Balances::free_balance(who.to_account_id()), DEV_ENDOWMENT);
		}
		assert_eq!(Aura::slot_duration(), MILLI_SECS_PER_BLOCK);
	});
}

#[test]
fn local_testnet_preset_has_four_agency_validators_and_no_sudo() {
	genesis_of(LOCAL_TESTNET_RUNTIME_PRESET).execute_with(|| {
		let aura: Vec<_> = pallet_aura::Authorities::<Runtime>::get().into_inner();
		let expected: Vec<_> =
			LOCAL_AGENCIES.iter().map(|(_, _, sr, _)| sr.public().into()).collect();
		assert_eq!(aura, expected);
		let grandpa: Vec<_> = Grandpa::grandpa_authorities();
		let expected: Vec<_> =
			LOCAL_AGENCIES.iter().map(|(_, _, _, ed)| (ed.public().into(), 1)).collect();
		assert_eq!(grandpa, expected);
		assert_eq!(pallet_sudo::Key::<Runtime>::get(), None);

		// The validators are the agencies' accounts, keys registered with the session pallet,
		// and at least three of the four must keep producing (GRANDPA's two-thirds).
		let accounts: Vec<_> =
			LOCAL_AGENCIES.iter().map(|(_, _, sr, _)| sr.to_account_id()).collect();
		assert_eq!(pallet_validator_set::Validators::<Runtime>::get().into_inner(), accounts);
		assert_eq!(pallet_session::Validators::<Runtime>::get(), accounts);
		assert_eq!(pallet_validator_set::MinValidators::<Runtime>::get(), 3);

		// Their nodes are the well-known ones, owned by the agencies.
		let nodes = pallet_node_authorization::WellKnownNodes::<Runtime>::get();
		assert_eq!(nodes.len(), 4);
		for (_, _, sr, ed) in LOCAL_AGENCIES {
			let peer = sp_core::OpaquePeerId(
				regchain_runtime::genesis_config_presets::ed25519_peer_id(&ed.public().0),
			);
			assert!(nodes.contains(&peer), "{ed}'s node is well known");
			assert_eq!(
				pallet_node_authorization::Owners::<Runtime>::get(&peer),
				Some(sr.to_account_id())
			);
		}
	});
}

#[test]
fn every_founding_agency_holds_a_council_seat() {
	genesis_of(LOCAL_TESTNET_RUNTIME_PRESET).execute_with(|| {
		let mut seats: Vec<_> = [
			Sr25519Keyring::Alice,
			Sr25519Keyring::Bob,
			Sr25519Keyring::Charlie,
			Sr25519Keyring::Dave,
			Sr25519Keyring::Eve,
			Sr25519Keyring::Ferdie,
		]
		.iter()
		.map(|k| k.to_account_id())
		.collect();
		seats.sort();
		assert_eq!(
			pallet_collective::Members::<Runtime, pallet_collective::Instance1>::get(),
			seats
		);
	});
}

#[test]
fn members_transact_for_free_and_the_fee_estimate_says_so() {
	use frame_support::dispatch::GetDispatchInfo;
	genesis_of(DEV_RUNTIME_PRESET).execute_with(|| {
		let call = regchain_runtime::RuntimeCall::System(frame_system::Call::remark {
			remark: vec![0; 1000],
		});
		let info = call.get_dispatch_info();
		assert!(info.total_weight().ref_time() > 0);
		assert_eq!(TransactionPayment::compute_fee(1_100, &info, 0), 0);
		assert_eq!(TransactionPayment::compute_fee(1_100, &info, 5), 5, "tips still count");
	});
}

#[test]
fn test_presets_found_one_agency_of_each_kind() {
	use regchain_primitives::{AgencyKind, Membership, OrgKind};
	for preset in [DEV_RUNTIME_PRESET, LOCAL_TESTNET_RUNTIME_PRESET] {
		genesis_of(preset).execute_with(|| {
			frame_system::Pallet::<Runtime>::set_block_number(1);
			let expected = [
				(Sr25519Keyring::Alice, AgencyKind::FinanceBureau),
				(Sr25519Keyring::Bob, AgencyKind::TaxBureau),
				(Sr25519Keyring::Charlie, AgencyKind::MarketRegulation),
				(Sr25519Keyring::Dave, AgencyKind::Court),
				(Sr25519Keyring::Eve, AgencyKind::IpOffice),
				(Sr25519Keyring::Ferdie, AgencyKind::CreditRegulator),
			];
			for (key, kind) in expected {
				let member = Consortium::member(&key.to_account_id()).expect("founding agency");
				assert_eq!(member.kind, OrgKind::Agency(kind), "{preset}: {key}");
			}
			assert!(Consortium::member(&Sr25519Keyring::One.to_account_id()).is_none());
		});
	}
}

#[test]
fn consortium_weights_are_measured_and_fit_many_times_in_a_block() {
	use pallet_consortium::WeightInfo;
	type W = pallet_consortium::weights::SubstrateWeight<Runtime>;
	let weights = [
		("register_agency", W::register_agency()),
		("register_organization", W::register_organization()),
		("add_account", W::add_account()),
		("remove_account", W::remove_account()),
		("renew", W::renew()),
		("suspend", W::suspend()),
		("resume", W::resume()),
		("revoke", W::revoke()),
		("grant_role", W::grant_role()),
		("revoke_role", W::revoke_role()),
		("enact", W::enact()),
		("set_tx_quota", W::set_tx_quota()),
		("sync_council", W::sync_council()),
		("set_byte_quota", W::set_byte_quota()),
		("rotate_seat", W::rotate_seat()),
		("set_jurisdiction", W::set_jurisdiction()),
		("set_admin", W::set_admin()),
		("check_member", W::check_member()),
	];
	check_weights(&weights);
}

/// The weights every call adds to its own are this node's, measured by
/// `scripts/benchmark-weights.sh` (not polkadot-sdk's RocksDB and reference-machine defaults),
/// and the block's budget is the documented one: 2 s, three quarters for normal extrinsics.
#[test]
fn base_and_database_weights_are_the_measured_ones() {
	use frame_support::{dispatch::DispatchClass, weights::constants::WEIGHT_REF_TIME_PER_MILLIS};
	use regchain_runtime::weights::{block_weights, extrinsic_weights, paritydb_weights};
	let db = <Runtime as frame_system::Config>::DbWeight::get();
	assert_eq!(db, paritydb_weights::constants::ParityDbWeight::get());
	// A read or a write in the node's own database: over 1 µs and well under RocksDB's 25 µs
	// and 100 µs.
	for (what, weight) in [("read", db.read), ("write", db.write)] {
		assert!((1_000_000..25_000_000).contains(&weight), "one {what} weighs {weight} ps");
	}
	let block = <Runtime as frame_system::Config>::BlockWeights::get();
	assert_eq!(block.base_block, block_weights::BlockExecutionWeight::get());
	for class in DispatchClass::all() {
		assert_eq!(block.get(*class).base_extrinsic, extrinsic_weights::ExtrinsicBaseWeight::get());
	}
	assert_eq!(block.max_block.ref_time(), 2_000 * WEIGHT_REF_TIME_PER_MILLIS);
	assert_eq!(
		block.get(DispatchClass::Normal).max_total.map(|w| w.ref_time()),
		Some(1_500 * WEIGHT_REF_TIME_PER_MILLIS)
	);
	// The signed-extension check every transaction passes is charged its benchmarked cost.
	use pallet_consortium::WeightInfo;
	let remark: regchain_runtime::RuntimeCall =
		frame_system::Call::<Runtime>::remark { remark: vec![] }.into();
	assert_eq!(
		sp_runtime::traits::TransactionExtension::weight(
			&pallet_consortium::CheckMember::<Runtime>::new(),
			&remark
		),
		pallet_consortium::weights::SubstrateWeight::<Runtime>::check_member()
	);
}

#[test]
fn validator_set_weights_are_measured_and_fit_many_times_in_a_block() {
	use pallet_validator_set::WeightInfo;
	type W = pallet_validator_set::weights::SubstrateWeight<Runtime>;
	check_weights(&[
		("add_validator", W::add_validator()),
		("remove_validator", W::remove_validator()),
		("announce_maintenance", W::announce_maintenance()),
		("end_maintenance", W::end_maintenance()),
		("bar", W::bar()),
		("lift_bar", W::lift_bar()),
		("set_min_validators", W::set_min_validators()),
	]);
}

#[test]
fn invoices_weights_are_measured_and_fit_many_times_in_a_block() {
	use pallet_invoices::{WeightInfo, MAX_LINES};
	type W = pallet_invoices::weights::SubstrateWeight<Runtime>;
	check_weights(&[
		("set_issuer_limits", W::set_issuer_limits()),
		("set_rate", W::set_rate()),
		("issue(1)", W::issue(1)),
		("issue(MAX_LINES)", W::issue(MAX_LINES)),
		("confirm", W::confirm()),
		("reject", W::reject()),
		("reverse", W::reverse()),
		("request_reversal", W::request_reversal()),
		("confirm_reversal", W::confirm_reversal()),
		("settle_reversal", W::settle_reversal()),
		("refuse_reversal", W::refuse_reversal()),
		("lapse_reversal", W::lapse_reversal()),
		("reimburse", W::reimburse()),
		("freeze", W::freeze()),
		("unfreeze", W::unfreeze()),
		("void", W::void()),
		("confirm_use", W::confirm_use()),
		("mark_abnormal", W::mark_abnormal()),
		("clear_abnormal", W::clear_abnormal()),
	]);
}

/// Across pallets, as on a live network: market regulation registers an enterprise and a
/// buyer, the tax bureau makes the first an invoice issuer with limits, it invoices, the buyer
/// confirms and reimburses, and a second reimbursement is refused.
#[test]
fn an_invoice_flows_from_registration_to_reimbursement() {
	use pallet_invoices::{Buyer, Claim, IssuerLimits, LineInput, TaxRate};
	use regchain_primitives::{InvoiceRef, Role};
	genesis_of(LOCAL_TESTNET_RUNTIME_PRESET).execute_with(|| {
		System::set_block_number(1);
		// 2026-11-10, noon in Beijing.
		pallet_timestamp::Now::<Runtime>::put(1_794_283_200_000);
		assert_eq!(
			pallet_invoices::Pallet::<Runtime>::rate_at(1, 1),
			Some(TaxRate::BasisPoints(1_300))
		);
		assert_eq!(pallet_invoices::Pallet::<Runtime>::rate_at(6, 1), Some(TaxRate::Exempt));
		let tax = RuntimeOrigin::signed(Sr25519Keyring::Bob.to_account_id());
		let (seller, buyer) =
			(Sr25519Keyring::One.to_account_id(), Sr25519Keyring::Two.to_account_id());
		for (code, who) in [
			(&b"91350100M000100Y43"[..], Sr25519Keyring::One),
			(b"91440300708461136T", Sr25519Keyring::Two),
		] {
			assert_eq!(common::register_enterprise(who, code), Ok(()));
		}
		let org_of = |who: &regchain_runtime::AccountId| {
			pallet_consortium::AccountOrganization::<Runtime>::get(who).expect("registered")
		};
		let (seller_org, buyer_org) = (org_of(&seller), org_of(&buyer));
		assert_eq!(Consortium::grant_role(tax.clone(), seller_org, Role::InvoiceIssuer), Ok(()));
		let limits = IssuerLimits { per_invoice: Some(1_000_000), per_month: 10_000_000 };
		assert_eq!(Invoices::set_issuer_limits(tax, seller_org, Some(limits)), Ok(()));
		let line = LineInput {
			description: Default::default(),
			quantity: 2_000,
			unit_price: 5_000 * pallet_invoices::PRICE_SCALE,
			classification: 1_100_101_020_000_000_000,
			tax_included: false,
			discount: 0,
			rate: 1,
		};
		assert_eq!(
			Invoices::issue(
				RuntimeOrigin::signed(seller),
				pallet_invoices::InvoiceType::Special,
				Buyer::External(
					regchain_primitives::CreditCode::parse(b"91440300708461136T").unwrap()
				),
				vec![line],
				Default::default(),
			),
			Ok(())
		);
		let id = InvoiceRef { issuer: seller_org, seq: 0 };
		let invoice = Invoices::invoice_record(id).unwrap().invoice;
		assert_eq!(
			(invoice.buyer, invoice.net, invoice.tax),
			(Buyer::Member(buyer_org), 10_000, 1_300)
		);
		assert_eq!(invoice.period, 202611);
		let buyer_origin = RuntimeOrigin::signed(buyer.clone());
		assert_eq!(Invoices::confirm(buyer_origin.clone(), id), Ok(()));
		assert_eq!(Invoices::reimburse(buyer_origin.clone(), id), Ok(()));
		assert_eq!(
			Invoices::invoice_record(id).unwrap().invoice.claim,
			Some(Claim::new(pallet_invoices::REIMBURSEMENT, buyer_org.into()))
		);
		assert_eq!(
			Invoices::reimburse(buyer_origin, id),
			Err(pallet_invoices::Error::<Runtime>::AlreadyClaimed.into())
		);
		// Received and reimbursed, deducted only once its use is confirmed.
		assert_eq!(pallet_invoices::Totals::<Runtime>::get(buyer_org, 202611).input.len(), 0);
		let deduct = pallet_invoices::InputUse::Deduct;
		assert_eq!(Invoices::confirm_use(RuntimeOrigin::signed(buyer), id, deduct), Ok(()));
		let totals = pallet_invoices::Totals::<Runtime>::get(buyer_org, 202611);
		assert_eq!(totals.input[0].sums.deducted.tax, 1_300);
		pallet_invoices::Pallet::<Runtime>::do_try_state().unwrap();
	});
}

#[test]
fn funds_weights_are_measured_and_fit_many_times_in_a_block() {
	use pallet_funds::WeightInfo;
	type W = pallet_funds::weights::SubstrateWeight<Runtime>;
	check_weights(&[
		("create_program", W::create_program()),
		("set_budget", W::set_budget()),
		("close_program", W::close_program()),
		("apply", W::apply()),
		("approve", W::approve()),
		("reject_application", W::reject_application()),
		("disburse", W::disburse()),
		("record_expense", W::record_expense()),
		("freeze", W::freeze()),
		("unfreeze", W::unfreeze()),
		("claw_back", W::claw_back()),
		("object", W::object()),
		("answer_objection", W::answer_objection()),
		("disallow", W::disallow()),
		("record_repayment", W::record_repayment()),
		("record_agreement", W::record_agreement()),
		("accept", W::accept()),
		("contribute", W::contribute()),
		("evaluate", W::evaluate()),
		("designate_bank", W::designate_bank()),
		("confirm_movement", W::confirm_movement()),
	]);
}

/// Every network with a credit regulator starts with the national catalogue of credit facts,
/// registered in its name; a network without one starts with none.
#[test]
fn the_genesis_credit_catalogue_is_registered_by_the_credit_regulator() {
	use regchain_runtime::genesis_config_presets::{credit_catalogue, test_agencies};
	genesis_of(LOCAL_TESTNET_RUNTIME_PRESET).execute_with(|| {
		let regulator = pallet_consortium::AccountOrganization::<Runtime>::get(
			Sr25519Keyring::Ferdie.to_account_id(),
		)
		.expect("the credit regulator is a founding agency");
		let types = pallet_credit::Pallet::<Runtime>::claim_types(0, 100);
		let names: Vec<Vec<u8>> = types.iter().map(|(_, t)| t.name.to_vec()).collect();
		assert!(names.contains(&b"tax-credit-grade".to_vec()));
		assert!(names.contains(&b"receivable-financing".to_vec()));
		assert_eq!(types.len(), credit_catalogue(&test_agencies()).claim_types.len());
		assert!(types.iter().all(|(_, t)| t.registered_by == regulator && !t.retired));
		// Registered before there was a time: moment 0 stands for "since genesis".
		assert!(types.iter().all(|(_, t)| t.registered_at == 0));
		let grade = &types.iter().find(|(_, t)| t.name.to_vec() == b"tax-credit-grade").unwrap().1;
		assert_eq!(grade.ratings.len(), 5);
		assert!(grade.attester_kinds.contains(regchain_primitives::OrgKind::Agency(
			regchain_primitives::AgencyKind::TaxBureau
		)));
		assert!(!grade.attester_kinds.contains(regchain_primitives::OrgKind::Enterprise));
		pallet_credit::Pallet::<Runtime>::do_try_state().unwrap();
	});
	let without: Vec<_> = test_agencies()
		.into_iter()
		.filter(|a| a.kind != regchain_primitives::AgencyKind::CreditRegulator)
		.collect();
	assert!(credit_catalogue(&without).claim_types.is_empty());
}

#[test]
fn credit_weights_are_measured_and_fit_many_times_in_a_block() {
	use pallet_credit::WeightInfo;
	type W = pallet_credit::weights::SubstrateWeight<Runtime>;
	check_weights(&[
		("register_claim_type", W::register_claim_type()),
		("retire_claim_type", W::retire_claim_type()),
		("authorize_attester", W::authorize_attester()),
		("deauthorize_attester", W::deauthorize_attester()),
		("attest(16 invoices)", W::attest(pallet_credit::MAX_FINANCED_INVOICES)),
		("supersede", W::supersede()),
		("revoke", W::revoke()),
		("grant_consent", W::grant_consent()),
		("withdraw_consent", W::withdraw_consent()),
		("declare_access", W::declare_access()),
		("dispute", W::dispute()),
		("uphold_dispute", W::uphold_dispute()),
		("reject_dispute", W::reject_dispute()),
		("mark_dispute_lapsed", W::mark_dispute_lapsed()),
		("freeze", W::freeze()),
		("unfreeze", W::unfreeze()),
		("reinstate_claim_type", W::reinstate_claim_type()),
		("release_receivables", W::release_receivables()),
	]);
	// Each pledged invoice costs something more.
	assert!(W::attest(16).ref_time() > W::attest(0).ref_time());
}

/// Across the invoices and credit pallets: a bank finances a receivable under the SME's consent,
/// it backs one financing, its buyer still reimburses it, an attestation refused on its second
/// invoice leaves the first unlocked, and a revoked financing releases what it pledged.
#[test]
fn a_receivable_backs_one_financing_and_a_refused_attestation_locks_nothing() {
	use frame_support::traits::UnfilteredDispatchable;
	use pallet_credit::{Call as CreditCall, ClaimTypeScope, OrgKinds, Purpose, Scope};
	use pallet_invoices::{Buyer, IssuerLimits, LineInput};
	use regchain_primitives::{InvoiceRef, OrgKind, Role};
	genesis_of(LOCAL_TESTNET_RUNTIME_PRESET).execute_with(|| {
		System::set_block_number(1);
		let signed = |k: Sr25519Keyring| RuntimeOrigin::signed(k.to_account_id());
		let (sme, buyer) = (Sr25519Keyring::One, Sr25519Keyring::Two);
		for (code, who) in [(&b"91350100M000100Y43"[..], sme), (b"91440300708461136T", buyer)] {
			assert_eq!(common::register_enterprise(who, code), Ok(()));
		}
		let org_of = |k: Sr25519Keyring| {
			pallet_consortium::AccountOrganization::<Runtime>::get(k.to_account_id())
				.expect("registered")
		};
		let (sme_org, buyer_org) = (org_of(sme), org_of(buyer));
		let ferdie = signed(Sr25519Keyring::Ferdie);
		assert_eq!(
			common::register_member(
				Sr25519Keyring::Ferdie,
				OrgKind::FinancialInstitution,
				"//ReceivablesBank",
				b"91110000802100433B"
			),
			Ok(())
		);
		let bank_account = sp_core::Pair::public(&common::pair("//ReceivablesBank"));
		let bank_account: regchain_runtime::AccountId = bank_account.into();
		let bank = pallet_consortium::AccountOrganization::<Runtime>::get(&bank_account).unwrap();
		assert_eq!(
			Consortium::grant_role(signed(Sr25519Keyring::Bob), sme_org, Role::InvoiceIssuer),
			Ok(())
		);
		assert_eq!(Consortium::grant_role(ferdie.clone(), bank, Role::Attester), Ok(()));
		let limits = IssuerLimits { per_invoice: Some(1_000_000), per_month: 10_000_000 };
		assert_eq!(
			Invoices::set_issuer_limits(signed(Sr25519Keyring::Bob), sme_org, Some(limits)),
			Ok(())
		);
		let line = LineInput {
			description: Default::default(),
			quantity: 1_000,
			unit_price: 10_000 * pallet_invoices::PRICE_SCALE,
			classification: 1_100_101_020_000_000_000,
			tax_included: false,
			discount: 0,
			rate: 1,
		};
		for seq in 0..3 {
			assert_eq!(
				Invoices::issue(
					signed(sme),
					pallet_invoices::InvoiceType::Special,
					Buyer::Member(buyer_org),
					vec![line],
					Default::default()
				),
				Ok(())
			);
			assert_eq!(
				Invoices::confirm(signed(buyer), InvoiceRef { issuer: sme_org, seq }),
				Ok(())
			);
		}
		let [first, second, third] = [0, 1, 2].map(|seq| InvoiceRef { issuer: sme_org, seq });
		assert_eq!(
			pallet_credit::Pallet::<Runtime>::register_claim_type(
				ferdie.clone(),
				b"receivable".to_vec().try_into().unwrap(),
				Default::default(),
				Default::default(),
				OrgKinds::of(&[OrgKind::FinancialInstitution]),
				true,
			),
			Ok(())
		);
		let receivable = pallet_credit::NextClaimTypeId::<Runtime>::get() - 1;
		assert_eq!(
			pallet_credit::Pallet::<Runtime>::authorize_attester(ferdie, receivable, bank),
			Ok(())
		);
		let all = Scope { claim_types: ClaimTypeScope::All, figures: false };
		let until = common::NOW + 10 * regchain_primitives::time::DAY;
		assert_eq!(
			pallet_credit::Pallet::<Runtime>::grant_consent(
				signed(sme),
				bank,
				all,
				Purpose::InvoiceFinancing,
				until
			),
			Ok(())
		);
		let attest = |list: Vec<InvoiceRef>| {
			CreditCall::<Runtime>::attest {
				subject: sme_org,
				claim_type: receivable,
				data: Default::default(),
				rating: None,
				valid_from: common::NOW,
				valid_until: common::NOW + regchain_primitives::time::DAY,
				invoices: list.try_into().unwrap(),
			}
			.dispatch_bypass_filter(RuntimeOrigin::signed(bank_account.clone()))
			.map(|_| ())
			.map_err(|e| e.error)
		};
		assert_eq!(attest(vec![first]), Ok(()));
		let claimed: sp_runtime::DispatchError =
			pallet_invoices::Error::<Runtime>::AlreadyClaimed.into();
		// `second` is locked before `first` is refused: the refusal undoes it.
		assert_eq!(attest(vec![second, first]), Err(claimed));
		assert_eq!(pallet_invoices::ReceivableClaims::<Runtime>::get(second), None);
		assert_eq!(attest(vec![second, third]), Ok(()));
		assert_eq!(
			pallet_invoices::ReceivableClaims::<Runtime>::get(third),
			Some(regchain_primitives::Claim::new(pallet_credit::CREDIT, 1))
		);
		// The buyer's side is its own: it still reimburses the financed invoice.
		assert_eq!(Invoices::reimburse(signed(buyer), first), Ok(()));
		// A red letter still reduces the financed invoice (the buyer allows a tenth of it
		// back): the bank hears of it from the credit pallet.
		let allowance = vec![pallet_invoices::RedLineInput { line: 0, quantity: 0, net: 100 }];
		let reason = pallet_invoices::RedReason::SalesAllowance;
		assert_eq!(
			Invoices::request_reversal(signed(buyer), first, reason, allowance, Default::default()),
			Ok(())
		);
		assert_eq!(Invoices::confirm_reversal(signed(sme), first), Ok(()));
		let reported = System::events().iter().any(|e| {
			matches!(
				e.event,
				regchain_runtime::RuntimeEvent::Credit(
					pallet_credit::Event::FinancedInvoiceReduced { attestation: 0, reduced, .. }
				) if reduced > 100
			)
		});
		assert!(reported, "the bank was not told");
		// The bank revokes the second financing: its invoices are the SME's again.
		assert_eq!(
			pallet_credit::Pallet::<Runtime>::revoke(
				RuntimeOrigin::signed(bank_account.clone()),
				1,
				Default::default()
			),
			Ok(())
		);
		assert_eq!(pallet_invoices::ReceivableClaims::<Runtime>::get(third), None);
		let reason = pallet_invoices::RedReason::InvoicingError;
		assert_eq!(
			Invoices::reverse(signed(sme), third, reason, vec![], Default::default()),
			Ok(())
		);
		pallet_credit::Pallet::<Runtime>::do_try_state().unwrap();
		pallet_invoices::Pallet::<Runtime>::do_try_state().unwrap();
	});
}

/// Across the invoices and funds pallets: an invoice that justified a fund expense can be
/// neither reimbursed nor reused in another fund; reversed, the fund manager is told.
#[test]
fn an_invoice_justifies_one_fund_expense_and_nothing_else() {
	use pallet_funds::Categories;
	use pallet_invoices::{Buyer, IssuerLimits, LineInput};
	use regchain_primitives::{InvoiceRef, Role};
	genesis_of(LOCAL_TESTNET_RUNTIME_PRESET).execute_with(|| {
		System::set_block_number(1);
		let signed = |k: Sr25519Keyring| RuntimeOrigin::signed(k.to_account_id());
		let (seller, sme) = (Sr25519Keyring::One, Sr25519Keyring::Two);
		for (code, who) in [(&b"91350100M000100Y43"[..], seller), (b"91440300708461136T", sme)] {
			assert_eq!(common::register_enterprise(who, code), Ok(()));
		}
		let org_of = |k: Sr25519Keyring| {
			pallet_consortium::AccountOrganization::<Runtime>::get(k.to_account_id())
				.expect("registered")
		};
		let (seller_org, sme_org) = (org_of(seller), org_of(sme));
		let finance = org_of(Sr25519Keyring::Alice);
		assert_eq!(
			Consortium::grant_role(signed(Sr25519Keyring::Bob), seller_org, Role::InvoiceIssuer),
			Ok(())
		);
		assert_eq!(
			Consortium::grant_role(signed(Sr25519Keyring::Alice), finance, Role::FundManager),
			Ok(())
		);
		let limits = IssuerLimits { per_invoice: Some(1_000_000), per_month: 10_000_000 };
		assert_eq!(
			Invoices::set_issuer_limits(signed(Sr25519Keyring::Bob), seller_org, Some(limits)),
			Ok(())
		);
		let line = LineInput {
			description: Default::default(),
			quantity: 1_000,
			unit_price: 10_000 * pallet_invoices::PRICE_SCALE,
			classification: 1_100_101_020_000_000_000,
			tax_included: false,
			discount: 0,
			rate: 1,
		};
		assert_eq!(
			Invoices::issue(
				signed(seller),
				pallet_invoices::InvoiceType::Special,
				Buyer::Member(sme_org),
				vec![line],
				Default::default()
			),
			Ok(())
		);
		let invoice = InvoiceRef { issuer: seller_org, seq: 0 };
		assert_eq!(Invoices::confirm(signed(sme), invoice), Ok(()));

		// Two programs of the finance bureau, each with an allocation to the enterprise.
		let manager = signed(Sr25519Keyring::Alice);
		for program in 0..2 {
			assert_eq!(
				Funds::create_program(
					manager.clone(),
					Default::default(),
					Categories(1),
					common::NOW,
					common::NOW + 10 * regchain_primitives::time::DAY,
					common::NOW + 20 * regchain_primitives::time::DAY,
					pallet_funds::Eligibility::any_enterprise(),
					None,
					Default::default(),
				),
				Ok(())
			);
			assert_eq!(Funds::set_budget(manager.clone(), program, 100_000), Ok(()));
			let project = sp_core::H256::repeat_byte(program as u8 + 1);
			let applied = Funds::apply(signed(sme), program, 50_000, Default::default(), project);
			assert_eq!(applied, Ok(()));
			assert_eq!(Funds::approve(manager.clone(), program, 50_000), Ok(()));
			// Its week of publicity passes without objection.
			pallet_funds::Publicities::<Runtime>::mutate(program, |p| {
				p.as_mut().map(|p| p.until = common::NOW)
			});
			assert_eq!(
				Funds::disburse(manager.clone(), program, 50_000, Default::default()),
				Ok(())
			);
		}
		let expense = |allocation| {
			Funds::record_expense(
				signed(sme),
				allocation,
				11_300,
				0,
				Default::default(),
				Default::default(),
				Some(invoice),
			)
		};
		assert_eq!(expense(0), Ok(()));
		let claimed: sp_runtime::DispatchResult =
			Err(pallet_invoices::Error::<Runtime>::AlreadyClaimed.into());
		assert_eq!(expense(1), claimed);
		assert_eq!(Invoices::reimburse(signed(sme), invoice), claimed);
		let reason = pallet_invoices::RedReason::InvoicingError;
		assert_eq!(
			Invoices::reverse(signed(seller), invoice, reason, vec![], Default::default()),
			Ok(())
		);
		assert_eq!(Invoices::confirm_reversal(signed(sme), invoice), Ok(()));
		let told = System::events().iter().any(|e| {
			matches!(
				e.event,
				regchain_runtime::RuntimeEvent::Funds(pallet_funds::Event::ExpenseInvoiceReduced {
					allocation: 0,
					reduced: 11_300,
					remaining: 0,
					..
				})
			)
		});
		assert!(told, "the fund manager was not told");
		assert_eq!(
			Invoices::invoice_record(invoice).unwrap().invoice.claim,
			Some(pallet_invoices::Claim::new(pallet_funds::FUND_EXPENSE, 0))
		);
		pallet_invoices::Pallet::<Runtime>::do_try_state().unwrap();
		pallet_funds::Pallet::<Runtime>::do_try_state().unwrap();
	});
}

#[test]
fn notarization_weights_are_measured_and_fit_many_times_in_a_block() {
	use pallet_notarization::{WeightInfo, MAX_PROOF_LEN};
	type W = pallet_notarization::weights::SubstrateWeight<Runtime>;
	check_weights(&[
		("notarize", W::notarize()),
		("anchor_batch", W::anchor_batch()),
		("certify(0)", W::certify(0)),
		("certify(MAX_PROOF_LEN)", W::certify(MAX_PROOF_LEN)),
		("mark_admitted", W::mark_admitted()),
		("mark_challenged", W::mark_challenged()),
		("withdraw_certification", W::withdraw_certification()),
		("index_batch_digest(MAX_PROOF_LEN)", W::index_batch_digest(MAX_PROOF_LEN)),
		("freeze", W::freeze()),
		("unfreeze", W::unfreeze()),
	]);
}

#[test]
fn ip_rights_weights_are_measured_and_fit_many_times_in_a_block() {
	use pallet_ip_rights::{WeightInfo, MAX_AUTHORS, MAX_EVIDENCE, MAX_HORIZON_WALK};
	type W = pallet_ip_rights::weights::SubstrateWeight<Runtime>;
	check_weights(&[
		("register_work(MAX_AUTHORS)", W::register_work(MAX_AUTHORS)),
		("transfer", W::transfer()),
		("publish_offer", W::publish_offer()),
		("withdraw_offer", W::withdraw_offer()),
		("take_licence", W::take_licence()),
		("file_dispute(MAX_EVIDENCE)", W::file_dispute(MAX_EVIDENCE)),
		("withdraw_dispute", W::withdraw_dispute()),
		("uphold_ownership", W::uphold_ownership()),
		("uphold_infringement(MAX_HORIZON_WALK)", W::uphold_infringement(MAX_HORIZON_WALK)),
		("reject_dispute", W::reject_dispute()),
		("lift_licence_bar", W::lift_licence_bar()),
		("freeze", W::freeze()),
		("unfreeze", W::unfreeze()),
	]);
}

/// Provenance's one-record calls fit as the other pallets' do; a call over a list of goods
/// (up to `MAX_ITEMS_PER_CALL`, one record and event each) is held to the bound of the
/// one-record calls it replaces: its weight grows with the list, and at its bound it is at most
/// 5 % of a block (twenty full lists, 5,120 goods, a block).
#[test]
fn provenance_weights_are_measured_and_fit_many_times_in_a_block() {
	use pallet_provenance::{WeightInfo, MAX_ITEMS_PER_CALL as N};
	type W = pallet_provenance::weights::SubstrateWeight<Runtime>;
	check_weights(&[
		("register_class", W::register_class()),
		("register_batch", W::register_batch()),
		("scan", W::scan()),
		("confirm_clone", W::confirm_clone()),
		("clear_suspicion", W::clear_suspicion()),
		("report", W::report()),
		("correct", W::correct()),
		("recall_batch", W::recall_batch()),
		("recall_class", W::recall_class()),
		("freeze", W::freeze()),
		("unfreeze", W::unfreeze()),
	]);
	let lists: [(&str, fn(u32) -> frame_support::weights::Weight); 13] = [
		("register_items", W::register_items),
		("register_containers", W::register_containers),
		("pack", W::pack),
		("unpack", W::unpack),
		("offer", W::offer),
		("withdraw_offers", W::withdraw_offers),
		("accept", W::accept),
		("reject", W::reject),
		("inspect", W::inspect),
		("clear_customs", W::clear_customs),
		("put_on_sale", W::put_on_sale),
		("sell", W::sell),
		("destroy", W::destroy),
	];
	let max = <Runtime as frame_system::Config>::BlockWeights::get().max_block;
	for (name, weight) in lists {
		let (one, full) = (weight(1), weight(N));
		check_weights(&[(name, one)]);
		assert!(full.all_lt(max / 20), "{name}({N}) weighs {full:?}, over 5 % of a block");
		let per_item = full.saturating_sub(one).ref_time() / u64::from(N - 1);
		assert!(per_item > 0, "{name}'s weight does not grow with its list");
	}
}

fn check_weights(weights: &[(&str, frame_support::weights::Weight)]) {
	let max = <Runtime as frame_system::Config>::BlockWeights::get().max_block;
	for (name, weight) in weights.iter().copied() {
		// A zero weight was never benchmarked; a call of over 1 % of a block is a design error.
		assert!(weight.ref_time() > 0, "{name} has no measured weight");
		assert!(weight.all_lt(max / 100), "{name} weighs {weight:?}, over 1 % of a block");
	}
}

/// Each domain that locks invoices has a tag of its own, and the invoices' v1 → v2 migration
/// maps old fund expenses to the funds pallet's tag; each kind of record under the one freeze
/// has a tag of its own, shared with a claim tag only where both name the same records (an
/// allocation).
#[test]
fn claim_domains_and_freeze_domains_are_distinct() {
	use regchain_primitives::FreezeDomain;
	let claims = [pallet_invoices::REIMBURSEMENT, pallet_funds::FUND_EXPENSE];
	let freezes = [
		<pallet_funds::AllocationRecords<Runtime> as FreezeDomain>::DOMAIN,
		<pallet_funds::AccountRecords<Runtime> as FreezeDomain>::DOMAIN,
		<pallet_invoices::Pallet<Runtime> as FreezeDomain>::DOMAIN,
		<pallet_credit::Pallet<Runtime> as FreezeDomain>::DOMAIN,
		<pallet_notarization::Pallet<Runtime> as FreezeDomain>::DOMAIN,
		<pallet_provenance::Pallet<Runtime> as FreezeDomain>::DOMAIN,
		<pallet_ip_rights::Pallet<Runtime> as FreezeDomain>::DOMAIN,
	];
	let distinct = |tags: &[[u8; 4]]| tags.iter().collect::<std::collections::BTreeSet<_>>().len();
	assert_eq!(distinct(&claims), claims.len());
	assert_eq!(distinct(&freezes), freezes.len());
	let shared: Vec<_> = claims.iter().filter(|c| freezes.contains(c)).collect();
	assert_eq!(shared, [&pallet_funds::FUND_ALLOCATION]);
	assert_eq!(pallet_invoices::migrations::FUND_EXPENSE, pallet_funds::FUND_EXPENSE);
}

/// The runtime's one entry to every freezable kind routes a `RecordRef` by its tag to the
/// pallet that keeps it — that pallet's refusal for a record it does not have — and names the
/// domain of supervision whose regulators may freeze it; a tag no pallet keeps is refused.
#[test]
fn every_freezable_kind_is_reached_by_its_tag_in_its_domain_of_supervision() {
	use regchain_primitives::{freeze::NO_SUCH_DOMAIN, Domain, FreezableRecords, RecordRef, Remit};
	type All = regchain_runtime::configs::FreezableDomains;
	let kinds = [
		(pallet_funds::FUND_ALLOCATION, Domain::Funds),
		(pallet_funds::FUND_ACCOUNT, Domain::Funds),
		(pallet_invoices::INVOICE, Domain::Invoices),
		(pallet_credit::CREDIT, Domain::Credit),
		(pallet_notarization::NOTARIZATION, Domain::Notarization),
		(pallet_provenance::PROVENANCE, Domain::Provenance),
		(pallet_ip_rights::IP_RIGHTS, Domain::IpRights),
	];
	for (tag, domain) in kinds {
		assert!(All::keeps(tag));
		assert_eq!(All::supervision(tag), Some(domain));
		// Some agency kind regulates each: a freeze is never beyond everyone's remit.
		assert!(regchain_primitives::AgencyKind::ALL
			.iter()
			.any(|kind| kind.remit(domain) == Some(Remit::Regulates)));
	}
	let nowhere = RecordRef::new(*b"none", 1);
	assert!(!All::keeps(nowhere.domain));
	assert_eq!(All::supervision(nowhere.domain), None);
	genesis_of(DEV_RUNTIME_PRESET).execute_with(|| {
		let court = 3;
		assert_eq!(All::freeze(nowhere, court, sp_core::H256::zero()), Err(NO_SUCH_DOMAIN));
		assert_eq!(All::unfreeze(nowhere, court), Err(NO_SUCH_DOMAIN));
		let missing = RecordRef::new(pallet_notarization::NOTARIZATION, 99);
		assert_eq!(All::subject(missing), None);
		assert_eq!(All::frozen(missing), None);
		assert_eq!(
			All::freeze(missing, court, sp_core::H256::zero()),
			Err(pallet_notarization::Error::<Runtime>::RecordNotFound.into())
		);
		let invoice = RecordRef::new(pallet_invoices::INVOICE, 5);
		assert_eq!(
			All::unfreeze(invoice, 1),
			Err(pallet_invoices::Error::<Runtime>::InvoiceNotFound.into())
		);
	});
}

/// Clients generate a function per runtime-API method and view function, with the metadata's
/// parameter names as the function's parameters (polkadot-api's code generator stopped on a
/// parameter named `class`): none may be a reserved word of JavaScript or TypeScript. Call
/// arguments, fields and variants become object keys, where reserved words are legal, or
/// function parameters that `@polkadot/typegen` renames (polkadot-sdk's own `sudo.set_key(new)`
/// is `setKey(updated)` in `@polkadot/api-augment`): the calls' `case` and `class` stay.
#[test]
fn no_runtime_api_parameter_is_a_reserved_word_of_javascript() {
	const RESERVED: &[&str] = &[
		"await",
		"break",
		"case",
		"catch",
		"class",
		"const",
		"continue",
		"debugger",
		"default",
		"delete",
		"do",
		"else",
		"enum",
		"export",
		"extends",
		"false",
		"finally",
		"for",
		"function",
		"if",
		"implements",
		"import",
		"in",
		"instanceof",
		"interface",
		"let",
		"new",
		"null",
		"package",
		"private",
		"protected",
		"public",
		"return",
		"static",
		"super",
		"switch",
		"this",
		"throw",
		"true",
		"try",
		"typeof",
		"var",
		"void",
		"while",
		"with",
		"yield",
	];
	use codec::Decode;
	use frame_metadata::{RuntimeMetadata, RuntimeMetadataPrefixed};
	let opaque = regchain_runtime::Runtime::metadata_at_version(16).expect("metadata v16");
	let prefixed = RuntimeMetadataPrefixed::decode(&mut &opaque[..]).expect("decodes");
	let RuntimeMetadata::V16(metadata) = prefixed.1 else { panic!("not v16") };
	let mut checked = 0;
	for api in &metadata.apis {
		for method in &api.methods {
			for input in &method.inputs {
				let name = input.name.as_str();
				assert!(!RESERVED.contains(&name), "{}::{}({name})", api.name, method.name);
				checked += 1;
			}
		}
	}
	for pallet in &metadata.pallets {
		for function in &pallet.view_functions {
			for input in &function.inputs {
				let name = input.name.as_str();
				assert!(!RESERVED.contains(&name), "{}::{}({name})", pallet.name, function.name);
			}
		}
	}
	assert!(checked > 100, "the runtime APIs' parameters were read ({checked})");
}
