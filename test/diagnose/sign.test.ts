import { describe, expect, it } from 'vitest';
import { checkGradient } from 'gradcheck';
import { logreg, ngnnFlat, ngnnTree } from '../problems/index.js';
import { logregGradAscent, ngnnFlatSignFlip, ngnnTreeNegTheta2 } from './buggy.js';
import { diagnosisSection, hintMatching, statedResidual } from './helpers.js';

describe('diagnosis 1: sign error', () => {
  it('P2 with the log-likelihood gradient (ascent): −1 × numeric on every entry', () => {
    const p = logreg();
    const report = checkGradient(p.f, logregGradAscent, { at: p.theta0 });
    expect(report.pass).toBe(false);
    const hint = hintMatching(report, /^Sign error/);
    expect(hint).toContain('the analytic gradient is −1 × the numerical one on every entry');
    expect(statedResidual(hint)).toBeLessThan(1e-8);
    expect(report.hints).toHaveLength(1);
    expect(diagnosisSection(report)).toContain('  • Sign error: the analytic gradient is −1 ×');
  });

  it('the same with method: "richardson" (no re-check data)', () => {
    const p = logreg();
    const report = checkGradient(p.f, logregGradAscent, { at: p.theta0, method: 'richardson' });
    expect(
      statedResidual(hintMatching(report, /^Sign error: the analytic gradient is −1 × the numerical one on every entry/)),
    ).toBeLessThan(1e-8);
  });

  it('P3 tree with Theta2 negated: the sign error is on Theta2, Theta1 is fine', () => {
    const p = ngnnTree();
    const report = checkGradient(p.f, ngnnTreeNegTheta2, { at: p.theta0 });
    const hint = hintMatching(report, /^Sign error/);
    expect(hint).toContain('on Theta2 (all 18 entries)');
    expect(statedResidual(hint)).toBeLessThan(1e-8);
    expect(report.hints).toContain('Wrong: Theta2. Fine: Theta1.');
  });

  it('P3 flat with B1 (entry 12 flipped): the single entry is named', () => {
    const p = ngnnFlat();
    const report = checkGradient(p.f, ngnnFlatSignFlip(p.grad), { at: p.theta0 });
    expect(report.mismatches.map((m) => m.path)).toEqual(['[12]']);
    const hint = hintMatching(report, /^Sign error at \[12\]/);
    expect(hint).toMatch(/the analytic value −0\.0249226 is −1 × the numerical 0\.0249226/);
    expect(statedResidual(hint)).toBeLessThan(1e-6);
  });

  it('no sign hint when one entry is merely wrong (B5: × (1 + 1e-3))', () => {
    const p = ngnnFlat();
    const k = Math.floor(38 / 2);
    const report = checkGradient(p.f, (t: ArrayLike<number>) => p.grad(t).map((g, i) => (i === k ? g * 1.001 : g)), {
      at: p.theta0,
    });
    expect(report.pass).toBe(false);
    expect(report.hints).toEqual([]);
  });
});
