#!/usr/bin/env bash
# Builds the release bundle and prints each asset's size, raw and gzipped (level 9), in bytes,
# then what a reader downloads on the app's own site and in a host page (the two use the same
# wasm and glue, but different entry files). Pass --no-build to measure an existing dist/.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
if [ "${1:-}" != "--no-build" ]; then
  source scripts/setup.sh
  trunk build --release >/dev/null
fi
declare -A raw gz
printf '%-44s %10s %10s\n' asset raw gzip
for f in dist/*; do
  [ -f "$f" ] || continue
  name="$(basename "$f")"
  raw[$name]=$(wc -c <"$f")
  gz[$name]=$(gzip -9c "$f" | wc -c)
  printf '%-44s %10d %10d\n' "$name" "${raw[$name]}" "${gz[$name]}"
done
# The sum of the files matching each pattern.
sum() {
  local label=$1 r=0 g=0 name pattern
  shift
  for name in "${!raw[@]}"; do
    for pattern in "$@"; do
      # shellcheck disable=SC2053 # a glob on purpose
      if [[ $name == $pattern ]]; then
        r=$((r + raw[$name])) g=$((g + gz[$name]))
      fi
    done
  done
  printf '%-44s %10d %10d\n' "$label" "$r" "$g"
}
# config.json (under 100 B) is left out: only the form reads it, and not when the host names
# the endpoint.
glue=('hcnf-site-*.js' 'hcnf-site-*_bg.wasm')
sum "downloaded on the app's own site" index.html 'site-*.css' 'favicon-*' "${glue[@]}"
sum "downloaded in a host page" hcnf.js hcnf.css "${glue[@]}"
