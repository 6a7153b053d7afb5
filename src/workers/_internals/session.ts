/**
 * @internal The caller's side of a batch session (the contract in `numeric/batched.ts`): θ
 * goes once to every thread; a batch of points (only their moved entries) is packed once into
 * shared memory, and one coarse task per thread claims its points from it until none are left,
 * writing the values beside them; each task answers with one message.
 */
import type { BatchSession, MovedPoint } from '../../numeric/batched.js';
import { GradcheckError } from '../../numeric/errors.js';
import { type Params, TreeError, TreeLayout } from '../../numeric/tree.js';
import { failureToError, type Target } from './failure.js';
import { packShared } from './pack.js';
import type { Pool } from './pool.js';
import type { EvaluatedReply, OpenedReply, SharedBatch, WorkerReply } from './protocol.js';
import { tensorSignature } from './resident.js';

let sessionIds = 0;

/**
 * @internal Sends θ to every thread of the pool and returns the session for points near it.
 * Rejects with a GradcheckError when θ is not a parameter tree, when a thread cannot read it
 * as the caller does (a class instance loses its class in a structured clone) or when the
 * function cannot be loaded.
 *
 * @example
 * const session = await openSession(pool, target, theta);
 * const values = await session.evaluate([{ indices: Int32Array.of(0), values: Float64Array.of(1.5) }]);
 * await session.close();
 */
export async function openSession(pool: Pool, target: Target, theta: unknown): Promise<BatchSession> {
  const expected = readTheta(theta, target);
  const id = ++sessionIds;
  const replies = await pool.broadcast((barrier) => ({ kind: 'open', session: id, theta, barrier }));
  const problem = openProblem(replies, expected, target);
  if (problem) {
    await pool.broadcast((barrier) => ({ kind: 'close', session: id, barrier }));
    throw problem;
  }
  // A copy of θ as it was sent, for a thread that replaces a dead one later: the caller may reuse its θ.
  return new WorkerSession(pool, target, id, structuredClone(theta), expected.size);
}

function readTheta(theta: unknown, target: Target): { size: number; tensors: string[] } {
  try {
    const layout = TreeLayout.of(theta as Params);
    return { size: layout.size, tensors: layout.tensors.map(tensorSignature) };
  } catch (thrown) {
    if (!(thrown instanceof TreeError)) throw thrown;
    throw new GradcheckError(`workerFunction '${target.exportName}': θ cannot be sent to the worker threads: ${thrown.message}`);
  }
}

/** The first reason the threads' replies to an open do not make a session, if any. */
function openProblem(
  replies: WorkerReply<unknown>[],
  expected: { size: number; tensors: string[] },
  target: Target,
): Error | undefined {
  for (const reply of replies) {
    if (!reply.ok) return failureToError(reply.failure, target);
    const opened = reply.value as OpenedReply;
    const seen = 'unreadable' in opened ? opened.unreadable : opened.tensors.join(', ');
    if (seen !== expected.tensors.join(', ')) {
      return new GradcheckError(
        `workerFunction '${target.exportName}': θ does not reach the worker threads as it is (here its tensors are ${expected.tensors.join(', ')}; in a worker thread: ${seen}); a structured clone keeps numbers, arrays, Float64Array, Float32Array and plain objects but not class instances such as an ml-matrix Matrix, so pass θ as those`,
      );
    }
  }
  return undefined;
}

class WorkerSession implements BatchSession {
  /** Set to 1 by close(): every run of this session stops before its next point. */
  private readonly cancel = new Int32Array(new SharedArrayBuffer(4));
  private readonly running = new Set<Promise<unknown>>();
  private closing: Promise<void> | undefined;

  constructor(
    private readonly pool: Pool,
    private readonly target: Target,
    private readonly id: number,
    private readonly theta: unknown,
    private readonly size: number,
  ) {}

  async evaluate(points: readonly MovedPoint[]): Promise<Float64Array | readonly unknown[]> {
    if (this.closing) throw this.closedError();
    if (!Array.isArray(points)) throw new GradcheckError('BatchSession.evaluate: points must be an array of moved points');
    if (points.length === 0) return new Float64Array(0);
    const batch = packShared(points, this.size);
    const shares = Math.min(points.length, this.pool.threads);
    const replies = await Promise.all(Array.from({ length: shares }, () => this.track(this.share(batch))));
    return assemble(batch.results, replies);
  }

  close(): Promise<void> {
    this.closing ??= this.closeNow();
    return this.closing;
  }

  private async closeNow(): Promise<void> {
    Atomics.store(this.cancel, 0, 1);
    await Promise.allSettled([...this.running]);
    // A closed pool has no threads left holding θ.
    if (!this.pool.closing) await this.pool.broadcast((barrier) => ({ kind: 'close', session: this.id, barrier }));
  }

  /** Remembers a task until it settles, so that close() can wait for it. */
  private track<T>(task: Promise<T>): Promise<T> {
    this.running.add(task);
    const forget = () => this.running.delete(task);
    task.then(forget, forget);
    return task;
  }

  /** One thread's share of the batch; once more with θ for a thread that started after open. */
  private async share(batch: SharedBatch): Promise<{ points: readonly number[]; values: readonly unknown[] }> {
    let reply = await this.send(batch, false);
    if ('missing' in reply) reply = await this.send(batch, true);
    if ('cancelled' in reply) throw this.closedError();
    if ('missing' in reply) throw new Error(`workerFunction '${this.target.exportName}': a worker thread lost θ`);
    return reply;
  }

  private async send(batch: SharedBatch, withTheta: boolean): Promise<EvaluatedReply> {
    const theta = withTheta ? this.theta : undefined;
    const reply = await this.pool.run({ kind: 'evaluate', session: this.id, batch, cancel: this.cancel, theta });
    if (!reply.ok) throw failureToError(reply.failure, this.target);
    return reply.value as EvaluatedReply;
  }

  private closedError(): GradcheckError {
    return new GradcheckError(
      `workerFunction '${this.target.exportName}': this batch session is closed; open a new one with f[batched].open(theta)`,
    );
  }
}

/**
 * The batch's values in point order: its shared results, copied out (the caller owns what it
 * gets), or, when some values are not numbers, an array with those put in their places.
 */
function assemble(
  results: Float64Array,
  replies: readonly { points: readonly number[]; values: readonly unknown[] }[],
): Float64Array | readonly unknown[] {
  if (replies.every((reply) => reply.points.length === 0)) return results.slice();
  const out: unknown[] = Array.from(results);
  for (const { points, values } of replies)
    points.forEach((p, k) => {
      out[p] = values[k];
    });
  return out;
}
