// Drops from the release wasm what Leptos brings and this app never runs: its asynchronous
// hydration, and the JavaScript stream adapters of its server functions.
//   node tools/prune-wasm.mjs IN.wasm OUT.wasm
// IN is wasm-bindgen's output with its name section (before wasm-opt); OUT is IN with the
// bodies of those functions replaced by `unreachable` and those exports removed, for
// wasm-opt -Oz to finish (it drops whatever nothing reaches any more).
//
// Why: every type-erased view (AnyView, which erase_components makes of each component)
// stores a pointer to its own `hydrate_async`, the path Leptos takes only for lazy routes
// and `hydrate_lazy`. This app hydrates synchronously (`hydrate_body`), but a stored
// pointer keeps the whole parallel path in the build: about a tenth of the wasm.
//
// Which functions: those whose name says `hydrate_async` and that nothing else calls
// directly, found by a fixpoint over binaryen's call graph, so a helper the compiler
// shares with the synchronous path (it may be named after either) is kept. Exported
// functions are kept. The end-to-end suites hydrate every page in both browsers; had a
// dropped function run, the page would trap there.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import binaryen from './node_modules/binaryen/index.js';

const [input, output] = process.argv.slice(2);
if (!input || !output) {
  console.error('usage: node tools/prune-wasm.mjs IN.wasm OUT.wasm');
  process.exit(2);
}
const MARK = 'hydrate_async';
const here = path.dirname(fileURLToPath(import.meta.url));
const wasmOpt = path.join(here, 'node_modules', '.bin', 'wasm-opt');

// Direct calls, and which functions are exported, as binaryen's call-graph pass prints them
// (a DOT graph: `"caller" -> "callee"; // call`, and nodes filled gray when exported).
const dot = execFileSync(wasmOpt, [input, '--print-call-graph', '-o', '/dev/null'], {
  encoding: 'utf8',
  maxBuffer: 1 << 30,
});
const callers = new Map();
const exported = new Set();
const named = new Set();
let unread = 0;
for (const line of dot.split('\n')) {
  const call = /^\s*"(.*)" -> "(.*)"; \/\/ call$/.exec(line);
  // An edge this cannot read could hide a caller: stop, rather than drop a function
  // something still calls.
  if (!call && line.endsWith('// call')) unread += 1;
  if (call) {
    const [, from, to] = call;
    if (!callers.has(to)) callers.set(to, new Set());
    callers.get(to).add(from);
    continue;
  }
  const node = /^\s*"(.*)" \[style="[^"]*", fillcolor="(\w+)"\];$/.exec(line);
  if (node) {
    named.add(node[1]);
    if (node[2] === 'gray') exported.add(node[1]);
  }
}

if (unread > 0 || named.size === 0) {
  console.error(`prune-wasm: could not read binaryen's call graph (${unread} edges unread)`);
  process.exit(1);
}

const drop = new Set([...named].filter((name) => name.includes(MARK) && !exported.has(name)));
const candidates = drop.size;
for (let changed = true; changed; ) {
  changed = false;
  for (const name of drop) {
    if ([...(callers.get(name) ?? [])].some((caller) => !drop.has(caller))) {
      drop.delete(name);
      changed = true;
    }
  }
}
if (drop.size === 0) {
  // Leptos renamed or removed the path: say so rather than ship the larger build unnoticed.
  console.error(`prune-wasm: no function named *${MARK}* to drop (${candidates} named so); has Leptos changed?`);
  process.exit(1);
}

// Features stay as the compiler declared them (the target_features section, which
// wasm-opt reads next): declaring more here would let wasm-opt use what browsers may lack.
const module = binaryen.readBinary(fs.readFileSync(input));
let bodies = 0;
for (const name of drop) {
  const fn = module.getFunction(name);
  if (!fn) continue;
  binaryen.Function.setBody(fn, module.unreachable());
  bodies += 1;
}
// wasm-streams' adapters (IntoUnderlyingSource, …ByteSource, …Sink), exported for the
// glue's classes of the same names: Leptos enables server_fn's browser streaming, which
// this app, without server functions, never uses. Nothing calls the classes, so their
// exports go, and with them what only they reach (1.2 KB brotli).
const UNUSED_EXPORT = /^(__wbg_)?intounderlying/;
let exportsDropped = 0;
for (let i = module.getNumExports() - 1; i >= 0; i -= 1) {
  const { name } = binaryen.getExportInfo(module.getExportByIndex(i));
  if (UNUSED_EXPORT.test(name)) {
    module.removeExport(name);
    exportsDropped += 1;
  }
}
if (exportsDropped === 0) {
  // Renamed upstream, or gone: say so rather than ship the larger build unnoticed.
  console.error('prune-wasm: no stream adapter export (intounderlying*) to remove; has Leptos changed?');
  process.exit(1);
}
if (!module.validate()) {
  console.error('prune-wasm: the module does not validate after pruning');
  process.exit(1);
}
fs.writeFileSync(output, module.emitBinary());
module.dispose();
console.log(`prune-wasm: dropped ${bodies} of ${candidates} functions named *${MARK}* (the rest are shared or exported), and ${exportsDropped} stream adapter exports`);
