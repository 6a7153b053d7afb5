import { vjpCheck } from '../check/vjp.js';
import type { MatcherContext, MatcherResult } from './context.js';
import { reportResult } from './result.js';

/**
 * `expect(f).toHaveVjp(vjp, { at: θ, ...options })`: passes when f has a vector–Jacobian product vjp(θ, ȳ) → θ̄ (a layer's backward pass), checked along random or given cotangents at θ. Options as
 * the check it wraps; works with `.not`.
 *
 * @example
 * expect(forward).toHaveVjp(backward, { at: { x, W, b } });
 */
export function toHaveVjp(this: MatcherContext, received: unknown, vjp: unknown, options: unknown): MatcherResult {
  return reportResult(this, 'toHaveVjp', vjpCheck(received, vjp, options, 'toHaveVjp'), 'vjp');
}
