import { GradcheckError } from '../../numeric/errors.js';
import { abandonBarrier, createBarrier } from './barrier.js';
import type { Target } from './failure.js';
import { loadPiscina, type PiscinaImporter, type PiscinaModule } from './loadPiscina.js';
import type { Barrier, Task, WorkerReply, WorkerSetup } from './protocol.js';
import { workerScript } from './workerScript.js';

type Piscina = InstanceType<PiscinaModule['Piscina']>;

/** @internal A pool of worker threads running one exported function, as the rest of workers/ sees it. */
export interface Pool {
  readonly threads: number;
  /** Runs one task on any free thread. */
  run(task: Task): Promise<WorkerReply<unknown>>;
  /** Runs one task on every thread (one broadcast at a time) and returns their replies. */
  broadcast(task: (barrier: Barrier) => Task): Promise<WorkerReply<unknown>[]>;
  /** Whether `close()` has been called. */
  readonly closing: boolean;
  /** Ends the pool once the tasks in flight have finished. Idempotent. */
  close(): Promise<void>;
}

/**
 * @internal Starts a pool of `threads` threads at once (they load while the caller gets on
 * with its work). piscina is imported here, lazily; if it is missing every task rejects with
 * the GradcheckError that says how to install it.
 *
 * @example
 * const pool = startPool({ moduleUrl, exportName: 'loss', tsx: undefined }, 2);
 * const reply = await pool.run({ kind: 'call', theta });
 */
export function startPool(setup: WorkerSetup, threads: number, importer?: PiscinaImporter): Pool {
  const piscina = loadPiscina(importer).then(({ Piscina }) => {
    const pool = new Piscina({ filename: workerScript(), minThreads: threads, maxThreads: threads, workerData: setup });
    // A thread that dies rejects its task; without a listener piscina would also re-throw the
    // error as an uncaught exception and end the test run.
    pool.on('error', () => {});
    return pool;
  });
  // Reported by the first task; never an unhandled rejection of its own.
  piscina.catch(() => {});
  let closing: Promise<void> | undefined;
  let broadcasts: Promise<unknown> = Promise.resolve();
  const run = async (task: Task): Promise<WorkerReply<unknown>> => {
    if (closing) throw closedError(setup);
    const pool = await piscina;
    try {
      return (await pool.run(task)) as WorkerReply<unknown>;
    } catch (thrown) {
      throw closing ? closedError(setup) : poolError(thrown, setup);
    }
  };
  const broadcast = (task: (barrier: Barrier) => Task): Promise<WorkerReply<unknown>[]> => {
    // One at a time: two broadcasts waiting at their barriers on half the threads each would
    // wait for each other forever.
    const next = broadcasts.then(() => broadcastNow(run, threads, task));
    broadcasts = next.catch(() => {});
    return next;
  };
  const close = (): Promise<void> => {
    closing ??= piscina.then(
      (pool: Piscina) => pool.close(),
      () => {},
    );
    return closing;
  };
  return {
    threads,
    run,
    broadcast,
    close,
    get closing() {
      return closing !== undefined;
    },
  };
}

/** Sends `threads` tasks that meet at one barrier, so each thread gets exactly one. */
async function broadcastNow(
  run: Pool['run'],
  threads: number,
  task: (barrier: Barrier) => Task,
): Promise<WorkerReply<unknown>[]> {
  const barrier = createBarrier(threads);
  const replies = Array.from({ length: threads }, () =>
    run(task(barrier)).catch((thrown: unknown) => {
      // A thread that died never arrives: release the others.
      abandonBarrier(barrier);
      throw thrown;
    }),
  );
  const settled = await Promise.allSettled(replies);
  const failed = settled.find((s) => s.status === 'rejected');
  if (failed) throw failed.reason;
  return settled.map((s) => (s as PromiseFulfilledResult<WorkerReply<unknown>>).value);
}

/** @internal The sentence for a call on a closed pool. */
export function closedError(target: Target): GradcheckError {
  return new GradcheckError(
    `workerFunction: the pool running '${target.exportName}' of ${target.moduleUrl} is closed; create a new workerFunction to evaluate again`,
  );
}

/** The pool itself failed (a thread crashed, θ could not be cloned): name the function. */
function poolError(thrown: unknown, target: Target): Error {
  if (thrown instanceof GradcheckError) return thrown;
  const reason = thrown instanceof Error ? thrown.message : String(thrown);
  return new Error(
    `workerFunction: evaluating '${target.exportName}' of ${target.moduleUrl} in a worker thread failed: ${reason}`,
    {
      cause: thrown,
    },
  );
}
