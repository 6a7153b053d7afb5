import type { GradientSpec } from '../check/gradient.js';
import { type ConvergenceOptions, type ConvergenceReport, convergenceCheck } from '../check/convergence.js';
import { convergenceMessage } from '../format/convergenceMessage.js';
import { withLazyMessage } from '../format/withMessage.js';
import type { Params } from '../numeric/tree.js';
import type { Loss } from '../numeric/adapters/types.js';

/**
 * The Taylor test, a verdict that needs no step and no tolerance: along random directions d,
 * r(h) = |f(θ + h·d) − f(θ) − h·⟨g, d⟩| must fall like h² (order 2) over a ladder of steps
 * h = 2⁻³, 2⁻⁵, …; a wrong gradient leaves an O(h) term (order 1). The order is the slope of
 * log r against log h through the three smallest steps whose residual stands clear of
 * round-off; a direction passes at order ≥ 1.5. Cost: 1 + (at most 12 per direction) calls of f.
 * It resolves gradient errors larger than about √(round-off · curvature) along d, so it is the
 * robust fallback for noisy (float32) code rather than a replacement for `checkGradient`.
 *
 * @example
 * const report = checkConvergence(([x, y]) => x * x * y, ([x, y]) => [2 * x * y, x * x], { at: [1, 2] });
 * report.pass;  // true
 * report.order; // ≈ 2
 */
export function checkConvergence<P extends Params>(
  f: (theta: P) => Loss,
  grad: GradientSpec<P>,
  options: ConvergenceOptions<P>,
): ConvergenceReport {
  return withLazyMessage(convergenceCheck(f, grad, options, 'checkConvergence'), convergenceMessage);
}
