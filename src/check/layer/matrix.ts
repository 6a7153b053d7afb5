/**
 * What the matrix checks (Jacobian, Hessian) share: the numerical matrix column by column with
 * re-checks, the entry-by-entry comparison, and their block-structured report.
 */
import { central } from '../../numeric/methods/builtins.js';
import { type Stencil, coordinateSequence, scanColumns, stencilRoundoff } from '../../numeric/numericJacobian.js';
import { scaledStep } from '../../numeric/precision.js';
import { RICHARDSON_LEVELS } from '../../numeric/richardson.js';
import type { WorkingCopy } from '../../numeric/tree.js';
import type { VectorEvaluator } from '../../numeric/vectorEvaluator.js';
import type { ReportExtras } from '../buildReport.js';
import { agrees, isUnresolved, mismatchOf, summarize, worstFirst } from '../compare.js';
import { RECHECK_LEVELS, RECHECK_LIMIT } from '../recheck.js';
import type { BlockInfo, Mismatch, ReportData, UnresolvedEntry } from '../report.js';
import { extrapolates } from '../settings/resolve.js';
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
 * The numerical Jacobian of a vector evaluator over θ's coordinates with per-entry error
 * estimates; `analyticOf(m)` supplies the values to compare (once the number of outputs m is
 * known), and columns with suspects are refined by Richardson extrapolation (every column with
 * an extrapolating method).
 *
 * @example
 * const num = numericMatrix(evaluator, copy, settings, (m) => analytic);
 * num.values; // m×n row-major, num.errors alongside
 */
export function numericMatrix(
  evaluator: VectorEvaluator,
  copy: WorkingCopy,
  settings: Settings,
  analyticOf: (rows: number) => Float64Array,
): NumericMatrix & { readonly analytic: Float64Array } {
  const { layout, precision, step } = settings;
  const n = layout.size;
  let m = 0;
  let values = new Float64Array(0);
  let errors = new Float64Array(0);
  let analytic: Float64Array = new Float64Array(0);
  const init = (rows: number) => {
    m = rows;
    values = new Float64Array(m * n);
    errors = new Float64Array(m * n);
    analytic = analyticOf(m);
  };
  const sequence = (j: number, first?: Stencil) =>
    coordinateSequence(evaluator, layout, copy, j, scaledStep(step, layout.values[j]), precision, first);
  if (extrapolates(settings)) {
    for (let j = 0; j < n; j++) {
      const seq = sequence(j);
      if (j === 0) init(seq.level(0).plus.length);
      for (let i = 0; i < m; i++) {
        const est = seq.extrapolate(precision, { row: i }, RICHARDSON_LEVELS);
        values[i * n + j] = est.value;
        errors[i * n + j] = est.error;
      }
    }
    return { rows: m, values, errors, analytic };
  }
  const suspects = new Map<number, Stencil | undefined>();
  const agreesAt = (k: number) => agrees(analytic[k], values[k], errors[k], settings.rtol, settings.atol);
  scanColumns(evaluator, layout, copy, { method: settings.method, step, precision }, settings.caller, (col) => {
    if (m === 0) init(col.quotients.length);
    const j = col.index;
    for (let i = 0; i < m; i++) {
      values[i * n + j] = col.quotients[i];
      errors[i * n + j] = stencilRoundoff(col, precision, undefined, i);
      if (!agreesAt(i * n + j)) suspects.set(j, settings.method === central ? col : undefined);
    }
  });
  for (const [j, first] of [...suspects].slice(0, RECHECK_LIMIT)) {
    const seq = sequence(j, first);
    for (let i = 0; i < m; i++) {
      if (agreesAt(i * n + j)) continue;
      const est = seq.extrapolate(precision, { row: i }, RECHECK_LEVELS);
      values[i * n + j] = est.value;
      errors[i * n + j] = est.error;
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
 * Compares a matrix entry by entry; `name(i, j)` names an entry.
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
): MatrixVerdict {
  const { rtol, atol } = settings;
  const mismatches: Mismatch[] = [];
  const unresolved: UnresolvedEntry[] = [];
  const wrong: number[] = [];
  for (let k = 0; k < a.length; k++) {
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
 * return matrixReport({ settings, check: 'jacobian', a, num, verdict, blocks, cols: n, … });
 */
export function matrixReport(input: MatrixReportInput): ReportData {
  const { a, num, verdict, blocks, cols, check } = input;
  const subject = check === 'jacobian' ? 'Jacobian' : 'Hessian';
  const extras: ReportExtras = {
    ...input.extras,
    tensors: [{ name: subject, shape: [a.length / cols, cols], offset: 0, size: a.length }],
    blocks: blocks.map(blockInfo),
    columns: cols,
  };
  return layerReport({
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
