// node --test tools/nav.test.mjs: the navigation script's rules (src/prerender/nav/ and
// its host module, host.js), run as the scripts themselves, imported: which language `/`
// opens, and how a host element's attributes are read, as web teams write them, good and
// bad.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import test from 'node:test';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
// The scripts are ES modules a page loads as such; Node reads a `.js` file as one only in
// a package that says so. host.js imports nav.js by that name until the build renames it.
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hcnf-nav-'));
fs.writeFileSync(path.join(dir, 'package.json'), '{"type":"module"}');
// nav.js is joined from its parts as the prerenderer joins them, in the order it names.
const loaders = fs.readFileSync(path.join(root, 'src/prerender/loaders.rs'), 'utf8');
const parts = [...loaders.matchAll(/include_str!\("(nav\/[a-z]+\.js)"\)/g)].map((m) => m[1]);
assert.ok(parts.length > 1, 'src/prerender/loaders.rs names the parts of nav.js');
const nav = parts.map((part) => fs.readFileSync(path.join(root, 'src/prerender', part), 'utf8')).join('');
fs.writeFileSync(path.join(dir, 'nav.js'), nav);
fs.copyFileSync(path.join(root, 'src/prerender/host.js'), path.join(dir, 'host.js'));
const { pickLanguage } = await import(pathToFileURL(path.join(dir, 'nav.js')).href);
const { readHostOptions } = await import(pathToFileURL(path.join(dir, 'host.js')).href);
fs.rmSync(dir, { recursive: true });

// The site's languages, as the build names them to the script: one per content file.
const locales = fs
  .readdirSync(path.join(root, 'content'))
  .filter((f) => f.endsWith('.json'))
  .map((f) => f.slice(0, -'.json'.length))
  .sort();

test('the languages are the ones these cases are written for', () => {
  assert.deepEqual(locales, ['en', 'ja', 'ja-x-easy']);
});

const pick = ({ chosen = null, stored = null, preferred = [] }) => pickLanguage(chosen, locales, 'en', stored, preferred);

test("a stored choice wins over the browser's languages, the host's over both", () => {
  assert.equal(pick({ stored: 'ja', preferred: ['en-GB'] }), 'ja');
  assert.equal(pick({ stored: 'en', preferred: ['ja'] }), 'en');
  assert.equal(pick({ chosen: 'ja', stored: 'en', preferred: ['en'] }), 'ja');
  assert.equal(pick({ chosen: 'fr', stored: 'en', preferred: ['ja'] }), 'en');
});

test("the first of the browser's languages the site has is chosen", () => {
  assert.equal(pick({ preferred: ['ja-JP', 'en-US'] }), 'ja');
  assert.equal(pick({ preferred: ['fr-FR', 'JA', 'en'] }), 'ja');
  assert.equal(pick({ preferred: ['fr', 'en-US', 'ja'] }), 'en');
  assert.equal(pick({ preferred: ['ja_JP'] }), 'ja');
});

test('plain Japanese is only ever chosen by the reader', () => {
  // A browser says ja or ja-JP, never the private-use tag: it gets the full edition.
  for (const tag of ['ja', 'ja-JP', 'ja-x-easy', 'JA-X-EASY']) {
    assert.equal(pick({ preferred: [tag] }), 'ja', tag);
  }
  // Chosen with the language switch, it is kept.
  assert.equal(pick({ stored: 'ja-x-easy', preferred: ['ja-JP'] }), 'ja-x-easy');
});

test('anything else is the fallback', () => {
  assert.equal(pick({}), 'en');
  assert.equal(pick({ stored: 'xx', preferred: ['de', 'zh-Hant'] }), 'en');
  assert.equal(pick({ stored: '', preferred: [''] }), 'en');
});

const embed = { assets: 'https://cdn.example.jp/hcnf-app/', locales };
const read = (attributes, pathname = '/hcnf/ja/') =>
  readHostOptions((name) => attributes[name] ?? null, embed, pathname);

test('the documented snippet reads as written', () => {
  const { options, warnings } = read({ locale: 'ja', base: '/hcnf/', 'manage-document': 'false' });
  assert.deepEqual(warnings, []);
  assert.deepEqual(options, {
    base: '/hcnf',
    locale: 'ja',
    manage: false,
    plainForm: false,
    parentOrigin: null,
    assets: 'https://cdn.example.jp/hcnf-app/',
  });
});

test('the plain form is posted on the host only when its server says it passes the posts on', () => {
  assert.equal(read({}).options.plainForm, false);
  for (const on of ['true', 'True', '']) {
    assert.equal(read({ 'plain-form': on }).options.plainForm, true, JSON.stringify(on));
  }
  const { options, warnings } = read({ 'plain-form': 'proxied' });
  assert.equal(options.plainForm, false);
  assert.deepEqual(warnings, ['data-hcnf-plain-form="proxied" must be "true" or "false"; "false" is used']);
});

test('an element with no options leaves the document to the host, at the site root', () => {
  const { options, warnings } = read({}, '/anything');
  assert.deepEqual(warnings, []);
  assert.equal(options.base, '');
  assert.equal(options.locale, null);
  assert.equal(options.manage, false);
  assert.equal(options.parentOrigin, null);
});

test('managing the document is asked for explicitly', () => {
  for (const on of ['true', 'TRUE', ' true ', '']) {
    assert.equal(read({ 'manage-document': on }, '/').options.manage, true, JSON.stringify(on));
  }
  assert.equal(read({ 'manage-document': 'false' }, '/').options.manage, false);
  const { options, warnings } = read({ 'manage-document': 'yes please' }, '/');
  assert.equal(options.manage, false);
  assert.equal(warnings.length, 1);
  assert.match(warnings[0], /data-hcnf-manage-document="yes please" must be "true" or "false"/);
});

test('base paths are normalised however they are typed, and refused when no path', () => {
  for (const [typed, base] of [
    ['/hcnf/', '/hcnf'],
    ['/hcnf', '/hcnf'],
    ['hcnf/', '/hcnf'],
    [' /kenko/hcnf/ ', '/kenko/hcnf'],
    ['/hcnf+2026/', '/hcnf+2026'],
    ['/', ''],
    ['', ''],
  ]) {
    const { options } = read({ base: typed }, `${base}/en/`);
    assert.equal(options.base, base, JSON.stringify(typed));
  }
  for (const bad of [
    'https://example.jp/hcnf/',
    '//example.jp/hcnf',
    '/hcnf/?x=1',
    '/hcnf/#top',
    '/hcnf/../admin',
    '/a//b',
    '/with space',
    '/健康/',
    '/%E5%81%A5/',
  ]) {
    const { options, warnings } = read({ base: bad }, '/en/');
    assert.equal(options.base, '', bad);
    assert.equal(warnings.length, 1, bad);
    assert.match(warnings[0], /is not a path such as "\/hcnf\/"/, bad);
  }
});

test('languages are read whatever their case; one the site lacks is reported', () => {
  assert.equal(read({ locale: 'JA' }, '/').options.locale, 'ja');
  const { options, warnings } = read({ locale: 'fr' }, '/');
  assert.equal(options.locale, null);
  assert.deepEqual(warnings, ['data-hcnf-locale="fr" is not a language of this site; use one of en, ja, ja-x-easy']);
});

test("the framing page's origin is read as browsers write origins", () => {
  for (const [typed, origin] of [
    ['https://www.example.jp', 'https://www.example.jp'],
    [' HTTPS://WWW.Example.JP:443/ ', 'https://www.example.jp'],
    ['http://127.0.0.1:8090', 'http://127.0.0.1:8090'],
  ]) {
    const { options, warnings } = read({ 'parent-origin': typed }, '/');
    assert.deepEqual(warnings, [], typed);
    assert.equal(options.parentOrigin, origin, typed);
  }
  for (const bad of ['*', 'www.example.jp', 'https://www.example.jp/page.html', 'https://user@www.example.jp', 'ftp://example.jp']) {
    const { options, warnings } = read({ 'parent-origin': bad }, '/');
    assert.equal(options.parentOrigin, null, bad);
    assert.equal(warnings.length, 1, bad);
  }
});

test("a page outside the base is reported, a page at the base or under it is not", () => {
  assert.deepEqual(read({ base: '/hcnf/' }, '/hcnf').warnings, []);
  assert.deepEqual(read({ base: '/hcnf/' }, '/hcnf/en/symposia').warnings, []);
  assert.deepEqual(read({ base: '/hcnf/' }, '/hcnf-news/').warnings, [
    'the page\'s path "/hcnf-news/" is not under data-hcnf-base="/hcnf/"',
  ]);
});
