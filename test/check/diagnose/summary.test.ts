import { describe, expect, it } from 'vitest';
import { checkGradient } from 'gradcheck';
import { logreg, ngnnTree, ngnnTreeGrad, type NgnnParams } from '../../problems/index.js';
import { logregGradMissingReg, ngnnTreeTimesM } from './buggy.js';

describe('diagnosis 6: per-tensor summary', () => {
  it('P3 tree with one wrong entry in Theta1[2][1]: "Wrong: Theta1. Fine: Theta2."', () => {
    const p = ngnnTree();
    const grad = (t: NgnnParams) => {
      const g = ngnnTreeGrad(t);
      g.Theta1[2][1] *= 1.01;
      return g;
    };
    const report = checkGradient(p.f, grad, { at: p.theta0 });
    expect(report.diagnoses.map((d) => [d.kind, d.paths])).toEqual([['factor', ['Theta1[2][1]']]]);
    expect(report.hints.at(-1)).toBe('Wrong: Theta1. Fine: Theta2.');
  });

  it('not shown when every tensor is wrong, nor for a flat θ', () => {
    const p = ngnnTree();
    expect(checkGradient(p.f, ngnnTreeTimesM, { at: p.theta0 }).hints.some((h) => h.startsWith('Wrong:'))).toBe(false);
    const q = logreg();
    expect(checkGradient(q.f, logregGradMissingReg, { at: q.theta0 }).hints.some((h) => h.startsWith('Wrong:'))).toBe(false);
  });
});
