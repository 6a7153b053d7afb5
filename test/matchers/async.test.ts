// The matchers accept async functions: `await expect(f).toHaveGradient(grad, { at })` runs the
// async check when f (or grad, jac, …) returns a Promise, and prints the same message as the
// synchronous matcher given the synchronous twin; pictures are attached as for any failure.
import { stripVTControlCharacters } from 'node:util';
import { describe, expect, it, onTestFinished } from 'vitest';

/** The plain text of the assertion error `run` rejects with. */
async function failureOf(run: () => unknown): Promise<string> {
  try {
    await run();
  } catch (error) {
    return stripVTControlCharacters((error as Error).message);
  }
  throw new Error('expected the assertion to fail');
}

/** The plain text of the assertion error `run` throws. */
function syncFailureOf(run: () => void): string {
  try {
    run();
  } catch (error) {
    return stripVTControlCharacters((error as Error).message);
  }
  throw new Error('expected the assertion to fail');
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));
const f2 = ([x, y]: number[]) => x * x * y + Math.sin(y);
const g2 = ([x, y]: number[]) => [2 * x * y, x * x + Math.cos(y)];
const g2Sign = ([x, y]: number[]) => [-2 * x * y, x * x + Math.cos(y)];
const asyncF2 = async (t: number[]) => {
  await tick();
  return f2(t);
};
const at = [0.7, -1.2];
const layer = ([x0, x1]: number[]) => [x0 * x1, Math.sin(x0)];
const asyncLayer = async (t: number[]) => {
  await tick();
  return layer(t);
};
const jac = ([x0, x1]: number[]) => [
  [x1, x0],
  [Math.cos(x0), 0],
];
const vjp = ([x0, x1]: number[], yBar: number[]) => [yBar[0] * x1 + yBar[1] * Math.cos(x0), yBar[0] * x0];
const jvp = ([x0, x1]: number[], u: number[]) => [x1 * u[0] + x0 * u[1], Math.cos(x0) * u[0]];
const cubic = ([x0, x1]: number[]) => x0 * x0 * x1 + x1 ** 3;
const hess = ([x0, x1]: number[]) => [
  [2 * x1, 2 * x0],
  [2 * x0, 6 * x1],
];

describe('every matcher accepts an async function', () => {
  it('toHaveGradient: passes, fails with the synchronous message, and works with .not', async () => {
    await expect(asyncF2).toHaveGradient(g2, { at, concurrency: 3 });
    await expect(asyncF2).not.toHaveGradient(g2Sign, { at });
    const text = await failureOf(() => expect(asyncF2).toHaveGradient(g2Sign, { at, concurrency: 2 }));
    expect(text).toBe(syncFailureOf(() => expect(f2).toHaveGradient(g2Sign, { at })));
    expect(text.split('\n')[0]).toBe('expect(received).toHaveGradient(grad, options)');
  });

  it('toHaveGradient with an async grad and a synchronous f', async () => {
    await expect(f2).toHaveGradient(async (t: number[]) => g2(t), { at });
  });

  it('toHaveDerivative', async () => {
    await expect(async (x: number) => Math.sin(x)).toHaveDerivative(Math.cos, { at: 0.3 });
    await expect(async (x: number) => Math.sin(x)).not.toHaveDerivative((x: number) => -Math.cos(x), { at: 0.3 });
  });

  it('toHaveJacobian, toHaveVjp, toHaveJvp and toHaveHessian', async () => {
    await expect(asyncLayer).toHaveJacobian(jac, { at, concurrency: 4 });
    await expect(asyncLayer).toHaveVjp(vjp, { at, concurrency: 4 });
    await expect(asyncLayer).toHaveJvp(jvp, { at, concurrency: 4 });
    await expect(async (t: number[]) => cubic(t)).toHaveHessian(hess, { at, concurrency: 4 });
    await expect(asyncLayer).not.toHaveVjp((t: number[], y: number[]) => vjp(t, y).map((v) => 2 * v), { at });
  });

  it('a synchronous f still gives a synchronous result', () => {
    const result = (expect(f2) as unknown as { toHaveGradient: (...a: unknown[]) => unknown }).toHaveGradient(g2, { at });
    expect(result).not.toBeInstanceOf(Promise);
  });

  it('an error of the async check rejects the assertion with its message', async () => {
    const cliff = async (t: number[]) => (t[1] < -1.2 ? Number.NaN : f2(t));
    await expect(expect(cliff).toHaveGradient(g2, { at })).rejects.toThrow(/^toHaveGradient: f returned NaN/);
  });

  it('a failing async matcher attaches its picture to the test', async () => {
    onTestFinished(({ task }) => {
      expect(task.annotations).toHaveLength(1);
      expect(task.annotations[0].type).toBe('gradcheck');
      expect(task.annotations[0].attachment?.contentType).toBe('image/svg+xml');
    });
    await failureOf(() => expect(asyncF2).toHaveGradient(g2Sign, { at }));
  });
});
