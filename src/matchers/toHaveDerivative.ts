import { derivativeCheck } from '../check/derivative.js';
import type { MatcherContext, MatcherResult } from './context.js';
import { reportResult } from './result.js';

/**
 * `expect(f).toHaveDerivative(df, { at: x })` for functions of one number; `df` is a
 * function of x or a value.
 *
 * @example
 * expect(Math.sin).toHaveDerivative(Math.cos, { at: 0.3 });
 */
export function toHaveDerivative(this: MatcherContext, received: unknown, df: unknown, options: unknown): MatcherResult {
  return reportResult(this, 'toHaveDerivative', derivativeCheck(received, df, options, 'toHaveDerivative'), 'df', options);
}
