#!/usr/bin/env bash
# Trunk post-build hook: gives a host page stable names to link to. Trunk names the app's
# files by content hash (hcnf-site-1a2b….js), which lets them be cached for ever but cannot
# be written into a snippet once. This writes beside them
#   hcnf.js   a small loader that imports this build's hashed files, relative to itself,
#   hcnf.css  the stylesheet,
# so a host links those two, and serves them with a short cache lifetime.
set -euo pipefail
dir="${TRUNK_STAGING_DIR:?run by trunk as a post_build hook (see Trunk.toml)}"

only() { # the one file in $dir matching $1
  local found=("$dir"/$1)
  if [ "${#found[@]}" -ne 1 ] || [ ! -f "${found[0]}" ]; then
    echo "embed_files.sh: expected one $1 in the build, found: ${found[*]}" >&2
    exit 1
  fi
  basename "${found[0]}"
}
# The site's build (index.html): the pages carry the stylesheet inline; its copy becomes
# the host pages' hcnf.css. The embedding's build (embed.html) has the whole app, which
# hcnf.js loads.
if [ -f "$dir/site.css" ]; then
  mv "$dir/site.css" "$dir/hcnf.css"
fi
if ! compgen -G "$dir/hcnf-embed-*_bg.wasm" >/dev/null; then
  exit 0
fi
js="$(only 'hcnf-embed-*[!g].js')"
wasm="$(only 'hcnf-embed-*_bg.wasm')"
cat > "$dir/hcnf.js" <<JS
// Starts the HCNF app in the page's element marked data-hcnf-app. Written by the build.
const here = new URL(".", import.meta.url).href;
// The app finds config.json beside its own files, wherever the host page is.
for (const el of document.querySelectorAll("[data-hcnf-app]:not([data-hcnf-assets])")) {
  el.setAttribute("data-hcnf-assets", here);
}
// Fetch the wasm now, beside the glue code, not after it.
const wasm = fetch(new URL("./$wasm", here));
const { default: init } = await import("./$js");
await init({ module_or_path: wasm });
JS
