#!/usr/bin/env bash
# Runs all the tests: set-up, the release build of the node, the Rust unit and integration
# tests (same profile as the node, so they reuse its artifacts), the pallets' benchmark tests,
# then the end-to-end tests that drive the real binary through @polkadot/api (a dev chain, the
# consortium pallet, a 4-validator network).
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
"$REPO_ROOT/scripts/setup.sh"
build_node
log "cargo test --release (unit, runtime and node integration tests)"
(cd "$REPO_ROOT" && cargo test --release --locked --workspace)
# The pallets' benchmarks double as tests (impl_benchmark_test_suite!), on their mock runtimes.
benched=()
for dir in "$REPO_ROOT"/pallets/*/; do
	[ -f "$dir/src/benchmarking.rs" ] && benched+=(-p "pallet-$(basename "$dir")")
done
if [ ${#benched[@]} -gt 0 ]; then
	log "benchmark tests: ${benched[*]}"
	(cd "$REPO_ROOT" && cargo test --release --locked "${benched[@]}" --features runtime-benchmarks)
fi
log "end-to-end tests: real node processes on 127.0.0.1, driven by @polkadot/api"
cd "$REPO_ROOT/node/tests/e2e"
export REGCHAIN_NODE="$NODE_BIN"
export REGCHAIN_CLI="$CARGO_TARGET_DIR/release/regchain-cli"
# Each dev-chain suite starts its own dev node, which idles between its 6-second blocks, so
# those suites run side by side. Every test has a time limit: a lost transaction or a stuck
# node fails its test instead of hanging the run.
# The load harness's bursts (load_harness) measure the node under load, so they run alone.
# The 4-validator network (local_network) mostly waits for sessions to turn (a validator
# change takes two): the harness's tiny run of each domain call (load_kinds), which barely
# loads its dev node, runs beside it.
dev_suites=()
for suite in ./*.test.mjs; do
	case "$suite" in
	./local_network.test.mjs | ./load_harness.test.mjs | ./load_kinds.test.mjs) ;;
	*) dev_suites+=("$suite") ;;
	esac
done
status=0
node --test --test-concurrency=5 --test-timeout=600000 "${dev_suites[@]}" || status=1
# Node's test runner counts the file's whole run against --test-timeout too.
node --test --test-timeout=1500000 ./load_harness.test.mjs || status=1
node --test --test-concurrency=2 --test-timeout=1500000 ./local_network.test.mjs ./load_kinds.test.mjs || status=1
exit $status
