import { type DiagnosisInput, type Group, contiguous, num, rangeText } from './input.js';

/**
 * Zeros where there should be values: a whole tensor of the analytic gradient is exactly 0
 * (or, in a flat vector, every failing entry is, at least two of them) while the numerical one
 * is not — a forgotten bias or layer gradient.
 *
 * @example
 * // "Zero gradient: b1 is exactly 0 on all 128 entries of the analytic gradient, the numerical one is not (largest |n| 0.0223 at b1[4]). A forgotten bias or layer gradient?"
 */
export function zerosHint(input: DiagnosisInput, group: Group): string | undefined {
  const a = input.analytic;
  const n = input.numeric;
  const f = group.failing;
  if (f.length === 0) return undefined;
  const largest = (idx: readonly number[]) => idx.reduce((best, i) => (Math.abs(n[i]) > Math.abs(n[best]) ? i : best), idx[0]);
  if (!group.whole && group.compared.every((i) => a[i] === 0)) {
    const k = largest(group.compared);
    const scope =
      group.compared.length === group.tensor.size
        ? `all ${group.compared.length} entries`
        : `all ${group.compared.length} compared entries`;
    return `Zero gradient: ${group.name} is exactly 0 on ${scope} of the analytic gradient, the numerical one is not (largest |n| ${num(Math.abs(n[k]))} at ${rangeText(input.layout, k, k)}). A forgotten bias or layer gradient?`;
  }
  if (f.length >= 2 && f.every((i) => a[i] === 0)) {
    const k = largest(f);
    const block = contiguous(f) ? `, the block ${rangeText(input.layout, f[0], f[f.length - 1])}` : '';
    return `Zero gradient: the analytic gradient is exactly 0 at all ${f.length} entries that disagree${block}, the numerical one is not (largest |n| ${num(Math.abs(n[k]))} at ${rangeText(input.layout, k, k)}). A forgotten bias or layer gradient?`;
  }
  return undefined;
}
