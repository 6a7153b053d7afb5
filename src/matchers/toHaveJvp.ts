import { jvpCheck } from '../check/jvp.js';
import { jvpCheckAsync } from '../check/async.js';
import type { MatcherContext, MatcherResult } from './context.js';
import { matchSyncOrAsync } from './async.js';

/**
 * `expect(f).toHaveJvp(jvp, { at: θ, ...options })` passes when f has the forward-mode
 * derivative `jvp(θ, u) → ẏ` at θ: ẏ equals J u for seeded random tangents u (`tangents`: a
 * count or explicit ones). Options and report as the check it wraps; works with `.not`.
 * When f (or jvp) returns a Promise, the matcher returns one: `await expect(f).toHaveJvp(…)`.
 *
 * @example
 * expect(forward).toHaveJvp(tangent, { at: { x, W, b }, tangents: 2 });
 */
export function toHaveJvp(
  this: MatcherContext,
  received: unknown,
  jvp: unknown,
  options: unknown,
): MatcherResult | Promise<MatcherResult> {
  return matchSyncOrAsync(this, 'toHaveJvp', 'jvp', options, {
    sync: () => jvpCheck(received, jvp, options, 'toHaveJvp'),
    async: () => jvpCheckAsync(received, jvp, options, 'toHaveJvp'),
  });
}
