import { stripVTControlCharacters } from 'node:util';
import { checkGradient } from 'gradcheck';
import { describe, expect, it } from 'vitest';
import { type FullCheck, fastGradientCheck } from '../../src/check/fast.js';
import { fullCheckCost, fullCheckIsNoDearer } from '../../src/check/fast/fullCheck.js';
import { gradientPlan } from '../../src/check/gradient.js';
import { runSync } from '../../src/numeric/measure/syncDriver.js';
import type { Diagnosis, GradientReport } from '../../src/check/report.js';
import { resolveSettings } from '../../src/check/settings/resolve.js';
import { withMessage } from '../../src/format/withMessage.js';
import { kink, mlp, mlpTree } from '../problems/index.js';

/** f(θ) = Σ cᵢθᵢ + ½ Σ θᵢ², gradient c + θ, with f wrapped in a counter of its real calls. */
function quadratic(n: number) {
  const c = Float64Array.from({ length: n }, (_, i) => Math.sin(0.37 * (i + 1)));
  let calls = 0;
  const f = (t: Float64Array) => {
    calls++;
    return t.reduce((s, v, i) => s + c[i] * v + 0.5 * v * v, 0);
  };
  return {
    f,
    grad: (t: Float64Array) => t.map((v, i) => c[i] + v),
    at: Float64Array.from({ length: n }, (_, i) => 0.1 * Math.cos(i)),
    calls: () => calls,
  };
}

const text = (r: GradientReport) => stripVTControlCharacters(r.message);

/** The message of a diagnosis up to its first figure: what one wording shares across checks. */
const prefix = (d: Diagnosis) => d.message.slice(0, d.message.search(/\d/));

describe('fast mode honours maxRelativeDifference along its directions', () => {
  const q = quadratic(300);
  // Every directional derivative off by a relative 1e-7: far inside rtol 1e-5 direction by
  // direction, so only the global criterion ‖a − n‖/‖a + n‖ ≈ 5e-8 over the directions can fail it.
  const scaled = (t: Float64Array) => q.grad(t).map((v) => v * (1 + 1e-7));

  it('fails when ‖a − n‖/‖a + n‖ over the directional derivatives is not under it, and says so', () => {
    const r = checkGradient(q.f, scaled, { at: q.at, mode: 'fast', maxRelativeDifference: 1e-8 });
    expect(r.pass).toBe(false);
    expect(r.mismatches).toEqual([]);
    expect(r.details.disagreeing).toBe(0);
    expect(r.relativeDifference).toBeGreaterThan(1e-8);
    expect(r.relativeDifference).toBeLessThan(1e-7);
    expect(r.evaluations).toBe(20); // no direction disagrees: no probe, no localisation
    expect(text(r)).toContain(
      `Relative difference ‖a − n‖/‖a + n‖ = ${r.relativeDifference.toExponential(2)} is NOT under maxRelativeDifference 1e-8.`,
    );
    expect(text(r)).toContain(
      'maxRelativeDifference in fast mode: a = ⟨g, d⟩ and n = its finite difference, over the 10 directions.',
    );
  });

  it('passes when that figure is under it, and a correct gradient passes a tight one', () => {
    const loose = checkGradient(q.f, scaled, { at: q.at, mode: 'fast', maxRelativeDifference: 1e-6 });
    expect(loose.pass).toBe(true);
    expect(text(loose)).toContain('is under maxRelativeDifference 1e-6.');
    expect(checkGradient(q.f, q.grad, { at: q.at, mode: 'fast', maxRelativeDifference: 1e-9 }).pass).toBe(true);
    // The figure is over the directions, not the entries (checked = k).
    expect(loose.checked).toBe(10);
  });

  it('a correct ReLU at its kink (P5) passes a tight one: the kink weighs in no summary figure', () => {
    const p = kink();
    // 2 directions (4 calls) cost less than P5's full check (12): fast mode runs its directions.
    const r = checkGradient(p.f, p.grad, { at: p.theta0, mode: 'fast', directions: 2, maxRelativeDifference: 1e-9 });
    expect(r.pass).toBe(true);
    expect(r.kinks.map((k) => k.path)).toEqual(['[2]']);
    expect(r.relativeDifference).toBeLessThan(1e-9);
    expect(text(r)).toContain("(less the kinks' share in the 2 they explain), over the 2 directions.");
  });
});

describe('fast mode on a θ small enough for the full check', () => {
  /** Fast mode as checkGradient runs it, handed the full check on the settings it is given. */
  function fastOrFull(q: ReturnType<typeof quadratic>, options: Record<string, unknown>): GradientReport {
    const settings = resolveSettings({ at: q.at, mode: 'fast', ...options }, 'gradient', 'checkGradient');
    const full: FullCheck = (s) => gradientPlan(q.f, q.grad, { at: q.at, ...options, mode: s.mode }, 'checkGradient').measurement;
    return withMessage(runSync(fastGradientCheck(q.f as (t: unknown) => unknown, q.grad, settings, full), settings.layout));
  }

  it('runs the full check when 2n ≤ 2k, costs 2n calls on a correct gradient and says so', () => {
    const q = quadratic(4);
    const r = fastOrFull(q, {});
    expect(r.pass).toBe(true);
    expect(r.check).toBe('gradient'); // what ran…
    expect(r.settings.mode).toBe('full'); // …and how: every entry compared, as the pictures and message say
    expect(r.checked).toBe(4);
    expect(r.evaluations).toBe(8);
    expect(q.calls()).toBe(8);
    expect(r.details.notes[0]).toBe(
      'Fast mode: θ has 4 entries, so the full check (8 evaluations) costs no more than 10 directions (20); ran the full check.',
    );
    expect(text(r)).toMatch(/^The analytic gradient matches the numeric one: all 4 entries agree\./);
    expect(text(r)).toContain('ran the full check.');
  });

  it('draws the line at 2n = 2k: n = k runs the full check, n = k + 1 the directions', () => {
    const atLimit = quadratic(5);
    expect(fastOrFull(atLimit, { directions: 5 }).check).toBe('gradient');
    expect(atLimit.calls()).toBe(10);
    const above = quadratic(6);
    const r = fastOrFull(above, { directions: 5 });
    expect(r.check).toBe('fast');
    expect(r.settings.mode).toBe('fast');
    expect(above.calls()).toBe(10);
  });

  it("compares the full check's real cost for its method: forward n + 1, Richardson up to 8n", () => {
    const settings = (options: Record<string, unknown>) =>
      resolveSettings({ at: [1, 2, 3], mode: 'fast', ...options }, 'gradient', 'checkGradient');
    expect(fullCheckCost(settings({}))).toEqual({ evaluations: 6, atMost: false });
    expect(fullCheckCost(settings({ method: 'forward' }))).toEqual({ evaluations: 4, atMost: false });
    expect(fullCheckCost(settings({ method: 'richardson' }))).toEqual({ evaluations: 24, atMost: true });
    expect(fullCheckIsNoDearer(settings({ method: 'richardson' }))).toBe(false); // 24 > 20
    expect(fullCheckIsNoDearer(settings({ method: 'richardson', directions: 12 }))).toBe(true);
  });
});

describe("a fast report's message", () => {
  const q = quadratic(300);

  it('reads as a pass, says the directions agree and prints the step as 1.02e-6', () => {
    const r = checkGradient(q.f, q.grad, { at: q.at, mode: 'fast' });
    const lines = text(r).split('\n');
    expect(lines[0]).toBe('The analytic gradient matches the numeric one: all 10 directions agree.');
    // t = 1e-4/√300 = 5.77e-6, in formatError's three digits, not 0.0000057735.
    expect(lines).toContain('Fast mode: 10 random Rademacher directions (seed 0), step 5.77e-6 along each; all 10 agree.');
    expect(text(r)).not.toMatch(/0\.00000/);
  });

  it('words a failing direction with values and error sizes', () => {
    const bad = (t: Float64Array) => q.grad(t).map((v, i) => (i === 17 ? -v : v));
    const r = checkGradient(q.f, bad, { at: q.at, mode: 'fast' });
    expect(r.pass).toBe(false);
    expect(text(r)).toMatch(/ {2}direction 0: ⟨g, d⟩ = -?\d\S*, finite difference -?\d\S* \(± \d\.\d\de-\d+\)/);
  });
});

describe('the guards fire in fast mode with the wording of the full check', () => {
  const q = quadratic(300);

  /** The same f and grad through the full check and fast mode. */
  function both(f: (t: Float64Array) => number, grad: (t: Float64Array) => Float64Array) {
    return {
      full: checkGradient(f, grad, { at: q.at }),
      fast: checkGradient(f, grad, { at: q.at, mode: 'fast' }),
    };
  }

  it('a non-deterministic f', () => {
    const { full, fast } = both((t) => q.f(t) + 1e-6 * Math.random(), q.grad);
    expect(fast.pass).toBe(false);
    expect(fast.diagnoses.map((d) => d.kind)).toEqual(['nondeterministic']);
    expect(full.diagnoses.map((d) => d.kind)).toEqual(['nondeterministic']);
    expect(prefix(fast.diagnoses[0])).toBe('f is not deterministic: f(θ) returned ');
    expect(prefix(fast.diagnoses[0])).toBe(prefix(full.diagnoses[0]));
    expect(fast.hints[0]).toBe(fast.diagnoses[0].message);
    // No localisation of noise: no entries named.
    expect(fast.mismatches).toEqual([]);
  });

  it('an f that writes into θ', () => {
    const writes = (t: Float64Array) => {
      t[3] = 7;
      return q.f(t);
    };
    const { full, fast } = both(writes, q.grad);
    expect(fast.pass).toBe(false);
    expect(fast.diagnoses.map((d) => d.kind)).toEqual(['mutates-input']);
    expect(full.diagnoses.map((d) => d.kind)).toEqual(['mutates-input']);
    expect(fast.diagnoses[0].message).toBe(full.diagnoses[0].message); // same path, values and words
    expect(prefix(fast.diagnoses[0])).toBe('f mutates θ: f changed [');
  });

  it('an f that writes into θ after computing its value: caught on its first call, at no extra cost', () => {
    const q2 = quadratic(300);
    const r = checkGradient(
      (t: Float64Array) => {
        const v = q2.f(t);
        t[3] = 7;
        return v;
      },
      q2.grad,
      { at: q2.at, mode: 'fast' },
    );
    expect(r.pass).toBe(false);
    expect(r.diagnoses.map((d) => d.kind)).toEqual(['mutates-input']);
    expect(r.evaluations).toBe(20);
    expect(q2.calls()).toBe(20);
  });

  it('a grad that writes into θ', () => {
    const writes = (t: Float64Array) => {
      const g = q.grad(t);
      t[5] = 0;
      return g;
    };
    const { full, fast } = both(q.f, writes);
    expect(fast.pass).toBe(false);
    expect(fast.diagnoses.map((d) => d.kind)).toEqual(['mutates-input']);
    expect(fast.diagnoses[0].message).toBe(full.diagnoses[0].message);
    expect(prefix(fast.diagnoses[0])).toBe('grad mutates θ: grad changed [');
  });

  it('a float32 f checked in float64, without localising its rounding', () => {
    const { full, fast } = both((t) => Math.fround(q.f(t)), q.grad);
    expect(fast.pass).toBe(false);
    expect(fast.diagnoses.map((d) => d.kind)).toContain('float32-in-float64');
    expect(full.diagnoses.map((d) => d.kind)).toContain('float32-in-float64');
    const words = (d: Diagnosis[]) => d.find((x) => x.kind === 'float32-in-float64')?.message.split(' at step ')[0];
    expect(words([...fast.diagnoses])).toBe(words([...full.diagnoses]));
    expect(fast.mismatches).toEqual([]);
    expect(fast.kinks).toEqual([]);
  });
});

describe("fast mode's own diagnoses, structured", () => {
  it('B2 (a factor 2 everywhere) from the directions; B6 (b1 zeroed) from the localised entries', () => {
    const p = mlp('small');
    const twice = checkGradient(p.f, (t: Float64Array) => p.grad(t).map((v) => 2 * v), { at: p.theta0, mode: 'fast' });
    expect(twice.diagnoses.map((d) => [d.kind, d.paths])).toEqual([['factor', ['θ']]]);
    expect(twice.hints[0]).toBe(twice.diagnoses[0].message);

    const tree = mlpTree('small');
    const b1 = tree.theta0.b1.length;
    const zero = (t: typeof tree.theta0) => ({ ...tree.grad(t), b1: new Float64Array(b1) });
    const zeroed = checkGradient(tree.f, zero, { at: tree.theta0, mode: 'fast' });
    expect(zeroed.diagnoses.map((d) => [d.kind, d.paths])).toEqual([['zeroed', ['b1']]]);
  });
});
