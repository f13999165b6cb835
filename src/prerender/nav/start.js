// `/`: the reader's language, as they chose it before or as their browser prefers,
// among the languages the page links to.
function chooseLanguage() {
  const choice = document.querySelector('.hcnf-language-choice');
  if (!choice) return;
  const offered = new Map();
  for (const link of choice.querySelectorAll('a[hreflang]')) {
    offered.set(link.hreflang.toLowerCase(), link.href);
  }
  const code = pickLanguage(null, [...offered.keys()], document.documentElement.lang);
  const href = offered.get(code);
  if (href) go(new URL(href), { replace: true });
}

// Among `offered`: the host's choice, else the reader's stored one, else the first of the
// browser's languages offered (`ja-JP` → `ja`), else `fallback`. A browser never asks for
// plain Japanese (`ja-x-easy` reads as `ja`): only the reader's own choice opens it.
function pickLanguage(chosen, offered, fallback, stored = storedLanguage(), preferred = browserLanguages()) {
  const primary = preferred.map((tag) => String(tag).split(/[-_]/)[0].toLowerCase());
  return (
    (chosen && offered.includes(chosen) && chosen) ||
    (stored && offered.includes(stored) && stored) ||
    primary.find((p) => offered.includes(p)) ||
    fallback
  );
}

function storedLanguage() {
  try {
    return localStorage.getItem(LOCALE_KEY);
  } catch {
    return null; // No storage: the browser's languages decide.
  }
}

const browserLanguages = () => [...(navigator.languages || [navigator.language])];

// Where the reader is on this page, kept in its history entry for the back button and a
// reload (the browser's own restoring is off: it would scroll before the page is back).
function remember() {
  // A host's own entries, and what it keeps in them, are the host's.
  const state = history.state;
  if (!underBase(location.pathname) || (state !== null && typeof state !== 'object')) return;
  history.replaceState({ ...state, hcnfScroll: scrollY }, '');
}

// In an iframe: the framing page, and no other, hears the app's height whenever it
// changes (`{type: "hcnf:height", height}`), so it can size the frame to fit; and links
// to other sites open in the whole window, not inside the frame.
function settleInFrame(element, named) {
  if (window.parent === window) return;
  // The site's own page in a frame: its full-window height would stop the frame shrinking.
  if (!host) document.documentElement.setAttribute('data-hcnf-framed', '');
  addEventListener(
    'click',
    (event) => {
      const link = event.composedPath().find((n) => n instanceof HTMLAnchorElement);
      if (!link?.href || link.target) return;
      try {
        const url = new URL(link.href);
        if (/^https?:$/.test(url.protocol) && url.origin !== location.origin) link.target = '_top';
      } catch {
        // Not a URL: the browser's to refuse.
      }
    },
    true,
  );
  let target = named;
  if (!target) {
    try {
      target = new URL(document.referrer).origin;
    } catch {
      target = null;
    }
  }
  if (!target || target === 'null') {
    console.warn(
      "HCNF: in an iframe, but the framing page's origin is unknown (no referrer): the app's height is not posted; name it with data-hcnf-parent-origin",
    );
    return;
  }
  new ResizeObserver(() => {
    window.parent.postMessage({ type: 'hcnf:height', height: element.scrollHeight }, target);
  }).observe(element);
}

// Listens for the reader's clicks, scrolling and history, once the app has started.
function listen() {
  let scrolled = 0;
  addEventListener(
    'scroll',
    () => {
      clearTimeout(scrolled);
      scrolled = setTimeout(remember, 200);
    },
    { passive: true },
  );
  addEventListener('click', onClick);
  addEventListener('auxclick', onClick);
  addEventListener('pointerdown', prefetch, { passive: true });
  addEventListener('mouseover', prefetch, { passive: true });
  addEventListener('popstate', (event) => {
    const url = new URL(location.href);
    // Only the fragment changed: the same page, which the browser scrolls itself. On a
    // host page, an entry of the host's own is the host's.
    if (key(url) === shown || !underBase(url.pathname)) return;
    go(url, { scroll: event.state?.hcnfScroll ?? 0 });
  });
}
// Starts on a page of the site: the page is there; only its form may need the wasm.
function startOnSite() {
  shown = location.pathname + location.search;
  // The page as it came, for coming back to it; a page with the form is fetched again.
  if (!document.querySelector(FORM)) {
    keep(shown, { text: `<!doctype html>${document.documentElement.outerHTML}` });
  }
  listen();
  history.scrollRestoration = 'manual';
  if (history.state?.hcnfScroll) scrollTo(0, history.state.hcnfScroll);
  absoluteAddress();
  const root = app();
  if (root) {
    heldBy(root);
    root.setAttribute(LINKS_HANDLED, '');
  }
  settleInFrame(document.body, null);
  chooseLanguage();
}

// Starts on a host page, with the host element's options and the way to fit a fragment
// into the host page, both from the host module (src/prerender/host.js, which hcnf.js
// loads). The host's element holds its fallback, or the build's fragment of this address
// (`data-hcnf-prerendered`), which is kept as it is.
function startOnHost(options, fit) {
  shown = location.pathname + location.search;
  host = options;
  fitPage = fit;
  const root = app();
  listen();
  root.setAttribute(LINKS_HANDLED, '');
  settleInFrame(root, host.parentOrigin);
  const page = root.hasAttribute('data-hcnf-prerendered') && root.querySelector(PAGE);
  if (page && underBase(location.pathname) && !isRoot(location.pathname)) {
    fitPage(page, host);
    absoluteAddress();
    heldBy(root);
    startForm(document, new URL(location.href), true);
    return;
  }
  go(new URL(location.href), { initial: true });
}

// A page of the site starts here; on a host page the host module starts the app.
// Imported anywhere else (tools/nav.test.mjs), the script only offers its rules.
if (typeof document !== 'undefined' && !embed) startOnSite();

export { APP, pickLanguage, startOnHost, underBase };
