import { describe, expect, it } from 'vitest';
import { checkGradient } from 'gradcheck';
import { logreg, ngnnFlat, ngnnTree } from '../../problems/index.js';
import { logregGradDoubleReg, logregGradMissingReg, ngnnFlatMissingReg, ngnnTreeMissingReg } from './buggy.js';
import { diagnosesOf, diagnosisOf, hintMatching, statedResidual } from './helpers.js';

describe('diagnosis 3: missing, sign-flipped or extra term ∝ θ', () => {
  it('P2 with B3 (no (λ/m)·θ): missing term 0.05·θ (or 0.025·θ with the wrong sign) on the regularised entries', () => {
    const p = logreg();
    const report = checkGradient(p.f, logregGradMissingReg, { at: p.theta0 });
    const hint = hintMatching(report, /^Missing term/);
    expect(hint).toContain('Missing term in θ: a term 0.05·θ is missing, or a term 0.025·θ has the wrong sign.');
    expect(hint).toContain('A forgotten L2 regularisation term');
    expect(report.hints).toHaveLength(1);
    const d = diagnosisOf(diagnosesOf(report), 'missing-term');
    expect(d.alternatives).toEqual(['wrong-sign-term']);
    expect(d.evidence).toContain('a − n ≈ −0.05·θ on the 2 entries of θ that disagree ([1], [2]; the other entry agrees)');
    expect(statedResidual(d.evidence ?? '')).toBeLessThan(1e-8);
  });

  it('P3 flat with B3: 0.6·θ on the 30 non-bias weights', () => {
    const p = ngnnFlat();
    const report = checkGradient(p.f, ngnnFlatMissingReg, { at: p.theta0 });
    expect(hintMatching(report, /^Missing term/)).toContain('a term 0.6·θ is missing, or a term 0.3·θ has the wrong sign');
    const d = diagnosisOf(diagnosesOf(report), 'missing-term');
    expect(d.evidence).toContain('on the 30 entries of θ that disagree');
    expect(d.evidence).toContain('the other 8 agree');
    expect(statedResidual(d.evidence ?? '')).toBeLessThan(1e-8);
  });

  it('P3 tree with B3: one diagnosis naming both matrices', () => {
    const p = ngnnTree();
    const report = checkGradient(p.f, ngnnTreeMissingReg, { at: p.theta0 });
    expect(hintMatching(report, /^Missing term/)).toMatch(/^Missing term in Theta1 and Theta2: a term 0\.6·θ is missing/);
    const d = diagnosisOf(diagnosesOf(report), 'missing-term');
    expect(d.paths).toEqual(['Theta1', 'Theta2']);
    expect(d.evidence).toContain('on the 15 entries of Theta1 that disagree');
    expect(d.evidence).toContain('on the 15 entries of Theta2 that disagree');
  });

  it('P2 with the regularisation added twice: extra term', () => {
    const p = logreg();
    const report = checkGradient(p.f, logregGradDoubleReg, { at: p.theta0 });
    const hint = hintMatching(report, /^Extra term/);
    expect(hint).toContain('Extra term in θ: the analytic values have a term 0.05·θ that f does not have.');
    expect(hint).toContain('added twice');
    expect(diagnosisOf(diagnosesOf(report), 'extra-term').alternatives).toBeUndefined();
  });
});
