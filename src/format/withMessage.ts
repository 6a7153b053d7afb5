import type { GradientReport, ReportData } from '../check/report.js';
import { renderMessage } from './message.js';

/**
 * A report with its `message`: the plain text, rendered the first time it is read (a passing
 * check in a loop of thousands never renders one).
 *
 * @example
 * const report = withMessage(gradientCheck(f, grad, { at }, 'checkGradient'));
 * report.message; // 'The analytic gradient matches the numeric one: all 2 entries agree.\n…'
 */
export function withMessage(data: ReportData): GradientReport {
  let text: string | undefined;
  const report = { ...data } as GradientReport;
  Object.defineProperty(report, 'message', {
    enumerable: true,
    get: () => {
      text ??= renderMessage(data);
      return text;
    },
  });
  return report;
}
