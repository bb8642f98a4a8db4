#!/usr/bin/env bash
# Installs, idempotently, everything wikikin needs on a Debian machine that has only rustup, node/npm and python3:
# the wasm32 target, Chromium + ChromeDriver (apt), trunk 0.21.14, wasm-bindgen-cli matching the pinned
# wasm-bindgen, and the npm packages of e2e/ (binaryen's wasm-opt 132, playwright-core) from the committed lockfile.
# Nothing is downloaded from anywhere but the package registries. Quick when everything is already present.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
log() { printf '[setup] %s\n' "$*" >&2; }

export PATH="$HOME/.cargo/bin:$PATH"

if ! rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; then
  log "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

if ! command -v chromium >/dev/null 2>&1 || ! command -v chromedriver >/dev/null 2>&1; then
  log "installing chromium and chromium-driver (apt)"
  sudo_cmd=""
  [ "$(id -u)" -eq 0 ] || sudo_cmd="sudo"
  $sudo_cmd env DEBIAN_FRONTEND=noninteractive apt-get update -qq
  $sudo_cmd env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver >/dev/null
fi

if ! trunk --version 2>/dev/null | grep -q '0\.21\.14'; then
  log "installing trunk 0.21.14 (several minutes)"
  cargo install --locked trunk --version 0.21.14
fi

# The CLI must match the `wasm-bindgen = "=X"` pin in Cargo.toml exactly.
wbg_version="$(sed -n 's/^wasm-bindgen = "=\([0-9.]*\)".*/\1/p' Cargo.toml)"
if ! wasm-bindgen --version 2>/dev/null | grep -q " ${wbg_version}\$"; then
  log "installing wasm-bindgen-cli ${wbg_version}"
  cargo install wasm-bindgen-cli --version "${wbg_version}"
fi

if [ ! -x e2e/node_modules/.bin/wasm-opt ] || [ ! -d e2e/node_modules/playwright-core ] \
   || [ e2e/package-lock.json -nt e2e/node_modules/.package-lock.json ]; then
  log "installing npm packages of e2e/ from its lockfile"
  (cd e2e && npm ci --no-audit --no-fund --loglevel=error)
fi
log "ready"
