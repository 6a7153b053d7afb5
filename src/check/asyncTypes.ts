import type { GradientLike } from './gradient.js';
import type { HessianOptions } from './hessian.js';
import type { Params } from '../numeric/tree.js';

/** A value, or a Promise of it: what the user functions of the async checks may return. */
export type MaybePromise<T> = T | PromiseLike<T>;

/** A gradient for `checkGradientAsync`: a function of θ (sync or async) returning a tree shaped like θ, or such a tree. */
export type AsyncGradientSpec<P extends Params = Params> = ((theta: P) => MaybePromise<GradientLike<P>>) | GradientLike<P>;

/** A Jacobian or Hessian for the async checks: a function of θ (sync or async) returning a matrix, or a matrix. */
export type AsyncMatrixSpec<P extends Params = Params> = ((theta: P) => MaybePromise<Params>) | Params;

/** Options of `checkHessianAsync`: those of `checkHessian`, with an `options.gradient` that may be async. */
export interface AsyncHessianOptions<P extends Params = Params> extends Omit<HessianOptions<P>, 'gradient'> {
  /** An analytic gradient of f, (θ) → tree shaped like θ (or a Promise of it); see `checkHessian`. */
  gradient?: (theta: P) => MaybePromise<Params>;
}
