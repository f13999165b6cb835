#!/usr/bin/env bash
# Trunk post-build hook: the pages carry styles/site.css inline (and styles/form.css, where
# the form is); host pages link hcnf.css (docs/embedding.md), which is styles/host.css (the
# reset that stops the host's rules at the app's edge, which the site's own pages do not
# need) followed by the same rules in the same order. hcnf.js, the host's loader, is
# written by the prerenderer, which knows the navigation script's name.
set -euo pipefail
dir="${TRUNK_STAGING_DIR:?run by trunk as a post_build hook (see Trunk.toml)}"
src="${TRUNK_SOURCE_DIR:-$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)}"
cat "$src/styles/host.css" "$src/styles/site.css" "$src/styles/form.css" > "$dir/hcnf.css"
