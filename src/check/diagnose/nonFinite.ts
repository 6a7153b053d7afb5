import { type Finding, finding } from './finding.js';
import { entryNameAt } from './scope.js';
import { entries, nameList, num } from './text.js';
import type { DiagnosisInput } from './types.js';

/** How many entries the message and the evidence name before "and k more". */
const NAMED = 4;

/**
 * The flat indices (within the groups) whose analytic value is NaN or ±∞ while the numerical
 * one is finite or was not measured (fast mode measures only a few coordinates; f(θ) and its
 * moved values were finite, or the check would have thrown).
 *
 * @example
 * nonFiniteEntries(input); // [3]
 */
export function nonFiniteEntries(input: DiagnosisInput): number[] {
  const out: number[] = [];
  for (const group of input.groups)
    for (const i of group.indices) {
      const n = input.numeric[i];
      if (!Number.isFinite(input.analytic[i]) && !(n === Number.POSITIVE_INFINITY || n === Number.NEGATIVE_INFINITY)) out.push(i);
    }
  return out.sort((p, q) => p - q);
}

function valueText(v: number): string {
  return Number.isNaN(v) ? 'NaN' : v > 0 ? '+∞' : '−∞';
}

/**
 * The `non-finite` diagnosis: the analytic values at these entries are NaN or ±∞ where f is
 * finite, so its derivative there is too. Named entry by entry (the first few), with what
 * usually produces such values in a backward pass.
 *
 * @example
 * nonFiniteFinding(input, [3])?.message; // 'Non-finite analytic value at [3] (NaN), where the numerical derivative is finite. …'
 */
export function nonFiniteFinding(input: DiagnosisInput, bad: readonly number[]): Finding | undefined {
  if (bad.length === 0) return undefined;
  const { analytic: a, numeric: n } = input;
  const names = bad.map((i) => entryNameAt(input, i));
  const shown = names.slice(0, NAMED);
  const more = bad.length > NAMED ? ` and ${bad.length - NAMED} more` : '';
  const kinds = [...new Set(bad.map((i) => valueText(a[i])))];
  const one = bad.length === 1;
  const values = bad.slice(0, NAMED).map((i, k) => {
    const ref = Number.isFinite(n[i]) ? `numerical ${num(n[i])}` : 'numerical not measured';
    return `${shown[k]}: analytic ${valueText(a[i])}, ${ref}`;
  });
  return finding({
    kind: 'non-finite',
    paths: names,
    message:
      `Non-finite analytic ${one ? 'value' : 'values'} at ${nameList([...shown.slice(0, -1), `${shown[shown.length - 1]}${more}`])} (${kinds.join(', ')}), where f and its numerical derivative are finite. ` +
      'A division by zero, a log or square root at 0, an overflowing exp (a softmax without its max shift) or 0·∞ in the backward pass?',
    evidence: `${entries(bad.length)} non-finite: ${values.join('; ')}${more}`,
    explained: bad.length,
    failingCount: bad.length,
  });
}

/**
 * The input with the non-finite entries taken out (not compared, not failing), so that the
 * other detectors judge the rest as usual: a NaN must not spoil a fit over its tensor.
 *
 * @example
 * withoutEntries(input, [3]).numeric[3]; // NaN
 */
export function withoutEntries(input: DiagnosisInput, bad: readonly number[]): DiagnosisInput {
  if (bad.length === 0) return input;
  const numeric = Float64Array.from(input.numeric);
  const failing = Uint8Array.from(input.failing);
  for (const i of bad) {
    numeric[i] = Number.NaN;
    failing[i] = 0;
  }
  return { ...input, numeric, failing };
}
