import { type Finding, finding } from '../finding.js';
import { compared, failingOf, matches } from '../scope.js';
import { num, residualText } from '../text.js';
import type { DiagnosisInput, EntryGroup } from '../types.js';

/**
 * A sign error at single entries: each failing entry of the group (a few of them, where no fit
 * over the group is possible: one entry, or fast mode's localised ones) is −1 × its numerical
 * value within the check's tolerance.
 *
 * @example
 * // entry 12 of the course network's gradient negated:
 * entrySignDetector(input, group)?.message; // 'Sign error at [12]: the analytic value is −1 × the numerical one; the other entries agree. …'
 */
export function entrySignDetector(input: DiagnosisInput, group: EntryGroup): Finding | undefined {
  const { analytic: a, numeric: n } = input;
  const failing = failingOf(input, compared(input, group));
  if (input.directions || failing.length === 0 || failing.length > 2) return undefined;
  if (!failing.every((i) => n[i] !== 0 && matches(input, i, -n[i], input.errors[i]))) return undefined;
  const pos = new Map(group.indices.map((i, k) => [i, k]));
  const names = failing.map((i) => group.entryName(pos.get(i) as number));
  const one = failing.length === 1;
  const evidence = failing
    .map(
      (i, k) =>
        `${names[k]}: analytic ${num(a[i])}, numerical ${num(n[i])}, ${residualText(Math.abs(a[i] + n[i]) / Math.abs(a[i]))}`,
    )
    .join('; ');
  return finding({
    kind: 'sign',
    paths: names,
    message: `Sign error at ${names.join(' and ')}: the analytic ${one ? 'value is' : 'values are'} −1 × the numerical ${one ? 'one' : 'ones'}; the other entries agree. Check the sign of that one term.`,
    evidence,
    explained: failing.length,
    failingCount: failing.length,
  });
}
