#!/usr/bin/env bash
# Starts an N-validator RegChain network on 127.0.0.1 (default N=4, the `local_testnet`
# agencies) and waits until every node sees finality advance.
#
#   scripts/start-local-network.sh [N]        stop it with scripts/stop-local-network.sh
#
# Each validator gets its own base path under $REGCHAIN_NET_DIR (default /tmp/regchain-net),
# its own ports (p2p 30333+i, RPC 9944+i, Prometheus 9615+i for i = 0…N-1; the bases can be
# moved with REGCHAIN_P2P_PORT_BASE, REGCHAIN_RPC_PORT_BASE, REGCHAIN_PROMETHEUS_PORT_BASE),
# its Aura (sr25519) and GRANDPA (ed25519) session keys inserted by the node's own
# `key insert` — never `--alice`-style shortcuts — and as node key the ed25519 secret seed of
# the same dev seed, so that its peer id is one of the chain's well-known nodes (validators
# accept no other peers). N=4 uses the `local` chain; any other N writes a consortium config
# whose agencies use the dev seeds //Alice, //Bob … (then //Agency7 …) and builds the chain
# spec from it.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
require_node

N="${1:-4}"
[[ "$N" =~ ^[0-9]+$ ]] && [ "$N" -ge 1 ] && [ "$N" -le 32 ] || die "N must be 1…32, got '$N'"
NET_DIR="${REGCHAIN_NET_DIR:-/tmp/regchain-net}"
FINALITY_TIMEOUT="${REGCHAIN_FINALITY_TIMEOUT:-180}"

if [ -f "$NET_DIR/pids" ]; then
	die "$NET_DIR/pids exists: a network may be running; run scripts/stop-local-network.sh first"
fi
rm -rf "$NET_DIR"
mkdir -p "$NET_DIR"

SEEDS=(Alice Bob Charlie Dave Eve Ferdie)
AGENCIES=("Finance Bureau" "Tax Bureau" "Market Regulation Administration" "Intermediate People's Court" "IP Office" "Credit Regulator")
KINDS=(FinanceBureau TaxBureau MarketRegulation Court IpOffice CreditRegulator)
seed_of() { local i=$1; if [ "$i" -le ${#SEEDS[@]} ]; then echo "//${SEEDS[$((i - 1))]}"; else echo "//Agency$i"; fi; }
kind_of() { echo "${KINDS[$((($1 - 1) % ${#KINDS[@]}))]}"; }
name_of() { local i=$1; if [ "$i" -le ${#AGENCIES[@]} ]; then echo "${AGENCIES[$((i - 1))]}"; else echo "Agency $i"; fi; }
inspect() { # seed scheme field -> a field of `key inspect`
	"$NODE_BIN" key inspect --scheme "$2" --output-type json "$1" |
		python3 -c 'import json,sys; print(json.load(sys.stdin)[sys.argv[1]])' "$3"
}
public_of() { inspect "$1" "$2" ss58PublicKey; }
# Writes the node key of validator i (the ed25519 seed of its dev seed) and prints its peer id.
node_key_of() {
	local i=$1 dir="$NET_DIR/node$1"
	mkdir -p "$dir"
	inspect "$(seed_of "$i")" ed25519 secretSeed | sed 's/^0x//' | tr -d '\n' >"$dir/node-key"
	"$NODE_BIN" key inspect-node-key --file "$dir/node-key"
}

SPEC="$NET_DIR/chain-raw.json"
if [ "$N" -eq 4 ]; then
	CHAIN=local
else
	log "writing a consortium config for $N agencies"
	{
		echo '{"name":"RegChain Local Network","id":"regchain_local_'"$N"'","protocol_id":"regchain-local","agencies":['
		for i in $(seq 1 "$N"); do
			seed=$(seed_of "$i")
			sr=$(public_of "$seed" sr25519)
			ed=$(public_of "$seed" ed25519)
			peer=$(node_key_of "$i")
			[ "$i" -gt 1 ] && echo ','
			printf '{"name":"%s","kind":"%s","account":"%s","aura":"%s","grandpa":"%s","peer_id":"%s","balance":1000000}' \
				"$(name_of "$i")" "$(kind_of "$i")" "$sr" "$sr" "$ed" "$peer"
		done
		echo ']}'
	} >"$NET_DIR/consortium.config.json"
	CHAIN="consortium:$NET_DIR/consortium.config.json"
fi
"$NODE_BIN" build-spec --chain "$CHAIN" --raw --disable-default-bootnode >"$SPEC" 2>"$NET_DIR/build-spec.log" ||
	die "build-spec failed: $(cat "$NET_DIR/build-spec.log")"

BOOTNODE=""
for i in $(seq 1 "$N"); do
	base="$NET_DIR/node$i"
	seed=$(seed_of "$i")
	node_key_of "$i" >/dev/null
	"$NODE_BIN" key insert --base-path "$base" --chain "$SPEC" --key-type aura --scheme sr25519 --suri "$seed"
	"$NODE_BIN" key insert --base-path "$base" --chain "$SPEC" --key-type gran --scheme ed25519 --suri "$seed"
	p2p=$((P2P_PORT_BASE + i - 1))
	rpc_port=$((RPC_PORT_BASE + i - 1))
	prom=$((PROMETHEUS_PORT_BASE + i - 1))
	args=(--chain "$SPEC" --base-path "$base" --name "$(name_of "$i")" --node-key-file "$base/node-key"
		--port "$p2p" --rpc-port "$rpc_port" --prometheus-port "$prom" "${VALIDATOR_FLAGS[@]}")
	[ -n "$BOOTNODE" ] && args+=(--bootnodes "$BOOTNODE")
	nohup "$NODE_BIN" "${args[@]}" >"$base/node.log" 2>&1 &
	echo "$! $rpc_port" >>"$NET_DIR/pids"
	if [ -z "$BOOTNODE" ]; then
		peer=$("$NODE_BIN" key inspect-node-key --file "$base/node-key")
		BOOTNODE="/ip4/127.0.0.1/tcp/$p2p/p2p/$peer"
	fi
	log "validator $i ($(name_of "$i"), $seed): p2p $p2p, RPC $rpc_port, log $base/node.log"
done

log "waiting up to ${FINALITY_TIMEOUT}s for finality to advance on all $N nodes"
deadline=$((SECONDS + FINALITY_TIMEOUT))
while :; do
	all=1
	status=""
	while read -r pid port; do
		kill -0 "$pid" 2>/dev/null || die "node with RPC port $port (pid $pid) exited; see its node.log"
		n=$(finalized_number "$port")
		status+=" :$port=#${n:-?}"
		{ [ -n "$n" ] && [ "$n" -ge 2 ]; } || all=0
	done <"$NET_DIR/pids"
	if [ "$all" -eq 1 ]; then
		log "finality is advancing on all $N validators (finalized:$status)"
		break
	fi
	[ "$SECONDS" -lt "$deadline" ] || die "finality did not advance within ${FINALITY_TIMEOUT}s (finalized:$status)"
	sleep 2
done
