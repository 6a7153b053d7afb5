import { jvpCheckAsync } from '../check/async.js';
import type { MaybePromise } from '../check/asyncTypes.js';
import type { JvpOptions } from '../check/jvp.js';
import type { GradientReport } from '../check/report.js';
import type { Params } from '../numeric/tree.js';
import { withMessage } from '../format/withMessage.js';

/**
 * `checkJvp` for an f (and jvp) that may return a Promise; it resolves to the report `checkJvp`
 * gives for the same values. `options.concurrency` (default 1): calls in flight at once, each
 * on its own copy of θ; the report never depends on it.
 *
 * @example
 * const layer = async ([x0, x1]: number[]) => [x0 * x1, Math.sin(x0)];
 * const jvp = ([x0, x1]: number[], u: number[]) => [x1 * u[0] + x0 * u[1], Math.cos(x0) * u[0]];
 * (await checkJvpAsync(layer, jvp, { at: [0.7, -1.2], tangents: 2, concurrency: 4 })).pass; // true
 */
export async function checkJvpAsync<P extends Params, Y extends Params>(
  f: (theta: P) => MaybePromise<Y>,
  jvp: (theta: P, tangent: P) => MaybePromise<Params>,
  options: JvpOptions<P>,
): Promise<GradientReport> {
  return withMessage(await jvpCheckAsync(f, jvp, options, 'checkJvpAsync'));
}
