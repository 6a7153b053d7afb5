// A check that comes before @jax-js/jax has finished loading (a script's first lines) says what to
// await, rather than failing somewhere inside. The slow load is played by a module mock whose
// factory never settles.
import { describe, expect, it, vi } from 'vitest';

vi.mock('@jax-js/jax', () => new Promise(() => undefined));

describe('before @jax-js/jax has loaded', () => {
  it('a check throws a GradcheckError naming jaxReady', async () => {
    const { checkGrads, jaxFunction } = await import('gradcheck/jaxjs');
    const message =
      "checkGrads: @jax-js/jax has not finished loading; await jaxReady() (from 'gradcheck/jaxjs') before the first check of a script";
    expect(() => checkGrads((x: unknown) => x, [])).toThrow(message);
    expect(() => jaxFunction(() => 0)([1, 2])).toThrow(message.replace('checkGrads', 'jaxFunction'));
  });
});
