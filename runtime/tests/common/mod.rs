//! Helpers shared by the runtime tests.
#![allow(dead_code)]

use regchain_runtime::{genesis_config_presets::get_preset, BuildStorage, RuntimeGenesisConfig};
use serde_json::Value;

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

pub fn genesis_of(preset: &str) -> sp_io::TestExternalities {
	let patch: Value = serde_json::from_slice(
		&get_preset(&preset.into()).unwrap_or_else(|| panic!("preset {preset} exists")),
	)
	.expect("a preset is JSON");
	let mut config = serde_json::to_value(RuntimeGenesisConfig::default()).unwrap();
	merge(&mut config, patch);
	let config: RuntimeGenesisConfig =
		serde_json::from_value(config).expect("the patched preset is a valid genesis config");
	let mut ext: sp_io::TestExternalities = config.build_storage().expect("genesis builds").into();
	ext.execute_with(|| pallet_timestamp::Now::<regchain_runtime::Runtime>::put(NOW));
	ext
}

/// The on-chain time the tests run at (as the last block set it): 2026-11-10 12:00 in
/// Beijing. A network's genesis has no time; the first block sets it.
pub const NOW: regchain_primitives::time::Moment = 1_794_283_200_000;

/// The sr25519 key of `seed` (e.g. `"//Fresh/3"`).
pub fn pair(seed: &str) -> sp_core::sr25519::Pair {
	use sp_core::Pair;
	sp_core::sr25519::Pair::from_string(seed, None).expect("a valid seed")
}

/// `seed`'s account and its consent to be the first account of the organization of `kind`
/// that the agency `registrar` registers under `credit_code`, valid until `valid_until`.
pub fn register_consent(
	seed: &str,
	kind: regchain_primitives::OrgKind,
	registrar: regchain_primitives::OrgId,
	credit_code: &[u8],
	valid_until: regchain_primitives::time::Moment,
) -> (regchain_runtime::AccountId, regchain_runtime::Signature) {
	use sp_core::Pair;
	let pair = pair(seed);
	let message = pallet_consortium::Pallet::<regchain_runtime::Runtime>::register_message(
		kind,
		registrar,
		credit_code,
		valid_until,
	);
	(pair.public().into(), pair.sign(&message).into())
}

/// In the local testnet, market regulation (`Charlie`) registers an enterprise under `code`
/// whose first account, `who`, consents; its term ends 1,000 days from [`NOW`].
pub fn register_enterprise(
	who: sp_keyring::Sr25519Keyring,
	code: &[u8],
) -> sp_runtime::DispatchResult {
	register_member(
		sp_keyring::Sr25519Keyring::Charlie,
		regchain_primitives::OrgKind::Enterprise,
		&who.to_seed(),
		code,
	)
}

/// In the local testnet, `registrar` (market regulation for enterprises, the credit regulator
/// `Ferdie` for financial institutions) registers a member of `kind` under `code` whose first
/// account, `seed`'s, consents; its term ends 1,000 days from [`NOW`].
pub fn register_member(
	registrar: sp_keyring::Sr25519Keyring,
	kind: regchain_primitives::OrgKind,
	seed: &str,
	code: &[u8],
) -> sp_runtime::DispatchResult {
	let until = NOW + regchain_primitives::time::HOUR;
	let by = pallet_consortium::AccountOrganization::<regchain_runtime::Runtime>::get(
		registrar.to_account_id(),
	)
	.expect("the registrar is a member");
	let (account, signature) = register_consent(seed, kind, by, code, until);
	pallet_consortium::Pallet::<regchain_runtime::Runtime>::register_organization(
		regchain_runtime::RuntimeOrigin::signed(registrar.to_account_id()),
		kind,
		b"Member".to_vec(),
		code.to_vec(),
		account,
		NOW + 1_000 * regchain_primitives::time::DAY,
		until,
		signature,
	)
}
