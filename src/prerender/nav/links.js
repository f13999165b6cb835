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

