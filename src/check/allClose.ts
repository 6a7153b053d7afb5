import { displayPath, type TreeLayout } from '../numeric/tree.js';
import { readTree } from '../numeric/validate.js';
import { buildReport, tensorInfo } from './_internals/buildReport.js';
import { agrees, mismatchOf, summarize, worstFirst } from './compare.js';
import type { Mismatch, ReportData } from './report.js';
import { resolveSettings } from './settings/resolve.js';
import type { Settings } from './settings/types.js';

/** Options of `allClose` and `toBeAllClose`. */
export interface AllCloseOptions {
  /** @defaultValue 1e-5 (NumPy's) */
  rtol?: number;
  /** @defaultValue 1e-8 (NumPy's) */
  atol?: number;
  /** Whether NaN equals NaN. @defaultValue false */
  equalNaN?: boolean;
  /** Under Vitest, when `toBeAllClose` attaches the report's picture (see `CheckOptions.pictures`). */
  pictures?: 'on-failure' | 'always' | false;
}

export { ALL_CLOSE_DEFAULTS } from './settings/resolve.js';

/**
 * Compares two parameter trees entry by entry (see `allClose` in the public API) and returns
 * the report's data.
 *
 * @example
 * allCloseCheck([1, 2.0000001], [1, 2], {}, 'toBeAllClose').pass; // true
 * @internal
 */
export function allCloseCheck(actual: unknown, expected: unknown, options: unknown, caller: string): ReportData {
  const settings = resolveSettings(options, 'allClose', caller);
  const expectedLayout = readTree(expected, caller, 'expected');
  const actualLayout = readTree(actual, caller, 'actual');
  const extras = {
    reference: `rtol ${settings.rtol}, atol ${settings.atol}`,
    tensors: expectedLayout.tensors.map(tensorInfo),
  };
  const mismatch = expectedLayout.structureMismatch(actual, 'actual');
  if (mismatch) {
    const body = {
      pass: false,
      evaluations: 0,
      size: expectedLayout.size,
      checked: 0,
      maxAbsError: Number.NaN,
      maxRelError: Number.NaN,
      relativeDifference: Number.NaN,
      mismatches: [],
      hints: [`Shapes differ: ${mismatch.replace(/^θ/, 'expected')}.`],
      kinks: [],
      unresolved: [],
      analytic: actualLayout.values,
      numeric: expectedLayout.values,
      errorEstimates: new Float64Array(expectedLayout.size),
    };
    return buildReport(settings, 'allClose', body, extras);
  }
  const a = actualLayout.values;
  const e = expectedLayout.values;
  const mismatches = closeness(a, e, expectedLayout, settings);
  const body = {
    pass: mismatches.length === 0,
    evaluations: 0,
    size: e.length,
    checked: e.length,
    ...summarize(a, e),
    mismatches,
    hints: [],
    kinks: [],
    unresolved: [],
    analytic: a,
    numeric: e,
    errorEstimates: new Float64Array(e.length),
  };
  return buildReport(settings, 'allClose', body, extras);
}

/** The entries where actual and expected are not close, worst first. */
function closeness(a: Float64Array, e: Float64Array, layout: TreeLayout, settings: Settings): Mismatch[] {
  const { rtol, atol, equalNaN } = settings;
  const mismatches: Mismatch[] = [];
  for (let i = 0; i < e.length; i++) {
    const bothNaN = Number.isNaN(a[i]) && Number.isNaN(e[i]);
    const same = a[i] === e[i] || (bothNaN && equalNaN) || agrees(a[i], e[i], 0, rtol, atol);
    if (!same) mismatches.push(mismatchOf(displayPath(layout.pathAt(i)), i, a[i], e[i], 0, rtol, atol));
  }
  return mismatches.sort(worstFirst);
}
