#!/usr/bin/env bash
# Trunk post-build hook: the pages carry the stylesheet inline; its copy becomes hcnf.css,
# the stable name a host page links (docs/embedding.md). hcnf.js, the
# host's loader, is written by the prerenderer, which knows the navigation script's name.
set -euo pipefail
dir="${TRUNK_STAGING_DIR:?run by trunk as a post_build hook (see Trunk.toml)}"
mv "$dir/site.css" "$dir/hcnf.css"
