import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const src = (file: string) => fileURLToPath(new URL(`./src/${file}`, import.meta.url));

export default defineConfig({
  resolve: {
    // Our own tests import the package by name, as users do, but run against the sources.
    alias: [
      { find: /^gradcheck$/, replacement: src('index.ts') },
      { find: /^gradcheck\/vitest$/, replacement: src('vitest.ts') },
      { find: /^gradcheck\/fast-check$/, replacement: src('fast-check/index.ts') },
      { find: /^gradcheck\/tfjs$/, replacement: src('tfjs/index.ts') },
      { find: /^gradcheck\/workers$/, replacement: src('workers/index.ts') },
      { find: /^gradcheck\/jaxjs$/, replacement: src('jaxjs/index.ts') },
    ],
  },
  test: {
    include: ['test/**/*.test.ts'],
    setupFiles: ['./test/setup.ts'],
    testTimeout: 120_000,
    typecheck: {
      include: ['test/**/*.test-d.ts'],
      tsconfig: './tsconfig.json',
    },
  },
});
