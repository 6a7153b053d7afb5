import { defineConfig } from 'tsdown';

// ESM for every entry; CommonJS only for the entries Jest on Node 20 must `require`.
// Optional peers are external so a Jest user never loads Vitest and vice versa.
const external = [/^vitest/, /^@vitest\//, /^expect$/, /^@jest\//, /^fast-check/, /^@fast-check\//, /^@tensorflow\//];

export default defineConfig([
  {
    entry: { index: 'src/index.ts', vitest: 'src/vitest.ts' },
    format: ['esm'],
    dts: true,
    clean: true,
    platform: 'neutral',
    deps: { neverBundle: external },
  },
]);
