import type { ReportData } from '../check/report.js';
import { renderMessage } from '../format/message.js';
import { type MatcherContext, type MatcherResult, hintOf, paintOf } from './context.js';

/**
 * Turns a report into the runner's result: the matcher hint, a blank line, then the report's
 * message in the runner's colours (rendered only when the runner asks for it).
 *
 * @example
 * return reportResult(this, 'toHaveGradient', gradientCheck(f, grad, options, 'toHaveGradient'), 'grad');
 */
export function reportResult(context: MatcherContext, name: string, report: ReportData, expected?: string): MatcherResult {
  return {
    pass: report.pass,
    message: () =>
      `${hintOf(context, name, expected)}\n\n${renderMessage(report, { paint: paintOf(context), negated: context.isNot === true })}`,
  };
}
