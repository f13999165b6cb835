#!/usr/bin/env bash
# Serves DIST through scripts/nginx.sh on a free port of 127.0.0.1, runs COMMAND with
# `--base http://127.0.0.1:PORT` appended, then stops nginx, whatever the command did.
#   tools/bench/with-site.sh NAME DIST COMMAND [ARGS...]
# NAME labels the messages (the calling script's name). Shared by scripts/bench.sh and
# scripts/lighthouse.sh.
set -euo pipefail
name="$1" dist="$2"
shift 2
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
chrome="${CHROME_PATH:-/usr/bin/chromium}"
[ -x "$chrome" ] || { echo "$name: no Chromium at $chrome; run scripts/setup.sh" >&2; exit 1; }
# The measuring tools' own packages, pinned by tools/bench/package-lock.json.
[ -d tools/bench/node_modules ] || (cd tools/bench && npm ci --no-audit --no-fund)

port="$(node tools/bench/free-port.mjs)"
nginx_pid=""
stop_nginx() {
  if [ -n "$nginx_pid" ] && kill -0 "$nginx_pid" 2>/dev/null; then
    kill "$nginx_pid" 2>/dev/null || true
    wait "$nginx_pid" 2>/dev/null || true
  fi
  nginx_pid=""
}
trap stop_nginx EXIT
trap 'stop_nginx; exit 130' INT
trap 'stop_nginx; exit 143' TERM
bash scripts/nginx.sh --dist "$dist" --port "$port" &
nginx_pid=$!
base="http://127.0.0.1:$port"
# Up to 10 s for nginx to answer.
for _ in $(seq 1 100); do
  kill -0 "$nginx_pid" 2>/dev/null || { echo "$name: nginx stopped; see target/nginx/$port/logs/error.log" >&2; exit 1; }
  curl -fsS -o /dev/null "$base/en/" 2>/dev/null && break
  sleep 0.1
done
curl -fsS -o /dev/null "$base/en/" || { echo "$name: nginx does not answer on $base" >&2; exit 1; }
echo "$name: serving $dist on $base (nginx pid $nginx_pid)"

status=0
"$@" --chrome "$chrome" --base "$base" || status=$?
stop_nginx
exit "$status"
