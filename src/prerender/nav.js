// Moves between the site's prerendered pages without loading a new document. Every page
// is a whole HTML document that reads and works without this script; with it, a click on
// one of the site's links fetches the next page, puts its content in place of this one's,
// and brings the title, language, description and alternates along. Focus goes to the
// new page's heading, as a page load would put the reader at the top.
//
// Only the inquiry form runs in WebAssembly (src/inquiry/island.rs): the wasm is loaded
// by the inquiry page itself, or here when a navigation brings that page in.
//
// Written into every page by the prerenderer (src/prerender.rs).

const APP = '[data-hcnf-app]';
const FORM = '[data-hcnf-form]';
const STARTED = 'data-hcnf-started';
const LOCALE_KEY = 'hcnf.locale';
// How long a page fetched ahead of a click may wait for it.
const EARLY_MS = 30000;
// How long a page already fetched is shown again without asking the server: a reader
// going back and forth gets it at once. Pages change only when the site is published
// again, and a reload always asks.
const KEPT_MS = 120000;

const app = () => document.querySelector(APP);
// The navigation under way, if any: a newer one cancels it.
let pending = null;
// The page a reader is about to open, fetched from the moment they press on its link (or
// hover it with a mouse), so that the click finds it on its way: one page at a time.
let early = null;
// The page shown (path and query): a change of the fragment alone is no new page.
let shown = location.pathname + location.search;

const key = (url) => url.pathname + url.search;
// Pages fetched in this visit, by key: their HTML and until when it is kept.
const kept = new Map();

// A page of this site that this script may bring in: same origin, not a file, and not a
// place on the page shown (the skip link), which `skipTo` handles.
function pageUrl(href) {
  let url;
  try {
    url = new URL(href, location.href);
  } catch {
    return null;
  }
  if (url.origin !== location.origin || !/^https?:$/.test(url.protocol)) return null;
  if (/\.[A-Za-z0-9]+$/.test(url.pathname)) return null;
  if (url.hash && key(url) === shown) return null;
  return url;
}

// The site's link under a pointer or finger, if any.
function linkAt(event) {
  const link = event.target.closest && event.target.closest('a[href]');
  if (!link || !app()?.contains(link)) return null;
  if ((link.target && link.target !== '_self') || link.hasAttribute('download')) return null;
  return link;
}

function fetchPage(url, signal) {
  return fetch(key(url), { signal, headers: { Accept: 'text/html' } });
}

// Fetches the page behind a link ahead of the click, unless the reader asked to save data.
function prefetch(event) {
  if (navigator.connection?.saveData) return;
  const link = linkAt(event);
  const url = link && pageUrl(link.href);
  if (!url || key(url) === shown || (kept.get(key(url))?.until ?? 0) > Date.now()) return;
  if (early?.key === key(url) && Date.now() < early.until) return;
  early?.controller.abort();
  const controller = new AbortController();
  early = {
    key: key(url),
    until: Date.now() + EARLY_MS,
    controller,
    response: fetchPage(url, controller.signal).catch(() => null),
  };
}

// The response for `url`: the one fetched ahead of the click if it is still fresh, else a
// new request. Each response is taken once: a second click fetches again.
async function responseFor(url, signal) {
  const ahead = early;
  early = null;
  if (ahead?.key === key(url) && Date.now() < ahead.until) {
    const response = await ahead.response;
    if (response) return response;
  } else {
    ahead?.controller.abort();
  }
  return fetchPage(url, signal);
}

function onClick(event) {
  if (event.defaultPrevented || event.button > 1) return;
  const link = linkAt(event);
  if (!link) return;
  // The language switch: the reader's choice is kept for `/`, however they follow it.
  if (link.dataset.hcnfLocale) {
    try {
      localStorage.setItem(LOCALE_KEY, link.dataset.hcnfLocale);
    } catch {
      // Storage refused (private mode): the choice lasts for this visit only.
    }
  }
  if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) {
    return;
  }
  const url = pageUrl(link.href);
  if (!url) {
    skipTo(event, link);
    return;
  }
  event.preventDefault();
  // The page shown, asked for again: shown again, with no second history entry.
  go(url, key(url) === shown ? { replace: true } : { push: true });
}

// A link to a place on this page (the skip link): focus goes there, as a keyboard user
// expects, and the address stays the page's own.
function skipTo(event, link) {
  const hash = link.getAttribute('href');
  if (!hash?.startsWith('#')) return;
  const target = document.getElementById(decodeURIComponent(hash.slice(1)));
  if (!target || !target.hasAttribute('tabindex')) return;
  event.preventDefault();
  target.focus();
}

// Brings in the page at `url`. On any failure the browser loads it itself, so a reader
// always gets the page they asked for.
async function go(url, { push = false, replace = false, scroll = null } = {}) {
  pending?.abort();
  const ours = (pending = new AbortController());
  let doc;
  let at = url;
  try {
    let html = kept.get(key(url));
    if (html && Date.now() < html.until) {
      html = html.text;
    } else {
      const response = await responseFor(url, ours.signal);
      if (!response.ok && response.status !== 404) throw new Error(String(response.status));
      // Where a redirect led, keeping the fragment asked for.
      if (response.redirected && response.url) at = new URL(url.hash, response.url);
      html = await response.text();
      if (response.ok) kept.set(key(at), { text: html, until: Date.now() + KEPT_MS });
    }
    doc = new DOMParser().parseFromString(html, 'text/html');
  } catch {
    if (ours.signal.aborted) return;
    location.assign(url.href);
    return;
  }
  if (pending !== ours) return;
  pending = null;
  const next = doc.querySelector(APP);
  if (!next) {
    location.assign(url.href);
    return;
  }
  if (push || replace) {
    remember();
    const state = { hcnfScroll: 0 };
    if (push) history.pushState(state, '', at.href);
    else history.replaceState(state, '', at.href);
  }
  shown = key(at);
  swap(doc, next);
  absoluteAddress();
  const target = at.hash && document.getElementById(decodeURIComponent(at.hash.slice(1)));
  if (scroll !== null) scrollTo(0, scroll);
  else if (target) target.scrollIntoView();
  else scrollTo(0, 0);
  // As after a page load, the reader starts at the new page's heading; a screen reader
  // announces it.
  document.querySelector(`${APP} h1[tabindex]`)?.focus({ preventScroll: true });
  try {
    await startForm(doc);
  } catch {
    // The form's code could not be loaded (offline, or a newer build took its place):
    // the page itself, loaded by the browser, says what to do.
    location.assign(at.href);
  }
}

// The new page's content and head in place of the current ones.
function swap(doc, next) {
  if (document.querySelector(FORM)) window.wasmBindings?.hcnfLeaveForm?.();
  document.title = doc.title;
  document.documentElement.lang = doc.documentElement.lang;
  const headParts = 'meta[name="description"], link[rel="alternate"], link[rel="canonical"]';
  for (const old of document.head.querySelectorAll(headParts)) old.remove();
  for (const part of doc.head.querySelectorAll(headParts)) {
    document.head.append(document.importNode(part, true));
  }
  const root = app();
  root.replaceChildren(...[...next.childNodes].map((n) => document.importNode(n, true)));
  // A page with the form is interactive only once the form runs (src/inquiry/island.rs).
  if (root.querySelector(FORM)) root.removeAttribute(STARTED);
  else root.setAttribute(STARTED, '');
}

// A page with the form runs it: with the wasm already here, at once; otherwise by the
// new page's own loader, whose module starts the form it finds in the document.
async function startForm(doc) {
  if (!document.querySelector(FORM)) return;
  if (window.wasmBindings?.hcnfStartForm) {
    window.wasmBindings.hcnfStartForm();
    return;
  }
  const loader = doc.querySelector('script[type="module"][src*="hcnf-start-"]');
  if (!loader) throw new Error('the page names no loader for its form');
  await import(new URL(loader.getAttribute('src'), location.href).href);
}

// On paper, the footer gives the page's address. The prerendered page knows only its path
// (unless the build was given the site's origin); here it gets the origin it was read at.
function absoluteAddress() {
  const footer = document.querySelector(`${APP} .hcnf-footer__address`);
  if (!footer) return;
  const walker = document.createTreeWalker(footer, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node.nodeValue;
    const at = text.indexOf(location.pathname);
    if (at >= 0 && text.slice(at) === location.pathname && !text.includes('://')) {
      node.nodeValue = text.slice(0, at) + location.origin + location.pathname;
    }
  }
}

// `/`: the reader's language, as they chose it before or as their browser prefers,
// among the languages the page links to.
function chooseLanguage() {
  const choice = document.querySelector('.hcnf-language-choice');
  if (!choice) return;
  const offered = new Map();
  for (const link of choice.querySelectorAll('a[hreflang]')) {
    offered.set(link.hreflang.toLowerCase(), link.href);
  }
  let stored = null;
  try {
    stored = localStorage.getItem(LOCALE_KEY);
  } catch {
    // No storage: the browser's languages decide.
  }
  const preferred = [...(navigator.languages || [navigator.language])].map((tag) =>
    String(tag).split(/[-_]/)[0].toLowerCase(),
  );
  const code =
    (stored && offered.has(stored) && stored) ||
    preferred.find((p) => offered.has(p)) ||
    document.documentElement.lang;
  const href = offered.get(code);
  if (href) go(new URL(href), { replace: true });
}

// Where the reader is on this page, kept in its history entry for the back button and a
// reload (the browser's own restoring is off: it would scroll before the page is back).
function remember() {
  history.replaceState({ ...history.state, hcnfScroll: scrollY }, '');
}

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
  // Only the fragment changed: the same page, which the browser scrolls itself.
  if (key(url) === shown) return;
  go(url, { scroll: event.state?.hcnfScroll ?? 0 });
});
// The page as it came, for coming back to it; a page with the form is fetched again.
if (!document.querySelector(FORM)) {
  kept.set(shown, {
    text: `<!doctype html>${document.documentElement.outerHTML}`,
    until: Date.now() + KEPT_MS,
  });
}
history.scrollRestoration = 'manual';
if (history.state?.hcnfScroll) scrollTo(0, history.state.hcnfScroll);
absoluteAddress();
// The page is interactive now, unless it has the form, which says so itself once the wasm
// runs it (src/inquiry/island.rs).
if (!document.querySelector(FORM)) app()?.setAttribute(STARTED, '');
chooseLanguage();
