import { type GradientSpec, gradientCheck } from '../check/gradient.js';
import type { CheckOptions } from '../check/options.js';
import type { GradientReport } from '../check/report.js';
import type { Params } from '../numeric/tree.js';
import { withMessage } from '../format/withMessage.js';
import type { Loss } from '../numeric/adapters/types.js';

/**
 * Checks an analytic gradient against finite differences of f at `options.at`.
 *
 * Every entry is compared elementwise, |a − n| ≤ atol + rtol · max(|a|, |n|) + the numerical
 * error estimate of n. Central differences at the seed's step cost exactly 2n calls of f; entries
 * the first pass cannot confirm are re-checked with Richardson extrapolation (4 calls each) and
 * one-sided differences (to tell a kink from a bug), after making sure f is deterministic.
 *
 * f returns a number, or a one-entry tensor of a registered adapter (a `Loss`): with
 * `gradcheck/jaxjs` imported, `checkGradient(loss, grad(loss), { at })` takes jax-js functions
 * as they are, and frees the arrays they return once read.
 *
 * @example
 * const f = ([x, y]: number[]) => x * x + 3 * y;
 * const report = checkGradient(f, ([x]) => [2 * x, 3], { at: [1.5, -2] });
 * report.pass;        // true
 * report.evaluations; // 4
 */
export function checkGradient<P extends Params>(
  f: (theta: P) => Loss,
  grad: GradientSpec<P>,
  options: CheckOptions<P>,
): GradientReport {
  return withMessage(gradientCheck(f, grad, options, 'checkGradient'));
}
