import { GradcheckError } from '../numeric/errors.js';
import { DEFAULT_SEED } from '../numeric/random.js';
import { type Params, displayPath } from '../numeric/tree.js';
import { readTree } from '../numeric/validate.js';
import { agrees, relativeError, summarize, tolerance, worstFirst } from './compare.js';
import { finishReport } from './finish.js';
import type { GradientReport, Mismatch } from './report.js';

/** Options of `allClose` and `toBeAllClose`. */
export interface AllCloseOptions {
  /** @defaultValue 1e-5 (NumPy's) */
  rtol?: number;
  /** @defaultValue 1e-8 (NumPy's) */
  atol?: number;
  /** Whether NaN equals NaN. @defaultValue false */
  equalNaN?: boolean;
}

export const ALL_CLOSE_DEFAULTS = { rtol: 1e-5, atol: 1e-8 } as const;

/**
 * Compares two parameter trees entry by entry: |actual − expected| ≤ atol + rtol ·
 * max(|actual|, |expected|). Returns the same kind of report as the gradient checks, with
 * `evaluations: 0`; a structure mismatch fails with the path that differs.
 *
 * @example
 * allClose([1, 2.0000001], [1, 2]).pass;             // true
 * allClose({ w: [1, 2] }, { w: [1, 3] }).mismatches; // [{ path: 'w[1]', … }]
 */
export function allClose(actual: Params, expected: Params, options: AllCloseOptions = {}, caller = 'allClose'): GradientReport {
  if (options === null || typeof options !== 'object')
    throw new GradcheckError(`${caller}: options must be an object like { rtol, atol }`);
  for (const key of Object.keys(options)) {
    if (!['rtol', 'atol', 'equalNaN'].includes(key)) {
      throw new GradcheckError(`${caller}: unknown option ${JSON.stringify(key)}; known options are rtol, atol, equalNaN`);
    }
  }
  for (const name of ['rtol', 'atol'] as const) {
    const v = options[name];
    if (v !== undefined && !(typeof v === 'number' && Number.isFinite(v) && v >= 0)) {
      throw new GradcheckError(`${caller}: options.${name} must be a finite number ≥ 0, but got ${String(v)}`);
    }
  }
  const rtol = options.rtol ?? ALL_CLOSE_DEFAULTS.rtol;
  const atol = options.atol ?? ALL_CLOSE_DEFAULTS.atol;
  const expectedLayout = readTree(expected, caller, 'expected');
  const actualLayout = readTree(actual, caller, 'actual');
  const settings = { method: 'central', step: 0, precision: 'float64', rtol, atol, mode: 'full', seed: DEFAULT_SEED } as const;
  const context = {
    subject: 'values',
    analyticLabel: 'actual',
    numericLabel: 'expected',
    reference: `rtol ${rtol}, atol ${atol}`,
    showTolerance: false,
  };
  const mismatch = expectedLayout.structureMismatch(actual, 'actual');
  if (mismatch) {
    return finishReport(
      {
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
        settings,
      },
      expectedLayout,
      context,
    );
  }
  const a = actualLayout.values;
  const e = expectedLayout.values;
  const mismatches: Mismatch[] = [];
  for (let i = 0; i < e.length; i++) {
    const bothNaN = Number.isNaN(a[i]) && Number.isNaN(e[i]);
    const same = a[i] === e[i] || (bothNaN && options.equalNaN === true) || agrees(a[i], e[i], 0, rtol, atol);
    if (same) continue;
    mismatches.push({
      path: displayPath(expectedLayout.pathAt(i)),
      index: i,
      analytic: a[i],
      numeric: e[i],
      absError: Math.abs(a[i] - e[i]),
      relError: relativeError(a[i], e[i]),
      tolerance: tolerance(a[i], e[i], rtol, atol),
      errorEstimate: 0,
    });
  }
  mismatches.sort((p, q) => worstFirst(p, q) || 0);
  return finishReport(
    {
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
      settings,
    },
    expectedLayout,
    context,
  );
}
