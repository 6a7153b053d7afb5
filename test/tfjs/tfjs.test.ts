import * as tf from '@tensorflow/tfjs';
import { GradcheckError, checkGradient } from 'gradcheck';
import { autodiffGradient, checkTensorGradient, tensorFunction, tensorGradient } from 'gradcheck/tfjs';
import { stripVTControlCharacters } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { writeFirstTensorQuietly } from './quietBanner.js';

// The pure JavaScript CPU backend: no native build, the same numbers on every machine.
beforeAll(async () => {
  await tf.setBackend('cpu');
  writeFirstTensorQuietly(tf); // no "install tfjs-node" banner; later TF.js warnings still print
});

type T = tf.Tensor;
const v = (n: number, scale = 1, shift = 0) => Array.from({ length: n }, (_, i) => shift + scale * Math.sin(1.3 * i + 0.4));
const m = (r: number, c: number, scale = 1) => Array.from({ length: r }, (_, i) => v(c, scale, 0.1 * i));

// Ten-plus real TF.js ops, each inside a scalar loss; θ values stay away from kinks and poles.
const ops: { name: string; f: (...xs: T[]) => T; at: Parameters<typeof checkTensorGradient>[2]['at'] }[] = [
  { name: 'square', f: (x) => tf.sum(tf.square(x)), at: v(5) },
  { name: 'sin', f: (x) => tf.sum(tf.sin(x)), at: v(5, 2) },
  { name: 'tanh', f: (x) => tf.sum(tf.tanh(x)), at: v(5) },
  { name: 'sigmoid', f: (x) => tf.sum(tf.sigmoid(x)), at: v(5, 2) },
  { name: 'exp', f: (x) => tf.sum(tf.exp(x)), at: v(5) },
  { name: 'log', f: (x) => tf.sum(tf.log(x)), at: v(5, 0.5, 1.5) },
  { name: 'sqrt', f: (x) => tf.sum(tf.sqrt(x)), at: v(5, 0.5, 1.5) },
  { name: 'div', f: (a, b) => tf.sum(tf.div(a, b)), at: { a: v(4), b: v(4, 0.5, 2) } },
  {
    name: 'matMul + add + tanh (dense layer)',
    f: (x, w, b) => tf.sum(tf.square(tf.tanh(tf.add(tf.matMul(x, w), b)))),
    at: { x: m(2, 3), w: m(3, 2, 0.7), b: [0.1, -0.2] },
  },
  {
    name: 'logSoftmax (cross-entropy)',
    f: (z) =>
      tf.neg(
        tf.sum(
          tf.mul(
            tf.tensor2d([
              [0, 1, 0],
              [1, 0, 0],
            ]),
            tf.logSoftmax(z),
          ),
        ),
      ),
    at: m(2, 3, 2),
  },
  {
    name: 'conv2d',
    f: (x, k) => tf.sum(tf.square(tf.conv2d(x as tf.Tensor4D, k as tf.Tensor4D, 1, 'valid'))),
    at: { x: [m(3, 3).map((r) => r.map((e) => [e]))], k: m(2, 2, 0.5).map((r) => r.map((e) => [[e]])) },
  },
  { name: 'mean of pow', f: (x) => tf.mean(tf.pow(x, tf.scalar(3))), at: v(6) },
  { name: 'elu', f: (x) => tf.sum(tf.elu(x)), at: [0.3, -0.7, 1.2, -1.5] },
];

describe('checkTensorGradient on real TF.js ops (CPU backend, float32)', () => {
  it.each(ops)('$name: tf.grads agrees with float32 finite differences in exactly 2n calls', ({ f, at }) => {
    const report = checkTensorGradient(tf, f, { at });
    expect(report.message).toContain('float32');
    expect(report.pass, report.message).toBe(true);
    expect(report.settings.precision).toBe('float32');
    expect(report.evaluations).toBe(2 * report.size);
  });

  it('leaks no tensors', () => {
    const before = tf.memory().numTensors;
    checkTensorGradient(tf, ops[8].f, { at: ops[8].at });
    expect(tf.memory().numTensors).toBe(before);
  });
});

describe('tensorFunction / tensorGradient / autodiffGradient', () => {
  it('map θ to f’s arguments in θ’s order and gradients back into θ’s shape', () => {
    const f = (w: T, b: T) => tf.sum(tf.mul(tf.square(w), b));
    expect(tensorFunction(tf, f)({ w: [1, 2], b: [3, 4] })).toBe(1 * 3 + 4 * 4);
    // d/dw = 2wb, d/db = w²: exact in float32 for these small integers.
    expect(autodiffGradient(tf, f)({ w: [1, 2], b: [3, 4] })).toEqual({ w: [6, 16], b: [1, 4] });
    expect(
      autodiffGradient(tf, (x: T) => tf.sum(tf.square(x)))([
        [1, 2],
        [3, 4],
      ]),
    ).toEqual([
      [2, 4],
      [6, 8],
    ]);
    expect(autodiffGradient(tf, (x: T) => tf.mul(x, x))(3)).toBe(6);
    const g32 = autodiffGradient(tf, (x: T) => tf.sum(tf.square(x)))(new Float32Array([1, -2]));
    expect(g32).toBeInstanceOf(Float32Array);
    expect([...(g32 as Float32Array)]).toEqual([2, -4]);
  });

  it('tf.grad(f) through tensorGradient: the matcher passes, and fails on a wrong gradient', () => {
    const loss = (x: T) => tf.sum(tf.sin(tf.mul(x, x)));
    const at = [
      [0.3, -0.8],
      [1.1, 0.2],
    ];
    expect(tensorFunction(tf, loss)).toHaveGradient(tensorGradient(tf, tf.grad(loss)), { at, precision: 'float32' });
    const wrong = tf.grad((x: T) => tf.sum(tf.sin(x))); // forgot the chain rule
    expect(tensorFunction(tf, loss)).not.toHaveGradient(tensorGradient(tf, wrong), { at, precision: 'float32' });
  });

  it('tf.grads(f) through tensorGradient, two arguments', () => {
    const loss = (a: T, b: T) => tf.sum(tf.mul(tf.exp(a), tf.cos(b)));
    const grads = (...xs: T[]) => tf.grads(loss)(xs);
    const report = checkGradient(tensorFunction(tf, loss), tensorGradient(tf, grads), {
      at: { a: v(3), b: v(3, 1, 0.5) },
      precision: 'float32',
    });
    expect(report.pass, report.message).toBe(true);
    const swapped = (...xs: T[]) => tf.grads(loss)(xs).reverse();
    const bad = checkTensorGradient(tf, loss, { at: { a: v(3), b: v(3, 1, 0.5) }, grad: swapped });
    expect(bad.pass).toBe(false);
    expect(bad.mismatches.map((x) => x.path)).toContain('a[0]');
  });
});

describe('tf.customGrad', () => {
  const cube = (factor: number) =>
    tf.customGrad(((x: T, save: tf.GradSaveFunc) => {
      save([x]);
      return { value: tf.pow(x, tf.scalar(3)), gradFunc: (dy: T, [s]: T[]) => tf.mul(dy, tf.mul(factor, tf.square(s))) };
    }) as Parameters<typeof tf.customGrad>[0]);
  const at = [0.4, -0.9, 1.3, 0.05];

  it('a correct custom gradient passes', () => {
    const good = cube(3);
    const report = checkTensorGradient(tf, (x: T) => tf.sum(good(x)), { at });
    expect(report.pass, report.message).toBe(true);
  });

  it('a deliberately broken custom gradient (2x² instead of 3x²) is caught, with the uniform factor named', () => {
    const broken = cube(2);
    const report = checkTensorGradient(tf, (x: T) => tf.sum(broken(x)), { at });
    expect(report.pass).toBe(false);
    expect(report.mismatches).toHaveLength(at.length);
    const text = stripVTControlCharacters(report.message);
    expect(text).toContain('The analytic gradient disagrees with the numeric one.');
    expect(text).toMatch(/Uniform factor in θ: the analytic values are 0\.66\d* × the numerical ones/);
    expect(() =>
      expect(tensorFunction(tf, (x: T) => tf.sum(broken(x)))).toHaveGradient(
        autodiffGradient(tf, (x: T) => tf.sum(broken(x))),
        { at, precision: 'float32' },
      ),
    ).toThrow(/Uniform factor/);
  });
});

describe('bad input names the function and the argument', () => {
  it('f returning a non-scalar tensor', () => {
    expect(() => tensorFunction(tf, (x: T) => tf.square(x))([1, 2])).toThrow(GradcheckError);
    expect(() => tensorFunction(tf, (x: T) => tf.square(x))([1, 2])).toThrow(
      'tensorFunction: f must return a scalar tensor (the loss), but returned shape [2]',
    );
    expect(() => autodiffGradient(tf, (x: T) => tf.square(x))([1, 2])).toThrow(
      /^autodiffGradient: f must return a scalar tensor/,
    );
  });

  it('a gradient of the wrong shape or count', () => {
    expect(() => tensorGradient(tf, (x: T) => tf.transpose(x))([[1, 2, 3]])).toThrow(
      "tensorGradient: grad: the gradient has shape [3, 1], but θ's has shape [1, 3]",
    );
    expect(() => tensorGradient(tf, (a: T) => [a])({ a: [1], b: [2] })).toThrow(
      'tensorGradient: grad must return an array of 2 tensors (one per argument), but returned an array of 1',
    );
  });

  it('not a function', () => {
    expect(() => tensorFunction(tf, 3 as never)).toThrow(
      'tensorFunction: f (a function of tensors) must be a function, but got number',
    );
    expect(() => checkTensorGradient(tf, (x: T) => tf.sum(x), undefined as never)).toThrow(
      /^checkTensorGradient: options must be an object/,
    );
    expect(() => checkTensorGradient(tf, (x: T) => tf.sum(x), { at: [1] } as never)).not.toThrow();
  });
});
