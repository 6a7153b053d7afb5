import { fileURLToPath } from 'node:url';
import { configDefaults, defineConfig } from 'vitest/config';

const src = (file: string) => fileURLToPath(new URL(`./src/${file}`, import.meta.url));

/** Our own tests import the package by name, as users do, but run against the sources. */
export const gradcheckAliases = [
  { find: /^gradcheck$/, replacement: src('index.ts') },
  { find: /^gradcheck\/vitest$/, replacement: src('vitest.ts') },
  { find: /^gradcheck\/fast-check$/, replacement: src('fast-check/index.ts') },
  { find: /^gradcheck\/tfjs$/, replacement: src('tfjs/index.ts') },
  { find: /^gradcheck\/workers$/, replacement: src('workers/index.ts') },
  { find: /^gradcheck\/jaxjs$/, replacement: src('jaxjs/index.ts') },
];

export default defineConfig({
  resolve: { alias: gradcheckAliases },
  test: {
    include: ['test/**/*.test.ts'],
    // test/browser runs in Chromium: vitest.browser.config.ts, `npm run test:browser`.
    exclude: [...configDefaults.exclude, 'test/browser/**'],
    setupFiles: ['./test/setup.ts'],
    testTimeout: 120_000,
    typecheck: {
      include: ['test/**/*.test-d.ts'],
      tsconfig: './tsconfig.json',
    },
  },
});
