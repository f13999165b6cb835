#!/usr/bin/env bash
# Installs whatever is missing, builds the site as it is deployed (scripts/build.sh), then
# serves
#   http://127.0.0.1:8080/        the site, prerendered, through nginx with the production
#                                 rules (deploy/nginx/hcnf-site.conf);
#   http://127.0.0.1:8090/hcnf/   the same build embedded in demo/host.html, an imitation
#                                 prefecture page (and /iframe/, the iframe embedding);
#   http://127.0.0.1:8787/inquiries  the reference inquiry endpoint, storing inquiries in
#                                 inquiries.sqlite3 (nginx passes it the plain form's
#                                 posts too) and mailing each one through
#   127.0.0.1:2525                a local mail server (scripts/mailserver.sh), which
#                                 delivers the office's copy and the sender's receipt into
#                                 target/mail/Maildir/new.
# Ctrl-C stops all four. Extra arguments go to the endpoint. After a change, run this
# again: it rebuilds the site.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
source scripts/setup.sh
bash scripts/build.sh
cargo build --quiet --release -p hcnf-endpoint
pids=()
trap 'kill "${pids[@]}" 2>/dev/null || true' EXIT INT TERM
bash scripts/mailserver.sh --port 2525 &
pids+=("$!")
for _ in $(seq 50); do
  if (exec 3<>/dev/tcp/127.0.0.1/2525) 2>/dev/null; then break; fi
  sleep 0.2
done
target/release/hcnf-endpoint --db inquiries.sqlite3 --site dist --trust-proxy 127.0.0.1 \
  --allow-origin http://127.0.0.1:8080 --allow-origin http://localhost:8080 \
  --allow-origin http://127.0.0.1:8090 \
  --smtp-url 'smtp://127.0.0.1:2525?tls=none' --mail-from inquiries@hcnf.localhost \
  --mail-office office@hcnf.localhost "$@" &
endpoint=$!
pids+=("$endpoint")
# The form only works if the endpoint does: stop here, saying why, if it did not start.
for _ in $(seq 50); do
  if (exec 3<>/dev/tcp/127.0.0.1/8787) 2>/dev/null; then break; fi
  if ! kill -0 "$endpoint" 2>/dev/null; then
    echo "The inquiry endpoint did not start (is port 8787 in use?); see the message above." >&2
    exit 1
  fi
  sleep 0.2
done
# The demo host serves the same build inside its pages (scripts/demo_host.sh).
bash scripts/demo_host.sh --port 8090 --endpoint 127.0.0.1:8787 &
pids+=("$!")
echo "App on http://127.0.0.1:8080/ ; embedded in a host page on http://127.0.0.1:8090/hcnf/"
echo "Inquiries go to http://127.0.0.1:8787/inquiries; their mail to target/mail/Maildir/new (Ctrl-C stops all four)"
# In the background, so that Ctrl-C (or a TERM) reaches the trap above at once and stops
# all four.
bash scripts/nginx.sh --port 8080 --endpoint 127.0.0.1:8787 &
pids+=("$!")
wait "$!"
