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
REGCHAIN_NODE="$NODE_BIN" node --test --test-concurrency=1 ./*.test.mjs
