import type { Measurement } from '../../numeric/measure/protocol.js';
import { resolveMethod } from '../../numeric/methods/resolve.js';
import type { SecondDifferenceSettings } from '../../numeric/secondDifferences.js';
import { inputName } from '../../numeric/vectorEvaluator.js';
import { rowColumns } from '../../numeric/sparsity/index.js';
import { groupDigits } from '../timeAndProgress/index.js';
import type { Settings } from '../settings/types.js';
import { type SparsePlan, sparseEvaluations, sparseMatrix, sparseNote, sparsePlan } from './matrix.js';
import type { MeasuredHessian } from './measuredHessian.js';
import { hessianByGradient } from '../_internals/hessianByGradient.js';
import { measuredPattern } from './pattern.js';
import { sparseSecondDifferences } from './secondDifferences.js';

/**
 * The sparse measurement of a Hessian, for `hessianCheck`: through options.gradient when given,
 * else through second differences of f.
 *
 * @example
 * const m = yield* sparseHessian(f, settings, a, name, second); // m.num: n×n, measured on the pattern
 */
export function* sparseHessian(
  f: unknown,
  settings: Settings,
  a: Float64Array,
  name: (i: number, j: number) => string,
  second: SecondDifferenceSettings,
): Measurement<MeasuredHessian> {
  const n = settings.layout.size;
  const pattern = measuredPattern(
    settings.sparsity as 'auto',
    a,
    { rows: n, cols: n, rowsAre: 'entries of θ' },
    settings.caller,
    true,
  );
  const plan = sparsePlan(pattern, settings, settings.gradient !== undefined);
  return settings.gradient !== undefined
    ? yield* throughGradient(settings, a, plan, name)
    : yield* sparseSecondDifferences(f as (theta: unknown) => unknown, settings, plan, second);
}

/** The colouring over options.gradient: the sparse Jacobian of the gradient. */
function throughGradient(
  settings: Settings,
  a: Float64Array,
  plan: SparsePlan,
  name: (i: number, j: number) => string,
): Measurement<MeasuredHessian> {
  const { layout } = settings;
  return hessianByGradient(settings, name, {
    total: sparseEvaluations(resolveMethod(settings.method), plan),
    what: `sparse Hessian check of ${groupDigits(layout.size)} columns in ${groupDigits(plan.colouring.count)} colours`,
    measure: (evaluator, checkRows) =>
      sparseMatrix(evaluator, settings, a, plan, (i) => `∂f/∂${inputName(layout.pathAt(i))}`, checkRows),
    columns: (i) => rowColumns(plan.pattern, i),
    notes: [sparseNote(plan)],
  });
}
