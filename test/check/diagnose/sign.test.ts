import { describe, expect, it } from 'vitest';
import { checkGradient } from 'gradcheck';
import { logreg, ngnnFlat, ngnnTree } from '../../problems/index.js';
import { logregGradAscent, ngnnFlatSignFlip, ngnnTreeNegTheta2 } from './buggy.js';
import { diagnosesOf, diagnosisOf, diagnosisSection, hintMatching, notesOf, statedResidual } from './helpers.js';

const ADVICE = 'Check the sign of the loss, of the error term (h − y vs y − h) or of an update.';

describe('diagnosis 1: sign error', () => {
  it('P2 with the log-likelihood gradient (ascent): −1 × numeric on every entry', () => {
    const p = logreg();
    const report = checkGradient(p.f, logregGradAscent, { at: p.theta0 });
    expect(report.pass).toBe(false);
    const hint = hintMatching(report, /^Sign error/);
    expect(hint).toBe(`Sign error in θ: the analytic values are −1 × the numerical ones. ${ADVICE}`);
    expect(report.hints).toHaveLength(1);
    expect(diagnosisSection(report)).toContain('  • Sign error in θ: the analytic values are −1 ×');
    const d = diagnosisOf(diagnosesOf(report), 'sign');
    expect(d).toMatchObject({ paths: ['θ'], share: 1, message: hint });
    expect(d.evidence).toContain('k = −1');
    expect(statedResidual(d.evidence ?? '')).toBeLessThan(1e-8);
  });

  it('the same with method: "richardson" (no re-check data)', () => {
    const p = logreg();
    const report = checkGradient(p.f, logregGradAscent, { at: p.theta0, method: 'richardson' });
    expect(hintMatching(report, /^Sign error in θ: the analytic values are −1 × the numerical ones/)).toBeTruthy();
    expect(statedResidual(diagnosisOf(diagnosesOf(report), 'sign').evidence ?? '')).toBeLessThan(1e-8);
  });

  it('P3 tree with Theta2 negated: the sign error is on Theta2, Theta1 is fine', () => {
    const p = ngnnTree();
    const report = checkGradient(p.f, ngnnTreeNegTheta2, { at: p.theta0 });
    expect(hintMatching(report, /^Sign error/)).toBe(
      `Sign error in Theta2: the analytic values are −1 × the numerical ones. ${ADVICE}`,
    );
    const d = diagnosisOf(diagnosesOf(report), 'sign');
    expect(d.paths).toEqual(['Theta2']);
    expect(d.evidence).toContain('on all 18 compared entries of Theta2');
    expect(statedResidual(d.evidence ?? '')).toBeLessThan(1e-8);
    expect(report.hints).toContain('Wrong: Theta2. Fine: Theta1.');
    expect(notesOf(report, p.theta0)).toEqual(['Wrong: Theta2. Fine: Theta1.']);
  });

  it('P3 flat with B1 (entry 12 flipped): the single entry is named', () => {
    const p = ngnnFlat();
    const report = checkGradient(p.f, ngnnFlatSignFlip(p.grad), { at: p.theta0 });
    expect(report.mismatches.map((m) => m.path)).toEqual(['[12]']);
    const hint = hintMatching(report, /^Sign error at \[12\]/);
    expect(hint).toBe(
      'Sign error at [12]: the analytic value is −1 × the numerical one; the other entries agree. Check the sign of that one term.',
    );
    const d = diagnosisOf(diagnosesOf(report), 'sign');
    expect(d.paths).toEqual(['[12]']);
    expect(d.evidence).toMatch(/analytic −0\.0249226, numerical 0\.0249226/);
    expect(statedResidual(d.evidence ?? '')).toBeLessThan(1e-6);
  });

  it('no sign hint when one entry is merely wrong (B5: × (1 + 1e-3)): the entry is named with its ratio', () => {
    const p = ngnnFlat();
    const k = Math.floor(38 / 2);
    const report = checkGradient(p.f, (t: ArrayLike<number>) => p.grad(t).map((g, i) => (i === k ? g * 1.001 : g)), {
      at: p.theta0,
    });
    expect(report.pass).toBe(false);
    expect(report.diagnoses.map((d) => [d.kind, d.paths])).toEqual([['factor', [`[${k}]`]]]);
    expect(report.hints).toEqual([
      `Wrong entry [${k}]: the analytic value is 1.001 × the numerical one. One term of that entry's gradient is off: an index off by one, a boundary case, a constant copied wrong?`,
    ]);
  });
});
