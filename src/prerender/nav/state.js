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
// Written beside the pages as one file by the prerenderer (src/prerender/loaders.rs), from
// its parts in src/prerender/nav/: state.js (this: names and what the script keeps),
// links.js (which links it handles, fetching ahead), swap.js (bringing a page in),
// forms.js (the form's wasm, the address on paper) and start.js (language, history,
// frames, and starting on the site or a host page).

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

