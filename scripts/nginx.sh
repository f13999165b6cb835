#!/usr/bin/env bash
# Serves a build as production does: Debian's nginx with the repository's site rules
# (deploy/nginx/hcnf-site.conf), without root, on 127.0.0.1.
#   scripts/nginx.sh [--port 8080] [--dist dist] [--config FILE] [--endpoint HOST:PORT]
# --config FILE is served as /config.json in place of the build's, to point the form at
# another endpoint without touching the build. --endpoint is the inquiry endpoint that
# answers the plain form's posts (127.0.0.1:8787, where scripts/serve.sh starts it, if
# not given). Runs in the foreground; Ctrl-C stops it.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
port=8080 dist="$root/dist" config="" endpoint="127.0.0.1:8787"
while [ $# -gt 0 ]; do
  case "$1" in
    --port) port="$2"; shift 2 ;;
    --dist) dist="$(cd "$2" && pwd)"; shift 2 ;;
    --config) config="$(cd "$(dirname "$2")" && pwd)/$(basename "$2")"; shift 2 ;;
    --endpoint) endpoint="$2"; shift 2 ;;
    *) echo "nginx.sh: unknown argument $1" >&2; exit 2 ;;
  esac
done
[ -f "$dist/404.html" ] || { echo "nginx.sh: $dist is not a prerendered build; run scripts/build.sh" >&2; exit 1; }
source "$root/scripts/local_nginx.sh"

config_location=""
if [ -n "$config" ]; then
  config_location="location = /config.json { add_header Cache-Control \"no-cache\" always; add_header X-Content-Type-Options \"nosniff\" always; alias $config; }"
fi
# The policy lets the form post only where the served config.json says: the endpoint's
# origin and any allowed origins it lists (read with Node, which setup installs).
endpoint_origins="$(node -e '
  const c = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
  const all = [c.inquiry_endpoint, ...(c.allowed_endpoint_origins || [])].filter(Boolean);
  const origins = all.map(u => { try { return new URL(u).origin; } catch { return ""; } });
  console.log([...new Set(origins.filter(o => /^https?:/.test(o)))].join(" "));
' "${config:-$dist/config.json}")"
local_nginx nginx.sh "$port" "$(cat <<CONF
  upstream hcnf_inquiry { server $endpoint; keepalive 8; }
  server {
    listen 127.0.0.1:$port;
    server_name localhost;
    root $dist;
    set \$hcnf_endpoint_origin "$endpoint_origins";
    set \$hcnf_frame_ancestors "'self'";
    $config_location
    include $root/deploy/nginx/hcnf-site.conf;
  }
CONF
)"
