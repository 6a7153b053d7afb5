import { gradientCheck } from '../check/gradient.js';
import { withMessage } from '../format/withMessage.js';
import type { CheckOptions } from '../check/options.js';
import type { GradientReport } from '../check/report.js';
import { GradcheckError } from '../numeric/errors.js';
import type { Params } from '../numeric/tree.js';
import { requireFunction } from '../numeric/validate.js';
import { scalarOf, toTensors } from './convert.js';
import { autodiffGradient, tensorGradient } from './tensorGradient.js';
import type { TensorFunction, TfNamespace } from './types.js';
import { requireTf } from './requireTf.js';

/** Options of `checkTensorGradient`: a check's options, float32 unless you say otherwise. */
export interface TensorCheckOptions<P extends Params = Params> extends CheckOptions<P> {
  /**
   * The gradient to check, as a function of tensors with f's arguments (see `tensorGradient`).
   * @defaultValue TF.js's own gradient of f (`tf.grads`, which runs `tf.customGrad` gradients)
   */
  grad?: (...xs: never[]) => unknown;
}

/**
 * Checks TF.js's gradient of a scalar-valued function of tensors against float32 finite
 * differences at `options.at`: by default the one `tf.grads` computes (custom gradients
 * included), or `options.grad`. Returns the same `GradientReport` as `checkGradient`.
 *
 * @example
 * import * as tf from '@tensorflow/tfjs';
 * const square = tf.customGrad((x: tf.Tensor, save: (ts: tf.Tensor[]) => void) => {
 *   save([x]);
 *   return { value: tf.square(x), gradFunc: (dy: tf.Tensor, [s]: tf.Tensor[]) => tf.mul(dy, tf.mul(2, s)) };
 * });
 * const report = checkTensorGradient(tf, (x: tf.Tensor) => tf.sum(square(x)), { at: [0.5, -1, 2] });
 * report.pass; // true
 */
export function checkTensorGradient<P extends Params>(
  tf: TfNamespace,
  f: TensorFunction,
  options: TensorCheckOptions<P>,
): GradientReport {
  const caller = 'checkTensorGradient';
  requireTf(tf, caller);
  requireFunction(f, caller, 'f (a function of tensors)');
  if (options === null || typeof options !== 'object') {
    throw new GradcheckError(`${caller}: options must be an object with the point θ as options.at, e.g. { at: [1, 2, 3] }`);
  }
  const { grad, ...rest } = options;
  if (grad !== undefined) requireFunction(grad, caller, 'options.grad (a function of tensors)');
  const forward = (theta: P): number => {
    let value = Number.NaN;
    tf.tidy(() => {
      value = scalarOf(f(...toTensors(tf, theta, caller).args), caller, 'f');
    });
    return value;
  };
  const analytic = grad === undefined ? autodiffGradient<P>(tf, f) : tensorGradient<P>(tf, grad);
  return withMessage(gradientCheck(forward, analytic, { precision: 'float32', ...rest }, caller));
}
