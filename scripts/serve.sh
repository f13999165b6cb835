#!/usr/bin/env bash
# Installs whatever is missing, then serves the app with live rebuilds on
# http://127.0.0.1:8080/ (trunk serves index.html for every route, so deep links work),
# and the reference inquiry endpoint on http://127.0.0.1:8787/inquiries, storing inquiries
# in inquiries.sqlite3. Ctrl-C stops both.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
source scripts/setup.sh
cargo build --quiet --release -p hcnf-endpoint
target/release/hcnf-endpoint --db inquiries.sqlite3 "$@" &
endpoint=$!
trap 'kill "$endpoint" 2>/dev/null || true' EXIT INT TERM
echo "App on http://127.0.0.1:8080/ ; inquiries go to http://127.0.0.1:8787/inquiries (Ctrl-C stops both)"
trunk serve
