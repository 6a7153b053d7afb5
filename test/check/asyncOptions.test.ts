/**
 * Async checks take every option the synchronous ones take (API.md, "One measurement for every
 * check" and "Time"): tensor types as θ (ml-matrix, ndarray, math.js), `progress`, and
 * `timeLimit` and the running test's timeout, which stop an async check with the projection
 * and the ways out — after which f is not called again.
 */
import { checkGradient, checkGradientAsync, checkJacobian, checkJacobianAsync } from 'gradcheck';
import { Matrix } from 'ml-matrix';
import * as layer from '../numeric/tensorLayer.js';
import { describe, expect, it } from 'vitest';

/** The report as data: everything but durations and the lazy message. */
function data(report: { durationMs: number; message: string }): unknown {
  const { durationMs: _d, message: _m, ...rest } = report;
  return rest;
}

const later = <A extends unknown[], R>(fn: (...args: A) => R) => {
  return async (...args: A): Promise<R> => {
    await new Promise((resolve) => setTimeout(resolve, 0));
    return fn(...args);
  };
};

describe('async checks on tensor types', () => {
  // loss = Σᵢ tanh((W x + b)ᵢ)² + Σ c², x fixed (test/numeric/tensorLayer.ts)
  const { theta, loss, grad } = layer;

  for (const concurrency of [1, 8]) {
    it(`passes with the correct gradient in exactly 2n calls, as the sync check (concurrency ${concurrency})`, async () => {
      const report = await checkGradientAsync(later(loss), grad(false), { at: theta(), concurrency });
      expect(report.pass).toBe(true);
      expect(report.evaluations).toBe(2 * 10);
      expect(data(report)).toEqual(data(checkGradient(loss, grad(false), { at: theta() })));
    });

    it(`names the wrong entry by path (concurrency ${concurrency}), an async grad too`, async () => {
      const report = await checkGradientAsync(later(loss), later(grad(true)), { at: theta(), concurrency });
      expect(report.pass).toBe(false);
      expect(report.mismatches.map((m) => m.path)).toEqual(['W[1][2]']);
      expect(data(report)).toEqual(data(checkGradient(loss, grad(true), { at: theta() })));
    });
  }

  it('a Jacobian at an ml-matrix θ', async () => {
    const f = (m: Matrix) => [m.get(0, 0) * m.get(0, 1), Math.sin(m.get(0, 1))];
    const jac = (m: Matrix) => [
      [m.get(0, 1), m.get(0, 0)],
      [0, Math.cos(m.get(0, 1))],
    ];
    const at = new Matrix([[0.3, -0.8]]);
    const report = await checkJacobianAsync(later(f), jac, { at, concurrency: 4 });
    expect(report.pass).toBe(true);
    expect(data(report)).toEqual(data(checkJacobian(f, jac, { at })));
  });
});

describe('progress in an async check', () => {
  it('tells the callback the calls made, the last word the final count', async () => {
    const seen: number[] = [];
    const at = Array.from({ length: 20 }, (_, i) => i / 10);
    const f = (t: number[]) => t.reduce((s, v) => s + v * v, 0);
    const report = await checkGradientAsync(later(f), (t: number[]) => t.map((v) => 2 * v), {
      at,
      concurrency: 4,
      progress: (p) => seen.push(p.done),
    });
    expect(report.pass).toBe(true);
    expect(seen.length).toBeGreaterThan(0);
    expect(seen[seen.length - 1]).toBe(report.evaluations);
  });
});

/** An async f that waits `ms` per call and counts its calls, with the time of the last call started. */
function slow(ms: number, n: number) {
  const state = { calls: 0, lastStart: 0 };
  const f = async (t: number[]) => {
    state.calls++;
    state.lastStart = Date.now();
    await new Promise((resolve) => setTimeout(resolve, ms));
    return t.reduce((s, v) => s + v * v, 0);
  };
  const at = Array.from({ length: n }, (_, i) => 0.1 * (i + 1));
  const grad = (t: number[]) => t.map((v) => 2 * v);
  return { f, at, grad, state };
}

describe('time: an async check stops, and f is not called after the stop', () => {
  it('timeLimit stops a check whose first calls already use it up', async () => {
    const s = slow(60, 50);
    const started = Date.now();
    const error = await checkGradientAsync(s.f, s.grad, { at: s.at, timeLimit: 200 }).catch((e: Error) => e);
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toMatch(/^checkGradientAsync: this full check of 50 entries will take about/);
    expect((error as Error).message).toContain('options.timeLimit leaves');
    expect(Date.now() - started).toBeLessThan(1000);
    const calls = s.state.calls;
    expect(calls).toBeLessThan(10);
    await new Promise((resolve) => setTimeout(resolve, 250));
    expect(s.state.calls).toBe(calls);
  });

  it('timeLimit stops a check of many calls in flight: none starts after the stop', async () => {
    const s = slow(20, 200);
    const error = await checkGradientAsync(s.f, s.grad, { at: s.at, timeLimit: 300, concurrency: 8 }).catch((e: Error) => e);
    expect((error as Error).message).toMatch(/^checkGradientAsync: this full check of 200 entries/);
    const calls = s.state.calls;
    expect(calls).toBeLessThan(400);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(s.state.calls).toBe(calls);
  });

  // The test's own timeout (1.5 s) is the budget: the check stops inside it, with the test's wording.
  it("the running test's timeout stops the check before the test times out", async () => {
    const s = slow(30, 100);
    const error = await checkGradientAsync(s.f, s.grad, { at: s.at }).catch((e: Error) => e);
    expect((error as Error).message).toMatch(/^checkGradientAsync: this full check of 100 entries will take about/);
    expect((error as Error).message).toContain('but the test has');
    const calls = s.state.calls;
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(s.state.calls).toBe(calls);
  }, 1500);
});
