import { type Finding, finding } from '../finding.js';
import { compared, failingOf } from '../scope.js';
import { num } from '../text.js';
import type { DiagnosisInput, EntryGroup } from '../types.js';

/**
 * One wrong entry among agreeing ones (a single coordinate off by 1e-3, a boundary case, an index
 * off by one): no pattern over the group fits one point, but the entry and its ratio to the
 * numerical value can still be named. Fast mode localises exactly such entries; the full check
 * finds them among thousands. A sign flip is `entrySignDetector`'s, a zero `zeroedDetector`'s.
 *
 * @example
 * // entry [4805] of P4-small's gradient scaled by 1 + 1e-3:
 * entryValueDetector(input, group)?.message; // 'Wrong entry [4805]: the analytic value is 1.001 × the numerical one. …'
 */
export function entryValueDetector(input: DiagnosisInput, group: EntryGroup): Finding | undefined {
  const { analytic: a, numeric: n } = input;
  const inGroup = compared(input, group);
  const failing = failingOf(input, inGroup);
  // One entry, and the group's other compared entries (if any) agree: fast mode compares only the localised ones.
  if (input.directions || failing.length !== 1) return undefined;
  const i = failing[0];
  if (n[i] === 0 || a[i] === 0 || !Number.isFinite(a[i] / n[i])) return undefined;
  const ratio = a[i] / n[i];
  const name = group.entryName(group.indices.indexOf(i));
  return finding({
    kind: 'factor',
    paths: [name],
    message: `Wrong entry ${name}: the analytic value is ${num(ratio)} × the numerical one. One term of that entry's gradient is off: an index off by one, a boundary case, a constant copied wrong?`,
    evidence: `${name}: analytic ${num(a[i])}, numerical ${num(n[i])} (± ${num(input.errors[i])})${input.sparse ? '' : `; the other ${inGroup.length - 1} compared entries of ${group.name} agree`}`,
    explained: 1,
    failingCount: 1,
  });
}
