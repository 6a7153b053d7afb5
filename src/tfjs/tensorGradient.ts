import { GradcheckError } from '../numeric/errors.js';
import type { Params } from '../numeric/tree.js';
import { requireFunction } from '../numeric/validate.js';
import { fromTensors, toTensors } from './convert.js';
import type { TensorFunction, TfNamespace } from './types.js';
import { requireTf } from './requireTf.js';

/**
 * Turns a gradient function of tensors into a function of θ returning a tree shaped like θ.
 * `grad` takes f's arguments (θ's leaves, in order) and returns one tensor per argument: what
 * `tf.grad(f)` returns for a one-argument f, or your hand-written backward pass. For
 * `tf.grads(f)`, which takes its arguments as an array, write `(...xs) => tf.grads(f)(xs)`.
 *
 * @example
 * import * as tf from '@tensorflow/tfjs';
 * const f = (x: tf.Tensor) => tf.sum(tf.sin(x));
 * const grad = tensorGradient(tf, tf.grad(f));
 * grad([0, Math.PI]); // [1, -1] (to float32 precision)
 */
export function tensorGradient<P extends Params = Params>(tf: TfNamespace, grad: (...xs: never[]) => unknown): (theta: P) => P {
  requireTf(tf, 'tensorGradient');
  requireFunction(grad, 'tensorGradient', 'grad (a function of tensors)');
  const g = grad as (...xs: unknown[]) => unknown;
  return (theta: P) => {
    let out: Params = 0;
    tf.tidy(() => {
      const converted = toTensors(tf, theta, 'tensorGradient');
      out = fromTensors(converted, g(...converted.args), 'tensorGradient', 'grad');
    });
    return out as P;
  };
}

/**
 * The gradient TF.js computes for f by automatic differentiation (`tf.valueAndGrads`, so
 * `tf.customGrad` gradients and registered kernel gradients are the ones used), as a function
 * of θ shaped like θ. This is what a gradient check of a TF.js model compares against finite
 * differences of `tensorFunction(tf, f)`.
 *
 * @example
 * import * as tf from '@tensorflow/tfjs';
 * const loss = (w: tf.Tensor, b: tf.Tensor) => tf.sum(tf.square(tf.add(w, b)));
 * autodiffGradient(tf, loss)({ w: [1, 2], b: [0.5, 0.5] }); // { w: [3, 5], b: [3, 5] }
 */
export function autodiffGradient<P extends Params = Params>(tf: TfNamespace, f: TensorFunction): (theta: P) => P {
  requireTf(tf, 'autodiffGradient');
  requireFunction(f, 'autodiffGradient', 'f (a function of tensors)');
  const valueAndGrads = tf.valueAndGrads(f);
  return (theta: P) => {
    let out: Params = 0;
    tf.tidy(() => {
      const converted = toTensors(tf, theta, 'autodiffGradient');
      const { value, grads } = valueAndGrads(converted.args);
      if (value.size !== 1) {
        throw new GradcheckError(
          `autodiffGradient: f must return a scalar tensor (the loss), but returned shape [${value.shape.join(', ')}]`,
        );
      }
      out = fromTensors(converted, grads, 'autodiffGradient', 'tf.grads(f)');
    });
    return out as P;
  };
}
