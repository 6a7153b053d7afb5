import { fitFactor, FIT_RESIDUAL, NOISY_FIT_RESIDUAL, ROUND_FACTOR } from './fit.js';
import { type DiagnosisInput, type Group, explainsAll, matches, num, rangeText, residualText } from './input.js';
import { fitScopes } from './where.js';

/**
 * Sign error: analytic ≈ −numeric on the group (or on its failing entries), found by a
 * least-squares fit a ≈ k·n with k = −1; a single failing entry counts when a = −n within
 * the check's tolerance.
 *
 * @example
 * // loss gradient written as Xᵀ(y − h) instead of Xᵀ(h − y):
 * // "Sign error: the analytic gradient is −1 × the numerical one on every compared entry (least-squares fit, residual 3.2e-11). …"
 */
export function signHint(input: DiagnosisInput, group: Group, everyEntry = false): string | undefined {
  for (const scope of fitScopes(input, group, everyEntry)) {
    const fit = fitFactor(input.analytic, input.numeric, scope.indices);
    const { numeric: n, errors } = input;
    const evidence =
      fit.residual < FIT_RESIDUAL ||
      (fit.residual < NOISY_FIT_RESIDUAL &&
        explainsAll(
          input,
          scope.indices,
          (i) => -n[i],
          (i) => errors[i],
        ));
    if (evidence && Math.abs(fit.c + 1) < 10 * ROUND_FACTOR) {
      return (
        `Sign error: the analytic gradient is −1 × the numerical one ${scope.text} (least-squares fit k = ${num(fit.c)}, ${residualText(fit.residual)}). ` +
        'Check the sign of the loss, of the error term (h − y vs y − h) or of an update.'
      );
    }
  }
  if (group.failing.length === 1) {
    const i = group.failing[0];
    const a = input.analytic[i];
    const n = input.numeric[i];
    if (n !== 0 && matches(input, i, -n, input.errors[i])) {
      const r = Math.abs(a + n) / Math.abs(a);
      return `Sign error at ${rangeText(input.layout, i, i)}: the analytic value ${num(a)} is −1 × the numerical ${num(n)} (${residualText(r)}); the other entries${group.whole ? '' : ` of ${group.name}`} agree. Check the sign of that one term.`;
    }
  }
  return undefined;
}
