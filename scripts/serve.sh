#!/usr/bin/env bash
# Installs whatever is missing, then serves the app with live rebuilds on
# http://127.0.0.1:8080/ (trunk serves index.html for every route, so deep links work).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
source scripts/setup.sh
echo "Serving on http://127.0.0.1:8080/ (Ctrl-C stops it)"
exec trunk serve "$@"
