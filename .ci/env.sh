# Sourced by the scripts in .ci/: puts the project's tools first on PATH.
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export PATH="$root/e2e/node_modules/.bin:$HOME/.cargo/bin:$PATH"
