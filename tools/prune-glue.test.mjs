// Tests for tools/prune-glue.mjs on a small module shaped as wasm-bindgen writes its glue.
// Run by scripts/test.sh: node --test tools/prune-glue.test.mjs
import assert from 'node:assert/strict';
import test from 'node:test';
import { parse } from 'acorn';
import { pruneGlue } from './prune-glue.mjs';

const GLUE = `export class IntoUnderlyingSource {
    free() { SourceFinalization.unregister(this); wasm.intounderlyingsource_free(0); }
    get type() { return __wbindgen_enum_ReadableStreamType[shared()]; }
}
if (Symbol.dispose) IntoUnderlyingSource.prototype[Symbol.dispose] = IntoUnderlyingSource.prototype.free;

export class IntoUnderlyingSink {
    free() { SinkFinalization.unregister(this); }
}
if (Symbol.dispose) IntoUnderlyingSink.prototype[Symbol.dispose] = IntoUnderlyingSink.prototype.free;

export function hcnfStartForm() { wasm.hcnfStartForm(); return shared(); }
function shared() { return 0; }
const __wbindgen_enum_ReadableStreamType = ["bytes"];
const SourceFinalization = new FinalizationRegistry((ptr) => wasm.intounderlyingsource_free(ptr));
const SinkFinalization = new FinalizationRegistry(() => {});
let wasm;
export { wasm as default };
`;

const names = (source) => parse(source, { ecmaVersion: 'latest', sourceType: 'module' })
  .body.map((s) => (s.declaration ?? s).id?.name ?? (s.declarations?.[0]?.id.name) ?? s.type);

test('the adapter classes go, with what only they used; what the app uses stays', () => {
  const { source, classes, removed } = pruneGlue(GLUE);
  assert.equal(classes, 2);
  assert.equal(removed, 7);
  assert.deepEqual(names(source), ['hcnfStartForm', 'shared', 'wasm', 'ExportNamedDeclaration']);
  assert.doesNotMatch(source, /IntoUnderlying|Finalization|ReadableStreamType/);
  // Used by a class that goes and by a function that stays: kept.
  assert.match(source, /function shared\(\)/);
});

test('a glue without the classes fails, as does one that still names a class elsewhere', () => {
  assert.throws(() => pruneGlue(GLUE.replaceAll('IntoUnderlying', 'Other')), /no stream adapter class/);
  assert.throws(() => pruneGlue(`${GLUE}export const again = IntoUnderlyingSink;\n`), /still names IntoUnderlyingSink/);
});
