/**
 * @internal What crosses the thread boundary between `workerFunction` and `worker.ts`. Replies
 * go by structured clone, so a failure travels as plain strings: V8 keeps an Error's message and
 * stack in a clone but drops its class and any extra property we could branch on. The moves of
 * a batch travel as typed arrays whose buffers are transferred, not cloned.
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
 * f at a run of moved points around a session's θ. Point p moves the entries
 * `indices[starts[p] … starts[p + 1])` to the same positions of `values`. `theta` is sent only
 * to a thread that answered `missing` (one that started after the session opened).
 */
export interface EvaluateTask {
  readonly kind: 'evaluate';
  readonly session: number;
  readonly starts: Int32Array;
  readonly indices: Int32Array;
  readonly values: Float64Array;
  /** Set by the caller to stop the run between points (the session is closing). */
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
 * What an evaluate task reports back: scalar values in one transferred `Float64Array`, any other
 * values as f returned them; `missing` when this thread has no θ for the session; `cancelled`
 * when the caller closed the session before the run ended.
 */
export type EvaluatedReply =
  | { readonly values: Float64Array | readonly unknown[] }
  | { readonly missing: true }
  | { readonly cancelled: true };

/** Describes a thrown value as a `WorkerFailure` of the given kind. */
export function describeThrown(kind: FailureKind, thrown: unknown): WorkerFailure {
  if (thrown instanceof Error) {
    return { kind, name: thrown.name, message: thrown.message, stack: thrown.stack ?? '' };
  }
  return { kind, name: '', message: String(thrown), stack: '' };
}
