#!/usr/bin/env bash
# The demo host: an imitation prefecture site with the app embedded, served by nginx the way
# docs/embedding.md tells a host to set it up, without root, on 127.0.0.1.
#   scripts/demo_host.sh [--port 8090] [--dist dist] [--demo demo] [--config FILE]
#                        [--endpoint HOST:PORT] [--page PREFIX=FILE]...
# Serves
#   /hcnf-app/    the build, precompressed and cached as deploy/nginx/hcnf-site.conf has it;
#   /hcnf/        DEMO/host.html for every path under it (the app's routes), and likewise
#                 /hcnf-news/ DEMO/news.html, /hcnf-frame/ DEMO/frame.html and
#                 /iframe/ DEMO/iframe.html;
#   /             the files in DEMO.
# --page PREFIX=FILE adds such a page (or replaces one): the longest prefix wins, and a
# file in DEMO at the address asked for beats the page. --config FILE is served as
# /hcnf-app/config.json, to point the form at another endpoint without touching the build.
# Under each page's prefix, the plain form's posts and confirmation
# (PREFIX{en,ja,ja-x-easy}/inquiry/{answers,sent}) go to the inquiry endpoint at --endpoint
# (127.0.0.1:8787, as scripts/serve.sh starts it), as docs/plain-form.md's host configuration has it.
# Runs in the foreground; Ctrl-C stops it.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
absolute() {
  local dir
  dir="$(cd "$(dirname "$1")" && pwd)" || return 1
  echo "${dir%/}/$(basename "$1")"
}
port=8090 dist="$root/dist" demo="$root/demo" config="" endpoint="127.0.0.1:8787"
declare -A pages=()
extra_pages=()
while [ $# -gt 0 ]; do
  case "$1" in
    --port) port="$2"; shift 2 ;;
    --dist) dist="$(cd "$2" && pwd)"; shift 2 ;;
    --demo) demo="$(cd "$2" && pwd)"; shift 2 ;;
    --config) config="$(absolute "$2")"; shift 2 ;;
    --endpoint) endpoint="$2"; shift 2 ;;
    --page) extra_pages+=("$2"); shift 2 ;;
    *) echo "demo_host.sh: unknown argument $1" >&2; exit 2 ;;
  esac
done
[ -f "$dist/hcnf.js" ] || { echo "demo_host.sh: $dist has no hcnf.js; run scripts/build.sh" >&2; exit 1; }
pages[/hcnf/]="$demo/host.html"
pages[/hcnf-news/]="$demo/news.html"
pages[/hcnf-frame/]="$demo/frame.html"
pages[/iframe/]="$demo/iframe.html"
for page in "${extra_pages[@]}"; do
  prefix="${page%%=*}" file="${page#*=}"
  [ "$prefix" != "$page" ] && [ "${prefix:0:1}" = / ] && [ "$prefix" != / ] ||
    { echo "demo_host.sh: --page wants /PREFIX=FILE, not $page" >&2; exit 2; }
  pages[$prefix]="$(absolute "$file")"
done
for file in "${pages[@]}" ${config:+"$config"}; do
  [ -f "$file" ] || { echo "demo_host.sh: $file is missing" >&2; exit 1; }
done
source "$root/scripts/local_nginx.sh"

# Each page: its prefix, answered from DEMO when the file is there, else with the page
# through an internal address named like it, so that it gets the page's type; and, under
# the prefix, the plain form's addresses passed to the endpoint with the prefix it had.
locations=""
n=0
for prefix in "${!pages[@]}"; do
  file="${pages[$prefix]}"
  n=$((n + 1))
  fallback="/.demo-page/$n.${file##*.}"
  bare="${prefix%/}"
  locations+="
    location ^~ $prefix {
      location ~ \"^$bare/((en|ja|ja-x-easy)/inquiry/(answers|sent))\$\" {
        proxy_pass http://hcnf_inquiry/\$1\$is_args\$args;
        proxy_set_header X-Forwarded-Prefix \"$bare\";
        proxy_set_header X-Forwarded-For \$proxy_add_x_forwarded_for;
        proxy_set_header Host \$host;
        client_max_body_size 64k;
      }
      try_files \$uri $fallback;
    }
    location = $fallback { internal; alias \"$file\"; }"
  # `/hcnf` to `/hcnf/`, as the host configuration in docs/embedding.md does.
  if [ "$bare" != "$prefix" ] && [ -z "${pages[$bare]+set}" ]; then
    locations+="
    location = $bare { return 301 $prefix; }"
  fi
done
if [ -n "$config" ]; then
  locations+="
    location = /hcnf-app/config.json { alias \"$config\"; }"
fi

local_nginx demo_host.sh "$port" "$(cat <<CONF
  upstream hcnf_inquiry { server $endpoint; }
  # The production rules' caching: hashed names for a year, all else revalidated, so an
  # edited demo page or a new build shows on reload.
  map \$uri \$hcnf_cache {
    "~^/hcnf-app/.*-[0-9a-f]{8,16}(_bg)?\\.(js|wasm|css|svg)\$" "public, max-age=31536000, immutable";
    default "no-cache";
  }
  server {
    listen 127.0.0.1:$port;
    server_name localhost;
    root "$demo";
    index index.html;
    absolute_redirect off;
    charset utf-8;
    charset_types text/css application/javascript application/json image/svg+xml;
    brotli_static on;
    gzip_static on;
    gzip_vary on;
    add_header Cache-Control \$hcnf_cache always;
    location / { try_files \$uri \$uri/index.html =404; }
    location ^~ /hcnf-app/ {
      alias "$dist/";
      try_files \$uri \$uri/index.html =404;
    }$locations
  }
CONF
)"
