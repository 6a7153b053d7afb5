import { derivativeCheck } from '../check/derivative.js';
import type { CheckOptions } from '../check/options.js';
import type { GradientReport } from '../check/report.js';
import { withMessage } from '../format/withMessage.js';

/**
 * Checks the derivative of a function of one number: `df` is a function of x or a value.
 * The same rules and report as `checkGradient`, with θ a bare number.
 *
 * @example
 * checkDerivative(Math.sin, Math.cos, { at: 0.3 }).pass; // true
 */
export function checkDerivative(
  f: (x: number) => number,
  df: ((x: number) => number) | number,
  options: CheckOptions<number>,
): GradientReport {
  return withMessage(derivativeCheck(f, df, options, 'checkDerivative'));
}
