#!/usr/bin/env bash
# Installs whatever is missing, then runs every check and test suite: formatting, lints,
# native tests, the browser tests in headless Chromium and Firefox, the release build, and
# end-to-end checks of the built site and of inquiries sent from it to the endpoint. Stops at the first failure.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
source scripts/setup.sh

step() { printf '\n==> %s\n' "$*"; }

step "formatting"
cargo fmt --all --check

step "lints (native and wasm)"
cargo clippy --workspace --all-targets --quiet -- -D warnings
cargo clippy --target wasm32-unknown-unknown --lib --tests --quiet -- -D warnings

step "native tests"
# The browser journey (crates/endpoint/tests/browser.rs) is ignored here and run below,
# once the release build exists.
cargo test --workspace

browser_tests=()
for f in tests/*.rs; do browser_tests+=(--test "$(basename "$f" .rs)"); done

step "browser tests in headless Chromium"
CHROMEDRIVER="$(command -v chromedriver)" cargo test --target wasm32-unknown-unknown "${browser_tests[@]}"

step "browser tests in headless Firefox"
GECKODRIVER="$(command -v geckodriver)" cargo test --target wasm32-unknown-unknown "${browser_tests[@]}"

step "release build and sizes"
trunk build --release
bash scripts/size.sh --no-build

step "end to end: the built site behind a static server"
python3 tests/e2e/dist_routes.py dist

step "end to end: inquiries from the built app to the endpoint, in Chromium and Firefox"
# One browser at a time: four at once on a two-core machine once left a page still
# starting after the wait ran out.
for driver in chromedriver geckodriver; do
  HCNF_WEBDRIVER="$(command -v "$driver")" \
    cargo test -p hcnf-endpoint --test browser -- --ignored --test-threads=1
done

step "end to end: the built app embedded in the demo host page, in Chromium and Firefox"
for driver in chromedriver geckodriver; do
  HCNF_WEBDRIVER="$(command -v "$driver")" \
    cargo test -p hcnf-endpoint --test embed -- --ignored --test-threads=1
done
