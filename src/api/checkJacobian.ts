import { type JacobianOptions, type JacobianSpec, jacobianCheck } from '../check/jacobian.js';
import type { GradientReport } from '../check/report.js';
import type { Params } from '../numeric/tree.js';
import { withMessage } from '../format/withMessage.js';

/**
 * Checks an analytic Jacobian against finite differences of f at `options.at`.
 *
 * f returns a number, an array, a typed array or a tree; `jac` is the m×n matrix (rows = the m
 * flattened outputs, columns = the n flattened entries of θ) or a function of θ returning it.
 * Central differences cost exactly 2n calls of f; columns holding entries that do not agree are
 * re-checked with Richardson extrapolation (4 more calls each). Entries are named
 * `∂out[i]/∂θ[j]` (`∂out[0]/∂W[1][2]` for trees) and every block (output tensor × input tensor)
 * holding a wrong entry gets a map. In the report, `analytic`, `numeric` and `errorEstimates`
 * are the m×n matrices row-major, and a mismatch's `index` is i·n + j.
 *
 * @example
 * const f = ([x, y]: number[]) => [x * y, x + y];
 * checkJacobian(f, ([x, y]) => [[y, x], [1, 1]], { at: [2, 3] }).pass; // true
 */
export function checkJacobian<P extends Params>(
  f: (theta: P) => Params,
  jac: JacobianSpec<P>,
  options: JacobianOptions<P>,
): GradientReport {
  return withMessage(jacobianCheck(f, jac, options, 'checkJacobian'));
}
