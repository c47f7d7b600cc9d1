#!/usr/bin/env bash
# Regenerates pallets/<name>/src/weights.rs by running each RegChain pallet's benchmarks in the
# runtime, with the node built with `--features runtime-benchmarks` (its own build, in the
# shared target directory). Run on the reference machine (nothing else running); the header
# records the settings and the CPU.
#
#   scripts/benchmark-pallets.sh [pallet_name …]     default: every pallet under pallets/
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
build_node --features runtime-benchmarks
pallets=("$@")
if [ ${#pallets[@]} -eq 0 ]; then
	for dir in "$REPO_ROOT"/pallets/*/; do
		[ -f "$dir/src/benchmarking.rs" ] && pallets+=("pallet_$(basename "$dir" | tr - _)")
	done
fi
for pallet in "${pallets[@]}"; do
	name="${pallet#pallet_}"
	dir="$REPO_ROOT/pallets/${name//_/-}"
	[ -d "$dir" ] || die "no folder for $pallet"
	log "benchmarking $pallet"
	"$NODE_BIN" benchmark pallet --chain dev --pallet "$pallet" --extrinsic '*' \
		--steps 50 --repeat 20 --wasm-execution compiled \
		--template "$REPO_ROOT/scripts/weight-template.hbs" --output "$dir/src/weights.rs"
done
