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
  const { starts, indices, values, next, results } = task.batch;
  const count = starts.length - 1;
  const points: number[] = [];
  const others: unknown[] = [];
  let saved = new Float64Array(16);
  for (let p = Atomics.add(next, 0, 1); p < count; p = Atomics.add(next, 0, 1)) {
    if (Atomics.load(task.cancel, 0) !== 0) return { cancelled: true };
    if (starts[p + 1] - starts[p] > saved.length) saved = new Float64Array(starts[p + 1] - starts[p]);
    let value: unknown;
    try {
      value = callMoved(resident.copy, fn, indices, values, starts[p], starts[p + 1], saved);
      if (isThenable(value)) value = await value;
    } catch (thrown) {
      // The batch has failed: the other threads need not evaluate the rest of it.
      Atomics.store(next, 0, count);
      throw thrown;
    }
    if (typeof value === 'number') results[p] = value;
    else {
      points.push(p);
      others.push(ownCopy(value));
    }
  }
  return { points, values: others };
}

/**
 * f at θ with entries `indices[from … to)` set to `values[from … to)`; θ is restored when f
 * returns or throws (for an async f, when its promise settles). A sync f costs no microtask.
 */
function callMoved(
  copy: WorkingCopy<Params>,
  fn: Fn,
  indices: Int32Array,
  values: Float64Array,
  from: number,
  to: number,
  saved: Float64Array,
): unknown {
  for (let k = from; k < to; k++) {
    saved[k - from] = copy.get(indices[k]);
    copy.set(indices[k], values[k]);
  }
  // Backwards, so that an index moved twice in one point gets its original value back.
  const restore = (): void => {
    for (let k = to - 1; k >= from; k--) copy.set(indices[k], saved[k - from]);
  };
  let value: unknown;
  try {
    value = fn(copy.root());
  } catch (thrown) {
    restore();
    throw thrown;
  }
  if (!isThenable(value)) {
    restore();
    return value;
  }
  return Promise.resolve(value).finally(restore);
}

function isThenable(value: unknown): value is PromiseLike<unknown> {
  return typeof (value as { then?: unknown } | null)?.then === 'function';
}

function ownCopy(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (ArrayBuffer.isView(value) && 'slice' in value) return (value as Float64Array).slice();
  return structuredClone(value);
}
