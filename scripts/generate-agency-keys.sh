#!/usr/bin/env bash
# Generates the keys of one agency validator with the node's own `key` subcommand:
#   - an account key (sr25519): the agency's on-chain identity;
#   - session keys from a separate phrase: Aura (sr25519) and GRANDPA (ed25519);
#   - a libp2p node key, whose peer id becomes one of the chain's well-known nodes.
#
#   scripts/generate-agency-keys.sh "Tax Bureau" [OUT_DIR]
#
# Secrets go to OUT_DIR/<slug>/ (default ./agency-keys, mode 0600) and never to stdout. It
# prints the agency's entry for a consortium config (chain-specs/consortium.config.json) and
# the commands that put the session keys into the validator's keystore.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
require_node

NAME="${1:-}"
[ -n "$NAME" ] || die "usage: $0 \"Agency name\" [OUT_DIR]"
OUT_DIR="${2:-./agency-keys}"
slug=$(printf '%s' "$NAME" | tr '[:upper:]' '[:lower:]' | tr -cs 'a-z0-9' '-' | sed 's/^-//; s/-$//')
[ -n "$slug" ] || die "the agency name must contain letters or digits"
dir="$OUT_DIR/$slug"
[ -e "$dir" ] && die "$dir exists: refusing to overwrite an agency's keys"
mkdir -p "$dir"
chmod 700 "$dir"
umask 077

field() { python3 -c "import json,sys; print(json.load(sys.stdin)['$1'])"; }

"$NODE_BIN" key generate --scheme sr25519 --output-type json >"$dir/account.json"
"$NODE_BIN" key generate --scheme sr25519 --output-type json >"$dir/session.json"
session_phrase=$(field secretPhrase <"$dir/session.json")
account=$(field ss58Address <"$dir/account.json")
aura=$(field ss58PublicKey <"$dir/session.json")
grandpa=$("$NODE_BIN" key inspect --scheme ed25519 --output-type json "$session_phrase" | field ss58PublicKey)
"$NODE_BIN" key generate-node-key --file "$dir/node-key" 2>/dev/null
peer_id=$("$NODE_BIN" key inspect-node-key --file "$dir/node-key")
printf '%s\n' "$peer_id" >"$dir/peer-id"

cat <<OUT
Keys of "$NAME" written to $dir (account.json, session.json, node-key: keep them secret).

Entry for the consortium config's "agencies" list:
  {"name": "$NAME", "kind": "<FinanceBureau|TaxBureau|MarketRegulation|Court|IpOffice|CreditRegulator>", "account": "$account", "aura": "$aura", "grandpa": "$grandpa", "peer_id": "$peer_id", "balance": 1000000}

The peer id makes the node a well-known node: validators accept no other peers. Start the
node with --node-key-file $dir/node-key; for boot_nodes: /ip4/<host>/tcp/30333/p2p/$peer_id

On the validator host, once the chain spec exists:
  regchain-node key insert --chain <spec> --base-path <dir> --key-type aura --scheme sr25519 --suri "\$(jq -r .secretPhrase $dir/session.json)"
  regchain-node key insert --chain <spec> --base-path <dir> --key-type gran --scheme ed25519 --suri "\$(jq -r .secretPhrase $dir/session.json)"
OUT
