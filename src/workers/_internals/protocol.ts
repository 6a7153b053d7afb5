/**
 * @internal What crosses the thread boundary between `workerFunction` and `worker.ts`. Replies
 * go by structured clone, so a failure travels as plain strings: V8 keeps an Error's message and
 * stack in a clone but drops its class and any extra property we could branch on. A batch of
 * moved points and its results live in shared memory: no thread copies them.
 */

/** Given to every worker of one pool as `workerData`: which function it runs. */
export interface WorkerSetup {
  readonly moduleUrl: string;
  readonly exportName: string;
  /** `true`: register tsx's loader first; `false`: never; `undefined`: only for TypeScript files Node cannot load. */
  readonly tsx: boolean | undefined;
}

/** Why a call failed inside a worker. */
export type FailureKind = 'threw' | 'load-failed' | 'missing-export' | 'not-a-function' | 'typescript' | 'tsx-missing';

/** A failure, as strings that survive any structured clone. */
export interface WorkerFailure {
  readonly kind: FailureKind;
  /** The thrown value's name (`TypeError`) or `''` for a thrown non-Error. */
  readonly name: string;
  readonly message: string;
  /** The stack as the worker saw it: the user's file and line. */
  readonly stack: string;
  /** For `missing-export`: the names the module does export. */
  readonly exports?: readonly string[];
}

/** The answer to one task. */
export type WorkerReply<R> = { readonly ok: true; readonly value: R } | { readonly ok: false; readonly failure: WorkerFailure };

/**
 * A barrier shared by the tasks of one broadcast (an `Int32Array` over a `SharedArrayBuffer`):
 * slot 0 counts the tasks that have arrived, slot 1 is set to 1 to release them all at once
 * when the broadcast is abandoned. While a task waits at the barrier its thread takes no other
 * task, so `parties` tasks that all wait land on `parties` different threads.
 */
export interface Barrier {
  readonly cells: Int32Array;
  readonly parties: number;
}

/** One call of f on a full θ (the function called directly). */
export interface CallTask {
  readonly kind: 'call';
  readonly theta: unknown;
}

/** Installs θ for a session in this thread (one per thread, through a barrier). */
export interface OpenTask {
  readonly kind: 'open';
  readonly session: number;
  readonly theta: unknown;
  readonly barrier: Barrier | undefined;
}

/**
 * A batch of moved points in shared memory, seen by every thread at no copy. Point p moves the
 * entries `indices[starts[p] … starts[p + 1])` to the same positions of `values`. Threads claim
 * points one at a time from `next` (an atomic counter), so a thread slowed by other work on the
 * machine simply takes fewer; a scalar value goes straight into `results[p]`.
 */
export interface SharedBatch {
  readonly starts: Int32Array;
  readonly indices: Int32Array;
  readonly values: Float64Array;
  /** Slot 0: the next point to claim. A thread whose f threw pushes it past the end. */
  readonly next: Int32Array;
  readonly results: Float64Array;
}

/**
 * One thread's share of a batch around a session's θ. `theta` is sent only to a thread that
 * answered `missing` (one that started after the session opened).
 */
export interface EvaluateTask {
  readonly kind: 'evaluate';
  readonly session: number;
  readonly batch: SharedBatch;
  /** Set by the caller to stop the batch between points (the session is closing). */
  readonly cancel: Int32Array;
  readonly theta?: unknown;
}

/** Drops a session's θ from this thread (one per thread, through a barrier). */
export interface CloseTask {
  readonly kind: 'close';
  readonly session: number;
  readonly barrier: Barrier | undefined;
}

export type Task = CallTask | OpenTask | EvaluateTask | CloseTask;

/**
 * What an open task reports back: the structure of θ as this thread sees it (its entries in
 * `flatten` order and `name shape` of each tensor, to compare with the caller's), or why this
 * thread cannot read it as parameters.
 */
export type OpenedReply = { readonly size: number; readonly tensors: readonly string[] } | { readonly unreadable: string };

/**
 * What an evaluate task reports back: the points whose value is not a number (a vector f), with
 * their values as f returned them (every number is already in the batch's `results`);
 * `missing` when this thread has no θ for the session; `cancelled` when the caller closed the
 * session before the batch ended.
 */
export type EvaluatedReply =
  | { readonly points: readonly number[]; readonly values: readonly unknown[] }
  | { readonly missing: true }
  | { readonly cancelled: true };

/** Describes a thrown value as a `WorkerFailure` of the given kind. */
export function describeThrown(kind: FailureKind, thrown: unknown): WorkerFailure {
  if (thrown instanceof Error) {
    return { kind, name: thrown.name, message: thrown.message, stack: thrown.stack ?? '' };
  }
  return { kind, name: '', message: String(thrown), stack: '' };
}
