import { describe, expect, it } from 'vitest';
import { checkGradient } from 'gradcheck';
import { injectBug, mlpFloat32, scaleByTwo } from '../../problems/index.js';
import { diagnosesOf, diagnosisOf, hintMatching, statedResidual } from './helpers.js';

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
