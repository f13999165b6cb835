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
const LOCALE_KEY = 'hcnf.locale';

const app = () => document.querySelector(APP);
let pending = null;

// A page of this site that this script may bring in: same origin, not a file, and not
// this very page's own fragment (the skip link), which the browser handles.
function pageUrl(href) {
  let url;
  try {
    url = new URL(href, location.href);
  } catch {
    return null;
  }
  if (url.origin !== location.origin || !/^https?:$/.test(url.protocol)) return null;
  if (/\.[A-Za-z0-9]+$/.test(url.pathname)) return null;
  if (url.hash && url.pathname === location.pathname && url.search === location.search) {
    return null;
  }
  return url;
}

function onClick(event) {
  if (event.defaultPrevented || event.button !== 0) return;
  if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
  const link = event.target.closest && event.target.closest('a[href]');
  if (!link || !app()?.contains(link)) return;
  if ((link.target && link.target !== '_self') || link.hasAttribute('download')) return;
  if (link.dataset.hcnfLocale) {
    try {
      localStorage.setItem(LOCALE_KEY, link.dataset.hcnfLocale);
    } catch {
      // Storage refused (private mode): the choice lasts for this page only.
    }
  }
  const url = pageUrl(link.href);
  if (!url) {
    skipTo(event, link);
    return;
  }
  event.preventDefault();
  go(url, { push: true });
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
  try {
    const response = await fetch(url.pathname + url.search, {
      signal: ours.signal,
      headers: { Accept: 'text/html' },
    });
    if (!response.ok && response.status !== 404) throw new Error(String(response.status));
    doc = new DOMParser().parseFromString(await response.text(), 'text/html');
  } catch (error) {
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
    // Where the reader was on this page, for the back button.
    history.replaceState({ ...history.state, hcnfScroll: scrollY }, '');
    const state = { hcnfScroll: 0 };
    if (push) history.pushState(state, '', url.href);
    else history.replaceState(state, '', url.href);
  }
  swap(doc, next);
  absoluteAddress();
  if (scroll !== null) {
    scrollTo(0, scroll);
  } else if (url.hash && document.getElementById(decodeURIComponent(url.hash.slice(1)))) {
    document.getElementById(decodeURIComponent(url.hash.slice(1))).scrollIntoView();
  } else {
    scrollTo(0, 0);
  }
  if (scroll === null) document.querySelector(`${APP} h1[tabindex]`)?.focus({ preventScroll: true });
  await startForm(doc);
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
  app().replaceChildren(...[...next.childNodes].map((n) => document.importNode(n, true)));
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
  if (loader) await import(new URL(loader.getAttribute('src'), location.href).href);
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
// among the languages the page lists; the page itself links to every one.
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

addEventListener('click', onClick);
addEventListener('popstate', (event) => {
  go(new URL(location.href), { scroll: event.state?.hcnfScroll ?? 0 });
});
history.scrollRestoration = 'manual';
absoluteAddress();
// The page is interactive now, unless it has the form, which says so itself once the wasm
// runs it (src/inquiry/island.rs).
if (!document.querySelector(FORM)) app()?.setAttribute('data-hcnf-started', '');
chooseLanguage();
