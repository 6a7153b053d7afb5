/**
 * Every check honours its method (API.md, "One measurement for every check"), under every
 * driver: a grid precision × method × check × driver. Each f counts its own calls (an
 * independent counter: in-process a wrapper, in worker threads an announcement per call on a
 * BroadcastChannel), which must equal the method's cost and `report.evaluations`; the reports of
 * the synchronous check, of the async one at concurrency 1 and 8, and of the async one on a
 * `workerFunction` of 2 threads must be the same data (durations aside).
 */
import {
  type GradientReport,
  checkGradient,
  checkGradientAsync,
  checkHessian,
  checkHessianAsync,
  checkJacobian,
  checkJacobianAsync,
  checkJvp,
  checkJvpAsync,
  checkVjp,
  checkVjpAsync,
  extrapolated,
  fdm,
} from 'gradcheck';
import { afterAll, describe, expect, it } from 'vitest';
import { type WorkerFunction, workerFunction } from '../../src/workers/index.js';
import { announcedCalls, sleep } from '../workers/announcedCalls.js';
import {
  CALLS_CHANNEL,
  elementwise,
  elementwiseJac,
  grad,
  hess,
  jac,
  jvp,
  layer,
  loss,
  quadratic,
  quadraticHess,
  separable,
  separableGrad,
  separableHess,
  type Vec,
  vjp,
  wrong,
} from './fixtures/methodGrid.mjs';

type Method = Parameters<typeof checkGradient>[2]['method'];

/**
 * The methods of the grid: the calls one line costs (moved points per level × levels), whether
 * f(θ) is shared, and what re-checking one wrong entry adds: f(θ) twice (determinism; once when
 * the pass had it), then the re-check's ladder h, h/2, h/4 reusing the first stencil (none for a
 * method that runs its own ladder).
 */
const METHODS: { name: string; method: Method; perLine: number; center: boolean; recheck: number; hessian3: number }[] = [
  // Hessian of 3 entries: f(θ), 2 diagonal points (±h) per entry, 4 product points per pair.
  { name: 'central', method: 'central', perLine: 2, center: false, recheck: 2 + 4, hessian3: 1 + 3 * 2 + 3 * 4 },
  // f(θ), 2 diagonal points (h/2, h) per entry, 1 product point (h, h) per pair: (h, 0) is a diagonal point.
  { name: 'forward', method: 'forward', perLine: 1, center: true, recheck: 1 + 2, hessian3: 1 + 3 * 2 + 3 * 1 },
  { name: 'backward', method: 'backward', perLine: 1, center: true, recheck: 1 + 2, hessian3: 1 + 3 * 2 + 3 * 1 },
  // Central's points at 4 steps, none shared between steps.
  { name: 'richardson', method: 'richardson', perLine: 8, center: false, recheck: 0, hessian3: 1 + 4 * (3 * 2 + 3 * 4) },
  // A four-point stencil's re-check takes its own three steps (4 points each); its diagonal has 8 moved points.
  {
    name: 'fdm([-2, -1, 1, 2])',
    method: fdm([-2, -1, 1, 2]),
    perLine: 4,
    center: false,
    recheck: 2 + 12,
    hessian3: 1 + 3 * 8 + 3 * 16,
  },
  // 3 steps h, h/2, h/4: the diagonal's points h, h/2, h/4, h/8 (shared between steps), 1 product point per step and pair.
  {
    name: 'extrapolated(forward, 3 steps)',
    method: extrapolated(fdm([0, 1], { name: 'forward' }), { ratio: 2, levels: 3 }),
    perLine: 3,
    center: true,
    recheck: 0,
    hessian3: 1 + 3 * 4 + 3 * 3,
  },
];

/** The calls of a first pass over `lines` lines. */
const cost = (m: (typeof METHODS)[number], lines: number) => m.perLine * lines + (m.center ? 1 : 0);

const fixtures = new URL('./fixtures/methodGrid.mjs', import.meta.url);
/** One pool of 2 threads per checked function of the fixture, made when first needed. */
const pools = new Map<string, WorkerFunction<never>>();
afterAll(() => Promise.all([...pools.values()].map((pool) => pool.close())));

/** Calls announced by the worker threads since the last reset. */
const announced = announcedCalls(CALLS_CHANNEL);
afterAll(() => announced.close());

/**
 * The calls the worker threads announced for one check. A thread announces a call before f
 * returns, so every announcement is on its way once the check has ended: wait for `expected` of
 * them, then a little longer, so that a call too many is counted too.
 */
async function workerCalls(expected: number): Promise<number> {
  const deadline = performance.now() + 5000;
  while (announced.calls < expected && performance.now() < deadline) await sleep(5);
  await sleep(40);
  return announced.calls;
}

/** A function of the fixture that counts its own calls: in-process, its async twin, and in a worker pool. */
function counted<A extends unknown[], R>(fn: (...args: A) => R) {
  let calls = 0;
  const sync = (...args: A) => {
    calls++;
    return fn(...args);
  };
  const later = async (...args: A) => {
    calls++;
    await new Promise((resolve) => setTimeout(resolve, calls % 3));
    return fn(...args);
  };
  const reset = () => {
    calls = 0;
  };
  const inWorkers = () => {
    if (!pools.has(fn.name)) pools.set(fn.name, workerFunction(fixtures, fn.name, { threads: 2 }));
    return pools.get(fn.name);
  };
  return { sync, later, inWorkers, calls: () => calls, reset };
}

/** The report as data: everything but durations and the lazy message. */
function data(report: GradientReport): unknown {
  const { durationMs: _d, message: _m, ...rest } = report;
  return rest;
}

/** What the grid needs of a counted function. */
interface Counted {
  readonly sync: unknown;
  readonly later: unknown;
  inWorkers(): unknown;
  calls(): number;
  reset(): void;
}

/** Runs one check under the four drivers; each run must make `expected` calls of f, and the reports agree. */
async function grid(
  expected: number,
  f: Counted,
  // The function under test as each check types it: the grid hands it over untyped.
  run: (fn: any, concurrency?: number) => GradientReport | Promise<GradientReport>,
): Promise<GradientReport> {
  f.reset();
  const sync = await run(f.sync as never);
  expect(f.calls()).toBe(expected);
  expect(sync.evaluations).toBe(expected);
  for (const concurrency of [1, 8]) {
    f.reset();
    const report = await run(f.later as never, concurrency);
    expect(f.calls()).toBe(expected);
    expect(data(report)).toEqual(data(sync));
  }
  announced.reset();
  const pooled = await run(f.inWorkers(), 2);
  expect(await workerCalls(expected)).toBe(expected);
  expect(data(pooled)).toEqual(data(sync));
  return sync;
}

/** The grid's precisions: θ as a number[] (float64) and as a Float32Array (the checks run at float32). */
const PRECISIONS = [
  { name: 'float64', vec: (xs: number[]): Vec => xs },
  { name: 'float32', vec: (xs: number[]): Vec => Float32Array.from(xs) },
];

const n = 12;
const probes = 2;

describe.each(PRECISIONS)('$name θ', ({ vec }) => {
  const at = vec(Array.from({ length: n }, (_, i) => 0.3 + 0.1 * i));
  const small = vec([0.4, -0.7, 1.1]);
  const wide = vec([0.3, -0.5, 0.8, 1.2, -1.1]);

  describe.each(METHODS)('method $name', (m) => {
    const { method } = m;

    it('full gradient check: one line per entry, reported as the method that ran', async () => {
      const f = counted(loss);
      const report = await grid(cost(m, n), f, (fn, c) =>
        c ? checkGradientAsync(fn, grad, { at, method, concurrency: c }) : checkGradient(fn as never, grad, { at, method }),
      );
      expect(report.pass).toBe(true);
      expect(report.settings.method).toBe(typeof method === 'string' ? method : method?.name);
      expect(report.details.reference.length).toBeGreaterThan(0);
    });

    it('fast mode: one line per direction', async () => {
      const f = counted(loss);
      const options = { at, method, mode: 'fast' as const, directions: 3 };
      const report = await grid(cost(m, 3), f, (fn, c) =>
        c ? checkGradientAsync(fn, grad, { ...options, concurrency: c }) : checkGradient(fn as never, grad, options),
      );
      expect(report.pass).toBe(true);
      expect(report.check).toBe('fast');
    });

    it('Jacobian: one line per input', async () => {
      const f = counted(layer);
      const report = await grid(cost(m, 3), f, (fn, c) =>
        c
          ? checkJacobianAsync(fn, jac, { at: small, method, concurrency: c })
          : checkJacobian(fn as never, jac, { at: small, method }),
      );
      expect(report.pass).toBe(true);
    });

    it('VJP: f(θ), then one line per input (f(θ) shared)', async () => {
      const f = counted(layer);
      const expected = m.perLine * 3 + 1;
      const report = await grid(expected, f, (fn, c) =>
        c ? checkVjpAsync(fn, vjp, { at: small, method, concurrency: c }) : checkVjp(fn as never, vjp, { at: small, method }),
      );
      expect(report.pass).toBe(true);
    });

    it('JVP: one line per tangent', async () => {
      const f = counted(layer);
      const report = await grid(cost(m, 2), f, (fn, c) =>
        c
          ? checkJvpAsync(fn, jvp, { at: small, method, tangents: 2, concurrency: c })
          : checkJvp(fn as never, jvp, { at: small, method, tangents: 2 }),
      );
      expect(report.pass).toBe(true);
    });

    it('Hessian by the columns of options.gradient: one line per entry', async () => {
      const g = counted(grad);
      const report = await grid(cost(m, n), g, (fn, c) =>
        c
          ? checkHessianAsync(loss, hess, { at, method, gradient: fn as never, concurrency: c })
          : checkHessian(loss, hess, { at, method, gradient: fn as never }),
      );
      expect(report.pass).toBe(true);
    });

    it('Hessian by second differences: the product of the stencil with itself, shared points once', async () => {
      const f = counted(quadratic);
      const report = await grid(m.hessian3, f, (fn, c) =>
        c
          ? checkHessianAsync(fn, quadraticHess, { at: small, method, concurrency: c })
          : checkHessian(fn as never, quadraticHess, { at: small, method }),
      );
      expect(report.pass).toBe(true);
    });

    it('re-checks: a wrong entry is caught and re-checked by the method', async () => {
      const f = counted(loss);
      const report = await grid(cost(m, n) + m.recheck, f, (fn, c) =>
        c ? checkGradientAsync(fn, wrong, { at, method, concurrency: c }) : checkGradient(fn as never, wrong, { at, method }),
      );
      expect(report.pass).toBe(false);
      expect(report.mismatches.map((x) => x.path)).toEqual(['[5]']);
    });

    it('sparse Jacobian: one line per colour and per probe', async () => {
      const f = counted(elementwise);
      const options = { at: wide, method, sparsity: 'auto' as const, directions: probes };
      const report = await grid(cost(m, 1 + probes), f, (fn, c) =>
        c
          ? checkJacobianAsync(fn, elementwiseJac, { ...options, concurrency: c })
          : checkJacobian(fn as never, elementwiseJac, options),
      );
      expect(report.pass).toBe(true);
      expect(report.details.reference).toContain(' of f along each colour of columns');
    });

    it('sparse Hessian by the columns of options.gradient: one line per colour and per probe', async () => {
      const g = counted(separableGrad);
      const options = { at: wide, method, sparsity: 'auto' as const, directions: probes };
      const report = await grid(cost(m, 1 + probes), g, (fn, c) =>
        c
          ? checkHessianAsync(separable, separableHess, { ...options, gradient: fn as never, concurrency: c })
          : checkHessian(separable, separableHess, { ...options, gradient: fn as never }),
      );
      expect(report.pass).toBe(true);
      expect(report.details.reference).toContain(' of options.gradient along each colour of columns');
    });

    it('sparse Hessian by second differences: the pattern by the product stencil, 2 calls per second-order probe', async () => {
      const f = counted(quadratic);
      // The quadratic's pattern: 2 of the 3 diagonal entries and 2 of the 3 pairs, as the dense count's 2/3; a
      // one-sided stencil's product point θ + h·e₁ (shared by both pairs, once per step) is no diagonal point
      // here, H[1][1] being outside the pattern.
      const expected = 1 + (2 * (m.hessian3 - 1)) / 3 + (m.center ? m.perLine : 0) + 2 * probes;
      const options = { at: small, method, sparsity: 'auto' as const, directions: probes };
      const report = await grid(expected, f, (fn, c) =>
        c
          ? checkHessianAsync(fn, quadraticHess, { ...options, concurrency: c })
          : checkHessian(fn as never, quadraticHess, options),
      );
      expect(report.pass).toBe(true);
    });
  });
});
