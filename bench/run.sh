#!/usr/bin/env bash
# The benchmark suite (issues 6 and 13): builds what is missing, then runs every figure in one go and
# prints one table (also written to bench/results.md, raw numbers to bench/results.json).
#
#   bash bench/run.sh                 # everything, 3 repeats (about 16 min on 2 cores)
#   bash bench/run.sh --quick         # 1 repeat, smoke run (partial results file)
#   bash bench/run.sh --only parse,draw --reps 5
#   bash bench/run.sh --only query --reps 3   # figure 8 alone (~1 min)
#   bash bench/run.sh --only drawscale --reps 2 [--draw-sizes 85000,200000]   # drawing at scale (not in the default suite)
#   REBUILD=1 bash bench/run.sh       # rebuild the release app first even if dist/ has one
#
# Groups (--only, all by default): crawl (figures 1–4: the app's crawl, batching, a throttled
# server), parse (5), draw (6: drawing, pan/zoom), size (7: sizes, cold start), query (8: the query
# service at 300 ms and 1 s a query and the entity JSON against the seed exercise's crawl,
# bench/seed.mjs). bench/results.md is written only when every group ran. Not in the default:
# drawscale (issue 13 §3: the app's pipeline at 85,000 and 200,000 people, --draw-sizes).
#
# Not part of the test command. Needs nothing running: it starts its own static server,
# replicas and headless Chromium. Other heavy work on the machine skews the figures.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/.." && pwd)"
cd "$repo"
source .ci/env.sh

if [[ ! -d e2e/node_modules/playwright-core ]]; then
  echo "bench: installing the e2e harness (npm ci in e2e/)" >&2
  (cd e2e && npm ci --no-audit --no-fund)
fi

# The release app, with the benchmark entry points (src/bench_api.rs, the `bench` feature) exported. It is built into
# its own directory (target/bench-dist) so that other builds of dist/ cannot change it mid-run;
# rebuilt when missing, when a source is newer, or with REBUILD=1.
out=target/bench-dist
stale=0
if [[ "${REBUILD:-0}" == 1 ]] || ! ls $out/*.wasm >/dev/null 2>&1 || ! grep -qs bench_show $out/*.js; then
  stale=1
elif [[ -n "$(find src crates/wikikin-core/src crates/wikikin-kinship/src style index.html Cargo.toml Cargo.lock -newer "$(ls $out/*.wasm | head -1)" -type f 2>/dev/null | head -1)" ]]; then
  stale=1
fi
if [[ $stale == 1 ]]; then
  echo "bench: building the release app (trunk build --release --features bench --dist $out)" >&2
  trunk build --release --features bench --dist "$out" >&2
fi
export BENCH_DIST="$repo/$out"

# The replica: cargo rebuilds it only if its sources changed.
echo "bench: cargo build --release -p wikidata-replica" >&2
cargo build --release -p wikidata-replica >&2

exec node bench/bench.mjs "$@"
