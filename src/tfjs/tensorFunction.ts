import type { Params } from '../numeric/tree.js';
import { requireFunction } from '../numeric/validate.js';
import { scalarOf, toTensors } from './convert.js';
import type { TensorFunction, TfNamespace } from './types.js';
import { requireTf } from './requireTf.js';

/**
 * Turns a scalar-valued function of tensors into the function of θ that `toHaveGradient` and
 * `checkGradient` take. θ's leaves become f's arguments, in θ's flat order: a number or array
 * is one tensor, `{ W, b }` calls f(W, b). Tensors are float32 (TF.js's precision): check with
 * `precision: 'float32'`, or use `checkTensorGradient`, which does.
 *
 * @example
 * import * as tf from '@tensorflow/tfjs';
 * const loss = (x: tf.Tensor) => tf.sum(tf.square(x));
 * expect(tensorFunction(tf, loss)).toHaveGradient(tensorGradient(tf, tf.grad(loss)), {
 *   at: [[1, 2], [3, 4]],
 *   precision: 'float32',
 * });
 */
export function tensorFunction<P extends Params = Params>(tf: TfNamespace, f: TensorFunction): (theta: P) => number {
  requireTf(tf, 'tensorFunction');
  requireFunction(f, 'tensorFunction', 'f (a function of tensors)');
  return (theta: P) => {
    let value = Number.NaN;
    tf.tidy(() => {
      const { args } = toTensors(tf, theta, 'tensorFunction');
      value = scalarOf(f(...args), 'tensorFunction', 'f');
    });
    return value;
  };
}
