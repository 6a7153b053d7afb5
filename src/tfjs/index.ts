/**
 * `gradcheck/tfjs`: gradient checks for TensorFlow.js. Pass your own `tf` namespace (TF.js is an
 * optional peer dependency; gradcheck never imports it): `tensorFunction` and `tensorGradient`
 * turn functions of tensors into what `toHaveGradient` takes, `autodiffGradient` is TF.js's own
 * gradient (`tf.grads`, custom gradients included), and `checkTensorGradient` runs the whole
 * check in float32.
 *
 * @example
 * import * as tf from '@tensorflow/tfjs';
 * import { autodiffGradient, tensorFunction } from 'gradcheck/tfjs';
 * const loss = (w: tf.Tensor) => tf.sum(tf.sigmoid(w));
 * expect(tensorFunction(tf, loss)).toHaveGradient(autodiffGradient(tf, loss), { at: [0.1, -0.4], precision: 'float32' });
 */
import { provideRuntime } from '../check/timeAndProgress/runtime.js';
import { nodeRuntime } from '../runtime/index.js';

// The checks read the running test's timeout and the watched terminal through this runtime.
provideRuntime(nodeRuntime);
export { tensorFunction } from './tensorFunction.js';
export { autodiffGradient, tensorGradient } from './tensorGradient.js';
export { checkTensorGradient } from './checkTensorGradient.js';
export type { TensorCheckOptions } from './checkTensorGradient.js';
export type { TensorFunction, TensorLike, TfNamespace } from './types.js';
