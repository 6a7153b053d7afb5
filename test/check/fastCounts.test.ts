import { describe, expect, it } from 'vitest';
import { checkGradient } from 'gradcheck';
import { flipSign, mlp, withBug, zeroB1 } from '../problems/index.js';

/**
 * f wrapped in our own counter: the number of times gradcheck really called it, whatever the
 * report says. The report's `evaluations` must equal it.
 */
function counted<T>(f: (theta: T) => number) {
  let calls = 0;
  return {
    f: (theta: T) => {
      calls++;
      return f(theta);
    },
    calls: () => calls,
  };
}

/** A quadratic with a known gradient on n parameters (cheap, so every case runs in npm test). */
function quadratic(n: number) {
  const c = Float64Array.from({ length: n }, (_, i) => Math.sin(0.37 * (i + 1)));
  return {
    f: (t: Float64Array) => t.reduce((s, v, i) => s + c[i] * v + 0.5 * v * v, 0),
    grad: (t: Float64Array) => t.map((v, i) => c[i] + v),
    theta: Float64Array.from({ length: n }, (_, i) => 0.1 * Math.cos(i)),
  };
}

describe("fast mode's evaluation count matches an independent counter", () => {
  const q = quadratic(400);
  const signFlip = (t: Float64Array) => {
    const g = q.grad(t);
    g[17] *= -1;
    return g;
  };
  const cases = [
    ['correct gradient', q.grad, true],
    ['one entry with the wrong sign (localised by group testing)', signFlip, false],
    ['every entry off by 1', (t: Float64Array) => q.grad(t).map((v) => v + 1), false],
  ] as const;

  it.each(cases)('%s, for 1, 3 and 10 directions and two seeds', (_, grad, pass) => {
    for (const directions of [1, 3, 10])
      for (const seed of [0, 5]) {
        const counter = counted(q.f);
        const report = checkGradient(counter.f, grad, { at: q.theta, mode: 'fast', directions, seed });
        expect(report.pass).toBe(pass);
        expect(counter.calls()).toBeGreaterThan(0);
        expect(report.evaluations).toBe(counter.calls());
        // A correct gradient costs 2 calls per direction and nothing more: the claim that fast
        // mode's cost does not grow with n.
        if (pass) expect(counter.calls()).toBe(2 * directions);
      }
  });

  it('on P4-small (9 610 parameters) with bugs B1 and B6, localisation included', () => {
    const p = mlp('small');
    for (const grad of [p.grad, withBug(p.grad, flipSign), withBug(p.grad, zeroB1(p.blocks))]) {
      const counter = counted(p.f);
      const report = checkGradient(counter.f, grad, { at: p.theta0, mode: 'fast', seed: 1 });
      expect(report.evaluations).toBe(counter.calls());
      expect(counter.calls()).toBeLessThan(p.n); // far below the 2n of a full check
    }
  });

  it('sample: k costs what the report says, right or wrong', () => {
    for (const grad of [q.grad, signFlip]) {
      const counter = counted(q.f);
      const report = checkGradient(counter.f, grad, { at: q.theta, sample: 25, seed: 2 });
      expect(report.evaluations).toBe(counter.calls());
      expect(counter.calls()).toBeGreaterThanOrEqual(50);
    }
  });
});
