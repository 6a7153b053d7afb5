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
    // TF.js's CPU backend advertises @tensorflow/tfjs-node on the first tensor of every file that
    // makes one while it loads (before any hook of its own could write it quietly, see
    // test/tfjs/quietBanner.ts). We test the pure-JS backend on purpose: drop that banner, and
    // only it (every other TF.js warning still prints).
    onConsoleLog: (log) => !log.includes('Hi, looks like you are running TensorFlow.js in Node.js'),
    testTimeout: 120_000,
    // The type tests (test/**/*.test-d.ts) are compiled by `npm run test:types` (tsc on the
    // whole project), not by `vitest --typecheck`, which prints an "experimental feature"
    // notice on every run; `vitest --typecheck` still finds them here.
    typecheck: {
      include: ['test/**/*.test-d.ts'],
      tsconfig: './tsconfig.json',
    },
  },
});
