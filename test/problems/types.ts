/**
 * Shared shapes of the reference problems in /work/shared/design/PROBLEMS.md.
 */

/** A scalar objective with an exact analytic gradient and a fixed point θ0. */
export interface Problem<P> {
  /** Key of the problem in expected_values.json (`P1-rosenbrock-n10`, `P3-ngnn`, …). */
  name: string;
  /** Number of scalar parameters. */
  n: number;
  /** The reference point. A fresh copy per problem instance: mutate it freely. */
  theta0: P;
  /** The objective; never mutates θ. */
  f(theta: P): number;
  /** The exact gradient at θ, shaped like θ; never mutates θ. */
  grad(theta: P): P;
}

/**
 * A problem on a flat vector whose f and grad accept any array-like θ
 * (number[], Float64Array, …) and return a gradient of type `V`.
 */
export interface VectorProblem<V extends FlatVector> extends Problem<V> {
  f(theta: ArrayLike<number>): number;
  grad(theta: ArrayLike<number>): V;
}

/** A flat parameter or gradient vector. */
export type FlatVector = number[] | Float64Array | Float32Array;

/** Named half-open ranges [start, end) of a flat vector, as in the JSON's `blocks`. */
export type Blocks<K extends string> = { readonly [key in K]: readonly [start: number, end: number] };

/** The logistic function 1 / (1 + exp(−x)). */
export function sigmoid(x: number): number {
  return 1 / (1 + Math.exp(-x));
}
