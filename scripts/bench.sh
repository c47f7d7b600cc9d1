#!/usr/bin/env bash
# The load harness: builds the node, then for each kind of call starts a chain of its own (a dev
# chain, or the 4-validator local network), submits N pre-signed extrinsics from K member
# organizations — all at once, or at a rate — and prints what it measured (extrinsics per
# block, TPS, latency to inclusion and finality, refusals and failures, the weight-bound limit,
# node RSS and CPU). Results: docs/performance.md.
#
#   scripts/bench.sh [--count N] [--senders K] [--rate TX_PER_S [--duration S]]
#                    [--network dev|local] [kind ...]     kinds: invoice1 invoice32 expense transfer attest notarize anchor items
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
count=4000
senders=8
kinds=()
extra=()
while [ $# -gt 0 ]; do
	case "$1" in
	--count) count="$2"; shift 2 ;;
	--senders) senders="$2"; shift 2 ;;
	--rate | --duration | --network) extra+=("$1" "$2"); shift 2 ;;
	-*) die "unknown option $1" ;;
	*) kinds+=("$1"); shift ;;
	esac
done
[ ${#kinds[@]} -gt 0 ] || kinds=(invoice1 invoice32 expense transfer attest notarize anchor items)
"$REPO_ROOT/scripts/setup.sh"
build_node
export REGCHAIN_NODE="$NODE_BIN"
cd "$REPO_ROOT/node/tests/e2e"
status=0
for kind in "${kinds[@]}"; do
	log "load: $count × $kind from $senders senders"
	node bench.mjs --kind "$kind" --count "$count" --senders "$senders" "${extra[@]}" || status=1
done
exit $status
