#!/usr/bin/env bash
# Stops the network started by scripts/start-local-network.sh (keeps its logs and databases).
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
NET_DIR="${REGCHAIN_NET_DIR:-/tmp/regchain-net}"
[ -f "$NET_DIR/pids" ] || { log "no network running in $NET_DIR"; exit 0; }
pids=$(cut -d' ' -f1 "$NET_DIR/pids")
kill $pids 2>/dev/null || true
for _ in $(seq 1 50); do
	alive=0
	for pid in $pids; do kill -0 "$pid" 2>/dev/null && alive=1; done
	[ "$alive" -eq 0 ] && break
	sleep 0.2
done
for pid in $pids; do kill -9 "$pid" 2>/dev/null || true; done
rm -f "$NET_DIR/pids"
log "stopped $(echo $pids | wc -w) node(s); logs remain in $NET_DIR"
