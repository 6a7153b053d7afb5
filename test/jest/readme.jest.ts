// Runs, under Jest 30, every ```ts block of README.md and docs/*.md that imports '@jest/globals'
// or 'gradcheck/jest' (see test/docs/blocks.ts for the rules and `<!-- norun -->`). Each block is
// written to a scratch folder inside the repository and required while this file is collected,
// so the tests it defines run here under its file and line; a block without tests runs as one.
import { afterAll, describe, expect, test } from '@jest/globals';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { blockFileName, removeStaleScratch, runnableBlocks } from '../docs/blocks';
import { writeFirstTensorQuietly } from '../tfjs/quietBanner';

const root = join(__dirname, '..', '..');
removeStaleScratch(__dirname);
const scratch = mkdtempSync(join(__dirname, '.blocks-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const blocks = runnableBlocks('jest', root);
// A block that creates tensors while it loads would print TF.js's Node banner into the test
// output: write the backend's first tensor quietly before any block runs (see quietBanner.ts).
if (blocks.some((block) => block.code.includes("'@tensorflow/tfjs"))) writeFirstTensorQuietly(require('@tensorflow/tfjs'));

test('the documentation has runnable Jest blocks', () => {
  expect(blocks.length).toBeGreaterThan(0);
});

for (const block of blocks) {
  const name = `${block.file}:${block.line}`;
  const path = join(scratch, blockFileName(block));
  writeFileSync(path, block.code);
  if (block.definesTests) {
    describe(name, () => {
      try {
        require(path);
      } catch (error) {
        // A block that does not compile or load fails as itself, not the whole file.
        test('loads', () => {
          throw error;
        });
      }
    });
  } else {
    test(`${name} runs`, () => {
      require(path);
    });
  }
}
