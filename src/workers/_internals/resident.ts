/**
 * @internal The θ each worker thread keeps for each open session, and the run of moved points
 * it evaluates around it. Lives in the worker; one module-level map per thread.
 */
import { type Params, TreeLayout, type Tensor, TreeError, type WorkingCopy } from '../../numeric/tree.js';
import type { EvaluatedReply, EvaluateTask, OpenedReply } from './protocol.js';

type Fn = (theta: unknown) => unknown;

/** θ of one session in this thread: a working copy in the caller's structure, perturbed in place. */
interface Resident {
  readonly copy: WorkingCopy<Params>;
}

const sessions = new Map<number, Resident>();

/**
 * @internal A tensor's name and shape, to compare a thread's θ with the caller's.
 *
 * @example
 * tensorSignature({ name: 'W1', offset: 0, size: 8, shape: [2, 4], dtype: 'float64' }); // 'W1 2×4'
 */
export function tensorSignature(tensor: Tensor): string {
  return `${tensor.name || 'θ'} ${tensor.shape.length === 0 ? 'scalar' : tensor.shape.join('×')}`;
}

/**
 * @internal Keeps θ (already this thread's own structured clone) for `session`, reading it with
 * the same flattener as the caller so that flat index i names the same entry on both sides.
 *
 * @example
 * installTheta(7, { W: new Float64Array(4), b: [0, 0] }); // { size: 6, tensors: ['W 4', 'b 2'] }
 */
export function installTheta(session: number, theta: unknown): OpenedReply {
  let layout: TreeLayout<Params>;
  try {
    layout = TreeLayout.of(theta as Params);
  } catch (thrown) {
    if (thrown instanceof TreeError) return { unreadable: thrown.message };
    throw thrown;
  }
  sessions.set(session, { copy: layout.workingCopy() });
  return { size: layout.size, tensors: layout.tensors.map(tensorSignature) };
}

/** @internal Forgets a session's θ in this thread (nothing to do if it never had it). */
export function dropTheta(session: number): void {
  sessions.delete(session);
}

/** @internal Number of sessions this thread holds θ for (what a test can ask a thread). */
export function residentCount(): number {
  return sessions.size;
}

/** Where this thread is in a batch: the point θ is moved for now, and what it collected. */
interface Run {
  /** The point whose entries are moved in θ right now, or -1. */
  point: number;
  /** θ's entries before the current point moved them. */
  saved: Float64Array;
  cancelled: boolean;
  /** Points whose value is not a number, and those values (copied). */
  readonly points: number[];
  readonly others: unknown[];
}

/**
 * @internal This thread's share of a batch: claims points from the shared counter until none
 * are left, and for each moves θ's entries, calls f and restores them (also when f throws). A
 * number goes into the shared results; any other value is copied (f may hand back the same
 * buffer on every call) and returned with its point. Stops between points once the caller has
 * set the cancel flag; when f throws, stops every thread's claiming and rethrows.
 *
 * @example
 * const reply = await evaluateRun(task, f); // { points: [], values: [] } for a scalar f
 */
export async function evaluateRun(task: EvaluateTask, fn: Fn): Promise<EvaluatedReply> {
  const resident = sessions.get(task.session);
  if (!resident) return { missing: true };
  const run: Run = { point: -1, saved: new Float64Array(16), cancelled: false, points: [], others: [] };
  for (;;) {
    let pending: PromiseLike<unknown> | undefined;
    let value: unknown;
    let point = -1;
    try {
      pending = evaluateUntilPending(task, resident.copy, fn, run);
      if (pending === undefined) break;
      point = run.point;
      value = await pending;
    } catch (thrown) {
      // The batch has failed: the other threads need not evaluate the rest of it.
      Atomics.store(task.batch.next, 0, task.batch.starts.length - 1);
      throw thrown;
    } finally {
      restore(task, resident.copy, run);
    }
    keep(task, run, point, value);
  }
  return run.cancelled ? { cancelled: true } : { points: run.points, values: run.others };
}

/**
 * The hot loop: evaluates claimed points while f returns values, and returns f's promise (θ
 * still moved for `run.point`) when f is async. It holds no try/catch and calls f directly, so
 * that V8 compiles f into this loop as it does into a caller's own loop: a handler around the
 * call measurably slowed f (1.13 → 1.37 ms a call for the bench's MLP).
 */
function evaluateUntilPending(task: EvaluateTask, copy: WorkingCopy<Params>, fn: Fn, run: Run): PromiseLike<unknown> | undefined {
  const { starts, indices, values, next } = task.batch;
  const count = starts.length - 1;
  for (let p = Atomics.add(next, 0, 1); p < count; p = Atomics.add(next, 0, 1)) {
    if (Atomics.load(task.cancel, 0) !== 0) {
      run.cancelled = true;
      return undefined;
    }
    const from = starts[p];
    const to = starts[p + 1];
    if (to - from > run.saved.length) run.saved = new Float64Array(to - from);
    for (let k = from; k < to; k++) {
      run.saved[k - from] = copy.get(indices[k]);
      copy.set(indices[k], values[k]);
    }
    run.point = p;
    const value = fn(copy.root());
    if (isThenable(value)) return value;
    restore(task, copy, run);
    keep(task, run, p, value);
  }
  return undefined;
}

/** Puts back the entries the current point moved, backwards (an index moved twice gets its original value). */
function restore(task: EvaluateTask, copy: WorkingCopy<Params>, run: Run): void {
  const p = run.point;
  if (p < 0) return;
  const { starts, indices } = task.batch;
  for (let k = starts[p + 1] - 1; k >= starts[p]; k--) copy.set(indices[k], run.saved[k - starts[p]]);
  run.point = -1;
}

/** Stores the value of the point just evaluated: a number in the shared results, anything else copied. */
function keep(task: EvaluateTask, run: Run, point: number, value: unknown): void {
  if (typeof value === 'number') task.batch.results[point] = value;
  else {
    run.points.push(point);
    run.others.push(ownCopy(value));
  }
}

function isThenable(value: unknown): value is PromiseLike<unknown> {
  return typeof (value as { then?: unknown } | null)?.then === 'function';
}

function ownCopy(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (ArrayBuffer.isView(value) && 'slice' in value) return (value as Float64Array).slice();
  return structuredClone(value);
}
