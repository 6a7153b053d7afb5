import { hessianCheck } from '../check/hessian.js';
import { hessianCheckAsync } from '../check/async.js';
import type { MatcherContext, MatcherResult } from './context.js';
import { matchSyncOrAsync } from './async.js';

/**
 * `expect(f).toHaveHessian(H, { at: θ, ...options })` passes when f has the Hessian `H` (an n×n
 * matrix or a function of θ) at θ, against second differences of f or, with `options.gradient`,
 * differences of that gradient. Options and report as the check it wraps; works with `.not`.
 * When f (or H) returns a Promise, the matcher returns one: `await expect(f).toHaveHessian(…)`.
 *
 * @example
 * expect(loss).toHaveHessian(hessian, { at: θ, gradient: lossGrad });
 */
export function toHaveHessian(
  this: MatcherContext,
  received: unknown,
  H: unknown,
  options: unknown,
): MatcherResult | Promise<MatcherResult> {
  return matchSyncOrAsync(this, 'toHaveHessian', 'H', options, {
    sync: () => hessianCheck(received, H, options, 'toHaveHessian'),
    async: () => hessianCheckAsync(received, H, options, 'toHaveHessian'),
  });
}
