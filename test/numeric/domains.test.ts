import { describe, expect, it } from 'vitest';
import { GradcheckError, checkGradient, numericGradient } from 'gradcheck';

/** A Gaussian negative log-likelihood in (mu, sigma): log σ + (x − μ)² / 2σ², which throws for σ ≤ 0. */
function nll(samples: readonly number[]) {
  const visited: number[] = [];
  const f = (p: { mu: number; sigma: number }) => {
    visited.push(p.sigma);
    if (!(p.sigma > 0)) throw new RangeError(`sigma must be > 0, got ${p.sigma}`);
    let sum = 0;
    for (const x of samples) sum += Math.log(p.sigma) + (x - p.mu) ** 2 / (2 * p.sigma ** 2);
    return sum;
  };
  const grad = (p: { mu: number; sigma: number }) => {
    let mu = 0;
    let sigma = 0;
    for (const x of samples) {
      mu -= (x - p.mu) / p.sigma ** 2;
      sigma += 1 / p.sigma - (x - p.mu) ** 2 / p.sigma ** 3;
    }
    return { mu, sigma };
  };
  return { f, grad, visited };
}

const SAMPLES = [0.3, -0.1, 0.25, 0.05];

describe('bounds', () => {
  it('near a lower bound the stencil turns forward: f is never evaluated outside, and the report says so', () => {
    const { f, grad, visited } = nll(SAMPLES);
    // σ = 5e-5 lies within one step (1e-4) of 0: a central difference would evaluate f at σ < 0.
    const report = checkGradient(f, grad, { at: { mu: 0.1, sigma: 5e-5 }, bounds: { sigma: [0, Infinity] } });
    expect(report.pass).toBe(true);
    expect(Math.min(...visited)).toBeGreaterThanOrEqual(5e-5);
    expect(report.oneSided).toEqual([{ path: 'sigma', index: 1, side: 'forward', bound: 0 }]);
    expect(report.message).toContain('One-sided differences: 1 entry sits within a step of its bound');
    expect(report.message).toContain('sigma (forward, bound 0)');
  });

  it('without bounds the same check evaluates f across the bound (and f throws)', () => {
    const { f, grad } = nll(SAMPLES);
    expect(() => checkGradient(f, grad, { at: { mu: 0.1, sigma: 5e-5 } })).toThrow(/sigma must be > 0/);
  });

  it('a parameter exactly at its bound is differentiated from the inside only, with every Richardson level inside', () => {
    const seen: number[] = [];
    // A model that is smooth from the right at 0 but refuses negative input (like a variance).
    const f = (t: number[]) => {
      seen.push(t[0]);
      if (t[0] < 0) throw new RangeError('outside');
      return Math.exp(t[0]) * t[1] + t[0] * t[0];
    };
    const grad = (t: number[]) => [Math.exp(t[0]) * t[1] + 2 * t[0], Math.exp(t[0])];
    for (const method of ['central', 'richardson', 'forward', 'backward'] as const) {
      seen.length = 0;
      const report = checkGradient(f, grad, { at: [0, 2], bounds: [0, Infinity], method });
      expect(Math.min(...seen)).toBe(0);
      expect(report.pass).toBe(true);
      // Forward differences need no change at a lower bound; the others turn forward there.
      expect(report.oneSided?.map((e) => e.path)).toEqual(method === 'forward' ? undefined : ['[0]']);
    }
  });

  it('at an upper bound the stencil turns backward, and a real bug there is still caught', () => {
    const f = (t: number[]) => {
      if (t[0] > 1) throw new RangeError('outside');
      return Math.asin(t[0] * 0.9);
    };
    const exact = (t: number[]) => [0.9 / Math.sqrt(1 - 0.81 * t[0] * t[0])];
    const at = [1];
    const ok = checkGradient(f, exact, { at, bounds: [-1, 1] });
    expect(ok.pass).toBe(true);
    expect(ok.oneSided).toEqual([{ path: '[0]', index: 0, side: 'backward', bound: 1 }]);
    const wrong = checkGradient(f, (t: number[]) => [exact(t)[0] * (1 + 1e-3)], { at, bounds: [-1, 1] });
    expect(wrong.pass).toBe(false);
    expect(wrong.mismatches[0].path).toBe('[0]');
  });

  it('costs 2 calls per central coordinate, 1 per one-sided coordinate, and f(θ) once', () => {
    let calls = 0;
    const f = (t: number[]) => {
      calls++;
      return t[0] * t[0] + Math.exp(t[1]) + Math.exp(2 * t[2]);
    };
    const g = numericGradient(f, [0.5, 2e-5, 3e-5], { bounds: { '[1]': [0, 10], '[2]': [0, 10] } });
    expect(calls).toBe(2 + 1 + 1 + 1);
    expect(g[0]).toBeCloseTo(1, 8);
    // Forward differences: O(h) truncation, about h·f''/2 with h = 1e-4.
    expect(Math.abs(g[1] - Math.exp(2e-5))).toBeLessThan(1e-4);
    expect(Math.abs(g[2] - 2 * Math.exp(6e-5))).toBeLessThan(4e-4);
  });

  it('keys bounds by leaf name, path prefix or single entry; the longest key wins', () => {
    const seen: number[][] = [];
    const f = (p: { layer: { w: number[]; s: number[] } }) => {
      seen.push([...p.layer.w, ...p.layer.s]);
      return p.layer.w.reduce((a, b) => a + b * b, 0) + p.layer.s.reduce((a, b) => a + Math.sqrt(b), 0);
    };
    const grad = (p: { layer: { w: number[]; s: number[] } }) => ({
      layer: { w: p.layer.w.map((x) => 2 * x), s: p.layer.s.map((x) => 0.5 / Math.sqrt(x)) },
    });
    const at = { layer: { w: [0, 1], s: [1e-5, 2] } };
    const report = checkGradient(f, grad, { at, bounds: { layer: [-5, 5], 'layer.s': [0, 5], 'layer.w[0]': [0, 1] } });
    expect(report.oneSided?.map((e) => [e.path, e.side])).toEqual([
      ['layer.w[0]', 'forward'],
      ['layer.s[0]', 'forward'],
    ]);
    for (const v of seen) {
      expect(v[0]).toBeGreaterThanOrEqual(0);
      expect(v[2]).toBeGreaterThanOrEqual(0);
    }
  });

  it('in float32 the stored neighbours stay inside the bounds too', () => {
    const seen: number[] = [];
    const f = (t: Float32Array) => {
      seen.push(t[0]);
      if (t[0] < 0.25) throw new RangeError('outside');
      return Math.fround(Math.fround(t[0] - 0.25) ** 2);
    };
    const report = checkGradient(f, (t: Float32Array) => Float32Array.of(2 * (t[0] - 0.25)), {
      at: Float32Array.of(0.25),
      bounds: [0.25, 1],
    });
    expect(Math.min(...seen)).toBe(0.25);
    expect(report.oneSided?.[0].side).toBe('forward');
  });

  it('in float32 the re-check near a bound goes down from h when 4h would cross the bound: accurate, judged, inside', () => {
    const fr = Math.fround;
    const seen: number[] = [];
    const f = (t: Float32Array) => {
      seen.push(t[0]);
      if (t[0] < 0) throw new RangeError('outside');
      return fr(fr(Math.sqrt(t[0])) + fr(t[1] * t[1]));
    };
    // 0.012 lies more than one step (4.9e-3) from 0 but less than four: central, yet 4h would cross.
    const at = Float32Array.of(0.012, 0.5);
    const wrong = (t: Float32Array) => Float32Array.of(fr(1 / fr(2 * fr(Math.sqrt(t[0])))) * 1.5, fr(2 * t[1]));
    const right = (t: Float32Array) => Float32Array.of(fr(1 / fr(2 * fr(Math.sqrt(t[0])))), fr(2 * t[1]));
    // √x is curved at 0.012: the first pass is 2 % off, so the entry is re-checked. Going down
    // from h (not up from 4h, clamped at the bound) keeps the estimate accurate and judged.
    const ok = checkGradient(f, right, { at, bounds: [0, Infinity] });
    expect(ok.pass).toBe(true);
    expect(ok.unresolved).toEqual([]);
    expect(Math.abs(ok.numeric[0] - 1 / (2 * Math.sqrt(0.012)))).toBeLessThan(0.01);
    const report = checkGradient(f, wrong, { at, bounds: [0, Infinity] });
    expect(report.pass).toBe(false);
    expect(report.mismatches.map((m) => m.path)).toEqual(['[0]']);
    expect(Math.min(...seen)).toBeGreaterThanOrEqual(0);
  });

  it('rejects bad bounds with a GradcheckError naming the option', () => {
    const f = (t: number[]) => t[0];
    const grad = () => [1];
    expect(() => checkGradient(f, grad, { at: [0.5], bounds: [1, 0] })).toThrow(
      /^checkGradient: options\.bounds must be an interval \[lo, hi\] with lo < hi/,
    );
    expect(() => checkGradient(f, grad, { at: [2], bounds: [0, 1] })).toThrow(
      /^checkGradient: \[0\] = 2 lies outside its bounds \[0, 1\]/,
    );
    expect(() => checkGradient(f, grad, { at: [0.5], bounds: { sigma: [0, 1] } })).toThrow(
      /^checkGradient: options\.bounds names "sigma", which is no parameter of θ/,
    );
    expect(() => checkGradient(f, grad, { at: [0.5], bounds: { '[0]': [0, Number.NaN] } as never })).toThrow(GradcheckError);
    expect(() => numericGradient(f, [0.5], { bounds: 3 as never })).toThrow(
      /^numericGradient: options\.bounds must be an interval/,
    );
    expect(() => checkGradient(f, grad, { at: [0.5], bounds: [0, 1], mode: 'fast' })).toThrow(
      /^checkGradient: options\.bounds is not supported with mode: 'fast'/,
    );
  });
});
