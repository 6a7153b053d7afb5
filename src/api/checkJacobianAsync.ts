import { jacobianCheckAsync } from '../check/async.js';
import type { AsyncMatrixSpec, MaybePromise } from '../check/asyncTypes.js';
import type { JacobianOptions } from '../check/jacobian.js';
import type { GradientReport } from '../check/report.js';
import type { Params } from '../numeric/tree.js';
import { withMessage } from '../format/withMessage.js';

/**
 * `checkJacobian` for an f (and jac) that may return a Promise; it resolves to the report
 * `checkJacobian` gives for the same values. `options.concurrency` (default 1): calls of f in
 * flight at once, each on its own copy of θ; the report never depends on it.
 *
 * @example
 * const layer = async ([x0, x1]: number[]) => [x0 * x1, Math.sin(x0)];
 * const jac = ([x0, x1]: number[]) => [[x1, x0], [Math.cos(x0), 0]];
 * (await checkJacobianAsync(layer, jac, { at: [0.7, -1.2], concurrency: 4 })).pass; // true
 */
export async function checkJacobianAsync<P extends Params>(
  f: (theta: P) => MaybePromise<Params>,
  jac: AsyncMatrixSpec<P>,
  options: JacobianOptions<P>,
): Promise<GradientReport> {
  return withMessage(await jacobianCheckAsync(f, jac, options, 'checkJacobianAsync'));
}
