import { stripVTControlCharacters } from 'node:util';
import { GradcheckError, checkHessian } from 'gradcheck';
import { describe, expect, it } from 'vitest';
import { rosenbrock } from '../../problems/index.js';

/** The exact Hessian of P1 (tridiagonal). */
function rosenbrockHessian(t: ArrayLike<number>): number[][] {
  const n = t.length;
  const H = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  for (let i = 0; i < n - 1; i++) {
    H[i][i] += 1200 * t[i] * t[i] - 400 * t[i + 1] + 2;
    H[i + 1][i + 1] += 200;
    H[i][i + 1] = H[i + 1][i] = -400 * t[i];
  }
  return H;
}

/** f(θ) = ½ θᵀAθ + bᵀθ with a symmetric A: H = A. */
const A = [
  [4, 1, -2, 0.5],
  [1, 3, 0.25, 0],
  [-2, 0.25, 5, 1.5],
  [0.5, 0, 1.5, 2],
];
const b = [1, -1, 0.5, 2];
const quad = (t: number[]) =>
  0.5 * t.reduce((s, ti, i) => s + ti * A[i].reduce((r, a, j) => r + a * t[j], 0), 0) + b.reduce((s, bi, i) => s + bi * t[i], 0);
const quadGrad = (t: number[]) => A.map((row, i) => row.reduce((r, a, j) => r + a * t[j], 0) + b[i]);
const theta = [0.3, -0.7, 1.1, 0.2];

describe('checkHessian', () => {
  const p = rosenbrock(10);

  it('passes Rosenbrock by second differences of f: 2n² + 1 calls', () => {
    const r = checkHessian(p.f, rosenbrockHessian, { at: p.theta0 });
    expect(r.pass).toBe(true);
    expect(r.evaluations).toBe(2 * 10 * 10 + 1);
    expect(r.checked).toBe(100);
  });

  it('passes Rosenbrock by differences of its gradient: 2n calls of the gradient', () => {
    const r = checkHessian(p.f, rosenbrockHessian, { at: p.theta0, gradient: p.grad });
    expect(r.pass).toBe(true);
    expect(r.evaluations).toBe(20);
    expect(r.maxRelError).toBeLessThan(1e-6);
    expect(stripVTControlCharacters(r.message)).toContain('20 evaluations of the gradient');
  });

  it('passes a quadratic form, as a value and as a function', () => {
    expect(checkHessian(quad, A, { at: theta }).pass).toBe(true);
    expect(checkHessian(quad, () => A, { at: theta, gradient: quadGrad }).pass).toBe(true);
    expect(quad).toHaveHessian(A, { at: theta });
  });

  it('catches a wrong sign in the off-diagonal band of Rosenbrock and names the entries', () => {
    const wrong = (t: ArrayLike<number>) => rosenbrockHessian(t).map((row, i) => row.map((v, j) => (i !== j ? -v : v)));
    const r = checkHessian(p.f, wrong, { at: p.theta0 });
    expect(r.pass).toBe(false);
    expect(r.mismatches).toHaveLength(18);
    expect(r.mismatches.map((m) => m.path)).toContain('∂²f/∂θ[0]∂θ[1]');
    expect(stripVTControlCharacters(r.message)).toContain('Where ∂²f/∂θ∂θ (10×10) disagrees');
  });

  it('catches a missing term (the 200 of the previous summand) on the diagonal', () => {
    const missing = (t: ArrayLike<number>) =>
      rosenbrockHessian(t).map((row, i) => row.map((v, j) => (i === j && i > 0 ? v - 200 : v)));
    const r = checkHessian(p.f, missing, { at: p.theta0, gradient: p.grad });
    expect(r.mismatches.map((m) => m.path)).toEqual(expect.arrayContaining(['∂²f/∂θ[1]∂θ[1]', '∂²f/∂θ[9]∂θ[9]']));
    expect(r.mismatches).toHaveLength(9);
  });

  it('reports an asymmetric analytic Hessian', () => {
    const asym = A.map((row, i) => row.map((v, j) => (i === 0 && j === 2 ? v + 1 : v)));
    const r = checkHessian(quad, asym, { at: theta });
    expect(r.pass).toBe(false);
    expect(r.mismatches.map((m) => m.path)).toEqual(['∂²f/∂θ[0]∂θ[2]']);
    expect(r.hints.join('\n')).toContain('The analytic Hessian is not symmetric: ∂²f/∂θ[0]∂θ[2] = -1 but ∂²f/∂θ[2]∂θ[0] = -2');
  });

  it('names a gradient whose Jacobian is not symmetric', () => {
    const notAGradient = (t: number[]) => quadGrad(t).map((g, i) => (i === 0 ? g + t[1] : g));
    const r = checkHessian(quad, A, { at: theta, gradient: notAGradient });
    expect(r.pass).toBe(false);
    expect(r.hints.join('\n')).toContain('options.gradient is not the gradient of any function');
  });

  it('names block Hessians of parameter trees and rejects bad input', () => {
    const f = (q: { w: number[]; s: number }) => q.s * q.s * (q.w[0] * q.w[1]);
    const H = (q: { w: number[]; s: number }) => [
      [0, q.s * q.s, 2 * q.s * q.w[1]],
      [q.s * q.s, 0, 2 * q.s * q.w[0]],
      [2 * q.s * q.w[1], 2 * q.s * q.w[0], 2 * q.w[0] * q.w[1]],
    ];
    const at = { w: [0.5, -1.5], s: 1.2 };
    expect(checkHessian(f, H, { at }).pass).toBe(true);
    const wrong = (q: typeof at) => H(q).map((row, i) => row.map((v, j) => (i === 2 && j === 2 ? -v : v)));
    expect(checkHessian(f, wrong, { at }).mismatches.map((m) => m.path)).toEqual(['∂²f/∂s∂s']);
    expect(() => checkHessian(f, [[1, 2]], { at })).toThrow(GradcheckError);
    expect(() => checkHessian(f, H, { at, gradient: 3 as never })).toThrow('checkHessian: options.gradient must be a function');
  });
});

describe('checkHessian in float32', () => {
  it('passes a float32 quadratic by second differences at the float32 step ε^¼', () => {
    const f = (t: Float32Array) =>
      Math.fround(Math.fround(2 * t[0] * t[0]) + Math.fround(t[0] * t[1]) + Math.fround(1.5 * t[1] * t[1]));
    const r = checkHessian(
      f,
      [
        [4, 1],
        [1, 3],
      ],
      { at: Float32Array.of(0.3, -0.6) },
    );
    expect(r.settings.precision).toBe('float32');
    expect(r.pass, r.message).toBe(true);
    expect(
      checkHessian(
        f,
        [
          [4, -1],
          [-1, 3],
        ],
        { at: Float32Array.of(0.3, -0.6) },
      ).pass,
    ).toBe(false);
  });
});
