// The element marked as running, or not yet: a page with the form runs wholly only once
// the form does (src/inquiry/island.rs). Its links work before (LINKS_HANDLED).
function heldBy(root) {
  if (root.querySelector(FORM)) root.removeAttribute(STARTED);
  else root.setAttribute(STARTED, '');
}

// A page with the form runs it. If the form's code cannot be loaded or run (offline, or a
// newer build took its place), the page itself, loaded by the browser, says what to do;
// but not when this is the page being started, which would load forever.
async function startForm(doc, at, initial) {
  if (!document.querySelector(FORM)) return;
  try {
    await loadForm(doc);
  } catch (error) {
    console.error(`HCNF: the inquiry form could not start: ${error}`);
    // Where only the app could send it (a host page that does not pass the plain form's
    // posts on), the form then shows how else to inquire (styles/site.css).
    document.querySelector(FORM)?.setAttribute('data-hcnf-app-failed', '');
    if (!initial) location.assign(at.href);
  }
}

// With the wasm already here, at once; otherwise by the new page's own loader (or, on a
// host page, the glue hcnf.js names), whose module starts the form it finds.
async function loadForm(doc) {
  if (window.wasmBindings?.hcnfStartForm) {
    window.wasmBindings.hcnfStartForm();
    return;
  }
  if (host) {
    // Its `main` takes the form over as it starts.
    const glue = await import(new URL(embed.glue, host.assets).href);
    await glue.default({ module_or_path: new URL(embed.wasm, host.assets) });
    window.wasmBindings = glue;
    return;
  }
  const loader = doc.querySelector('script[type="module"][src*="hcnf-start-"]');
  if (!loader) throw new Error('the page names no loader for its form');
  await import(new URL(loader.getAttribute('src'), location.href).href);
}

// On paper, the footer gives the page's address. The prerendered page knows only its path
// (unless the build was given the site's origin), and a fragment the path it was written
// for; here it gets the address it was read at, which on a host page is the host's.
function absoluteAddress() {
  const url = document.querySelector(`${APP} .hcnf-footer__url`);
  if (url) url.textContent = location.origin + location.pathname;
}

