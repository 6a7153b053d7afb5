import { gradientCheck } from '../check/gradient.js';
import { gradientCheckAsync } from '../check/async.js';
import type { MatcherContext, MatcherResult } from './context.js';
import { matchSyncOrAsync } from './async.js';

/**
 * `expect(f).toHaveGradient(grad, { at: θ, ...options })`: passes when `grad` (a function of θ
 * or a gradient value) matches finite differences of f at θ. Options as `checkGradient`.
 * When f (or grad) returns a Promise, the matcher returns one: `await expect(f).toHaveGradient(…)`.
 *
 * @example
 * expect(([x, y]: number[]) => x * y).toHaveGradient(([x, y]) => [y, x], { at: [2, 3] });
 */
export function toHaveGradient(
  this: MatcherContext,
  received: unknown,
  grad: unknown,
  options: unknown,
): MatcherResult | Promise<MatcherResult> {
  return matchSyncOrAsync(this, 'toHaveGradient', 'grad', options, {
    sync: () => gradientCheck(received, grad, options, 'toHaveGradient'),
    async: () => gradientCheckAsync(received, grad, options, 'toHaveGradient'),
  });
}
