import { GradcheckError } from '../numeric/errors.js';
import { gradientCheck } from './gradient.js';
import type { CheckOptions } from './options.js';
import type { GradientReport } from './report.js';

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
  return derivativeCheck(f, df, options, 'checkDerivative');
}

/** `checkDerivative` with the caller's name for messages. @internal */
export function derivativeCheck(f: unknown, df: unknown, options: unknown, caller: string): GradientReport {
  const at = options !== null && typeof options === 'object' ? (options as { at?: unknown }).at : undefined;
  if (at !== undefined && typeof at !== 'number') {
    throw new GradcheckError(`${caller}: options.at must be a number (for a function of several numbers use toHaveGradient)`);
  }
  return gradientCheck(f, df, options, caller, 'derivative');
}
