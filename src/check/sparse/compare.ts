/**
 * The dense check's entry-by-entry comparison, over the entries a sparse check measured: the
 * others are 0 on both sides (the pattern holds every analytic nonzero) and agree, so the verdict
 * is the one `compareMatrix` gives, without a pass over all m·n entries.
 */
import type { Pattern } from '../../numeric/sparsity/index.js';
import { agrees, isUnresolved, mismatchOf, worstFirst } from '../compare.js';
import type { MatrixVerdict, NumericMatrix } from '../vectorValued/matrix.js';
import type { Mismatch, UnresolvedEntry } from '../report.js';
import type { Settings } from '../settings/types.js';

/**
 * Compares the pattern's entries and those localisation found outside it, in row-major order
 * (as `compareMatrix` does, so that ties among the worst keep the same order).
 *
 * @example
 * compareMeasured(A, num, pattern, num.localised, settings, entryName).mismatches; // worst first
 */
export function compareMeasured(
  a: Float64Array,
  num: NumericMatrix,
  pattern: Pattern,
  localised: ReadonlySet<number>,
  settings: Pick<Settings, 'rtol' | 'atol'>,
  name: (i: number, j: number) => string,
): MatrixVerdict {
  const { rtol, atol } = settings;
  const cols = pattern.cols;
  const mismatches: Mismatch[] = [];
  const unresolved: UnresolvedEntry[] = [];
  const wrong: number[] = [];
  for (const k of measuredEntries(pattern, localised)) {
    const [i, j] = [Math.floor(k / cols), k % cols];
    const [n, err] = [num.values[k], num.errors[k]];
    if (agrees(a[k], n, err, rtol, atol)) {
      if (isUnresolved(a[k], n, err, rtol, atol))
        unresolved.push({ path: name(i, j), index: k, analytic: a[k], numeric: n, errorEstimate: err });
      continue;
    }
    wrong.push(k);
    mismatches.push(mismatchOf(name(i, j), k, a[k], n, err, rtol, atol));
  }
  mismatches.sort(worstFirst);
  return { mismatches, unresolved, wrong };
}

/** The pattern's entries k = i·cols + j and the localised ones, ascending. */
function measuredEntries(pattern: Pattern, localised: ReadonlySet<number>): Float64Array {
  const ks = new Float64Array(pattern.colIndex.length + localised.size);
  let e = 0;
  for (let i = 0; i < pattern.rows; i++)
    for (let p = pattern.rowStart[i]; p < pattern.rowStart[i + 1]; p++) ks[e++] = i * pattern.cols + pattern.colIndex[p];
  for (const k of localised) ks[e++] = k;
  return localised.size > 0 ? ks.sort() : ks;
}
