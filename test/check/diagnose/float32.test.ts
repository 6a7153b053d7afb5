import { describe, expect, it } from 'vitest';
import { checkGradient } from 'gradcheck';
import { injectBug, mlpFloat32, scaleByTwo } from '../../problems/index.js';
import { diagnosesOf, diagnosisOf, hintMatching, statedResidual } from './helpers.js';
import { type MlpParams, mlpGrad, mlpLoss, mlpTheta } from './mlp.js';

describe('diagnoses in float32 (P7, sampled)', () => {
  it('B2 (× 2) is named as a factor 2 despite float32 noise in the numerical values', () => {
    const p = injectBug(mlpFloat32(), scaleByTwo);
    const report = checkGradient(p.f, p.grad, { at: p.theta0, sample: 60, seed: 3 });
    expect(report.pass).toBe(false);
    const hint = hintMatching(report, /^Uniform factor/);
    expect(hint).toContain('Uniform factor in θ: the analytic values are 2 × the numerical ones.');
    expect(statedResidual(diagnosisOf(diagnosesOf(report), 'factor').evidence ?? '')).toBeLessThan(0.05);
  });

  it('a correct float32 gradient gets no hints, even with entries too small to judge', () => {
    const p = mlpFloat32();
    const report = checkGradient(p.f, p.grad, { at: p.theta0, sample: 60, seed: 3 });
    expect(report.pass).toBe(true);
    expect(report.unresolved.length).toBeGreaterThan(0);
    expect(report.hints).toEqual([]);
    expect(diagnosesOf(report)).toEqual([]);
  });
});

describe('a correct float32 MLP checked at float64 (issue 20: float32 rounding steps are not kinks)', () => {
  const net = { d: 4, h: 3, c: 3, m: 6, lambda: 0.1, act: 'tanh' as const, seed: 0 };
  const f32 = (p: MlpParams) => Math.fround(mlpLoss(net)(p));
  const g32 = (p: MlpParams) => {
    const g = mlpGrad(net)(p);
    const r = (v: number) => Math.fround(v);
    return { W1: g.W1.map((row) => row.map(r)), b1: g.b1.map(r), W2: g.W2.map((row) => row.map(r)), b2: g.b2.map(r) };
  };

  it.each([0, 1, 2, 3, 4, 5, 6, 7, 8, 9])(
    'seed %i: float32-in-float64 is named, and no kink, step or structural diagnosis beside it',
    (seed) => {
      const at = mlpTheta({ ...net, seed });
      const report = checkGradient(f32, g32, { at, precision: 'float64' });
      expect(report.pass).toBe(false);
      expect(report.diagnoses.map((d) => d.kind)).toEqual(['float32-in-float64']);
    },
  );
});

describe('P7 (the float32 MLP, 10 000 parameters) checked at float64', () => {
  it('sampled and in fast mode: float32-in-float64 alone, no step advice, kink or wrong entry', () => {
    const p = mlpFloat32();
    const sampled = checkGradient(p.f, p.grad, { at: p.theta0, precision: 'float64', sample: 60, seed: 3 });
    expect(sampled.diagnoses.map((d) => d.kind)).toEqual(['float32-in-float64']);
    const fast = checkGradient(p.f, p.grad, { at: p.theta0, precision: 'float64', mode: 'fast' });
    expect(fast.diagnoses.map((d) => d.kind)).toEqual(['float32-in-float64']);
  });
});
