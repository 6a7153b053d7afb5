import { captions } from './_internals/captions.js';
import { svgDocument } from './_internals/document.js';
import { orderText, taylorPlot } from './_internals/taylorPlot.js';
import { text } from './_internals/svg.js';
import { FAIL_INK, MARGIN, MUTED, PASS_INK, SMALL_SIZE, TITLE_SIZE } from './_internals/theme.js';
import type { ConvergencePictureReport } from './input.js';

function verdict(report: ConvergencePictureReport): string {
  return report.pass
    ? `Taylor test passed: order ${orderText(report.order)}`
    : `Taylor test failed: order ${orderText(report.order)} (2 expected, 1 means a wrong gradient)`;
}

/**
 * Draws `checkConvergence`'s Taylor test as one self-contained SVG: for each random direction
 * d, the residual r(h) = |f(θ + h·d) − f(θ) − h·⟨g, d⟩| against the step h on log-log axes,
 * with its fitted order, slope-1 and slope-2 reference lines (a correct gradient runs parallel
 * to slope 2, a wrong one bends to slope 1 as h shrinks), the round-off band, and the
 * diagnosis as a caption. 600 px wide; `<title>` and `<desc>` carry the verdict as text.
 *
 * @example
 * import { checkConvergence, convergenceSvg } from 'gradcheck';
 * const report = checkConvergence(([x]) => Math.sin(x), ([x]) => [Math.cos(x)], { at: [0.5] });
 * const svg = convergenceSvg(report); // '<svg xmlns="http://www.w3.org/2000/svg" width="600" …'
 */
export function convergenceSvg(report: ConvergencePictureReport): string {
  const title = verdict(report);
  const head =
    text(MARGIN, MARGIN + TITLE_SIZE, `${report.pass ? '✓' : '✗'} ${title}`, {
      'font-size': TITLE_SIZE,
      'font-weight': 'bold',
      fill: report.pass ? PASS_INK : FAIL_INK,
    }) +
    text(MARGIN, MARGIN + TITLE_SIZE + SMALL_SIZE + 8, `${report.ladders.length} random directions d · pass at order ≥ 1.5`, {
      'font-size': SMALL_SIZE + 1,
      fill: MUTED,
    });
  const plot = taylorPlot(report, MARGIN + TITLE_SIZE + SMALL_SIZE + 14);
  const top = MARGIN + TITLE_SIZE + SMALL_SIZE + 14 + plot.height;
  const hints = captions(top, 'Diagnosis', report.hints ?? []);
  const orders = report.ladders.map((l, k) => `direction ${k + 1}: order ${orderText(l.order)}`).join('; ');
  return svgDocument(
    title,
    `${title}. ${orders}. ${(report.hints ?? []).join(' ')}`.trim(),
    top + hints.height + MARGIN,
    head + plot.svg + hints.svg,
  );
}
