#!/usr/bin/env bash
# Installs whatever is missing, then serves the app with live rebuilds on
# http://127.0.0.1:8080/ (trunk serves index.html for every route, so deep links work),
# and the reference inquiry endpoint on http://127.0.0.1:8787/inquiries, storing inquiries
# in inquiries.sqlite3. Ctrl-C stops both. Extra arguments go to the endpoint.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
source scripts/setup.sh
cargo build --quiet --release -p hcnf-endpoint
target/release/hcnf-endpoint --db inquiries.sqlite3 "$@" &
endpoint=$!
trap 'kill "$endpoint" 2>/dev/null || true' EXIT INT TERM
# The form only works if the endpoint does: stop here, saying why, if it did not start.
for _ in $(seq 50); do
  if (exec 3<>/dev/tcp/127.0.0.1/8787) 2>/dev/null; then break; fi
  if ! kill -0 "$endpoint" 2>/dev/null; then
    echo "The inquiry endpoint did not start (is port 8787 in use?); see the message above." >&2
    exit 1
  fi
  sleep 0.2
done
echo "App on http://127.0.0.1:8080/ ; inquiries go to http://127.0.0.1:8787/inquiries (Ctrl-C stops both)"
trunk serve
