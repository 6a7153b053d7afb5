import type { GradientReport } from '../check/report.js';
import { type VjpOptions, vjpCheck } from '../check/vjp.js';
import type { Params } from '../numeric/tree.js';
import { withMessage } from '../format/withMessage.js';

/**
 * Checks a vector–Jacobian product (a layer's backward pass) against finite differences.
 *
 * For a layer `forward(θ) → y` and `vjp(θ, ȳ) → θ̄` (θ̄ shaped like θ, ȳ shaped like f's output),
 * θ̄ must equal Jᵀȳ. θ may be a tree (`{ x, W, b }`), so one check covers the input and the
 * parameter gradients of a layer. The numerical Jᵀȳ comes from central differences of f, one
 * column at a time: f(θ) once (to learn the output's shape) plus 2n calls, shared by every
 * cotangent; entries that disagree are re-checked with Richardson extrapolation. A mismatch is
 * reported once per entry of θ̄ (its worst cotangent); `report.analytic`, `numeric` and
 * `errorEstimates` hold θ̄ for the first cotangent, flattened like θ.
 *
 * @example
 * const forward = ({ x, w }: { x: number[]; w: number[] }) => x.map((xi, i) => xi * w[i]);
 * const backward = ({ x, w }: { x: number[]; w: number[] }, yBar: number[]) => ({ x: yBar.map((g, i) => g * w[i]), w: yBar.map((g, i) => g * x[i]) });
 * checkVjp(forward, backward, { at: { x: [1, 2], w: [3, 4] } }).pass; // true
 */
export function checkVjp<P extends Params, Y extends Params>(
  f: (theta: P) => Y,
  vjp: (theta: P, cotangent: Y) => Params,
  options: VjpOptions<P>,
): GradientReport {
  return withMessage(vjpCheck(f, vjp, options, 'checkVjp'));
}
