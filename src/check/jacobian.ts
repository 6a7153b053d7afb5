import { GradcheckError } from '../numeric/errors.js';
import type { Params, TreeLayout } from '../numeric/tree.js';
import { AT_THETA, type Measurement, evaluateOne } from '../numeric/measure/protocol.js';
import { VectorEvaluator, outputName, partialName } from '../numeric/vectorEvaluator.js';
import { resolveMethod } from '../numeric/methods/resolve.js';
import { differenceEvaluations, evaluationStage, groupDigits } from './timeAndProgress/index.js';
import { type Mutation, atThetaWhenNonFinite } from './guards/index.js';
import { blocksOf, inputTensorName, outputTensorName } from './vectorValued/blocks.js';
import { callUser } from './vectorValued/callUser.js';
import { compareMatrix, matrixReport, numericMatrix } from './vectorValued/matrix.js';
import { fEvidence } from './vectorValued/report.js';
import { prepare } from './vectorValued/prepare.js';
import { readMatrix } from './vectorValued/read.js';
import { type CheckPlan, runPlan } from './_internals/run.js';
import { sparseJacobianMeasurement } from './sparse/jacobian.js';
import type { CheckOptions } from './options.js';
import type { ReportData } from './report.js';
import { referenceOf } from './_internals/reference.js';
import type { Settings, SparsityOption } from './settings/types.js';

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
 * `checkJacobian` with the caller's name for messages.
 *
 * @example
 * jacobianCheck(f, jac, { at: θ }, 'toHaveJacobian').pass;
 * @internal
 */
export function jacobianCheck(f: unknown, jac: unknown, options: unknown, caller: string): ReportData {
  return runPlan(jacobianPlan(f, jac, options, caller));
}

/**
 * `checkJacobian` as a plan: settings → the analytic matrix → the numerical one column by column
 * by the settings' method (2n calls for central differences, n + 1 for one-sided ones,
 * re-checks of suspect entries) → entry verdicts → the layer checks' shared guards, diagnoses
 * and block-structured report.
 * @internal
 */
export function jacobianPlan(f: unknown, jac: unknown, options: unknown, caller: string): CheckPlan {
  const { settings } = prepare(f, options, caller, 'jacobian');
  if (typeof jac !== 'function' && (jac === undefined || jac === null))
    throw new GradcheckError(`${caller}: jac must be a function of θ or a Jacobian matrix, but got ${String(jac)}`);
  return { settings, measurement: jacobianMeasurement(f as (theta: unknown) => unknown, jac, settings) };
}

function* jacobianMeasurement(fn: (theta: unknown) => unknown, jac: unknown, settings: Settings): Measurement<ReportData> {
  const { layout, caller } = settings;
  const n = layout.size;
  if (settings.sparsity !== false) return yield* sparseJacobianMeasurement(fn, jac, settings);
  const plan = {
    total: differenceEvaluations(resolveMethod(settings.method), n),
    what: `Jacobian check of ${groupDigits(n)} columns`,
  };
  const stage = evaluationStage(settings, plan);
  try {
    const evaluator = new VectorEvaluator(fn, caller, 'f', stage.hooks);
    let mutation: Mutation | undefined;
    let raw: unknown = jac;
    if (typeof jac === 'function') ({ value: raw, mutation } = yield* callUser(jac as () => unknown, layout, caller, 'jac'));
    const entryName = (i: number, j: number) => partialName(outputName(evaluator.layout, i), layout.pathAt(j));
    const num = yield* atThetaWhenNonFinite(
      numericMatrix(evaluator, settings, (m) => readMatrix(raw, m, n, caller, 'the Jacobian', entryName)),
      () => evaluateOne(new VectorEvaluator(fn, caller), AT_THETA),
    );
    const out = evaluator.layout as TreeLayout;
    return yield* matrixReport({
      settings,
      check: 'jacobian',
      a: num.analytic,
      num,
      verdict: compareMatrix(num.analytic, num, n, settings, entryName),
      blocks: blocksOf(out.tensors, layout.tensors, (r, c) => `∂${outputTensorName(r)}/∂${inputTensorName(c)}`),
      cols: n,
      entryName,
      ...(yield* fEvidence(evaluator, layout, out, stage.watch, { who: 'jac', mutation })),
      extras: { reference: referenceOf(settings, ' of f along each entry of θ') },
    });
  } finally {
    stage.end();
  }
}
