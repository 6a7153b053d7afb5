// gradcheck/workers with the async checks: the model's loss in a pool of 2 threads, checked
// with `concurrency: 2`, gives the report of the synchronous check of the in-process loss.
import { checkGradient, checkGradientAsync, checkJacobian, checkJacobianAsync } from 'gradcheck';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type WorkerFunction, workerFunction } from '../../src/workers/index.js';
import { layer, type MlpParams, mlpLoss } from './fixtures/model.mjs';
import { mlpTheta } from './fixtures/params.js';

const model = new URL('./fixtures/model.mjs', import.meta.url);
type LayerTheta = Parameters<typeof layer>[0];

/** A report without its wall time and lazy message. */
function data<R extends { durationMs: number; message: string }>(report: R): Omit<R, 'durationMs' | 'message'> {
  const { durationMs: _d, message: _m, ...rest } = report;
  return rest;
}

/** A gradient for the in-process loss: its numerical one, good to ~1e-10 (enough to pass). */
function referenceGradient(theta: MlpParams): MlpParams {
  const h = 1e-6;
  const out = structuredClone(theta);
  for (const key of ['W1', 'b1', 'W2', 'b2'] as const) {
    for (let i = 0; i < theta[key].length; i++) {
      const plus = structuredClone(theta);
      const minus = structuredClone(theta);
      plus[key][i] += h;
      minus[key][i] -= h;
      out[key][i] = (mlpLoss(plus) - mlpLoss(minus)) / (2 * h);
    }
  }
  return out;
}

describe('the async checks on workerFunction', () => {
  let loss: WorkerFunction<MlpParams>;
  let vector: WorkerFunction<LayerTheta, ReturnType<typeof layer>>;
  beforeAll(() => {
    loss = workerFunction<MlpParams>(model, 'mlpLoss', { threads: 2 });
    vector = workerFunction(model, 'layer', { threads: 2 });
  });
  afterAll(() => Promise.all([loss.close(), vector.close()]));

  test('checkGradientAsync with concurrency 2 equals the in-process check, passing and failing', async () => {
    const at = mlpTheta();
    const grad = referenceGradient(at);
    const wrong = { ...grad, b1: grad.b1.map((v) => -v) };
    for (const g of [grad, wrong]) {
      const sync = checkGradient(mlpLoss, g, { at, rtol: 1e-4 });
      const report = await checkGradientAsync(loss, g, { at, rtol: 1e-4, concurrency: 2 });
      expect(data(report)).toEqual(data(sync));
    }
  });

  test('checkGradientAsync on a worker function with the default threads and concurrency', async () => {
    const defaults = workerFunction<MlpParams>(model, 'mlpLoss');
    try {
      const at = mlpTheta(0.1);
      const grad = referenceGradient(at);
      const report = await checkGradientAsync(defaults, grad, { at, rtol: 1e-4 });
      expect(data(report)).toEqual(data(checkGradient(mlpLoss, grad, { at, rtol: 1e-4 })));
      expect(report.pass).toBe(true);
    } finally {
      await defaults.close();
    }
  });

  test('checkJacobianAsync on a vector-valued worker function', async () => {
    const at: LayerTheta = {
      W: [
        [0.4, -0.1],
        [0.2, 0.9],
        [-0.6, 0.3],
      ],
      b: new Float64Array([0.1, -0.2, 0.05]),
    };
    const jac = checkJacobian(layer, new Float64Array(4 * 9), { at }).numeric; // the numeric Jacobian as the analytic one
    const sync = checkJacobian(layer, jac, { at });
    const report = await checkJacobianAsync(vector, jac, { at, concurrency: 2 });
    expect(data(report)).toEqual(data(sync));
  });
});
