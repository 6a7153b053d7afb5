/**
 * Side-effect entry for Vitest's `setupFiles`: registers every gradcheck matcher with Vitest's
 * `expect` and adds their types to Vitest's assertions.
 *
 * @example
 * // vitest.config.ts
 * export default defineConfig({ test: { setupFiles: ['gradcheck/vitest'] } });
 */
import { provideRuntime } from './check/timeAndProgress/runtime.js';
import { nodeRuntime } from './runtime/index.js';
import { expect } from 'vitest';
import { gradcheckMatchers } from './matchers/index.js';
import type { GradcheckMatchers } from './matchers/types.js';

// The checks read the running test's timeout and the watched terminal through this runtime.
provideRuntime(nodeRuntime);

expect.extend(gradcheckMatchers);

declare global {
  // Augmenting Chai.Assertion types the matchers on Vitest 4 and 5 alike (Vitest 5 changed the
  // type parameters of its own Matchers/Assertion interfaces).
  namespace Chai {
    interface Assertion extends GradcheckMatchers<void> {}
  }
}

export type { GradcheckMatchers };
