# Shared settings of the RegChain scripts; sourced, never run.
# One cargo target directory outside the clone, shared by builds, tests and CI, so that a
# fresh clone reuses the last build (a clean Substrate build takes over 20 minutes).
set -euo pipefail

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/regchain/target}"
NODE_BIN="${REGCHAIN_NODE:-$CARGO_TARGET_DIR/release/regchain-node}"

# The flags every validator of a RegChain network runs with; docker/docker-compose.yml uses
# the same (node/tests/operator_files.rs checks that they agree).
VALIDATOR_FLAGS=(--validator --database paritydb --rpc-cors all --allow-private-ip)
P2P_PORT_BASE="${REGCHAIN_P2P_PORT_BASE:-30333}"
RPC_PORT_BASE="${REGCHAIN_RPC_PORT_BASE:-9944}"
PROMETHEUS_PORT_BASE="${REGCHAIN_PROMETHEUS_PORT_BASE:-9615}"

log() { printf '[regchain] %s\n' "$*" >&2; }
die() { printf '[regchain] error: %s\n' "$*" >&2; exit 1; }

# Builds the node in release mode from the committed lock file.
# Builds the node and, in the same cargo run, the command-line tool `regchain-cli`: built apart,
# the tool's smaller feature set would rebuild hundreds of shared crates a second time. With
# extra arguments (e.g. `--features runtime-benchmarks`), the node only.
build_node() {
	log "building regchain-node (release, --locked) in $CARGO_TARGET_DIR"
	if [ $# -eq 0 ]; then
		(cd "$REPO_ROOT" && cargo build --release --locked -p regchain-node -p regchain-cli)
	else
		(cd "$REPO_ROOT" && cargo build --release --locked -p regchain-node "$@")
	fi
}

require_node() {
	[ -x "$NODE_BIN" ] || die "no node binary at $NODE_BIN: run scripts/build.sh first"
}

# JSON-RPC call on 127.0.0.1:<port>; prints the `result` field as JSON.
rpc() {
	local port=$1 method=$2 params=${3:-[]}
	curl -sf -m 5 -H 'Content-Type: application/json' \
		-d "{\"id\":1,\"jsonrpc\":\"2.0\",\"method\":\"$method\",\"params\":$params}" \
		"http://127.0.0.1:$port" | python3 -c 'import json,sys; print(json.dumps(json.load(sys.stdin)["result"]))'
}

# Finalized block number seen by the node on an RPC port (empty if it does not answer).
finalized_number() {
	local port=$1 hash
	hash=$(rpc "$port" chain_getFinalizedHead 2>/dev/null) || return 0
	rpc "$port" chain_getHeader "[$hash]" 2>/dev/null |
		python3 -c 'import json,sys; print(int(json.load(sys.stdin)["number"],16))'
}
