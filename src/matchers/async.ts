import type { ReportData } from '../check/report.js';
import { AsyncFunctionError } from '../numeric/errors.js';
import type { MatcherContext, MatcherResult } from './context.js';
import { reportResult } from './result.js';

/** How a matcher checks: synchronously, and by replay for async user functions. */
export interface MatcherChecks {
  readonly sync: () => ReportData;
  readonly async: () => Promise<ReportData>;
}

/**
 * Runs a matcher's check synchronously; when a user function turns out to return a Promise
 * (`AsyncFunctionError`), runs the async form instead and returns a Promise of the result, which
 * Vitest and Jest both accept from a custom matcher (`await expect(f).toHaveGradient(…)`). The
 * result is built by `reportResult` either way, pictures included.
 *
 * @example
 * return matchSyncOrAsync(this, 'toHaveGradient', 'grad', options, {
 *   sync: () => gradientCheck(f, grad, options, 'toHaveGradient'),
 *   async: () => gradientCheckAsync(f, grad, options, 'toHaveGradient'),
 * });
 */
export function matchSyncOrAsync(
  context: MatcherContext,
  name: string,
  expected: string,
  options: unknown,
  checks: MatcherChecks,
): MatcherResult | Promise<MatcherResult> {
  let report: ReportData;
  try {
    report = checks.sync();
  } catch (error) {
    if (!(error instanceof AsyncFunctionError)) throw error;
    return checks.async().then((r) => reportResult(context, name, r, expected, options));
  }
  return reportResult(context, name, report, expected, options);
}
