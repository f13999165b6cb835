#!/usr/bin/env bash
# Lighthouse on every page of the prerendered build (dist/), both languages, one run each
# with Lighthouse's mobile preset and simulated throttling, through nginx as deployed
# (scripts/nginx.sh on a free port of 127.0.0.1). Prints the performance, accessibility,
# best-practices and SEO scores and the LCP; keeps each JSON report in target/lighthouse/.
#   scripts/lighthouse.sh
# Needs nginx (scripts/setup.sh), Chromium at /usr/bin/chromium (or $CHROME_PATH) and
# Node/npm. Exits non-zero on errors only, whatever the scores.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
# --help: the comment above, which says what the script does and takes.
case "${1:-}" in -h | --help) awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "$root/scripts/lighthouse.sh"; exit 0 ;; esac
start=$SECONDS

[ -f dist/404.html ] || { echo "lighthouse.sh: dist/ has no prerendered build; run scripts/build.sh" >&2; exit 1; }
status=0
bash tools/bench/with-site.sh lighthouse.sh dist \
  node tools/bench/lighthouse.mjs --dist dist --out target/lighthouse "$@" || status=$?
echo "lighthouse.sh: done in $((SECONDS - start)) s"
exit "$status"
