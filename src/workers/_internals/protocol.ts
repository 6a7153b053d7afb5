/**
 * @internal What crosses the thread boundary between `workerFunction` and `worker.ts`. Both
 * directions go by structured clone, so a failure travels as plain strings: V8 keeps an Error's
 * message and stack in a clone but drops its class and any extra property we could branch on.
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

/** The answer to one call. */
export type WorkerReply<R> = { readonly ok: true; readonly value: R } | { readonly ok: false; readonly failure: WorkerFailure };

/** Describes a thrown value as a `WorkerFailure` of the given kind. */
export function describeThrown(kind: FailureKind, thrown: unknown): WorkerFailure {
  if (thrown instanceof Error) {
    return { kind, name: thrown.name, message: thrown.message, stack: thrown.stack ?? '' };
  }
  return { kind, name: '', message: String(thrown), stack: '' };
}
