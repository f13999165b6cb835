// What only a host page needs of the app's script: reading the host element's attributes
// (with a console message for each that cannot be used), and fitting each fragment into
// the host page. hcnf.js sets `window.hcnfEmbed` and imports this module, which imports
// the navigation script (src/prerender/nav/) and starts it on the host's element. The
// site's own pages load the navigation script alone.
//
// Written beside the pages by the prerenderer (src/prerender.rs), which names the
// navigation script's file in the import below.
import { APP, startOnHost, underBase } from './nav.js';

const embed = globalThis.hcnfEmbed ?? null;

// Reads the host element's options, saying in the console what cannot be used (the app
// then runs as if the attribute were absent). `null` if the app must not start.
function hostOptions() {
  const apps = document.querySelectorAll(APP);
  if (apps.length !== 1) {
    // One app per page: it follows the page's address, and there is only one.
    console.error(
      apps.length
        ? `HCNF: the page has ${apps.length} elements with data-hcnf-app; the app starts in none of them. Keep one snippet per page.`
        : 'HCNF: the page has no element with data-hcnf-app to start the app in.',
    );
    return null;
  }
  const el = apps[0];
  const { options, warnings } = readHostOptions((name) => el.getAttribute(`data-hcnf-${name}`), embed, location.pathname);
  for (const warning of warnings) console.warn(`HCNF: ${warning}`);
  // Where config.json is, which the form's wasm reads (and checks) itself with the
  // endpoint and the title switch (src/host.rs): beside the app's files unless the host
  // says otherwise. The fragments and the form's code are always beside hcnf.js.
  if (!el.getAttribute('data-hcnf-assets')?.trim()) el.setAttribute('data-hcnf-assets', embed.assets);
  // The fragments' main region is a plain element, as a host page usually has a <main> of
  // its own and a page may have only one; on a host page without one, it is the main.
  options.main = ![...document.querySelectorAll('main, [role="main"]')].some((m) => !el.contains(m));
  return options;
}

// The navigation's options from the host element's attributes (`attr('base')` is the
// value of data-hcnf-base, or null), with a warning for each that cannot be used.
function readHostOptions(attr, { assets, locales }, pathname) {
  const warnings = [];
  const read = (name) => attr(name)?.trim() ?? null;
  const options = { base: '', locale: null, manage: false, plainForm: false, parentOrigin: null, assets };
  const locale = read('locale');
  if (locale) {
    if (locales.includes(locale.toLowerCase())) options.locale = locale.toLowerCase();
    else warnings.push(`data-hcnf-locale="${locale}" is not a language of this site; use one of ${locales.join(', ')}`);
  }
  const base = read('base');
  if (base !== null) {
    // The characters a browser keeps as they are in a path; no `.` or `..`, no `//`.
    const segments = base.split('/').filter(Boolean);
    const valid =
      /^[A-Za-z0-9\-._~!$&()*+,;=@/]*$/.test(base) &&
      !base.startsWith('//') &&
      !base.replace(/^\/+|\/+$/g, '').includes('//') &&
      !segments.some((seg) => seg === '.' || seg === '..');
    if (valid) options.base = segments.map((seg) => `/${seg}`).join('');
    else warnings.push(`data-hcnf-base="${base}" is not a path such as "/hcnf/" (ASCII letters, digits and -._~!$&()*+,;=@ only); the app uses "/"`);
  }
  // `true` (or present and empty) or `false`; anything else is `false`, with a warning.
  const flag = (name) => {
    const value = read(name);
    if (value === '' || value?.toLowerCase() === 'true') return true;
    if (value !== null && value.toLowerCase() !== 'false') {
      warnings.push(`data-hcnf-${name}="${value}" must be "true" or "false"; "false" is used`);
    }
    return false;
  };
  options.manage = flag('manage-document');
  options.plainForm = flag('plain-form');
  const parentOrigin = read('parent-origin');
  if (parentOrigin) {
    let origin = null;
    try {
      // A scheme, a host and a port: no path, query, fragment or user.
      const url = new URL(parentOrigin);
      const bare = url.pathname === '/' && !url.search && !url.hash && !url.username && !url.password;
      if (/^https?:$/.test(url.protocol) && bare && !/[?#]/.test(parentOrigin)) origin = url.origin;
    } catch {
      // Reported below.
    }
    if (origin) options.parentOrigin = origin;
    else warnings.push(`data-hcnf-parent-origin="${parentOrigin}" is not an origin such as "https://www.example.jp"; the app's height goes to no page`);
  }
  if (!underBase(pathname, options)) {
    warnings.push(`the page's path "${pathname}" is not under data-hcnf-base="${options.base}/"`);
  }
  return { options, warnings };
}

// Fits a fragment into the host page: its links and its form's address, written for the
// base the build was given, under the host's own; its main region the page's main if the
// host has none; the host's title and language, if it lets the app set them; and, on a host
// whose server does not pass the form's posts to the endpoint, a form that is not posted
// until the app runs it (it shows the telephone and fax instead of "Continue").
function fit(page, host) {
  if (host.main) page.querySelector('#hcnf-main')?.setAttribute('role', 'main');
  const from = page.dataset.hcnfFragmentBase ?? '';
  const under = (path) => (path === from || path.startsWith(`${from}/`) ? `${host.base}${path.slice(from.length)}` || '/' : path);
  if (from !== host.base) {
    for (const link of page.querySelectorAll('a[href]')) link.setAttribute('href', under(link.getAttribute('href')));
    for (const form of page.querySelectorAll('form[action]')) form.setAttribute('action', under(form.getAttribute('action')));
  }
  if (!host.plainForm) {
    for (const island of page.querySelectorAll('[data-hcnf-form]')) {
      island.setAttribute('data-hcnf-awaits-app', '');
      // Once the app runs the form, it sends it itself.
      island.addEventListener('submit', (event) => {
        if (!event.target.hasAttribute('data-hcnf-live')) event.preventDefault();
      });
    }
  }
  if (host.manage) {
    if (page.dataset.hcnfTitle) document.title = page.dataset.hcnfTitle;
    if (page.lang) document.documentElement.lang = page.lang;
  }
}

// Started by hcnf.js; imported anywhere else (tools/nav.test.mjs), the module only offers
// its rules.
if (typeof document !== 'undefined' && embed) {
  const options = hostOptions();
  if (options) startOnHost(options, fit);
}

export { readHostOptions };
