#!/usr/bin/env bash
# Builds the release bundle and prints each asset's size, raw and gzipped (level 9), in bytes.
# Pass --no-build to measure an existing dist/.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
if [ "${1:-}" != "--no-build" ]; then
  source scripts/setup.sh
  trunk build --release >/dev/null
fi
printf '%-44s %10s %10s\n' asset raw gzip
total_raw=0 total_gz=0
for f in dist/*; do
  [ -f "$f" ] || continue
  raw=$(wc -c <"$f")
  gz=$(gzip -9c "$f" | wc -c)
  total_raw=$((total_raw + raw)) total_gz=$((total_gz + gz))
  printf '%-44s %10d %10d\n' "$(basename "$f")" "$raw" "$gz"
done
printf '%-44s %10d %10d\n' total "$total_raw" "$total_gz"
