// Tests for the benchmark's heap accounting (lib.mjs), on a snapshot of a few nodes in the
// format V8 writes, and for how its scripts read their options. Run by scripts/test.sh: node --test tools/bench/lib.test.mjs
import assert from 'node:assert/strict';
import test from 'node:test';
import { heapByKind, heapGrowth, loopbackBase, parseArgs, UsageError } from './lib.mjs';

// A snapshot whose nodes are [type, name, self_size] triples.
function snapshot(nodes) {
  const strings = [];
  const at = (s) => (strings.includes(s) ? strings.indexOf(s) : strings.push(s) - 1);
  const types = ['object', 'closure', 'code', 'native', 'string', 'concatenated string'];
  return {
    snapshot: { meta: { node_fields: ['type', 'name', 'self_size'], node_types: [types] } },
    nodes: nodes.flatMap(([t, n, s]) => [types.indexOf(t), at(n), s]),
    strings,
  };
}

test('nodes are counted by kind, strings and closures whatever their text, document nodes apart', () => {
  const kinds = heapByKind(snapshot([
    ['object', 'Map', 40],
    ['object', 'Map', 40],
    ['string', 'hello', 20],
    ['concatenated string', 'a long text', 32],
    ['closure', 'onClick', 28],
    ['code', 'system / InstructionStream', 500],
    ['native', 'system / CppGCManaged (WasmNativeModule)', 900],
    ['native', 'PerformanceResourceTiming', 136],
    ['native', '<h1 class="hcnf-page__title">', 96],
    ['native', 'Detached <form class="hcnf-form">', 120],
    ['native', 'HTMLCollection', 40],
    ['native', 'Text', 48],
    ['native', 'XMLDocument', 300],
  ]));
  assert.deepEqual(Object.fromEntries(kinds), {
    'JS objects: object Map': { count: 2, bytes: 80 },
    'JS objects: string (string)': { count: 1, bytes: 20 },
    'JS objects: concatenated string (string)': { count: 1, bytes: 32 },
    'JS objects: closure (closure)': { count: 1, bytes: 28 },
    'compiled JS: code system / InstructionStream': { count: 1, bytes: 500 },
    'wasm code: native system / CppGCManaged (WasmNativeModule)': { count: 1, bytes: 900 },
    'browser: native PerformanceResourceTiming': { count: 1, bytes: 136 },
    'DOM: native <h1 class="hcnf-page__title">': { count: 1, bytes: 96 },
    'DOM: native Detached <form class="hcnf-form">': { count: 1, bytes: 120 },
    'browser: native HTMLCollection': { count: 1, bytes: 40 },
    'DOM: native Text': { count: 1, bytes: 48 },
    'DOM: native XMLDocument': { count: 1, bytes: 300 },
  });
});

test('growth is summed per kind, and the largest changes come first, shrinking ones too', () => {
  const before = heapByKind(snapshot([['object', 'Map', 40], ['object', 'Array', 16], ['native', 'Entry', 100]]));
  const after = heapByKind(snapshot([
    ['object', 'Map', 40], ['object', 'Map', 40], ['native', 'Entry', 100], ['native', 'Entry', 100], ['native', 'Entry', 100],
  ]));
  const { byKind, largest } = heapGrowth(before, after, 2);
  assert.deepEqual(Object.fromEntries(byKind), { 'JS objects': 24, browser: 200 });
  assert.deepEqual(largest, [
    { key: 'browser: native Entry', count: 2, bytes: 200 },
    { key: 'JS objects: object Map', count: 1, bytes: 40 },
  ]);
});

const OPTIONS = { defaults: { runs: '5', heap: 'yes' }, required: ['base'], set: ['base'] };
const refused = (argv, message) => assert.throws(
  () => parseArgs(argv, OPTIONS),
  (e) => e instanceof UsageError && message.test(e.message),
);

test('options are read over their defaults', () => {
  assert.deepEqual(
    parseArgs(['--base', 'http://127.0.0.1:1', '--runs', '3'], OPTIONS),
    { runs: '3', heap: 'yes', base: 'http://127.0.0.1:1' },
  );
});

test('a mistyped, valueless, stray or missing option is a usage error, not a run without it', () => {
  refused(['--base', 'http://127.0.0.1:1', '--run', '3'], /^--run is not an option; the options are --runs, --heap$/);
  refused(['--runs', '3', '--runs', '4', '--base', 'http://127.0.0.1:1'], /^--runs is given twice$/);
  refused(['--base', 'http://127.0.0.1:1', '--base', 'http://127.0.0.1:2'], /^--base is set by the script itself$/);
  refused(['--base', 'http://127.0.0.1:1', '--runs'], /^--runs needs a value$/);
  refused(['--base', 'http://127.0.0.1:1', '--runs', '--heap', 'no'], /^--runs needs a value$/);
  refused(['--base', 'http://127.0.0.1:1', '3'], /^unexpected argument 3$/);
  refused(['--runs', '3'], /^--base required$/);
});

test('a script whose every option is its own says it takes none', () => {
  assert.throws(
    () => parseArgs(['--x', '1'], { required: ['dist'], set: ['dist'] }),
    (e) => e instanceof UsageError && e.message === '--x is not an option; it takes none',
  );
});

test('the base address must be a URL on loopback', () => {
  assert.equal(loopbackBase('http://127.0.0.1:8080').port, '8080');
  assert.equal(loopbackBase('http://localhost:1/').hostname, 'localhost');
  for (const [value, message] of [
    ['127.0.0.1:8080', /must be an address such as/],
    ['http://192.0.2.1:8080', /must be a loopback address, not 192\.0\.2\.1$/],
  ]) {
    assert.throws(() => loopbackBase(value), (e) => e instanceof UsageError && message.test(e.message));
  }
});
