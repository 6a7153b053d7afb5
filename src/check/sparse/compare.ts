/**
 * The dense check's entry-by-entry comparison, over the entries a sparse check measured: the
 * others are 0 on both sides (the pattern holds every analytic nonzero) and agree, so the verdict
 * is the one `compareMatrix` gives, without a pass over all m·n entries.
 */
import type { Pattern } from '../../numeric/sparsity/index.js';
import { type MatrixVerdict, type NumericMatrix, compareMatrix } from '../vectorValued/matrix.js';
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
  return compareMatrix(a, num, pattern.cols, settings, name, measuredEntries(pattern, localised));
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
