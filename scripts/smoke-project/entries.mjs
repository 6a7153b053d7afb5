// Every entry point resolves through the exports map, from ESM and from CommonJS (as Jest on
// Node 20 requires them). `gradcheck/vitest` is ESM-only and needs a Vitest run: checked there.
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const esm = await import('gradcheck');
const cjs = require('gradcheck');
for (const mod of [esm, cjs]) {
  assert.equal(typeof mod.checkGradient, 'function');
  assert.deepEqual(Object.keys(mod.gradcheckMatchers).sort(), Object.keys(esm.gradcheckMatchers).sort());
  assert.ok(
    mod.checkGradient(
      ([x]) => x * x,
      ([x]) => [2 * x],
      { at: [3] },
    ).pass,
  );
}
for (const entry of ['gradcheck/fast-check', 'gradcheck/tfjs', 'gradcheck/jaxjs']) {
  const a = await import(entry);
  const b = require(entry);
  assert.deepEqual(Object.keys(a).sort(), Object.keys(b).sort(), entry);
}
assert.equal(typeof (await import('gradcheck/fast-check')).theta, 'function');
assert.equal(typeof require('gradcheck/tfjs').checkTensorGradient, 'function');
// The scratch project has no @jax-js/jax: the entry loads, and using it names the install command.
await assert.rejects((await import('gradcheck/jaxjs')).jaxReady(), /npm install --save-dev @jax-js\/jax/);
assert.equal(require.resolve('gradcheck/jest').endsWith('jest.cjs'), true);
console.log('entries: gradcheck, gradcheck/fast-check, gradcheck/tfjs, gradcheck/jaxjs load from ESM and CommonJS');
