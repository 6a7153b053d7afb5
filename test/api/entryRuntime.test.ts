/**
 * Every entry provides the runtime (the running Vitest test's timeout, the watched terminal) to
 * the checks it exports: gradcheck/tfjs and gradcheck/jaxjs as the core does, so that a check
 * called through them alone stops at the test's timeout and draws its progress line.
 */
import { describe, expect, it, vi } from 'vitest';

type RuntimeModule = typeof import('../../src/check/timeAndProgress/runtime.js');

describe.each([
  ['gradcheck/tfjs', () => import('../../src/tfjs/index.js')],
  ['gradcheck/jaxjs', () => import('../../src/jaxjs/index.js')],
])('%s', (_name, load) => {
  it('provides the Node and Vitest runtime when it is the only entry loaded', { timeout: 20_000 }, async () => {
    vi.resetModules();
    const fresh = (await import('../../src/check/timeAndProgress/runtime.js')) as RuntimeModule;
    expect(fresh.runtime().runningTest()).toBeUndefined();
    await load();
    const clock = fresh.runtime().runningTest();
    expect(clock?.timeoutMs).toBe(20_000);
    expect(clock?.name).toContain('provides the Node and Vitest runtime');
  });
});
