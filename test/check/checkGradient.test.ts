import { stripVTControlCharacters } from 'node:util';
import { describe, expect, it } from 'vitest';
import { checkGradient, checkDerivative } from 'gradcheck';

/** Softmax cross-entropy of logits z against class `label`, and its gradient softmax(z) − onehot. */
const label = 2;
function softmaxCE(z: number[]): number {
  const m = Math.max(...z);
  const lse = m + Math.log(z.reduce((s, v) => s + Math.exp(v - m), 0));
  return lse - z[label];
}
function softmaxCEGrad(z: number[]): number[] {
  const m = Math.max(...z);
  const e = z.map((v) => Math.exp(v - m));
  const s = e.reduce((a, b) => a + b, 0);
  return e.map((v, i) => v / s - (i === label ? 1 : 0));
}

const smooth: [string, (t: number[]) => number, (t: number[]) => number[], number[]][] = [
  ['a cubic polynomial', ([x, y]) => x ** 3 - 2 * x * y + y ** 2, ([x, y]) => [3 * x * x - 2 * y, -2 * x + 2 * y], [0.7, -1.3]],
  [
    'exp, log and trig',
    ([x, y]) => Math.exp(x) * Math.log(y) + Math.sin(x * y),
    ([x, y]) => [Math.exp(x) * Math.log(y) + y * Math.cos(x * y), Math.exp(x) / y + x * Math.cos(x * y)],
    [0.4, 1.7],
  ],
  ['softmax cross-entropy', softmaxCE, softmaxCEGrad, [0.5, -1.2, 0.3, 2.2, -0.7]],
];

describe('checkGradient on known derivatives', () => {
  it.each(smooth)('passes the correct gradient of %s with exactly 2n evaluations', (_, f, g, at) => {
    const report = checkGradient(f, g, { at });
    expect(report.pass).toBe(true);
    expect(report.evaluations).toBe(2 * at.length);
    expect(report.mismatches).toEqual([]);
    expect(report.hints).toEqual([]);
    expect(report.relativeDifference).toBeLessThan(1e-8);
  });

  it('passes a zero gradient whose first-pass error (3.3e-9) exceeds atol, after one Richardson re-check', () => {
    const report = checkGradient(
      ([x]: number[]) => x ** 3 / 3,
      ([x]) => [x * x],
      { at: [0] },
    );
    expect(report.pass).toBe(true);
    // 2 for the first pass, 2 at θ (determinism probe), 4 for the re-check at h/2 and h/4
    expect(report.evaluations).toBe(8);
    expect(Math.abs(report.numeric[0])).toBeLessThan(1e-20);
  });

  it('accepts the gradient as a value as well as a function', () => {
    const f = ([x, y]: number[]) => x * y;
    expect(checkGradient(f, [3, 2], { at: [2, 3] }).pass).toBe(true);
    expect(checkGradient(f, [2, 3], { at: [2, 3] }).pass).toBe(false);
  });

  it('catches one entry off by a relative 1e-3 at the default tolerances', () => {
    const at = [0.5, -1.2, 0.3, 2.2, -0.7];
    const report = checkGradient(softmaxCE, (z) => softmaxCEGrad(z).map((v, i) => (i === 3 ? v * (1 + 1e-3) : v)), { at });
    expect(report.pass).toBe(false);
    expect(report.mismatches.map((m) => m.path)).toEqual(['[3]']);
    expect(report.mismatches[0].relError).toBeCloseTo(1e-3, 4);
  });

  it('reports the worst entries first with analytic, numeric and errors', () => {
    const f = ([x, y, z]: number[]) => x * x + y * y + z * z;
    const report = checkGradient(f, ([x, y, z]) => [2 * x, -2 * y, 2.2 * z], { at: [1, 2, 3] });
    expect(report.mismatches.map((m) => m.path)).toEqual(['[1]', '[2]']);
    const [first, second] = report.mismatches;
    expect(first).toMatchObject({ path: '[1]', index: 1, analytic: -4 });
    expect(first.numeric).toBeCloseTo(4, 8);
    expect(first.absError).toBeCloseTo(8, 8);
    expect(first.relError).toBeCloseTo(2, 8);
    expect(second.relError).toBeCloseTo(0.6 / 6.6, 8);
    expect(report.maxAbsError).toBeCloseTo(8, 8);
    expect(report.maxRelError).toBeCloseTo(2, 8);
  });

  it("computes the seed's relative difference ‖a − n‖ / ‖a + n‖", () => {
    const f = ([x, y]: number[]) => x * x + y * y;
    const report = checkGradient(f, [3, 4], { at: [1, 1] });
    // a = (3, 4), n = (2, 2): ‖(1, 2)‖ / ‖(5, 6)‖
    expect(report.relativeDifference).toBeCloseTo(Math.sqrt(5) / Math.sqrt(61), 8);
  });

  it('applies maxRelativeDifference as a global criterion', () => {
    const f = ([x, y]: number[]) => x * x + 1e3 * y * y;
    const grad = ([x, y]: number[]) => [2 * x * (1 + 5e-6), 2e3 * y];
    expect(checkGradient(f, grad, { at: [1, 1] }).pass).toBe(true);
    const strict = checkGradient(f, grad, { at: [1, 1], maxRelativeDifference: 1e-9 });
    expect(strict.pass).toBe(false);
    expect(strict.message).toContain('is NOT under maxRelativeDifference 1e-9');
  });

  it('re-checks the heaviest entries when truncation error alone breaks maxRelativeDifference', () => {
    const f = ([p, q]: number[]) => p ** 3 + p * q + Math.exp(q);
    const grad = ([p, q]: number[]) => [3 * p * p + q, p + Math.exp(q)];
    // At ε = 1e-4 the first pass shows ‖a − n‖/‖a + n‖ ≈ 5e-9 on this correct gradient.
    const report = checkGradient(f, grad, { at: [0.4, -0.6], maxRelativeDifference: 1e-9 });
    expect(report.pass).toBe(true);
    expect(report.relativeDifference).toBeLessThan(1e-11);
    expect(report.evaluations).toBe(4 + 2 + 2 * 4);
    const slightlyOff = checkGradient(f, ([p, q]: number[]) => [(3 * p * p + q) * (1 + 3e-6), p + Math.exp(q)], {
      at: [0.4, -0.6],
      maxRelativeDifference: 1e-9,
    });
    expect(slightlyOff.pass).toBe(false);
    expect(slightlyOff.message).toContain('agrees entry by entry, but not as closely as maxRelativeDifference demands');
  });

  it('checks derivatives of functions of one number', () => {
    expect(checkDerivative(Math.sin, Math.cos, { at: 0.3 }).pass).toBe(true);
    expect(checkDerivative(Math.sin, Math.cos(0.3), { at: 0.3 }).pass).toBe(true);
    const wrong = checkDerivative(Math.sin, (x) => -Math.cos(x), { at: 0.3 });
    expect(wrong.pass).toBe(false);
    expect(wrong.mismatches[0].path).toBe('θ');
  });

  it('checks only `sample` coordinates, chosen by the seed', () => {
    const f = (t: number[]) => t.reduce((s, v) => s + v * v, 0);
    const at = Array.from({ length: 50 }, (_, i) => i / 50);
    const report = checkGradient(f, (t) => t.map((v) => 2 * v), { at, sample: 5, seed: 7 });
    expect(report.checked).toBe(5);
    expect(report.evaluations).toBe(10);
    const again = checkGradient(f, (t) => t.map((v) => 2 * v), { at, sample: 5, seed: 7 });
    expect([...again.numeric].map(Number.isNaN)).toEqual([...report.numeric].map(Number.isNaN));
  });
});

describe('evaluation counts', () => {
  const f = (t: number[]) => t.reduce((s, v) => s + Math.sin(v), 0);
  const g = (t: number[]) => t.map(Math.cos);
  const at = [0.1, 0.2, 0.3, 0.4];

  it('central: 2n; forward and backward: n + 1', () => {
    expect(checkGradient(f, g, { at }).evaluations).toBe(8);
    expect(checkGradient(f, g, { at, method: 'forward', rtol: 1e-3 }).evaluations).toBe(5);
    expect(checkGradient(f, g, { at, method: 'backward', rtol: 1e-3 }).evaluations).toBe(5);
  });

  it('counts what f was actually called, including re-checks of suspects', () => {
    let calls = 0;
    const counted = (t: number[]) => {
      calls++;
      return f(t);
    };
    const report = checkGradient(counted, (t) => g(t).map((v, i) => (i === 1 ? -v : v)), { at });
    expect(report.evaluations).toBe(calls);
    // 2n first pass + 2 calls at θ (determinism) + 4 per re-checked suspect
    expect(report.evaluations).toBe(8 + 2 + 4);
  });
});

describe('inputs are never mutated', () => {
  it('checks deep-frozen θ, and hands f and grad private copies', () => {
    const theta = Object.freeze({
      W: Object.freeze([Object.freeze([0.5, -0.3]), Object.freeze([0.2, 0.9])]),
      b: Object.freeze([0.1, 0.4]),
    });
    type T = { W: number[][]; b: number[] };
    const f = (p: T) => p.W[0][0] * p.b[0] + p.W[1][1] ** 2 + Math.exp(p.b[1]) + p.W[0][1] * p.W[1][0];
    const grad = (p: T) => ({
      W: [
        [p.b[0], p.W[1][0]],
        [p.W[0][1], 2 * p.W[1][1]],
      ],
      b: [p.W[0][0], Math.exp(p.b[1])],
    });
    const report = checkGradient(f, grad, { at: theta as unknown as T });
    expect(report.pass).toBe(true);
    expect(theta).toEqual({
      W: [
        [0.5, -0.3],
        [0.2, 0.9],
      ],
      b: [0.1, 0.4],
    });
  });
});

describe('the report message', () => {
  it('summarises, tabulates the worst entries and maps a wrong matrix', () => {
    const theta = {
      W: [
        [1, 2, 3],
        [4, 5, 6],
      ],
      b: [0.1, 0.2],
    };
    const f = (p: typeof theta) => p.W.flat().reduce((s, v) => s + v ** 3, 0) + p.b[0] * p.b[1];
    const grad = (p: typeof theta) => ({
      W: p.W.map((r, i) => r.map((v, j) => (i === 1 && j === 2 ? 2 : 3) * v * v)),
      b: [p.b[1], p.b[0]],
    });
    const text = stripVTControlCharacters(checkGradient(f, grad, { at: theta }).message);
    expect(text).toContain('1 of 8 entries disagree · max abs error 36 · max rel error 0.333');
    expect(text).toMatch(/\d+ evaluations of f/);
    expect(text).toContain('path     analytic  numeric  abs error  rel error');
    expect(text).toMatch(/W\[1\]\[2\] +72 +108 +36 +0\.333/);
    expect(text).toContain('Where W (2×3) disagrees (× wrong, · right):\n  · · ·\n  · · ×');
  });

  it('shows at most 10 rows and says how many more', () => {
    const at = Array.from({ length: 25 }, (_, i) => i + 1);
    const report = checkGradient(
      (t: number[]) => t.reduce((s, v) => s + v * v, 0),
      (t) => t.map((v) => 3 * v),
      { at },
    );
    const text = report.message;
    expect(report.mismatches).toHaveLength(25);
    expect(text).toContain('…and 15 more');
  });
});
