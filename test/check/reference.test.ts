import { stripVTControlCharacters } from 'node:util';
import { describe, expect, it } from 'vitest';
import { checkGradient } from 'gradcheck';
import {
  flipSign,
  injectBug,
  logreg,
  ngnnFlat,
  ngnnTree,
  ngnnTreeGradNoReg,
  noRegularisation,
  nudgeMiddle,
  rosenbrock,
  scaleByTwo,
  theta2RowMajor,
  withBug,
} from '../problems/index.js';

describe('correct gradients of the reference problems pass', () => {
  it.each([10, 1000])('P1 Rosenbrock n = %i', (n) => {
    const p = rosenbrock(n);
    const report = checkGradient(p.f, p.grad, { at: p.theta0 });
    expect(report.pass).toBe(true);
    expect(report.hints).toEqual([]);
    expect(report.evaluations).toBeGreaterThanOrEqual(2 * n);
  });

  it('P1 n = 1000 entry [722], where a fixed rtol below 6.5e-4 false-alarms, is re-checked and passes at rtol 1e-5', () => {
    const p = rosenbrock(1000);
    const report = checkGradient(p.f, p.grad, { at: p.theta0 });
    const exact = p.grad(p.theta0)[722];
    // The first pass is off by a relative 6.5e-4 (truncation); the Richardson re-check is limited by round-off
    // (|f| ≈ 8.7e3 against |g| ≈ 3.9e-3), and its error estimate covers the true error.
    expect(Math.abs(report.numeric[722] - exact) / Math.abs(exact)).toBeLessThan(1e-4);
    expect(Math.abs(report.numeric[722] - exact)).toBeLessThanOrEqual(report.errorEstimates[722]);
    expect(report.evaluations).toBeGreaterThan(2000);
    expect(report.evaluations).toBeLessThan(2000 + 2 + 4 * 50);
  });

  it('P2 regularised logistic regression', () => {
    const p = logreg();
    const report = checkGradient(p.f, p.grad, { at: p.theta0 });
    expect(report.pass).toBe(true);
    expect(report.evaluations).toBe(6);
  });

  it('P3 the course network (λ = 3): relative difference under 1e-9, as the seed demands', () => {
    const p = ngnnFlat();
    const report = checkGradient(p.f, p.grad, { at: p.theta0, maxRelativeDifference: 1e-9 });
    expect(report.pass).toBe(true);
    expect(report.relativeDifference).toBeLessThan(1e-9);
    expect(report.evaluations).toBe(76);
  });

  it('P3 as a parameter tree { Theta1, Theta2 }', () => {
    const p = ngnnTree();
    const report = checkGradient(p.f, p.grad, { at: p.theta0, maxRelativeDifference: 1e-9 });
    expect(report.pass).toBe(true);
    expect(report.relativeDifference).toBeLessThan(1e-9);
  });
});

describe('injected bugs are caught and named by path', () => {
  it('B1: one sign flip, P3 flat entry [12]', () => {
    const p = injectBug(ngnnFlat(), flipSign);
    const report = checkGradient(p.f, p.grad, { at: p.theta0 });
    expect(report.pass).toBe(false);
    expect(report.mismatches.map((m) => m.path)).toEqual(['[12]']);
  });

  it('B1 on the tree names Theta1[2][2] (flat index 12 is column-major (3, 3) in MATLAB)', () => {
    const p = ngnnTree();
    const grad = (t: typeof p.theta0) => {
      const g = p.grad(t);
      g.Theta1[2][2] = -g.Theta1[2][2];
      return g;
    };
    const report = checkGradient(p.f, grad, { at: p.theta0 });
    expect(report.mismatches.map((m) => m.path)).toEqual(['Theta1[2][2]']);
    const text = stripVTControlCharacters(report.message);
    expect(text).toContain('Where Theta1 (5×4) disagrees');
  });

  it('B2: the whole gradient ×2 fails on every entry with a non-zero gradient', () => {
    const p = injectBug(rosenbrock(10), scaleByTwo);
    const report = checkGradient(p.f, p.grad, { at: p.theta0 });
    expect(report.mismatches).toHaveLength(10);
    expect(report.mismatches.every((m) => Math.abs(m.relError - 0.5) < 1e-6)).toBe(true);
  });

  it('B3: the regularisation term left out (P2 and P3)', () => {
    const p2 = logreg();
    const r2 = checkGradient(p2.f, noRegularisation.logreg, { at: p2.theta0 });
    // θ[0] is the intercept, which is not regularised.
    expect(r2.mismatches.map((m) => m.path).sort()).toEqual(['[1]', '[2]']);
    const p3 = ngnnTree();
    const r3 = checkGradient(p3.f, ngnnTreeGradNoReg, { at: p3.theta0 });
    expect(r3.pass).toBe(false);
    // Bias columns (column 0) are not regularised: they stay right.
    expect(r3.mismatches.some((m) => /Theta\d\[\d\]\[0\]/.test(m.path))).toBe(false);
    expect(r3.mismatches).toHaveLength(20 - 5 + 18 - 3);
  });

  it('B4: Theta2 unrolled row-major instead of column-major', () => {
    const p = injectBug(ngnnFlat(), theta2RowMajor);
    const report = checkGradient(p.f, p.grad, { at: p.theta0 });
    expect(report.pass).toBe(false);
    const paths = report.mismatches.map((m) => Number(m.path.slice(1, -1)));
    expect(paths.every((i) => i >= 20 && i < 38)).toBe(true);
    // The first and last entries of a 3×6 block sit in the same place in either order.
    expect(paths).not.toContain(20);
    expect(paths).not.toContain(37);
  });

  it('B5: one entry off by a relative 1e-3 (P1, P2, P3)', () => {
    for (const p of [rosenbrock(10), logreg(), ngnnFlat()]) {
      const buggy = injectBug(p, nudgeMiddle);
      const report = checkGradient(buggy.f, buggy.grad, { at: buggy.theta0 });
      expect(report.mismatches.map((m) => m.path)).toEqual([`[${Math.floor(p.n / 2)}]`]);
    }
  });

  it('a sign flip wrapped with withBug on Rosenbrock n = 1000 is named at [333]', () => {
    const p = rosenbrock(1000);
    const report = checkGradient(p.f, withBug(p.grad, flipSign), { at: p.theta0 });
    expect(report.mismatches.map((m) => m.path)).toEqual(['[333]']);
  });
});
