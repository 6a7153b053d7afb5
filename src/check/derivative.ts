import { GradcheckError } from '../numeric/errors.js';
import { gradientCheck } from './gradient.js';
import type { ReportData } from './report.js';

/** `checkDerivative` with the caller's name for messages. @internal */
export function derivativeCheck(f: unknown, df: unknown, options: unknown, caller: string): ReportData {
  const at = options !== null && typeof options === 'object' ? (options as { at?: unknown }).at : undefined;
  if (at !== undefined && typeof at !== 'number') {
    throw new GradcheckError(`${caller}: options.at must be a number (for a function of several numbers use toHaveGradient)`);
  }
  return gradientCheck(f, df, options, caller, 'derivative');
}
