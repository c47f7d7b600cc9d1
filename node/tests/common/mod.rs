//! Helpers shared by the node's integration tests, which run the real `regchain-node` binary.
#![allow(dead_code)]

use std::{
	path::PathBuf,
	process::{Command, Output},
};

/// The binary cargo built for these tests.
pub fn node() -> Command {
	Command::new(env!("CARGO_BIN_EXE_regchain-node"))
}

/// Runs the node with `args` and returns its output.
pub fn run(args: &[&str]) -> Output {
	node().args(args).output().expect("the node binary runs")
}

/// The repository root.
pub fn repo_root() -> PathBuf {
	PathBuf::from(env!("CARGO_MANIFEST_DIR")).parent().expect("node/ has a parent").to_path_buf()
}

/// A fresh, empty directory for one test.
pub fn temp_dir(name: &str) -> PathBuf {
	let dir = std::env::temp_dir().join(format!("regchain-test-{name}-{}", std::process::id()));
	let _ = std::fs::remove_dir_all(&dir);
	std::fs::create_dir_all(&dir).expect("temp dir");
	dir
}

pub fn stderr(output: &Output) -> String {
	String::from_utf8_lossy(&output.stderr).into_owned()
}
