import { gradientCheckAsync } from '../check/async.js';
import type { AsyncGradientSpec, MaybePromise } from '../check/asyncTypes.js';
import type { CheckOptions } from '../check/options.js';
import type { GradientReport } from '../check/report.js';
import type { Params } from '../numeric/tree.js';
import { withMessage } from '../format/withMessage.js';
import type { Loss } from '../numeric/adapters/types.js';

/**
 * `checkGradient` for an f (and grad) that may return a Promise: TensorFlow.js on WebGL or
 * WebGPU (`await t.data()`), ONNX Runtime Web, a model in worker threads (`gradcheck/workers`).
 * It resolves to the report `checkGradient` gives for the same values, bit for bit.
 *
 * `options.concurrency` (default 1) is how many calls of f may be in flight at once, each on its
 * own copy of θ; the report never depends on it. `report.evaluations` counts the real calls of f:
 * the synchronous check's count, plus any call a collecting pass asked for ahead of the values
 * and the check then did not need (none for the usual checks; see the async guide). f may
 * return (a Promise of) a one-entry tensor of a registered adapter, as `checkGradient`'s may.
 *
 * @example
 * const loss = async (theta: number[]) => (await model.lossTensor(theta).data())[0];
 * const report = await checkGradientAsync(loss, lossGrad, { at: theta0, concurrency: 4 });
 * report.pass; // true
 */
export async function checkGradientAsync<P extends Params>(
  f: (theta: P) => MaybePromise<Loss>,
  grad: AsyncGradientSpec<P>,
  options: CheckOptions<P>,
): Promise<GradientReport> {
  return withMessage(await gradientCheckAsync(f, grad, options, 'checkGradientAsync'));
}
