//! Helpers shared by the node's integration tests, which run the real `regchain-node` binary.
#![allow(dead_code)]

use std::{
	io::Read,
	path::PathBuf,
	process::{Command, Output, Stdio},
	time::{Duration, Instant},
};

/// The binary cargo built for these tests.
pub fn node() -> Command {
	Command::new(env!("CARGO_BIN_EXE_regchain-node"))
}

/// How long a command of these tests may run: all of them exit within seconds; one that
/// does not (e.g. a node that started instead of refusing its arguments) fails its test
/// instead of hanging the run.
const TIME_LIMIT: Duration = Duration::from_secs(120);

/// Runs the node with `args` and returns its output; kills it and panics after
/// [`TIME_LIMIT`].
pub fn run(args: &[&str]) -> Output {
	let mut child = node()
		.args(args)
		.stdin(Stdio::null())
		.stdout(Stdio::piped())
		.stderr(Stdio::piped())
		.spawn()
		.expect("the node binary runs");
	// Drain both pipes on their own threads, so a chatty child never blocks on a full pipe.
	let drain = |pipe: Option<Box<dyn Read + Send>>| {
		std::thread::spawn(move || {
			let mut bytes = Vec::new();
			if let Some(mut pipe) = pipe {
				let _ = pipe.read_to_end(&mut bytes);
			}
			bytes
		})
	};
	let stdout = drain(child.stdout.take().map(|p| Box::new(p) as Box<dyn Read + Send>));
	let stderr = drain(child.stderr.take().map(|p| Box::new(p) as Box<dyn Read + Send>));
	let started = Instant::now();
	let status = loop {
		if let Some(status) = child.try_wait().expect("the node can be waited for") {
			break status;
		}
		if started.elapsed() > TIME_LIMIT {
			let _ = child.kill();
			let _ = child.wait();
			panic!("`regchain-node {}` still ran after {TIME_LIMIT:?}", args.join(" "));
		}
		std::thread::sleep(Duration::from_millis(50));
	};
	Output {
		status,
		stdout: stdout.join().expect("stdout drained"),
		stderr: stderr.join().expect("stderr drained"),
	}
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
