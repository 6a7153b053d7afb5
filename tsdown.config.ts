import { defineConfig } from 'tsdown';

// Optional peers stay external: a Jest user never loads Vitest and vice versa. Node's built-ins
// (`node:fs`…, imported by the Jest entry's picture writer and by `gradcheck/workers`) are
// external by nature; the ESM build's `neutral` platform does not know them, so they are named.
const external = [
  /^node:/,
  /^vitest/,
  /^@vitest\//,
  /^expect$/,
  /^@jest\//,
  /^jest/,
  /^fast-check/,
  /^@fast-check\//,
  /^@tensorflow\//,
  /^@jax-js\//,
  /^piscina/,
  /^tsx/,
];

// Every entry as ESM; every entry but `vitest` (Vitest itself is ESM-only) also as CommonJS,
// because Jest on Node 20 `require`s setup files and test imports. The CommonJS build is a
// separate config so that its shared chunks are computed without the Vitest entry and no
// CommonJS file `require`s an optional peer it does not use.
const esm = {
  index: 'src/index.ts',
  vitest: 'src/vitest.ts',
  jest: 'src/jest.ts',
  'fast-check': 'src/fast-check/index.ts',
  tfjs: 'src/tfjs/index.ts',
  workers: 'src/workers/index.ts',
  jaxjs: 'src/jaxjs/index.ts',
};
const { vitest: _esmOnly, ...cjs } = esm;

// The script each `gradcheck/workers` pool thread runs: ESM only (piscina imports it by URL,
// from the ESM and the CommonJS entry alike), with no shared chunks so that it sits, whole,
// beside `dist/workers.js` where `workerScript()` looks for it.
const workerScript = { 'workers-worker': 'src/workers/worker.ts' };

/**
 * Every config's shared settings. `pluginTimings` off: rolldown warns when a plugin takes a
 * large share of the build, and the declaration plugin (TypeScript itself) always does; that is
 * the cost of `dts: true`, not something to fix, and the warning only made noise in `npm test`.
 */
const checks = { pluginTimings: false };

export default defineConfig([
  {
    entry: esm,
    format: ['esm'],
    dts: true,
    clean: true,
    platform: 'neutral',
    deps: { neverBundle: external },
    checks,
  },
  {
    entry: cjs,
    format: ['cjs'],
    dts: true,
    clean: false,
    platform: 'node',
    // `gradcheck/workers` finds its worker script from `import.meta.url`.
    shims: true,
    deps: { neverBundle: external },
    checks,
  },
  {
    entry: workerScript,
    format: ['esm'],
    dts: false,
    clean: false,
    platform: 'node',
    // `.js` like the other ESM files (the package is `type: module`), not node's default `.mjs`.
    fixedExtension: false,
    deps: { neverBundle: external },
    checks,
  },
]);
