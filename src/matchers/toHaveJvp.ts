import { jvpCheck } from '../check/jvp.js';
import type { MatcherContext, MatcherResult } from './context.js';
import { reportResult } from './result.js';

/**
 * `expect(f).toHaveJvp(jvp, { at: θ, ...options })`: passes when f has a Jacobian–vector product jvp(θ, u) → ẏ, checked along random or given tangents at θ. Options as
 * the check it wraps; works with `.not`.
 *
 * @example
 * expect(forward).toHaveJvp(tangent, { at: x });
 */
export function toHaveJvp(this: MatcherContext, received: unknown, jvp: unknown, options: unknown): MatcherResult {
  return reportResult(this, 'toHaveJvp', jvpCheck(received, jvp, options, 'toHaveJvp'), 'jvp');
}
