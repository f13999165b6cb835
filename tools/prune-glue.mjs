// Takes out of wasm-bindgen's glue the classes that wrap the stream adapters Leptos's
// server functions export (IntoUnderlyingSource, …Sink, …ByteSource), which
// tools/prune-wasm.mjs has already taken out of the wasm: this app never calls a server
// function, nothing imports the classes, and without their exports in the wasm they could
// not work anyway. With them go the declarations only they used (their finalization
// registries, the stream type enum). 0.3 KB brotli and 2 KB of script less to parse on
// every inquiry page.
//   node tools/prune-glue.mjs GLUE.js OUT.js
// Fails if it finds no such class (renamed upstream: say so rather than ship the larger
// glue unnoticed) or if anything outside what it removes still names one.
import fs from 'node:fs';
import { pathToFileURL } from 'node:url';
import { parse } from 'acorn';

const ADAPTER = /^IntoUnderlying/;

/** Every identifier name used in `node`'s subtree, with how often. */
function namesIn(node, into = new Map()) {
  if (Array.isArray(node)) {
    for (const child of node) namesIn(child, into);
  } else if (node && typeof node.type === 'string') {
    if (node.type === 'Identifier') into.set(node.name, (into.get(node.name) ?? 0) + 1);
    for (const [key, value] of Object.entries(node)) {
      if (key !== 'type' && value && typeof value === 'object') namesIn(value, into);
    }
  }
  return into;
}

/** The name a top-level statement declares, if it declares exactly one. */
function declared(statement) {
  const declaration = statement.type === 'ExportNamedDeclaration' ? statement.declaration : statement;
  if (!declaration) return null;
  if (declaration.type === 'ClassDeclaration' || declaration.type === 'FunctionDeclaration') return declaration.id.name;
  if (declaration.type === 'VariableDeclaration' && declaration.declarations.length === 1) {
    return declaration.declarations[0].id.name ?? null;
  }
  return null;
}

/** `if (Symbol.dispose) Name.prototype[Symbol.dispose] = …;`: the name it extends. */
function disposeOf(statement) {
  if (statement.type !== 'IfStatement') return null;
  const target = statement.consequent.expression?.left?.object?.object;
  return target?.type === 'Identifier' ? target.name : null;
}

/** The glue `source` without the adapter classes and what only they used. */
export function pruneGlue(source) {
  const program = parse(source, { ecmaVersion: 'latest', sourceType: 'module' });
  const body = program.body;
  const removed = new Set();
  for (const statement of body) {
    const name = declared(statement) ?? disposeOf(statement);
    if (name && ADAPTER.test(name)) removed.add(statement);
  }
  const classes = [...removed].filter((s) => s.type === 'ExportNamedDeclaration').length;
  if (classes === 0) throw new Error('no stream adapter class (IntoUnderlying*) in the glue; has wasm-bindgen or Leptos changed?');
  // Then, until none is left, each declaration no longer named outside what goes.
  for (let more = true; more;) {
    more = false;
    // Counted once a pass: what this pass removes, the next one sees.
    const used = namesIn(body.filter((s) => !removed.has(s)));
    const usedByRemoved = namesIn([...removed]);
    for (const statement of body) {
      const name = declared(statement);
      if (removed.has(statement) || !name || statement.type === 'ExportNamedDeclaration') continue;
      const own = namesIn(statement).get(name) ?? 0;
      if ((usedByRemoved.get(name) ?? 0) > 0 && (used.get(name) ?? 0) === own) {
        removed.add(statement);
        more = true;
      }
    }
  }
  let out = '';
  let at = 0;
  for (const statement of [...removed].sort((a, b) => a.start - b.start)) {
    out += source.slice(at, statement.start);
    at = statement.end;
  }
  out += source.slice(at);
  const left = [...namesIn(parse(out, { ecmaVersion: 'latest', sourceType: 'module' }).body).keys()].filter((n) => ADAPTER.test(n));
  if (left.length) throw new Error(`the glue still names ${left.join(', ')} after pruning`);
  return { source: out, classes, removed: removed.size };
}

if (process.argv[1] && import.meta.url === pathToFileURL(fs.realpathSync(process.argv[1])).href) {
  const [input, output] = process.argv.slice(2);
  if (!input || !output) {
    console.error('usage: node tools/prune-glue.mjs GLUE.js OUT.js');
    process.exit(2);
  }
  try {
    const { source, classes, removed } = pruneGlue(fs.readFileSync(input, 'utf8'));
    fs.writeFileSync(output, source);
    console.log(`prune-glue: dropped ${classes} stream adapter classes and ${removed - classes} statements that served only them`);
  } catch (error) {
    console.error(`prune-glue: ${error.message}`);
    process.exit(1);
  }
}
