// An f that reads its value the way WebGL/WebGPU users must (`await t.data()`), on TF.js's CPU
// backend: checkGradientAsync gives the report checkGradient gives for the same f read with
// `dataSync()`. TF.js computes in float32: the checks run at `precision: 'float32'`.
import * as tf from '@tensorflow/tfjs';
import { checkGradient, checkGradientAsync } from 'gradcheck';
import { beforeAll, describe, expect, it } from 'vitest';
import { writeFirstTensorQuietly } from './quietBanner.js';

beforeAll(async () => {
  await tf.setBackend('cpu');
  writeFirstTensorQuietly(tf);
});

type Theta = { w: number[][]; b: number[] };
const x = tf.tensor2d([
  [0.5, -1.2, 0.3],
  [1.1, 0.4, -0.7],
]);
const at: Theta = {
  w: [
    [0.4, -0.1],
    [0.2, 0.9],
    [-0.6, 0.3],
  ],
  b: [0.1, -0.2],
};

/** Σ tanh(x·w + b)² as a scalar tensor. */
const lossTensor = (w: tf.Tensor, b: tf.Tensor): tf.Scalar => tf.sum(tf.square(tf.tanh(tf.add(tf.matMul(x, w), b))));

/** The loss read asynchronously, as on WebGL or WebGPU. */
async function lossAsync(theta: Theta): Promise<number> {
  const t = tf.tidy(() => lossTensor(tf.tensor2d(theta.w), tf.tensor1d(theta.b)));
  const [value] = await t.data();
  t.dispose();
  return value;
}

/** The same loss read synchronously. */
function lossSync(theta: Theta): number {
  return tf.tidy(() => lossTensor(tf.tensor2d(theta.w), tf.tensor1d(theta.b)).dataSync()[0]);
}

/** TF.js's own gradient (tf.grads), and one with the bias gradient doubled. */
function gradOf(theta: Theta, bias = 1): Theta {
  return tf.tidy(() => {
    const [gw, gb] = tf.grads((w: tf.Tensor, b: tf.Tensor) => lossTensor(w, b))([tf.tensor2d(theta.w), tf.tensor1d(theta.b)]);
    return { w: gw.arraySync() as number[][], b: (gb.arraySync() as number[]).map((v) => bias * v) };
  });
}

describe('checkGradientAsync on TF.js through await t.data()', () => {
  it('passes for tf.grads, equal to the synchronous check', async () => {
    const { durationMs: _a, message: _b, ...sync } = checkGradient(lossSync, gradOf, { at, precision: 'float32' });
    const {
      durationMs: _c,
      message: _d,
      ...report
    } = await checkGradientAsync(lossAsync, gradOf, {
      at,
      precision: 'float32',
      concurrency: 4,
    });
    expect(report.pass).toBe(true);
    expect(report).toEqual(sync);
  });

  it('names the wrong bias gradient, as the synchronous check does', async () => {
    const bad = (theta: Theta) => gradOf(theta, 2);
    const sync = checkGradient(lossSync, bad, { at, precision: 'float32' });
    const report = await checkGradientAsync(lossAsync, bad, { at, precision: 'float32', concurrency: 4 });
    expect(report.pass).toBe(false);
    expect(report.mismatches.map((m) => m.path)).toContain('b[0]');
    expect(report.message).toBe(sync.message);
  });

  it('leaks no tensors', async () => {
    const before = tf.memory().numTensors;
    await checkGradientAsync(lossAsync, gradOf, { at, precision: 'float32', concurrency: 4 });
    expect(tf.memory().numTensors).toBe(before);
  });
});
