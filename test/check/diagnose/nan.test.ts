import { describe, expect, it } from 'vitest';
import { GradcheckError, checkGradient } from 'gradcheck';
import { largescale, logreg } from '../../problems/index.js';
import { thrownBy } from '../../thrown.js';

const errorOf = (run: () => unknown): GradcheckError => thrownBy(run, GradcheckError);

describe('diagnosis 11: NaN or ±Infinity from f at a perturbed point', () => {
  it('P2 plus log θ[1] near 0: NaN at θ[1] − h names the coordinate and the − direction', () => {
    const p = logreg();
    const f = (t: number[]) => p.f(t) + Math.log(t[1]);
    const grad = (t: number[]) => p.grad(t).map((g, k) => (k === 1 ? g + 1 / t[1] : g));
    const error = errorOf(() => checkGradient(f, grad, { at: [0.1, 5e-5, 0.3] }));
    expect(error.message).toMatch(/^checkGradient: f returned NaN with \[1\] moved by −0\.0001/);
  });

  it("P6 with θ[3] = 5e-5 (finite f and gradient at θ): f's NaN at θ[3] − h is named with [3] and −", () => {
    const p = largescale();
    const at = Float64Array.from(p.theta0);
    at[3] = 5e-5; // log(θ[3] + h) is finite, log(θ[3] − h) = log(−5e-5) is NaN
    expect(Number.isFinite(p.f(at))).toBe(true);
    expect(p.grad(at).every(Number.isFinite)).toBe(true);
    const error = errorOf(() => checkGradient(p.f, p.grad, { at }));
    expect(error.message).toMatch(/^checkGradient: f returned NaN with \[3\] moved by −0\.0001/);
  });

  it("an infinite gradient entry (f finite everywhere) is the gradient's bug: a failed check, not f's error", () => {
    const p = largescale();
    const grad = (t: Float64Array) => {
      const g = p.grad(t);
      g[3] = 1 / (t[3] - t[3]); // a division by zero in the backward pass
      return g;
    };
    const report = checkGradient(p.f, grad, { at: p.theta0 });
    expect(report.pass).toBe(false);
    expect(report.mismatches.map((m) => m.path)).toEqual(['[3]']);
    expect(report.diagnoses.map((d) => [d.kind, d.paths])).toEqual([['non-finite', ['[3]']]]);
    expect(report.message).not.toMatch(/f returned/);
  });

  it('+Infinity on the + side is named with +', () => {
    const f = (t: number[]) => (t[0] > 1 ? Number.POSITIVE_INFINITY : t[0] * t[0] + t[1]);
    const error = errorOf(() => checkGradient(f, (t: number[]) => [2 * t[0], 1], { at: [1, 0.5] }));
    expect(error.message).toMatch(/^checkGradient: f returned Infinity with \[0\] moved by \+0\.0001/);
  });
});
