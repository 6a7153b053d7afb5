// Asynchronous reads (`data()`, as on WebGPU): jaxFunction and jaxGradient with
// { read: 'async' }, or an async f, give the async checks the report the synchronous ones give.
import { grad, numpy as np } from '@jax-js/jax';
import { checkGradient, checkGradientAsync } from 'gradcheck';
import { jaxFunction, jaxGradient } from 'gradcheck/jaxjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { liveBuffers } from './census.js';
import { matrix, startJax } from './setup.js';

beforeAll(startJax);

type A = np.Array;
type P = { W: A; b: A };
const x = () => np.array(matrix(3, 2));
const at = () => ({ W: np.array(matrix(2, 2, 0.5)), b: np.array([0.1, -0.3]) });
// θ as plain float32 storage: f receives float32 jax-js Arrays made from it on every call.
const plainAt = () => ({ W: matrix(2, 2, 0.5).map((row) => Float32Array.from(row)), b: Float32Array.of(0.1, -0.3) });
const lossOf = (data: A) => (p: P) => np.sum(np.square(np.tanh(np.matmul(data.ref, p.W).add(p.b))));

// The async checks of main read θ's leaves field by field (src/check/async/keys.ts), so a tensor
// adapter's leaves (ndarray's as much as jax-js's) fail there with "unflatten: expected 6 values,
// got 10"; the measurement-engine rework replaces that code. Switch this on when it lands.
const ASYNC_CHECKS_TAKE_TENSOR_LEAVES = true;

describe("read: 'async'", () => {
  it('checkGradientAsync gives the synchronous report: same verdict, same evaluations, nothing left', async () => {
    const data = x();
    const loss = lossOf(data);
    const theta = plainAt();
    const sync = checkGradient(jaxFunction(loss), jaxGradient(grad(loss)), { at: theta });
    const before = await liveBuffers();
    const f = jaxFunction(loss, { read: 'async' });
    const g = jaxGradient(grad(loss), { read: 'async' });
    expect(f(theta)).toBeInstanceOf(Promise);
    const report = await checkGradientAsync(f, g, { at: theta });
    expect([report.pass, report.evaluations, report.settings.precision]).toEqual([true, sync.evaluations, 'float32']);
    expect([...report.numeric]).toEqual([...sync.numeric]);
    expect([...report.analytic]).toEqual([...sync.analytic]);
    expect(await liveBuffers()).toBe(before);
    expect(data.refCount).toBe(1);
  });

  it.runIf(ASYNC_CHECKS_TAKE_TENSOR_LEAVES)('with jax-js Arrays as θ: the same report as the synchronous check', async () => {
    const data = x();
    const loss = lossOf(data);
    const theta = at();
    const sync = checkGradient(jaxFunction(loss), jaxGradient(grad(loss)), { at: theta });
    const before = await liveBuffers();
    const report = await checkGradientAsync(jaxFunction(loss, { read: 'async' }), jaxGradient(grad(loss), { read: 'async' }), {
      at: theta,
    });
    expect([report.pass, report.evaluations]).toEqual([true, sync.evaluations]);
    expect([...report.analytic]).toEqual([...sync.analytic]);
    expect(await liveBuffers()).toBe(before);
    expect([theta.W.refCount, theta.b.refCount]).toEqual([1, 1]);
  });

  it('an async f (returning a Promise of an Array) is read asynchronously, through the matcher', async () => {
    const data = x();
    const loss = lossOf(data);
    const asyncLoss = async (p: P) => {
      await Promise.resolve();
      return loss(p);
    };
    await expect(jaxFunction(asyncLoss)).toHaveGradient(jaxGradient(grad(loss)), { at: plainAt() });
  });

  it('a synchronous check given an async read names the async form', () => {
    const data = x();
    const loss = lossOf(data);
    // The types refuse it too: checkGradient's f returns a number.
    // @ts-expect-error an f that returns a Promise
    expect(() => checkGradient(jaxFunction(loss, { read: 'async' }), jaxGradient(grad(loss)), { at: at() })).toThrow(
      'checkGradient: f returned a Promise (f must be synchronous); use checkGradientAsync (or await expect(f).toHaveGradient(…)) for an async f',
    );
  });

  it("options.read must be 'sync' or 'async'", () => {
    expect(() => jaxFunction(lossOf(x()), { read: 'later' as never })).toThrow(
      "jaxFunction: options.read must be 'sync' or 'async', but got later",
    );
    expect(() => jaxGradient(lossOf(x()), { read: 1 as never })).toThrow(
      "jaxGradient: options.read must be 'sync' or 'async', but got 1",
    );
  });
});
