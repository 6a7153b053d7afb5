import { describe, expect, it } from 'vitest';
import { checkGradient, numericGradient } from 'gradcheck';
import {
  b5Index,
  flipSign,
  injectBug,
  largescale,
  logreg,
  mlp,
  ngnnFlat,
  nudgeMiddle,
  rosenbrock,
  scaleByTwo,
} from '../problems/index.js';
import { createRandom, sampleIndices } from '../../src/numeric/random.js';
import { restrict } from './subset.js';

type AnyProblem = { f(theta: never): number; grad(theta: never): unknown; theta0: unknown; name: string };
const check = (p: AnyProblem, options: Record<string, unknown> = {}) =>
  checkGradient(p.f as (t: number[]) => number, p.grad as (t: number[]) => number[], { at: p.theta0 as number[], ...options });

const reference: AnyProblem[] = [rosenbrock(10), rosenbrock(1000), logreg(), ngnnFlat(), largescale()];

describe('error-aware comparison with the default options (float64, rtol 1e-5)', () => {
  it.each(reference.map((p) => [p.name, p] as const))('%s: the correct gradient passes, with nothing left unjudged', (_, p) => {
    const report = check(p);
    expect(report.mismatches).toEqual([]);
    expect(report.unresolved).toEqual([]);
    expect(report.pass).toBe(true);
  });

  const bugs = [
    ['B1', flipSign],
    ['B2', scaleByTwo],
    ['B5', nudgeMiddle],
  ] as const;
  for (const [bugName, bug] of bugs) {
    it.each(reference.map((p) => [p.name, p] as const))(`%s: ${bugName} is caught`, (_, p) => {
      const report = check(injectBug(p as never, bug) as AnyProblem);
      expect(report.pass).toBe(false);
    });
  }

  it('P1 (n = 1000) entry [722]: the first pass is off by 6.5e-4 relative, the re-check resolves it and a fixed rtol of 1e-5 still passes', () => {
    const p = rosenbrock(1000);
    const exact = p.grad(p.theta0)[722];
    const firstPass = numericGradient(p.f, p.theta0)[722];
    expect(Math.abs(firstPass - exact) / Math.abs(exact)).toBeGreaterThan(5e-4);
    const report = check(p);
    expect(report.pass).toBe(true);
    expect(Math.abs(report.numeric[722] - exact) / Math.abs(exact)).toBeLessThan(1e-5);
    expect(report.errorEstimates[722]).toBeGreaterThanOrEqual(Math.abs(report.numeric[722] - exact));
    // The re-check costs a few calls on top of 2n, not another pass.
    expect(report.evaluations).toBeLessThan(2 * 1000 + 50);
  });

  it('P4-small: B5 (entry [4805] × (1 + 1e-3), a change of 2.9e-6) is caught, the correct gradient passes', () => {
    const p = mlp('small');
    const k = b5Index(p.n);
    const indices = [...new Set([...sampleIndices(p.n, 150, createRandom(5)), k])].sort((a, b) => a - b);
    const ok = restrict(p.f, p.grad, p.theta0, indices);
    expect(checkGradient(ok.f, ok.grad, { at: ok.at }).pass).toBe(true);
    const bad = restrict(p.f, (t) => nudgeMiddle(p.grad(t)), p.theta0, indices);
    const report = checkGradient(bad.f, bad.grad, { at: bad.at });
    expect(report.pass).toBe(false);
    expect(report.mismatches.map((m) => indices[m.index])).toEqual([k]);
  });

  it('a cubic at θ = 0 (exact gradient 0, first-pass error h² = 1e-8) passes at atol 1e-10; a bug of 1e-6 there fails', () => {
    const f = (t: number[]) => t.reduce((s, x) => s + x ** 3, 0);
    const grad = (t: number[]) => t.map((x) => 3 * x * x);
    const at = [0, 0.5, -0.25];
    const report = checkGradient(f, grad, { at });
    expect(report.pass).toBe(true);
    expect(Math.abs(report.numeric[0])).toBeLessThan(1e-12);
    const wrong = checkGradient(f, (t: number[]) => grad(t).map((g, i) => (i === 0 ? g + 1e-6 : g)), { at });
    expect(wrong.mismatches.map((m) => m.path)).toEqual(['[0]']);
  });

  it('P6 (θ ≈ 1e6): the scaled step hᵢ = 1e-4·|θᵢ| gives every entry to 1e-8 relative', () => {
    const p = largescale();
    const n = numericGradient(p.f, p.theta0);
    const exact = p.grad(p.theta0);
    for (let i = 0; i < p.n; i++) expect(Math.abs(n[i] - exact[i]) / exact[i]).toBeLessThan(1e-8);
    // An unscaled step of 1e-4 at θ ≈ 1e6 is lost in round-off: the scaling is what makes it work.
    const unscaled = (Math.log(p.theta0[0] + 1e-4) - Math.log(p.theta0[0] - 1e-4)) / 2e-4;
    expect(Math.abs(unscaled - exact[0]) / exact[0]).toBeGreaterThan(1e-8);
  });
});
