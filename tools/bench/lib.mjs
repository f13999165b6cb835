// Helpers shared by the benchmark (bench.mjs), its preparation (prepare.mjs) and the
// Lighthouse runs (lighthouse.mjs).
import fs from 'node:fs';
import path from 'node:path';

/** A mistake in how a script was called: reported in one line, not as a crash. */
export class UsageError extends Error {}

/**
 * Reads `--name value` pairs from the command line into an object over `defaults`. A name
 * that is neither in `defaults` nor in `required` is refused, as is a `required` one left
 * out or one given twice: a mistyped option would otherwise be ignored and a five-minute
 * run made without it. `set` names the options the calling shell script passes itself,
 * which a reader cannot change.
 */
export function parseArgs(argv, { defaults = {}, required = [], set = [] } = {}) {
  const known = new Set([...Object.keys(defaults), ...required]);
  const open = [...known].filter((k) => !set.includes(k)).map((k) => `--${k}`);
  const seen = new Set();
  const out = { ...defaults };
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i];
    if (!arg.startsWith('--')) throw new UsageError(`unexpected argument ${arg}`);
    const name = arg.slice(2);
    if (!known.has(name)) {
      throw new UsageError(`${arg} is not an option; ${open.length ? `the options are ${open.join(', ')}` : 'it takes none'}`);
    }
    if (seen.has(name)) {
      throw new UsageError(set.includes(name) ? `${arg} is set by the script itself` : `${arg} is given twice`);
    }
    seen.add(name);
    const value = argv[i + 1];
    if (value === undefined || value.startsWith('--')) throw new UsageError(`${arg} needs a value`);
    out[name] = value;
    i += 1;
  }
  const missing = required.filter((name) => out[name] === undefined);
  if (missing.length > 0) throw new UsageError(`${missing.map((m) => `--${m}`).join(', ')} required`);
  return out;
}

/**
 * Ends the script on a UsageError with its message (naming `script`, the command the reader
 * ran, and pointing to its `--help` if it has one) and status 2, as a shell command does;
 * anything else as a crash, with its stack or, for a rejection with no Error, its value.
 */
export function reportUsageErrors(script, { help = true } = {}) {
  process.on('uncaughtException', (e, origin) => {
    if (e instanceof UsageError) {
      console.error(`${script}: ${e.message}${help ? ` (see ${script} --help)` : ''}`);
      process.exit(2);
    }
    console.error(e instanceof Error ? e : `${script}: ${origin}: ${String(e)}`);
    process.exit(1);
  });
}

/** The `--base` address: a URL on this machine's loopback, where the scripts serve the build. */
export function loopbackBase(value) {
  let base;
  try {
    base = new URL(value);
  } catch {
    throw new UsageError(`--base must be an address such as http://127.0.0.1:8080, not ${value}`);
  }
  if (!/^(127\.\d+\.\d+\.\d+|localhost|\[::1\])$/.test(base.hostname)) {
    throw new UsageError(`--base must be a loopback address, not ${base.hostname}`);
  }
  return base;
}

/** Every `index.html` below `dir`, as paths relative to it, sorted. */
function indexFiles(dir, rel = '') {
  const found = [];
  for (const entry of fs.readdirSync(path.join(dir, rel), { withFileTypes: true })) {
    const child = rel ? `${rel}/${entry.name}` : entry.name;
    if (entry.isDirectory()) found.push(...indexFiles(dir, child));
    else if (entry.name === 'index.html') found.push(child);
  }
  return found.sort();
}

/**
 * The site's pages: every `index.html` in the build that is a whole HTML document, except
 * the one at the top (`/`, the language chooser that redirects). Each page's address is the `rel="alternate"` link
 * for its own language (the address the app itself links to), else its folder with a
 * trailing slash. `skip` names top-level folders to leave out.
 */
export function routesFromDist(dist, { skip = [] } = {}) {
  const routes = [];
  for (const file of indexFiles(dist)) {
    if (file === 'index.html' || skip.some((top) => file.startsWith(`${top}/`))) continue;
    const dir = path.posix.dirname(file);
    const html = fs.readFileSync(path.join(dist, file), 'utf8');
    // Only whole documents are pages: the build's embedding fragments (markup for a host
    // page to include) are index.html files without an <html> element.
    if (!/<html\b/i.test(html)) continue;
    const lang = /<html\b[^>]*\blang="([^"]+)"/.exec(html)?.[1];
    let url = `/${dir}/`;
    if (lang) {
      for (const link of html.matchAll(/<link\b[^>]*>/g)) {
        const tag = link[0];
        if (/\brel="alternate"/.test(tag) && tag.includes(`hreflang="${lang}"`)) {
          const href = /\bhref="([^"]+)"/.exec(tag)?.[1];
          if (href && href.startsWith('/')) url = href;
        }
      }
    }
    routes.push({ dir, file, url, lang: lang ?? '' });
  }
  // Languages together, the language's home first, then the folder order.
  routes.sort((a, b) => a.lang.localeCompare(b.lang) || a.dir.split('/').length - b.dir.split('/').length || a.dir.localeCompare(b.dir));
  if (routes.length === 0) throw new Error(`no pages found in ${dist}`);
  return routes;
}

export function median(values) {
  const v = values.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  if (v.length === 0) return NaN;
  const mid = Math.floor(v.length / 2);
  return v.length % 2 ? v[mid] : (v[mid - 1] + v[mid]) / 2;
}

/** A plain-text table: the first row is the header; numbers are right-aligned. */
export function table(rows) {
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => String(r[c]).length)));
  const line = (r) => r.map((cell, c) => {
    const s = String(cell);
    return typeof cell === 'number' || /^[-+]?[\d.,]+(×|%| ms| MiB| KiB)?$/.test(s) ? s.padStart(widths[c]) : s.padEnd(widths[c]);
  }).join('  ').trimEnd();
  const out = [line(rows[0]), widths.map((w) => '-'.repeat(w)).join('  ')];
  for (const r of rows.slice(1)) out.push(line(r));
  return out.join('\n');
}

/** Rejects when `promise` takes longer than `ms`. */
export function withTimeout(promise, ms, what) {
  let timer;
  return Promise.race([
    promise,
    new Promise((_, reject) => { timer = setTimeout(() => reject(new Error(`${what}: no result after ${ms} ms`)), ms); }),
  ]).finally(() => clearTimeout(timer));
}

/**
 * What a V8 heap snapshot (the JSON DevTools writes) holds, by kind: a map from
 * `kind: type name` to `{ count, bytes }` (the nodes' own sizes). Kinds: the document's
 * nodes, attached or detached (where a page that keeps old content would show); the
 * page's JavaScript objects, with V8's own bookkeeping for them (shapes, property
 * arrays); V8's compiled code and its metadata; the wasm's compiled code; and the other
 * native objects the browser keeps for the page (timing entries, history, styles).
 */
// Blink names an element node by its start tag (`<div class="…">`), other nodes by type.
const DOM_NODE = /^(Detached )?(<.*|Text|Comment|CDATASection|Attr|ShadowRoot|(XML|HTML)?Document(Fragment|Type)?)$/;
export function heapByKind(snapshot) {
  const { meta } = snapshot.snapshot;
  const fields = meta.node_fields;
  const types = meta.node_types[0];
  const step = fields.length;
  const [type, name, size] = ['type', 'name', 'self_size'].map((f) => fields.indexOf(f));
  const kinds = new Map();
  for (let i = 0; i < snapshot.nodes.length; i += step) {
    const t = types[snapshot.nodes[i + type]];
    let n = snapshot.strings[snapshot.nodes[i + name]];
    let kind = 'JS objects';
    if (/wasm/i.test(n) && (t === 'native' || t === 'code')) kind = 'wasm code';
    else if (t === 'code') kind = 'compiled JS';
    else if (t === 'native') kind = DOM_NODE.test(n) ? 'DOM' : 'browser';
    // Strings and closures are told apart by kind, not by their text or source.
    if (t.includes('string')) n = '(string)';
    else if (t === 'closure') n = '(closure)';
    else n = n.slice(0, 60);
    const key = `${kind}: ${t} ${n}`;
    const entry = kinds.get(key) ?? { count: 0, bytes: 0 };
    entry.count += 1;
    entry.bytes += snapshot.nodes[i + size];
    kinds.set(key, entry);
  }
  return kinds;
}

/** How `after` differs from `before` (both from heapByKind): per kind, and the largest
 * changes of single entries, largest first. */
export function heapGrowth(before, after, top = 12) {
  const byKind = new Map();
  const entries = [];
  for (const key of new Set([...before.keys(), ...after.keys()])) {
    const a = before.get(key) ?? { count: 0, bytes: 0 };
    const b = after.get(key) ?? { count: 0, bytes: 0 };
    const change = { key, count: b.count - a.count, bytes: b.bytes - a.bytes };
    const kind = key.slice(0, key.indexOf(':'));
    byKind.set(kind, (byKind.get(kind) ?? 0) + change.bytes);
    if (change.bytes !== 0 || change.count !== 0) entries.push(change);
  }
  entries.sort((x, y) => Math.abs(y.bytes) - Math.abs(x.bytes));
  return { byKind, largest: entries.slice(0, top) };
}
