#!/usr/bin/env bash
# Measures what the runtime's weights assume of the node, on this machine, and writes it to
# runtime/src/weights/:
#  - paritydb_weights.rs: one storage read and one write in the node's ParityDB, on a dev-chain
#    state the load harness filled with one-line invoices of several issuers (the keys a busy
#    chain holds), cold (no trie cache): `benchmark storage`;
#  - block_weights.rs and extrinsic_weights.rs: executing an empty block, and the smallest
#    signed extrinsic (signature check and every transaction extension): `benchmark overhead`.
# The node built with `runtime-benchmarks` cannot run a chain, so the state is filled by the
# normal node first. Run on the reference machine with nothing else running; rebuild the normal
# node afterwards (scripts/build.sh) and regenerate the chain specs.
#
#   scripts/benchmark-weights.sh [invoices]     default: 20000
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
invoices="${1:-20000}"
weights="$REPO_ROOT/runtime/src/weights"
"$REPO_ROOT/scripts/setup.sh"
build_node
state="$(mktemp -d /tmp/regchain-storage-XXXXXX)"
trap 'rm -rf "$state"' EXIT
log "filling a dev-chain state with $invoices invoices"
(cd "$REPO_ROOT/node/tests/e2e" && REGCHAIN_NODE="$NODE_BIN" \
	node bench.mjs --kind invoice1 --count "$invoices" --senders 4 --base-path "$state")
build_node --features runtime-benchmarks

log "benchmark storage on $state"
"$NODE_BIN" benchmark storage --chain dev --base-path "$state" --database paritydb \
	--state-version 1 --warmups 2 --disable-pov-recorder --batch-size 2000 --metric p99 \
	--template-path "$REPO_ROOT/scripts/storage-weight-template.hbs" --weight-path "$weights"

# The dev genesis gives Alice's agency the default quota of 1,000 transactions per period:
# 800 remarks per block measure the per-extrinsic cost well within it.
log "benchmark overhead"
"$NODE_BIN" benchmark overhead --chain dev --max-ext-per-block 800 --warmup 10 --repeat 50 --metric p95 \
	--weight-path "$weights"
# The generated files name the host and the paths of the run; keep only what describes the
# measurement, so that regenerating on the same hardware changes the figures only.
for file in "$weights/block_weights.rs" "$weights/extrinsic_weights.rs"; do
	sed -i -e 's/^\/\/! HOSTNAME: `[^`]*`, /\/\/! /' -e '/^\/\/! WEIGHT-PATH:/d' \
		-e '/^\/\/ Executed Command:/,/^$/d' -e '1{/^$/d}' "$file"
done
log "wrote $weights/{paritydb_weights,block_weights,extrinsic_weights}.rs"
