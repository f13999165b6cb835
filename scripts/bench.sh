#!/usr/bin/env bash
# The load benchmark: every page of the prerendered build (dist/), both languages, against
# a plain static page of the same content (the same HTML without its scripts), in headless
# Chromium on a throttled mobile profile; then route changes, language switches and memory
# over 1,000 route changes without throttling. See tools/bench/bench.mjs for what is timed.
#   scripts/bench.sh [--runs 5] [--changes 20] [--soak 1000] [--warm 1000] [--heap no] [--only /en/,/ja/contact]
# Serves a copy of dist/ with the static variants (target/bench-dist/) through
# scripts/nginx.sh on a free port of 127.0.0.1; writes target/bench/results.json.
# Needs nginx (scripts/setup.sh), Chromium at /usr/bin/chromium (or $CHROME_PATH) and
# Node/npm. Exits non-zero on errors only, not when a target is missed.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
# --help: the comment above, which says what the script does and takes.
case "${1:-}" in -h | --help) awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "$root/scripts/bench.sh"; exit 0 ;; esac
start=$SECONDS

[ -f dist/404.html ] || { echo "bench.sh: dist/ has no prerendered build; run scripts/build.sh" >&2; exit 1; }
node tools/bench/prepare.mjs --dist dist --out target/bench-dist
status=0
bash tools/bench/with-site.sh bench.sh target/bench-dist \
  node tools/bench/bench.mjs --dist target/bench-dist --out target/bench "$@" || status=$?
echo "bench.sh: done in $((SECONDS - start)) s"
exit "$status"
