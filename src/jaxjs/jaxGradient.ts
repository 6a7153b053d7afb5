import type { GradientLike } from '../check/gradient.js';
import type { Params } from '../numeric/tree.js';
import { requireFunction } from '../numeric/validate.js';
import { jaxModule } from './_internals/module.js';
import { jaxTheta } from './_internals/theta.js';
import { readTree, readTreeAsync } from './_internals/trees.js';
import { type JaxReadOptions, readMode } from './jaxFunction.js';

/**
 * Turns a jax-js gradient function (typically `grad(f)`, or your own backward pass) into the
 * gradient that `toHaveGradient` and `checkGradient` take: it calls `grad(θ)` and reads the tree
 * of arrays it returns into a tree shaped like θ, freeing every array. Plain leaves of θ reach
 * grad as jax-js Arrays, as in `jaxFunction`. With `{ read: 'async' }`,
 * or for an async grad, the result is a Promise (for the async checks).
 *
 * @example
 * import 'gradcheck/jaxjs';
 * import { grad, numpy as np } from '@jax-js/jax';
 * import { checkGradient } from 'gradcheck';
 * import { jaxFunction, jaxGradient } from 'gradcheck/jaxjs';
 * const loss = (p: { w: np.Array; b: np.Array }) => np.sum(np.square(p.w.add(p.b)));
 * checkGradient(jaxFunction(loss), jaxGradient(grad(loss)), { at: { w: np.array([1, 2]), b: np.array([0.5, 0.5]) } }).pass; // true
 */
export function jaxGradient<P extends Params = Params>(
  grad: (theta: any) => Promise<unknown>,
  options?: JaxReadOptions,
): <Q extends P>(theta: Q) => Promise<GradientLike<Q>>;
export function jaxGradient<P extends Params = Params>(
  grad: (theta: any) => unknown,
  options: JaxReadOptions & { read: 'async' },
): <Q extends P>(theta: Q) => Promise<GradientLike<Q>>;
export function jaxGradient<P extends Params = Params>(
  grad: (theta: any) => unknown,
  options?: JaxReadOptions & { read?: 'sync' },
): <Q extends P>(theta: Q) => GradientLike<Q>;
export function jaxGradient<P extends Params = Params>(
  grad: (theta: any) => unknown,
  options?: JaxReadOptions,
): (theta: P) => GradientLike<P> | Promise<GradientLike<P>> {
  requireFunction(grad, 'jaxGradient', 'grad (a function of jax-js arrays, such as grad(f))');
  const read = readMode(options, 'jaxGradient');
  return (theta: P) => {
    const value = grad(jaxTheta(jaxModule('jaxGradient'), theta));
    // The tree read has grad's structure, which gradcheck compares with θ's.
    type G = GradientLike<P>;
    if (value instanceof Promise) return value.then((v) => readTreeAsync(v, 'jaxGradient', 'grad') as Promise<G>);
    if (read === 'async') return readTreeAsync(value, 'jaxGradient', 'grad') as Promise<G>;
    return readTree(value, 'jaxGradient', 'grad') as G;
  };
}
