import { formatValue } from '../../numeric/numberText.js';
import { fitFactor, FIT_RESIDUAL, NOISY_FIT_RESIDUAL, ROUND_FACTOR } from './fit.js';
import { type DiagnosisInput, type Group, explainsAll, num, residualText } from './input.js';
import { fitScopes } from './where.js';

/**
 * What a factor k usually means in backprop code.
 *
 * @example
 * explainFactor(5); // 'An integer factor 5: did you forget the 1/m …?'
 */
export function explainFactor(k: number): string {
  const near = (x: number, v: number) => Math.abs(x - v) <= ROUND_FACTOR * Math.abs(v);
  if (near(k, 2)) return 'Twice the true gradient: a factor 2 too many (d(½x²)/dx is x, not 2x) or a term counted twice?';
  if (near(k, 0.5)) return 'Half the true gradient: a factor 2 missing (d(x²)/dx is 2x) or a stray ½?';
  const m = Math.round(k);
  if (m >= 3 && near(k, m))
    return `An integer factor ${m}: did you forget the 1/m (f averages over m = ${m} examples but the gradient sums)?`;
  const inv = Math.round(1 / k);
  if (inv >= 3 && near(1 / k, inv))
    return `A factor 1/${inv}: did you average over the batch twice (1/m applied in both the backward pass and the sum, m = ${inv})?`;
  if (k < 0) return 'A negative factor: a sign error combined with a scale.';
  return 'A constant scale on the gradient only: a learning rate, a normalisation or a 1/m applied to one side?';
}

/**
 * Uniform factor: analytic ≈ k·numeric (k ≠ ±1) over the group or its failing entries, by a
 * least-squares fit whose residual is stated.
 *
 * @example
 * // gradient summed over the batch while f takes the mean (m = 5):
 * // "Uniform factor: the analytic gradient is 5 × the numerical one on every compared entry (least-squares fit, residual 4e-11). An integer factor 5: did you forget the 1/m …?"
 */
export function factorHint(input: DiagnosisInput, group: Group, everyEntry = false): string | undefined {
  for (const scope of fitScopes(input, group, everyEntry)) {
    const fit = fitFactor(input.analytic, input.numeric, scope.indices);
    const { numeric: n, errors } = input;
    const k0 = fit.c;
    const evidence =
      fit.residual < FIT_RESIDUAL ||
      (fit.residual < NOISY_FIT_RESIDUAL &&
        explainsAll(
          input,
          scope.indices,
          (i) => k0 * n[i],
          (i) => Math.abs(k0) * errors[i],
        ));
    // k must differ from 1 by more than the fit can tell apart.
    if (
      !evidence ||
      Math.abs(fit.c - 1) <= Math.max(ROUND_FACTOR, 10 * fit.residual) ||
      Math.abs(fit.c + 1) < 10 * ROUND_FACTOR ||
      fit.c === 0
    )
      continue;
    const k = Math.abs(fit.c - Math.round(fit.c)) <= ROUND_FACTOR * Math.abs(fit.c) ? Math.round(fit.c) : fit.c;
    const shown = Number.isInteger(k) ? String(k) : formatValue(k);
    return `Uniform factor: the analytic gradient is ${shown.replace(/^-/, '−')} × the numerical one ${scope.text} (least-squares fit k = ${num(fit.c)}, ${residualText(fit.residual)}). ${explainFactor(fit.c)}`;
  }
  return undefined;
}
