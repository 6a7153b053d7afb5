import { hessianCheck } from '../check/hessian.js';
import type { MatcherContext, MatcherResult } from './context.js';
import { reportResult } from './result.js';

/**
 * `expect(f).toHaveHessian(H, { at: θ, ...options })`: passes when f has the Hessian H (an n×n matrix or a function of θ returning it) at θ. Options as
 * the check it wraps; works with `.not`.
 *
 * @example
 * expect(loss).toHaveHessian(hessian, { at: θ });
 */
export function toHaveHessian(this: MatcherContext, received: unknown, H: unknown, options: unknown): MatcherResult {
  return reportResult(this, 'toHaveHessian', hessianCheck(received, H, options, 'toHaveHessian'), 'H');
}
