import { jvpCheck } from '../check/jvp.js';
import type { MatcherContext, MatcherResult } from './context.js';
import { reportResult } from './result.js';

/**
 * `expect(f).toHaveJvp(jvp, { at: θ, ...options })` passes when f has the forward-mode
 * derivative `jvp(θ, u) → ẏ` at θ: ẏ equals J u for seeded random tangents u (`tangents`: a
 * count or explicit ones). Options and report as the check it wraps; works with `.not`.
 *
 * @example
 * expect(forward).toHaveJvp(tangent, { at: { x, W, b }, tangents: 2 });
 */
export function toHaveJvp(this: MatcherContext, received: unknown, jvp: unknown, options: unknown): MatcherResult {
  return reportResult(this, 'toHaveJvp', jvpCheck(received, jvp, options, 'toHaveJvp'), 'jvp', options);
}
