//! Runtime-level tests: pallet indices are pinned, the genesis presets build the states they
//! promise, and the chain constants are the documented ones.

use frame_support::traits::PalletInfoAccess;
use regchain_runtime::{
	genesis_config_presets::{get_preset, preset_names, DEV_ENDOWMENT, LOCAL_AGENCIES},
	Aura, Balances, BuildStorage, Consortium, Grandpa, Runtime, RuntimeGenesisConfig, Sudo, System,
	Timestamp, TransactionPayment, MILLI_SECS_PER_BLOCK, SS58_PREFIX, VERSION,
};
use serde_json::Value;
use sp_genesis_builder::{DEV_RUNTIME_PRESET, LOCAL_TESTNET_RUNTIME_PRESET};
use sp_keyring::{Ed25519Keyring, Sr25519Keyring};

/// Applies a preset's patch over the default genesis config, as the chain-spec builder does.
fn merge(base: &mut Value, patch: Value) {
	match (base, patch) {
		(Value::Object(base), Value::Object(patch)) => {
			for (key, value) in patch {
				merge(base.entry(key).or_insert(Value::Null), value);
			}
		},
		(base, patch) => *base = patch,
	}
}

fn genesis_of(preset: &str) -> sp_io::TestExternalities {
	let patch: Value = serde_json::from_slice(
		&get_preset(&preset.into()).unwrap_or_else(|| panic!("preset {preset} exists")),
	)
	.expect("a preset is JSON");
	let mut config = serde_json::to_value(RuntimeGenesisConfig::default()).unwrap();
	merge(&mut config, patch);
	let config: RuntimeGenesisConfig =
		serde_json::from_value(config).expect("the patched preset is a valid genesis config");
	config.build_storage().expect("genesis builds").into()
}

#[test]
fn pallet_indices_are_pinned() {
	// Changing one breaks every encoded call and storage key of that pallet: never do it.
	assert_eq!(System::index(), 0);
	assert_eq!(Timestamp::index(), 1);
	assert_eq!(Aura::index(), 2);
	assert_eq!(Grandpa::index(), 3);
	assert_eq!(Balances::index(), 4);
	assert_eq!(TransactionPayment::index(), 5);
	assert_eq!(Sudo::index(), 6);
	assert_eq!(Consortium::index(), 10);
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
	let max = <Runtime as frame_system::Config>::BlockWeights::get().max_block;
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
	];
	for (name, weight) in weights {
		// A zero weight was never benchmarked; a call of over 1 % of a block is a design error.
		assert!(weight.ref_time() > 0 && weight.proof_size() > 0, "{name} has no measured weight");
		assert!(weight.all_lt(max / 100), "{name} weighs {weight:?}, over 1 % of a block");
	}
}
