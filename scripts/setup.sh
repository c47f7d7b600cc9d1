#!/usr/bin/env bash
# Installs everything RegChain needs on a fresh Debian/Ubuntu machine: system packages, the
# Rust Wasm targets and rust-src, and the npm packages of the end-to-end tests. Idempotent.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"

need_apt=()
command -v protoc >/dev/null || need_apt+=(protobuf-compiler)
command -v cc >/dev/null || need_apt+=(build-essential)
command -v g++ >/dev/null || need_apt+=(g++)
command -v curl >/dev/null || need_apt+=(curl)
command -v python3 >/dev/null || need_apt+=(python3)
command -v git >/dev/null || need_apt+=(git)
command -v node >/dev/null || need_apt+=(nodejs)
command -v npm >/dev/null || need_apt+=(npm)
if [ ${#need_apt[@]} -gt 0 ]; then
	log "installing Debian packages: ${need_apt[*]}"
	$SUDO apt-get update -qq
	DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need_apt[@]}" >/dev/null
fi

command -v cargo >/dev/null || die "no Rust toolchain: install rustup (https://rustup.rs) first"
installed_targets=$(rustup target list --installed)
for target in wasm32v1-none wasm32-unknown-unknown; do
	grep -qx "$target" <<<"$installed_targets" || rustup target add "$target"
done
rustup component list --installed | grep -q '^rust-src' || rustup component add rust-src

# npm ci again whenever the lock file changed since the last install.
e2e="$REPO_ROOT/node/tests/e2e"
lock_sum=$(sha256sum "$e2e/package-lock.json" | cut -d' ' -f1)
if [ "$(cat "$e2e/node_modules/.regchain-lock-sum" 2>/dev/null)" != "$lock_sum" ]; then
	log "installing the end-to-end tests' npm packages (from package-lock.json)"
	(cd "$e2e" && npm ci --no-audit --no-fund --loglevel=error)
	echo "$lock_sum" >"$e2e/node_modules/.regchain-lock-sum"
fi
log "set-up complete"
