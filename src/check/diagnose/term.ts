import { fitTerm, FIT_RESIDUAL, NOISY_FIT_RESIDUAL } from './fit.js';
import { type DiagnosisInput, type Group, explainsAll, num, residualText } from './input.js';
import { fitScopes } from './where.js';

/**
 * Missing or extra term proportional to θ: analytic − numeric ≈ c·θ on the group, or on its
 * failing entries (regularisation usually skips the biases, which then agree). c is reported as
 * λ/m: c < 0 is a forgotten L2 term, c > 0 one too many.
 *
 * @example
 * // P2 gradient without its (λ/m)·θ term:
 * // "Missing term: analytic − numeric ≈ −0.05·θ on the 2 entries that disagree … the analytic gradient lacks (λ/m)·θ with λ/m = 0.05 …"
 */
export function termHint(input: DiagnosisInput, group: Group, everyEntry = false): string | undefined {
  const theta = input.layout.values;
  for (const scope of fitScopes(input, group, everyEntry)) {
    if (scope.indices.length < 2) continue;
    const fit = fitTerm(input.analytic, input.numeric, theta, scope.indices);
    const { numeric: n, errors } = input;
    const c0 = fit.c;
    const evidence =
      fit.residual < FIT_RESIDUAL ||
      (fit.residual < NOISY_FIT_RESIDUAL &&
        explainsAll(
          input,
          scope.indices,
          (i) => n[i] + c0 * theta[i],
          (i) => errors[i],
        ));
    if (!evidence || fit.c === 0) continue;
    const c = num(Math.abs(fit.c));
    const stated = `analytic − numeric ≈ ${num(fit.c)}·θ ${scope.text} (least-squares fit, ${residualText(fit.residual)})`;
    return fit.c < 0
      ? `Missing term: ${stated}. The analytic gradient lacks a term (λ/m)·θ with λ/m = ${c}: a forgotten L2 regularisation term in the gradient?`
      : `Extra term: ${stated}. The analytic gradient has a term (λ/m)·θ too many with λ/m = ${c}: regularisation added twice, or to a gradient whose f has none?`;
  }
  return undefined;
}
