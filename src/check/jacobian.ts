import { coordinateSequence, scanColumns, stencilRoundoff, type Stencil } from '../numeric/numericJacobian.js';
import { GradcheckError } from '../numeric/errors.js';
import { scaledStep } from '../numeric/precision.js';
import { RICHARDSON_LEVELS } from '../numeric/richardson.js';
import { type Params, type TreeLayout, type WorkingCopy, displayPath } from '../numeric/tree.js';
import { VectorEvaluator, outputName, partialName } from '../numeric/vectorEvaluator.js';
import { agrees, isUnresolved, mismatchOf, summarize, worstFirst } from './compare.js';
import { buildReport, type ReportExtras } from './buildReport.js';
import {
  type Block,
  type Mutation,
  blocksOf,
  callUser,
  groupHints,
  inputTensorName,
  mutationHint,
  outputTensorName,
  prepare,
  readMatrix,
  withinGlobal,
} from './layerShared.js';
import { RECHECK_LEVELS, RECHECK_LIMIT } from './recheck.js';
import type { BlockInfo, CheckSettings, Mismatch, ReportData, UnresolvedEntry } from './report.js';
import type { Settings } from './settings/types.js';

/**
 * A Jacobian: rows = flattened outputs of f, columns = flattened entries of θ, as a
 * `number[][]`, an array of row vectors, a flat row-major array — or a function of θ
 * returning one.
 */
export type JacobianSpec<P extends Params = Params> = ((theta: P) => Params) | Params;

/** Numerical Jacobian with error estimates, re-checked where it disagrees with `analytic`. */
export interface NumericMatrix {
  readonly rows: number;
  readonly values: Float64Array;
  readonly errors: Float64Array;
}

/**
 * The numerical Jacobian of a vector evaluator over θ's coordinates with per-entry error
 * estimates; `analyticOf(m)` supplies the values to compare (once the number of outputs m is
 * known), and columns with suspects are refined with Richardson extrapolation.
 *
 * @example
 * const num = numericMatrix(new VectorEvaluator(f, 'checkJacobian'), layout, settings, 'checkJacobian', (m) => analytic);
 * num.values; // m×n row-major, num.errors alongside
 * @internal
 */
export function numericMatrix(
  evaluator: VectorEvaluator,
  layout: TreeLayout,
  settings: CheckSettings,
  caller: string,
  analyticOf: (rows: number) => Float64Array,
): NumericMatrix & { readonly analytic: Float64Array; readonly fMutation?: Mutation } {
  const n = layout.size;
  const copy = layout.workingCopy();
  const { precision, step, rtol, atol } = settings;
  let values = new Float64Array(0);
  let errors = new Float64Array(0);
  let analytic: Float64Array = new Float64Array(0);
  let m = 0;
  const stencils = new Map<number, Stencil>();
  const init = (rows: number) => {
    m = rows;
    values = new Float64Array(m * n);
    errors = new Float64Array(m * n);
    analytic = analyticOf(m);
  };
  if (settings.method === 'richardson') {
    for (let j = 0; j < n; j++) {
      const seq = coordinateSequence(evaluator, layout, copy, j, scaledStep(step, layout.values[j]), precision);
      if (j === 0) init(seq.level(0).plus.length);
      for (let i = 0; i < m; i++) {
        const est = seq.extrapolate(precision, { row: i }, RICHARDSON_LEVELS);
        values[i * n + j] = est.value;
        errors[i * n + j] = est.error;
      }
    }
    return { rows: m, values, errors, analytic, fMutation: mutationOf(layout, copy) };
  }
  const suspects: number[] = [];
  scanColumns(evaluator, layout, copy, { method: settings.method, step, precision }, caller, (col) => {
    if (m === 0) init(col.quotients.length);
    const j = col.index;
    let suspect = false;
    for (let i = 0; i < m; i++) {
      const k = i * n + j;
      values[k] = col.quotients[i];
      errors[k] = stencilRoundoff(col, precision, undefined, i);
      if (!agrees(analytic[k], values[k], errors[k], rtol, atol)) suspect = true;
    }
    if (suspect) {
      suspects.push(j);
      if (settings.method === 'central') stencils.set(j, col);
    }
  });
  for (const j of suspects.slice(0, RECHECK_LIMIT)) {
    const seq = coordinateSequence(evaluator, layout, copy, j, scaledStep(step, layout.values[j]), precision, stencils.get(j));
    for (let i = 0; i < m; i++) {
      const k = i * n + j;
      if (agrees(analytic[k], values[k], errors[k], rtol, atol)) continue;
      const est = seq.extrapolate(precision, { row: i }, RECHECK_LEVELS);
      values[k] = est.value;
      errors[k] = est.error;
    }
  }
  return { rows: m, values, errors, analytic, fMutation: mutationOf(layout, copy) };
}

/** Where f changed the copy of θ it was given, if it did. */
function mutationOf(layout: TreeLayout, copy: WorkingCopy): Mutation | undefined {
  const i = copy.firstDifference(layout.values);
  return i < 0 ? undefined : { path: displayPath(layout.pathAt(i)), before: layout.values[i], after: copy.get(i) };
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
 * @internal
 */
export function compareMatrix(
  a: Float64Array,
  num: NumericMatrix,
  cols: number,
  settings: CheckSettings,
  name: (i: number, j: number) => string,
): MatrixVerdict {
  const { rtol, atol } = settings;
  const mismatches: Mismatch[] = [];
  const unresolved: UnresolvedEntry[] = [];
  const wrong: number[] = [];
  for (let k = 0; k < a.length; k++) {
    const i = Math.floor(k / cols);
    const j = k % cols;
    const n = num.values[k];
    const err = num.errors[k];
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

/** What a matrix check (Jacobian, Hessian) hands over to become its report. @internal */
export interface MatrixReportInput {
  readonly a: Float64Array;
  readonly num: NumericMatrix;
  readonly verdict: MatrixVerdict;
  readonly blocks: readonly Block[];
  readonly cols: number;
  readonly settings: Settings;
  readonly evaluations: number;
  /** Hints found so far (mutations, asymmetry); block hints are added after them. */
  readonly hints: string[];
  /** Whether something found so far (f or the matrix mutating θ) fails the check already. */
  readonly failed: boolean;
  readonly check: 'jacobian' | 'hessian';
  /** The reference text and counting noun, when not the settings' defaults. */
  readonly extras?: ReportExtras;
}

/**
 * The report of a matrix check: block hints for the wrong blocks, a note and a map per block,
 * and the verdict (every entry agrees, no earlier hint, the global criterion holds).
 * @internal
 */
export function matrixReport(input: MatrixReportInput): ReportData {
  const { a, num, verdict, blocks, cols, settings, hints, check } = input;
  const subject = check === 'jacobian' ? 'Jacobian' : 'Hessian';
  if (verdict.mismatches.length > 0) hints.push(...blockHints(blocks, verdict.wrong, cols, a, num.values, subject));
  const summary = summarize(a, num.values);
  const rows = a.length / cols;
  return buildReport(
    settings,
    check,
    {
      pass: verdict.mismatches.length === 0 && !input.failed && withinGlobal(settings, summary.relativeDifference),
      evaluations: input.evaluations,
      size: a.length,
      checked: a.length,
      ...summary,
      mismatches: verdict.mismatches,
      hints,
      kinks: [],
      unresolved: verdict.unresolved,
      analytic: a,
      numeric: num.values,
      errorEstimates: num.errors,
    },
    {
      ...input.extras,
      tensors: [{ name: subject, shape: [rows, cols], offset: 0, size: a.length }],
      blocks: blocks.map(blockInfo),
      columns: cols,
    },
  );
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

/**
 * Hints for the blocks of a matrix that hold wrong entries.
 *
 * @example
 * blockHints(blocks, verdict.wrong, n, a, num.values, 'Jacobian'); // ['Missing term: … ∂out/∂b …']
 * @internal
 */
export function blockHints(
  blocks: readonly Block[],
  wrong: readonly number[],
  cols: number,
  a: Float64Array,
  n: Float64Array,
  what: string,
): string[] {
  const hints: string[] = [];
  const wrongSet = new Set(wrong);
  for (const block of blocks) {
    const idx: number[] = [];
    let any = false;
    for (let r = 0; r < block.row.size; r++) {
      for (let c = 0; c < block.col.size; c++) {
        const k = (block.row.offset + r) * cols + block.col.offset + c;
        idx.push(k);
        if (wrongSet.has(k)) any = true;
      }
    }
    if (!any) continue;
    const square =
      block.row.size === block.col.size && block.row.size > 1
        ? { size: block.row.size, at: (r: number, c: number) => (block.row.offset + r) * cols + block.col.offset + c }
        : undefined;
    hints.push(...groupHints(block.name, what, a, n, idx, square));
  }
  return hints;
}

/**
 * `checkJacobian` with the caller's name for messages.
 *
 * @example
 * jacobianCheck(f, jac, { at: θ }, 'toHaveJacobian').pass;
 * @internal
 */
export function jacobianCheck(f: unknown, jac: unknown, options: unknown, caller: string): ReportData {
  const { layout, settings } = prepare(f, options, caller, 'jacobian');
  const n = layout.size;
  const evaluator = new VectorEvaluator(f as (theta: unknown) => unknown, caller);
  let mutation: Mutation | undefined;
  let raw: unknown = jac;
  if (typeof jac === 'function') ({ value: raw, mutation } = callUser(jac as () => unknown, layout, caller, 'jac'));
  else if (jac === undefined || jac === null)
    throw new GradcheckError(`${caller}: jac must be a function of θ or a Jacobian matrix, but got ${String(jac)}`);
  const entryName = (i: number, j: number) => partialName(outputName(evaluator.layout, i), layout.pathAt(j));
  const num = numericMatrix(evaluator, layout, settings, caller, (m) => readMatrix(raw, m, n, caller, 'the Jacobian', entryName));
  const a = num.analytic;
  const verdict = compareMatrix(a, num, n, settings, entryName);
  const outLayout = evaluator.layout as TreeLayout;
  const blocks = blocksOf(outLayout.tensors, layout.tensors, (r, c) => `∂${outputTensorName(r)}/∂${inputTensorName(c)}`);
  const hints: string[] = [];
  if (num.fMutation) hints.push(mutationHint('f', num.fMutation));
  if (mutation) hints.push(mutationHint('jac', mutation));
  const failed = Boolean(mutation || num.fMutation);
  return matrixReport({
    a,
    num,
    verdict,
    blocks,
    cols: n,
    settings,
    evaluations: evaluator.count,
    hints,
    failed,
    check: 'jacobian',
  });
}
