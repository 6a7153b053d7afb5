import { type Finding, finding } from '../finding.js';
import { compared, failingOf, spanText } from '../scope.js';
import { nameList, num } from '../text.js';
import type { DiagnosisInput, EntryGroup } from '../types.js';

function message(names: readonly string[], where: boolean): string {
  const at = where ? ' where they disagree with the numerical ones' : ', the numerical ones are not';
  return `Zeroed: the analytic values of ${nameList(names)} are exactly 0${at}. A gradient never computed or never copied out (a forgotten bias or layer gradient)?`;
}

/**
 * Zeros where there should be values: every compared analytic entry of the group is exactly 0
 * (or, inside a larger group, every failing entry, at least two of them) while the numerical
 * values are not. Exact zeros are their own evidence (residual 0).
 *
 * @example
 * // b1's gradient returned as zeros:
 * zeroedDetector(input, b1)?.message; // 'Zeroed: the analytic values of b1 are exactly 0, the numerical ones are not. …'
 */
export function zeroedDetector(input: DiagnosisInput, group: EntryGroup): Finding | undefined {
  const { analytic: a, numeric: n } = input;
  const all = compared(input, group);
  const failing = failingOf(input, all);
  if (failing.length === 0) return undefined;
  const largest = (idx: readonly number[]) => idx.reduce((p, q) => (Math.abs(n[q]) > Math.abs(n[p]) ? q : p), idx[0]);
  const whole = all.length > 1 && all.every((i) => a[i] === 0);
  const part = !whole && failing.length >= 2 && failing.every((i) => a[i] === 0);
  if (!whole && !part) return undefined;
  const scope = whole ? all : failing;
  const k = largest(scope);
  const where = whole
    ? `all ${scope.length} compared entries`
    : `the ${scope.length} entries that disagree (${spanText(group, scope)})`;
  const evidence = `${group.name}: a = 0 exactly at ${where}; largest |n| ${num(Math.abs(n[k]))} at ${spanText(group, [k])}`;
  return finding({
    kind: 'zeroed',
    paths: [group.name],
    message: message([group.name], part),
    evidence,
    explained: failing.length,
    failingCount: failing.length,
    key: `zeroed:${part}`,
    compose: (list) => ({
      message: message(
        list.flatMap((f) => f.paths),
        part,
      ),
      evidence: list.map((f) => f.evidence).join('; '),
    }),
  });
}
