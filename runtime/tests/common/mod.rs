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
	config.build_storage().expect("genesis builds").into()
}
