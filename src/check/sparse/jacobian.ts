import { AT_THETA, type Measurement, evaluateOne } from '../../numeric/measure/protocol.js';
import { resolveMethod } from '../../numeric/methods/resolve.js';
import type { TreeLayout } from '../../numeric/tree.js';
import { readTree } from '../../numeric/validate.js';
import { VectorEvaluator, outputName, partialName } from '../../numeric/vectorEvaluator.js';
import { referenceOf } from '../_internals/reference.js';
import { evaluationStage, groupDigits } from '../timeAndProgress/index.js';
import { type Mutation, atThetaWhenNonFinite } from '../guards/index.js';
import { blocksOf, inputTensorName, outputTensorName } from '../vectorValued/blocks.js';
import { callUser } from '../vectorValued/callUser.js';
import { matrixReport } from '../vectorValued/matrix.js';
import { readMatrix } from '../vectorValued/read.js';
import { fEvidence } from '../vectorValued/report.js';
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
 * `checkJacobian`'s measurement with `sparsity`: the analytic matrix and its pattern → a
 * colouring → one perturbation per colour and a few random probes (2 × (colours + probes) calls
 * of f, central) → the dense check's comparison, guards, diagnoses and report over the same m×n
 * matrix. `jac` is a function of θ or a matrix (the plan refused anything else).
 *
 * @example
 * return yield* sparseJacobianMeasurement(f, jac, settings); // in jacobianPlan's measurement
 * @internal
 */
export function* sparseJacobianMeasurement(
  f: (theta: unknown) => unknown,
  jac: unknown,
  settings: Settings,
): Measurement<ReportData> {
  const { layout, caller } = settings;
  const n = layout.size;
  let mutation: Mutation | undefined;
  let raw: unknown = jac;
  if (typeof jac === 'function') ({ value: raw, mutation } = yield* callUser(jac as () => unknown, layout, caller, 'jac'));
  let outputs: TreeLayout | undefined;
  const entryName = (i: number, j: number) => partialName(outputName(outputs, i), layout.pathAt(j));
  const rows = rowsOf(raw, n, caller) ?? (yield* evaluateOne(new VectorEvaluator(f, caller), AT_THETA)).length;
  const A = readMatrix(raw, rows, n, caller, 'the Jacobian', entryName);
  const pattern = measuredPattern(settings.sparsity as 'auto', A, { rows, cols: n, rowsAre: 'outputs' }, caller, false);
  const plan = sparsePlan(pattern, settings, false);
  const stage = evaluationStage(settings, {
    total: sparseEvaluations(resolveMethod(settings.method), plan),
    what: `sparse Jacobian check of ${groupDigits(n)} columns in ${groupDigits(plan.colouring.count)} colours`,
  });
  try {
    const evaluator = new VectorEvaluator(f, caller, 'f', stage.hooks);
    const checkRows = (m: number) => {
      outputs = evaluator.layout;
      if (m !== rows) readMatrix(raw, m, n, caller, 'the Jacobian', entryName);
    };
    const num = yield* atThetaWhenNonFinite(
      sparseMatrix(evaluator, settings, A, plan, (i) => outputName(evaluator.layout, i), checkRows),
      () => evaluateOne(new VectorEvaluator(f, caller), AT_THETA),
    );
    const out = evaluator.layout as TreeLayout;
    return yield* matrixReport({
      settings,
      check: 'jacobian',
      a: A,
      num,
      verdict: compareMeasured(A, num, plan.pattern, num.localised, settings, entryName),
      blocks: blocksOf(out.tensors, layout.tensors, (r, c) => `∂${outputTensorName(r)}/∂${inputTensorName(c)}`),
      cols: n,
      entryName,
      findings: num.findings,
      ...(yield* fEvidence(evaluator, layout, out, stage.watch, { who: 'jac', mutation })),
      extras: { notes: [sparseNote(plan)], reference: referenceOf(settings, ' of f along each colour of columns') },
    });
  } finally {
    stage.end();
  }
}
