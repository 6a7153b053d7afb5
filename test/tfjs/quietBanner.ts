import type * as tfjs from '@tensorflow/tfjs';

/**
 * Writes the CPU backend's first tensor with TF.js's `PROD` flag on, then puts the flag back.
 *
 * Why: TF.js's CPU backend prints "Hi, looks like you are running TensorFlow.js in Node.js…"
 * through its own `warn()` on the first tensor it writes in Node (`MathBackendCPU.write`,
 * guarded by `firstUse` and `IS_NODE`); `warn()` stays silent only while `PROD` or `IS_TEST` is
 * set. `tf.enableProdMode()` would silence it too, but also every later TF.js warning for the
 * rest of the run. Setting `PROD` around that one write uses up the banner and nothing else:
 * `PROD` has no set-hook and gates only TF.js's logging, so later warnings still print.
 *
 * Call it after `tf.setBackend('cpu')` (the banner belongs to the backend instance).
 *
 * @example
 * await tf.setBackend('cpu');
 * writeFirstTensorQuietly(tf);
 */
export function writeFirstTensorQuietly(tf: typeof tfjs): void {
  const env = tf.env();
  const prod = env.getBool('PROD');
  env.set('PROD', true);
  try {
    tf.tidy(() => {
      tf.scalar(0);
    });
  } finally {
    env.set('PROD', prod);
  }
}
