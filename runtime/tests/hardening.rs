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
	(
		frame_system::CheckNonZeroSender::new(),
		frame_system::CheckSpecVersion::new(),
		frame_system::CheckTxVersion::new(),
		frame_system::CheckGenesis::new(),
		frame_system::CheckEra::from(Era::Immortal),
		pallet_consortium::CheckMember::new(),
		frame_system::CheckNonce::from(nonce),
		frame_system::CheckWeight::new(),
		pallet_transaction_payment::ChargeTransactionPayment::from(0),
		frame_system::WeightReclaim::new(),
	)
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
