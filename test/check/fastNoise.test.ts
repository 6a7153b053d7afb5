/**
 * Fast mode's error model at a million parameters (issue 19, item 6): f's noise is measured
 * (ECnoise-style, along the first direction that disagrees) instead of assumed to be ε·|f|, and
 * the step follows it. A correct gradient of a sum over 10⁶ terms passes at every seed; one
 * entry 1 % off is found and localised in at most 200 calls.
 */
import { checkGradient } from 'gradcheck';
import { describe, expect, it } from 'vitest';
import { noiseLevel } from '../../src/numeric/noise.js';

const n = 1_000_000;
const theta = new Float64Array(n);
for (let i = 0; i < n; i++) theta[i] = Math.sin(0.37 * i) * 0.8 + 0.1;
/** A plain sum over 10⁶ terms: f ≈ 9·10⁵, its round-off some 70 ε·|f|. */
const f = (t: Float64Array) => {
  let s = 0;
  for (let i = 0; i < t.length; i++) s += t[i] * t[i] * 0.2 + Math.cos(t[i]);
  return s;
};
const grad = (t: Float64Array) => Float64Array.from(t, (v) => 0.4 * v - Math.sin(v));

describe('noiseLevel (ECnoise)', () => {
  it('reads the noise of values scattered around a line, and ~0 for a smooth one', () => {
    const noisy = [0, 1, 2, 3, 4, 5, 6].map((k) => 1 + 1e-3 * k + (k % 2 === 0 ? 1e-9 : -1e-9));
    const sigma = noiseLevel(noisy);
    expect(sigma).toBeGreaterThan(3e-10);
    expect(sigma).toBeLessThan(3e-9);
    expect(noiseLevel([0, 1, 2, 3, 4, 5, 6].map((k) => (1 + 1e-3 * k) ** 2))).toBeLessThan(1e-15);
  });
});

describe('fast mode on a sum over 10⁶ terms', () => {
  it('passes a correct gradient at 10 seeds, measuring the noise once per check', () => {
    for (let seed = 0; seed < 10; seed++) {
      const report = checkGradient(f, grad, { at: theta, mode: 'fast', seed });
      expect(report.pass, `seed ${seed}`).toBe(true);
      expect(report.evaluations).toBeLessThanOrEqual(2 * 10 + 6 + 3);
    }
  }, 60_000);

  it('finds and localises one entry 1 % off in at most 200 calls', () => {
    const wrong = (t: Float64Array) => {
      const g = grad(t);
      g[123_457] *= 1.01;
      return g;
    };
    for (const seed of [0, 1]) {
      const report = checkGradient(f, wrong, { at: theta, mode: 'fast', seed });
      expect(report.pass).toBe(false);
      expect(report.mismatches.map((m) => m.path)).toEqual(['[123457]']);
      expect(report.evaluations).toBeLessThanOrEqual(200);
    }
  }, 60_000);
});
