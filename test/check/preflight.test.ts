import { describe, expect, it } from 'vitest';
import { GradcheckError, checkGradient, checkJacobian } from 'gradcheck';
import { runningVitestTest } from '../../src/runtime/vitestTest.js';

/** f costs about `ms` of busy CPU per call (synchronous, as a real model's forward pass). */
const slowSum = (ms: number) => (t: number[]) => {
  const until = performance.now() + ms;
  while (performance.now() < until);
  return t.reduce((s, v) => s + v * v, 0);
};
const grad = (t: number[]) => t.map((v) => 2 * v);
const at = (n: number) => Array.from({ length: n }, (_, i) => Math.cos(i));

/** Runs `run`, returns the GradcheckError it throws and how long it took to throw. */
function stopped(run: () => unknown): { error: GradcheckError; ms: number } {
  const start = performance.now();
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(GradcheckError);
    return { error: error as GradcheckError, ms: performance.now() - start };
  }
  throw new Error('the check was not stopped');
}

describe('the timeout pre-flight', () => {
  it('reads the running Vitest test: its timeout and start', () => {
    const clock = runningVitestTest();
    expect(clock?.timeoutMs).toBe(4321);
    expect(Date.now() - (clock?.startedAt ?? 0)).toBeLessThan(4321);
    expect(clock?.name).toBe('reads the running Vitest test: its timeout and start');
  }, 4321);

  it('stops a check that will not fit in the test timeout, at once, with the projection and the ways out', () => {
    // 2 × 3 000 evaluations at ≥ 1 ms: ≥ 6 s, in a test with a 1.5 s timeout.
    const { error, ms } = stopped(() => checkGradient(slowSum(1), grad, { at: at(3000) }));
    expect(ms).toBeLessThan(1000);
    const m = error.message;
    expect(m).toMatch(
      /^checkGradient: this full check of 3 000 entries will take about \d+(\.\d)? s \(6 000 evaluations of f at [\d.]+ ms each\), but the test has [\d.]+ (s|ms) left\. Use /,
    );
    expect(m).toMatch(/mode: 'fast' \(20 evaluations, about [\d.]+ ms\)/);
    expect(m).toMatch(/sample: [\d ]+ \(that many random coordinates, about/);
    expect(m).toMatch(/shard: \{ index, count: \d+ \} \(\d+ tests of about .+ each, joined by mergeReports\)/);
    expect(m).toMatch(/or a larger timeout \(test\(…, \{ timeout: \d+_000 \}\), or testTimeout in the config\)\.$/);
  }, 1500);

  it('stops at options.timeLimit (Jest, plain use)', () => {
    const { error } = stopped(() => checkGradient(slowSum(1), grad, { at: at(1500), timeLimit: 400 }));
    expect(error.message).toMatch(/but options\.timeLimit leaves [\d.]+ ms left\./);
    expect(error.message).toMatch(/or a larger timeLimit \(timeLimit: \d+_000\)\.$/);
  });

  it('words the other checks with their own size and only the larger limit', () => {
    const f = (t: number[]) => {
      slowSum(1)(t);
      return t.map((v) => v * v);
    };
    const jac = (t: number[]) => t.map((_, i) => t.map((v, j) => (i === j ? 2 * v : 0)));
    const { error } = stopped(() => checkJacobian(f, jac, { at: at(1500), timeLimit: 300 }));
    expect(error.message).toMatch(
      /^checkJacobian: this Jacobian check of 1 500 columns will take about .* Use a larger timeLimit/,
    );
    expect(error.message).not.toContain("mode: 'fast'");
  });

  it('never stops a check that fits', () => {
    // 2 × 200 evaluations at 0.25 ms ≈ 0.1 s against 3 s.
    expect(checkGradient(slowSum(0.25), grad, { at: at(200), timeLimit: 3000 }).pass).toBe(true);
    expect(checkGradient(slowSum(0.25), grad, { at: at(200) }).pass).toBe(true);
  }, 3000);

  it('stops a shard that will not fit with the shard named', () => {
    const { error } = stopped(() =>
      checkGradient(slowSum(1), grad, { at: at(3000), shard: { index: 1, count: 2 }, timeLimit: 300 }),
    );
    expect(error.message).toMatch(/^checkGradient: this shard 1 of 2 of a full check \(1 500 entries\) will take about/);
  });
});
