/**
 * What the matrix checks (Jacobian, Hessian) share: the numerical matrix column by column with
 * re-checks, the entry-by-entry comparison, and their block-structured report.
 */
import { rowReading } from '../../numeric/apply.js';
import type { Measurement } from '../../numeric/measure/protocol.js';
import { resolveMethod } from '../../numeric/methods/resolve.js';
import { type Column, columnsOf, ownLadder, recheckLadder } from '../../numeric/numericJacobian.js';
import { probeContext } from '../../numeric/probe.js';
import type { VectorEvaluator } from '../../numeric/vectorEvaluator.js';
import type { ReportExtras } from '../_internals/buildReport.js';
import { agrees, isUnresolved, mismatchOf, summarize, worstFirst } from '../compare.js';
import { RECHECK_LEVELS, RECHECK_LIMIT } from '../recheck.js';
import type { BlockInfo, Mismatch, ReportData, UnresolvedEntry } from '../report.js';
import type { Settings } from '../settings/types.js';
import type { Block } from './blocks.js';
import { blockGroups, layerDiagnoses } from './diagnoses.js';
import { type LayerOutcome, layerReport } from './report.js';

/** A numerical matrix (rows × n, row-major) with an error estimate per entry. */
export interface NumericMatrix {
  readonly rows: number;
  readonly values: Float64Array;
  readonly errors: Float64Array;
}

/**
 * The numerical Jacobian of a vector evaluator over θ's coordinates by the settings' method,
 * with per-entry error estimates: every column sampled once (in batches), `analyticOf(m)`
 * supplying the values to compare once the number of outputs m is known, then the entries that
 * disagree re-checked on their column's re-check ladder (a method with its own ladder needs none).
 *
 * @example
 * const num = yield* numericMatrix(evaluator, settings, (m) => analytic);
 * num.values; // m×n row-major, num.errors alongside
 */
export function* numericMatrix(
  evaluator: VectorEvaluator,
  settings: Settings,
  analyticOf: (rows: number) => Float64Array,
): Measurement<NumericMatrix & { readonly analytic: Float64Array }> {
  const { layout, precision, step } = settings;
  const method = resolveMethod(settings.method);
  const n = layout.size;
  const columns = yield* columnsOf(probeContext(evaluator, layout, precision), method, step, settings.caller);
  const m = columns[0]?.sample.values[0].length ?? 0;
  const values = new Float64Array(m * n);
  const errors = new Float64Array(m * n);
  const analytic = analyticOf(m);
  const agreesAt = (k: number) => agrees(analytic[k], values[k], errors[k], settings.rtol, settings.atol);
  const suspects: Column[] = [];
  for (const column of columns) {
    const j = column.index;
    const own = ownLadder(method, column);
    let suspect = false;
    for (let i = 0; i < m; i++) {
      const first = yield* own.estimate(rowReading(i), precision);
      values[i * n + j] = first.value;
      errors[i * n + j] = first.error;
      if (!agreesAt(i * n + j)) suspect = true;
    }
    if (suspect) suspects.push(column);
  }
  for (const column of suspects.slice(0, RECHECK_LIMIT)) {
    const ladder = recheckLadder(method, column, RECHECK_LEVELS);
    for (let i = 0; ladder && i < m; i++) {
      const k = i * n + column.index;
      if (agreesAt(k)) continue;
      const est = yield* ladder.estimate(rowReading(i), precision);
      values[k] = est.value;
      errors[k] = est.error;
    }
  }
  return { rows: m, values, errors, analytic };
}

/** What a matrix check found, ready for its report. */
export interface MatrixVerdict {
  readonly mismatches: Mismatch[];
  readonly unresolved: UnresolvedEntry[];
  readonly wrong: number[];
}

/**
 * Compares a matrix entry by entry; `name(i, j)` names an entry. `entries` (flat indices
 * k = i·cols + j, ascending) restricts the comparison to them (a sparse check's measured ones).
 *
 * @example
 * compareMatrix(a, num, n, settings, (i, j) => `∂out[${i}]/∂θ[${j}]`).mismatches; // worst first
 */
export function compareMatrix(
  a: Float64Array,
  num: NumericMatrix,
  cols: number,
  settings: Pick<Settings, 'rtol' | 'atol'>,
  name: (i: number, j: number) => string,
  entries?: ArrayLike<number>,
): MatrixVerdict {
  const { rtol, atol } = settings;
  const mismatches: Mismatch[] = [];
  const unresolved: UnresolvedEntry[] = [];
  const wrong: number[] = [];
  const count = entries ? entries.length : a.length;
  for (let e = 0; e < count; e++) {
    const k = entries ? entries[e] : e;
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

/** What a matrix check hands over to become its report, beyond the layer checks' common part. */
export interface MatrixReportInput
  extends Omit<
    LayerOutcome,
    'analytic' | 'numeric' | 'errors' | 'mismatches' | 'unresolved' | 'summary' | 'size' | 'checked' | 'diagnose'
  > {
  readonly a: Float64Array;
  readonly num: NumericMatrix;
  readonly verdict: MatrixVerdict;
  readonly blocks: readonly Block[];
  readonly cols: number;
  readonly check: 'jacobian' | 'hessian';
  /** Name of entry (i, j): `∂out[0]/∂W[1][2]`, `∂²f/∂θ[0]∂θ[1]`. */
  readonly entryName: (i: number, j: number) => string;
}

/**
 * The report of a matrix check: the layer checks' shared tail, with block hints for the wrong
 * blocks and a map per block.
 *
 * @example
 * return yield* matrixReport({ settings, check: 'jacobian', a, num, verdict, blocks, cols: n, … });
 */
export function* matrixReport(input: MatrixReportInput): Measurement<ReportData> {
  const { a, num, verdict, blocks, cols, check } = input;
  const subject = check === 'jacobian' ? 'Jacobian' : 'Hessian';
  const extras: ReportExtras = {
    ...input.extras,
    tensors: [{ name: subject, shape: [a.length / cols, cols], offset: 0, size: a.length }],
    blocks: blocks.map(blockInfo),
    columns: cols,
  };
  return yield* layerReport({
    ...input,
    analytic: a,
    numeric: num.values,
    errors: num.errors,
    mismatches: verdict.mismatches,
    unresolved: verdict.unresolved,
    summary: summarize(a, num.values),
    size: a.length,
    checked: a.length,
    diagnose: () =>
      layerDiagnoses({
        settings: input.settings,
        analytic: a,
        numeric: num.values,
        errors: num.errors,
        mismatches: verdict.mismatches,
        unresolved: verdict.unresolved,
        groups: blockGroups(blocks, cols, (k) => input.entryName(Math.floor(k / cols), k % cols)),
      }),
    extras,
  });
}

/** A block as reports carry it. */
function blockInfo(block: Block): BlockInfo {
  return {
    name: block.name,
    rowOffset: block.row.offset,
    rows: block.row.size,
    colOffset: block.col.offset,
    cols: block.col.size,
  };
}
