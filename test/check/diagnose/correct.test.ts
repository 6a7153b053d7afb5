import { describe, expect, it } from 'vitest';
import { checkGradient } from 'gradcheck';
import { largescale, logreg, mlpTree, ngnnFlat, ngnnTree, rosenbrock } from '../../problems/index.js';
import { linearData, linearF, linearGrad } from './buggy.js';

describe('correct gradients get no hints', () => {
  it.each([
    ['P1 rosenbrock(10)', rosenbrock(10)],
    ['P2 logreg', logreg()],
    ['P3 flat', ngnnFlat()],
    ['P6 largescale', largescale()],
  ] as const)('%s', (_, p) => {
    const report = checkGradient(p.f, p.grad, { at: p.theta0 as ArrayLike<number> as number[] });
    expect(report.pass).toBe(true);
    expect(report.hints).toEqual([]);
    expect(report.message).not.toContain('Diagnosis:');
  });

  it('P3 tree', () => {
    const p = ngnnTree();
    const report = checkGradient(p.f, p.grad, { at: p.theta0 });
    expect(report.pass).toBe(true);
    expect(report.hints).toEqual([]);
  });

  it('P4 tree (sampled)', () => {
    const p = mlpTree('small');
    const report = checkGradient(p.f, p.grad, { at: p.theta0, sample: 40 });
    expect(report.pass).toBe(true);
    expect(report.hints).toEqual([]);
  });

  it('the linear layer with δ·xᵀ', () => {
    const report = checkGradient(linearF, linearGrad(false), { at: linearData.W0 });
    expect(report.pass).toBe(true);
    expect(report.hints).toEqual([]);
  });
});
