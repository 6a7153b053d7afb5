import { GradcheckError } from '../numeric/errors.js';
import type { Params, TreeLayout } from '../numeric/tree.js';
import { VectorEvaluator, outputName, partialName } from '../numeric/vectorEvaluator.js';
import { resolveMethod } from '../numeric/methods/resolve.js';
import { differenceEvaluations, evaluationStage, groupDigits } from './evaluation/index.js';
import { guardNonFinite, type Mutation } from './guards/index.js';
import { blocksOf, inputTensorName, outputTensorName } from './layer/blocks.js';
import { callUser } from './layer/callUser.js';
import { compareMatrix, matrixReport, numericMatrix } from './layer/matrix.js';
import { fEvidence } from './layer/report.js';
import { prepare } from './layer/prepare.js';
import { readMatrix } from './layer/read.js';
import { sparseJacobianCheck } from './sparse/jacobian.js';
import type { CheckOptions } from './options.js';
import type { ReportData } from './report.js';
import type { SparsityOption } from './settings/types.js';

/** Options of `checkJacobian` and `toHaveJacobian`. */
export interface JacobianOptions<P extends Params = Params> extends CheckOptions<P> {
  /**
   * Measure the matrix by column colouring: `'auto'` takes the analytic matrix's own nonzero
   * pattern, a boolean matrix (rows × columns of the matrix) adds its entries to it, `false`
   * measures every column. Columns that share no row are perturbed together, and a few random
   * probes (`directions`, default 10) catch entries outside the pattern: 2 × (colours + probes)
   * calls for central differences, the same for an elementwise layer of any size.
   * @defaultValue false
   */
  sparsity?: SparsityOption;
}

/**
 * A Jacobian: rows = flattened outputs of f, columns = flattened entries of θ, as a
 * `number[][]`, an array of row vectors, a flat row-major array — or a function of θ
 * returning one.
 */
export type JacobianSpec<P extends Params = Params> = ((theta: P) => Params) | Params;

/**
 * `checkJacobian` with the caller's name for messages: settings → the analytic matrix → the
 * numerical one column by column (2n calls, re-checks of suspect columns) → entry verdicts →
 * the layer checks' shared guards, diagnoses and block-structured report.
 *
 * @example
 * jacobianCheck(f, jac, { at: θ }, 'toHaveJacobian').pass;
 * @internal
 */
export function jacobianCheck(f: unknown, jac: unknown, options: unknown, caller: string): ReportData {
  const { layout, settings } = prepare(f, options, caller, 'jacobian');
  const n = layout.size;
  const fn = f as (theta: unknown) => unknown;
  if (settings.sparsity !== false) return sparseJacobianCheck(fn, jac, settings, caller);
  // 2 calls per column (central), through the evaluation stage; the report stage ends it.
  const plan = {
    total: differenceEvaluations(resolveMethod(settings.method), n),
    what: `Jacobian check of ${groupDigits(n)} columns`,
  };
  const { f: staged, watch } = evaluationStage(fn, settings, plan);
  const evaluator = new VectorEvaluator(staged, caller);
  let mutation: Mutation | undefined;
  let raw: unknown = jac;
  if (typeof jac === 'function') ({ value: raw, mutation } = callUser(jac as () => unknown, layout, caller, 'jac'));
  else if (jac === undefined || jac === null)
    throw new GradcheckError(`${caller}: jac must be a function of θ or a Jacobian matrix, but got ${String(jac)}`);
  const entryName = (i: number, j: number) => partialName(outputName(evaluator.layout, i), layout.pathAt(j));
  const copy = layout.workingCopy();
  const num = guardNonFinite(
    () => numericMatrix(evaluator, copy, settings, (m) => readMatrix(raw, m, n, caller, 'the Jacobian', entryName)),
    () => new VectorEvaluator(fn, caller).call(layout.workingCopy().root(), {}),
  );
  const out = evaluator.layout as TreeLayout;
  return matrixReport({
    settings,
    check: 'jacobian',
    a: num.analytic,
    num,
    verdict: compareMatrix(num.analytic, num, n, settings, entryName),
    blocks: blocksOf(out.tensors, layout.tensors, (r, c) => `∂${outputTensorName(r)}/∂${inputTensorName(c)}`),
    cols: n,
    entryName,
    ...fEvidence(evaluator, layout, copy, out, watch, { who: 'jac', mutation }),
  });
}
