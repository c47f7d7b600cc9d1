#!/usr/bin/env bash
# Regenerates chain-specs/ from the node: plain and raw specs of the `local` network and of the
# consortium described by chain-specs/consortium.config.json. Never edit the specs by hand;
# node/tests/chain_specs.rs fails when a committed spec no longer matches what the node makes.
# Also rewrites cli/metadata/regchain.scale, the runtime metadata regchain-cli generates its
# types from (its test `metadata_file_is_the_runtimes` fails when it is stale).
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
require_node
out="$REPO_ROOT/chain-specs"
gen() { # name chain
	"$NODE_BIN" build-spec --chain "$2" --disable-default-bootnode >"$out/$1.json" 2>/dev/null
	"$NODE_BIN" build-spec --chain "$2" --disable-default-bootnode --raw >"$out/$1-raw.json" 2>/dev/null
	log "wrote chain-specs/$1.json and chain-specs/$1-raw.json"
}
gen local local
gen consortium "consortium:$out/consortium.config.json"
log "rewriting cli/metadata/regchain.scale from the runtime"
(cd "$REPO_ROOT" && REGCHAIN_WRITE_METADATA=1 cargo test --release --locked -p regchain-cli -q metadata_file_is_the_runtimes >/dev/null)
