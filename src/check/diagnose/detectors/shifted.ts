import { type Finding, finding } from '../finding.js';
import { compared, failingOf, fullyCompared, matches } from '../scope.js';
import { residualText } from '../text.js';
import type { DiagnosisInput, EntryGroup } from '../types.js';
import { axisNoun, mapped } from './axes.js';

/** Shifts tried: the analytic entry at position p holds the numerical entry at p + d. */
const SHIFTS = [1, -1] as const;

/** At least this many moved entries must match: fewer could match a shift by chance. */
const MIN_MATCHED = 3;

/** ‖a − moved n‖ / ‖a‖ over pairs (target, source). */
function residualOf(input: DiagnosisInput, pairs: readonly [number, number][]): number {
  let rr = 0;
  let aa = 0;
  for (const [t, s] of pairs) {
    rr += (input.analytic[t] - input.numeric[s]) ** 2;
    aa += input.analytic[t] ** 2;
  }
  return aa === 0 ? 0 : Math.sqrt(rr / aa);
}

const moves = (input: DiagnosisInput, t: number, s: number) => matches(input, t, input.numeric[s], input.errors[s]);

/** Along a flat run: a[p] = n[p + d] over the failing span, one end entry allowed to differ (it came from outside). */
function alongRun(input: DiagnosisInput, group: EntryGroup, failing: readonly number[]): Finding | undefined {
  const pos = new Map(group.indices.map((i, k) => [i, k]));
  const ks = failing.map((i) => pos.get(i) as number);
  const first = Math.min(...ks);
  const last = Math.max(...ks);
  const at = (k: number) => group.indices[k];
  for (const d of SHIFTS) {
    const misses: number[] = [];
    const pairs: [number, number][] = [];
    for (let k = first; k <= last; k++) {
      const src = k + d;
      if (src < 0 || src >= group.indices.length || !Number.isFinite(input.numeric[at(src)]) || !moves(input, at(k), at(src)))
        misses.push(k);
      else pairs.push([at(k), at(src)]);
    }
    if (misses.length > 1 || pairs.length < MIN_MATCHED) continue;
    if (misses.length === 1 && misses[0] !== first && misses[0] !== last) continue;
    const from = first + (misses[0] === first ? 1 : 0);
    const to = last - (misses[0] === last ? 1 : 0);
    const name = (k: number) => group.entryName(k);
    const except = misses.length === 1 ? ` (${name(misses[0])} holds a value from outside)` : '';
    return finding({
      kind: 'shifted',
      paths: [group.name],
      message: `Shifted by one in ${group.name}: the analytic entries ${name(from)}…${name(to)} hold the numerical values of ${name(from + d)}…${name(to + d)}${except}: an off-by-one index when filling or unrolling the gradient.`,
      evidence: `${group.name}: exact match of ${pairs.length} moved entries, ${residualText(residualOf(input, pairs))}`,
      explained: failing.length,
      failingCount: failing.length,
    });
  }
  return undefined;
}

/** Along one of the last two axes of a tensor of rank ≥ 2: A[…][i][j] = N[…][i][j + d] (or N[…][i + d][j]) wherever that entry exists. */
function alongAxis(input: DiagnosisInput, group: EntryGroup, failing: readonly number[]): Finding | undefined {
  const r = group.shape.length;
  const failingSet = new Set(failing);
  for (const axis of [r - 1, r - 2]) {
    for (const d of SHIFTS) {
      const pairs = mapped(group, (idx) => idx.map((v, k) => (k === axis ? v + d : v)));
      if (!pairs.every(([t, s]) => moves(input, t, s))) continue;
      const moved = pairs.filter(([t]) => failingSet.has(t)).length;
      if (moved < MIN_MATCHED) continue;
      const noun = axisNoun(group.shape, axis);
      const at = (off: string) =>
        `${group.name}${group.shape.map((_, k) => (k === axis ? `[${String.fromCharCode(105 + k - (r - 2))}${off}]` : `[${String.fromCharCode(105 + k - (r - 2))}]`)).join('')}`;
      const index = r === 2 ? (axis === 0 ? `[i${d > 0 ? '+1' : '−1'}][j]` : `[i][j${d > 0 ? '+1' : '−1'}]`) : '';
      const source = r === 2 ? `${group.name}${index}` : at(d > 0 ? '+1' : '−1');
      const target = r === 2 ? `${group.name}[i][j]` : at('');
      return finding({
        kind: 'shifted',
        paths: [group.name],
        message: `Shifted by one in ${group.name} along axis ${axis}: each analytic entry ${target} holds the numerical value of ${source}: an off-by-one index (a convolution tap, a time step)?${r > 2 ? ` The ${noun}s moved by one.` : ''}`,
        evidence: `${group.name}: exact match of all ${pairs.length} moved entries (the ${group.indices.length - pairs.length} at the edge hold values from outside), ${residualText(residualOf(input, pairs))}`,
        explained: failing.length,
        failingCount: failing.length,
      });
    }
  }
  return undefined;
}

/**
 * Shifted by one: the analytic values are the numerical ones moved by one position along a flat
 * run of the group, or along an axis of a matrix (convolution taps, time steps), each moved
 * entry matching within the check's tolerance.
 *
 * @example
 * // Theta2's gradient copied one slot late into the flat vector:
 * shiftedDetector(input, theta)?.message; // 'Shifted by one in θ: the analytic entries [21]…[37] hold the numerical values of [20]…[36] …'
 */
export function shiftedDetector(input: DiagnosisInput, group: EntryGroup): Finding | undefined {
  const failing = failingOf(input, compared(input, group));
  if (failing.length < MIN_MATCHED || input.sparse) return undefined;
  if (group.shape.length >= 2 && fullyCompared(input, group)) {
    const found = alongAxis(input, group, failing);
    if (found) return found;
  }
  return alongRun(input, group, failing);
}
