// A TF.js model on the WebGL backend, in Chromium, checked at float32: TF.js's own gradient
// (tf.grads through the WebGL kernels) against float32 finite differences of the same model.
// Headless Chromium has no GPU here; WebGL runs on SwiftShader (the flags in
// vitest.browser.config.ts). A broken custom gradient must fail on WebGL as it does on the CPU.
import * as tf from '@tensorflow/tfjs';
import { checkGradient } from 'gradcheck';
import { autodiffGradient, checkTensorGradient, tensorFunction } from 'gradcheck/tfjs';
import 'gradcheck/vitest';
import { beforeAll, describe, expect, test } from 'vitest';

beforeAll(async () => {
  expect(await tf.setBackend('webgl')).toBe(true);
  await tf.ready();
});

// A two-layer network on a batch of 4: softmax cross-entropy of tanh(x·W1 + b1)·W2 + b2.
const x = [
  [0.5, -1.2, 0.3],
  [1.1, 0.4, -0.7],
  [-0.3, 0.8, 0.9],
  [0.2, -0.5, -1.1],
];
const labels = [
  [1, 0],
  [0, 1],
  [0, 1],
  [1, 0],
];
type Net = { W1: number[][]; b1: number[]; W2: number[][]; b2: number[] };
const net: Net = {
  W1: [
    [0.4, -0.1, 0.3, 0.2],
    [0.2, 0.9, -0.5, 0.1],
    [-0.6, 0.3, 0.7, -0.4],
  ],
  b1: [0.1, -0.2, 0.05, 0],
  W2: [
    [0.3, -0.7],
    [0.5, 0.2],
    [-0.4, 0.6],
    [0.8, -0.1],
  ],
  b2: [0.05, -0.05],
};

function model(W1: tf.Tensor, b1: tf.Tensor, W2: tf.Tensor, b2: tf.Tensor): tf.Scalar {
  const hidden = tf.tanh(tf.add(tf.matMul(tf.tensor2d(x), W1 as tf.Tensor2D), b1));
  const logits = tf.add(tf.matMul(hidden, W2 as tf.Tensor2D), b2);
  return tf.losses.softmaxCrossEntropy(tf.tensor2d(labels), logits) as tf.Scalar;
}

describe('TF.js on WebGL', () => {
  test('the backend is WebGL and computes in float32', () => {
    expect(tf.getBackend()).toBe('webgl');
    expect(tf.env().getBool('WEBGL_RENDER_FLOAT32_ENABLED')).toBe(true);
    expect(tf.tensor1d([1 + 2 ** -20]).dataSync()[0]).toBe(Math.fround(1 + 2 ** -20));
  });

  test("the network's gradient (tf.grads through the WebGL kernels) passes at float32", () => {
    expect(tensorFunction(tf, model)).toHaveGradient(autodiffGradient(tf, model), { at: net, precision: 'float32' });
    const report = checkTensorGradient(tf, model, { at: net });
    expect(report.pass).toBe(true);
    expect(report.settings.precision).toBe('float32');
    // 26 parameters, central differences: 2n evaluations, no re-check needed.
    expect(report.evaluations).toBe(2 * 26);
  });

  test('a custom gradient that forgot a factor of 2 fails, and the report says where', () => {
    const square = tf.customGrad(((v: tf.Tensor, save: tf.GradSaveFunc) => {
      save([v]);
      return { value: tf.square(v), gradFunc: (dy: tf.Tensor, [s]: tf.Tensor[]) => tf.mul(dy, s) };
    }) as Parameters<typeof tf.customGrad>[0]);
    const f = (w: tf.Tensor) => tf.sum(square(tf.mul(w, tf.tensor1d([1, 2, 3])))) as tf.Scalar;
    const report = checkTensorGradient(tf, f, { at: [0.5, -1, 2] });
    expect(report.pass).toBe(false);
    expect(report.message).toMatch(/3 of 3 entries disagree/);
    expect(() =>
      expect(tensorFunction(tf, f)).toHaveGradient(autodiffGradient(tf, f), { at: [0.5, -1, 2], precision: 'float32' }),
    ).toThrow(/factor/i);
  });

  test('numbers read back from WebGL match a float64 check of the same math to float32 accuracy', () => {
    const plain = ([a, b]: number[]) => Math.tanh(a) * b;
    const report = checkGradient(plain, ([a, b]: number[]) => [(1 - Math.tanh(a) ** 2) * b, Math.tanh(a)], { at: [0.3, 0.7] });
    expect(report.pass).toBe(true);
    const viaWebgl = autodiffGradient(
      tf,
      (v: tf.Tensor) => tf.sum(tf.mul(tf.tanh(tf.slice(v, 0, 1)), tf.slice(v, 1, 1))) as tf.Scalar,
    );
    const g = viaWebgl([0.3, 0.7]) as number[];
    expect(g[0]).toBeCloseTo((1 - Math.tanh(0.3) ** 2) * 0.7, 5);
    expect(g[1]).toBeCloseTo(Math.tanh(0.3), 5);
  });
});
