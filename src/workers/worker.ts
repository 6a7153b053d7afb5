/**
 * The script every worker thread of a `workerFunction` pool runs (built to
 * `dist/workers-worker.js`). Piscina calls the default export once per task: a direct call of f
 * on a full θ, or a session's open, evaluate or close (see `_internals/protocol.ts`). Tasks
 * arrive by structured clone, so θ keeps the caller's structure: typed arrays stay typed arrays,
 * arrays stay arrays, objects keep their keys.
 */
import { workerData } from 'node:worker_threads';
import { arriveAndWait } from './_internals/barrier.js';
import { type Loaded, loadExport } from './_internals/loadExport.js';
import type { EvaluateTask, Task, WorkerReply, WorkerSetup } from './_internals/protocol.js';
import { describeThrown } from './_internals/protocol.js';
import { dropTheta, evaluateRun, installTheta } from './_internals/resident.js';

// Imported on the first task, not at start-up: a module that fails to load then fails that
// task with a clear message instead of killing the thread.
let loaded: Promise<Loaded> | undefined;

/**
 * Runs one task and wraps the outcome, so that a failure reaches the caller as data it can turn
 * into a readable error.
 *
 * @example
 * // Called by piscina inside a worker, never by users:
 * const reply = await runTask({ kind: 'call', theta: new Float64Array([0.3, -0.2]) });
 * if (reply.ok) console.log(reply.value);
 */
export default async function runTask(task: Task): Promise<WorkerReply<unknown>> {
  loaded ??= loadExport(workerData as WorkerSetup);
  const target = await loaded;
  switch (task.kind) {
    case 'close':
      dropTheta(task.session);
      if (task.barrier) await arriveAndWait(task.barrier);
      return { ok: true, value: undefined };
    case 'open': {
      // Load failures are reported only after the barrier, so every party still arrives.
      const reply: WorkerReply<unknown> =
        'failure' in target
          ? { ok: false, failure: target.failure }
          : { ok: true, value: installTheta(task.session, task.theta) };
      if (task.barrier) await arriveAndWait(task.barrier);
      return reply;
    }
    case 'call':
      if ('failure' in target) return { ok: false, failure: target.failure };
      return call(() => target.fn(task.theta));
    case 'evaluate':
      if ('failure' in target) return { ok: false, failure: target.failure };
      return evaluate(task, target.fn);
  }
}

async function call(run: () => unknown): Promise<WorkerReply<unknown>> {
  try {
    return { ok: true, value: await run() };
  } catch (thrown) {
    return { ok: false, failure: describeThrown('threw', thrown) };
  }
}

/** This thread's share of a batch; a thread that started after the session opened gets θ first. */
function evaluate(task: EvaluateTask, fn: (theta: unknown) => unknown): Promise<WorkerReply<unknown>> {
  if (task.theta !== undefined) installTheta(task.session, task.theta);
  return call(() => evaluateRun(task, fn));
}
