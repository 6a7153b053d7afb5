import { formatNumber } from '../../numeric/errors.js';
import type { KinkEntry } from '../report.js';

/**
 * Names an entry at a non-differentiable point (one-sided derivatives differ). When the analytic
 * value equals one of them it is a kink (ReLU at 0, |x|, a max tie), not a bug: not a failure
 * with `kinks: 'report'`, a failure with `kinks: 'fail'`. Matching neither side is a bug at the kink.
 *
 * @example
 * // P5 at θ[2] = 0:
 * // "Kink at [2]: a non-differentiable point such as ReLU at 0, |x| or a max tie (left derivative 0, right derivative 1, analytic 0); …"
 */
export function kinkHint(k: KinkEntry, policy: 'report' | 'fail'): string {
  // One-sided estimates carry round-off; below a 1e-8 fraction of the larger side they are shown as 0.
  const scale = Math.max(Math.abs(k.left), Math.abs(k.right));
  const show = (v: number) => formatNumber(Math.abs(v) < 1e-8 * scale ? 0 : v);
  const sides = `left derivative ${show(k.left)}, right derivative ${show(k.right)}, analytic ${formatNumber(k.analytic)}`;
  if (!k.matchesOneSide) {
    return `Kink at ${k.path}: a non-differentiable point (${sides}), and the analytic value matches neither one-sided derivative: a bug at the kink.`;
  }
  const side = Math.abs(k.analytic - k.left) <= Math.abs(k.analytic - k.right) ? 'left' : 'right';
  const verdict = policy === 'report' ? 'not counted as a failure (kinks: "report")' : 'counted as a failure (kinks: "fail")';
  return `Kink at ${k.path}: a non-differentiable point such as ReLU at 0, |x| or a max tie (${sides}); the analytic value is the ${side} derivative, so this is ${verdict}.`;
}
