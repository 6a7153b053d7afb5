/**
 * The contract between a measurement driver and a function that can evaluate many points near
 * one θ in one go (a worker pool keeps its own copy of θ and receives only the moved entries).
 *
 * A driver that finds `f[batched]` opens one session per check with θ, asks for f at batches of
 * points, each given as the entries that differ from θ (flat indices in the order of
 * `flatten` in tree.ts, with their new absolute values), and closes the session when the check ends or
 * stops. Any other function is called one point at a time with a full θ.
 *
 * @example
 * ```ts
 * const session = await f[batched].open(theta);
 * try {
 *   const values = await session.evaluate([{ indices: Int32Array.of(3), values: Float64Array.of(0.5001) }]);
 * } finally {
 *   await session.close();
 * }
 * ```
 */
export const batched: unique symbol = Symbol.for('gradcheck.batched');

/** θ with the entries at `indices` (flat, in tree order) set to `values`; every other entry as θ. */
export interface MovedPoint {
  readonly indices: Int32Array;
  readonly values: Float64Array;
}

/** One check's conversation with a batched function, around one θ. */
export interface BatchSession {
  /**
   * f at each point, in order: one number per point for a scalar f, or one value (as f returned
   * it, or flattened to a Float64Array) per point for a vector-valued f.
   */
  evaluate(points: readonly MovedPoint[]): Promise<readonly unknown[] | Float64Array>;
  /** Ends the session: nothing is left running for it afterwards. */
  close(): Promise<void>;
}

/** A function that also offers batched evaluation around a resident θ. */
export interface BatchedFunction {
  readonly [batched]: {
    /** Sends θ once (in the caller's structure) and returns a session for points near it. */
    open(theta: unknown): Promise<BatchSession>;
  };
}

/** Whether f offers batched evaluation. */
export function isBatched(f: unknown): f is BatchedFunction {
  return typeof f === 'function' && typeof (f as Partial<BatchedFunction>)[batched]?.open === 'function';
}
