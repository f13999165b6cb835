#!/usr/bin/env bash
# Installs every tool the project needs, skipping what is already there.
# Safe to run twice. Sourced by serve.sh and test.sh so PATH changes carry over.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
TRUNK_VERSION=0.21.14
GECKODRIVER_VERSION=0.37.1
BINARYEN_VERSION=132.0.0
LEPTOSFMT_VERSION=0.1.33

export PATH="$HOME/.cargo/bin:$root/tools/node_modules/.bin:$PATH"

log() { printf '[setup] %s\n' "$*" >&2; }

# The wasm-bindgen CLI must match the library the build links exactly: the version
# Cargo.lock resolved.
wasm_bindgen_version() {
  awk '/^\[\[package\]\]/ { name = "" }
       /^name = "wasm-bindgen"$/ { name = "wasm-bindgen" }
       name == "wasm-bindgen" && /^version = / { gsub(/"/, "", $3); print $3; exit }' "$root/Cargo.lock"
}

for tool in cargo rustup; do
  command -v "$tool" >/dev/null || { log "$tool is missing: install Rust with rustup first"; exit 1; }
done

need_apt=()
# chromium-driver gives chromedriver; fonts-noto-cjk gives Japanese glyphs to screenshots;
# nginx with its brotli_static module serves the build as production does (scripts/nginx.sh);
# brotli compresses the build's files once, at build time. exim4-daemon-light is the real mail
# server the endpoint's mail tests and scripts/serve.sh deliver to (run without root, on a
# loopback port, into a Maildir; the package's own system service is never started);
# openssl makes the certificates of the TLS relay the mail tests start.
# nodejs and npm install wasm-opt and the measuring tools (tools/package.json).
for pkg in chromium chromium-driver firefox-esr fonts-noto-cjk nginx libnginx-mod-http-brotli-static brotli curl exim4-daemon-light openssl; do
  dpkg -s "$pkg" 2>/dev/null | grep -q '^Status: install ok installed' || need_apt+=("$pkg")
done
command -v npm >/dev/null || need_apt+=(nodejs npm)
# The Nu HTML Checker runs on Java.
command -v java >/dev/null || need_apt+=(default-jre-headless)
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

# The rust-version Cargo.toml declares.
need_rust="$(sed -n 's/^rust-version = "\([0-9.]*\)"/\1/p' "$root/Cargo.toml" | head -n1)"
have_rust="$(rustc --version | awk '{print $2}')"
if [ "$(printf '%s\n%s\n' "$need_rust" "$have_rust" | sort -V | head -n1)" != "$need_rust" ]; then
  log "Rust $have_rust is older than the $need_rust this project needs: run rustup update"
  exit 1
fi
for component in rustfmt clippy; do
  if ! rustup component list --installed | grep -q "^$component"; then
    log "adding the $component component"
    rustup component add "$component"
  fi
done
if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  log "adding the wasm32 target"
  rustup target add wasm32-unknown-unknown
fi

# The pinned nightly the release wasm is built with (Cargo.toml, package.metadata.hcnf),
# with the standard library's source for build-std.
source "$root/scripts/wasm_toolchain.sh"
wasm_toolchain="$(wasm_toolchain_of "$root")"
[ -n "$wasm_toolchain" ] || { log "Cargo.toml names no wasm-toolchain"; exit 1; }
if ! rustup run "$wasm_toolchain" rustc --version >/dev/null 2>&1 ||
  ! rustup component list --toolchain "$wasm_toolchain" --installed 2>/dev/null | grep '^rust-src' >/dev/null ||
  ! rustup target list --toolchain "$wasm_toolchain" --installed 2>/dev/null | grep -x wasm32-unknown-unknown >/dev/null; then
  log "installing the $wasm_toolchain compiler for the release wasm"
  rustup toolchain install "$wasm_toolchain" --profile minimal --component rust-src \
    --target wasm32-unknown-unknown --no-self-update
fi

pids=()
# Cargo installs run side by side: trunk alone takes most of the time on one core.
if ! trunk --version 2>/dev/null | grep -q " $TRUNK_VERSION\$"; then
  log "installing trunk $TRUNK_VERSION (about 9 minutes the first time)"
  cargo install trunk --version "$TRUNK_VERSION" --locked --quiet &
  pids+=($!)
fi
wbv="$(wasm_bindgen_version)"
[ -n "$wbv" ] || { log "Cargo.lock names no wasm-bindgen version"; exit 1; }
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
if ! leptosfmt --version 2>/dev/null | grep -q " $LEPTOSFMT_VERSION\$"; then
  log "installing leptosfmt $LEPTOSFMT_VERSION"
  cargo install leptosfmt --version "$LEPTOSFMT_VERSION" --locked --quiet &
  pids+=($!)
fi
if ! [ -x "$root/tools/node_modules/.bin/wasm-opt" ] ||
  ! [ -f "$root/tools/node_modules/axe-core/axe.min.js" ] ||
  ! [ -f "$root/tools/node_modules/vnu-jar/build/dist/vnu.jar" ] ||
  ! [ -f "$root/tools/node_modules/html_codesniffer/build/HTMLCS.js" ] ||
  ! [ -x "$root/tools/node_modules/.bin/terser" ] ||
  ! [ -f "$root/tools/node_modules/acorn/dist/acorn.mjs" ]; then
  log "installing the npm tools (binaryen $BINARYEN_VERSION, terser, acorn, axe-core, vnu-jar, html_codesniffer)"
  (cd "$root/tools" && npm ci --silent --no-audit --no-fund) &
  pids+=($!)
fi
status=0
for pid in "${pids[@]}"; do wait "$pid" || status=1; done
if [ "$status" -ne 0 ]; then
  log "an install failed; see the messages above"
  exit 1
fi
# Everything the scripts call, checked once here rather than failing halfway through a run.
for tool in trunk wasm-bindgen wasm-bindgen-test-runner wasm-opt terser leptosfmt geckodriver \
  chromedriver chromium firefox nginx brotli gzip curl node npm cargo-fmt cargo-clippy java; do
  command -v "$tool" >/dev/null || { log "$tool is still missing after setup"; exit 1; }
done
[ -x /usr/sbin/exim4 ] || { log "exim4 is still missing after setup"; exit 1; }
[ -f /usr/lib/nginx/modules/ngx_http_brotli_static_module.so ] ||
  { log "nginx's brotli_static module is still missing after setup"; exit 1; }
log "tools ready"
