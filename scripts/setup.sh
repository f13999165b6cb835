#!/usr/bin/env bash
# Installs every tool the project needs, skipping what is already there.
# Safe to run twice. Sourced by serve.sh and test.sh so PATH changes carry over.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
TRUNK_VERSION=0.21.14
GECKODRIVER_VERSION=0.37.1
BINARYEN_VERSION=132.0.0

export PATH="$HOME/.cargo/bin:$root/tools/node_modules/.bin:$PATH"

log() { printf '[setup] %s\n' "$*" >&2; }

# The wasm-bindgen CLI must match the library exactly; Cargo.toml pins it.
wasm_bindgen_version() {
  sed -n 's/^wasm-bindgen = { version = "=\([0-9.]*\)".*/\1/p; s/^wasm-bindgen = "=\([0-9.]*\)"/\1/p' "$root/Cargo.toml" | head -n1
}

need_apt=()
# chromium-driver gives chromedriver; fonts-noto-cjk gives Japanese glyphs to screenshots;
# nginx with its brotli_static module serves the build as production does (scripts/nginx.sh);
# brotli compresses the build's files once, at build time.
for pkg in chromium chromium-driver firefox-esr fonts-noto-cjk nginx libnginx-mod-http-brotli-static brotli; do
  dpkg -s "$pkg" 2>/dev/null | grep -q '^Status: install ok installed' || need_apt+=("$pkg")
done
if [ ${#need_apt[@]} -gt 0 ]; then
  log "installing system packages: ${need_apt[*]}"
  export DEBIAN_FRONTEND=noninteractive
  # The nginx package would start a system-wide server on port 80; ours runs on demand,
  # without root (scripts/nginx.sh), so keep package scripts from starting services.
  no_start=""
  if [ ! -e /usr/sbin/policy-rc.d ]; then
    printf '#!/bin/sh\nexit 101\n' > /usr/sbin/policy-rc.d
    chmod +x /usr/sbin/policy-rc.d
    no_start=/usr/sbin/policy-rc.d
  fi
  apt-get update -qq
  apt_status=0
  apt-get install -y -qq --no-install-recommends "${need_apt[@]}" >/dev/null || apt_status=$?
  [ -z "$no_start" ] || rm -f "$no_start"
  [ "$apt_status" -eq 0 ] || { log "apt-get install failed"; exit 1; }
fi

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  log "adding the wasm32 target"
  rustup target add wasm32-unknown-unknown
fi

pids=()
# Cargo installs run side by side: trunk alone takes most of the time on one core.
if ! trunk --version 2>/dev/null | grep -q " $TRUNK_VERSION\$"; then
  log "installing trunk $TRUNK_VERSION (about 9 minutes the first time)"
  cargo install trunk --version "$TRUNK_VERSION" --locked --quiet &
  pids+=($!)
fi
wbv="$(wasm_bindgen_version)"
if ! wasm-bindgen --version 2>/dev/null | grep -q " $wbv\$"; then
  log "installing wasm-bindgen-cli $wbv"
  # --locked fails to resolve one of its dependencies; without it the install works.
  cargo install wasm-bindgen-cli --version "$wbv" --force --quiet &
  pids+=($!)
fi
if ! geckodriver --version 2>/dev/null | grep -q "^geckodriver $GECKODRIVER_VERSION"; then
  log "installing geckodriver $GECKODRIVER_VERSION"
  cargo install geckodriver --version "$GECKODRIVER_VERSION" --locked --quiet &
  pids+=($!)
fi
if ! [ -x "$root/tools/node_modules/.bin/wasm-opt" ]; then
  log "installing wasm-opt (binaryen $BINARYEN_VERSION) from npm"
  (cd "$root/tools" && npm ci --silent --no-audit --no-fund) &
  pids+=($!)
fi
status=0
for pid in "${pids[@]}"; do wait "$pid" || status=1; done
if [ "$status" -ne 0 ]; then
  log "an install failed; see the messages above"
  exit 1
fi
log "tools ready"
