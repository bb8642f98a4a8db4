#!/usr/bin/env bash
# README command 2: set up what is missing, then run the whole test suite — formatting and lints, native tests of
# the pure crates, wasm browser tests in headless Chromium, and end-to-end tests of the release build against the
# local Wikidata replica. Exits non-zero on any failure.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
bash .ci/setup.sh
source .ci/env.sh
step() { printf '\n==== %s ====\n' "$*"; }

step "rustfmt"
cargo fmt --all --check

step "clippy (native workspace, and the app on wasm32)"
cargo clippy --workspace --exclude wikikin --all-targets -- -D warnings
cargo clippy --workspace --exclude wikikin --all-targets --features wikikin-kinship/sugiyama -- -D warnings
cargo clippy -p wikikin --target wasm32-unknown-unknown --all-targets -- -D warnings

step "release build (Trunk + wasm-opt 132)"
trunk build --release
# The wasm budget (README.md, "Size"): 430 kB gzip -9.
for wasm in dist/*.wasm; do
  gz=$(gzip -9c "$wasm" | wc -c)
  echo "wasm $(stat -c %s "$wasm") B raw, $gz B gzip (budget 430000)"
  if [ "$gz" -gt 430000 ]; then echo "the wasm is over its 430 kB gzip budget" >&2; exit 1; fi
done
cargo build --release -p wikidata-replica

step "native tests (pure crates and dev tools)"
# The kinship crate's second layout engine (rust-sugiyama) is off in the app's build, on here.
cargo test --workspace --exclude wikikin --features wikikin-kinship/sugiyama 2>&1 | tee target/native-tests.log

step "wasm browser tests (wasm-bindgen-test in headless Chromium)"
# The driver tests talk to a real replica over HTTP; its address comes in at compile time.
replica_log="$(mktemp)"
./target/release/wikidata-replica --gedcom ../shared/data/royal92.ged --qids ../shared/data/royal92-qids.csv \
  --port 0 >"$replica_log" 2>&1 &
replica_pid=$!
trap 'kill $replica_pid 2>/dev/null || true' EXIT
for _ in $(seq 1 100); do grep -q '^listening on ' "$replica_log" && break; sleep 0.1; done
WIKIKIN_TEST_ENDPOINT="$(sed -n 's/^listening on //p' "$replica_log" | head -n 1)"
export WIKIKIN_TEST_ENDPOINT
echo "replica for browser tests: $WIKIKIN_TEST_ENDPOINT"
CHROMEDRIVER="$(command -v chromedriver)" WASM_BINDGEN_TEST_TIMEOUT=120 \
  cargo test -p wikikin --target wasm32-unknown-unknown 2>&1 | tee target/wasm-tests.log
kill $replica_pid 2>/dev/null || true

step "end-to-end tests (Playwright + Chromium, release build, replica)"
(cd e2e && npm test) 2>&1 | tee target/e2e-tests.log

step "summary"
grep -E '^test result:' target/native-tests.log | awk '{p+=$4; f+=$6} END {print "native: " p " passed, " f " failed"}'
grep -E '^test result:' target/wasm-tests.log | awk '{p+=$4; f+=$6} END {print "wasm: " p " passed, " f " failed"}'
grep -E '^# (tests|pass|fail)' target/e2e-tests.log
