#!/usr/bin/env bash
# The benchmark suite (issues 6 and 13): builds what is missing, then runs every figure in one go and
# prints one table (also written to bench/results.md, raw numbers to bench/results.json).
#
#   bash bench/run.sh                 # everything, 3 repeats (about 16 min on 2 cores)
#   bash bench/run.sh --quick         # 1 repeat, smoke run (partial results file)
#   bash bench/run.sh --only parse,draw --reps 5
#   bash bench/run.sh --only query --reps 3   # figure 8 alone (~1 min)
#   bash bench/run.sh --only drawscale --reps 2 [--draw-sizes 85000,200000]   # drawing at scale (not in the default suite)
#   bash bench/run.sh --only lighthouse [--reps 3]   # Lighthouse, mobile, on the production build (~6 min)
#   REBUILD=1 bash bench/run.sh       # rebuild the release app first even if dist/ has one
#
# Groups (--only, all by default): crawl (figures 1–4: the app's crawl, batching, a throttled
# server), parse (5), draw (6: drawing, pan/zoom), size (7: sizes, cold start), query (8: the query
# service at 300 ms and 1 s a query and the entity JSON against the seed exercise's crawl,
# bench/seed.mjs). bench/results.md is written only when every group ran. Not in the default:
# drawscale (issue 13 §3: the app's pipeline at 85,000 and 200,000 people, --draw-sizes) and
# lighthouse (issue 18 §7: bench/lighthouse.mjs on the production build, target/lh-dist, with its own
# npm tools in bench/node_modules and its own table, bench/lighthouse.md).
#
# Not part of the test command. Needs nothing running: it starts its own static server,
# replicas and headless Chromium. Other heavy work on the machine skews the figures.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/.." && pwd)"
cd "$repo"
source .ci/env.sh

# --only with lighthouse: that group runs apart (its own build and table); the rest goes to bench.mjs.
args=("$@")
lighthouse=0
for ((i = 0; i < ${#args[@]}; i++)); do
  if [[ "${args[i]}" == --only && $((i + 1)) -lt ${#args[@]} && ",${args[i+1]}," == *,lighthouse,* ]]; then
    lighthouse=1
    # (grep finds nothing when lighthouse is the only group: not a failure under pipefail)
    rest="$(tr ',' '\n' <<<"${args[i+1]}" | { grep -vx lighthouse || true; } | paste -sd, -)"
    if [[ -n "$rest" ]]; then args[i+1]="$rest"; else unset 'args[i]' 'args[i+1]'; args=("${args[@]}"); others=0; fi
    break
  fi
done
# Options bench/lighthouse.mjs understands (the rest are bench.mjs's).
lh_args=()
for ((i = 0; i < ${#args[@]}; i++)); do
  [[ "${args[i]}" == --reps || "${args[i]}" == --settings ]] && lh_args+=("${args[i]}" "${args[i+1]:-}")
done

if [[ ! -d e2e/node_modules/playwright-core ]]; then
  echo "bench: installing the e2e harness (npm ci in e2e/)" >&2
  (cd e2e && npm ci --no-audit --no-fund)
fi

if [[ $lighthouse == 1 ]]; then
  # The production build as it is published (no bench feature), in its own directory; rebuilt when
  # missing, when a source is newer, or with REBUILD=1. Lighthouse and http-server from bench/'s lockfile.
  lh=target/lh-dist
  if [[ "${REBUILD:-0}" == 1 ]] || ! ls $lh/*.wasm >/dev/null 2>&1 \
     || [[ -n "$(find src crates/wikikin-core/src crates/wikikin-kinship/src crates/wikikin-view/src style assets index.html Trunk.toml .ci/site-url.mjs .ci/csp-hash.mjs Cargo.toml Cargo.lock -newer "$(ls $lh/*.wasm | head -1)" -type f 2>/dev/null | head -1)" ]]; then
    echo "bench: building the production app (trunk build --release --dist $lh)" >&2
    trunk build --release --dist "$lh" >&2
  fi
  if [[ ! -x bench/node_modules/.bin/lighthouse || bench/package-lock.json -nt bench/node_modules/.package-lock.json ]]; then
    echo "bench: installing bench/'s npm tools (npm ci in bench/)" >&2
    (cd bench && npm ci --no-audit --no-fund --loglevel=error)
  fi
  echo "bench: cargo build --release -p wikidata-replica" >&2
  cargo build --release -p wikidata-replica >&2
  LH_DIST="$repo/$lh" node bench/lighthouse.mjs "${lh_args[@]}"
  [[ "${others:-1}" == 0 ]] && exit 0
fi

# The release app, with the benchmark entry points (src/bench_api.rs, the `bench` feature) exported. It is built into
# its own directory (target/bench-dist) so that other builds of dist/ cannot change it mid-run;
# rebuilt when missing, when a source is newer, or with REBUILD=1.
out=target/bench-dist
stale=0
if [[ "${REBUILD:-0}" == 1 ]] || ! ls $out/*.wasm >/dev/null 2>&1 || ! grep -qs bench_show $out/*.js; then
  stale=1
elif [[ -n "$(find src crates/wikikin-core/src crates/wikikin-kinship/src crates/wikikin-view/src style assets index.html Trunk.toml Cargo.toml Cargo.lock -newer "$(ls $out/*.wasm | head -1)" -type f 2>/dev/null | head -1)" ]]; then
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

exec node bench/bench.mjs "${args[@]}"
