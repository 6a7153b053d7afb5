// The fixture project of scripts/pictures-browser.ts: one test file whose gradient check fails
// and attaches its picture. It runs gradcheck from the sources, as the repository's tests do.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const src = (file: string) => fileURLToPath(new URL(`../../src/${file}`, import.meta.url));

export default defineConfig({
  resolve: { alias: [{ find: /^gradcheck$/, replacement: src('index.ts') }] },
  test: { include: ['*.fixture.ts'], root: fileURLToPath(new URL('.', import.meta.url)) },
});
