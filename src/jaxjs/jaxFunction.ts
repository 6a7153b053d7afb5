import { GradcheckError } from '../numeric/errors.js';
import type { Params } from '../numeric/tree.js';
import { requireFunction } from '../numeric/validate.js';
import { jaxModule } from './_internals/module.js';
import { scalarOf, scalarOfAsync } from './_internals/scalar.js';
import { jaxTheta } from './_internals/theta.js';

/** Options of `jaxFunction` and `jaxGradient`. */
export interface JaxReadOptions {
  /**
   * How results are read: `'sync'` (`dataSync()`, for the cpu and wasm devices) or `'async'`
   * (`data()`: the function returns a Promise; use it with the async checks, and on WebGPU).
   * A function that itself returns a Promise is always read asynchronously.
   * @defaultValue 'sync'
   */
  read?: 'sync' | 'async';
}

/** @internal The `read` option, checked. */
export function readMode(options: JaxReadOptions | undefined, caller: string): 'sync' | 'async' {
  const read = options?.read ?? 'sync';
  if (read !== 'sync' && read !== 'async') {
    throw new GradcheckError(`${caller}: options.read must be 'sync' or 'async', but got ${String(read)}`);
  }
  return read;
}

/**
 * Turns a scalar-valued jax-js function of θ into the function of θ that `toHaveGradient` and
 * `checkGradient` take: it calls `f(θ)` (θ's jax-js Arrays are fresh copies that f consumes, as
 * jax-js functions do) and reads the loss it returns (a one-entry Array, or a number), freeing
 * it. θ may also hold plain leaves (numbers, arrays, typed arrays): f receives them as jax-js
 * Arrays on the default device, float32 from a `Float32Array`, float64 otherwise. With `{ read: 'async' }`, or for an async f, the result is a Promise: use
 * `checkGradientAsync` or `await expect(…)`.
 *
 * @example
 * import 'gradcheck/jaxjs';
 * import { grad, numpy as np } from '@jax-js/jax';
 * import { jaxFunction, jaxGradient } from 'gradcheck/jaxjs';
 * const loss = (x: np.Array) => np.sum(np.tanh(x));
 * expect(jaxFunction(loss)).toHaveGradient(jaxGradient(grad(loss)), { at: np.array([0.1, -0.4, 0.7]) });
 */
export function jaxFunction<P extends Params = Params>(
  f: (theta: any) => Promise<unknown>,
  options?: JaxReadOptions,
): (theta: P) => Promise<number>;
export function jaxFunction<P extends Params = Params>(
  f: (theta: any) => unknown,
  options: JaxReadOptions & { read: 'async' },
): (theta: P) => Promise<number>;
export function jaxFunction<P extends Params = Params>(
  f: (theta: any) => unknown,
  options?: JaxReadOptions & { read?: 'sync' },
): (theta: P) => number;
export function jaxFunction<P extends Params = Params>(
  f: (theta: any) => unknown,
  options?: JaxReadOptions,
): (theta: P) => number | Promise<number> {
  requireFunction(f, 'jaxFunction', 'f (a function of jax-js arrays)');
  const read = readMode(options, 'jaxFunction');
  return (theta: P) => {
    const value = f(jaxTheta(jaxModule('jaxFunction'), theta));
    if (value instanceof Promise) return value.then((v) => scalarOfAsync(v, 'jaxFunction', 'f'));
    return read === 'async' ? scalarOfAsync(value, 'jaxFunction', 'f') : scalarOf(value, 'jaxFunction', 'f');
  };
}
