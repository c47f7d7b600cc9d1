//! The committed chain specs are what the node generates (`scripts/generate-chain-specs.sh`).
//!
//! The runtime Wasm (`:code`) is left out of the comparison: it embeds the paths it was built
//! from, so two clones build different bytes; everything else (genesis state, names, ids,
//! properties, boot nodes) must match exactly.

mod common;
use common::{repo_root, run, stderr};
use serde_json::Value;

/// Storage key of the runtime code, `:code`.
const CODE_KEY: &str = "0x3a636f6465";

fn without_code(mut spec: Value) -> Value {
	if let Some(top) = spec.pointer_mut("/genesis/raw/top").and_then(Value::as_object_mut) {
		assert!(top.remove(CODE_KEY).is_some(), "a raw spec carries the runtime code");
	}
	if let Some(genesis) =
		spec.pointer_mut("/genesis/runtimeGenesis").and_then(Value::as_object_mut)
	{
		assert!(genesis.remove("code").is_some(), "a plain spec carries the runtime code");
	}
	spec
}

fn check(file: &str, chain: &str, raw: bool) {
	let mut args = vec!["build-spec", "--chain", chain, "--disable-default-bootnode"];
	if raw {
		args.push("--raw");
	}
	let output = run(&args);
	assert!(output.status.success(), "build-spec {chain}: {}", stderr(&output));
	let generated: Value = serde_json::from_slice(&output.stdout).expect("build-spec prints JSON");
	let path = repo_root().join("chain-specs").join(file);
	let committed: Value = serde_json::from_str(
		&std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display())),
	)
	.expect("committed spec is JSON");
	assert!(
		without_code(generated) == without_code(committed),
		"chain-specs/{file} is stale: run scripts/generate-chain-specs.sh and commit the result"
	);
}

fn consortium() -> String {
	format!("consortium:{}", repo_root().join("chain-specs/consortium.config.json").display())
}

#[test]
fn local_specs_match_the_node() {
	check("local.json", "local", false);
	check("local-raw.json", "local", true);
}

#[test]
fn consortium_specs_match_the_node() {
	check("consortium.json", &consortium(), false);
	check("consortium-raw.json", &consortium(), true);
}
