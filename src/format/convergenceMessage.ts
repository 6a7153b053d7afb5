import type { ConvergenceData } from '../check/convergence.js';
import { PASS_ORDER, SIGNAL_OVER_NOISE, TAYLOR_RATIO, TAYLOR_START } from '../numeric/convergence.js';
import { formatNumber } from '../numeric/errors.js';

function round(x: number): number {
  return Math.round(x * 100) / 100;
}

function orderText(order: number): string {
  return order === Number.POSITIVE_INFINITY ? '∞ (residual at round-off)' : formatNumber(round(order));
}

/**
 * The readable summary of a Taylor test: the orders, the evaluations, and the residual ladder of
 * the worst direction.
 *
 * @example
 * convergenceMessage(convergenceCheck(f, grad, { at }, 'checkConvergence'));
 * // 'Expected the gradient to fail the Taylor test, but the residual falls with order 2, 2, 2 …'
 */
export function convergenceMessage(report: ConvergenceData): string {
  const { precision } = report;
  const lines: string[] = [];
  const orders = report.orders.map(orderText).join(', ');
  lines.push(
    report.pass
      ? `Expected the gradient to fail the Taylor test, but the residual falls with order ${orders} along ${report.checked} random directions (2 for a correct gradient).`
      : `The gradient fails the Taylor test: the residual |f(θ + h·d) − f(θ) − h·⟨g, d⟩| falls with order ${orders} along ${report.checked} random directions (2 for a correct gradient, 1 for a wrong one; pass at ≥ ${PASS_ORDER}).`,
  );
  lines.push(
    `Observed order ${orderText(report.order)} · ${report.evaluations} evaluations of f · ${precision} · steps from ${formatNumber(TAYLOR_START)} down by ×1/${TAYLOR_RATIO}`,
  );
  const worst = report.ladders.reduce((a, b) => (b.order < a.order ? b : a));
  lines.push('', 'h → residual (worst direction):');
  for (let k = 0; k < worst.steps.length; k++) {
    const quiet = worst.residuals[k] <= SIGNAL_OVER_NOISE * worst.noise ? '  (round-off)' : '';
    lines.push(`  ${worst.steps[k].toExponential(2)}  ${worst.residuals[k].toExponential(3)}${quiet}`);
  }
  if (report.hints.length > 0) lines.push('', 'Diagnosis:', ...report.hints.map((h) => `  • ${h}`));
  return lines.join('\n');
}
