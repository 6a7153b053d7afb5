/**
 * Measurement as batches of points (sans-IO): a measurement is a generator that yields what it
 * needs — f at a batch of points near θ, a call of a user function, a look at θ for writes —
 * and receives the answers. It never calls f itself: a driver does (`runSync`, `runAsync`), and
 * owns everything around the real call (counting, the float32 watch, progress, the time budget,
 * θ's copies). One algorithm, many drivers.
 */
import { markReturned } from '../adapters/release.js';

/** Where f was evaluated, for error messages: at θ itself, or with one entry moved. */
export interface EvaluationSite {
  /** Path of the moved entry, or undefined for θ itself. */
  readonly path?: string;
  /** Signed displacement of that entry (the step actually taken). */
  readonly delta?: number;
}

/** Where f is evaluated, for messages: asked only when something went wrong there. */
export type SiteSpec = EvaluationSite | (() => EvaluationSite);

/**
 * A point near θ: the entries that differ from θ (flat indices in tree order) and the values
 * to store there (already rounded to the working precision and put inside the bounds).
 */
export interface Point {
  readonly indices: ArrayLike<number>;
  readonly values: ArrayLike<number>;
  readonly site: SiteSpec;
}

/** What a driver calls around each evaluation (the evaluation stage: watch, progress, time). */
export interface EvaluationHooks {
  /** Before an evaluation starts: throws when the check must stop (its time is up). */
  before?(): void;
  /** After an evaluation returned (awaited, for an async f), with f's raw value. */
  after(value: unknown): void;
  /**
   * After several evaluations returned together (a chunk from a batched function), with their
   * raw values: one reading of the clock for them all, so that a rate is measured between the
   * ends of chunks, never inside one.
   */
  afterMany?(values: ArrayLike<unknown>): void;
}

/** A function a driver evaluates at points, and how it accepts (validates, counts) its values. */
export interface Target<R> {
  /** The user's function of θ (a driver passes it θ's structure). */
  readonly fn: (theta: never) => unknown;
  /** Validates and converts one value of fn (counting it); throws naming the site when it is bad. */
  accept(value: unknown, site: SiteSpec): R;
  readonly hooks?: EvaluationHooks;
}

/** f at each of `points`, in order. */
export interface EvaluateRequest {
  readonly kind: 'evaluate';
  readonly target: Target<unknown>;
  readonly points: readonly Point[];
}

/** A call of a user function (grad, jac, vjp, jvp, H): its value, awaited by an async driver. */
export interface CallRequest {
  readonly kind: 'call';
  readonly fn: (...args: unknown[]) => unknown;
  readonly args: readonly unknown[];
}

/**
 * A look for writes into θ by f: `'now'`, the first entry of the driver's copies of θ that is
 * not θ's (the copies are put back to θ); `'first-call'`, the first entry f's very first call
 * changed.
 */
export interface LookRequest {
  readonly kind: 'look';
  readonly what: 'now' | 'first-call';
}

/** A write into θ found by a look: the flat index and the value f left there. */
export interface Write {
  readonly index: number;
  readonly after: number;
}

export type Request = EvaluateRequest | CallRequest | LookRequest;

/** A measurement: yields requests, receives their answers, returns T. */
export type Measurement<T> = Generator<Request, T, unknown>;

/**
 * f at a batch of points (one request).
 *
 * @example
 * const [fPlus, fMinus] = yield* evaluate(target, [plus, minus]);
 */
export function* evaluate<R>(target: Target<R>, points: readonly Point[]): Measurement<R[]> {
  if (points.length === 0) return [];
  return (yield { kind: 'evaluate', target: target as Target<unknown>, points }) as R[];
}

/** θ itself: no entry moved. */
export const AT_THETA: Point = Object.freeze({ indices: [], values: [], site: {} });

/**
 * f at one point.
 *
 * @example
 * const f0 = yield* evaluateOne(target, AT_THETA);
 */
export function* evaluateOne<R>(target: Target<R>, point: Point): Measurement<R> {
  const [value] = yield* evaluate(target, [point]);
  return value;
}

/**
 * A user function's value (awaited by an async driver; a sync driver returns it as it is, a
 * Promise included, for the caller to refuse).
 *
 * @example
 * const value = yield* callUser(grad, [copy.root()]);
 */
export function* callUser(fn: (...args: never[]) => unknown, args: readonly unknown[]): Measurement<unknown> {
  // The value is gradcheck's from now on: its reader frees its tensors (`releaseReturned`).
  return markReturned(yield { kind: 'call', fn: fn as (...args: unknown[]) => unknown, args });
}

/**
 * A look for writes into θ (see `LookRequest`).
 *
 * @example
 * const write = yield* look('now'); // undefined when f left θ alone
 */
export function* look(what: LookRequest['what']): Measurement<Write | undefined> {
  return (yield { kind: 'look', what }) as Write | undefined;
}

/**
 * A measurement that asks for nothing, run to its value (a pure computation written as one).
 *
 * @example
 * settle(someMeasurementThatNeverYields());
 */
export function settle<T>(m: Measurement<T>): T {
  const step = m.next();
  if (!step.done) throw new Error('gradcheck internal error: a pure measurement asked for an evaluation');
  return step.value;
}

/** How a driver's answer to a request came out: a value, or an error thrown into the measurement. */
export type Outcome = { readonly ok: true; readonly value: unknown } | { readonly ok: false; readonly error: unknown };

/**
 * The outcome of serving a request synchronously.
 *
 * @example
 * attempt(() => f(theta)); // { ok: true, value } or { ok: false, error }
 */
export function attempt(serve: () => unknown): Outcome {
  try {
    return { ok: true, value: serve() };
  } catch (error) {
    return { ok: false, error };
  }
}

/**
 * Resumes a measurement with the outcome of its last request: the value, or the error thrown
 * into it (it may catch it: the non-finite guard, the float32-storage probe).
 *
 * @example
 * let outcome: Outcome = { ok: true, value: undefined };
 * for (let step = resume(m, outcome); !step.done; step = resume(m, outcome)) outcome = attempt(() => serve(step.value));
 */
export function resume<T>(measurement: Measurement<T>, outcome: Outcome): IteratorResult<Request, T> {
  return outcome.ok ? measurement.next(outcome.value) : measurement.throw(outcome.error);
}
