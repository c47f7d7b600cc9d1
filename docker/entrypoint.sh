#!/bin/sh
# Container entrypoint. When SESSION_SURI is set, it first puts the validator's Aura (sr25519)
# and GRANDPA (ed25519) keys into the keystore under --base-path with the node's own
# `key insert` (idempotent), and makes sure a node key exists, so that
# compose networks need no manual key step. Then it runs the
# node with the given arguments.
set -eu
if [ -n "${SESSION_SURI:-}" ]; then
	: "${CHAIN:?CHAIN must name the chain when SESSION_SURI is set}"
	: "${BASE_PATH:=/data}"
	regchain-node key insert --chain "$CHAIN" --base-path "$BASE_PATH" \
		--key-type aura --scheme sr25519 --suri "$SESSION_SURI"
	regchain-node key insert --chain "$CHAIN" --base-path "$BASE_PATH" \
		--key-type gran --scheme ed25519 --suri "$SESSION_SURI"
	# A validator needs a persistent network key: the given one, or one generated once.
	if [ -n "${NODE_KEY:-}" ]; then
		printf '%s' "$NODE_KEY" >"$BASE_PATH/node-key"
	elif [ ! -f "$BASE_PATH/node-key" ]; then
		regchain-node key generate-node-key --file "$BASE_PATH/node-key" 2>/dev/null
	fi
fi
exec regchain-node "$@"
