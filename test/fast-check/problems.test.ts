import fc from 'fast-check';
import { gradientProperty, theta } from 'gradcheck/fast-check';
import { describe, expect, it } from 'vitest';
import { mlp, ngnnTree, rosenbrock } from '../problems/index.js';
import { ErrorStats } from './helpers/stats.js';

/**
 * Correct gradients of the reference problems over many generated θ, with fixed seeds: zero
 * false alarms allowed. The full (unsampled) P4-small run over 20 θ and the error figures for
 * the README live in scripts/property-stats.ts (too slow for npm test: ~13 s per θ).
 */
describe('gradientProperty: no false alarms on the reference problems', () => {
  it('P3 (the course network, 38 parameters as { Theta1, Theta2 }) over 1 000 θ in [−1, 1]', () => {
    const p = ngnnTree();
    // The spread turns the NgnnParams interface into an object type, which Params accepts.
    const prop = gradientProperty(p.f, (θ) => ({ ...p.grad(θ) }), theta({ Theta1: [5, 4], Theta2: [3, 6] }));
    const stats = new ErrorStats();
    fc.assert(
      fc.property(prop.arbitrary, (θ) => {
        const report = prop.check(θ);
        stats.add(report);
        return report.pass;
      }),
      { seed: 2026, numRuns: 1000 },
    );
    expect(stats.runs).toBe(1000);
    expect(stats.failures).toBe(0);
    // The seed's global criterion holds everywhere too, far below the course's 1e-9.
    expect(stats.relativeDifference).toBeLessThan(1e-9);
  });

  it('Rosenbrock (n = 10) over 1 000 θ in [−2, 2]', () => {
    const p = rosenbrock(10);
    const arb = theta(10, { min: -2, max: 2 });
    const stats = new ErrorStats();
    const prop = gradientProperty(p.f, p.grad, arb);
    fc.assert(
      fc.property(arb, (θ) => {
        const report = prop.check(θ);
        stats.add(report);
        return report.pass;
      }),
      { seed: 2027, numRuns: 1000 },
    );
    expect(stats.failures).toBe(0);
    // Not under the course's 1e-9 everywhere: where |θ| ≈ 2 the h² truncation of f''' ≈ 2400θ
    // reaches ~1e-8 relative, which the per-entry error estimate accounts for.
    expect(stats.relativeDifference).toBeLessThan(1e-7);
    // And as a plain property, the way users write it.
    expect(() => fc.assert(prop, { seed: 2027, numRuns: 1000 })).not.toThrow();
  });

  it('P4-small (9 610 parameters) over 20 θ, 64 sampled coordinates each', () => {
    const p = mlp('small');
    const arb = theta(p.n, { min: -0.5, max: 0.5 }).map((θ) => Float64Array.from(θ));
    const prop = gradientProperty(p.f, p.grad, arb, { sample: 64 });
    const stats = new ErrorStats();
    fc.assert(
      fc.property(arb, (θ) => {
        const report = prop.check(θ);
        stats.add(report);
        expect(report.checked).toBe(64);
        return report.pass;
      }),
      { seed: 2028, numRuns: 20 },
    );
    expect(stats.failures).toBe(0);
  });

  it('P4-small: a bug in one bias entry (B6-like, b1[5] zeroed) is caught by the same sampled property', () => {
    const p = mlp('small');
    const arb = theta(p.n, { min: -0.5, max: 0.5 }).map((θ) => Float64Array.from(θ));
    const b1 = p.blocks.b1[0];
    const buggy = (θ: Float64Array) => {
      const g = p.grad(θ);
      g[b1 + 5] = 0;
      return g;
    };
    // 64 of 9 610 coordinates per θ rarely include the bad one; fast mode sees every entry at once.
    const prop = gradientProperty(p.f, buggy, arb, { mode: 'fast' });
    expect(() => fc.assert(prop, { seed: 2029, numRuns: 5, endOnFailure: true })).toThrow(/Property failed after 1 tests/);
  });
});
