/**
 * Side-effect entry for Jest 30's `setupFilesAfterEnv`: registers every gradcheck matcher with
 * Jest's `expect` and adds their types to `expect`'s `Matchers` (what `@jest/globals` exports).
 * Shipped as CommonJS too, because Jest on Node 20 cannot load an ESM-only setup file.
 *
 * @example
 * // jest.config.js
 * module.exports = { setupFilesAfterEnv: ['gradcheck/jest'] };
 *
 * // loss.test.ts
 * import { expect, test } from '@jest/globals';
 * test('gradient', () => {
 *   expect(([x]: number[]) => x * x).toHaveGradient(([x]: number[]) => [2 * x], { at: [3] });
 * });
 */
import { provideRuntime } from './check/timeAndProgress/runtime.js';
import { nodeRuntime } from './runtime/index.js';
import type {} from 'expect';
import { GradcheckError } from './numeric/errors.js';
import { gradcheckMatchers } from './matchers/index.js';
import type { GradcheckMatchers } from './matchers/types.js';
import { writerFromEnvironment } from './pictures/folderWriter.js';
import { usePictureWriter } from './pictures/pictureWriter.js';

// The checks read the running test's timeout and the watched terminal through this runtime.
provideRuntime(nodeRuntime);

/** The part of Jest's `expect` this entry needs. */
interface Extendable {
  extend(matchers: Record<string, unknown>): void;
}

// Jest puts `expect` on the global object of every test file (unless `injectGlobals: false`,
// where the user calls `expect.extend(gradcheckMatchers)` on the `expect` of `@jest/globals`).
const jestExpect = (globalThis as { expect?: Partial<Extendable> }).expect;
if (typeof jestExpect?.extend !== 'function') {
  throw new GradcheckError(
    "gradcheck/jest: no global `expect` to extend; load this file through Jest's setupFilesAfterEnv, " +
      "or call expect.extend(gradcheckMatchers) yourself (import { gradcheckMatchers } from 'gradcheck')",
  );
}
jestExpect.extend(gradcheckMatchers);
// Jest shows no attachments: with GRADCHECK_PICTURES_DIR set, a failing matcher writes its picture there and prints the path.
usePictureWriter(writerFromEnvironment());

declare module 'expect' {
  // Same type parameters as Jest 30's own declaration, so the interfaces merge.
  interface Matchers<R extends void | Promise<void>, T = unknown> extends GradcheckMatchers<R> {}
}

export type { GradcheckMatchers };
