// Makes the tree the benchmark serves: a copy of the build, plus for every page a plain
// static variant of the same content at /static/<same path>/index.html and a minimal
// page of the same words at /minimal/<same path>/index.html.
//   node prepare.mjs --dist DIST --out OUT
// A static variant is the prerendered HTML without any <script> element, without the
// <link rel="modulepreload"> / <link rel="preload"> of the JavaScript and WebAssembly, and
// without the data-hcnf-prerendered attribute; the stylesheet (a <link rel="stylesheet">
// or an inlined <style>) stays as it is. Each variant gets a brotli and a gzip copy, as
// the build gives its own pages, so that nginx serves both kinds compressed the same way.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { parseArgs, reportUsageErrors, routesFromDist } from './lib.mjs';

reportUsageErrors('tools/bench/prepare.mjs', { help: false });
const args = parseArgs(process.argv.slice(2), { required: ['dist', 'out'] });
const dist = path.resolve(args.dist);
const out = path.resolve(args.out);
if (!fs.existsSync(path.join(dist, '404.html'))) throw new Error(`${dist} is not a prerendered build`);

const STYLESHEET = /<link\b[^>]*\brel\s*=\s*"?stylesheet\b[^>]*>|<style\b/gi;

/** A preload of JavaScript or WebAssembly: `<link rel="modulepreload|preload">` of a .js/.wasm. */
function isCodePreload(tag) {
  const rel = /\brel\s*=\s*"?([^"\s>]+)/i.exec(tag)?.[1]?.toLowerCase();
  const href = /\bhref\s*=\s*"?([^"\s>]+)/i.exec(tag)?.[1] ?? '';
  const code = /\.(m?js|wasm)(\?|#|$)/i.test(href) || /\btype\s*=\s*"application\/wasm"/i.test(tag);
  return (rel === 'modulepreload' || rel === 'preload') && code;
}

function staticVariant(html) {
  let s = html.replace(/<script\b[^>]*>[\s\S]*?<\/script\s*>/gi, '');
  s = s.replace(/<link\b[^>]*>/gi, (tag) => (isCodePreload(tag) ? '' : tag));
  s = s.replace(/\sdata-hcnf-prerendered(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>]+))?(?=[\s>/])/g, '');
  // What must be gone, and what must stay: the stylesheet, linked or inlined.
  if (/<script\b/i.test(s)) throw new Error('a <script> element is left');
  if ((s.match(/<link\b[^>]*>/gi) ?? []).some(isCodePreload)) throw new Error('a preload of code is left');
  if (s.includes('data-hcnf-prerendered')) throw new Error('data-hcnf-prerendered is left');
  const sheets = (text) => (text.match(STYLESHEET) ?? []).length;
  if (sheets(s) !== sheets(html) || sheets(s) === 0) throw new Error('the stylesheet is not kept as it was');
  if (!/<h1\b/i.test(s)) throw new Error('the page has no h1');
  return s;
}

// A minimal page of the same words: the body's elements as the app wrote them, without
// any stylesheet, script, link element or attribute but those that make the words what
// they are (where a link leads, a field's label and kind, the language of a phrase, what
// is hidden). What the fastest hand-written page of this text would be, for the first
// paint to be judged against.
const KEPT_ATTRIBUTES = new Set(['href', 'lang', 'for', 'id', 'name', 'type', 'value', 'hidden', 'datetime', 'open']);
function minimalVariant(html) {
  const lang = /<html\b[^>]*\blang="([^"]+)"/i.exec(html)?.[1];
  const title = /<title>([\s\S]*?)<\/title>/i.exec(html)?.[1];
  const body = /<body\b[^>]*>([\s\S]*)<\/body>/i.exec(html)?.[1];
  if (!lang || title === undefined || body === undefined) throw new Error('no lang, title or body');
  let words = body
    .replace(/<(script|style|template)\b[^>]*>[\s\S]*?<\/\1\s*>/gi, '')
    .replace(/<link\b[^>]*>/gi, '')
    .replace(/<!--[\s\S]*?-->|<!>/g, '');
  words = words.replace(/<([a-z][a-z0-9-]*)\b([^>]*)>/gi, (_, tag, attrs) => {
    const kept = [...attrs.matchAll(/([^\s=\/]+)(?:\s*=\s*("[^"]*"|'[^']*'|[^\s>]+))?/g)]
      .filter(([, name]) => KEPT_ATTRIBUTES.has(name.toLowerCase()))
      .map(([all]) => ` ${all}`)
      .join('');
    return `<${tag}${kept}>`;
  });
  if (!/<h1\b/i.test(words)) throw new Error('the minimal page has no h1');
  return '<!doctype html><html lang="' + lang + '"><head><meta charset="utf-8">' +
    '<meta name="viewport" content="width=device-width, initial-scale=1">' +
    `<title>${title}</title></head><body>${words}</body></html>`;
}

/** `text` at `target`, with a brotli and a gzip copy as the build gives its own pages. */
function writeServed(target, text) {
  fs.mkdirSync(path.dirname(target), { recursive: true });
  const bytes = Buffer.from(text, 'utf8');
  fs.writeFileSync(target, bytes);
  fs.writeFileSync(`${target}.br`, zlib.brotliCompressSync(bytes, {
    params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: bytes.length },
  }));
  fs.writeFileSync(`${target}.gz`, zlib.gzipSync(bytes, { level: 9 }));
}

fs.rmSync(out, { recursive: true, force: true });
fs.mkdirSync(path.dirname(out), { recursive: true });
fs.cpSync(dist, out, { recursive: true });

const routes = routesFromDist(dist);
for (const route of routes) {
  const html = fs.readFileSync(path.join(dist, route.file), 'utf8');
  try {
    writeServed(path.join(out, 'static', route.file), staticVariant(html));
    writeServed(path.join(out, 'minimal', route.file), minimalVariant(html));
  } catch (e) {
    throw new Error(`${route.file}: ${e.message}`);
  }
}
const at = path.relative(process.cwd(), out) || '.';
console.log(`prepare: copied the build and wrote ${routes.length} static pages under ${at}/static/ and as many minimal pages under ${at}/minimal/`);
