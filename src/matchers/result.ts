import type { ReportData } from '../check/report.js';
import { renderMessage } from '../format/message.js';
import { attachPictures } from '../pictures/attach.js';
import type { PicturesOption } from '../pictures/input.js';
import { type MatcherContext, type MatcherResult, hintOf, paintOf } from './context.js';

/** The `pictures` option as the check validated it ('on-failure' when not given). */
function picturesOption(options: unknown): PicturesOption {
  const value = options !== null && typeof options === 'object' ? (options as { pictures?: unknown }).pictures : undefined;
  return value === undefined ? 'on-failure' : (value as PicturesOption);
}

/**
 * Turns a report into the runner's result: the matcher hint, a blank line, then the report's
 * message in the runner's colours (rendered only when the runner asks for it). Under Vitest the
 * report's picture is attached to the test (`pictures` option); under Jest, with a picture
 * folder set, its path is printed.
 *
 * @example
 * return reportResult(this, 'toHaveGradient', gradientCheck(f, grad, options, 'toHaveGradient'), 'grad', options);
 */
export function reportResult(
  context: MatcherContext,
  name: string,
  report: ReportData,
  expected: string | undefined,
  options: unknown,
): MatcherResult {
  const picture = attachPictures(context, report, report.pass, picturesOption(options));
  const where = picture.path ? `\n\nPicture: ${picture.path}` : '';
  return {
    pass: report.pass,
    message: () =>
      `${hintOf(context, name, expected)}\n\n${renderMessage(report, { paint: paintOf(context), negated: context.isNot === true })}${where}`,
  };
}
