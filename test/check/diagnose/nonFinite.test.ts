// API.md, "Additions (third round)" → Diagnoses: NaN or ±∞ in the analytic gradient, Jacobian,
// VJP, JVP or Hessian where the numerical one is finite is a failed check with a report (the
// other entries compared as usual, `.not` and property shrinking work) and a `non-finite`
// diagnosis naming the entries; NaN or ±∞ in f(θ) itself stays a GradcheckError.
import fc from 'fast-check';
import { GradcheckError, checkGradient, checkGradientAsync, checkHessian, checkJacobian, checkJvp, checkVjp } from 'gradcheck';
import { GradientPropertyError, gradientProperty, theta } from 'gradcheck/fast-check';
import { describe, expect, it } from 'vitest';
import type { Diagnosis } from '../../../src/check/report.js';
import { diagnosisOf } from './helpers.js';

const HINT =
  'A division by zero, a log or square root at 0, an overflowing exp (a softmax without its max shift) or 0·∞ in the backward pass?';

/** Σ sin(cᵢ θᵢ) over n entries, cᵢ = 1 + i/n, and its gradient with `bad` entries replaced. */
function sines(n: number, bad: Record<number, number> = {}) {
  const c = (i: number) => 1 + i / n;
  const f = (t: number[]) => t.reduce((s, v, i) => s + Math.sin(c(i) * v), 0);
  const grad = (t: number[]) => t.map((v, i) => (i in bad ? bad[i] : c(i) * Math.cos(c(i) * v)));
  const at = Array.from({ length: n }, (_, i) => Math.sin(i + 1));
  return { f, grad, at };
}

const only = (ds: readonly Diagnosis[]) => ds.map((d) => [d.kind, d.paths]);

describe('a NaN or ±∞ analytic entry is a failed check with a non-finite diagnosis', () => {
  it('full gradient check: NaN at [1] fails, names [1], and the other entries are compared as usual', () => {
    const { f, grad, at } = sines(3, { 1: Number.NaN });
    const r = checkGradient(f, grad, { at });
    expect(r.pass).toBe(false);
    expect(r.mismatches.map((m) => m.path)).toEqual(['[1]']);
    expect(r.mismatches[0].absError).toBe(Number.POSITIVE_INFINITY);
    expect(r.maxAbsError).toBe(Number.POSITIVE_INFINITY);
    expect(r.relativeDifference).toBe(Number.POSITIVE_INFINITY);
    expect(r.evaluations).toBeGreaterThanOrEqual(6);
    const d = diagnosisOf(r.diagnoses, 'non-finite');
    expect(d).toMatchObject({ paths: ['[1]'], share: 1 });
    expect(d.message).toBe(`Non-finite analytic value at [1] (NaN), where f and its numerical derivative are finite. ${HINT}`);
    expect(d.evidence).toMatch(/^1 entry non-finite: \[1\]: analytic NaN, numerical 0\.\d+$/);
    expect(r.hints[0]).toBe(d.message);
  });

  it('full check: +∞ beside a real sign error — both are named, each on its own entries', () => {
    const { f, grad, at } = sines(3);
    const g = (t: number[]) => grad(t).map((v, i) => (i === 0 ? Number.POSITIVE_INFINITY : i === 2 ? -v : v));
    const r = checkGradient(f, g, { at });
    expect(r.pass).toBe(false);
    expect(only(r.diagnoses)).toEqual([
      ['non-finite', ['[0]']],
      ['sign', ['[2]']],
    ]);
    expect(r.diagnoses[0].message).toContain('at [0] (+∞)');
  });

  it('a tree: −∞ in W[1][0] and NaN in b[0] are named by their paths', () => {
    const f = (p: { W: number[][]; b: number[] }) => p.W.flat().reduce((s, v) => s + v * v, 0) + p.b[0] * 3;
    const grad = (p: { W: number[][]; b: number[] }) => ({
      W: p.W.map((row, r) => row.map((v, c) => (r === 1 && c === 0 ? Number.NEGATIVE_INFINITY : 2 * v))),
      b: [Number.NaN],
    });
    const r = checkGradient(f, grad, {
      at: {
        W: [
          [1, 2],
          [3, 4],
        ],
        b: [0.5],
      },
    });
    const d = diagnosisOf(r.diagnoses, 'non-finite');
    expect(d.paths).toEqual(['W[1][0]', 'b[0]']);
    expect(d.message).toBe(
      `Non-finite analytic values at W[1][0] and b[0] (−∞, NaN), where f and its numerical derivative are finite. ${HINT}`,
    );
  });

  it('fast mode (200 entries): every direction disagrees, group testing localises [37], named non-finite', () => {
    const { f, grad, at } = sines(200, { 37: Number.NEGATIVE_INFINITY });
    const r = checkGradient(f, grad, { at, mode: 'fast' });
    expect(r.pass).toBe(false);
    expect(only(r.diagnoses)).toEqual([['non-finite', ['[37]']]]);
    expect(r.diagnoses[0].message).toContain('at [37] (−∞)');
  });

  it('checkJacobian: +∞ at ∂out[0]/∂θ[1] fails with that entry named, the other three agree', () => {
    const F = (t: number[]) => [t[0] * t[1], Math.sin(t[0])];
    const J = (t: number[]) => [
      [t[1], Number.POSITIVE_INFINITY],
      [Math.cos(t[0]), 0],
    ];
    const r = checkJacobian(F, J, { at: [0.3, 0.5] });
    expect(r.pass).toBe(false);
    expect(r.mismatches.map((m) => m.path)).toEqual(['∂out[0]/∂θ[1]']);
    expect(only(r.diagnoses)).toEqual([['non-finite', ['∂out[0]/∂θ[1]']]]);
  });

  it('checkVjp: NaN in θ̄[1] fails and is named', () => {
    const F = (t: number[]) => [t[0] * t[1], Math.sin(t[0])];
    const vjp = (t: number[], u: number[]) => [u[0] * t[1] + u[1] * Math.cos(t[0]), Number.NaN];
    const r = checkVjp(F, vjp, { at: [0.3, 0.5] });
    expect(r.pass).toBe(false);
    expect(only(r.diagnoses)).toEqual([['non-finite', ['[1]']]]);
  });

  it('checkJvp: NaN in the output entry 1 fails and is named', () => {
    const F = (t: number[]) => [t[0] * t[1], Math.sin(t[0])];
    const jvp = (t: number[], v: number[]) => [t[1] * v[0] + t[0] * v[1], Number.NaN];
    const r = checkJvp(F, jvp, { at: [0.3, 0.5] });
    expect(r.pass).toBe(false);
    expect(r.mismatches).toHaveLength(1);
    expect(r.diagnoses.map((d) => d.kind)).toEqual(['non-finite']);
  });

  it('checkHessian: NaN at ∂²f/∂θ[0]∂θ[1] fails and is named', () => {
    const f = (t: number[]) => t[0] * t[0] * t[1];
    const H = (t: number[]) => [
      [2 * t[1], Number.NaN],
      [2 * t[0], 0],
    ];
    const r = checkHessian(f, H, { at: [0.3, 0.5] });
    expect(r.pass).toBe(false);
    expect(r.mismatches.map((m) => m.path)).toEqual(['∂²f/∂θ[0]∂θ[1]']);
    expect(diagnosisOf(r.diagnoses, 'non-finite').paths).toEqual(['∂²f/∂θ[0]∂θ[1]']);
  });

  it('checkHessian: NaN at both ∂²f/∂θ[0]∂θ[1] and ∂²f/∂θ[1]∂θ[0] is non-finite, and no evidence of asymmetry', () => {
    const f = (t: number[]) => t[0] * t[0] * t[1];
    const H = (t: number[]) => [
      [2 * t[1], Number.NaN],
      [Number.NaN, 0],
    ];
    const r = checkHessian(f, H, { at: [0.3, 0.5] });
    expect(r.diagnoses.map((d) => d.kind)).toEqual(['non-finite']);
    expect(r.message).not.toContain('not symmetric');
  });

  it('the matcher fails with the report, and .not passes', () => {
    const { f, grad, at } = sines(3, { 2: Number.NaN });
    expect(() => expect(f).toHaveGradient(grad, { at })).toThrow(/Non-finite analytic value at \[2\] \(NaN\)/);
    expect(f).not.toHaveGradient(grad, { at });
  });

  it('a property over θ fails with a report, and shrinking keeps a non-finite counterexample', () => {
    // d/dx of √(x² + 1e-3) written as x/√x², which is NaN at x = 0 and wrong nowhere else.
    const f = (t: number[]) => Math.sqrt(t[0] * t[0] + 1e-3) + t[1];
    const grad = (t: number[]) => [t[0] / Math.sqrt(t[0] * t[0] + 1e-3 * (t[0] === 0 ? 0 : 1)), 1];
    let failure: unknown;
    try {
      fc.assert(gradientProperty(f, grad, theta([2])), { seed: 1, numRuns: 200 });
    } catch (error) {
      failure = error;
    }
    const cause = (failure as Error | undefined)?.cause as GradientPropertyError | undefined;
    expect(cause).toBeInstanceOf(GradientPropertyError);
    expect((cause as GradientPropertyError).theta).toEqual([0, expect.any(Number)]);
    expect((cause as GradientPropertyError).report.diagnoses.map((d) => d.kind)).toContain('non-finite');
  });
});

describe('NaN or ±∞ in f itself stays an error', () => {
  it('f(θ) NaN throws a GradcheckError even when the gradient is NaN too', () => {
    expect(() =>
      checkGradient(
        () => Number.NaN,
        () => [Number.NaN],
        { at: [1] },
      ),
    ).toThrow(GradcheckError);
  });

  it('f NaN at a moved point names the coordinate and the direction', () => {
    const f = (t: number[]) => (t[0] > 1 ? Number.NaN : t[0] * t[0]);
    expect(() => checkGradient(f, (t: number[]) => [2 * t[0]], { at: [1] })).toThrow(/f returned NaN with \[0\] moved by \+/);
  });
});

describe('non-finite in the async check', () => {
  it('checkGradientAsync: NaN at [1] is a failed report with the same diagnosis as the synchronous check', async () => {
    const { f, grad, at } = sines(3, { 1: Number.NaN });
    const r = await checkGradientAsync(
      async (t: number[]) => f(t),
      async (t: number[]) => grad(t),
      { at },
    );
    expect(r.pass).toBe(false);
    expect(r.diagnoses).toEqual(checkGradient(f, grad, { at }).diagnoses);
  });
});
