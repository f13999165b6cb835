#!/usr/bin/env bash
# Builds the site as it is deployed, into dist/: trunk's release build (wasm, glue,
# stylesheet, the embedding's hcnf.css), then every page prerendered to HTML
# by the same components compiled natively, then a brotli and a gzip copy of each file for
# nginx to serve as they are. Expects the tools scripts/setup.sh installs.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
# Where setup puts them, so this also works when run on its own: without wasm-opt on the
# PATH trunk would try to download one.
export PATH="$HOME/.cargo/bin:$PWD/tools/node_modules/.bin:$PATH"
# The release wasm: by default on the pinned nightly (Cargo.toml, package.metadata.hcnf),
# with the standard library rebuilt for size and panics that abort at once, without
# formatting a message: 19 KB brotli less for every reader than on stable (docs/size.md).
# A panic then shows in the console as "unreachable" alone; to see its message, build with
# HCNF_STABLE_WASM=1. `-Zfmt-debug=none` leaves Debug formatting out (3.1 KB
# brotli): `{:?}` then writes nothing, so messages the console shows quote their values
# by hand (host.rs, config.rs). The rustflags repeat .cargo/config.toml's, which they
# replace.
if [ "${HCNF_STABLE_WASM:-}" = 1 ]; then
  trunk build --release
else
  source scripts/wasm_toolchain.sh
  wasm_toolchain="$(wasm_toolchain_of .)"
  if [ -z "$wasm_toolchain" ] || ! rustup run "$wasm_toolchain" rustc --version >/dev/null 2>&1; then
    echo "build.sh: the wasm's compiler ${wasm_toolchain:-(none named in Cargo.toml)} is not installed; run scripts/setup.sh, or build on stable with HCNF_STABLE_WASM=1" >&2
    exit 1
  fi
  RUSTUP_TOOLCHAIN="$wasm_toolchain" \
    CARGO_UNSTABLE_BUILD_STD=std,panic_abort \
    CARGO_UNSTABLE_BUILD_STD_FEATURES=optimize_for_size \
    CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="--cfg erase_components -Zunstable-options -Cpanic=immediate-abort -Zfmt-debug=none" \
    trunk build --release
fi
# The wasm as trunk leaves it (index.html turns its wasm-opt off): first without Leptos's
# asynchronous hydration and server-function stream adapters, which this app never runs
# (tools/prune-wasm.mjs; 17 KB brotli), then wasm-opt -Oz, as trunk would have run it.
# Same input, same output, so the file keeps its content-hashed name. (A change to the
# pruning alone keeps the name too: a reader's cached copy then differs only in code that
# never runs, and works with the same glue.)
for wasm in dist/hcnf-*_bg.wasm; do
  node tools/prune-wasm.mjs "$wasm" "$wasm.pruned"
  wasm-opt -Oz "$wasm.pruned" -o "$wasm"
  rm "$wasm.pruned"
done
# The wasm-bindgen glue as trunk writes it is readable JavaScript; minified, it is 1.3 KB
# brotli less in every first view, and quicker to parse. Same input, same output, so the
# file keeps its content-hashed name. (The classes that wrap the stream adapters pruned
# from the wasm stay: they never run, and leaving them out saved 0.3 KB, less than a
# script of its own to maintain costs.)
for glue in dist/hcnf-site-*.js; do
  case "$glue" in *_bg.js) continue ;; esac
  terser "$glue" --module --compress --mangle --output "$glue.min"
  mv "$glue.min" "$glue"
done
# A debug build: it shares its compiled crates with the native tests, and its speed does
# not matter for twenty pages.
cargo run --quiet --features ssr --bin prerender -- dist
# The navigation script and the host module the prerenderer wrote beside the pages (named
# by their source), the same way as the glue.
for nav in dist/hcnf-nav-*.js dist/hcnf-host-*.js; do
  terser "$nav" --module --compress --mangle --output "$nav.min"
  mv "$nav.min" "$nav"
done
# config.json is left uncompressed: the web staff edit it in place, and a stale
# compressed copy would be served instead of their change.
find dist -type f \( -name '*.html' -o -name '*.js' -o -name '*.css' -o -name '*.wasm' -o -name '*.svg' \) -print0 |
  while IFS= read -r -d '' f; do
    brotli --force --best --keep "$f"
    gzip --force --best --keep "$f"
  done
