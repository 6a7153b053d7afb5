// The other entry points under Jest's CommonJS module system: gradcheck/fast-check with
// fc.assert, and gradcheck/tfjs with TF.js's CPU backend.
import { beforeAll, describe, expect, test } from '@jest/globals';
import * as tf from '@tensorflow/tfjs';
import fc from 'fast-check';
import { gradientProperty, theta } from 'gradcheck/fast-check';
import { autodiffGradient, checkTensorGradient, tensorFunction } from 'gradcheck/tfjs';
import { stripVTControlCharacters } from 'node:util';
import { writeFirstTensorQuietly } from '../tfjs/quietBanner';

const sumCubes = (t: number[]) => t.reduce((s, v) => s + v ** 3, 0);

test('gradientProperty holds for a right gradient under fc.assert', () => {
  fc.assert(
    gradientProperty(sumCubes, (t: number[]) => t.map((v) => 3 * v * v), theta(4)),
    { seed: 1, numRuns: 20 },
  );
});

test('gradientProperty fails for a gradient wrong on part of the domain, with the readable report', () => {
  const wrongForNegatives = (t: number[]) => t.map((v) => (v < -0.5 ? 2 : 3) * v * v);
  let text = '';
  try {
    fc.assert(gradientProperty(sumCubes, wrongForNegatives, theta(4)), { seed: 1, numRuns: 50 });
  } catch (error) {
    const cause = (error as Error).cause as Error | undefined;
    text = stripVTControlCharacters(`${(error as Error).message}\n${cause?.message ?? ''}`);
  }
  expect(text).toContain('Counterexample: [[-0.5');
  expect(text).toContain('The analytic gradient disagrees with the numeric one.');
});

describe('TF.js', () => {
  beforeAll(async () => {
    await tf.setBackend('cpu');
    writeFirstTensorQuietly(tf); // no "install tfjs-node" banner; later TF.js warnings still print
  });

  test('autodiff of a dense layer passes, a broken custom gradient fails', () => {
    const x = tf.tensor2d([[0.5, -1, 2]]);
    const loss = (W: tf.Tensor, b: tf.Tensor) => tf.sum(tf.sigmoid(tf.add(tf.matMul(x, W), b)));
    const at = { W: [[0.1], [-0.3], [0.2]], b: [0.05] };
    expect(tensorFunction(tf, loss)).toHaveGradient(autodiffGradient(tf, loss), { at, precision: 'float32' });
    const halfGrad = tf.customGrad(((v: tf.Tensor) => ({
      value: tf.exp(v),
      gradFunc: (dy: tf.Tensor) => tf.mul(dy, tf.mul(0.5, tf.exp(v))),
    })) as Parameters<typeof tf.customGrad>[0]);
    const report = checkTensorGradient(tf, (v: tf.Tensor) => tf.sum(halfGrad(v)), { at: [0.2, -0.4] });
    expect(report.pass).toBe(false);
    expect(report.hints.join(' ')).toContain('Uniform factor');
  });
});
