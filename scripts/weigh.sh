#!/usr/bin/env bash
# What each of the build's own size measures saves a reader today, in brotli bytes: the
# release wasm and its glue built as scripts/build.sh builds them, then again without
# each measure in turn, into target/weigh/ (dist/ is left alone). Prints a table; the
# figures in docs/size.md come from it.
#   scripts/weigh.sh            (about 5 minutes once the crates are compiled both ways)
# The measures: the wasm pruner (tools/prune-wasm.mjs), terser on the glue, and the
# pinned nightly with the standard library rebuilt for size (against the same code on
# stable). Expects the tools
# scripts/setup.sh installs.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
case "${1:-}" in -h | --help) awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "$0"; exit 0 ;; esac
export PATH="$HOME/.cargo/bin:$PWD/tools/node_modules/.bin:$PATH"
out=target/weigh
rm -rf "$out"
mkdir -p "$out"

br() { brotli --best --stdout "$1" | wc -c; }

# trunk's release build into $1, with the environment the caller gives.
trunk_into() {
  trunk build --release --dist "$1" >"$1.log" 2>&1 || { cat "$1.log" >&2; exit 1; }
}

source scripts/wasm_toolchain.sh
toolchain="$(wasm_toolchain_of .)"
echo "weigh.sh: the release wasm on $toolchain, as scripts/build.sh builds it"
RUSTUP_TOOLCHAIN="$toolchain" \
  CARGO_UNSTABLE_BUILD_STD=std,panic_abort \
  CARGO_UNSTABLE_BUILD_STD_FEATURES=optimize_for_size \
  CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="--cfg erase_components -Zunstable-options -Cpanic=immediate-abort -Zfmt-debug=none" \
  trunk_into "$out/nightly"
echo "weigh.sh: the same code on stable, as HCNF_STABLE_WASM=1 builds it"
trunk_into "$out/stable"

wasm_of() { ls "$1"/hcnf-*_bg.wasm; }
glue_of() { ls "$1"/hcnf-site-*.js | grep -v '_bg\.js$'; }

# The wasm as shipped (pruned, then wasm-opt -Oz) and without the pruner.
for kind in nightly stable; do
  w="$(wasm_of "$out/$kind")"
  node tools/prune-wasm.mjs "$w" "$out/$kind.pruned.wasm" >/dev/null
  wasm-opt -Oz "$out/$kind.pruned.wasm" -o "$out/$kind.shipped.wasm"
  wasm-opt -Oz "$w" -o "$out/$kind.unpruned.wasm"
done
g="$(glue_of "$out/nightly")"
terser "$g" --module --compress --mangle --output "$out/glue.shipped.js"

shipped=$(br "$out/nightly.shipped.wasm")
row() { printf '%-58s %9d %9d\n' "$1" "$2" "$(($2 - $3))"; }
printf '\n%-58s %9s %9s\n' "build" "brotli B" "more B"
row "wasm as shipped (nightly, build-std, pruned, wasm-opt -Oz)" "$shipped" "$shipped"
row "  without the wasm pruner (tools/prune-wasm.mjs)" "$(br "$out/nightly.unpruned.wasm")" "$shipped"
row "  on stable, pruned (no build-std, no immediate abort)" "$(br "$out/stable.shipped.wasm")" "$shipped"
row "  on stable, without the pruner" "$(br "$out/stable.unpruned.wasm")" "$shipped"
glue=$(br "$out/glue.shipped.js")
row "glue as shipped (terser)" "$glue" "$glue"
row "  without terser" "$(br "$g")" "$glue"
