import { availableParallelism } from 'node:os';
import { type BatchedFunction, type BatchSession, batched } from '../numeric/batched.js';
import { GradcheckError } from '../numeric/errors.js';
import { failureToError, type Target } from './_internals/failure.js';
import { toModuleUrl } from './_internals/moduleUrl.js';
import { startPool } from './_internals/pool.js';
import type { WorkerSetup } from './_internals/protocol.js';
import { openSession } from './_internals/session.js';

/** Options of {@link workerFunction}. */
export interface WorkerFunctionOptions {
  /**
   * Number of worker threads in the pool. The main thread keeps one core for the check itself.
   * @defaultValue `os.availableParallelism() - 1`, at least 1
   */
  threads?: number;
  /**
   * Register tsx's ESM loader (`tsx/esm/api`) in each worker before importing the module.
   * By default gradcheck does so only for a `.ts`/`.mts`/`.cts` module on a Node without type
   * stripping, and only when tsx is installed; `true` forces it (say, for a `.js` module that
   * imports `.ts` files), `false` never does it.
   * @defaultValue `undefined` (automatic)
   */
  tsx?: boolean;
}

/**
 * An async f whose evaluations run in a pool of worker threads. Called with a full θ it makes
 * one call in one thread; the checks instead open a batch session (`f[batched]`, see
 * `numeric/batched.ts`) that keeps θ in every thread and sends only the moved entries.
 */
export interface WorkerFunction<P = unknown, R = number> extends Target, BatchedFunction {
  /** Evaluates the exported function on a structured clone of θ in one of the threads. */
  (theta: P): Promise<R>;
  /** Ends the pool once the calls in flight have finished; later calls reject. Idempotent. */
  close(): Promise<void>;
  /** Number of threads in the pool. */
  readonly threads: number;
  readonly [batched]: { open(theta: unknown): Promise<BatchSession> };
}

/**
 * An async f for the async checks (`checkGradientAsync`, …) whose evaluations run in a pool of
 * `threads` worker threads (piscina), each of which imports `exportName` from `moduleUrl`. A
 * check sends θ once to every thread and then only the entries it moves, in one coarse batch
 * per thread, so a full check on k threads runs close to k times as fast as in-process when f
 * takes a millisecond or more. θ reaches the function in your structure (typed arrays, nested
 * arrays and objects as sent). An exception thrown by the function rejects with the worker's
 * stack; a module that does not load or lacks the export rejects with a `GradcheckError`, as
 * does a project without piscina (an optional peer). Call `close()` when done (in `afterAll`):
 * live threads keep the process running.
 *
 * @param moduleUrl - the module's `file:` URL (`new URL('./model.mjs', import.meta.url)`) or absolute path.
 * @param exportName - the exported function f(θ), returning a number or, for a vector f, a tree.
 * @example
 * import { checkGradientAsync } from 'gradcheck';
 * import { workerFunction } from 'gradcheck/workers';
 *
 * const loss = workerFunction<Params>(new URL('./model.mjs', import.meta.url), 'loss');
 * try {
 *   const report = await checkGradientAsync(loss, lossGrad, { at: theta0 });
 * } finally {
 *   await loss.close();
 * }
 */
export function workerFunction<P = unknown, R = number>(
  moduleUrl: string | URL,
  exportName: string,
  options: WorkerFunctionOptions = {},
): WorkerFunction<P, R> {
  const target: Target = { moduleUrl: toModuleUrl(moduleUrl), exportName: checkExportName(exportName) };
  const threads = checkThreads(options.threads);
  const setup: WorkerSetup = { ...target, tsx: options.tsx };
  const pool = startPool(setup, threads);
  const call = async (theta: P): Promise<R> => {
    const reply = await pool.run({ kind: 'call', theta });
    if (!reply.ok) throw failureToError(reply.failure, target);
    return reply.value as R;
  };
  const open = (theta: unknown): Promise<BatchSession> => openSession(pool, target, theta);
  return Object.assign(call, { ...target, threads, close: pool.close, [batched]: { open } });
}

function checkExportName(exportName: unknown): string {
  if (typeof exportName !== 'string' || exportName === '') {
    throw new GradcheckError(`workerFunction: exportName must be the name of an exported function (got ${String(exportName)})`);
  }
  return exportName;
}

/**
 * @internal `options.threads`, or the available parallelism less the core the main thread
 * needs for the check itself (at least 1).
 */
export function checkThreads(threads: number | undefined): number {
  if (threads === undefined) return Math.max(1, availableParallelism() - 1);
  if (!Number.isInteger(threads) || threads < 1) {
    throw new GradcheckError(`workerFunction: options.threads must be a positive integer (got ${threads})`);
  }
  return threads;
}
