import { type HessianOptions, type HessianSpec, hessianCheck } from '../check/hessian.js';
import type { GradientReport } from '../check/report.js';
import type { Params } from '../numeric/tree.js';
import { withMessage } from '../format/withMessage.js';
import type { Loss } from '../numeric/adapters/types.js';

/**
 * Checks an analytic Hessian against finite differences at `options.at`.
 *
 * With `options.gradient`, the reference is the numerical Jacobian of that gradient (exactly 2n
 * calls of it, suspects re-checked with Richardson). Without it, second differences of f:
 * (f(θ + hᵢeᵢ) − 2f(θ) + f(θ − hᵢeᵢ)) / hᵢ² on the diagonal and the four-point stencil
 * (f(++) − f(+−) − f(−+) + f(−−)) / 4hᵢhⱼ off it — 2n² + 1 calls of f — with entries that
 * disagree re-checked by Richardson extrapolation from a larger step. The report names an
 * asymmetric analytic Hessian (and a gradient whose Jacobian is not symmetric). Entries are
 * named `∂²f/∂θ[i]∂θ[j]` (`∂²f/∂W[0][1]∂b[0]` for trees); `analytic` and `numeric` are n×n
 * row-major and a mismatch's `index` is i·n + j.
 *
 * @example
 * const f = ([x, y]: number[]) => x * x * y;
 * checkHessian(f, ([x, y]) => [[2 * y, 2 * x], [2 * x, 0]], { at: [1, 2] }).pass; // true
 */
export function checkHessian<P extends Params>(
  f: (theta: P) => Loss,
  H: HessianSpec<P>,
  options: HessianOptions<P>,
): GradientReport {
  return withMessage(hessianCheck(f, H, options, 'checkHessian'));
}
