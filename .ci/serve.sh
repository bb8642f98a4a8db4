#!/usr/bin/env bash
# README command 1: set up what is missing, build the app in release mode (Trunk + wasm-opt) and serve it on
# http://127.0.0.1:8080 against live Wikidata.
#   --replica   also start the local Wikidata replica on the royal92 data (port 8090) and print the link that
#               points the app at it (for offline use).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
bash .ci/setup.sh
source .ci/env.sh
trunk build --release
if [ "${1:-}" = "--replica" ]; then
  cargo build --release -p wikidata-replica
  ./target/release/wikidata-replica --gedcom ../shared/data/royal92.ged --qids ../shared/data/royal92-qids.csv \
    --port 8090 --latency-ms 60 &
  trap 'kill $! 2>/dev/null' EXIT
  echo "app on the replica: http://127.0.0.1:8080/?endpoint=http://127.0.0.1:8090&people=Q9682,Q80976"
fi
echo "serving http://127.0.0.1:8080/ (Ctrl-C to stop)"
python3 -m http.server 8080 --bind 127.0.0.1 --directory dist
