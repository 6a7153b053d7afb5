import { describe, expect, it } from 'vitest';
import { numericGradient } from 'gradcheck';
import { GradcheckError } from '../../src/numeric/errors.js';
import {
  backward,
  central,
  extrapolated,
  fdm,
  forward,
  isFiniteDifferenceMethod,
  resolveMethod,
  richardson,
  stencilWeights,
} from '../../src/numeric/methods/index.js';
import { ngnnFlat } from '../problems/index.js';

/** A fourth-order central method, defined as a value. */
const fourthOrder = fdm([-2, -1, 1, 2], { name: 'fourth-order central' });

/** Functions with known derivatives, at points where both are tame. */
const CASES = [
  { name: 'exp', f: Math.exp, df: Math.exp, at: 0.7 },
  { name: 'sin', f: Math.sin, df: Math.cos, at: 0.3 },
  { name: 'log', f: Math.log, df: (x: number) => 1 / x, at: 2 },
] as const;

const counted = (f: (x: number) => number) => {
  const counter = {
    calls: 0,
    f: (t: number[]) => {
      counter.calls++;
      return t.reduce((s, x) => s + f(x), 0);
    },
  };
  return counter;
};

describe('methods as values', () => {
  it('the built-ins keep their names, grids and orders', () => {
    expect([central, forward, backward, richardson].map((m) => m.name)).toEqual(['central', 'forward', 'backward', 'richardson']);
    expect(central.offsets).toEqual([-1, 1]);
    expect(central.weights).toEqual([-0.5, 0.5]);
    expect([central.order, forward.order, backward.order]).toEqual([2, 1, 1]);
    expect([central.side, forward.side, backward.side]).toEqual([0, 1, -1]);
    expect(richardson.extrapolation).toEqual({ ratio: 2, levels: 4 });
    expect(`${central}`).toBe('central');
  });

  it('fdm solves the weights of a grid (Vandermonde) and finds its order and error model', () => {
    expect(fourthOrder.weights.map((w) => w * 12)).toEqual([1, -8, 8, -1].map((w) => expect.closeTo(w, 12)));
    expect(fourthOrder.order).toBe(4);
    expect(fourthOrder.errorModel.condition).toBeCloseTo(1.5, 12);
    expect(fourthOrder.errorModel.truncation).toBeCloseTo(-1 / 30, 12);
    expect(fourthOrder.errorModel.powerStep).toBe(2);
    const second = fdm([-1, 0, 1], { derivative: 2 });
    expect(second.weights).toEqual([1, -2, 1].map((w) => expect.closeTo(w, 12)));
    expect(second.order).toBe(2);
    expect(stencilWeights([0, 1, 2], 1)).toEqual([-1.5, 2, -0.5].map((w) => expect.closeTo(w, 12)));
  });

  it('resolveMethod keeps the names and passes values through; isFiniteDifferenceMethod tells them apart', () => {
    expect(resolveMethod(undefined)).toBe(central);
    expect(resolveMethod('forward')).toBe(forward);
    expect(resolveMethod(fourthOrder)).toBe(fourthOrder);
    expect(isFiniteDifferenceMethod(fourthOrder)).toBe(true);
    expect(isFiniteDifferenceMethod('central')).toBe(false);
    expect(isFiniteDifferenceMethod({ name: 'x' })).toBe(false);
  });

  it('a bad grid or method is a one-sentence GradcheckError naming the API', () => {
    expect(() => fdm([1, 1])).toThrow(new GradcheckError('fdm: offsets must be distinct, but got [1, 1]'));
    expect(() => fdm([0], { derivative: 1 })).toThrow(/^fdm: a derivative of order 1 needs between 2 and 12 offsets/);
    expect(() => numericGradient((t: number[]) => t[0], [1], { method: 'centre' as never })).toThrow(
      `numericGradient: options.method must be one of 'central', 'forward', 'backward', 'richardson' or a method from fdm(…), but got "centre"`,
    );
    expect(() => numericGradient((t: number[]) => t[0], [1], { method: { name: 'x' } as never })).toThrow(
      /^numericGradient: options\.method must be one of .* or a method from fdm\(…\), but got an object that is no method$/,
    );
  });
});

describe('numericGradient with a method value', () => {
  it('the fourth-order central value takes exactly 4n calls and beats central on a known derivative', () => {
    const counter = counted(Math.sin);
    const at = [0.1, 0.7, 1.3];
    const g4 = numericGradient(counter.f, at, { method: fourthOrder, step: 1e-3 });
    expect(counter.calls).toBe(4 * at.length);
    const g2 = numericGradient(counter.f, at, { method: 'central', step: 1e-3 });
    at.forEach((x, i) => {
      const e4 = Math.abs(g4[i] - Math.cos(x));
      const e2 = Math.abs(g2[i] - Math.cos(x));
      expect(e4).toBeLessThan(1e-11);
      expect(e4).toBeLessThan(e2 / 100);
    });
  });

  it('a one-sided value with an offset 0 shares f(θ): n + 1 calls, like forward', () => {
    const counter = counted(Math.exp);
    const secondOrderForward = fdm([0, 1, 2]);
    const g = numericGradient(counter.f, [0.2, 0.4], { method: secondOrderForward, step: 1e-4 });
    expect(counter.calls).toBe(2 * 2 + 1);
    expect(Math.abs(g[0] - Math.exp(0.2))).toBeLessThan(1e-7);
  });

  it('an extrapolated fourth-order method is a method value like any other', () => {
    const counter = counted(Math.exp);
    const r4 = extrapolated(fourthOrder, { ratio: 2, levels: 3 });
    const g = numericGradient(counter.f, [0.5], { method: r4, step: 0.05 });
    expect(counter.calls).toBeLessThanOrEqual(12);
    expect(Math.abs(g[0] - Math.exp(0.5))).toBeLessThan(1e-12);
  });
});

describe('grid: method × precision × known derivative', () => {
  const METHODS = [
    { method: 'central' as const, float64: 1e-7, float32: 1e-3 },
    { method: 'forward' as const, float64: 1e-3, float32: 1e-2 },
    { method: 'backward' as const, float64: 1e-3, float32: 1e-2 },
    { method: 'richardson' as const, float64: 1e-10, float32: 1e-3 },
    { method: fourthOrder, float64: 1e-9, float32: 1e-3 },
  ];
  for (const { method, float64, float32 } of METHODS) {
    for (const precision of ['float64', 'float32'] as const) {
      for (const { name, f, df, at } of CASES) {
        it(`${method} in ${precision}: ${name}'(${at}) within ${precision === 'float64' ? float64 : float32}`, () => {
          const fp = precision === 'float32' ? (t: number[]) => Math.fround(f(Math.fround(t[0]))) : (t: number[]) => f(t[0]);
          const [g] = numericGradient(fp, [at], { method, precision });
          const bound = precision === 'float64' ? float64 : float32;
          expect(Math.abs(g - df(at)) / Math.max(1, Math.abs(df(at)))).toBeLessThan(bound);
        });
      }
    }
  }
});

describe('Richardson on P3 (the course network)', () => {
  it('reaches relative error ≤ 1e-10 on every entry, against max(|gᵢ|, 1 % of max|g|)', () => {
    const p = ngnnFlat();
    const exact = p.grad(p.theta0);
    const floor = 0.01 * Math.max(...exact.map(Math.abs));
    const numeric = numericGradient(p.f, p.theta0, { method: 'richardson' });
    const worst = Math.max(...exact.map((g, i) => Math.abs(numeric[i] - g) / Math.max(Math.abs(g), floor)));
    expect(worst).toBeLessThanOrEqual(1e-10);
  });
});
