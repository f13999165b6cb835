// node --test tools/prune-wasm.test.mjs: which functions prune-wasm.mjs empties and which
// exports it removes, on small modules written for it.
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import test from 'node:test';
import { fileURLToPath } from 'node:url';
import binaryen from './node_modules/binaryen/index.js';

const script = path.join(path.dirname(fileURLToPath(import.meta.url)), 'prune-wasm.mjs');

/** `wat` as a wasm binary with its function names, in a temporary directory. */
function wasmFile(wat) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'prune-wasm-'));
  const module = binaryen.parseText(wat);
  binaryen.setDebugInfo(true);
  const file = path.join(dir, 'in.wasm');
  fs.writeFileSync(file, module.emitBinary());
  binaryen.setDebugInfo(false);
  module.dispose();
  return { dir, file };
}

/** The functions of `input` whose whole body is `unreachable` in `output`, by their names
 * in `input` (the pruned file carries no names). */
function emptied(input, output) {
  const before = binaryen.readBinary(fs.readFileSync(input));
  const after = binaryen.readBinary(fs.readFileSync(output));
  const out = [];
  for (let i = 0; i < after.getNumFunctions(); i += 1) {
    const body = binaryen.getFunctionInfo(after.getFunctionByIndex(i)).body;
    if (body && binaryen.getExpressionId(body) === binaryen.UnreachableId) {
      out.push(binaryen.getFunctionInfo(before.getFunctionByIndex(i)).name);
    }
  }
  before.dispose();
  after.dispose();
  return out.sort();
}

/** A module with one view whose async hydration only a table reaches (so the pruning has
 * something to empty), and `more` inside it. */
const appWith = (more) =>
  wasmFile(`(module
    (table 1 funcref)
    (elem (i32.const 0) $view::hydrate_async)
    (func $main (export "main") (drop (i32.const 0)))
    (func $view::hydrate_async (drop (i32.const 0)))${more}
  )`);

/** Runs the pruning on `file` and checks that it fails, saying `why`. */
function assertFails(dir, file, why) {
  const run = spawnSync('node', [script, file, path.join(dir, 'out.wasm')], { encoding: 'utf8' });
  assert.equal(run.status, 1);
  assert.match(run.stderr, why);
}

test('only async hydration that nothing else calls is emptied', () => {
  const { dir, file } = wasmFile(`(module
    (table 2 funcref)
    (elem (i32.const 0) $view::hydrate_async $view::hydrate_from_server)
    (func $main (export "main") (call $view::hydrate_from_server))
    (func $view::hydrate_from_server (call $shared::hydrate_async::helper))
    (func $view::hydrate_async (call $child::hydrate_async) (call $shared::hydrate_async::helper))
    (func $child::hydrate_async (call $child::hydrate_async::inner) (drop (i32.const 1)))
    (func $child::hydrate_async::inner (drop (i32.const 2)))
    (func $shared::hydrate_async::helper (drop (i32.const 3)))
    (func $api::hydrate_async (export "api") (drop (i32.const 4)))
    (func $pull (export "intounderlyingsource_pull") (drop (i32.const 5)))
  )`);
  const out = path.join(dir, 'out.wasm');
  execFileSync('node', [script, file, out]);
  assert.deepEqual(emptied(file, out), [
    'child::hydrate_async',
    'child::hydrate_async::inner',
    'view::hydrate_async',
  ]);
});

test('a build with nothing to empty fails, so a renamed path is noticed', () => {
  const { dir, file } = wasmFile(`(module (func $main (export "main") (drop (i32.const 0))))`);
  assertFails(dir, file, /no function named \*hydrate_async\*/);
});

test("the stream adapters' exports go, and the app's stay", () => {
  const { dir, file } = appWith(`
    (func $pull (export "intounderlyingsource_pull") (drop (i32.const 1)))
    (func $free (export "__wbg_intounderlyingsink_free") (drop (i32.const 2)))
    (func $other (export "__wbg_form_free") (drop (i32.const 3)))`);
  const out = path.join(dir, 'out.wasm');
  execFileSync('node', [script, file, out]);
  const after = binaryen.readBinary(fs.readFileSync(out));
  const exports = [];
  for (let i = 0; i < after.getNumExports(); i += 1) {
    exports.push(binaryen.getExportInfo(after.getExportByIndex(i)).name);
  }
  after.dispose();
  assert.deepEqual(exports.sort(), ['__wbg_form_free', 'main']);
});

test('a build without the stream adapters fails, so a renamed export is noticed', () => {
  const { dir, file } = appWith('');
  assertFails(dir, file, /no stream adapter export/);
});
