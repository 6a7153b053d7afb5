import { derivativeCheck } from '../check/derivative.js';
import { gradientCheckAsync } from '../check/async.js';
import type { MatcherContext, MatcherResult } from './context.js';
import { matchSyncOrAsync } from './async.js';

/**
 * `expect(f).toHaveDerivative(df, { at: x })` for functions of one number; `df` is a
 * function of x or a value.
 * When f (or df) returns a Promise, the matcher returns one: `await expect(f).toHaveDerivative(…)`.
 *
 * @example
 * expect(Math.sin).toHaveDerivative(Math.cos, { at: 0.3 });
 */
export function toHaveDerivative(
  this: MatcherContext,
  received: unknown,
  df: unknown,
  options: unknown,
): MatcherResult | Promise<MatcherResult> {
  return matchSyncOrAsync(this, 'toHaveDerivative', 'df', options, {
    sync: () => derivativeCheck(received, df, options, 'toHaveDerivative'),
    async: () => gradientCheckAsync(received, df, options, 'toHaveDerivative', 'derivative'),
  });
}
