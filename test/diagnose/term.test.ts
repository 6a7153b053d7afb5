import { describe, expect, it } from 'vitest';
import { checkGradient } from 'gradcheck';
import { logreg, ngnnFlat, ngnnTree } from '../problems/index.js';
import { logregGradDoubleReg, logregGradMissingReg, ngnnFlatMissingReg, ngnnTreeMissingReg } from './buggy.js';
import { hintMatching, statedResidual } from './helpers.js';

describe('diagnosis 3: missing or extra term ∝ θ', () => {
  it('P2 with B3 (no (λ/m)·θ): missing term with λ/m = 1/20 on the regularised entries', () => {
    const p = logreg();
    const report = checkGradient(p.f, logregGradMissingReg, { at: p.theta0 });
    const hint = hintMatching(report, /^Missing term/);
    expect(hint).toContain('analytic − numeric ≈ −0.05·θ on the 2 entries that disagree ([1], [2]; the other entry agrees)');
    expect(hint).toContain('λ/m = 0.05');
    expect(statedResidual(hint)).toBeLessThan(1e-8);
    expect(report.hints).toHaveLength(1);
  });

  it('P3 flat with B3: λ/m = 3/5 on the 30 non-bias weights', () => {
    const p = ngnnFlat();
    const report = checkGradient(p.f, ngnnFlatMissingReg, { at: p.theta0 });
    const hint = hintMatching(report, /^Missing term/);
    expect(hint).toContain('≈ −0.6·θ on the 30 entries that disagree');
    expect(hint).toContain('the other 8 agree');
    expect(statedResidual(hint)).toBeLessThan(1e-8);
  });

  it('P3 tree with B3: named per matrix', () => {
    const p = ngnnTree();
    const report = checkGradient(p.f, ngnnTreeMissingReg, { at: p.theta0 });
    expect(hintMatching(report, /^Missing term.*Theta1/)).toContain('on the 15 entries of Theta1 that disagree');
    expect(hintMatching(report, /^Missing term.*Theta2/)).toContain('on the 15 entries of Theta2 that disagree');
  });

  it('P2 with the regularisation added twice: extra term', () => {
    const p = logreg();
    const report = checkGradient(p.f, logregGradDoubleReg, { at: p.theta0 });
    const hint = hintMatching(report, /^Extra term/);
    expect(hint).toContain('analytic − numeric ≈ 0.05·θ');
    expect(hint).toContain('regularisation added twice');
  });
});
