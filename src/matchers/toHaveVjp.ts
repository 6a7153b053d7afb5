import { vjpCheck } from '../check/vjp.js';
import { vjpCheckAsync } from '../check/async.js';
import type { MatcherContext, MatcherResult } from './context.js';
import { matchSyncOrAsync } from './async.js';

/**
 * `expect(f).toHaveVjp(vjp, { at: θ, ...options })` passes when f (a layer's forward pass) has
 * the backward pass `vjp(θ, ȳ) → θ̄` at θ: θ̄ equals Jᵀȳ for seeded random cotangents ȳ
 * (`cotangents`: a count or explicit ones). Options and report as the check it wraps; works with
 * `.not`.
 * When f (or vjp) returns a Promise, the matcher returns one: `await expect(f).toHaveVjp(…)`.
 *
 * @example
 * expect(forward).toHaveVjp(backward, { at: { x, W, b } });
 */
export function toHaveVjp(
  this: MatcherContext,
  received: unknown,
  vjp: unknown,
  options: unknown,
): MatcherResult | Promise<MatcherResult> {
  return matchSyncOrAsync(this, 'toHaveVjp', 'vjp', options, {
    sync: () => vjpCheck(received, vjp, options, 'toHaveVjp'),
    async: () => vjpCheckAsync(received, vjp, options, 'toHaveVjp'),
  });
}
