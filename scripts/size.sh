#!/usr/bin/env bash
# What a reader transfers for the first view of each page, as nginx serves the build:
# the page's HTML and every file it loads (stylesheet, script, wasm, icon; and config.json,
# which the inquiry form fetches), each counted as its brotli file where the build made one.
# Prints a table per page and per file, then checks the largest first view against the
# budget, and each page's HTML against the first round trip: a new connection's server
# sends about 14 KB (ten TCP segments) before it waits for the reader's first
# acknowledgement, so a page whose HTML fits is read after one round trip.
#   scripts/size.sh [--budget BYTES] [DIST]     (default: $HCNF_SIZE_BUDGET, dist)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
budget="${HCNF_SIZE_BUDGET:-}"
dist=dist
while [ $# -gt 0 ]; do
  case "$1" in
    --budget) budget="$2"; shift 2 ;;
    *) dist="$1"; shift ;;
  esac
done
[ -f "$dist/404.html" ] || { echo "size.sh: $dist is not a prerendered build; run scripts/build.sh" >&2; exit 1; }

# Bytes on the wire for a file: its .br copy if the build made one (nginx serves that to
# every browser that takes brotli), else the file itself.
served() {
  if [ -f "$1.br" ]; then wc -c <"$1.br"; else wc -c <"$1"; fi
}

# The root-relative addresses in a file that name a file of the build (addresses of other
# pages name folders or nothing, and are skipped).
named_in() {
  { grep -o "\(href\|src\)=\"/[^\"]*\"\|'/[^']*'" "$1" || true; } | sed "s/^[a-z]*=//; s/[\"']//g" | sort -u |
    while read -r path; do
      if [ -f "$dist$path" ]; then echo "$path"; fi
    done
}

# The files a page loads: those it names, and those its scripts name (the inquiry page's
# loader names the app's glue and wasm, which it fetches once the page has loaded).
loads() {
  {
    named_in "$1"
    for script in $(named_in "$1" | grep '\.js$'); do named_in "$dist$script"; done
    # The inquiry form reads config.json when it starts.
    if grep -q 'class="hcnf-form"' "$1"; then echo /config.json; fi
  } | sort -u
}

# The HTML's share of the first round trip's ten segments of 1,460 B, less room for the
# response's headers.
first_trip=${HCNF_FIRST_TRIP:-14000}
declare -A files=()
worst=0 worst_page=""
worst_html=0 worst_html_page=""
printf '%-42s %9s %9s\n' "first view of (page)" "html" "total"
while read -r page; do
  html=$(served "$page")
  total=$html
  while read -r path; do
    size=$(served "$dist$path")
    files[$path]=$size
    total=$((total + size))
  done < <(loads "$page")
  address="${page#"$dist"/}"
  printf '%-42s %9d %9d\n' "$address" "$html" "$total"
  if [ "$total" -gt "$worst" ]; then worst=$total worst_page=$address; fi
  if [ "$html" -gt "$worst_html" ]; then worst_html=$html worst_html_page=$address; fi
done < <(find "$dist" -name '*.html' -type f -not -path "$dist/fragments/*" | sort)

printf '\n%-42s %9s %9s\n' "file (loaded by the pages)" "raw" "served"
for path in $(printf '%s\n' "${!files[@]}" | sort); do
  printf '%-42s %9d %9d\n' "$path" "$(wc -c <"$dist$path")" "${files[$path]}"
done
printf '\nlargest first view: %d B (%s)\n' "$worst" "$worst_page"
if [ "$worst_html" -gt "$first_trip" ]; then
  printf 'largest HTML: %d B (%s), over the first round trip of %d B\n' "$worst_html" "$worst_html_page" "$first_trip" >&2
  exit 1
fi
printf 'largest HTML: %d B (%s), within the first round trip of %d B\n' "$worst_html" "$worst_html_page" "$first_trip"
if [ -n "$budget" ]; then
  if [ "$worst" -gt "$budget" ]; then
    printf 'over the budget of %d B by %d B\n' "$budget" "$((worst - budget))" >&2
    exit 1
  fi
  printf 'within the budget of %d B (%d B to spare)\n' "$budget" "$((budget - worst))"
fi
