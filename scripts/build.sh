#!/usr/bin/env bash
# Builds the node (release, from Cargo.lock) into the shared target directory.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
build_node "$@"
log "node binary: $NODE_BIN"
