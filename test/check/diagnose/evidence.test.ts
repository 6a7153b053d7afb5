import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkGradient } from 'gradcheck';
import { type NgnnParams, ngnnFlat, ngnnTree, ngnnTreeGrad } from '../../problems/index.js';

/** Hints that name a structural bug (anything but the per-tensor summary, kinks and step trouble). */
const STRUCTURAL = /^(Sign error|Uniform factor|Missing term|Extra term|Layout mix-up|Transposed|Shifted by one|Zero gradient)/;

/** Multipliers 1 + u with u spread over ±amplitude, from a seed (no two alike, so no hidden pattern). */
function multipliers(seed: number, n: number, amplitude: number): number[] {
  let s = seed >>> 0 || 1;
  return Array.from({ length: n }, () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return 1 + amplitude * (2 * (s / 2 ** 32) - 1);
  });
}

describe('hints need evidence', () => {
  it('P3 flat with every entry off by an unrelated random factor: no structural hint', () => {
    const p = ngnnFlat();
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2 ** 31 - 1 }), fc.constantFrom(0.01, 0.1, 0.5), (seed, amplitude) => {
        const m = multipliers(seed, 38, amplitude);
        const report = checkGradient(p.f, (t: ArrayLike<number>) => p.grad(t).map((g, i) => g * m[i]), { at: p.theta0 });
        expect(report.pass).toBe(false);
        expect(report.hints.filter((h) => STRUCTURAL.test(h))).toEqual([]);
      }),
      { numRuns: 15, seed: 42 },
    );
  });

  it('P3 tree with one tensor scaled by k: the factor (or sign) is found on that tensor with k', () => {
    const p = ngnnTree();
    // Explicit, varied factors (a sign flip, halves and doubles, thirds and sixths, negative
    // ones, near and far from 1): fc.double({ min: -4, max: 4 }) almost only gave ≈ ±4 and never
    // hit k = −1, so the sign-error branch never ran. `examples` make sure both branches run.
    const factors = [-1, 2, 0.5, 6, 1 / 6, -3, -1 / 3, 1.5, 0.9, -0.25, 4, 1e-2];
    const branches = { sign: 0, factor: 0 };
    fc.assert(
      fc.property(fc.constantFrom('Theta1', 'Theta2'), fc.constantFrom(...factors), (name: 'Theta1' | 'Theta2', k) => {
        const grad = (t: NgnnParams) => {
          const g = ngnnTreeGrad(t);
          g[name] = g[name].map((row) => row.map((v) => v * k));
          return g;
        };
        const report = checkGradient(p.f, grad, { at: p.theta0 });
        const structural = report.diagnoses.filter((d) => d.kind !== 'kink' && d.kind !== 'step');
        expect(structural).toHaveLength(1);
        expect(structural[0].paths).toEqual([name]);
        const other = name === 'Theta1' ? 'Theta2' : 'Theta1';
        expect(report.hints).toContain(`Wrong: ${name}. Fine: ${other}.`);
        if (k === -1) {
          branches.sign++;
          expect(structural[0].kind).toBe('sign');
          expect(structural[0].message).toMatch(new RegExp(`^Sign error in ${name}:`));
        } else {
          branches.factor++;
          const fitted = Number(/k = (−?[\d.e-]+)/.exec(structural[0].evidence ?? '')?.[1].replace('−', '-'));
          expect(structural[0].kind).toBe('factor');
          expect(structural[0].message).toMatch(new RegExp(`^Uniform factor in ${name}:`));
          expect(fitted).toBeCloseTo(k, 3);
        }
      }),
      {
        numRuns: 30,
        seed: 42,
        examples: [
          ['Theta1', -1],
          ['Theta2', -1],
          ['Theta1', 1 / 6],
          ['Theta2', 6],
        ],
      },
    );
    // Both diagnoses were exercised, not just one of them.
    expect(branches.sign).toBeGreaterThanOrEqual(2);
    expect(branches.factor).toBeGreaterThanOrEqual(10);
  });
});
