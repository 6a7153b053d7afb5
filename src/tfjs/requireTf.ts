import { GradcheckError } from '../numeric/errors.js';
import type { TfNamespace } from './types.js';

/**
 * Refuses anything but a TensorFlow.js namespace as `tf`, in one sentence that says how to pass
 * it and, since the usual cause is a missing optional peer (gradcheck never imports TF.js
 * itself), how to install it.
 *
 * @example
 * requireTf(tf, 'tensorFunction'); // passes for `import * as tf from '@tensorflow/tfjs'`
 * requireTf(undefined, 'tensorFunction'); // throws: '… npm install --save-dev @tensorflow/tfjs-core …'
 */
export function requireTf(tf: unknown, caller: string): asserts tf is TfNamespace {
  const namespace = tf as Partial<Record<keyof TfNamespace, unknown>> | null | undefined;
  const isNamespace =
    (typeof namespace === 'object' || typeof namespace === 'function') &&
    namespace !== null &&
    typeof namespace.tensor === 'function' &&
    typeof namespace.tidy === 'function' &&
    typeof namespace.valueAndGrads === 'function';
  if (isNamespace) return;
  throw new GradcheckError(
    `${caller}: tf must be the TensorFlow.js namespace (import * as tf from '@tensorflow/tfjs'), but got ${describe(tf)}; if TensorFlow.js is not installed: npm install --save-dev @tensorflow/tfjs-core (or @tensorflow/tfjs, which includes it and the CPU and WebGL backends)`,
  );
}

function describe(value: unknown): string {
  if (value === null || value === undefined) return String(value);
  if (typeof value === 'function') return 'a function (pass tf first, then your function)';
  if (typeof value === 'object') return 'an object without tensor, tidy and valueAndGrads';
  return `a ${typeof value}`;
}
