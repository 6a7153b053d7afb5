import { stripVTControlCharacters } from 'node:util';
import { checkGradient } from 'gradcheck';
import { describe, expect, it } from 'vitest';
import { DEFAULT_DIRECTIONS, detectionProbability } from '../../src/check/fast.js';
import { DETERMINISM_PROBES } from '../../src/check/guards/index.js';
import { b1Index, flipSign, kink, largescale, mlp, mlpFloat32, mlpTree, rosenbrock, withBug } from '../problems/index.js';

/** f(θ) = Σ cᵢθᵢ + ½ Σ θᵢ², gradient c + θ: smooth, cheap, no truncation error. */
function quadratic(n: number) {
  const c = Float64Array.from({ length: n }, (_, i) => Math.sin(0.37 * (i + 1)) / Math.sqrt(n));
  const theta = Float64Array.from({ length: n }, (_, i) => (0.2 * Math.cos(0.11 * i)) / Math.sqrt(n));
  const f = (t: Float64Array) => {
    let s = 0;
    for (let i = 0; i < n; i++) s += c[i] * t[i] + 0.5 * t[i] * t[i];
    return s;
  };
  const grad = (t: Float64Array) => Float64Array.from(t, (v, i) => c[i] + v);
  return { f, grad, theta };
}

/** Evaluations the localisation note reports. */
function localisationCost(message: string): number {
  const m = /in (\d+) evaluations of f\./.exec(stripVTControlCharacters(message));
  if (!m) throw new Error(`no localisation note in:\n${message}`);
  return Number(m[1]);
}

describe("fast mode (mode: 'fast')", () => {
  it('costs exactly 2k calls of f on a correct gradient, whatever n is', () => {
    for (const n of [64, 4096]) {
      const q = quadratic(n);
      const r = checkGradient(q.f, q.grad, { at: q.theta, mode: 'fast', directions: 4 });
      expect(r.pass).toBe(true);
      expect(r.evaluations).toBe(8);
      expect(r.checked).toBe(4);
      expect(r.size).toBe(n);
    }
    const q = quadratic(100);
    expect(checkGradient(q.f, q.grad, { at: q.theta, mode: 'fast' }).evaluations).toBe(2 * DEFAULT_DIRECTIONS);
  });

  it('counts every extra call exactly: Richardson re-checks, the determinism probe, localisation', () => {
    const q = quadratic(1024);
    const k = 1000;
    const bad = (t: Float64Array) => {
      const g = q.grad(t);
      g[k] += 0.5;
      return g;
    };
    const r = checkGradient(q.f, bad, { at: q.theta, mode: 'fast', directions: 3 });
    expect(r.pass).toBe(false);
    expect(r.mismatches.map((m) => m.path)).toEqual(['[1000]']);
    expect(r.mismatches[0].analytic - r.mismatches[0].numeric).toBeCloseTo(0.5, 8);
    // 2 per direction, 6 for the first failing direction's re-check (Richardson at 16t, 8t, 4t;
    // later ones keep their first difference), f(θ) and the shared determinism probe's
    // DETERMINISM_PROBES more calls (the guard stage every check runs), then 2 per halving
    // (log₂ 1024 = 10 levels) plus the leaf's coordinate check and its re-check.
    const L = localisationCost(r.message);
    expect(r.evaluations).toBe(2 * 3 + 6 + 1 + DETERMINISM_PROBES + L);
    expect(L).toBeGreaterThanOrEqual(2 * 10 + 4);
    expect(L).toBeLessThanOrEqual(2 * 10 + 6);
    const text = stripVTControlCharacters(r.message);
    expect(text).toContain('3 of 3 directions disagree');
    expect(text).toContain('3 of 3 disagree (direction 0 after a Richardson re-check, later ones by their first difference)');
    expect(text).toContain('Fast mode: 3 random Rademacher directions (seed 0)');
  });

  it('catches a single wrong entry with the documented probability (fixed seed list)', () => {
    // A single entry wrong by ρ·‖g‖₂ with ρ = rtol / 2 is caught by one direction with
    // probability erf(0.5/√2) ≈ 0.383, so by 3 directions with ≈ 0.765.
    const n = 2000;
    const q = quadratic(n);
    const g0 = q.grad(q.theta);
    const norm = Math.hypot(...g0);
    const rtol = 1e-5;
    const rho = rtol / 2;
    const bad = (t: Float64Array) => {
      const g = q.grad(t);
      g[777] += rho * norm;
      return g;
    };
    const seeds = Array.from({ length: 80 }, (_, i) => 1000 + i);
    let caught = 0;
    let named = 0;
    for (const seed of seeds) {
      const r = checkGradient(q.f, bad, { at: q.theta, mode: 'fast', directions: 3, seed, rtol });
      if (!r.pass) caught++;
      if (r.mismatches.some((m) => m.path === '[777]')) named++;
    }
    const p = detectionProbability(rho, rtol, 3);
    expect(p).toBeCloseTo(0.765, 2);
    const sd = Math.sqrt(seeds.length * p * (1 - p));
    expect(Math.abs(caught - p * seeds.length)).toBeLessThan(3 * sd);
    expect(named).toBe(caught);
    // And a bug of ρ = 2·rtol is caught on every seed (p ≈ 1 − 10⁻¹³).
    const big = (t: Float64Array) => {
      const g = q.grad(t);
      g[777] -= 2 * rtol * norm;
      return g;
    };
    expect(
      seeds.slice(0, 20).every((seed) => !checkGradient(q.f, big, { at: q.theta, mode: 'fast', directions: 3, seed }).pass),
    ).toBe(true);
  });

  it('raises no false alarm on a sum of 10⁵ terms, whose rounding is far above a few ulps', () => {
    const loss = (t: Float64Array) => t.reduce((s, v) => s + Math.log1p(v * v), 0);
    const grad = (t: Float64Array) => t.map((v) => (2 * v) / (1 + v * v));
    const at = Float64Array.from({ length: 100_000 }, (_, i) => Math.sin(i));
    for (const seed of [0, 1]) expect(checkGradient(loss, grad, { at, mode: 'fast', seed }).pass).toBe(true);
  });

  it('raises no false alarm on correct gradients (P4-small over seeds, Rosenbrock, P6)', () => {
    const p = mlp('small');
    for (const seed of [1, 2, 3, 4, 5]) {
      const r = checkGradient(p.f, p.grad, { at: p.theta0, mode: 'fast', seed });
      expect(r.pass, r.message).toBe(true);
    }
    const ros = rosenbrock(1000);
    expect(checkGradient(ros.f, ros.grad, { at: ros.theta0, mode: 'fast' }).pass).toBe(true);
    const big = largescale();
    expect(checkGradient(big.f, big.grad, { at: big.theta0, mode: 'fast' }).pass).toBe(true);
    expect(
      checkGradient(big.f, withBug(big.grad, flipSign), { at: big.theta0, mode: 'fast' }).mismatches.map((m) => m.path),
    ).toEqual(['[2]']);
  });

  it('localises B1 on P4-small by path, in far fewer than 2n calls', () => {
    const p = mlp('small');
    const r = checkGradient(p.f, withBug(p.grad, flipSign), { at: p.theta0, mode: 'fast' });
    expect(r.pass).toBe(false);
    expect(r.mismatches.map((m) => m.path)).toEqual([`[${b1Index(p.n)}]`]);
    expect(r.mismatches[0].numeric).toBeCloseTo(-r.mismatches[0].analytic, 8);
    expect(r.hints.join('\n')).toContain(`Sign error at [${b1Index(p.n)}]`);
    expect(r.evaluations).toBeLessThan(0.01 * 2 * p.n);
  });

  it('localises B6 on the P4-small tree to b1 and says the whole block is zero', () => {
    const p = mlpTree('small');
    const blocks = mlp('small').blocks;
    const zero = (t: typeof p.theta0) => ({ ...p.grad(t), b1: new Float64Array(blocks.b1[1] - blocks.b1[0]) });
    const r = checkGradient(p.f, zero, { at: p.theta0, mode: 'fast' });
    expect(r.pass).toBe(false);
    expect(r.mismatches.length).toBeGreaterThan(0);
    expect(r.mismatches.every((m) => m.path.startsWith('b1['))).toBe(true);
    expect(r.hints.join('\n')).toContain('Zeroed: the analytic values of b1 are exactly 0, the numerical ones are not.');
    expect(stripVTControlCharacters(r.message)).toMatch(
      /found 10 wrong coordinates \(stopped at the limit of 10; there are more\) in \d+ evaluations of f/,
    );
  });

  it('names a kink (P5) instead of failing it, unless kinks: "fail"', () => {
    const p = kink();
    const r = checkGradient(p.f, p.grad, { at: p.theta0, mode: 'fast' });
    expect(r.pass).toBe(true);
    expect(r.kinks.map((k) => [k.path, k.matchesOneSide])).toEqual([['[2]', true]]);
    expect(r.hints.join('\n')).toContain('Kink at [2]');
    const strict = checkGradient(p.f, p.grad, { at: p.theta0, mode: 'fast', kinks: 'fail' });
    expect(strict.pass).toBe(false);
    expect(strict.mismatches.map((m) => m.path)).toEqual(['[2]']);
  });

  it('works in float32 (P7): no false alarm, B1 caught and localised', () => {
    const p = mlpFloat32();
    const ok = checkGradient(p.f, p.grad, { at: p.theta0, mode: 'fast' });
    expect(ok.pass, ok.message).toBe(true);
    const r = checkGradient(p.f, withBug(p.grad, flipSign), { at: p.theta0, mode: 'fast' });
    expect(r.mismatches.map((m) => m.path)).toEqual([`[${b1Index(p.n)}]`]);
  });

  it('names a whole-gradient factor from the directions alone (B2 on P4-small)', () => {
    const p = mlp('small');
    const r = checkGradient(p.f, (t: Float64Array) => p.grad(t).map((v) => 2 * v), { at: p.theta0, mode: 'fast' });
    expect(r.pass).toBe(false);
    expect(r.diagnoses.map((d) => [d.kind, d.paths])).toEqual([['factor', ['θ']]]);
    expect(r.hints.join('\n')).toContain('Uniform factor in θ: the analytic values are 2 × the numerical ones.');
    const b1 = checkGradient(p.f, withBug(p.grad, flipSign), { at: p.theta0, mode: 'fast' });
    expect(b1.hints.join('\n')).not.toContain('Uniform factor');
  });

  it('replays from the seed and works with .not', () => {
    const q = quadratic(300);
    const bad = (t: Float64Array) => {
      const g = q.grad(t);
      g[5] *= -1;
      return g;
    };
    const a = checkGradient(q.f, bad, { at: q.theta, mode: 'fast', seed: 9 });
    const b = checkGradient(q.f, bad, { at: q.theta, mode: 'fast', seed: 9 });
    expect(a.message).toBe(b.message);
    expect(q.f).not.toHaveGradient(bad, { at: q.theta, mode: 'fast' });
    expect(q.f).toHaveGradient(q.grad, { at: q.theta, mode: 'fast', directions: 2 });
  });
});

describe('sample: k', () => {
  it('checks exactly k random coordinates (2k calls) and catches bugs among them', () => {
    const q = quadratic(50);
    const ok = checkGradient(q.f, q.grad, { at: q.theta, sample: 7, seed: 4 });
    expect(ok.pass).toBe(true);
    expect(ok.evaluations).toBe(14);
    expect(ok.checked).toBe(7);
    const sampled = [...ok.numeric.keys()].filter((i) => !Number.isNaN(ok.numeric[i]));
    expect(sampled).toHaveLength(7);
    // Every entry wrong: exactly the sampled ones are reported.
    const allWrong = (t: Float64Array) => q.grad(t).map((v) => v + 1);
    const r = checkGradient(q.f, allWrong, { at: q.theta, sample: 7, seed: 4 });
    expect(r.mismatches.map((m) => m.index).sort((x, y) => x - y)).toEqual(sampled);
    // A different seed picks different coordinates.
    const other = checkGradient(q.f, q.grad, { at: q.theta, sample: 7, seed: 5 });
    expect([...other.numeric.keys()].filter((i) => !Number.isNaN(other.numeric[i]))).not.toEqual(sampled);
  });
});
