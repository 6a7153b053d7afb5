/**
 * The script every worker thread of a `workerFunction` pool runs (built to
 * `dist/workers-worker.js`). Piscina calls the default export once per task with θ, already
 * structured-cloned into this thread: typed arrays stay typed arrays, arrays stay arrays,
 * objects keep their keys, so the user's f sees θ in the caller's structure.
 */
import { workerData } from 'node:worker_threads';
import { type Loaded, loadExport } from './_internals/loadExport.js';
import type { WorkerReply, WorkerSetup } from './_internals/protocol.js';
import { describeThrown } from './_internals/protocol.js';

// Imported on the first task, not at start-up: a module that fails to load then fails that
// task with a clear message instead of killing the thread.
let loaded: Promise<Loaded> | undefined;

/**
 * Runs the user's function on θ and wraps the outcome, so that a failure reaches the caller
 * as data it can turn into a readable error.
 *
 * @example
 * // Called by piscina inside a worker, never by users:
 * const reply = await runTask(new Float64Array([0.3, -0.2]));
 * if (reply.ok) console.log(reply.value);
 */
export default async function runTask(theta: unknown): Promise<WorkerReply<unknown>> {
  loaded ??= loadExport(workerData as WorkerSetup);
  const target = await loaded;
  if ('failure' in target) return { ok: false, failure: target.failure };
  try {
    return { ok: true, value: await target.fn(theta) };
  } catch (thrown) {
    return { ok: false, failure: describeThrown('threw', thrown) };
  }
}
