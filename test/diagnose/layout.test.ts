import { describe, expect, it } from 'vitest';
import { checkGradient } from 'gradcheck';
import { ngnnFlat, ngnnTree } from '../problems/index.js';
import { linearData, linearF, linearGrad, ngnnFlatRowMajor, ngnnFlatShifted, ngnnTreeTheta2Reshaped } from './buggy.js';
import { hintMatching, statedResidual } from './helpers.js';

describe('diagnosis 4: layout mix-ups', () => {
  it('P3 flat with B4 (Theta2 unrolled row-major): the block and its 3×6 shape are named', () => {
    const p = ngnnFlat();
    const report = checkGradient(p.f, ngnnFlatRowMajor, { at: p.theta0 });
    const hint = hintMatching(report, /^Layout mix-up/);
    expect(hint).toContain('[20]…[37] (18 entries) hold the right values in the wrong order');
    expect(hint).toContain('a 3×6 matrix unrolled column-major, the analytic block the same matrix unrolled row-major');
    expect(statedResidual(hint)).toBeLessThan(1e-8);
    expect(report.hints).toHaveLength(1);
  });

  it('P3 tree, Theta2 flattened column-major then reshaped row-major', () => {
    const p = ngnnTree();
    const report = checkGradient(p.f, ngnnTreeTheta2Reshaped, { at: p.theta0 });
    const hint = hintMatching(report, /^Layout mix-up/);
    expect(hint).toContain('the analytic Theta2 (3×6), read row by row, holds the numerical one read column by column');
    expect(statedResidual(hint)).toBeLessThan(1e-8);
    expect(report.hints).toContain('Wrong: Theta2. Fine: Theta1.');
  });

  it('a square weight gradient transposed (x·δᵀ instead of δ·xᵀ)', () => {
    const report = checkGradient(linearF, linearGrad(true), { at: linearData.W0 });
    const hint = hintMatching(report, /^Transposed/);
    expect(hint).toContain('the analytic θ (3×3) is the transpose of the numerical one');
    expect(statedResidual(hint)).toBeLessThan(1e-8);
  });

  it('P3 flat, Theta2 copied one slot late: shifted by one', () => {
    const p = ngnnFlat();
    const report = checkGradient(p.f, ngnnFlatShifted, { at: p.theta0 });
    const hint = hintMatching(report, /^Shifted by one/);
    expect(hint).toContain('the analytic entries [21]…[37] hold the numerical values of [20]…[36] (except [20])');
    expect(statedResidual(hint)).toBeLessThan(1e-8);
  });

  it('no layout hint for a gradient that is merely wrong in a block (B3 on P3 flat)', () => {
    const p = ngnnFlat();
    const report = checkGradient(p.f, (t: ArrayLike<number>) => p.grad(t).map((g, i) => (i >= 20 ? g + 0.01 * Math.sin(i) : g)), { at: p.theta0 });
    expect(report.pass).toBe(false);
    expect(report.hints.filter((h) => /Layout|Transposed|Shifted/.test(h))).toEqual([]);
  });
});
