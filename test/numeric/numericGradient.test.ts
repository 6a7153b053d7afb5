import { describe, expect, it } from 'vitest';
import { numericGradient } from 'gradcheck';

/** f wrapped so the test can count calls and see a snapshot of every θ it was given. */
function counted<P>(f: (theta: P) => number) {
  const seen: P[] = [];
  const wrapped = (theta: P) => {
    seen.push(structuredClone(theta));
    return f(theta);
  };
  return Object.assign(wrapped, { seen });
}

const cases: [string, (x: number) => number, (x: number) => number, number][] = [
  ['x³ − 2x', (x) => x ** 3 - 2 * x, (x) => 3 * x * x - 2, 0.7],
  ['exp', Math.exp, Math.exp, -0.4],
  ['log', Math.log, (x) => 1 / x, 2.5],
  ['sin', Math.sin, Math.cos, 1.1],
  ['tanh', Math.tanh, (x) => 1 - Math.tanh(x) ** 2, 0.3],
  ['1/(1+x²)', (x) => 1 / (1 + x * x), (x) => (-2 * x) / (1 + x * x) ** 2, 0.9],
];

describe('numericGradient', () => {
  it.each(cases)('central differences of %s match the exact derivative to ~h²', (_, f, df, x) => {
    const n = numericGradient(f, x);
    expect(Math.abs(n - df(x))).toBeLessThan(1e-7 * Math.max(1, Math.abs(df(x))));
  });

  it('uses the seed formula: exactly 2n calls at θ ± step·max(1, |θᵢ|)', () => {
    const f = counted((t: number[]) => t[0] * t[0] + 3 * t[1]);
    const g = numericGradient(f, [2, -0.5]);
    expect(f.seen.length).toBe(4);
    expect(f.seen.map((t) => [...t])).toEqual([
      [2 + 2e-4, -0.5],
      [2 - 2e-4, -0.5],
      [2, -0.5 + 1e-4],
      [2, -0.5 - 1e-4],
    ]);
    expect(g[0]).toBeCloseTo(4, 9);
    expect(g[1]).toBeCloseTo(3, 9);
  });

  it('takes n + 1 calls for forward and backward differences, at the step their order balances', () => {
    // One-sided differences step where ½f''h balances 2ε|f|/h: √(4ε) ≈ 3e-8, not central's 1e-4.
    const h0 = Math.sqrt(4 * Number.EPSILON);
    for (const method of ['forward', 'backward'] as const) {
      const f = counted((t: number[]) => t.reduce((s, v) => s + v * v, 0));
      const g = numericGradient(f, [1, 2, 3], { method });
      expect(f.seen.length).toBe(4);
      const sign = method === 'forward' ? 1 : -1;
      expect(f.seen[1][0]).toBeCloseTo(1 + sign * h0, 15);
      g.forEach((v, i) => expect(v).toBeCloseTo(2 * (i + 1), 6));
    }
  });

  it('honours a custom step', () => {
    const f = counted((t: number[]) => t[0] ** 3);
    numericGradient(f, [0.5], { step: 1e-3 });
    expect(f.seen[0][0]).toBe(0.5 + 1e-3);
  });

  it('is accurate to ~1e-10 with Richardson extrapolation', () => {
    const g = numericGradient((t: number[]) => Math.exp(t[0]) * Math.sin(t[1]), [0.3, 1.2], { method: 'richardson' });
    expect(Math.abs(g[0] - Math.exp(0.3) * Math.sin(1.2))).toBeLessThan(1e-10);
    expect(Math.abs(g[1] - Math.exp(0.3) * Math.cos(1.2))).toBeLessThan(1e-10);
  });

  it("returns a tree shaped like θ and hands f θ in the caller's structure", () => {
    const theta = {
      W: [
        [1, 2],
        [3, 4],
      ],
      b: new Float64Array([0.5]),
    };
    const f = counted((p: typeof theta) => p.W[0][1] * p.W[1][0] + p.b[0] ** 2);
    const g = numericGradient(f, theta);
    expect(f.seen.every((p) => Array.isArray(p.W[0]) && p.b instanceof Float64Array)).toBe(true);
    expect(g.W[0][0]).toBe(0);
    expect(g.W[0][1]).toBeCloseTo(3, 8);
    expect(g.W[1][0]).toBeCloseTo(2, 8);
    expect(g.b).toBeInstanceOf(Float64Array);
    expect(g.b[0]).toBeCloseTo(1, 8);
  });

  it("never mutates the caller's θ (deep-frozen input)", () => {
    const theta = Object.freeze({ W: Object.freeze([Object.freeze([1, 2])]), b: Object.freeze([3]) });
    expect(() => numericGradient((p) => p.W[0][0] * p.b[0], theta)).not.toThrow();
    expect(theta).toEqual({ W: [[1, 2]], b: [3] });
  });

  it('divides by the step actually taken when θ is stored in float32', () => {
    const theta = new Float32Array([0.1, 3.3]);
    const g = numericGradient((t: Float32Array) => Math.fround(t[0] * t[1]), theta);
    expect(g).toBeInstanceOf(Float32Array);
    expect(Math.abs(g[0] - 3.3)).toBeLessThan(1e-4);
    expect(Math.abs(g[1] - 0.1)).toBeLessThan(1e-4);
  });

  it('works for a bare number θ', () => {
    expect(numericGradient((x: number) => x * x, 3)).toBeCloseTo(6, 8);
  });

  it('names the coordinate and direction when f returns NaN', () => {
    expect(() => numericGradient((t: number[]) => (t[1] < 1 ? Number.NaN : t[0]), [1, 1])).toThrow(
      'numericGradient: f returned NaN with [1] moved by −0.0001',
    );
  });
});
