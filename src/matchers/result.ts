import { paintReport } from '../check/finish.js';
import type { GradientReport } from '../check/report.js';
import { type MatcherContext, type MatcherResult, hintOf, paintOf } from './context.js';

/**
 * Turns a report into the runner's result: the matcher hint, a blank line, then the report's
 * message in the runner's colours (built only when the runner asks for it).
 */
export function reportResult(context: MatcherContext, name: string, report: GradientReport, expected?: string): MatcherResult {
  return {
    pass: report.pass,
    message: () => `${hintOf(context, name, expected)}\n\n${paintReport(report, paintOf(context))}`,
  };
}
