import { availableParallelism } from 'node:os';
import { Piscina } from 'piscina';
import { GradcheckError } from '../numeric/errors.js';
import { failureToError, type Target } from './_internals/failure.js';
import { toModuleUrl } from './_internals/moduleUrl.js';
import type { WorkerReply, WorkerSetup } from './_internals/protocol.js';
import { workerScript } from './_internals/workerScript.js';

/** Options of {@link workerFunction}. */
export interface WorkerFunctionOptions {
  /**
   * Number of worker threads in the pool. Pair it with the async checks' `concurrency`
   * (at least `threads`) so that every thread has work.
   * @defaultValue `os.availableParallelism()`
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

/** An async f whose evaluations run in a pool of worker threads. */
export interface WorkerFunction<P = unknown, R = number> extends Target {
  /** Evaluates the exported function on a structured clone of θ in one of the threads. */
  (theta: P): Promise<R>;
  /** Ends the pool once the calls in flight have finished; later calls reject. Idempotent. */
  close(): Promise<void>;
  /** Number of threads in the pool. */
  readonly threads: number;
}

/**
 * An async f for the async checks (`checkGradientAsync`, … with `concurrency`) whose
 * evaluations run in a pool of `threads` worker threads (piscina), each of which imports
 * `exportName` from `moduleUrl`. θ reaches the function by structured clone, in your structure:
 * typed arrays, nested arrays and objects arrive as they were sent. An exception thrown by the
 * function rejects with the worker's stack; a module that does not load or lacks the export
 * rejects with a `GradcheckError`. Call `close()` when done (in `afterAll`): live threads keep
 * the process running.
 *
 * @param moduleUrl - the module's `file:` URL (`new URL('./model.mjs', import.meta.url)`) or absolute path.
 * @param exportName - the exported function f(θ), returning a number or, for a vector f, a tree.
 * @example
 * import { checkGradientAsync } from 'gradcheck';
 * import { workerFunction } from 'gradcheck/workers';
 *
 * const loss = workerFunction<Params>(new URL('./model.mjs', import.meta.url), 'loss', { threads: 2 });
 * try {
 *   const report = await checkGradientAsync(loss, lossGrad, { at: theta0, concurrency: 2 });
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
  const pool = new Piscina({ filename: workerScript(), minThreads: threads, maxThreads: threads, workerData: setup });
  // A thread that dies rejects its task; without a listener piscina would also re-throw the
  // error as an uncaught exception and end the test run.
  pool.on('error', () => {});
  let closing: Promise<void> | undefined;
  const call = async (theta: P): Promise<R> => {
    if (closing) throw closedError(target);
    let reply: WorkerReply<R>;
    try {
      reply = (await pool.run(theta)) as WorkerReply<R>;
    } catch (thrown) {
      throw closing ? closedError(target) : poolError(thrown, target);
    }
    if (!reply.ok) throw failureToError(reply.failure, target);
    return reply.value;
  };
  const close = (): Promise<void> => {
    closing ??= pool.close();
    return closing;
  };
  return Object.assign(call, { ...target, threads, close });
}

function checkExportName(exportName: unknown): string {
  if (typeof exportName !== 'string' || exportName === '') {
    throw new GradcheckError(`workerFunction: exportName must be the name of an exported function (got ${String(exportName)})`);
  }
  return exportName;
}

function checkThreads(threads: number | undefined): number {
  if (threads === undefined) return availableParallelism();
  if (!Number.isInteger(threads) || threads < 1) {
    throw new GradcheckError(`workerFunction: options.threads must be a positive integer (got ${threads})`);
  }
  return threads;
}

function closedError(target: Target): GradcheckError {
  return new GradcheckError(
    `workerFunction: the pool running '${target.exportName}' of ${target.moduleUrl} is closed; create a new workerFunction to evaluate again`,
  );
}

/** The pool itself failed (a thread crashed, θ could not be cloned): name the function. */
function poolError(thrown: unknown, target: Target): Error {
  const reason = thrown instanceof Error ? thrown.message : String(thrown);
  return new Error(
    `workerFunction: evaluating '${target.exportName}' of ${target.moduleUrl} in a worker thread failed: ${reason}`,
    {
      cause: thrown,
    },
  );
}
