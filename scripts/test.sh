#!/usr/bin/env bash
# Installs whatever is missing, then runs every check and test suite: formatting, lints,
# native tests, the browser tests in headless Chromium and Firefox, the prerendered build,
# its size budget and its HTML as served (by the Nu HTML Checker), and end-to-end tests of
# the built site behind nginx (with JavaScript off and on), of inquiries sent from it to the
# endpoint, and of the app embedded in a host page, and the endpoint's mail to a real local
# mail server. Stops at the first failure.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
source scripts/setup.sh

step() { printf '\n==> %s\n' "$*"; }

# The most a reader may transfer for any page's first view, in bytes (brotli): the site's
# budget of 150 KB (docs/size.md).
SIZE_BUDGET=150000

step "formatting (rustfmt, and leptosfmt for the view! bodies rustfmt leaves alone)"
cargo fmt --all --check
leptosfmt --check --quiet src tests

step "lints (native, with the prerenderer and the endpoint's test faults; the endpoint as released; wasm)"
cargo clippy --workspace --all-targets --features hcnf-site/ssr,hcnf-endpoint/test-faults --quiet -- -D warnings
cargo clippy -p hcnf-endpoint --all-targets --quiet -- -D warnings
cargo clippy --target wasm32-unknown-unknown --lib --tests --quiet -- -D warnings

step "native tests (content, contract, routes, the prerendered pages)"
# The end-to-end suites (e2e/tests/) are ignored here and run below, once the build exists.
# The fault tests in http.rs need the endpoint's test-faults feature; the endpoint as
# released is tested without it (no fault flags or routes).
cargo test --workspace --features hcnf-site/ssr,hcnf-endpoint/test-faults
cargo test -p hcnf-endpoint

step "mail under load: 1,000 inquiries from 1,000 clients, 2,000 messages into a real mail server, each once"
cargo test -p hcnf-endpoint --test mail -- --ignored --nocapture 2>&1 | grep -v '^$'

step "the build's wasm and glue pruning, on modules written for them; the navigation script's rules; the benchmark's heap accounting"
node --test tools/prune-wasm.test.mjs tools/nav.test.mjs tools/bench/lib.test.mjs

browser_tests=()
for f in tests/*.rs; do browser_tests+=(--test "$(basename "$f" .rs)"); done

step "browser tests in headless Chromium"
CHROMEDRIVER="$(command -v chromedriver)" cargo test --target wasm32-unknown-unknown "${browser_tests[@]}"

step "browser tests in headless Firefox"
GECKODRIVER="$(command -v geckodriver)" cargo test --target wasm32-unknown-unknown "${browser_tests[@]}"

step "the site as deployed: release build, prerendered pages, compressed files"
bash scripts/build.sh

step "size of each page's first view (brotli, as nginx serves it)"
bash scripts/size.sh --budget "${HCNF_SIZE_BUDGET:-$SIZE_BUDGET}"

# No browser: the bytes as served, before any script runs. One run of the checker over
# every document; the warnings it lists are allowed.
step "valid HTML as served: the Nu HTML Checker over every page and fragment nginx serves and every answer page of the endpoint"
cargo test -p hcnf-e2e --test served_html -- --ignored --nocapture

# One browser at a time: four at once on a two-core machine once left a page still
# starting after the wait ran out. Each accessibility check files what it covered and found
# under target/audit/ as it runs.
rm -rf target/audit
for driver in chromedriver geckodriver; do
  step "end to end in $driver: every page through nginx with JavaScript off and on, inquiries to the endpoint, the app embedded in the demo host page, the form's markers as the browser parses them"
  HCNF_WEBDRIVER="$(command -v "$driver")" \
    cargo test -p hcnf-e2e --test site --test browser --test embed --test accessibility --test island \
      -- --ignored --test-threads=1
done

step "the accessibility page: this run's results, built into the site"
# Every suite passed: the checks' records become the page's results (content/audit/, which
# build.rs bakes in), the site is built again with them, and the page is read back.
rm -rf content/audit
mkdir -p content/audit
cp target/audit/*.json content/audit/
bash scripts/build.sh
bash scripts/size.sh --budget "${HCNF_SIZE_BUDGET:-$SIZE_BUDGET}"
HCNF_WEBDRIVER="$(command -v chromedriver)" \
  cargo test -p hcnf-e2e --test site \
    -- --ignored --exact the_accessibility_page_shows_every_check_of_the_run_it_was_built_with
