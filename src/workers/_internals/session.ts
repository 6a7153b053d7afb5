/**
 * @internal The caller's side of a batch session (the contract in `numeric/batched.ts`): θ
 * goes once to every thread; each batch becomes one coarse task per thread carrying only the
 * moved entries, in transferred buffers; each task's values come back in one message.
 */
import type { BatchSession, MovedPoint } from '../../numeric/batched.js';
import { GradcheckError } from '../../numeric/errors.js';
import { type Params, TreeError, TreeLayout } from '../../numeric/tree.js';
import { failureToError, type Target } from './failure.js';
import { pack, splitEvenly } from './pack.js';
import type { Pool } from './pool.js';
import type { EvaluatedReply, OpenedReply, WorkerReply } from './protocol.js';
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
  return new WorkerSession(pool, target, id, theta, expected.size);
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
    const runs = splitEvenly(points.length, this.pool.threads).map(([from, to]) => this.track(this.runOnce(points, from, to)));
    return concat(await Promise.all(runs));
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

  /** One task for points [from, to); once more with θ for a thread that started after open. */
  private async runOnce(points: readonly MovedPoint[], from: number, to: number): Promise<Float64Array | readonly unknown[]> {
    let reply = await this.send(points, from, to, false);
    if ('missing' in reply) reply = await this.send(points, from, to, true);
    if ('cancelled' in reply) throw this.closedError();
    if ('missing' in reply) throw new Error(`workerFunction '${this.target.exportName}': a worker thread lost θ`);
    return reply.values;
  }

  private async send(points: readonly MovedPoint[], from: number, to: number, withTheta: boolean): Promise<EvaluatedReply> {
    const run = pack(points, from, to, this.size);
    const task = {
      kind: 'evaluate',
      session: this.id,
      ...run,
      cancel: this.cancel,
      theta: withTheta ? this.theta : undefined,
    } as const;
    const reply = await this.pool.run(task, [run.starts.buffer, run.indices.buffer, run.values.buffer]);
    if (!reply.ok) throw failureToError(reply.failure, this.target);
    return reply.value as EvaluatedReply;
  }

  private closedError(): GradcheckError {
    return new GradcheckError(
      `workerFunction '${this.target.exportName}': this batch session is closed; open a new one with f[batched].open(theta)`,
    );
  }
}

/** The values of consecutive runs as one: a Float64Array when every value is a number. */
function concat(parts: readonly (Float64Array | readonly unknown[])[]): Float64Array | readonly unknown[] {
  if (parts.every((part) => part instanceof Float64Array)) {
    const out = new Float64Array(parts.reduce((n, part) => n + part.length, 0));
    let at = 0;
    for (const part of parts as Float64Array[]) {
      out.set(part, at);
      at += part.length;
    }
    return out;
  }
  return parts.flatMap((part) => Array.from(part as ArrayLike<unknown>));
}
