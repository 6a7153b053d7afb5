import { describe, expect, it } from 'vitest';
import { checkGradient } from 'gradcheck';
import { injectBug, mlp, mlpTree, ngnnTree, zeroB1 } from '../problems/index.js';
import { mlpTreeZeroB1, ngnnTreeZeroTheta1 } from './buggy.js';
import { hintMatching } from './helpers.js';

describe('diagnosis 5: zeros where there should be values', () => {
  it('P3 tree, Theta1 gradient never filled in', () => {
    const p = ngnnTree();
    const report = checkGradient(p.f, ngnnTreeZeroTheta1, { at: p.theta0 });
    const hint = hintMatching(report, /^Zero gradient/);
    expect(hint).toContain('Theta1 is exactly 0 on all 20 entries of the analytic gradient');
    expect(hint).toContain('largest |n| 0.0601745 at Theta1[0][2]');
    expect(report.hints).toEqual([hint, 'Wrong: Theta1. Fine: Theta2.']);
  });

  it('P4 tree with B6 (b1 zeros), sampled: b1 named, the rest fine', () => {
    const p = mlpTree('small');
    const report = checkGradient(p.f, mlpTreeZeroB1(p.grad), { at: p.theta0, sample: 300, seed: 7 });
    expect(report.pass).toBe(false);
    expect(report.mismatches.every((m) => m.path.startsWith('b1['))).toBe(true);
    expect(hintMatching(report, /^Zero gradient/)).toMatch(/^Zero gradient: b1 is exactly 0 on all \d+ compared entries/);
    expect(hintMatching(report, /^Wrong:/)).toMatch(/^Wrong: b1\. Fine: W1, W2(, b2)?\.$/);
  });

  it('P4 flat with B6, sampled: the failing entries are all exactly 0', () => {
    const base = mlp('small');
    const p = injectBug(base, zeroB1(base.blocks));
    const report = checkGradient(p.f, p.grad, { at: p.theta0, sample: 300, seed: 7 });
    const hint = hintMatching(report, /^Zero gradient/);
    expect(hint).toMatch(/the analytic gradient is exactly 0 at all \d+ entries that disagree/);
  });
});
