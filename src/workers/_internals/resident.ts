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

/** `W1 64×128`: a tensor's name and shape, to compare this thread's θ with the caller's. */
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
 * @internal f at each point of the task, in order: moves θ's entries, calls f, restores them
 * (also when f throws). Stops between points once the caller has set the task's cancel flag.
 * A scalar f's values come back in one Float64Array; other values are copied as f returned
 * them (a copy, because f may hand back the same buffer on every call).
 *
 * @example
 * const reply = await evaluateRun(task, f); // { values: Float64Array [...] }
 */
export async function evaluateRun(task: EvaluateTask, fn: Fn): Promise<EvaluatedReply> {
  const resident = sessions.get(task.session);
  if (!resident) return { missing: true };
  const { starts, indices, values, cancel } = task;
  const count = starts.length - 1;
  const scalars = new Float64Array(count);
  let others: unknown[] | undefined;
  const saved = new Float64Array(maxMoves(starts));
  for (let p = 0; p < count; p++) {
    if (Atomics.load(cancel, 0) !== 0) return { cancelled: true };
    let value = callMoved(resident.copy, fn, indices, values, starts[p], starts[p + 1], saved);
    if (isThenable(value)) value = await value;
    if (others === undefined && typeof value === 'number') scalars[p] = value;
    else {
      others ??= Array.from(scalars.subarray(0, p));
      others.push(ownCopy(value));
    }
  }
  return { values: others ?? scalars };
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

function maxMoves(starts: Int32Array): number {
  let most = 0;
  for (let p = 0; p + 1 < starts.length; p++) most = Math.max(most, starts[p + 1] - starts[p]);
  return most;
}

function isThenable(value: unknown): value is PromiseLike<unknown> {
  return typeof (value as { then?: unknown } | null)?.then === 'function';
}

function ownCopy(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (ArrayBuffer.isView(value) && 'slice' in value) return (value as Float64Array).slice();
  return structuredClone(value);
}
