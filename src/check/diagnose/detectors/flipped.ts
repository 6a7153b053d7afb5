import type { DiagnosisKind } from '../../report.js';
import { MAX_OUTLIER_SHARE } from '../fit.js';
import { type Finding, finding } from '../finding.js';
import { compared, failingOf, fullyCompared } from '../scope.js';
import { num, residualText, shapeText } from '../text.js';
import type { DiagnosisInput, EntryGroup } from '../types.js';
import { axisNoun, mapped } from './axes.js';
import { permutationMatch } from './permutation.js';

/** A rearrangement of a tensor's spatial axes tried against the analytic values. */
interface Move {
  readonly kind: DiagnosisKind;
  readonly what: string;
  readonly advice: string;
  readonly source: (idx: number[]) => number[];
}

const FLIP_ADVICE =
  'A convolution written as a correlation, or the other way round: the kernel is flipped in one of f and its gradient but not in the other (or a loop runs backwards)?';

/** The moves tried on a tensor: each spatial axis reversed, the last two both (180°), the last two swapped (square). */
function movesOf(shape: readonly number[]): Move[] {
  const r = shape.length;
  const reverse = (axes: readonly number[]) => (idx: number[]) => idx.map((v, d) => (axes.includes(d) ? shape[d] - 1 - v : v));
  const spatial = r === 1 ? [0] : [r - 2, r - 1];
  const moves: Move[] = [];
  if (r >= 2 && shape[r - 2] >= 2 && shape[r - 1] >= 2)
    moves.push({
      kind: 'layout',
      what: 'rotated 180° (both spatial axes reversed)',
      advice: FLIP_ADVICE,
      source: reverse(spatial),
    });
  if (r === 1)
    moves.push({ kind: 'layout', what: 'in reverse order (the vector reversed)', advice: FLIP_ADVICE, source: reverse([0]) });
  for (const d of r === 1 ? [] : spatial)
    if (shape[d] >= 2)
      moves.push({
        kind: 'layout',
        what: `flipped along its ${axisNoun(shape, d)}s (axis ${d} reversed)`,
        advice: FLIP_ADVICE,
        source: reverse([d]),
      });
  if (r >= 3 && shape[r - 2] === shape[r - 1] && shape[r - 1] >= 2)
    moves.push({
      kind: 'transposed',
      what: 'transposed in its last two axes (each kernel tap (i, j) holds the value of (j, i))',
      advice:
        'Rows and columns of the kernel (or of the image) swapped in the backward pass: an index order (i, j) written as (j, i)?',
      source: (idx) => idx.map((v, d) => (d === r - 2 ? idx[r - 1] : d === r - 1 ? idx[r - 2] : v)),
    });
  return moves;
}

/**
 * A spatial flip or transpose of a tensor of rank ≥ 1 (a kernel rotated 180°, an axis reversed,
 * kernel taps transposed): the analytic values are the numerical ones rearranged so, by a
 * permutation match within the check's tolerance over the whole tensor (a correct term c·θ
 * allowed). The entries a move leaves in place agree; the others must be the failing ones.
 *
 * @example
 * // a 3×3 kernel's gradient rotated 180°:
 * flippedDetector(input, K)?.message; // 'Flipped K (1×1×3×3): the analytic values are the numerical ones rotated 180° …'
 */
export function flippedDetector(input: DiagnosisInput, group: EntryGroup): Finding | undefined {
  if (!fullyCompared(input, group) || group.indices.length < 3) return undefined;
  const failing = failingOf(input, compared(input, group));
  if (failing.length < 2) return undefined;
  for (const move of movesOf(group.shape)) {
    const pairs = mapped(group, move.source);
    const match = permutationMatch(
      input,
      pairs.map(([t]) => t),
      pairs.map(([, s]) => s),
    );
    if (!match || match.misses.length > 0) continue;
    const explained = failing.length;
    if (explained < (1 - MAX_OUTLIER_SHARE) * failing.length) continue;
    const term = match.c === 0 ? '' : ` (the term ${num(match.c)}·θ added afterwards is right)`;
    const label = move.kind === 'layout' ? 'Flipped' : 'Transposed';
    return finding({
      kind: move.kind,
      paths: [group.name],
      alternatives: [move.kind === 'layout' ? 'transposed' : 'layout'],
      message: `${label} ${group.name} (${shapeText(group.shape)}): the analytic values are the numerical ones ${move.what}${term}. ${move.advice}`,
      evidence: `${group.name}: permutation match on all ${pairs.length} entries, ${residualText(match.residual)}`,
      explained,
      failingCount: failing.length,
    });
  }
  return undefined;
}
