import { type Finding, finding } from '../finding.js';
import { MAX_OUTLIER_SHARE } from '../fit.js';
import { compared, failingOf, fullyCompared } from '../scope.js';
import { num, residualText, shapeText } from '../text.js';
import type { DiagnosisInput, EntryGroup } from '../types.js';
import { type PermutationMatch, permutationMatch } from './permutation.js';

/** Position k of the row-major rows×cols matrix read column by column: k ↦ (k mod rows)·cols + ⌊k / rows⌋. */
function columnMajor(rows: number, cols: number): (k: number) => number {
  return (k) => (k % rows) * cols + Math.floor(k / rows);
}

function termText(match: PermutationMatch): string {
  return match.c === 0 ? '' : ` (the term ${num(match.c)}·θ added afterwards is right)`;
}

function messageOf(group: EntryGroup, rowsFirst: boolean, match: PermutationMatch): string {
  const [rows, cols] = group.shape;
  const at = `${group.name} (${shapeText(group.shape)})`;
  if (rows === cols)
    return `Transposed ${at}: the analytic values are the numerical ones transposed${termText(match)}. Did you compute Wᵀ's gradient, e.g. x·δᵀ instead of δ·xᵀ?`;
  const [read, other, made, reshaped] = rowsFirst
    ? ['row by row', 'column by column', 'column-major', 'row-major']
    : ['column by column', 'row by row', 'row-major', 'column-major'];
  return (
    `Layout mix-up in ${at}: the analytic values, read ${read}, are the numerical ones read ${other}${termText(match)}: ` +
    `unrolled ${made} and reshaped ${reshaped}, or the ${cols}×${rows} transpose written in its place.`
  );
}

/**
 * A matrix whose analytic values are the numerical ones transposed (square: `transposed`, with
 * `layout` as alternative) or unrolled in the other order (non-square: `layout`, with
 * `transposed` as alternative, as the flat values of Mᵀ are M's column-major unrolling), by a
 * permutation match within the check's tolerance, a correctly added term c·θ allowed.
 *
 * @example
 * transposedDetector(input, W2)?.kind; // 'transposed'
 */
export function transposedDetector(input: DiagnosisInput, group: EntryGroup): Finding | undefined {
  if (group.shape.length !== 2 || !fullyCompared(input, group)) return undefined;
  const [rows, cols] = group.shape;
  if (rows < 2 || cols < 2) return undefined;
  const failing = failingOf(input, compared(input, group));
  if (failing.length < 2) return undefined;
  const orders = rows === cols ? [true] : [true, false];
  for (const rowsFirst of orders) {
    // rowsFirst: a[k] = n[colMajor(k)]; otherwise the inverse permutation, colMajor of the transposed shape.
    const perm = rowsFirst ? columnMajor(rows, cols) : columnMajor(cols, rows);
    const sources = group.indices.map((_, k) => group.indices[perm(k)]);
    const match = permutationMatch(input, group.indices, sources);
    if (!match) continue;
    const missed = new Set(match.misses.map((k) => group.indices[k]));
    const explained = failing.filter((i) => !missed.has(i)).length;
    if (explained < 2 || explained < (1 - MAX_OUTLIER_SHARE) * failing.length) continue;
    const square = rows === cols;
    return finding({
      kind: square ? 'transposed' : 'layout',
      paths: [group.name],
      alternatives: [square ? 'layout' : 'transposed'],
      message: messageOf(group, rowsFirst, match),
      evidence: `${group.name}: permutation match on ${rows * cols - match.misses.length} of ${rows * cols} entries, ${residualText(match.residual)}`,
      explained,
      failingCount: failing.length,
    });
  }
  return undefined;
}
