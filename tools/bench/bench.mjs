// The load benchmark that scripts/bench.sh runs against nginx serving the prepared tree
// (prepare.mjs): each page of the app against the plain static page of the same content,
// and against a minimal page of the same words (no stylesheet, no script, no attributes
// but those that make the words what they are).
//   node bench.mjs --base http://127.0.0.1:PORT --dist DIST --out DIR
//                  [--runs 5] [--changes 20] [--soak 1000] [--warm 1000] [--only /en/,/ja/contact]
//                  [--heap no] [--chrome /usr/bin/chromium]
// DIST is the served tree prepare.mjs made: the pages are read from it, their static
// variants (under static/) are served as /static/<path>, their minimal pages (under
// minimal/) as /minimal/<path>;
// DIR receives results.json with every run.
//
// Throttled loads, each in a fresh browser context with the cache disabled, a 412×823
// mobile viewport, 150 ms latency, 1.6 Mbit/s down, 750 kbit/s up and the CPU slowed 4×:
//   content visible  when the h1 was painted, from largest-contentful-paint (LCP) entries
//                    (the markup has no elementtiming attribute): the startTime of the
//                    first LCP entry whose element is the h1, is inside it, or comes after
//                    it in the document, the h1 being in the viewport. Content is parsed in
//                    document order, so the h1 is painted no later than such an element.
//                    The h1 itself is seldom an LCP candidate (the lead paragraph below it
//                    is larger and painted in the same frame); when that frame is the first
//                    contentful one the time is exact, else an upper bound a frame at most
//                    late. Without such an entry: first-contentful-paint, marked unchecked.
//   interactive      performance.now() when the navigation script marked the app
//                    data-hcnf-links, from when a click on a nav link is handled without a
//                    page load (a MutationObserver added before any page script); each run
//                    then checks that such a click changes the page without loading a
//                    document.
//   form sendable    on a page with the inquiry form, when it can be sent: the h1 painted
//                    and the form's enabled submit button parsed (a MutationObserver added
//                    before any page script), whichever is later. The button posts the
//                    plain form to the endpoint's answer pages until the app takes over.
//   form ready       on a page with the inquiry form, when data-hcnf-started appeared: the
//                    wasm has taken the form over (validation as one types, drafts kept).
//                    The wasm's loader waits for the page's load event.
// Without throttling: route change and language switch, click to the new h1 painted
// (requestAnimationFrame after the h1 text changes, then the next task), and whether that
// was the first frame the browser began after the click (a requestAnimationFrame from
// the click's own listener: the soonest any page could be painted), each with the button
// held as a person holds it and released at once; and memory over a long run of route
// changes (and what grew, from heap snapshots before and after it, unless --heap no).
import fs from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';
import {
  heapByKind, heapGrowth, median, loopbackBase, parseArgs, reportUsageErrors, routesFromDist, table, UsageError, withTimeout,
} from './lib.mjs';

reportUsageErrors('scripts/bench.sh');
const args = parseArgs(process.argv.slice(2), {
  defaults: {
    runs: '5', changes: '20', soak: '1000', warm: '1000', chrome: '/usr/bin/chromium', out: '', only: '', heap: 'yes',
  },
  required: ['base', 'dist'],
  // scripts/bench.sh and with-site.sh pass these.
  set: ['base', 'dist', 'out', 'chrome'],
});
if (!['yes', 'no'].includes(args.heap)) throw new UsageError('--heap must be yes or no');
const base = loopbackBase(args.base);
const RUNS = Number(args.runs);
const CHANGES = Number(args.changes);
const SOAK = Number(args.soak);
const WARM = Number(args.warm);
for (const [name, n] of [['runs', RUNS], ['changes', CHANGES], ['soak', SOAK], ['warm', WARM]]) {
  if (!Number.isInteger(n) || n < 1 || n > 10000) throw new UsageError(`--${name} must be a whole number from 1 to 10000`);
}
// --only /en/,/ja/contact keeps those pages (by address) for a quicker look.
const only = args.only ? args.only.split(',') : null;
const routes = routesFromDist(args.dist, { skip: ['static', 'minimal'] }).filter((r) => !only || only.includes(r.url));
if (routes.length === 0) throw new UsageError(`no page matches --only ${args.only}`);
const url = (p) => new URL(p, base).href;

const CHROME_ARGS = [
  '--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
  '--no-first-run', '--enable-precise-memory-info', '--js-flags=--expose-gc',
];
const NETWORK = {
  offline: false,
  latency: 150,
  downloadThroughput: (1.6 * 1024 * 1024) / 8,
  uploadThroughput: (750 * 1024) / 8,
};
const CPU_RATE = 4;
const CONTEXT = {
  viewport: { width: 412, height: 823 },
  deviceScaleFactor: 1.75,
  isMobile: true,
  hasTouch: true,
  serviceWorkers: 'block',
};

// Runs in every page before its own scripts.
const INIT = `(() => {
  const b = window.__bench = { lcp: [], fcp: null, links: null, started: null, sendable: null, wasm: null, trunk: null };
  const parsed = new MutationObserver(() => {
    if (document.querySelector('form.hcnf-form[method=post] button[type=submit]:not([disabled])')) {
      b.sendable = performance.now();
      parsed.disconnect();
    }
  });
  parsed.observe(document, { subtree: true, childList: true });
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        const el = e.element;
        const h1 = document.querySelector('h1');
        b.lcp.push({
          t: e.startTime,
          h1: !!(el && el.closest && el.closest('h1')),
          // The element comes after the h1 in the document: the h1 was parsed when it painted.
          afterH1: !!(el && h1 && (h1.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING)),
          h1InView: !!(h1 && h1.getBoundingClientRect().top < innerHeight),
          tag: el ? el.tagName : null,
          size: e.size,
        });
      }
    }).observe({ type: 'largest-contentful-paint', buffered: true });
  } catch (e) {}
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) if (e.name === 'first-contentful-paint') b.fcp = e.startTime;
    }).observe({ type: 'paint', buffered: true });
  } catch (e) {}
  const mo = new MutationObserver(() => {
    const now = performance.now();
    if (b.links === null && document.querySelector('[data-hcnf-links]')) b.links = now;
    if (b.started === null && document.querySelector('[data-hcnf-started]')) b.started = now;
    if (b.links !== null && b.started !== null) mo.disconnect();
  });
  mo.observe(document, { subtree: true, attributes: true, attributeFilter: ['data-hcnf-started', 'data-hcnf-links'] });
  addEventListener('TrunkApplicationStarted', (e) => {
    b.wasm = e.detail && e.detail.wasm;
    b.trunk = performance.now();
  });
})();`;

// On a phone the navigation is folded behind the Menu button (a <details>): a reader
// opens it before choosing a section, and so does the benchmark. No-op where it is shown.
async function openMenu(page) {
  const button = page.locator('.hcnf-menu__button');
  if (await button.isVisible()) await button.click({ timeout: 30000 });
}

async function throttledPage(browser) {
  const context = await browser.newContext(CONTEXT);
  await context.addInitScript(INIT);
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  await cdp.send('Network.emulateNetworkConditions', NETWORK);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_RATE });
  return { context, page };
}

/** When the h1 was painted, from the page's LCP and paint entries. */
async function h1Paint(page) {
  // LCP entries arrive after the frame is presented; wait for the first, then a little
  // longer for a later h1 entry.
  await page.waitForFunction(() => window.__bench.lcp.length > 0 || window.__bench.fcp !== null, null, { timeout: 60000, polling: 50 });
  await page.waitForTimeout(300);
  const b = await page.evaluate(() => ({ lcp: window.__bench.lcp, fcp: window.__bench.fcp }));
  // The first LCP entry for the h1, or for an element after it in the document: content
  // is parsed in document order, so when an element after the (visible) h1 is painted the
  // h1 is painted too, in that frame or an earlier one.
  const entry = b.lcp.find((e) => (e.h1 || e.afterH1) && e.h1InView);
  if (entry && entry.h1) return { ms: entry.t, source: 'lcp-h1', fcp: b.fcp, lcp: b.lcp };
  // Painted in the first contentful frame: exact, as nothing is painted before it.
  if (entry && b.fcp !== null && Math.abs(entry.t - b.fcp) < 1) return { ms: entry.t, source: 'fcp', fcp: b.fcp, lcp: b.lcp };
  // A later frame: the h1 was painted between first-contentful-paint and this time.
  if (entry) return { ms: entry.t, source: 'lcp-after-h1', fcp: b.fcp, lcp: b.lcp };
  if (b.fcp === null) throw new Error('no first-contentful-paint entry');
  return { ms: b.fcp, source: 'fcp-unchecked', fcp: b.fcp, lcp: b.lcp };
}

/** The nav links' hrefs and which one is the current page. */
function navState(page) {
  return page.evaluate(() => ({
    links: [...document.querySelectorAll('.hcnf-nav a')].map((a) => ({ href: a.getAttribute('href'), current: a.getAttribute('aria-current') === 'page' })),
    h1: document.querySelector('h1')?.textContent ?? null,
    path: location.pathname,
  }));
}

/** A page without scripts: `kind` is `static` or `minimal`, the folder it is served from. */
async function loadStatic(browser, route, kind = 'static') {
  const { context, page } = await throttledPage(browser);
  try {
    await page.goto(url(`/${kind}${route.url}`), { waitUntil: 'load', timeout: 60000 });
    const paint = await h1Paint(page);
    const scripts = await page.evaluate(() => document.scripts.length);
    if (scripts !== 0) throw new Error(`the ${kind} page has ${scripts} scripts`);
    return { h1: paint.ms, source: paint.source, fcp: paint.fcp, lcp: paint.lcp };
  } finally {
    await context.close();
  }
}

async function loadApp(browser, route) {
  const { context, page } = await throttledPage(browser);
  try {
    await page.goto(url(route.url), { waitUntil: 'load', timeout: 60000 });
    await page.waitForSelector('[data-hcnf-started]', { state: 'attached', timeout: 60000 });
    await page.waitForFunction(() => window.__bench.started !== null && window.__bench.links !== null, null, { timeout: 5000, polling: 50 });
    const paint = await h1Paint(page);
    const timing = await page.evaluate(() => {
      const wasm = performance.getEntriesByType('resource').find((r) => r.name.endsWith('.wasm'));
      return {
        links: window.__bench.links,
        started: window.__bench.started,
        sendable: window.__bench.sendable,
        form: document.querySelector('[data-hcnf-form]') !== null,
        trunk: window.__bench.trunk,
        wasm: wasm ? { start: wasm.startTime, end: wasm.responseEnd, bytes: wasm.encodedBodySize, decoded: wasm.decodedBodySize } : null,
      };
    });
    // A click on another section's nav link is handled without loading a document.
    const before = await navState(page);
    const index = before.links.findIndex((l) => !l.current);
    if (index < 0) throw new Error('no nav link to another section');
    await page.evaluate(() => { window.__benchFlag = 'same document'; });
    await openMenu(page);
    await page.locator('.hcnf-nav a').nth(index).click({ timeout: 30000 });
    await page.waitForFunction((old) => {
      const h = document.querySelector('h1');
      return h && h.textContent && h.textContent !== old;
    }, before.h1, { timeout: 30000, polling: 50 });
    const after = await page.evaluate(() => ({ flag: window.__benchFlag ?? null, path: location.pathname }));
    const clientSide = after.flag === 'same document' && after.path === before.links[index].href;
    return {
      h1: paint.ms, source: paint.source, fcp: paint.fcp, lcp: paint.lcp, interactive: timing.links,
      formReady: timing.form ? timing.started : null,
      formSendable: timing.form && timing.sendable !== null ? Math.max(timing.sendable, paint.ms) : null, trunk: timing.trunk, wasm: timing.wasm, clientSide, clickedTo: before.links[index].href,
    };
  } finally {
    await context.close();
  }
}

// ---- Throttled loads ---------------------------------------------------------------

// How each run's h1 time was found, as the tables' last column writes it (L, F, A, U).
const lcpCount = (xs) => ['lcp-h1', 'fcp', 'lcp-after-h1', 'fcp-unchecked'].map((src, k) => {
  const n = xs.filter((x) => x.source === src).length;
  return n ? `${n}${'LFAU'[k]}` : '';
}).join('') || '-';
const fmt = (ms) => (Number.isFinite(ms) ? Math.round(ms).toString() : 'n/a');
const ratio = (a, b) => (Number.isFinite(a) && Number.isFinite(b) && b > 0 ? `${(a / b).toFixed(2)}×` : 'n/a');
const errors = [];
const retried = [];
const results = { base: base.href, network: NETWORK, cpuRate: CPU_RATE, context: CONTEXT, runs: RUNS, loads: {}, changes: {}, soak: null };

async function attempt(what, fn) {
  // One retry, so that a single stray timeout does not lose a run: a first failure is a
  // warning (kept in results.json), a second one an error.
  for (let i = 0; i < 2; i += 1) {
    try {
      return await withTimeout(fn(), 120000, what);
    } catch (e) {
      const msg = `${what}: ${e.message.split('\n')[0]}`;
      if (i === 0) {
        retried.push(msg);
        console.error(`  warning: ${msg} (retrying once)`);
      } else {
        errors.push(msg);
        console.error(`  error: ${msg}`);
      }
    }
  }
  return null;
}

const started = Date.now();
const browser = await chromium.launch({ executablePath: args.chrome, headless: true, args: CHROME_ARGS });
try {
  console.log(`Chromium ${browser.version()}; ${routes.length} pages × ${RUNS} runs, minimal, static and app, throttled: ` +
    `${NETWORK.latency} ms latency, ${(NETWORK.downloadThroughput * 8 / 1024 / 1024).toFixed(1)} Mbit/s down, ` +
    `${Math.round(NETWORK.uploadThroughput * 8 / 1024)} kbit/s up, CPU ${CPU_RATE}× slower, cache disabled, 412×823 mobile.`);
  // Warm-up loads, not counted: the first of each kind pays for starting processes.
  await attempt('warm-up static', () => loadStatic(browser, routes[0]));
  await attempt('warm-up minimal', () => loadStatic(browser, routes[0], 'minimal'));
  await attempt('warm-up app', () => loadApp(browser, routes[0]));

  for (const route of routes) results.loads[route.url] = { minimal: [], static: [], app: [] };
  for (let run = 1; run <= RUNS; run += 1) {
    const t0 = Date.now();
    for (const route of routes) {
      const m = await attempt(`minimal ${route.url} run ${run}`, () => loadStatic(browser, route, 'minimal'));
      if (m) results.loads[route.url].minimal.push(m);
      const s = await attempt(`static ${route.url} run ${run}`, () => loadStatic(browser, route));
      if (s) results.loads[route.url].static.push(s);
      const a = await attempt(`app ${route.url} run ${run}`, () => loadApp(browser, route));
      if (a) results.loads[route.url].app.push(a);
    }
    console.log(`  run ${run}/${RUNS} of every page: ${((Date.now() - t0) / 1000).toFixed(0)} s`);
  }

  const rows = [['route', 'static h1 ms', 'app h1 ms', 'ratio', '≤1.2×', 'interactive ms', 'ratio', '≤2.5×', 'form sendable ms', 'ratio', 'form ready ms', 'ratio', 'client nav', 'h1 metric s/a']];
  const all = { s: [], a: [], i: [] };
  for (const route of routes) {
    const r = results.loads[route.url];
    const s = median(r.static.map((x) => x.h1));
    const a = median(r.app.map((x) => x.h1));
    const i = median(r.app.map((x) => x.interactive));
    const readies = r.app.map((x) => x.formReady).filter((x) => x !== null);
    const f = readies.length ? median(readies) : null;
    const sendables = r.app.map((x) => x.formSendable).filter((x) => x !== null && x !== undefined);
    const sendable = sendables.length ? median(sendables) : null;
    all.s.push(s); all.a.push(a); all.i.push(i);
    rows.push([
      route.url, fmt(s), fmt(a), ratio(a, s), a / s <= 1.2 ? 'yes' : 'NO', fmt(i), ratio(i, s), i / s <= 2.5 ? 'yes' : 'NO',
      ...(sendable === null ? ['-', ''] : [fmt(sendable), ratio(sendable, s)]),
      ...(f === null ? ['-', ''] : [fmt(f), ratio(f, s)]),
      `${r.app.filter((x) => x.clientSide).length}/${r.app.length}`,
      `${lcpCount(r.static)}/${lcpCount(r.app)}`,
    ]);
  }
  const ms = median(all.s); const ma = median(all.a); const mi = median(all.i);
  rows.push(['median of routes', fmt(ms), fmt(ma), ratio(ma, ms), ma / ms <= 1.2 ? 'yes' : 'NO', fmt(mi), ratio(mi, ms), mi / ms <= 2.5 ? 'yes' : 'NO', '', '', '', '', '', '']);
  console.log(`\nLoad, throttled (median of ${RUNS} runs each; targets: content ≤ 1.2× the static page's h1, interactive ≤ 2.5× it)`);
  console.log(table(rows));
  console.log('interactive: a click on a nav link is handled without a page load (the navigation script runs). form sendable: on an ' +
    'inquiry page, the h1 is painted and the form\'s button, which posts the plain form, is parsed. form ready: the wasm has ' +
    'taken the form over (validation as one types, drafts kept); its loader waits for the load event.');
  console.log('h1 metric, runs of the static/app page: L = the LCP entry of the h1 itself; F = first-contentful-paint, whose frame ' +
    'already held an element after the h1 (an LCP entry: the lead paragraph), so the h1 too; A = the first LCP entry of an element ' +
    'after the h1, a frame later than first-contentful-paint (the h1 was painted by then, possibly a frame earlier); ' +
    'U = first-contentful-paint, no LCP entry to check it.');
  // The same loads against the minimal page of the same words: what the styled page and
  // the app cost over the fastest page this text could be.
  const minimalRows = [['route', 'minimal h1 ms', 'static h1 ms', 'ratio', 'app h1 ms', 'ratio', '≤1.1×', 'h1 metric m']];
  const byMinimal = { m: [], s: [], a: [] };
  for (const route of routes) {
    const r = results.loads[route.url];
    const m = median(r.minimal.map((x) => x.h1));
    const s = median(r.static.map((x) => x.h1));
    const a = median(r.app.map((x) => x.h1));
    byMinimal.m.push(m); byMinimal.s.push(s); byMinimal.a.push(a);
    minimalRows.push([route.url, fmt(m), fmt(s), ratio(s, m), fmt(a), ratio(a, m), a / m <= 1.1 ? 'yes' : 'NO', lcpCount(r.minimal)]);
  }
  const [mm, msm, mam] = [median(byMinimal.m), median(byMinimal.s), median(byMinimal.a)];
  minimalRows.push(['median of routes', fmt(mm), fmt(msm), ratio(msm, mm), fmt(mam), ratio(mam, mm), mam / mm <= 1.1 ? 'yes' : 'NO', '']);
  console.log(`\nAgainst a minimal page of the same words (no stylesheet, no script; median of ${RUNS} runs each; target: the app's h1 ≤ 1.1× the minimal page's)`);
  console.log(table(minimalRows));
  const wasmRuns = Object.values(results.loads).flatMap((r) => r.app).map((x) => x.wasm).filter(Boolean);
  if (wasmRuns.length) {
    const w = wasmRuns[0];
    const expected = (w.bytes / NETWORK.downloadThroughput) * 1000;
    console.log(`Throttling check: the wasm came as ${w.bytes} bytes (${w.decoded} decoded); its download took a median ` +
      `${fmt(median(wasmRuns.map((x) => x.end - x.start)))} ms (at least ${fmt(expected)} ms at 1.6 Mbit/s).`);
  }

  // ---- Without throttling: route change, language switch, memory -------------------

  const context = await browser.newContext(CONTEXT);
  await context.addInitScript(INIT);
  const page = await context.newPage();
  try {
    await page.goto(url(routes[0].url), { waitUntil: 'load', timeout: 30000 });
    await page.waitForSelector('[data-hcnf-started]', { state: 'attached', timeout: 30000 });
    await page.evaluate(() => { window.__benchFlag = 'same document'; });

    // Arms the page for one click: the click's time, then the first frame after the h1's
    // text changes.
    const arm = () => page.evaluate(() => {
      const old = document.querySelector('h1')?.textContent ?? null;
      const m = window.__measure = { t0: null, tm: null, t1: null, f0: null, f1: null, old };
      addEventListener('click', (ev) => {
        m.t0 = ev.timeStamp > 0 ? ev.timeStamp : performance.now();
        // The first frame after the click, whatever the app does: no page can show sooner.
        requestAnimationFrame((ts) => { m.f0 = ts; });
      }, { capture: true, once: true });
      const mo = new MutationObserver(() => {
        const h = document.querySelector('h1');
        if (h && h.textContent && h.textContent !== old) {
          mo.disconnect();
          // The new h1 is in the document: the app's own work is done here; what follows
          // is the browser's wait for the next frame, and the frame itself.
          m.tm = performance.now();
          requestAnimationFrame((ts) => {
            m.f1 = ts;
            // After the rAF callbacks the frame is rendered; the next task runs after it.
            const ch = new MessageChannel();
            ch.port1.onmessage = () => { m.t1 = performance.now(); };
            ch.port2.postMessage(0);
          });
        }
      });
      mo.observe(document.body, { subtree: true, childList: true, characterData: true });
    });
    const measureClick = async (selector, index, held) => {
      // Opened before arming, so that the timed click is the one on the link.
      if (selector.startsWith('.hcnf-nav')) await openMenu(page);
      await arm();
      // A person holds a button or a finger down for 50–150 ms. Released at once (the
      // automation's default), the release follows the press's acknowledgement, which in
      // headless Chromium comes just after a frame began: every such click then waits
      // most of a frame before anything can be painted. Both are measured.
      await page.locator(selector).nth(index).click({ timeout: 10000, delay: held ? 50 + Math.random() * 100 : 0 });
      await page.waitForFunction(() => window.__measure.t1 !== null && window.__measure.t0 !== null, null, { timeout: 10000, polling: 20 });
      const m = await page.evaluate(() => ({ ...window.__measure, flag: window.__benchFlag ?? null, path: location.pathname }));
      return { ms: m.t1 - m.t0, dom: m.tm - m.t0, frame: m.f0 - m.t0, first: m.f1 === m.f0, clientSide: m.flag === 'same document', path: m.path };
    };

    // Held and released at once alternate click by click, so both meet the same pages,
    // kept or not, in turn.
    const modes = [[true, 'held 50–150 ms, as a person clicks'], [false, 'released at once']];
    const measured = { true: { route: [], language: [] }, false: { route: [], language: [] } };
    for (let k = 0; k < CHANGES; k += 1) {
      for (const [held, how] of modes) {
        const st = await navState(page);
        // The next section after the current one, round the nav.
        const cur = st.links.findIndex((l) => l.current);
        const next = (cur + 1) % st.links.length;
        const r = await attempt(`route change ${k + 1} (${how})`, () => measureClick('.hcnf-nav a', next, held));
        if (r) measured[held].route.push(r);
      }
    }
    for (let k = 0; k < CHANGES; k += 1) {
      for (const [held, how] of modes) {
        const r = await attempt(`language switch ${k + 1} (${how})`, () => measureClick('.hcnf-lang a', 0, held));
        if (r) measured[held].language.push(r);
      }
    }
    results.changes = { held: measured.true, atOnce: measured.false };
    const row = (name, xs) => [name, xs.length, fmt(median(xs.map((x) => x.ms))), fmt(Math.min(...xs.map((x) => x.ms))), fmt(Math.max(...xs.map((x) => x.ms))), fmt(median(xs.map((x) => x.dom))), fmt(median(xs.map((x) => x.frame))), `${xs.filter((x) => x.first).length}/${xs.length}`, `${xs.filter((x) => x.clientSide).length}/${xs.length}`];
    const rows = modes.flatMap(([held, how]) => [
      row(`route change (nav link, round the sections), ${how}`, measured[held].route),
      row(`language switch (.hcnf-lang a), ${how}`, measured[held].language),
    ]);
    console.log('\nWithout throttling: click to the new h1 painted (and, apart, to the new h1 in the document, and to the start of the first frame after the click)');
    console.log(table([['action', 'clicks', 'median ms', 'min ms', 'max ms', 'median ms to DOM', 'median ms to 1st frame', 'h1 in 1st frame', 'client nav'], ...rows]));
    console.log('1st frame: the first frame the browser began after the click (its start time; below 0 when the browser handled the click ' +
      'at the start of a frame it had begun); no page, however quick, is painted before it. "h1 in 1st frame" counts the clicks ' +
      'whose new h1 was painted in that frame. Timed from the click (the release), as a reader waits from it; the script starts ' +
      'fetching or reading the page at the press, so a held click gives it a head start, as a reader\'s does.');

    // Memory over SOAK route changes between a section and the inquiry page: the form is
    // the part of the site that runs in the wasm, taken over on each visit and let go on
    // each departure, so its memory is what a long visit could leak.
    await page.goto(url(routes[0].url), { waitUntil: 'load', timeout: 30000 });
    await page.waitForSelector('[data-hcnf-started]', { state: 'attached', timeout: 30000 });
    await page.evaluate(() => { window.__benchFlag = 'same document'; });
    const st = await navState(page);
    // A section other than the page shown (the first click must change the page), and the
    // inquiry page, which may be the page shown.
    const pair = [st.links.find((l) => !l.current && !l.href.endsWith('/inquiry')), st.links.find((l) => l.href.endsWith('/inquiry'))]
      .filter(Boolean).map((l) => l.href);
    if (pair.length < 2) throw new Error('the nav has no other section and inquiry page to move between');
    const memory = () => page.evaluate(async () => {
      for (let i = 0; i < 3; i += 1) {
        window.gc();
        await new Promise((r) => setTimeout(r, 50));
      }
      return {
        js: performance.memory.usedJSHeapSize,
        wasm: window.__bench.wasm ? window.__bench.wasm.memory.buffer.byteLength : 0,
        nodes: document.getElementsByTagName('*').length,
      };
    });
    const soakBatch = (hrefs, n) => page.evaluate(async ([hrefs, n]) => {
      const waitH1 = (old) => new Promise((resolve, reject) => {
        const done = () => { const h = document.querySelector('h1'); return h && h.textContent && h.textContent !== old; };
        if (done()) { resolve(); return; }
        const timer = setTimeout(() => { mo.disconnect(); reject(new Error('the h1 did not change within 5 s')); }, 5000);
        const mo = new MutationObserver(() => { if (done()) { clearTimeout(timer); mo.disconnect(); resolve(); } });
        mo.observe(document.body, { subtree: true, childList: true, characterData: true });
      });
      for (let i = 0; i < n; i += 1) {
        // The one of the two not shown, so that any count of changes, odd too, continues
        // from where the last batch ended.
        const href = hrefs[location.pathname === hrefs[0] ? 1 : 0];
        const link = [...document.querySelectorAll('.hcnf-nav a')].find((a) => a.getAttribute('href') === href);
        if (!link) throw new Error(`no nav link to ${href}`);
        const old = document.querySelector('h1')?.textContent ?? null;
        link.click();
        await waitH1(old);
      }
      return location.pathname;
    }, [hrefs, n]);
    // Two changes, so that both pages have been shown once; then WARM more before the
    // baseline. A fresh page's JS heap grows over its first few hundred changes and then
    // levels off: heap snapshots (stop 19) put that growth in V8's compiled code as the
    // code warms, while the page's own objects stay as they were; the browser's bounds fill
    // too (50 history entries, 250 resource timings, the script's 30 kept pages). What a
    // change leaves behind shows after that, as growth that does not level off.
    await soakBatch(pair, 2);
    await page.waitForFunction(() => window.__bench.wasm !== null, null, { timeout: 10000 });
    // `count` changes, 250 at a time, calling `each` with the number done after each batch.
    const inBatches = async (count, what, each = async () => {}) => {
      for (let done = 0; done < count;) {
        const n = Math.min(250, count - done);
        await withTimeout(soakBatch(pair, n), 120000, `${what} ${done + 1}–${done + n}`);
        done += n;
        await each(done);
      }
    };
    const cold = await memory();
    await inBatches(WARM, 'warm-up changes');
    // The heap as V8 sees it, objects and all, before and after the counted changes. A
    // snapshot's collection frees more than gc() does (about 1 MiB here, code V8 flushes),
    // which V8 then compiles again: so the first figure is read after the snapshot and
    // after more uncounted changes (a tenth of the warm-up), lest that show as growth.
    // Both snapshots follow such a collection, so they compare like with like.
    const cdp = args.heap === 'yes' ? await context.newCDPSession(page) : null;
    const snapshot = async () => {
      const chunks = [];
      const add = (e) => chunks.push(e.chunk);
      cdp.on('HeapProfiler.addHeapSnapshotChunk', add);
      await cdp.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false });
      cdp.off('HeapProfiler.addHeapSnapshotChunk', add);
      return heapByKind(JSON.parse(chunks.join('')));
    };
    const heapBefore = cdp ? await snapshot() : null;
    const rewarm = Math.max(2, Math.round(WARM / 10));
    if (cdp) await inBatches(rewarm, 'changes after the first snapshot');
    const samples = [{ after: 0, ...(await memory()) }];
    const soakStart = Date.now();
    await inBatches(SOAK, 'route changes', async (done) => samples.push({ after: done, ...(await memory()) }));
    const soakMs = Date.now() - soakStart;
    const heapAfter = cdp ? await snapshot() : null;
    const soakFlag = await page.evaluate(() => window.__benchFlag ?? null);
    results.soak = { pair, cold, warm: WARM, samples, ms: soakMs, clientSide: soakFlag === 'same document' };
    const mib = (b) => `${(b / 1024 / 1024).toFixed(2)} MiB`;
    console.log(`\nMemory: ${SOAK} route changes by clicks between ${pair.join(' and ')} (${(soakMs / 1000).toFixed(1)} s, ` +
      `${(soakMs / SOAK).toFixed(1)} ms each; all client-side: ${soakFlag === 'same document' ? 'yes' : 'NO'}); after gc():`);
    const snapshotted = heapBefore ? `, a heap snapshot (whose collection frees more than gc() does) and ${rewarm} more changes` : '';
    console.log(`Warm-up: ${WARM} changes first, not counted; over them${snapshotted} the JS heap went from ${mib(cold.js)} to ` +
      `${mib(samples[0].js)}, the wasm memory from ${mib(cold.wasm)} to ${mib(samples[0].wasm)}.`);
    console.log(table([['after changes', 'JS heap used', 'wasm memory', 'DOM elements'], ...samples.map((s) => [s.after, mib(s.js), mib(s.wasm), s.nodes])]));
    const first = samples[0]; const last = samples[samples.length - 1];
    const per = (d) => `${Math.round(d / SOAK)} bytes a change`;
    console.log(`Growth over ${SOAK} changes: JS heap ${((last.js - first.js) / 1024).toFixed(0)} KiB (${per(last.js - first.js)}), ` +
      `wasm memory ${((last.wasm - first.wasm) / 1024).toFixed(0)} KiB (${per(last.wasm - first.wasm)}), DOM elements ${last.nodes - first.nodes}.`);
    if (heapBefore) {
      const { byKind, largest } = heapGrowth(heapBefore, heapAfter);
      const kib = (b) => `${(b / 1024).toFixed(1)} KiB`;
      results.soak.heap = { byKind: Object.fromEntries(byKind), largest };
      console.log(`\nWhat grew over the ${SOAK} changes, by heap snapshots (own sizes; the browser's native objects and the ` +
        `wasm's compiled code are outside the JS heap figure above): ${[...byKind].map(([k, b]) => `${k} ${kib(b)}`).join(', ')}.`);
      console.log(table([['kind: type name', 'count', 'bytes'], ...largest.map((e) => [e.key, e.count, e.bytes])]));
    }
  } finally {
    await context.close();
  }
} catch (e) {
  errors.push(e.message.split('\n')[0]);
  console.error(`error: ${e.stack ?? e.message}`);
} finally {
  await browser.close();
}

if (args.out) {
  fs.mkdirSync(args.out, { recursive: true });
  fs.writeFileSync(path.join(args.out, 'results.json'), `${JSON.stringify({ ...results, retried, errors }, null, 2)}\n`);
}
console.log(`\nBenchmark took ${((Date.now() - started) / 1000).toFixed(0)} s.`);
if (errors.length) {
  console.error(`${errors.length} error(s):\n  ${errors.join('\n  ')}`);
  process.exit(1);
}
