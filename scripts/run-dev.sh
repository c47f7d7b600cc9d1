#!/usr/bin/env bash
# The main job: set up the machine, build, and run a single-validator development chain on
# the embedded ParityDB database. RPC (Polkadot.js) on ws://127.0.0.1:9944.
# Extra arguments go to the node, e.g. `scripts/run-dev.sh --base-path /tmp/regchain-dev`
# to keep the chain between runs (by default `--dev` uses a temporary directory).
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
"$REPO_ROOT/scripts/setup.sh"
build_node
log "starting the dev chain: connect Polkadot.js Apps to ws://127.0.0.1:$RPC_PORT_BASE"
exec "$NODE_BIN" --dev --database paritydb --rpc-port "$RPC_PORT_BASE" --rpc-cors all "$@"
