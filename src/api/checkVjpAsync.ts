import { vjpCheckAsync } from '../check/async.js';
import type { MaybePromise } from '../check/asyncTypes.js';
import type { GradientReport } from '../check/report.js';
import type { VjpOptions } from '../check/vjp.js';
import type { Params } from '../numeric/tree.js';
import { withMessage } from '../format/withMessage.js';

/**
 * `checkVjp` for a layer whose forward pass (and backward pass) may return a Promise; it
 * resolves to the report `checkVjp` gives for the same values. `options.concurrency`
 * (default 1): calls in flight at once, each on its own copy of θ; the report never depends on it.
 *
 * @example
 * const forward = async ({ x, w }: { x: number[]; w: number[] }) => x.map((xi, i) => xi * w[i]);
 * const backward = ({ x, w }: { x: number[]; w: number[] }, yBar: number[]) => ({ x: yBar.map((g, i) => g * w[i]), w: yBar.map((g, i) => g * x[i]) });
 * (await checkVjpAsync(forward, backward, { at: { x: [1, 2], w: [3, 4] }, concurrency: 2 })).pass; // true
 */
export async function checkVjpAsync<P extends Params, Y extends Params>(
  f: (theta: P) => MaybePromise<Y>,
  vjp: (theta: P, cotangent: Y) => MaybePromise<Params>,
  options: VjpOptions<P>,
): Promise<GradientReport> {
  return withMessage(await vjpCheckAsync(f, vjp, options, 'checkVjpAsync'));
}
