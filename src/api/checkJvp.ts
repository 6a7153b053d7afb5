import { type JvpOptions, jvpCheck } from '../check/jvp.js';
import type { GradientReport } from '../check/report.js';
import type { Params } from '../numeric/tree.js';
import { withMessage } from '../format/withMessage.js';

/**
 * Checks a Jacobian–vector product (a forward-mode derivative) against finite differences.
 *
 * `jvp(θ, u) → ẏ` (u shaped like θ, ẏ shaped like f's output) must equal J u, which is the
 * directional derivative (f(θ + t·u) − f(θ − t·u)) / 2t: exactly 2 calls of f per tangent,
 * whatever the size of θ. Outputs that disagree are re-checked with Richardson extrapolation
 * along the same tangent (4 more calls). θ may be a tree (`{ x, W, b }`). Mismatches are named
 * by output path (`out[1]`, `out.logits[3]`), once per output (its worst tangent);
 * `report.analytic` and `numeric` hold ẏ for the first tangent, flattened like the output.
 *
 * @example
 * const f = ([x, y]: number[]) => [x * y, Math.sin(x)];
 * checkJvp(f, ([x, y], [u, v]: number[]) => [u * y + x * v, Math.cos(x) * u], { at: [1, 2] }).pass; // true
 */
export function checkJvp<P extends Params, Y extends Params>(
  f: (theta: P) => Y,
  jvp: (theta: P, tangent: P) => Params,
  options: JvpOptions<P>,
): GradientReport {
  return withMessage(jvpCheck(f, jvp, options, 'checkJvp'));
}
