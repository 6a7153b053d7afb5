import { describe, expect, it } from 'vitest';
import { checkGradient } from 'gradcheck';
import { injectBug, mlp, mlpTree, ngnnTree, zeroB1 } from '../../problems/index.js';
import { mlpTreeZeroB1, ngnnTreeZeroTheta1 } from './buggy.js';
import { diagnosesOf, diagnosisOf, hintMatching } from './helpers.js';

describe('diagnosis 5: zeros where there should be values', () => {
  it('P3 tree, Theta1 gradient never filled in', () => {
    const p = ngnnTree();
    const report = checkGradient(p.f, ngnnTreeZeroTheta1, { at: p.theta0 });
    const hint = hintMatching(report, /^Zeroed/);
    expect(hint).toBe(
      'Zeroed: the analytic values of Theta1 are exactly 0, the numerical ones are not. A gradient never computed or never copied out (a forgotten bias or layer gradient)?',
    );
    expect(report.hints).toEqual([hint, 'Wrong: Theta1. Fine: Theta2.']);
    const d = diagnosisOf(diagnosesOf(report), 'zeroed');
    expect(d).toMatchObject({ paths: ['Theta1'], share: 1 });
    expect(d.evidence).toContain('a = 0 exactly at all 20 compared entries; largest |n| 0.0601745 at Theta1[0][2]');
  });

  it('P4 tree with B6 (b1 zeros), sampled: b1 named, the rest fine', () => {
    const p = mlpTree('small');
    const report = checkGradient(p.f, mlpTreeZeroB1(p.grad), { at: p.theta0, sample: 300, seed: 7 });
    expect(report.pass).toBe(false);
    expect(report.mismatches.every((m) => m.path.startsWith('b1['))).toBe(true);
    expect(hintMatching(report, /^Zeroed/)).toMatch(
      /^Zeroed: the analytic values of b1 are exactly 0, the numerical ones are not\./,
    );
    expect(diagnosisOf(diagnosesOf(report), 'zeroed').paths).toEqual(['b1']);
    expect(hintMatching(report, /^Wrong:/)).toMatch(/^Wrong: b1\. Fine: W1, W2(, b2)?\.$/);
  });

  it('P4 flat with B6, sampled: the failing entries are all exactly 0', () => {
    const base = mlp('small');
    const p = injectBug(base, zeroB1(base.blocks));
    const report = checkGradient(p.f, p.grad, { at: p.theta0, sample: 300, seed: 7 });
    const hint = hintMatching(report, /^Zeroed/);
    expect(hint).toContain('Zeroed: the analytic values of θ are exactly 0 where they disagree with the numerical ones.');
    expect(diagnosisOf(diagnosesOf(report), 'zeroed').evidence).toMatch(/a = 0 exactly at the \d+ entries that disagree/);
  });
});
