// Runs every ```ts block of README.md and docs/*.md that Vitest should run (see blocks.ts for the
// rules and the `<!-- norun -->` marker), so the documentation cannot rot. Each block is written
// to a scratch folder inside the repository (so that 'vitest', 'gradcheck' and the installed
// packages resolve as in the user's project) and imported: a block that defines tests adds them
// here, under its file and line; any other block runs as one test. Jest blocks run in
// test/jest/readme.jest.ts.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it, test } from 'vitest';
import { type DocBlock, blockFileName, extractBlocks, removeStaleScratch, runnableBlocks } from './blocks.js';

const here = fileURLToPath(new URL('.', import.meta.url));
removeStaleScratch(here);
const scratch = mkdtempSync(join(here, '.blocks-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const blocks = runnableBlocks('vitest', fileURLToPath(new URL('../..', import.meta.url)));

function write(block: DocBlock): string {
  const path = join(scratch, blockFileName(block));
  writeFileSync(path, block.code);
  return path;
}

test('the README has runnable Vitest blocks', () => {
  expect(blocks.filter((b) => b.file === 'README.md').length).toBeGreaterThan(0);
});

for (const block of blocks) {
  const name = `${block.file}:${block.line}`;
  const path = write(block);
  if (block.definesTests) {
    describe(name, async () => {
      try {
        await import(/* @vite-ignore */ path);
      } catch (error) {
        // A block that does not compile or load fails as itself, not the whole file.
        test('loads', () => {
          throw error;
        });
      }
    });
  } else {
    test(`${name} runs`, async () => {
      await import(/* @vite-ignore */ path);
    });
  }
}

describe('extractBlocks', () => {
  const md = [
    '# Title',
    '```ts',
    "import { test } from 'vitest';",
    "test('a', () => {});",
    '```',
    '<!-- norun -->',
    '',
    '```ts',
    "export default { test: { setupFiles: ['gradcheck/vitest'] } };",
    '```',
    '```sh',
    'npm install gradcheck',
    '```',
    '```ts',
    "import { expect, test } from '@jest/globals';",
    "import 'gradcheck';",
    '```',
    '```typescript',
    'const x = 1;',
    '```',
    '<!-- norun: a fragment -->',
    '```ts',
    'expect(loss).toHaveGradient(grad, { at: θ });',
    '```',
    '<!-- readme-example: test/x.test.ts runs this block -->',
    '```ts',
    "test.prop([w])('fails', () => {});",
    '```',
  ].join('\n');
  const found = extractBlocks(md, 'X.md');

  it('finds every fenced block with its language, line and code', () => {
    expect(found.map((b) => [b.line, b.lang])).toEqual([
      [2, 'ts'],
      [8, 'ts'],
      [11, 'sh'],
      [14, 'ts'],
      [18, 'typescript'],
      [22, 'ts'],
      [26, 'ts'],
    ]);
    expect(found[0].code).toBe("import { test } from 'vitest';\ntest('a', () => {});\n");
  });

  it('honours <!-- norun --> and <!-- readme-example: … --> on the block right after it only', () => {
    expect(found.map((b) => b.norun)).toEqual([false, true, false, false, false, true, true]);
  });

  it('sends blocks that import @jest/globals to Jest, and knows which define tests', () => {
    expect(found.map((b) => b.runner)).toEqual(['vitest', 'vitest', 'vitest', 'jest', 'vitest', 'vitest', 'vitest']);
    expect(found.map((b) => b.definesTests)).toEqual([true, false, false, false, false, false, true]);
  });
});
