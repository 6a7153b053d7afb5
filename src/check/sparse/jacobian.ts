import { GradcheckError } from '../../numeric/errors.js';
import type { TreeLayout } from '../../numeric/tree.js';
import { readTree } from '../../numeric/validate.js';
import { VectorEvaluator, outputName, partialName } from '../../numeric/vectorEvaluator.js';
import { evaluationStage, groupDigits } from '../evaluation/index.js';
import { guardNonFinite, type Mutation } from '../guards/index.js';
import { blocksOf, inputTensorName, outputTensorName } from '../layer/blocks.js';
import { callUser } from '../layer/callUser.js';
import { matrixReport } from '../layer/matrix.js';
import { readMatrix } from '../layer/read.js';
import { fEvidence } from '../layer/report.js';
import type { ReportData } from '../report.js';
import type { Settings } from '../settings/types.js';
import { sparseEvaluations, sparseMatrix, sparseNote, sparsePlan } from './matrix.js';
import { compareMeasured } from './compare.js';
import { measuredPattern } from './pattern.js';

/**
 * The rows of an analytic Jacobian before f is called (the colouring needs them): a nested
 * matrix's length, a flat one's length over n (without reading a large matrix twice), another
 * tensor type's size over n; undefined when none fits (the matrix is malformed: the check then
 * asks f for its outputs, to say so).
 */
function rowsOf(raw: unknown, n: number, caller: string): number | undefined {
  if (typeof raw === 'number') return n === 1 ? 1 : undefined;
  if (Array.isArray(raw) || ArrayBuffer.isView(raw)) {
    const list = raw as ArrayLike<unknown>;
    const first = list[0];
    if (Array.isArray(first) || ArrayBuffer.isView(first)) return list.length;
    return list.length > 0 && list.length % n === 0 ? list.length / n : undefined;
  }
  const size = readTree(raw, caller, 'the Jacobian').size;
  return size > 0 && size % n === 0 ? size / n : undefined;
}

/**
 * `checkJacobian` with `sparsity`: the analytic matrix and its pattern → a colouring → one
 * perturbation per colour and a few random probes (2 × (colours + probes) calls of f, central)
 * → the dense check's comparison, guards, diagnoses and report over the same m×n matrix.
 *
 * @example
 * sparseJacobianCheck(layer, jac, resolveSettings({ at: x, sparsity: 'auto' }, 'jacobian', 'checkJacobian'), f, 'checkJacobian').pass;
 * @internal
 */
export function sparseJacobianCheck(
  f: (theta: unknown) => unknown,
  jac: unknown,
  settings: Settings,
  caller: string,
): ReportData {
  const { layout } = settings;
  const n = layout.size;
  let mutation: Mutation | undefined;
  let raw: unknown = jac;
  if (typeof jac === 'function') ({ value: raw, mutation } = callUser(jac as () => unknown, layout, caller, 'jac'));
  else if (jac === undefined || jac === null)
    throw new GradcheckError(`${caller}: jac must be a function of θ or a Jacobian matrix, but got ${String(jac)}`);
  let outputs: TreeLayout | undefined;
  const entryName = (i: number, j: number) => partialName(outputName(outputs, i), layout.pathAt(j));
  const rows = rowsOf(raw, n, caller) ?? new VectorEvaluator(f, caller).call(layout.workingCopy().root(), {}).length;
  const A = readMatrix(raw, rows, n, caller, 'the Jacobian', entryName);
  const plan = sparsePlan(
    measuredPattern(settings.sparsity as 'auto', A, { rows, cols: n, rowsAre: 'outputs' }, caller, false),
    settings,
    false,
  );
  const { f: staged, watch } = evaluationStage(f, settings, {
    total: sparseEvaluations(settings.method, plan),
    what: `sparse Jacobian check of ${groupDigits(n)} columns in ${groupDigits(plan.colouring.count)} colours`,
  });
  const evaluator = new VectorEvaluator(staged, caller);
  const copy = layout.workingCopy();
  const checkRows = (m: number) => {
    outputs = evaluator.layout;
    if (m !== rows) readMatrix(raw, m, n, caller, 'the Jacobian', entryName);
  };
  const num = guardNonFinite(
    () => sparseMatrix(evaluator, copy, settings, A, plan, (i) => outputName(evaluator.layout, i), checkRows),
    () => new VectorEvaluator(f, caller).call(layout.workingCopy().root(), {}),
  );
  const out = evaluator.layout as TreeLayout;
  return matrixReport({
    settings,
    check: 'jacobian',
    a: A,
    num,
    verdict: compareMeasured(A, num, plan.pattern, num.localised, settings, entryName),
    blocks: blocksOf(out.tensors, layout.tensors, (r, c) => `∂${outputTensorName(r)}/∂${inputTensorName(c)}`),
    cols: n,
    entryName,
    findings: num.findings,
    extras: { notes: [sparseNote(plan)] },
    ...fEvidence(evaluator, layout, copy, out, watch, { who: 'jac', mutation }),
  });
}
