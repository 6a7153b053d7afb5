import { expectTypeOf } from 'expect-type';
import type fc from 'fast-check';
import { type GradientProperty, type ThetaOptions, gradientProperty, theta } from 'gradcheck/fast-check';
import { describe, test } from 'vitest';

describe('theta: the shape spec decides the type of θ', () => {
  test('float64: vectors, matrices, deeper arrays, bare numbers', () => {
    const v = theta(10);
    expectTypeOf(v).toEqualTypeOf<fc.Arbitrary<number[]>>();
    expectTypeOf(theta([5, 3])).toEqualTypeOf<fc.Arbitrary<number[][]>>();
    expectTypeOf(theta([2, 3, 4])).toEqualTypeOf<fc.Arbitrary<number[][][]>>();
    expectTypeOf(theta([])).toEqualTypeOf<fc.Arbitrary<number>>();
    expectTypeOf(theta(10, { min: -2, max: 2, avoid: [0], precision: 'float64' })).toEqualTypeOf<fc.Arbitrary<number[]>>();
  });

  test('trees: an object of shapes gives an object of tensors, mutable, keys kept', () => {
    expectTypeOf(theta({ W: [2, 3], b: 2 })).toEqualTypeOf<fc.Arbitrary<{ W: number[][]; b: number[] }>>();
    expectTypeOf(theta({ W1: [5, 3], b1: 5, W2: [2, 5], b2: 2 })).toEqualTypeOf<
      fc.Arbitrary<{ W1: number[][]; b1: number[]; W2: number[][]; b2: number[] }>
    >();
    expectTypeOf(theta({ layer: { weight: [4, 2], bias: 4 }, scale: [] })).toEqualTypeOf<
      fc.Arbitrary<{ layer: { weight: number[][]; bias: number[] }; scale: number }>
    >();
  });

  test('float32: the last dimension is a Float32Array', () => {
    expectTypeOf(theta(10, { precision: 'float32' })).toEqualTypeOf<fc.Arbitrary<Float32Array>>();
    expectTypeOf(theta([5, 3], { precision: 'float32' })).toEqualTypeOf<fc.Arbitrary<Float32Array[]>>();
    expectTypeOf(theta([2, 3, 4], { precision: 'float32' })).toEqualTypeOf<fc.Arbitrary<Float32Array[][]>>();
    expectTypeOf(theta({ W: [2, 3], b: 2 }, { precision: 'float32', avoid: [0] })).toEqualTypeOf<
      fc.Arbitrary<{ W: Float32Array[]; b: Float32Array }>
    >();
  });

  test('a precision only known at run time gives either type', () => {
    const options: ThetaOptions = { precision: Math.random() > 0.5 ? 'float32' : 'float64' };
    expectTypeOf(theta(3, options)).toEqualTypeOf<fc.Arbitrary<number[] | Float32Array>>();
  });

  test('bad specs and options are compile errors', () => {
    // @ts-expect-error a shape is a number, an array of numbers or an object of shapes
    theta('10');
    // @ts-expect-error unknown option
    theta(10, { minimum: 0 });
    // @ts-expect-error precision is 'float64' or 'float32'
    theta(10, { precision: 'float16' });
  });
});

describe('gradientProperty: typed by the arbitrary', () => {
  test('f and grad receive θ of the generated type', () => {
    const arb = theta({ W: [2, 3], b: 2 });
    const prop = gradientProperty(
      (θ) => {
        expectTypeOf(θ).toEqualTypeOf<{ W: number[][]; b: number[] }>();
        return θ.b[0];
      },
      (θ) => ({ W: θ.W.map((row) => row.map(() => 0)), b: [1, 0] }),
      arb,
      { rtol: 1e-6, sample: 3 },
    );
    expectTypeOf(prop).toEqualTypeOf<GradientProperty<{ W: number[][]; b: number[] }>>();
    expectTypeOf(prop).toExtend<fc.IProperty<[{ W: number[][]; b: number[] }]>>();
    expectTypeOf(prop).toBeCallableWith({
      W: [
        [0, 0, 0],
        [0, 0, 0],
      ],
      b: [0, 0],
    });
    expectTypeOf(prop.check).returns.toHaveProperty('pass').toEqualTypeOf<boolean>();
  });

  test('at is not an option; other check options are', () => {
    const arb = theta(3);
    const first = (θ: number[]) => θ[0];
    const same = (θ: number[]) => θ;
    // @ts-expect-error θ comes from the arbitrary
    gradientProperty(first, same, arb, { at: [1, 2, 3] });
    // @ts-expect-error unknown option
    gradientProperty(first, same, arb, { rtoll: 1 });
    gradientProperty(
      (θ) => θ[0],
      (θ) => θ,
      arb,
      { mode: 'fast', directions: 4, seed: 1, kinks: 'fail' },
    );
  });
});
