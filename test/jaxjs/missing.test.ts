// Without @jax-js/jax installed (an optional peer), gradcheck/jaxjs still loads, and its first
// use is a GradcheckError that names the install command, not Node's "Cannot find package".
// The missing package is played by a module mock that fails as Node's resolver does.
import { describe, expect, it, vi } from 'vitest';

vi.mock('@jax-js/jax', () => {
  throw new Error("Cannot find package '@jax-js/jax' imported from /project/node_modules/gradcheck/dist/jaxjs.js");
});

const MESSAGE =
  "gradcheck/jaxjs: cannot load @jax-js/jax (Cannot find package '@jax-js/jax' imported from /project/node_modules/gradcheck/dist/jaxjs.js); it is an optional peer dependency: npm install --save-dev @jax-js/jax";

describe('a project without @jax-js/jax', () => {
  it('imports gradcheck/jaxjs; jaxReady and the first check reject with a GradcheckError naming the install', async () => {
    const jaxjs = await import('gradcheck/jaxjs');
    const error = await jaxjs.jaxReady().then(
      () => undefined,
      (e: unknown) => e as Error,
    );
    expect(error?.name).toBe('GradcheckError');
    expect(error?.message).toContain(MESSAGE);
    expect(() => jaxjs.checkGrads((x: unknown) => x, [{ shape: [1] }])).toThrow(MESSAGE);
  });
});
