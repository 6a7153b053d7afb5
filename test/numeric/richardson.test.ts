import { describe, expect, it } from 'vitest';
import { checkGradient, numericGradient } from 'gradcheck';
import { rosenbrock, largescale, flipSign } from '../problems/index.js';

/** Functions with known derivatives, and points where both are tame. */
const CASES: readonly { name: string; f: (x: number) => number; df: (x: number) => number; at: readonly number[] }[] = [
  { name: 'exp', f: Math.exp, df: Math.exp, at: [-2, 0, 0.5, 1, 3] },
  { name: 'sin', f: Math.sin, df: Math.cos, at: [-1, 0, 0.3, 1, 2.5] },
  { name: 'log', f: Math.log, df: (x) => 1 / x, at: [0.1, 0.5, 1, 2, 10] },
  { name: 'x^(9/2)', f: (x) => x ** 4.5, df: (x) => 4.5 * x ** 3.5, at: [0.2, 0.5, 1, 2, 5] },
  { name: '1/(1+x²)', f: (x) => 1 / (1 + x * x), df: (x) => (-2 * x) / (1 + x * x) ** 2, at: [-2, -0.5, 0, 0.3, 1, 3] },
];

/** The accuracy the README promises for Richardson in float64: relative to max(1, |f'|). */
const RICHARDSON_ACCURACY = 1e-10;

const relErr = (value: number, exact: number) => Math.abs(value - exact) / Math.max(1, Math.abs(exact));

describe.each([false, true])("method: 'richardson' (adaptive: %s)", (adaptive) => {
  for (const { name, f, df, at } of CASES) {
    it.each(at)(`${name}'(%s): accurate to 1e-10, and the error estimate bounds the true error`, (x) => {
      const report = checkGradient(
        (t: number[]) => f(t[0]),
        (t: number[]) => [df(t[0])],
        { at: [x], method: 'richardson', adaptive },
      );
      const exact = df(x);
      const value = report.numeric[0];
      expect(relErr(value, exact)).toBeLessThan(RICHARDSON_ACCURACY);
      expect(Math.abs(value - exact)).toBeLessThanOrEqual(report.errorEstimates[0]);
      // An honest estimate, not a blanket: at most 1e-8 relative on these functions.
      expect(report.errorEstimates[0] / Math.max(1, Math.abs(exact))).toBeLessThan(1e-8);
      expect(report.pass).toBe(true);
    });
  }

  it('Rosenbrock n = 10: every entry within 1e-10, bounded by its error estimate', () => {
    const p = rosenbrock(10);
    const report = checkGradient(p.f, p.grad, { at: p.theta0, method: 'richardson', adaptive });
    const exact = p.grad(p.theta0);
    for (let i = 0; i < 10; i++) {
      expect(relErr(report.numeric[i], exact[i])).toBeLessThan(RICHARDSON_ACCURACY);
      expect(Math.abs(report.numeric[i] - exact[i])).toBeLessThanOrEqual(report.errorEstimates[i]);
    }
  });
});

describe("method: 'richardson' costs and verdicts", () => {
  it('takes 4 central steps h, h/2, h/4, h/8: exactly 8 calls per coordinate', () => {
    let calls = 0;
    const f = (t: number[]) => {
      calls++;
      return Math.exp(t[0]) + Math.sin(t[1]);
    };
    const g = numericGradient(f, [0.5, 0.3], { method: 'richardson' });
    expect(calls).toBe(16);
    expect(relErr(g[0], Math.exp(0.5))).toBeLessThan(1e-12);
    expect(relErr(g[1], Math.cos(0.3))).toBeLessThan(1e-12);
  });

  it('adaptive: at most 20 calls per coordinate, and the estimate of a wide-scale function is at least as good', () => {
    let calls = 0;
    const f = (t: number[]) => {
      calls++;
      return Math.log(t[0]);
    };
    const g = numericGradient(f, [0.1], { method: 'richardson', adaptive: true });
    expect(calls).toBeLessThanOrEqual(20);
    expect(relErr(g[0], 10)).toBeLessThan(1e-12);
  });

  it('catches a sign flip on Rosenbrock and reports the error estimate of the flipped entry', () => {
    const p = rosenbrock(10);
    const report = checkGradient(p.f, (t) => flipSign(p.grad(t)), { at: p.theta0, method: 'richardson' });
    expect(report.pass).toBe(false);
    expect(report.mismatches.map((m) => m.path)).toEqual(['[3]']);
    expect(report.mismatches[0].errorEstimate).toBeLessThan(1e-8);
    expect(report.message).toContain('Richardson-extrapolated central differences');
  });

  it('P6 (θ ≈ 1e6): Richardson with the scaled step agrees to 1e-10 relative', () => {
    const p = largescale();
    const report = checkGradient(p.f, p.grad, { at: p.theta0, method: 'richardson' });
    const exact = p.grad(p.theta0);
    for (let i = 0; i < p.n; i++) expect(Math.abs(report.numeric[i] - exact[i]) / exact[i]).toBeLessThan(1e-10);
  });

  it('rejects a non-boolean adaptive option, naming it', () => {
    expect(() =>
      numericGradient((t: number[]) => t[0], [1], { method: 'richardson', adaptive: 'yes' as unknown as boolean }),
    ).toThrow(/^numericGradient: options\.adaptive must be true or false/);
    expect(() => checkGradient((t: number[]) => t[0], [1], { at: [1], adaptive: true })).toThrow(
      /^checkGradient: options\.adaptive chooses the step of method: 'richardson'/,
    );
  });
});
