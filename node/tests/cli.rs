//! Bad input on the command line is refused with a clear message and a failing exit code.

mod common;
use common::{run, stderr, temp_dir};

fn assert_refused(args: &[&str], expected: &str) {
	let output = run(args);
	assert!(!output.status.success(), "{args:?} should fail");
	let err = stderr(&output);
	assert!(err.contains(expected), "{args:?}: expected `{expected}` in:\n{err}");
}

#[test]
fn unknown_chain_is_refused_with_the_accepted_names() {
	assert_refused(
		&["build-spec", "--chain", "no-such-network"],
		"unknown chain `no-such-network`: expected `dev`, `local`, `consortium:<operator config JSON>`",
	);
}

#[test]
fn malformed_chain_spec_file_is_refused() {
	let dir = temp_dir("malformed-spec");
	let spec = dir.join("spec.json");
	std::fs::write(&spec, "{ \"name\": \"half a spec\", ").unwrap();
	assert_refused(&["build-spec", "--chain", spec.to_str().unwrap()], "invalid chain spec");
	std::fs::remove_dir_all(dir).unwrap();
}

#[test]
fn consortium_config_errors_name_the_problem() {
	let dir = temp_dir("consortium-config");
	let write = |name: &str, text: &str| {
		let path = dir.join(name);
		std::fs::write(&path, text).unwrap();
		format!("consortium:{}", path.display())
	};

	let missing = format!("consortium:{}", dir.join("absent.json").display());
	assert_refused(&["build-spec", "--chain", &missing], "cannot read consortium config");

	let not_json = write("not-json.json", "agencies = []");
	assert_refused(&["build-spec", "--chain", &not_json], "malformed consortium config");

	let typo =
		write("typo.json", r#"{"name":"N","id":"n","protocol_id":"n","agencies":[],"acounts":[]}"#);
	assert_refused(&["build-spec", "--chain", &typo], "unknown field `acounts`");

	let empty = write("empty.json", r#"{"name":"N","id":"n","protocol_id":"n","agencies":[]}"#);
	assert_refused(&["build-spec", "--chain", &empty], "at least one agency validator is required");

	let bad_key = write(
		"bad-key.json",
		r#"{"name":"N","id":"n","protocol_id":"n","agencies":[
			{"name":"Tax Bureau","kind":"TaxBureau","account":"5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY",
			 "aura":"not-a-key","grandpa":"5FA9nQDVg267DEd8m1ZypXLBnvN7SFxYwV7ndqSYGiN9TTpu",
			 "peer_id":"12D3KooWK2cN7Q5kmpLfpypBiNg51TiHmAfWgwUzLqHmZ3G4BELm"}]}"#,
	);
	assert_refused(
		&["build-spec", "--chain", &bad_key],
		"agency `Tax Bureau`: `aura` is not a valid SS58 key",
	);

	// Every validator node must be named: only well-known nodes get peers.
	let no_peer = write(
		"no-peer.json",
		r#"{"name":"N","id":"n","protocol_id":"n","agencies":[
			{"name":"Tax Bureau","kind":"TaxBureau","account":"5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY",
			 "aura":"5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY","grandpa":"5FA9nQDVg267DEd8m1ZypXLBnvN7SFxYwV7ndqSYGiN9TTpu"}]}"#,
	);
	assert_refused(&["build-spec", "--chain", &no_peer], "missing field `peer_id`");

	std::fs::remove_dir_all(dir).unwrap();
}

#[test]
fn rocksdb_is_not_built_in() {
	// ParityDB is the only embedded database: the RocksDB C++ library is not compiled.
	assert_refused(&["--dev", "--database", "rocksdb"], "invalid value 'rocksdb'");
}

#[test]
fn version_and_help_work() {
	let output = run(&["--version"]);
	assert!(output.status.success());
	assert!(String::from_utf8_lossy(&output.stdout).starts_with("regchain-node "));
	let output = run(&["--help"]);
	assert!(output.status.success());
	let help = String::from_utf8_lossy(&output.stdout);
	for sub in ["build-spec", "key", "purge-chain", "export-blocks", "check-block", "benchmark"] {
		assert!(help.contains(sub), "--help lists `{sub}`");
	}
}
