import { describe, expect, it } from 'vitest';
import { checkGradient } from 'gradcheck';
import { injectBug, logreg, mlpTree, ngnnFlat, ngnnTree, scaleByTwo } from '../../problems/index.js';
import { logregGradSummed, mlpTreeSummed, ngnnTreeOverM, ngnnTreeTimesM } from './buggy.js';
import { diagnosesOf, diagnosisOf, hintMatching, statedResidual } from './helpers.js';

describe('diagnosis 2: uniform factor', () => {
  it('P3 tree, Δ never divided by m = 5: factor 5 on both matrices, "forget the 1/m"', () => {
    const p = ngnnTree();
    const report = checkGradient(p.f, ngnnTreeTimesM, { at: p.theta0 });
    const hint = hintMatching(report, /^Uniform factor/);
    expect(hint).toContain('Uniform factor in Theta1 and Theta2: the analytic values are 5 × the numerical ones.');
    expect(hint).toContain('did you forget the 1/m');
    expect(report.hints).toHaveLength(1);
    const d = diagnosisOf(diagnosesOf(report), 'factor');
    expect(d).toMatchObject({ paths: ['Theta1', 'Theta2'], share: 1 });
    expect(statedResidual(d.evidence ?? '')).toBeLessThan(1e-8);
  });

  it('P3 tree, divided by m twice: factor 1/5, "average over the batch twice"', () => {
    const p = ngnnTree();
    const report = checkGradient(p.f, ngnnTreeOverM, { at: p.theta0 });
    const hint = hintMatching(report, /^Uniform factor/);
    expect(hint).toContain('0.2 × the numerical ones');
    expect(hint).toContain('A factor 1/5: did you average over the batch twice');
    expect(statedResidual(diagnosisOf(diagnosesOf(report), 'factor').evidence ?? '')).toBeLessThan(1e-8);
  });

  it('P3 flat with B2 (× 2): factor 2', () => {
    const p = injectBug(ngnnFlat(), scaleByTwo);
    const report = checkGradient(p.f, p.grad, { at: p.theta0 });
    const hint = hintMatching(report, /^Uniform factor/);
    expect(hint).toContain('Uniform factor in θ: the analytic values are 2 × the numerical ones.');
    expect(hint).toContain('Twice the true gradient');
  });

  it('P2 summed over the m = 20 examples: factor 20', () => {
    const p = logreg();
    const report = checkGradient(p.f, logregGradSummed, { at: p.theta0 });
    expect(hintMatching(report, /^Uniform factor/)).toContain('An integer factor 20: did you forget the 1/m');
  });

  it('P4 tree (sampled), dJ/dz2 not divided by b = 32: factor 32 on every sampled tensor', () => {
    const p = mlpTree('small');
    const report = checkGradient(p.f, mlpTreeSummed(p.grad), { at: p.theta0, sample: 40 });
    const hint = hintMatching(report, /^Uniform factor/);
    expect(hint).toMatch(/^Uniform factor in .*: the analytic values are 32 × the numerical ones\./);
    const d = diagnosisOf(diagnosesOf(report), 'factor');
    expect(d.share).toBe(1);
    expect(statedResidual(d.evidence ?? '')).toBeLessThan(1e-6);
  });
});
