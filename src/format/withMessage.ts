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
  return withLazyMessage(data, renderMessage);
}

/**
 * Any report's data with a `message` getter that renders once, on first read (the Taylor
 * test's report uses it with its own renderer).
 *
 * @example
 * withLazyMessage(convergenceData, convergenceMessage).message; // 'Expected the gradient to fail the Taylor test, …'
 */
export function withLazyMessage<D extends object>(data: D, render: (data: D) => string): D & { readonly message: string } {
  let text: string | undefined;
  const report = { ...data };
  Object.defineProperty(report, 'message', {
    enumerable: true,
    get: () => {
      text ??= render(data);
      return text;
    },
  });
  return report as D & { readonly message: string };
}
