#!/usr/bin/env bash
# Builds the site as it is deployed, into dist/: trunk's release build (wasm, glue,
# stylesheet, the embedding's hcnf.js and hcnf.css), then every page prerendered to HTML
# by the same components compiled natively, then a brotli and a gzip copy of each file for
# nginx to serve as they are. Expects the tools scripts/setup.sh installs.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
# Where setup puts them, so this also works when run on its own: without wasm-opt on the
# PATH trunk would try to download one.
export PATH="$HOME/.cargo/bin:$PWD/tools/node_modules/.bin:$PATH"
trunk build --release
# A debug build: it shares its compiled crates with the native tests, and its speed does
# not matter for twenty pages.
cargo run --quiet --features ssr --bin prerender -- dist
# config.json is left uncompressed: the web staff edit it in place, and a stale
# compressed copy would be served instead of their change.
find dist -type f \( -name '*.html' -o -name '*.js' -o -name '*.css' -o -name '*.wasm' -o -name '*.svg' \) -print0 |
  while IFS= read -r -d '' f; do
    brotli --force --best --keep "$f"
    gzip --force --best --keep "$f"
  done
