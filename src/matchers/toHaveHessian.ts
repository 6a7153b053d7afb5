import { hessianCheck } from '../check/hessian.js';
import type { MatcherContext, MatcherResult } from './context.js';
import { reportResult } from './result.js';

/**
 * `expect(f).toHaveHessian(H, { at: θ, ...options })` passes when f has the Hessian `H` (an n×n
 * matrix or a function of θ) at θ, against second differences of f or, with `options.gradient`,
 * differences of that gradient. Options and report as the check it wraps; works with `.not`.
 *
 * @example
 * expect(loss).toHaveHessian(hessian, { at: θ, gradient: lossGrad });
 */
export function toHaveHessian(this: MatcherContext, received: unknown, H: unknown, options: unknown): MatcherResult {
  return reportResult(this, 'toHaveHessian', hessianCheck(received, H, options, 'toHaveHessian'), 'H', options);
}
