import { formatNumber } from '../../numeric/errors.js';
import { displayPath } from '../../numeric/tree.js';
import type { DiagnosisInput } from './index.js';

/** A fit counts as evidence when its relative residual is below this. */
export const FIT_RESIDUAL = 1e-3;

/**
 * Least-squares fit a ≈ k·n over a set of entries: k = ⟨a, n⟩ / ⟨n, n⟩ with the relative
 * residual ‖a − k·n‖ / ‖a‖.
 */
export function fitFactor(a: ArrayLike<number>, n: ArrayLike<number>, indices: ArrayLike<number>): { k: number; residual: number } {
  let an = 0;
  let nn = 0;
  let aa = 0;
  for (let j = 0; j < indices.length; j++) {
    const i = indices[j];
    an += a[i] * n[i];
    nn += n[i] * n[i];
    aa += a[i] * a[i];
  }
  if (nn === 0 || aa === 0) return { k: Number.NaN, residual: Number.POSITIVE_INFINITY };
  const k = an / nn;
  let r = 0;
  for (let j = 0; j < indices.length; j++) {
    const i = indices[j];
    r += (a[i] - k * n[i]) ** 2;
  }
  return { k, residual: Math.sqrt(r / aa) };
}

function allIndices(input: DiagnosisInput): ArrayLike<number> {
  if (input.indices) return input.indices;
  return Array.from({ length: input.layout.size }, (_, i) => i);
}

/** Sign error (a ≈ −n) or uniform factor (a ≈ k·n) over the whole gradient or one tensor. */
export function signAndFactor(input: DiagnosisInput): string[] {
  const { analytic: a, numeric: n } = input;
  const whole = fitFactor(a, n, allIndices(input));
  const describe = (k: number, where: string, residual: number) => {
    const fit = `(least-squares fit, residual ${formatNumber(residual)})`;
    if (Math.abs(k + 1) < 1e-3) return `Sign error: the analytic gradient is −1 × the numerical one ${where} ${fit}. Check the sign of the loss or of an update term.`;
    return `Uniform factor: the analytic gradient is ${formatNumber(k)} × the numerical one ${where} ${fit}. Did you average over the batch twice, or forget a 1/m?`;
  };
  if (whole.residual < FIT_RESIDUAL && Math.abs(whole.k - 1) > 1e-3) return [describe(whole.k, 'on every entry', whole.residual)];
  const hints: string[] = [];
  for (const tensor of input.layout.tensors) {
    if (input.layout.tensors.length === 1) break;
    const idx = Array.from({ length: tensor.size }, (_, j) => tensor.offset + j);
    if (!idx.some((i) => input.failing[i])) continue;
    const fit = fitFactor(a, n, idx);
    if (fit.residual < FIT_RESIDUAL && Math.abs(fit.k - 1) > 1e-3) hints.push(describe(fit.k, `on ${displayPath(tensor.name)}`, fit.residual));
  }
  return hints;
}
