import { svgDocument } from './_internals/document.js';
import { layoutReport } from './_internals/reportLayout.js';
import type { PictureReport } from './input.js';

/**
 * Draws a gradient check's report as one self-contained SVG (a string; no dependency): per
 * tensor of θ a heatmap of each entry's error in units of its tolerance,
 * |a − n| / (atol + rtol·max(|a|, |n|) + error of n), in one cool colour where entries agree
 * and a log-scaled ramp from orange to dark red where they do not. Matrices are grids with row
 * and column numbers, vectors strips, tensors over 4096 cells blocks showing their worst
 * entry; kinks are violet, unresolved entries grey-blue, entries not compared light grey, and
 * fast mode's localised coordinates outlined. The diagnoses are captions; `<title>` and
 * `<desc>` carry the verdict as text. 600 px wide: the size Vitest UI shows attachments at.
 *
 * @example
 * import { checkGradient, reportSvg } from 'gradcheck';
 * const report = checkGradient(([x, y]) => x * y, ([x, y]) => [y, -x], { at: [2, 3] });
 * const svg = reportSvg(report); // '<svg xmlns="http://www.w3.org/2000/svg" width="600" …'
 */
export function reportSvg(report: PictureReport): string {
  const layout = layoutReport(report);
  return svgDocument(layout.title, layout.description, layout.height, layout.body);
}
