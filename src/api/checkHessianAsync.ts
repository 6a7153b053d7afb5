import { hessianCheckAsync } from '../check/async.js';
import type { AsyncHessianOptions, AsyncMatrixSpec, MaybePromise } from '../check/asyncTypes.js';
import type { GradientReport } from '../check/report.js';
import type { Params } from '../numeric/tree.js';
import { withMessage } from '../format/withMessage.js';
import type { Loss } from '../numeric/adapters/types.js';

/**
 * `checkHessian` for an f (and H, options.gradient) that may return a Promise; it resolves to
 * the report `checkHessian` gives for the same values. `options.concurrency` (default 1): calls
 * in flight at once, each on its own copy of θ; the report never depends on it. Second
 * differences cost 2n² + 1 calls of f, so concurrency pays most here.
 *
 * @example
 * const f = async ([x, y]: number[]) => x * x * y;
 * (await checkHessianAsync(f, ([x, y]) => [[2 * y, 2 * x], [2 * x, 0]], { at: [1, 2], concurrency: 8 })).pass; // true
 */
export async function checkHessianAsync<P extends Params>(
  f: (theta: P) => MaybePromise<Loss>,
  H: AsyncMatrixSpec<P>,
  options: AsyncHessianOptions<P>,
): Promise<GradientReport> {
  return withMessage(await hessianCheckAsync(f, H, options, 'checkHessianAsync'));
}
