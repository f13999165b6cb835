// Moves between the site's prerendered pages without loading a new document. Every page
// is a whole HTML document that reads and works without this script; with it, a click on
// one of the site's links fetches the next page, puts its content in place of this one's,
// and brings the title, language, description and alternates along. Focus goes to the
// new page's heading, as a page load would put the reader at the top.
//
// Only the inquiry form runs in WebAssembly (src/inquiry/island.rs): the wasm is loaded
// by the inquiry page itself, or here when a navigation brings that page in.
//
// On a host page (hcnf.js, which sets `window.hcnfEmbed` and loads src/prerender/host.js),
// the same script runs the app inside the host's element: it brings in the build's
// fragment of each address under the host's base path and leaves the host's document,
// links and title alone. What only a host page needs (reading the element's attributes,
// fitting a fragment's links and landmark into the host page) is in the host module, so
// that the site's readers do not download it.
//
// Written beside the pages by the prerenderer (src/prerender.rs).

const APP = '[data-hcnf-app]';
const FORM = '[data-hcnf-form]';
// A fragment's own element, written by the build around the app's markup.
const PAGE = '[data-hcnf-page]';
const STARTED = 'data-hcnf-started';
// Set once this script handles the site's links: from then on a click on one changes the
// page without loading a document. On the inquiry page that comes before the form runs.
const LINKS_HANDLED = 'data-hcnf-links';
const LOCALE_KEY = 'hcnf.locale';
// How long a page fetched ahead of a click may wait for it.
const EARLY_MS = 30000;
// How long a page already fetched is shown again without asking the server: a reader
// going back and forth gets it at once. Pages change only when the site is published
// again, and a reload always asks.
const KEPT_MS = 120000;

// Set by hcnf.js on a host page: where the app's files are, the base its fragments were
// written for, the form's glue and wasm, and the languages.
const embed = globalThis.hcnfEmbed ?? null;
// The host element's options, read once, and the host module's way to fit a fragment
// into the host page (host mode only).
let host = null;
let fitPage = null;

const app = () => document.querySelector(APP);
// The navigation under way, if any: a newer one cancels it.
let pending = null;
// The page a reader is about to open, fetched from the moment they press on its link (or
// hover it with a mouse), so that the click finds it on its way: one page at a time.
let early = null;
// The page shown (path and query): a change of the fragment alone is no new page.
// Set as the script starts.
let shown = '';
// What was typed into a form that had not run when the reader left its page (typedInto),
// for the next page with the form, and when. Kept no longer than the form keeps a draft
// (KEEP_MS, src/inquiry/saved.rs).
let typed = null;
const TYPED_MS = 2 * 60 * 60 * 1000;

const key = (url) => url.pathname + url.search;
// Pages fetched in this visit, by key: their HTML, its parsed document once it has been
// shown, and until when it is kept.
const kept = new Map();
const parse = (html) => new DOMParser().parseFromString(html, 'text/html');
// The document of `url` kept from earlier in this visit, if still fresh. Parsed once: a
// page shown again is only copied in, which keeps a click on it within a frame.
const keptFor = (url) => {
  const page = kept.get(key(url));
  if (!page || Date.now() >= page.until) return null;
  if (!page.doc) {
    page.doc = parse(page.text);
    page.text = null;
  }
  return page.doc;
};
// Keeps a page, letting go of those out of date, and of the oldest beyond a number well
// above the site's pages in one language (addresses with a query are pages of their own).
const KEPT_MAX = 30;
function keep(at, page) {
  const now = Date.now();
  for (const [other, entry] of kept) if (now >= entry.until) kept.delete(other);
  kept.delete(at);
  kept.set(at, { ...page, until: now + KEPT_MS });
  while (kept.size > KEPT_MAX) kept.delete(kept.keys().next().value);
}
// The page fetched ahead of a click on `url`, if still fresh.
const earlyFor = (url) => (early?.key === key(url) && Date.now() < early.until ? early : null);

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
  if (!underBase(url.pathname)) return null;
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

// On a host page, whether `path` is the app's: under its base.
function underBase(path, options = host) {
  if (!options || options.base === '') return true;
  return path === options.base || path.startsWith(`${options.base}/`);
}

// The base path itself, where the app picks the reader's language.
function isRoot(path) {
  return /^\/?(index\.html)?$/.test(path.slice(host.base.length));
}

// What to fetch for a page: on the site, the page itself; on a host page, the build's
// fragment of it, or the not-found page's for an address outside the base.
const notFound = () => `${host.assets}fragments/404.html`;

function source(url) {
  if (!host) return key(url);
  if (!underBase(url.pathname)) return notFound();
  const rest = url.pathname.slice(host.base.length).replace(/\/(index\.html)?$/, '');
  return `${host.assets}fragments${rest}/index.html`;
}

async function fetchPage(url, signal) {
  const response = await fetch(source(url), { signal, headers: { Accept: 'text/html' } });
  if (host && response.status === 404) {
    return fetch(notFound(), { signal });
  }
  return response;
}

// Fetches the page behind a link ahead of the click, unless the reader asked to save data.
function prefetch(event) {
  if (navigator.connection?.saveData) return;
  const link = linkAt(event);
  const url = link && pageUrl(link.href);
  if (!url || key(url) === shown || keptFor(url) !== null || earlyFor(url)) return;
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
  const ahead = earlyFor(url);
  if (!ahead) early?.controller.abort();
  early = null;
  const response = ahead && (await ahead.response);
  return response || fetchPage(url, signal);
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
async function go(url, { push = false, replace = false, scroll = null, initial = false } = {}) {
  if (host && underBase(url.pathname) && isRoot(url.pathname)) {
    // The base itself: the reader's language, in place of the base's own address.
    url = new URL(`${host.base}/${pickLanguage(host.locale, embed.locales, embed.fallback)}/`, location.href);
    replace = !push;
  }
  pending?.abort();
  const ours = (pending = new AbortController());
  let doc;
  let at = url;
  try {
    doc = keptFor(url);
    if (doc === null) {
      const response = await responseFor(url, ours.signal);
      if (!response.ok && response.status !== 404) throw new Error(String(response.status));
      // Where a redirect led, keeping the fragment asked for.
      if (!host && response.redirected && response.url) at = new URL(url.hash, response.url);
      doc = parse(await response.text());
      if (response.ok) keep(key(at), { doc });
    }
  } catch {
    if (ours.signal.aborted) return;
    fail(url, initial);
    return;
  }
  if (pending !== ours) return;
  pending = null;
  const next = doc.querySelector(host ? PAGE : APP);
  if (!next) {
    fail(url, initial);
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
  if (!initial) {
    const target = at.hash && document.getElementById(decodeURIComponent(at.hash.slice(1)));
    if (scroll !== null) scrollTo(0, scroll);
    else if (target) target.scrollIntoView();
    else if (host) app().scrollIntoView();
    else scrollTo(0, 0);
    // As after a page load, the reader starts at the new page's heading; a screen reader
    // announces it.
    document.querySelector(`${APP} h1[tabindex]`)?.focus({ preventScroll: true });
  }
  await startForm(doc, at, initial);
}

// A page that could not be brought in: the browser loads it itself, so the reader gets
// the page they asked for; but never the page being started, which would load forever.
function fail(url, initial) {
  if (initial) {
    console.error(`HCNF: the app's page for ${url.pathname} could not be loaded from ${source(url)}`);
  } else {
    location.assign(url.href);
  }
}

// The new page's content and head in place of the current ones. What was typed into a
// form that has not run yet goes along to the next page with the form.
function swap(doc, next) {
  const form = document.querySelector(FORM);
  if (form) {
    // Once the form runs, its own draft holds what was typed.
    const values = app().hasAttribute(STARTED) ? null : typedInto(form);
    typed = values && { values, at: Date.now() };
    window.wasmBindings?.hcnfLeaveForm?.();
  }
  const root = app();
  if (host) {
    const page = document.importNode(next, true);
    fitPage(page, host);
    root.replaceChildren(page);
  } else {
    replaceContent(root, doc, next);
  }
  const arrived = document.querySelector(FORM);
  if (arrived && typed) {
    if (Date.now() - typed.at < TYPED_MS) fillIn(arrived, typed.values);
    typed = null;
  }
  heldBy(root);
}

// What a reader typed into a form that had not run yet (the wasm still on its way, or
// never coming), by field name, or null if nothing. The form, once it runs, keeps what its
// fields hold; until then only the page has it, so leaving the page must not lose it.
// Not the field the form sets for bots (out of the tab order), which a person never fills.
const FIELDS = 'input[name]:not([tabindex="-1"]), textarea[name], select[name]';
function typedInto(form) {
  const values = new Map();
  for (const field of form.querySelectorAll(FIELDS)) {
    if (field.type === 'checkbox') {
      if (field.checked !== field.defaultChecked) values.set(field.name, field.checked);
    } else if (field.tagName === 'SELECT') {
      if ([...field.options].some((o) => o.selected !== o.defaultSelected)) values.set(field.name, field.value);
    } else if (field.type !== 'radio' && field.value !== field.defaultValue) {
      values.set(field.name, field.value);
    }
  }
  return values.size ? values : null;
}
function fillIn(form, values) {
  for (const field of form.querySelectorAll(FIELDS)) {
    if (!values.has(field.name)) continue;
    if (field.type === 'checkbox') field.checked = values.get(field.name);
    else field.value = values.get(field.name);
  }
}

// The site's page: its head's parts that follow the page, and its content.
function replaceContent(root, doc, next) {
  document.title = doc.title;
  document.documentElement.lang = doc.documentElement.lang;
  const headParts = 'meta[name="description"], link[rel="alternate"], link[rel="canonical"]';
  for (const old of document.head.querySelectorAll(headParts)) old.remove();
  for (const part of doc.head.querySelectorAll(headParts)) {
    document.head.append(document.importNode(part, true));
  }
  patch(root, next);
}

// Makes the content of `live` that of `next`, an element of a parsed page: what is the same
// is kept, a changed attribute or text is set, and only what differs in shape is replaced.
// Header, navigation and footer keep their elements (a page changes only their current
// entries, links and address), so the browser restyles and lays out the new main content
// rather than the whole page: a route change is painted sooner.
function patch(live, next) {
  const was = live.childNodes;
  const is = next.childNodes;
  if (was.length !== is.length) {
    live.replaceChildren(...[...is].map((n) => document.importNode(n, true)));
    return;
  }
  for (let i = 0; i < is.length; i += 1) {
    const a = was[i];
    const b = is[i];
    if (renewed(a) || renewed(b)) {
      a.replaceWith(document.importNode(b, true));
    } else if (a.isEqualNode(b)) {
      continue;
    } else if (a.nodeType === b.nodeType && (a.nodeType === Node.TEXT_NODE || a.nodeType === Node.COMMENT_NODE)) {
      a.nodeValue = b.nodeValue;
    } else if (a.nodeType !== Node.ELEMENT_NODE || a.nodeName !== b.nodeName) {
      a.replaceWith(document.importNode(b, true));
    } else {
      for (const { name } of [...a.attributes]) if (!b.hasAttribute(name)) a.removeAttribute(name);
      for (const { name, value } of b.attributes) if (a.getAttribute(name) !== value) a.setAttribute(name, value);
      patch(a, b);
    }
  }
}

// Always new elements, even where equal: the form, which the wasm takes over afresh, and
// the page's heading, which takes focus after every change. Focusing the element that
// already has focus (the heading, after Back) does nothing, and a screen reader would not
// announce the page.
const renewed = (node) => node.nodeType === Node.ELEMENT_NODE && node.matches(`${FORM}, h1`);

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
