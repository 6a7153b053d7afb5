import { type MessageContext, type Paint, PLAIN, renderMessage } from '../format/message.js';
import type { TreeLayout } from '../numeric/tree.js';
import type { GradientReport } from './report.js';

/** Key of the hidden renderer on a report, which the matchers use to print it in colour. */
export const RENDER = Symbol.for('gradcheck.render');

/** A report plus its hidden renderer. @internal */
export type RenderableReport = GradientReport & { readonly [RENDER]?: (paint: Paint) => string };

/**
 * Completes a report with its message (plain text) and keeps a renderer for coloured output.
 * @internal
 */
export function finishReport(
  data: Omit<GradientReport, 'message'>,
  layout: TreeLayout | undefined,
  context: MessageContext,
): GradientReport {
  const render = (paint: Paint) => renderMessage(data, layout, context, paint);
  const report = { ...data, message: render(PLAIN) };
  Object.defineProperty(report, RENDER, { value: render, enumerable: false });
  return report;
}

/** The report's message painted with `paint` (plain when the report has no renderer). */
export function paintReport(report: GradientReport, paint: Paint): string {
  const render = (report as RenderableReport)[RENDER];
  return render ? render(paint) : report.message;
}
