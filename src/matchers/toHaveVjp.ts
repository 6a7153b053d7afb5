import { vjpCheck } from '../check/vjp.js';
import type { MatcherContext, MatcherResult } from './context.js';
import { reportResult } from './result.js';

/**
 * `expect(f).toHaveVjp(vjp, { at: θ, ...options })` passes when f (a layer's forward pass) has
 * the backward pass `vjp(θ, ȳ) → θ̄` at θ: θ̄ equals Jᵀȳ for seeded random cotangents ȳ
 * (`cotangents`: a count or explicit ones). Options and report as the check it wraps; works with
 * `.not`.
 *
 * @example
 * expect(forward).toHaveVjp(backward, { at: { x, W, b } });
 */
export function toHaveVjp(this: MatcherContext, received: unknown, vjp: unknown, options: unknown): MatcherResult {
  return reportResult(this, 'toHaveVjp', vjpCheck(received, vjp, options, 'toHaveVjp'), 'vjp', options);
}
