import { formatNumber } from '../../numeric/errors.js';
import type { Diagnosis, KinkEntry } from '../report.js';

/** One-sided estimates carry round-off: below this fraction of the larger side they are shown as 0. */
const SHOWN_AS_ZERO = 1e-8;

/**
 * The diagnosis of an entry at a non-differentiable point (one-sided derivatives differ). When
 * the analytic value equals one of them it is a kink (ReLU at 0, |x|, a max tie), not a bug:
 * not a failure with `kinks: 'report'`, a failure with `kinks: 'fail'`. Matching neither side
 * is a bug at the kink. The one-sided derivatives are facts of f at that entry (the same in
 * every check), so they stay in the message.
 *
 * @example
 * kinkDiagnosis(k, 'report').message;
 * // 'Kink at [2]: a non-differentiable point such as ReLU at 0, |x| or a max tie (left derivative 0, right derivative 1, analytic 0); …'
 */
export function kinkDiagnosis(k: KinkEntry, policy: 'report' | 'fail'): Diagnosis {
  const scale = Math.max(Math.abs(k.left), Math.abs(k.right));
  const show = (v: number) => formatNumber(Math.abs(v) < SHOWN_AS_ZERO * scale ? 0 : v);
  const sides = `left derivative ${show(k.left)}, right derivative ${show(k.right)}, analytic ${formatNumber(k.analytic)}`;
  const evidence = 'one-sided difference quotients at θ';
  if (!k.matchesOneSide) {
    const message = `Kink at ${k.path}: a non-differentiable point (${sides}), and the analytic value matches neither one-sided derivative: a bug at the kink.`;
    return { kind: 'kink', paths: [k.path], share: 1, message, evidence };
  }
  const side = Math.abs(k.analytic - k.left) <= Math.abs(k.analytic - k.right) ? 'left' : 'right';
  const verdict = policy === 'report' ? 'not counted as a failure (kinks: "report")' : 'counted as a failure (kinks: "fail")';
  const message = `Kink at ${k.path}: a non-differentiable point such as ReLU at 0, |x| or a max tie (${sides}); the analytic value is the ${side} derivative, so this is ${verdict}.`;
  return { kind: 'kink', paths: [k.path], share: 1, message, evidence };
}
