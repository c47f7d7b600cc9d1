//! No docker engine runs on our machines, so the container files are checked by reading them:
//! the compose network must use the same validator flags, port scheme, keys and boot node as
//! `scripts/start-local-network.sh`, and the Dockerfile must install what `scripts/setup.sh`
//! installs.

mod common;
use common::{repo_root, run, temp_dir};
use std::collections::BTreeMap;

fn read(path: &str) -> String {
	std::fs::read_to_string(repo_root().join(path)).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// One compose service: its command, environment and port mappings, in file order.
#[derive(Default, Debug)]
struct Service {
	command: Vec<String>,
	environment: BTreeMap<String, String>,
	ports: Vec<String>,
}

/// A reader for the small, regular compose file we write (not general YAML).
fn compose_services() -> Vec<(String, Service)> {
	let text = read("docker/docker-compose.yml");
	let mut services: Vec<(String, Service)> = Vec::new();
	let mut in_services = false;
	let mut section = "";
	for line in text.lines().filter(|l| !l.trim().is_empty()) {
		if !line.starts_with(' ') {
			in_services = line == "services:";
			continue;
		}
		if !in_services || line.trim_start().starts_with('#') {
			continue;
		}
		let indent = line.len() - line.trim_start().len();
		let item = line.trim();
		match indent {
			2 => services.push((item.trim_end_matches(':').to_string(), Service::default())),
			4 => section = item.trim_end_matches(':').split(':').next().unwrap_or(""),
			_ => {
				let service = &mut services.last_mut().expect("inside a service").1;
				let unquote = |s: &str| s.trim().trim_matches('"').to_string();
				match section {
					"command" => service.command.push(unquote(item.trim_start_matches("- "))),
					"ports" => service.ports.push(unquote(item.trim_start_matches("- "))),
					"environment" => {
						let (k, v) = item.split_once(':').expect("KEY: value");
						service.environment.insert(k.to_string(), unquote(v));
					},
					_ => {},
				}
			},
		}
	}
	services
}

/// `VALIDATOR_FLAGS=(…)` and the port bases from scripts/lib.sh.
fn script_settings() -> (Vec<String>, [u16; 3]) {
	let lib = read("scripts/lib.sh");
	let flags_line = lib
		.lines()
		.find(|l| l.starts_with("VALIDATOR_FLAGS=("))
		.expect("scripts/lib.sh defines VALIDATOR_FLAGS");
	let flags = flags_line
		.trim_start_matches("VALIDATOR_FLAGS=(")
		.trim_end_matches(')')
		.split_whitespace()
		.map(String::from)
		.collect();
	let base = |name: &str| -> u16 {
		let line = lib.lines().find(|l| l.starts_with(name)).expect(name);
		let digits: String =
			line.rsplit(":-").next().unwrap().chars().take_while(char::is_ascii_digit).collect();
		digits.parse().expect("a port number")
	};
	(flags, [base("P2P_PORT_BASE="), base("RPC_PORT_BASE="), base("PROMETHEUS_PORT_BASE=")])
}

#[test]
fn compose_validators_use_the_scripts_flags_and_ports() {
	let (flags, [p2p, rpc, prometheus]) = script_settings();
	let services = compose_services();
	assert_eq!(services.len(), 4, "four agency validators");
	for (i, (name, service)) in services.iter().enumerate() {
		let command = service.command.join(" ");
		assert!(command.contains(&flags.join(" ")), "{name}: missing `{}`", flags.join(" "));
		assert!(command.contains("--chain local"), "{name}: runs the local chain");
		let i = i as u16;
		for (host, container, flag) in [
			(p2p + i, 30333, "--port"),
			(rpc + i, 9944, "--rpc-port"),
			(prometheus + i, 9615, "--prometheus-port"),
		] {
			assert!(
				service.ports.contains(&format!("{host}:{container}")),
				"{name}: {host}:{container}"
			);
			assert!(command.contains(&format!("{flag} {container}")), "{name}: {flag} {container}");
		}
	}
}

#[test]
fn compose_keys_are_the_local_agencies_in_order() {
	let start = read("scripts/start-local-network.sh");
	let seeds: Vec<String> = compose_services()
		.iter()
		.map(|(_, s)| s.environment["SESSION_SURI"].trim_start_matches("//").to_string())
		.collect();
	assert_eq!(seeds, ["Alice", "Bob", "Charlie", "Dave"]);
	assert!(start.contains("SEEDS=(Alice Bob Charlie Dave"), "the script uses the same seeds");
}

/// The `local` chain's well-known nodes have the ed25519 seeds of the agencies' dev seeds as
/// node keys (runtime test `local_testnet_preset_has_four_agency_validators_and_no_sudo`):
/// the compose network and the start script must use exactly those, or no validator would
/// accept the others as peers.
#[test]
fn compose_node_keys_are_the_well_known_nodes_of_the_local_chain() {
	let start = read("scripts/start-local-network.sh");
	assert!(start.contains("ed25519 secretSeed"), "the script derives node keys the same way");
	for (name, service) in compose_services() {
		let seed = &service.environment["SESSION_SURI"];
		let output = run(&["key", "inspect", "--scheme", "ed25519", "--output-type", "json", seed]);
		assert!(output.status.success());
		let json: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
		let expected = json["secretSeed"].as_str().unwrap().trim_start_matches("0x");
		assert_eq!(
			service.environment.get("NODE_KEY").map(String::as_str),
			Some(expected),
			"{name}"
		);
	}
}

#[test]
fn compose_bootnode_peer_id_belongs_to_the_first_node_key() {
	let services = compose_services();
	let key = &services[0].1.environment["NODE_KEY"];
	let dir = temp_dir("compose-node-key");
	let file = dir.join("node-key");
	std::fs::write(&file, key).unwrap();
	let output = run(&["key", "inspect-node-key", "--file", file.to_str().expect("a UTF-8 path")]);
	assert!(output.status.success());
	let peer_id = String::from_utf8(output.stdout).unwrap().trim().to_string();
	for (name, service) in &services[1..] {
		let bootnode = format!("/dns/{}/tcp/30333/p2p/{peer_id}", services[0].0);
		assert!(service.command.contains(&bootnode), "{name} dials {bootnode}");
	}
	std::fs::remove_dir_all(dir).unwrap();
}

#[test]
fn dockerfile_installs_what_the_setup_script_installs() {
	let dockerfile = read("docker/Dockerfile");
	let setup = read("scripts/setup.sh");
	for needed in ["protobuf-compiler", "wasm32v1-none", "wasm32-unknown-unknown", "rust-src"] {
		assert!(setup.contains(needed), "setup.sh installs {needed}");
		assert!(dockerfile.contains(needed), "Dockerfile installs {needed}");
	}
	assert!(dockerfile.contains("cargo build --release --locked -p regchain-node"));
	assert!(dockerfile.contains("EXPOSE 30333 9944 9615"));
}
