import { describe, expect, it } from 'vitest';
import { checkConvergence } from 'gradcheck';
import {
  flipSign,
  injectBug,
  largescale,
  logreg,
  mlp,
  ngnnFlat,
  noRegularisation,
  nudgeMiddle,
  rosenbrock,
  scaleByTwo,
  theta2RowMajor,
  zeroB1,
} from '../problems/index.js';

/** The problems differ in θ's type; the check takes any of them. */
type AnyProblem = { f(theta: never): number; grad(theta: never): unknown; theta0: unknown };
const run = (p: AnyProblem, options: Record<string, unknown> = {}) =>
  checkConvergence(p.f as (t: number[]) => number, p.grad as (t: number[]) => number[], { at: p.theta0 as number[], ...options });

const mlpSmall = mlp('small');
const problems = {
  'P1 (n = 10)': rosenbrock(10),
  'P1 (n = 1000)': rosenbrock(1000),
  P2: logreg(),
  P3: ngnnFlat(),
  'P4-small': mlpSmall,
  P6: largescale(),
} as const;

describe('checkConvergence (the Taylor test)', () => {
  it.each(Object.entries(problems))('%s: a correct gradient shows order 2 along every direction', (_, p) => {
    const report = run(p);
    expect(report.pass).toBe(true);
    expect(report.orders).toHaveLength(3);
    for (const order of report.orders) expect(Math.abs(order - 2)).toBeLessThan(0.1);
    expect(report.evaluations).toBeLessThanOrEqual(1 + 3 * 16);
    expect(report.hints).toEqual([]);
  });

  // Each bug on a problem it applies to; B5 (one entry × (1 + 1e-3)) on the small problems, where
  // its directional error stands above round-off (on P1 n = 1000 it does not: see the README).
  const bugs = [
    ['B1 on P1 (n = 10)', injectBug(rosenbrock(10), flipSign)],
    ['B1 on P4-small', injectBug(mlpSmall, flipSign)],
    ['B2 on P3', injectBug(ngnnFlat(), scaleByTwo)],
    ['B2 on P6', injectBug(largescale(), scaleByTwo)],
    ['B3 on P2', { ...logreg(), grad: noRegularisation.logreg }],
    ['B3 on P3', { ...ngnnFlat(), grad: noRegularisation.ngnnFlat }],
    ['B4 on P3', injectBug(ngnnFlat(), theta2RowMajor)],
    ['B5 on P2', injectBug(logreg(), nudgeMiddle)],
    ['B5 on P3', injectBug(ngnnFlat(), nudgeMiddle)],
    ['B5 on P6', injectBug(largescale(), nudgeMiddle)],
    ['B6 on P4-small', injectBug(mlpSmall, zeroB1(mlpSmall.blocks))],
  ] as const;

  it.each(bugs)('%s: order ≈ 1, the check fails and names the O(h) term', (_, p) => {
    const report = run(p);
    expect(report.pass).toBe(false);
    expect(Math.abs(report.order - 1)).toBeLessThan(0.1);
    expect(report.hints[0]).toMatch(/^Along direction \d the residual falls like h\^1(\.\d+)?: an O\(h\) term remains/);
    expect(report.message).toContain('The gradient fails the Taylor test');
  });

  it('replays the same directions from the same seed, and others from another seed', () => {
    const p = rosenbrock(10);
    const bad = (t: ArrayLike<number>) => nudgeMiddle(p.grad(t));
    const a = checkConvergence(p.f, bad, { at: p.theta0, seed: 3 });
    const b = checkConvergence(p.f, bad, { at: p.theta0, seed: 3 });
    const c = checkConvergence(p.f, bad, { at: p.theta0, seed: 4, directions: 5 });
    expect(a.orders).toEqual(b.orders);
    expect(c.orders).toHaveLength(5);
    expect(c.orders).not.toEqual(a.orders.slice(0, 3));
  });

  it('a bounded parameter at its bound is never evaluated outside: the direction turns inward', () => {
    const seen: number[] = [];
    const f = (p: { mu: number; sigma: number }) => {
      seen.push(p.sigma);
      if (p.sigma < 0) throw new RangeError('sigma < 0');
      return p.sigma ** 3 + Math.exp(p.mu) * (1 + p.sigma);
    };
    const grad = (p: { mu: number; sigma: number }) => ({
      mu: Math.exp(p.mu) * (1 + p.sigma),
      sigma: 3 * p.sigma ** 2 + Math.exp(p.mu),
    });
    for (let seed = 0; seed < 10; seed++) {
      const report = checkConvergence(f, grad, { at: { mu: 0.2, sigma: 0 }, bounds: { sigma: [0, Infinity] }, seed });
      expect(report.pass).toBe(true);
    }
    expect(Math.min(...seen)).toBe(0);
    const wrong = checkConvergence(f, (p) => ({ ...grad(p), sigma: 0 }), {
      at: { mu: 0.2, sigma: 0 },
      bounds: { sigma: [0, Infinity] },
    });
    expect(wrong.pass).toBe(false);
    expect(Math.min(...seen)).toBe(0);
  });

  it('an f linear along every direction with the right gradient: residual at round-off, order ∞, pass', () => {
    const report = checkConvergence((t: number[]) => 3 * t[0] - 2 * t[1], [3, -2], { at: [0.4, 0.1] });
    expect(report.pass).toBe(true);
    expect(report.order).toBe(Number.POSITIVE_INFINITY);
  });

  it('works on float32 code (P7-like rounding): the linear term uses the displacement actually stored', () => {
    const fr = Math.fround;
    const f = (t: Float32Array) => fr(fr(fr(t[0] * t[0]) * t[1]) + fr(Math.sin(t[1])));
    const grad = (t: Float32Array) => Float32Array.of(fr(2 * fr(t[0] * t[1])), fr(fr(t[0] * t[0]) + fr(Math.cos(t[1]))));
    const ok = checkConvergence(f, grad, { at: Float32Array.of(0.7, -0.4) });
    expect(ok.pass).toBe(true);
    const wrong = checkConvergence(f, (t: Float32Array) => Float32Array.of(grad(t)[0], -grad(t)[1]), {
      at: Float32Array.of(0.7, -0.4),
    });
    expect(wrong.pass).toBe(false);
  });

  it('rejects bad input with a GradcheckError naming the option', () => {
    const f = (t: number[]) => t[0];
    expect(() => checkConvergence(f, [1], { at: [1], directions: 0 })).toThrow(
      /^checkConvergence: options\.directions must be a finite number > 0/,
    );
    expect(() => checkConvergence(f, [1], { at: [1], rtol: 1e-3 } as never)).toThrow(/^checkConvergence: unknown option "rtol"/);
    expect(() => checkConvergence(f, [1, 2], { at: [1] })).toThrow(/^checkConvergence: /);
    expect(() => checkConvergence(f, [1], undefined as never)).toThrow(/^checkConvergence: options must be an object/);
  });
});
